// Bulk entry: a department of 77 codes entered by one paste per table (each in another code
// form), checked against totals computed independently in cents; subtotal differences listed.
import { describe, expect, it } from 'vitest';
import { applyCodePaste, pasteReportLines, planCodePaste } from '../../src/app/paste-codes';
import { parseCodeBlock } from '../../src/app/code-block';
import { WorkbookSession } from '../../src/app/session';
import { openWorkbook } from '../../src/app/templates';
import { newDocument } from '../../src/model';
import { department77, UNCATALOGUED, yuan } from '../fixtures/department-77';

const fresh = () => new WorkbookSession(openWorkbook(newDocument('hn-2021', 1, { department: '某县文化旅游广电局', year: 2021, unit: '万元' })));

describe('parseCodeBlock', () => {
  it('reads every code form: whole, spaced, dotted, split 类/款/项 (parents blank on child rows), code+name in one cell', () => {
    const rows = (text: string) => parseCodeBlock(text, 'function').rows.map((r) => [r.code, r.name, ...r.values]);
    expect(rows('2080505\t机关事业单位基本养老保险缴费支出\t12.50')).toEqual([['2080505', '机关事业单位基本养老保险缴费支出', '12.50']]);
    expect(rows('208 05 05\t  缴费\t1,212.50\n208.05.06\t年金\t3')).toEqual([['2080505', '缴费', '1,212.50'], ['2080506', '年金', '3']]);
    expect(rows('类\t款\t项\t科目名称\t金额\n208\t\t\t社会保障和就业支出\t15.5\n\t05\t\t行政事业单位养老支出\t15.5\n\t\t05\t缴费\t12.5\n\t\t06\t年金\t3')).toEqual([
      ['208', '社会保障和就业支出', '15.5'],
      ['20805', '行政事业单位养老支出', '15.5'],
      ['2080505', '缴费', '12.5'],
      ['2080506', '年金', '3'],
    ]);
    expect(rows('2080505 机关事业单位基本养老保险缴费支出\t12.5')).toEqual([['2080505', '机关事业单位基本养老保险缴费支出', '12.5']]);
    expect(parseCodeBlock('30101\t基本工资\t344.02\t30201\t办公费\t21.34\n301 02\t津贴补贴\t172.33\t302 02\t印刷费\t1', 'economic').rows.map((r) => [r.code, r.values[0]])).toEqual([
      ['30101', '344.02'],
      ['30201', '21.34'],
      ['30102', '172.33'],
      ['30202', '1'],
    ]);
  });

  it('takes header words for the columns and skips 栏次 rows', () => {
    const b = parseCodeBlock('科目编码\t科目名称\t合计\t基本支出\t项目支出\n栏次\t\t1\t2\t3\n合计\t\t10\t10\t\n2010306\t政务公开审批\t10\t10\t', 'function');
    expect(b.header).toEqual(['科目编码', '科目名称', '合计', '基本支出', '项目支出']);
    expect(b.rows.map((r) => r.code)).toEqual(['sum', '2010306']);
  });
});

