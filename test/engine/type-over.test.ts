// 03表 基本/项目支出 typed over the figure that follows the fiscal tables: the 非财政拨款 part is
// the difference (shown in 补充资料), flows into 01 through 03, and a negative one is a 审核 error.
// Expected figures are the example's inputs worked out by hand.
import { describe, expect, it } from 'vitest';
import { exampleDocument, nationalExampleDocument, openWorkbook } from '../../src/app/templates';
import { shown } from './helpers';

describe('hn-2021 (Lanshan): 03 basic typed over', () => {
  const code = '2010306';

  it('follows 05 while blank; typed fiscal + 5.00, 非财政拨款 5.00 is shown and 01 follows; cleared, back to the reference', () => {
    const e = openWorkbook(exampleDocument());
    expect(e.typeOverState('t03', code, 'basic')).toBe('following');
    expect(e.isInput('t03', code, 'basic')).toBe(true);
    expect(shown(e, 't03', code, 'basic')).toBe('1576.05');
    expect(shown(e, 'sup', `nonfiscal.basic.${code}`, 'value')).toBe('0.00');

    const r = e.setInput('t03', code, 'basic', '1581.05');
    expect(e.typeOverState('t03', code, 'basic')).toBe('typed');
    expect(e.document().inputs.t03).toEqual({ [code]: { basic: '1581.05' } });
    expect(shown(e, 'sup', `nonfiscal.basic.${code}`, 'value')).toBe('5.00');
    expect(shown(e, 't03', code, 'total')).toBe('1581.05');
    expect(shown(e, 't03', 'sum', 'basic')).toBe('1581.05');
    expect(shown(e, 't01', 'exp.total', 'amount')).toBe('1581.05');
    // Income is typed in 02: until the 非财政拨款 income is there too, 01 closes 5.00 short.
    expect(shown(e, 't01', 'exp.close', 'amount')).toBe('-5.00');
    // 04 is 财政拨款 only: unchanged.
    expect(shown(e, 't04', 'exp.total', 'all')).toBe('1576.05');
    expect(e.followValue('t03', code, 'basic')).toBeCloseTo(1576.05, 10);
    expect(r.changes).toContainEqual({ sheet: 't01', row: 'exp.total', col: 'amount', value: 1581.05 });

    e.setInput('t02', code, 'oth', '5');
    expect(shown(e, 't01', 'inc.oth', 'amount')).toBe('5.00');
    expect(shown(e, 't01', 'inc.total', 'amount')).toBe('1581.05');
    expect(shown(e, 't01', 'inc.grand', 'amount')).toBe('1581.05');
    expect(shown(e, 't01', 'exp.grand', 'amount')).toBe('1581.05');
    expect(shown(e, 't01', 'exp.close', 'amount')).toBe('0.00');
    expect(e.figure('grandTotal')?.toFixed(2)).toBe('1581.05');
    expect(e.audit()).toEqual([]);

    e.setInput('t02', code, 'oth', null);
    e.setInput('t03', code, 'basic', null);
    expect(e.typeOverState('t03', code, 'basic')).toBe('following');
    expect(e.document()).toEqual(exampleDocument());
    expect(shown(e, 't03', code, 'basic')).toBe('1576.05');
    expect(shown(e, 't01', 'exp.total', 'amount')).toBe('1576.05');
    expect(shown(e, 't01', 'exp.close', 'amount')).toBe('0.00');
    expect(shown(e, 'sup', `nonfiscal.basic.${code}`, 'value')).toBe('0.00');
    expect(e.audit()).toEqual([]);
    e.destroy();
  });

  it('typed 1.00 below its 财政拨款: a 审核 error naming the row and both figures', () => {
    const e = openWorkbook(exampleDocument());
    e.setInput('t03', code, 'basic', '1575.05');
    expect(shown(e, 'sup', `nonfiscal.basic.${code}`, 'value')).toBe('-1.00');
    const nf = e.audit().filter((f) => f.ruleId === 'NF-1-basic');
    expect(nf.map((f) => [f.rowId, f.severity, f.message])).toEqual([
      [
        `NF-1-basic:${code}`,
        'error',
        `公开03表${code} ${e.codes.name(code)}基本支出（1,575.05）小于05、08、09表该项财政拨款基本支出（1,576.05），相差 1.00`,
      ],
    ]);
    expect(nf[0]!.cells).toContainEqual({ sheet: 't03', row: code, col: 'basic' });
    // Typed the very figure it followed: typed, no difference, no finding.
    const r = e.setInput('t03', code, 'basic', '1576.05');
    expect(r.changes).toContainEqual({ sheet: 't03', row: code, col: 'basic', value: 1576.05 });
    expect(e.typeOverState('t03', code, 'basic')).toBe('typed');
    expect(e.audit()).toEqual([]);
    // A typed 03 stays when 05 moves: the 05 edit is what makes the 非财政拨款 negative.
    e.setInput('t05', code, 'basic', '1580.00');
    expect(shown(e, 't03', code, 'basic')).toBe('1576.05');
    expect(e.audit().map((f) => f.rowId)).toContain(`NF-1-basic:${code}`);
    e.destroy();
  });
});

describe('national-2022: 03 typed over, by fund', () => {
  it('a 政府性基金 项 follows 07; typed over, its 非财政拨款 shows and 01 follows; a 国有资本经营 项 below 08 is an error', () => {
    const e = openWorkbook(nationalExampleDocument());
    // The example types 2120101 basic (05 980.25 + 非财政拨款 5.00) and 2120102 proj (356.40 + 48.00).
    expect(e.typeOverState('expenditure', '2120101', 'basic')).toBe('typed');
    expect(shown(e, 'sup', 'nonfiscal.basic.2120101', 'value')).toBe('5.00');
    expect(shown(e, 'sup', 'nonfiscal.proj.2120102', 'value')).toBe('48.00');
    expect(e.typeOverState('expenditure', '2120801', 'proj')).toBe('following');
    expect(shown(e, 'expenditure', '2120801', 'proj')).toBe('780.00');
    const expTotal = e.amount('incomeExpenditure', 'exp.total', 'amount')!;

    e.setInput('expenditure', '2120801', 'proj', '782.50');
    expect(shown(e, 'sup', 'nonfiscal.proj.2120801', 'value')).toBe('2.50');
    expect(e.amount('incomeExpenditure', 'exp.total', 'amount')?.toFixed(2)).toBe(expTotal.plus('2.50').toFixed(2));
    // 04 (财政拨款) keeps 07's 780.00.
    expect(shown(e, 'fiscalIncomeExpenditure', '212', 'gf')).toBe('780.00');

    e.setInput('expenditure', '2230105', 'proj', '59.99');
    const nf = e.audit().filter((f) => f.ruleId.startsWith('NF-1'));
    expect(nf.map((f) => f.message)).toEqual([`公开03表2230105 ${e.codes.name('2230105')}项目支出（59.99）小于05、07、08表该项财政拨款项目支出（60.00），相差 0.01`]);

    e.setInput('expenditure', '2120801', 'proj', null);
    e.setInput('expenditure', '2230105', 'proj', null);
    expect(e.document()).toEqual(nationalExampleDocument());
    expect(e.amount('incomeExpenditure', 'exp.total', 'amount')?.toFixed(2)).toBe(expTotal.toFixed(2));
    expect(e.audit().filter((f) => f.severity === 'error')).toEqual([]);
    e.destroy();
  });
});
