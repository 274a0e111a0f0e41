// sh-2024 beyond the figures: the print as Shanghai has it (numbers in the contents only, no 行次,
// 05 合计 last, 七 三公 per item), the 部门决算单位构成 in 第一部分 and through XLSX/JSON, zero style,
// and the workbook's 审核 tolerance.
import { describe, expect, it } from 'vitest';
import { buildPublication, publicationText } from '../../src/app/publication';
import { openWorkbook, restoreDocument, shExampleDocument } from '../../src/app/templates';
import { displayText, toGridValue } from '../../src/engine/display-text';
import { importXlsx } from '../../src/io/xlsx-import';
import { InputError } from '../../src/model/amount';
import { exportEngine, IMPORT_DEPS } from '../io/support';

describe('sh-2024 print', () => {
  const e = openWorkbook(shExampleDocument('sh-putuo-czj-2024'));
  const pub = buildPublication(e);

  it('numbers the tables in the contents as the template does, not above the tables', () => {
    const tables = pub.parts.find((p) => p.id === 'tables')!;
    expect(tables.title).toBe('第二部分 上海市普陀区财政局2024年度部门决算表');
    expect(pub.toc.filter((t) => t.level === 1 && /^[一二三四五六七八九]、.*表$/.test(t.text)).map((t) => t.text)).toEqual([
      '一、收入支出决算总表',
      '二、收入决算表',
      '三、支出决算表',
      '四、财政拨款收入支出决算总表',
      '五、一般公共预算财政拨款支出决算表',
      '六、一般公共预算财政拨款基本支出决算表',
      '七、财政拨款“三公”经费支出决算表',
      '八、政府性基金预算财政拨款收入支出决算表',
      '九、国有资本经营预算财政拨款收入支出决算表',
    ]);
    for (const b of tables.blocks) if (b.kind === 'table') expect(b.table.publicNo).toBe('');
    expect(e.sheet('incomeExpenditure').cells.flat().some((c) => c?.t === 'text' && c.role === 'publicNo')).toBe(false);
  });

  it('01 has no 行次 and lists the 24 classes of the template with 使用非财政拨款结余', () => {
    const s = e.sheet('incomeExpenditure');
    expect(s.width).toBe(4);
    expect(s.cells.flat().some((c) => c?.t === 'text' && c.role === 'lineNo')).toBe(false);
    const labels = s.cells.map((row) => (row[2]?.t === 'text' ? row[2].text : ''));
    expect(labels).toContain('二十四、抗疫特别国债安排的支出');
    expect(labels).toContain('十九、住房保障支出');
    expect(s.cells.map((row) => (row[0]?.t === 'text' ? row[0].text : ''))).toContain('使用非财政拨款结余');
    expect(s.index.get('inc.open|amount')?.c).toBe(1);
    expect(s.index.get('exp.close|amount')?.c).toBe(3);
  });

  it('05 prints 合计 after its 类 rows; 七 has 预算数 and 决算数 side by side per item', () => {
    const s = e.sheet('gpbExpenditure');
    const sum = s.index.get('sum|total')!.r;
    expect(sum).toBeGreaterThan(s.index.get('221|total')!.r);
    const t7 = e.sheet('sangong');
    expect(['bud', 'act'].flatMap((row) => ['total', 'recep'].map((col) => t7.index.get(`${row}|${col}`)!.c))).toEqual([0, 10, 1, 11]);
    expect(e.amount('sangong', 'bud', 'total')?.toFixed(2)).toBe('0.95');
  });

  it('prints empty cells blank (财政局) or 0.00 (生态环境局, its zero style)', () => {
    const show = (eng: typeof e, sheet: 'basicExpenditure', row: string) => {
      const s = eng.sheet(sheet);
      const p = s.index.get(`${row}|amount`)!;
      const cell = s.cells[p.r]![p.c]!;
      return displayText(cell, toGridValue(cell, eng.value(sheet, row, 'amount')), s.zero);
    };
    expect(show(e, 'basicExpenditure', '30103')).toBe('');
    const z = openWorkbook(shExampleDocument('sh-putuo-sthj-2025'));
    expect(z.document().zeroStyle).toBe('zero');
    expect(show(z, 'basicExpenditure', '30103')).toBe('0.00');
    z.destroy();
  });

  it('prints 部门决算单位构成 under 第一部分 二、 with 序号, 单位名称, 备注', () => {
    const first = pub.parts[0]!;
    expect(first.title).toBe('第一部分 上海市普陀区财政局概况');
    const at = first.blocks.findIndex((b) => b.kind === 'heading' && b.text === '二、部门决算单位构成');
    const table = first.blocks[at + 1];
    expect(table?.kind).toBe('table');
    if (table?.kind !== 'table') return;
    expect(table.table.header[0]!.cells.map((c) => c?.text)).toEqual(['序号', '单位名称', '备注']);
    expect(table.table.body.map((r) => r.cells.map((c) => c?.text))).toEqual([
      ['1', '上海市普陀区财政局（本级）', ''],
      ['2', '上海市普陀区财政局财政所', '预算不单列，并入本级'],
      ['3', '上海市普陀区国库收付中心', '预算不单列，并入本级'],
    ]);
    expect(publicationText(pub)).toContain('上海市普陀区国库收付中心');
  });
});

