// 导入科目表 in each form (XLSX, CSV, two pasted columns, split 类/款/项, GB18030 is the UI's), the
// report (added / renamed / conflicts), storage for all workbooks, names filling a workbook's
// gaps, the JSON backup carrying the lists; and the year-aware built-in catalogue.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportAll, importBackup } from '../../src/app/backup';
import { codeListReportLines, mergeCodeList, namesForGaps, readCodeList, type UserCatalogue } from '../../src/app/code-list-import';
import { WorkbookSession } from '../../src/app/session';
import { restoreDocument, CATALOGUES, exampleDocument, openWorkbook } from '../../src/app/templates';
import { readSheets } from '../../src/io/xlsx-sheets';
import { MemoryCatalogueStore, MemoryStore } from '../../src/storage';

const LIST = [
  ['科目编码', '科目名称'],
  ['207', '文化旅游体育与传媒支出'],
  ['20701', '文化和旅游'],
  ['2070101', '行政运行'],
  ['2070109', '群众文化'],
  ['20406', '司法'],
  ['2040607', '公共法律服务'],
  ['2010101', '行政运行（人大）'],
  ['30311', '代缴社会保险费'],
];

const codes = (l: ReturnType<typeof readCodeList>) => l.entries.map((e) => [e.kind, e.code, e.name]);

describe('reading a code list', () => {
  const expected = [
    ['function', '207', '文化旅游体育与传媒支出'],
    ['function', '20701', '文化和旅游'],
    ['function', '2070101', '行政运行'],
    ['function', '2070109', '群众文化'],
    ['function', '20406', '司法'],
    ['function', '2040607', '公共法律服务'],
    ['function', '2010101', '行政运行（人大）'],
    ['economic', '30311', '代缴社会保险费'],
  ];

  it('two pasted columns (tab-separated, as Excel copies them)', () => {
    expect(codes(readCodeList(LIST.map((r) => r.join('\t')).join('\n')))).toEqual(expected);
  });

  it('CSV with quotes', () => {
    const csv = LIST.map((r) => r.map((c) => (c.includes('（') ? `"${c}"` : c)).join(',')).join('\r\n');
    expect(codes(readCodeList(csv))).toEqual(expected);
  });

  it('split forms: 208 05 05 in one cell, and 类/款/项 in three columns with parents blank', () => {
    const spaced = readCodeList('208 05\t行政事业单位养老支出\n208 05 05\t机关事业单位基本养老保险缴费支出\n301 01\t基本工资');
    expect(codes(spaced)).toEqual([
      ['function', '20805', '行政事业单位养老支出'],
      ['function', '2080505', '机关事业单位基本养老保险缴费支出'],
      ['economic', '30101', '基本工资'],
    ]);
    const split = readCodeList('类\t款\t项\t科目名称\n208\t\t\t社会保障和就业支出\n\t05\t\t行政事业单位养老支出\n\t\t05\t机关事业单位基本养老保险缴费支出\n\t\t06\t机关事业单位职业年金缴费支出');
    expect(codes(split).map((x) => x[1])).toEqual(['208', '20805', '2080505', '2080506']);
  });

  it('an XLSX sheet (read by ExcelJS, as the dialog does)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('2021年支出功能分类科目');
    ws.addRow(['2021年政府收支分类科目']);
    ws.mergeCells('A1:B1');
    for (const r of LIST) ws.addRow(r.map((c) => (/^\d+$/.test(c) ? Number(c) : c)));
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const sheets = await readSheets(bytes);
    expect(sheets.map((s) => s.name)).toEqual(['2021年支出功能分类科目']);
    expect(codes(readCodeList(sheets[0]!.rows))).toEqual(expected);
    await expect(readSheets(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0]))).rejects.toThrow('这不是 Excel 文件');
  });
});