describe('a 77-code department, one paste per table', () => {
  const dep = department77();

  it('creates every row with its name and matches every total (cents computed independently)', () => {
    expect(dep.items.gpb.length + dep.items.gf.length + dep.items.soe.length).toBe(77);
    const s = fresh();
    const reports = [];
    let undoSteps = 0;
    s.subscribe((e) => e.type === 'change' && undoSteps++);
    for (const sheet of ['t05', 't08', 't09', 't02', 't03', 't06'] as const) {
      const plan = planCodePaste(s.engine, sheet, dep.blocks[sheet]);
      expect(plan, sheet).not.toBeNull();
      const report = applyCodePaste(s, plan!);
      reports.push(report);
      // Subtotal and 合计 rows equal the computed ones: nothing to say about them.
      expect(report.differences, `${sheet}: ${pasteReportLines(report).lines.join('\n')}`).toEqual([]);
      expect(report.rejected, sheet).toEqual([]);
    }
    expect(undoSteps).toBe(6);
    const e = s.engine;
    const doc = s.doc;
    expect(doc.codes.gpb).toHaveLength(60);
    expect(doc.codes.gf).toHaveLength(12);
    expect(doc.codes.soe).toHaveLength(5);
    const amount = (sheet: Parameters<typeof e.amount>[0], row: string, col: string) => e.amount(sheet, row, col)?.toFixed(2);
    expect(amount('t05', 'sum', 'total')).toBe(yuan(dep.expected.t05.total));
    expect(amount('t05', 'sum', 'basic')).toBe(yuan(dep.expected.t05.basic));
    expect(amount('t05', 'sum', 'proj')).toBe(yuan(dep.expected.t05.proj));
    expect(amount('t02', 'sum', 'total')).toBe(yuan(dep.expected.t02.total));
    expect(amount('t02', 'sum', 'fin')).toBe(yuan(dep.expected.t02.fin));
    expect(amount('t02', 'sum', 'oth')).toBe(yuan(dep.expected.t02.oth));
    expect(amount('t03', 'sum', 'total')).toBe(yuan(dep.expected.t03.total));
    expect(amount('t03', 'sum', 'basic')).toBe(yuan(dep.expected.t03.basic));
    expect(amount('t03', 'sum', 'op')).toBe(yuan(dep.expected.t03.op));
    expect(amount('t08', 'sum', 'exp')).toBe(yuan(dep.expected.t08.exp));
    expect(amount('t08', 'sum', 'close')).toBe(yuan(dep.expected.t08.close));
    expect(amount('t09', 'sum', 'total')).toBe(yuan(dep.expected.t09.total));
    expect(amount('t06', '301', 'amount')).toBe(yuan(dep.expected.t06.c301));
    expect(amount('t06', '302', 'amount')).toBe(yuan(dep.expected.t06.c302));
    expect(amount('t06', '303', 'amount')).toBe(yuan(dep.expected.t06.c303));
    expect(amount('t06', '310', 'amount')).toBe(yuan(dep.expected.t06.c310));
    // Names travelled with the block, parents included; 30230 got its name, 30311 the catalogue's.
    for (const [code, name] of Object.entries(UNCATALOGUED)) expect(e.codes.name(code), code).toBe(name);
    expect(e.codes.name('2120801')).toBe('征地和拆迁补偿支出');
    expect(e.codes.name('22960')).toBe('彩票公益金安排的支出');
    expect(e.codes.economicName('30230')).toBe('自编公用经费');
    expect(doc.economicCodes).toEqual(['30230', '30311']);
    expect(e.audit().filter((f) => f.ruleId === 'code-name')).toEqual([]);
    expect(JSON.stringify(e.layout.sheets.map((x) => x.cells))).not.toContain('自定义科目');
    // One undo removes the whole 06 paste.
    s.undo();
    expect(s.doc.economicCodes).toEqual([]);
    expect(e.amount('t06', '301', 'amount')?.toFixed(2)).toBe('0.00');
    e.destroy();
  });

  it('lists a pasted subtotal that differs, with both values, and still fills the rows', () => {
    const s = fresh();
    const block = '科目编码\t科目名称\t合计\t基本支出\t项目支出\n合计\t\t30.01\t30.01\t\n208\t社会保障和就业支出\t30.00\t30.00\t\n20805\t行政事业单位养老支出\t30.00\t30.00\t\n2080505\t机关事业单位基本养老保险缴费支出\t20.00\t20.00\t\n2080506\t机关事业单位职业年金缴费支出\t10.00\t10.00\t\n';
    const report = applyCodePaste(s, planCodePaste(s.engine, 't05', block)!);
    expect(report.differences).toEqual([
      { label: '第2行 合计 小计', pasted: '30.01', computed: '30.00' },
      { label: '第2行 合计 基本支出', pasted: '30.01', computed: '30.00' },
    ]);
    expect(s.engine.amount('t05', 'sum', 'total')?.toFixed(2)).toBe('30.00');
    const { title, lines } = pasteReportLines(report);
    expect(title).toBe('已粘贴：填入 4 个数值，新增 2 行；2 处合计与计算不符');
    expect(lines).toContain('第2行 合计 小计：粘贴 30.01，计算 30.00');
    s.engine.destroy();
  });

  it('text where an amount belongs is refused with a message, and the figures after it still land', () => {
    const s = fresh();
    const block = '科目编码\t科目名称\t合计\t基本支出\t项目支出\n2080505\t机关事业单位基本养老保险缴费支出\t20.00\t二十\t5.00\n2080506\t机关事业单位职业年金缴费支出\t10.00\t10.00\t\n';
    const report = applyCodePaste(s, planCodePaste(s.engine, 't05', block)!);
    const { lines } = pasteReportLines(report);
    expect(lines).toContain('2080505 机关事业单位基本养老保险缴费支出 基本支出「二十」：「二十」不是有效金额，请输入数字，如 1234.56');
    expect(s.engine.amount('t05', '2080505', 'basic')).toBeNull();
    expect(s.engine.amount('t05', '2080505', 'proj')?.toFixed(2)).toBe('5.00');
    expect(s.engine.amount('t05', '2080506', 'basic')?.toFixed(2)).toBe('10.00');
    s.engine.destroy();
  });

  it('without headers, a note after the figures is named and the figures land', () => {
    const s = fresh();
    const report = applyCodePaste(s, planCodePaste(s.engine, 't05', '2080505\t机关事业单位基本养老保险缴费支出\t20.00\t20.00\t\t含补缴\n')!);
    expect(pasteReportLines(report).lines).toContain('第1行 2080505：「含补缴」不是金额，未导入');
    expect(s.engine.amount('t05', '2080505', 'basic')?.toFixed(2)).toBe('20.00');
    s.engine.destroy();
  });

  it('a block without codes is not a code paste (the grid pastes it cell by cell)', () => {
    const s = fresh();
    expect(planCodePaste(s.engine, 't05', '12.00\t3.00\n4\t5')).toBeNull();
    expect(planCodePaste(s.engine, 't07', '2080505\t甲\t1')).toBeNull();
    s.engine.destroy();
  });
});

