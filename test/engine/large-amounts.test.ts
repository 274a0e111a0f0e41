// Issue 14, probe 8: 16 × 999,999,999,999.99 summed to …101.40 instead of …101.39 (doubles carry
// ~16 significant digits, HyperFormula rounds to 14). The fix is the stated range: an amount must be
// below 10⁹ 万元, and within it every total is exact to the cent.
import { describe, expect, it } from 'vitest';
import { exampleDocument, openWorkbook } from '../../src/app/templates';
import { AMOUNT_RANGE_TEXT, dec, InputError } from '../../src/model/amount';

const PUBLIC_CODES = ['30201', '30202', '30205', '30206', '30209', '30211', '30213', '30214', '30215', '30216', '30217', '30228', '30239', '30299', '31002', '31007'];

describe('large amounts', () => {
  it('refuses the probe’s 999,999,999,999.99 at the cell, with the stated range', () => {
    const e = openWorkbook(exampleDocument());
    expect(() => e.setInput('t06', '30201', 'amount', '999999999999.99')).toThrow(InputError);
    expect(() => e.setInput('t06', '30201', 'amount', 999999999999.99)).toThrow(`超出金额范围（${AMOUNT_RANGE_TEXT}）`);
    expect(e.amount('t06', '30201', 'amount')?.toFixed(2)).toBe('21.34');
    e.destroy();
  });

  it('16 × the largest amount sums exactly to the cent, up to 公用经费 and 基本支出', () => {
    const e = openWorkbook(exampleDocument());
    const max = '999999999.99';
    e.setInputs([
      ...PUBLIC_CODES.map((row) => ({ sheet: 't06' as const, row, col: 'amount', raw: max })),
      { sheet: 't06' as const, row: '31099', col: 'amount', raw: null },
    ]);
    expect(e.amount('t06', 'public', 'amount')?.toFixed(2)).toBe('15999999999.84');
    // 人员经费 from the example (980.88 = 1576.05 − 596.17) is unchanged; 基本支出 adds it to the cent.
    const personnel = e.amount('t06', 'personnel', 'amount');
    expect(personnel?.toFixed(2)).toBe('979.88');
    expect(e.figure('basicTotal')?.toFixed(2)).toBe(dec('15999999999.84').plus(personnel!).toFixed(2));
    e.destroy();
  });
});