describe('merging into the catalogue of a year', () => {
  it('reports added, renamed and conflicting codes', () => {
    const list = readCodeList([...LIST, ['2070109', '群众文化活动'], ['2130999', '其他农业支出']].map((r) => r.join('\t')).join('\n'));
    const { catalogues, report } = mergeCodeList(list, 2021, [], '科目表.xlsx', new Date('2026-12-01T00:00:00Z'));
    expect(report.added.map((a) => a.code)).toEqual(['20701', '2070101', '2070109', '20406', '2040607', '2130999']);
    expect(report.renamed).toEqual([{ kind: 'function', code: '2010101', before: '行政运行', after: '行政运行（人大）' }]);
    expect(report.conflicts).toEqual(['2070109：第5行为「群众文化」，第10行为「群众文化活动」，保留第一个', '2130999 的上级科目 21309 不在表中，也不在目录中']);
    // 30311 is known (the catalogue's nearest year): the same name, not an addition.
    expect(report.unchanged).toBe(2);
    expect(catalogues.map((c) => [c.kind, c.year, Object.keys(c.names).length])).toEqual([
      ['function', 2021, 8],
      ['economic', 2021, 1],
    ]);
    expect(codeListReportLines(report)[0]).toBe('2021年科目表：新增 6 个，改名 1 个，冲突 2 处，相同 2 个');
  });

  it('is kept for all workbooks, fills a workbook’s unnamed codes, and travels in the JSON backup', async () => {
    const catalogues = new MemoryCatalogueStore();
    const { catalogues: lists } = mergeCodeList(readCodeList(LIST.map((r) => r.join('\t')).join('\n')), 2021, [], '粘贴');
    await catalogues.put(lists);
    expect((await catalogues.list()).catalogues).toHaveLength(2);

    const s = new WorkbookSession(openWorkbook(exampleDocument()));
    s.addCodes([{ code: '2070109' }, { code: '2040607' }]);
    expect(s.engine.codes.nameOf('20701')).toBeNull();
    const gaps = namesForGaps(s, (await catalogues.list()).catalogues as UserCatalogue[]);
    expect(gaps.map((g) => g.code)).toEqual(['20406', '2040607', '20701', '2070109']);
    s.addCodes(gaps);
    expect(s.engine.codes.name('20701')).toBe('文化和旅游');
    expect(s.engine.audit().filter((f) => f.ruleId === 'code-name')).toEqual([]);
    s.engine.destroy();

    const store = new MemoryStore({ restore: restoreDocument });
    await store.create([{ info: { id: 'w1', name: '示例', kind: 'base' }, doc: exampleDocument() }]);
    const out = await exportAll(store, new Date(), catalogues);
    expect(JSON.parse(out.text).catalogues).toHaveLength(2);
    const elsewhere = new MemoryCatalogueStore();
    const result = await importBackup(new MemoryStore({ restore: restoreDocument }), out.text, elsewhere);
    expect(result.notes).toContain('科目表 2 份已并入本机（2021年经济分类、2021年功能分类）');
    expect((await elsewhere.list()).catalogues.find((c) => c.kind === 'function')?.names['2040607']).toBe('公共法律服务');
  });
});

describe('built-in catalogue per year', () => {
  const fn = CATALOGUES.functionCatalog;
  const ec = CATALOGUES.economicCatalog;
  it('knows renamed classes as synonyms', () => {
    expect(fn.lookup('207', 2021)?.name).toBe('文化旅游体育与传媒支出');
    expect(fn.lookup('207', 2021)?.synonyms).toContain('文化体育与传媒支出');
    expect(fn.knowsName('210', '医疗卫生与计划生育支出')).toBe(true);
    expect(fn.lookup('210', 2025)?.name).toBe('卫生健康支出');
  });
  it('names a code by the year it is printed in, with its sources and confidence', () => {
    expect(ec.lookup('30108', 2021)?.name).toBe('机关事业单位基本养老保险费');
    expect(ec.lookup('30108', 2024)?.name).toBe('机关事业单位基本养老保险缴费');
    expect(ec.lookup('30311', 2024)).toMatchObject({ name: '代缴社会保险费', confirmed: true, sources: ['SH-PUTUO-CZJ-2024'], confidence: 'high' });
    // Not shown by any source for 2021: the nearest year's name, flagged as unconfirmed.
    expect(ec.lookup('30311', 2021)).toMatchObject({ name: '代缴社会保险费', confirmed: false, confidence: 'low' });
    // Codes printed in the 2025 example that the research list lacked.
    expect(fn.lookup('2111101', 2025)).toMatchObject({ name: '生态环境监测与信息', confirmed: true });
    expect(fn.lookup('2010306', 2021)?.sources).toContain('SEED');
    expect(fn.codes(2025).length).toBeGreaterThan(fn.codes(2021).length - 1);
  });
});
