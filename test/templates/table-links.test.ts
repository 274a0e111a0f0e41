// Links between tables by 项 and by 类 (issue #16 item 2): on every built-in example no legitimate
// difference is flagged (carry-overs, 其他收入 left unspent, 政府性基金, 三公 with 项目支出, 06 lines booked
// under 行政运行), and an error planted in one 项 or 类 is found, naming both tables. Rules compare
// the tables as printed (审查): a printed figure of a computed cell stands for the cell.
import { describe, expect, it } from 'vitest';
import { exampleDocument, openWorkbook, restoreDocument } from '../../src/app/templates';
import { PRINTED_RULE, type Finding } from '../../src/engine';
import type { WorkbookDocument } from '../../src/model/document';
import { EXAMPLES } from '../../sheets/examples';

const LINK_RULES = /^(X23-|X3F-|X13-2|T04-4|X4F-|X65-|X14-3|X35-1|X69-1|X67-1)/;
const example = (id: string): WorkbookDocument => restoreDocument(EXAMPLES.find((x) => x.id === id)!.doc).doc;

function linkFindings(doc: WorkbookDocument): Finding[] {
  const e = openWorkbook(doc);
  const out = e.audit().filter((f) => f.ruleId !== PRINTED_RULE && LINK_RULES.test(f.ruleId));
  e.destroy();
  return out;
}
const ids = (doc: WorkbookDocument) => linkFindings(doc).map((f) => `${f.rowId} ${f.severity} ${f.diff?.toFixed(2)}`);

/** The document with some inputs set (sheet, row, col, value). */
function withInputs(doc: WorkbookDocument, edits: [string, string, string, string][]): WorkbookDocument {
  const e = openWorkbook(doc);
  e.setInputs(edits.map(([sheet, row, col, raw]) => ({ sheet: sheet as never, row, col, raw })));
  const out = e.document();
  e.destroy();
  return out;
}

/** The document with printed figures of computed cells added. */
function withPrinted(doc: WorkbookDocument, cells: [string, string, string, string][]): WorkbookDocument {
  const printed = structuredClone(doc.printed ?? {}) as Record<string, Record<string, Record<string, string>>>;
  for (const [sheet, row, col, v] of cells) ((printed[sheet] ??= {})[row] ??= {})[col] = v;
  return { ...doc, printed: printed as WorkbookDocument['printed'] };
}

describe('links between tables find no legitimate difference in the built-in examples', () => {
  it('has the rules per 项 and per 类 in every template', () => {
    for (const { id } of EXAMPLES) {
      const e = openWorkbook(example(id));
      const rules = new Set(e.layout.rules.map((r) => r.def.id));
      for (const r of ['X23-spend', 'X23-keep', 'X13-2', 'T04-4', 'T04-4-total', 'X4F-gpb']) expect(rules.has(r), `${id} ${r}`).toBe(true);
      e.destroy();
    }
  });

  it('蓝山 2021: 06 养老/医疗/公积金 lines are paid within 2010306 行政运行, so no 06 ↔ 05 pair applies', () => {
    expect(ids(example('lanshan-2021'))).toEqual([]);
    const e = openWorkbook(example('lanshan-2021'));
    expect(e.layout.rules.some((r) => r.def.id.startsWith('X65-'))).toBe(false);
    e.destroy();
  });

  it('national example: carry-overs by fund, 政府性基金 and 国有资本经营 items, non-fiscal income: nothing', () => {
    expect(ids(example('national-2022'))).toEqual([]);
  });

  it('财政局 2024: 02 ≠ 03 in 2010601/2010602 (其他收入 left unspent) is not flagged; 326.71 against 326.72 is', () => {
    expect(ids(example('sh-putuo-czj-2024'))).toEqual(['X13-2:208 warning -0.01', 'X4F-gpb:208 warning -0.01']);
  });

  it('生态环境局 2025: 03 and 05 agree per 项 as printed (2111101 1,493.39 in both): nothing', () => {
    expect(ids(example('sh-putuo-sthj-2025'))).toEqual([]);
  });
});