describe('部门决算单位构成 and 审核 tolerance are workbook data', () => {
  it('survive XLSX export and import, and the JSON document', async () => {
    const e = openWorkbook(shExampleDocument('sh-putuo-czj-2024'));
    e.setUnits([...e.document().units, { name: ' 新设单位 ', note: '' }, { name: '  ', note: 'x' }]);
    e.setAuditTolerance('0.02', '0.1');
    const doc = e.document();
    expect(doc.units.map((u) => u.name)).toEqual(['上海市普陀区财政局（本级）', '上海市普陀区财政局财政所', '上海市普陀区国库收付中心', '新设单位']);
    const { document, notes } = await importXlsx(await exportEngine(e), IMPORT_DEPS);
    expect(notes).toEqual([]);
    expect(document.units).toEqual(doc.units);
    expect(document.auditTolerance).toEqual({ rounding: '0.02', error: '0.10' });
    expect(document.zeroStyle).toBeUndefined();
    expect(restoreDocument(JSON.parse(JSON.stringify(doc))).doc).toEqual(doc);
    e.destroy();
  });

  it('the bands decide 尾差, 请核实 and 错误, and the finding names them', () => {
    // Without its printed figures (审查) the example's 06 parents are the sums of their 款.
    const { printed: _printed, ...doc } = shExampleDocument('sh-putuo-czj-2024');
    const e = openWorkbook(doc);
    const x56 = () => e.audit().find((f) => f.ruleId === 'X56-1')!;
    // 05 基本 2,336.92 vs 06 2,336.94: 0.02.
    expect(x56().severity).toBe('warning');
    expect(x56().tolerance?.rounding.toFixed(2)).toBe('0.03');
    e.setAuditTolerance('0.01', '0.01');
    expect(x56().severity).toBe('error');
    expect(x56().message).toBe('表五合计行基本支出（2,336.92）与表六人员经费合计与公用经费合计之和（2,336.94）不相等，差额 -0.02');
    e.setAuditTolerance('0.01', '0.05');
    expect(x56().severity).toBe('warning');
    expect(x56().message).toContain('超出尾差容差 0.01（错误界限 0.05），请核实');
    // The 审核 sheet's 结果 column agrees with the finding.
    expect(e.value('audit', 'X56-1', 'result')).toBe('提示');
    expect(() => e.setAuditTolerance('0.06', '0.05')).toThrow(InputError);
    expect(() => e.setAuditTolerance('-1', '0.05')).toThrow('非负');
    e.destroy();
  });
});

describe('sh-2024 asks only for what it uses', () => {
  it('every 补充资料 input and text is read by its narrative, figures, 审核 or 从上年结转; no 会议费/培训费', async () => {
    const { SH_2024: t } = await import('../../sheets');
    const used = JSON.stringify([t.narrative, t.figures, t.audit, t.carryOver, t.supplement.flatMap((s) => s.fields.map((f) => f.formula ?? ''))]);
    const inputs = t.supplement.flatMap((s) => s.fields.filter((f) => !f.formula).map((f) => f.id));
    expect(inputs.filter((id) => !used.includes(`sup:${id}:`) && !used.includes(`{${id}:`) && !used.includes(`"${id}"`))).toEqual([]);
    expect(t.texts.map((x) => x.id).filter((id) => !JSON.stringify(t.narrative).includes(`"${id}"`))).toEqual([]);
    expect(inputs.filter((id) => /meeting|training/.test(id))).toEqual([]);
  });
});