describe('a whole sheet of a foreign XLSX', () => {
  it('finds the columns by their header words (any order, title rows above), and the sheet with the codes', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const { readSheets } = await import('../../src/io/xlsx-sheets');
    const { planSheetImport } = await import('../../src/app/paste-codes');
    const x = new ExcelJS.Workbook();
    x.addWorksheet('封面').addRows([['某县文化旅游广电局2021年度部门决算'], ['编制单位：某县文化旅游广电局']]);
    const ws = x.addWorksheet('Z05 一般公共预算支出');
    ws.addRows([
      ['一般公共预算财政拨款支出决算表'],
      ['单位：万元'],
      ['功能分类科目编码', '科目名称', '项目支出', '基本支出', '合计'],
      ['合计', '', 40, 120.5, 160.5],
      ['207', '文化旅游体育与传媒支出', 40, 120.5, 160.5],
      ['20701', '文化和旅游', 40, 120.5, 160.5],
      ['2070109', '群众文化', 40, 100, 140],
      ['2070112', '文化和旅游市场管理', '', 20.5, 20.5],
    ]);
    const sheets = await readSheets(new Uint8Array(await x.xlsx.writeBuffer()));
    const s = fresh();
    const plan = planSheetImport(s.engine, 't05', sheets)!;
    expect(plan.sheetName).toBe('Z05 一般公共预算支出');
    expect(plan.problems).toEqual([]);
    const report = applyCodePaste(s, plan, '导入XLSX表格');
    expect(report.differences).toEqual([]);
    expect(s.engine.amount('t05', '2070109', 'proj')?.toFixed(2)).toBe('40.00');
    expect(s.engine.amount('t05', '2070109', 'basic')?.toFixed(2)).toBe('100.00');
    expect(s.engine.amount('t05', 'sum', 'total')?.toFixed(2)).toBe('160.50');
    expect(s.engine.codes.name('20701')).toBe('文化和旅游');
    s.engine.destroy();
  });
});