describe('a planted error in one 项 or 类 is found', () => {
  it('02 income of a 项 kept beyond the 01 年末结转和结余 (财政局 2010602 其他收入 6.19 → 66.19)', () => {
    const f = linkFindings(withInputs(example('sh-putuo-czj-2024'), [['income', '2010602', 'oth', '66.19']]));
    const x = f.find((r) => r.rowId === 'X23-keep:2010602')!;
    expect([x.severity, x.left?.toFixed(2), x.right?.toFixed(2)]).toEqual(['warning', '66.19', '55.34']);
    expect(x.message).toContain('表二2010602 一般行政管理事务收入减表三该项支出（66.19）大于表一年末结转和结余与结余分配之和（55.34）');
  });

  it('03 spending of a 项 beyond its income and the opening balances (财政局 2010602 上缴上级支出 60)', () => {
    const f = linkFindings(withInputs(example('sh-putuo-czj-2024'), [['expenditure', '2010602', 'up', '60']]));
    expect(f.map((x) => x.rowId)).toContain('X23-spend:2010602');
  });

  it('03 of a 政府性基金 项 printed below its 07 spending (national 2120801: 78.00 for 780.00)', () => {
    const f = linkFindings(withPrinted(example('national-2022'), [['expenditure', '2120801', 'total', '78.00']]));
    const x = f.find((r) => r.rowId === 'X3F-1:2120801')!;
    expect([x.severity, x.left?.toFixed(2), x.right?.toFixed(2)]).toEqual(['error', '78.00', '780.00']);
  });

  it('01 per 类 printed with a dropped digit (national 212: an 错误 against 03)', () => {
    const e = openWorkbook(example('national-2022'));
    const v = e.amount('incomeExpenditure', '212', 'amount')!;
    e.destroy();
    const wrong = v.div(10).toDecimalPlaces(2).toFixed(2);
    const f = linkFindings(withPrinted(example('national-2022'), [['incomeExpenditure', '212', 'amount', wrong]]));
    const x = f.find((r) => r.rowId === 'X13-2:212')!;
    expect([x.severity, x.left?.toFixed(2), x.right?.toFixed(2)]).toEqual(['error', wrong, v.toFixed(2)]);
    // 04 合计 of 212 is then above 01's 212 as well.
    expect(f.map((r) => r.rowId)).toContain('X14-3:212');
  });

  it('04 per 类: 合计 ≠ its fund columns, and a fund column ≠ its table (national 212 政府性基金)', () => {
    const e = openWorkbook(example('national-2022'));
    const all = e.amount('fiscalIncomeExpenditure', '212', 'all')!;
    const gf = e.amount('fiscalIncomeExpenditure', '212', 'gf')!;
    e.destroy();
    const f1 = linkFindings(withPrinted(example('national-2022'), [['fiscalIncomeExpenditure', '212', 'all', all.plus(9).toFixed(2)]]));
    expect(f1.find((r) => r.rowId === 'T04-4:212')?.diff?.toFixed(2)).toBe('9.00');
    const f2 = linkFindings(withPrinted(example('national-2022'), [['fiscalIncomeExpenditure', '212', 'gf', gf.minus(100).toFixed(2)]]));
    const x = f2.find((r) => r.rowId === 'X4F-gf:212')!;
    expect([x.severity, x.diff?.toFixed(2)]).toEqual(['error', '-100.00']);
    expect(x.message).toContain('公开07表城乡社区支出');
  });

  it('06 ↔ 05 for the same money: 30108 养老保险缴费 typed 106.75 against 2080505 基本支出 160.75 (提示)', () => {
    const f = linkFindings(withInputs(example('sh-putuo-czj-2024'), [['basicExpenditure', '30108', 'amount', '106.75']]));
    const x = f.find((r) => r.rowId === 'X65-30108')!;
    expect([x.severity, x.diff?.toFixed(2)]).toEqual(['warning', '-54.00']);
    expect(x.message).toBe('表六30108（106.75）与表五2080505基本支出（160.75）不相等，差额 -54.00');
  });

  it('06 above 三公 for the same item (national 30217 公务接待费 36.00 against 09 3.60)', () => {
    const f = linkFindings(withInputs(example('national-2022'), [['basicExpenditure', '30217', 'amount', '36.00']]));
    expect(f.find((r) => r.rowId === 'X69-1-30217')?.diff?.toFixed(2)).toBe('32.40');
  });

  it('rules between totals compare the printed figures: 01 本年收入合计 printed 157.61 (a dropped digit) against 02 合计', () => {
    const doc = withPrinted(exampleDocument(), [['t01', 'inc.total', 'amount', '157.61']]);
    const e = openWorkbook(doc);
    const x = e.audit().find((f) => f.rowId === 'X12-1')!;
    expect([x.severity, x.left?.toFixed(2), x.right?.toFixed(2)]).toEqual(['error', '157.61', '1576.05']);
    e.destroy();
  });
});
