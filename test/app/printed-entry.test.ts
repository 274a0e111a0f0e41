// 审查模式 entry: printed figures of computed cells typed or pasted through the session, beside
// inputs, validated all-or-nothing, one undo step each, judged by the 审核 at once.
import { describe, expect, it } from 'vitest';
import { applyValidEdits } from '../../src/app/partial-edit';
import { WorkbookSession } from '../../src/app/session';
import { exampleById, exampleDocument, openWorkbook } from '../../src/app/templates';
import { PRINTED_RULE } from '../../src/engine';
import { InputError } from '../../src/model/amount';

const printedFindings = (s: WorkbookSession) => s.engine.audit().filter((f) => f.ruleId === PRINTED_RULE);

describe('printed figures entered through the session (审查模式)', () => {
  it('a typed printed total is an 错误 with its arithmetic, undone and redone as one step', () => {
    const s = new WorkbookSession(openWorkbook(exampleDocument()));
    expect(printedFindings(s)).toEqual([]);
    // A dropped digit: 1,567.05 printed where 05's 合计 is 1,576.05.
    s.edit([{ sheet: 't05', row: 'sum', col: 'total', raw: '1567.05', printed: true }], '录入印刷数');
    expect(s.engine.printedValue('t05', 'sum', 'total')).toBe('1567.05');
    expect(s.engine.amount('t05', 'sum', 'total')?.toFixed(2)).toBe('1576.05');
    const [f, ...rest] = printedFindings(s);
    expect(rest).toEqual([]);
    expect(f!.severity).toBe('error');
    expect(f!.diff?.toFixed(2)).toBe('-9.00');
    expect(f!.message).toContain('印刷数 1,567.05 − 计算数 1,576.05 = -9.00');
    expect(f!.cells).toEqual([{ sheet: 't05', row: 'sum', col: 'total' }]);

    expect(s.undo()).toBe('录入印刷数');
    expect(s.engine.printedValue('t05', 'sum', 'total')).toBeNull();
    expect(s.doc.printed).toBeUndefined();
    expect(printedFindings(s)).toEqual([]);
    expect(s.redo()).toBe('录入印刷数');
    expect(printedFindings(s).map((x) => x.diff?.toFixed(2))).toEqual(['-9.00']);
  });

  it('a cent off is a 提示 尾差; an equal figure no finding; Delete (null) clears it', () => {
    const s = new WorkbookSession(openWorkbook(exampleDocument()));
    s.edit([{ sheet: 't06', row: 'public', col: 'amount', raw: '596.18', printed: true }]);
    expect(printedFindings(s).map((f) => [f.severity, f.diff?.toFixed(2)])).toEqual([['warning', '0.01']]);
    s.edit([{ sheet: 't06', row: 'public', col: 'amount', raw: '596.17', printed: true }]);
    expect(printedFindings(s)).toEqual([]);
    expect(s.doc.printed?.t06?.public?.amount).toBe('596.17');
    s.edit([{ sheet: 't06', row: 'public', col: 'amount', raw: null, printed: true }]);
    expect(s.doc.printed).toBeUndefined();
  });

  it('an input edit re-judges the printed figure it moves', () => {
    const s = new WorkbookSession(openWorkbook(exampleDocument()));
    s.edit([{ sheet: 't06', row: 'public', col: 'amount', raw: '606.17', printed: true }]);
    expect(printedFindings(s).map((f) => f.diff?.toFixed(2))).toEqual(['10.00']);
    // 办公费 21.34 → 31.34: 公用经费 becomes 606.17, as printed.
    s.edit([{ sheet: 't06', row: '30201', col: 'amount', raw: '31.34' }]);
    expect(printedFindings(s)).toEqual([]);
  });

  it('inputs and printed figures of one paste are one step, all or nothing', () => {
    const s = new WorkbookSession(openWorkbook(exampleDocument()));
    s.edit(
      [
        { sheet: 't06', row: '30201', col: 'amount', raw: '31.34' },
        { sheet: 't06', row: 'public', col: 'amount', raw: '606.17', printed: true },
      ],
      '粘贴',
    );
    expect(printedFindings(s)).toEqual([]);
    expect(s.undo()).toBe('粘贴');
    expect(s.doc.inputs.t06?.['30201']?.amount).toBe('21.34');
    expect(s.doc.printed).toBeUndefined();
    expect(s.canUndo()).toBe(false);

    // A bad printed figure refuses the whole edit: the input is not applied either.
    expect(() =>
      s.edit([
        { sheet: 't06', row: '30201', col: 'amount', raw: '31.34' },
        { sheet: 't06', row: 'public', col: 'amount', raw: '六百', printed: true },
      ]),
    ).toThrow(InputError);
    expect(s.doc.inputs.t06?.['30201']?.amount).toBe('21.34');
    expect(s.canUndo()).toBe(false);
  });

  it('refuses printed figures for inputs and 补充资料, and lists bad cells of a block', () => {
    const s = new WorkbookSession(openWorkbook(exampleDocument()));
    expect(() => s.engine.parsePrinted('t06', '30201', 'amount', '1')).toThrow('填报单元格直接按印刷数填写');
    const supFormula = [...s.engine.sheet('sup').index.keys()].map((k) => k.split('|') as [string, string]).find(([r, c]) => !s.engine.isInput('sup', r, c))!;
    expect(() => s.engine.parsePrinted('sup', supFormula[0], supFormula[1], '1')).toThrow('只有表中自动计算的金额可以录入印刷数');

    const result = applyValidEdits(s, [
      { sheet: 't05', row: 'sum', col: 'total', raw: '1,576.05', printed: true },
      { sheet: 't05', row: 'sum', col: 'basic', raw: 'abc', printed: true },
    ]);
    expect(result.applied.map((e) => e.col)).toEqual(['total']);
    expect(result.rejected.map((r) => r.edit.col)).toEqual(['basic']);
    expect(s.doc.printed?.t05?.sum).toEqual({ total: '1576.05' });
  });

  it('rules between tables read the printed figure at once, as a fresh build of the same document does', () => {
    // 财政局 2024 prints 208 as 326.71 in 01 and 04 (326.72 in 03/05): X13-2:208 and X4F-gpb:208.
    const s = new WorkbookSession(openWorkbook(exampleById('sh-putuo-czj-2024')));
    const judged = (e: { audit(): readonly { rowId: string; severity: string; diff: { toFixed(n: number): string } | null }[] }) =>
      e.audit().map((f) => `${f.rowId} ${f.severity} ${f.diff?.toFixed(2) ?? ''}`).sort();
    expect(judged(s.engine)).toEqual(expect.arrayContaining(['X13-2:208 warning -0.01', 'X4F-gpb:208 warning -0.01']));
    // The reviewer corrects 01's printed 208 to the 03 figure, and misprints 04's by a digit.
    s.edit([
      { sheet: 'incomeExpenditure', row: '208', col: 'amount', raw: '326.72', printed: true },
      { sheet: 'fiscalIncomeExpenditure', row: '208', col: 'gpb', raw: '362.72', printed: true },
    ]);
    const fresh = openWorkbook(s.doc);
    try {
      expect(judged(s.engine)).toEqual(judged(fresh));
      expect(judged(s.engine)).not.toContain('X13-2:208 warning -0.01');
      expect(judged(s.engine).some((f) => f.startsWith('X4F-gpb:208 error'))).toBe(true);
      s.undo();
      expect(judged(s.engine)).toEqual(judged(openWorkbook(exampleById('sh-putuo-czj-2024'))));
    } finally {
      fresh.destroy();
    }
  });
});
