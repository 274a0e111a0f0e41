// 审查: a computed cell may hold the figure as printed; the 审核 compares it with the recomputed
// one in the workbook's bands (Lanshan example: 06 公用经费 is 596.17, 02 合计 财政拨款 1,576.05).
import { describe, expect, it } from 'vitest';
import { exampleDocument, openWorkbook } from '../../src/app/templates';
import { PRINTED_RULE } from '../../src/engine';
import type { PrintedValues, WorkbookDocument } from '../../src/model/document';

const withPrinted = (printed: PrintedValues, doc: WorkbookDocument = exampleDocument()): WorkbookDocument => ({ ...doc, printed });
const printedFindings = (doc: WorkbookDocument) => {
  const e = openWorkbook(doc);
  const out = e.audit().filter((f) => f.ruleId === PRINTED_RULE);
  e.destroy();
  return out;
};

describe('printed figures of computed cells', () => {
  it('a swapped digit in 06 公用经费 (596.71 printed, 596.17 computed) is an 错误 naming the cell, with the arithmetic', () => {
    const f = printedFindings(withPrinted({ t06: { public: { amount: '596.71' } } }));
    expect(f).toHaveLength(1);
    const x = f[0]!;
    expect([x.rowId, x.severity, x.left?.toFixed(2), x.right?.toFixed(2), x.diff?.toFixed(2)]).toEqual(['printed:t06:public:amount', 'error', '596.71', '596.17', '0.54']);
    expect(x.cells).toEqual([{ sheet: 't06', row: 'public', col: 'amount' }]);
    expect(x.message).toBe('公开06表 公用经费合计印刷为 596.71，按公式重算为 596.17：印刷数 596.71 − 计算数 596.17 = 0.54，相差 0.54，超出错误界限 0.05，可能漏印、错印或颠倒了数字');
  });

  it('a total printed blank (a PDF review reads it as \'\') is 0 against the recomputed figure; a blank where 0 is computed is no finding', () => {
    const f = printedFindings(withPrinted({ t06: { public: { amount: '' } }, t08: { sum: { open: '' } } }));
    expect(f.map((x) => [x.rowId, x.severity, x.left?.toFixed(2), x.diff?.toFixed(2)])).toEqual([['printed:t06:public:amount', 'error', '0.00', '-596.17']]);
    expect(f[0]!.message).toBe('公开06表 公用经费合计印刷为 空白，按公式重算为 596.17：印刷数 空白（按 0.00） − 计算数 596.17 = -596.17，相差 596.17，超出错误界限 0.05，可能漏印、错印或颠倒了数字');
  });

  it('a 0.02 slip is a 提示 尾差; 0.04 a 提示 beyond the 尾差 band; the bands are the workbook’s', () => {
    const slip = printedFindings(withPrinted({ t06: { public: { amount: '596.15' } } }));
    expect(slip.map((f) => [f.severity, f.diff?.toFixed(2)])).toEqual([['warning', '-0.02']]);
    expect(slip[0]!.message).toBe('尾差：公开06表 公用经费合计印刷为 596.15，按公式重算为 596.17：印刷数 596.15 − 计算数 596.17 = -0.02，相差 0.02，在尾差容差 0.03 以内，可能是四舍五入差，请核实');
    const near = printedFindings(withPrinted({ t06: { public: { amount: '596.21' } } }));
    expect(near.map((f) => [f.severity, f.diff?.toFixed(2)])).toEqual([['warning', '0.04']]);
    expect(near[0]!.message).toContain('超出尾差容差 0.03（错误界限 0.05）');
    // A workbook with a tolerance of 0.01 / 0.01: the same 0.02 is an 错误.
    const strict = printedFindings({ ...withPrinted({ t06: { public: { amount: '596.15' } } }), auditTolerance: { rounding: '0.01', error: '0.01' } });
    expect(strict.map((f) => [f.severity, f.diff?.toFixed(2)])).toEqual([['error', '-0.02']]);
  });

  it('a dropped digit in a printed total (02 合计 财政拨款 157.05 for 1,576.05) is an 错误; an equal printed figure is no finding', () => {
    const f = printedFindings(withPrinted({ t02: { sum: { fin: '157.05', total: '1576.05' } } }));
    expect(f.map((x) => [x.rowId, x.severity, x.diff?.toFixed(2)])).toEqual([['printed:t02:sum:fin', 'error', '-1419.00']]);
    expect(f[0]!.message).toContain('公开02表 合计');
    expect(f[0]!.message).toContain('印刷数 157.05 − 计算数 1,576.05 = -1,419.00');
  });

  it('follows edits: the printed total stays, the recomputed one moves', () => {
    const e = openWorkbook(withPrinted({ t06: { public: { amount: '596.17' } } }));
    expect(e.audit().filter((f) => f.ruleId === PRINTED_RULE)).toEqual([]);
    const before = e.amount('t06', '30201', 'amount')!;
    e.setInput('t06', '30201', 'amount', before.plus(1).toFixed(2));
    const f = e.audit().filter((x) => x.ruleId === PRINTED_RULE);
    expect(f.map((x) => [x.severity, x.left?.toFixed(2), x.right?.toFixed(2)])).toEqual([['error', '596.17', '597.17']]);
    expect(e.printedDifference('t06', 'public', 'amount')?.diff.toFixed(2)).toBe('-1.00');
    expect(e.printedDifference('t06', '30201', 'amount')).toBeUndefined();
    e.destroy();
  });
});