describe("names from the user's code list (导入科目表) of the workbook's year", () => {
  const own = {
    function: { '204': '公共安全支出', '20406': '司法', '2040607': '公共法律服务', '2040601': '行政运行（司法）', '207': '文化旅游体育与传媒支出（科目表）' },
    economic: { '30241': '自编经济科目', '302': '商品和服务支出' },
  };

  it('names pasted codes without a name, and the unnamed 类/款 above new rows, in the same undo step', () => {
    const s = fresh();
    const plan = planCodePaste(s.engine, 't05', '2040607\t\t5\t5\t\n2080505\t\t2\t2\t', own)!;
    expect(plan.namedFromList).toEqual(['2040607', '20406']);
    expect(plan.named).toEqual([]);
    const report = applyCodePaste(s, plan);
    const e = s.engine;
    expect(e.codes.name('2040607')).toBe('公共法律服务');
    expect(e.codes.name('20406')).toBe('司法');
    // 204 and 2080505 are named by the built-in catalogue and the list agrees or is silent: untouched.
    expect(s.doc.customCodes).toEqual({ '2040607': '公共法律服务', '20406': '司法' });
    expect(report.unnamed).toEqual([]);
    expect(pasteReportLines(report).lines).toContain('按导入的科目表命名 2 个科目：2040607、20406');
    expect(s.undo()).toBe('粘贴科目和金额');
    expect(s.doc.customCodes).toEqual({});
    expect(s.doc.codes.gpb).toEqual([]);
    e.destroy();
  });

  it("the list's name wins over the built-in catalogue's for a code the block leaves unnamed; the block's own name still wins over both", () => {
    const s = fresh();
    applyCodePaste(s, planCodePaste(s.engine, 't05', '2070109\t\t5\t5\t\n2040601\t司法行政运行\t1\t1\t', own)!);
    expect(s.engine.codes.name('207')).toBe('文化旅游体育与传媒支出（科目表）');
    // 2040601 is unnamed in the catalogue: the pasted name is taken, the list's differs and is not.
    expect(s.engine.codes.name('2040601')).toBe('司法行政运行');
    // A name the user gave is never replaced by the list.
    s.setCodeName('207', '文化旅游体育与传媒（本单位）');
    applyCodePaste(s, planCodePaste(s.engine, 't05', '2070112\t\t1\t1\t', own)!);
    expect(s.engine.codes.name('207')).toBe('文化旅游体育与传媒（本单位）');
    s.engine.destroy();
  });

  it('names an economic code only the list knows (06), and 从XLSX导入本表 takes the list too', async () => {
    const s = fresh();
    const plan = planCodePaste(s.engine, 't06', '30241\t\t3.5', own)!;
    expect(plan.added).toEqual(['30241']);
    expect(plan.namedFromList).toEqual(['30241']);
    applyCodePaste(s, plan);
    expect(s.engine.codes.economicName('30241')).toBe('自编经济科目');
    expect(s.engine.audit().filter((f) => f.ruleId === 'code-name')).toEqual([]);
    const { planSheetImport } = await import('../../src/app/paste-codes');
    const sheet = planSheetImport(s.engine, 't05', [{ name: '表', rows: [['科目编码', '科目名称', '合计', '基本支出', '项目支出'], ['2040607', '', '5', '5', '']] }], own)!;
    expect(sheet.namedFromList).toEqual(['2040607', '20406']);
    s.engine.destroy();
  });

  it('without a list the codes stay unnamed (审核 errors), never a made-up name', () => {
    const s = fresh();
    const report = applyCodePaste(s, planCodePaste(s.engine, 't05', '2040607\t\t5\t5\t')!);
    expect(report.unnamed).toEqual(['20406', '2040607']);
    s.engine.destroy();
  });
});

describe('a block with a 名称 column left blank', () => {
  it('reads the blank names as names, not as an amount column', () => {
    const b = parseCodeBlock('科目编码\t科目名称\t合计\t基本支出\t项目支出\n2040607\t\t5\t5\t\n2070109\t\t7\t\t7', 'function');
    expect(b.rows.map((r) => [r.code, r.name, ...r.values])).toEqual([
      ['2040607', '', '5', '5', ''],
      ['2070109', '', '7', '', '7'],
    ]);
    const s = fresh();
    const plan = planCodePaste(s.engine, 't05', '科目编码\t科目名称\t合计\t基本支出\t项目支出\n2040607\t\t5\t5\t')!;
    expect(plan.problems).toEqual([]);
    applyCodePaste(s, plan);
    expect(s.engine.amount('t05', '2040607', 'basic')?.toFixed(2)).toBe('5.00');
    s.engine.destroy();
  });
});
