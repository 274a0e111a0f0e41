import { describe, expect, it } from 'vitest';
import Decimal from 'decimal.js';
import { AMOUNT_RANGE_TEXT, centsOf, centsText, formatAmount, formatCents, formatPlain, InputError, parseAmount, parseCount, pct, roundHalfUp } from '../../src/model/amount';

describe('parseAmount', () => {
  it.each([
    ['1,234.5', '1234.50'],
    ['１２３．４', '123.40'],
    [' 21.34 ', '21.34'],
    ['(12.5)', '-12.50'],
    ['-3', '-3.00'],
    ['1.005', '1.01'],
    ['2.675', '2.68'],
    ['0', '0.00'],
    ['60万元', '60.00'],
    [12.345, '12.35'],
    // Numbers of at most two decimals take a shortcut past decimal.js: the same text.
    [0, '0.00'],
    [-0, '0.00'],
    [12, '12.00'],
    [-12.5, '-12.50'],
    [0.01, '0.01'],
    [0.1 + 0.2, '0.30'],
    [1.005, '1.01'],
    [2.675, '2.68'],
    [1e-7, '0.00'],
    [-0.004, '0.00'],
    [999999999.99, '999999999.99'],
  ])('%s → %s', (raw, out) => expect(parseAmount(raw)).toBe(out));

  it('blank is null', () => {
    expect(parseAmount('  ')).toBeNull();
    expect(parseAmount(null)).toBeNull();
  });

  it.each(['abc', '=1+1', '@SUM(A1)', '1.2.3', '12a', '--5', '+'])('refuses %s', (raw) => {
    expect(() => parseAmount(raw)).toThrow(InputError);
  });
});

describe('parseCount', () => {
  it('accepts whole numbers with a unit word', () => {
    expect(parseCount('136')).toBe('136');
    expect(parseCount('680人次')).toBe('680');
    expect(() => parseCount('1.5')).toThrow('非负整数');
  });
});

describe('formatting as the reference prints', () => {
  it('tables: #,##0.00 half-up', () => {
    expect(formatAmount('1576.05')).toBe('1,576.05');
    expect(formatAmount('0.145')).toBe('0.15');
    expect(formatAmount('-10')).toBe('-10.00');
  });
  it('narrative: trailing zeros dropped', () => {
    expect(formatPlain('60.00')).toBe('60');
    expect(formatPlain('10.90')).toBe('10.9');
    expect(formatPlain('0')).toBe('0');
    expect(formatPlain('1576.05')).toBe('1576.05');
  });
  it('pct is half-up to 2 dp and null on a zero base', () => {
    expect(pct('596.17', '1576.05')?.toFixed(2)).toBe('37.83');
    expect(pct('6.54', '60')?.toFixed(2)).toBe('10.90');
    expect(pct('1.005', '100')?.toFixed(2)).toBe('1.01');
    expect(pct('1', '0')).toBeNull();
  });
});

// Issue 14, probes 3, 4 and 9: the unit 元 and the one supported range, for strings and numbers alike.
describe('parseAmount: 元 and the supported range', () => {
  it('never reads 元 as 万元: refuses with the converted figure', () => {
    expect(() => parseAmount('120000元')).toThrow('「120000元」的单位是元，本表金额单位为万元，请换算后填写（120000元 = 12.00万元）');
    expect(() => parseAmount('１２０，０００元')).toThrow('12.00万元');
    expect(parseAmount('12万元')).toBe('12.00');
  });

  it('states one range and enforces it for text and numbers', () => {
    expect(AMOUNT_RANGE_TEXT).toBe('金额的绝对值须小于 1,000,000,000 万元');
    expect(parseAmount('999,999,999.99')).toBe('999999999.99');
    expect(parseAmount(-999999999.99)).toBe('-999999999.99');
    for (const raw of ['1000000000', 1e9, 20000000000000, 1e300, -1e13, '999999999999.99']) {
      expect(() => parseAmount(raw)).toThrow(`超出金额范围（${AMOUNT_RANGE_TEXT}）`);
    }
  });

  it('quotes a huge number briefly, never its 309 digits', () => {
    let message = '';
    try {
      parseAmount(1e308);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe(`「1e+308」超出金额范围（${AMOUNT_RANGE_TEXT}）`);
    expect(() => parseAmount('9'.repeat(400))).toThrow(`「${'9'.repeat(20)}…」超出金额范围`);
  });
});

describe('roundHalfUp and formatAmount (the 审核 rounds every compared figure)', () => {
  it.each([
    [12, '12'],
    [-12.5, '-12.5'],
    [0.1 + 0.2, '0.3'],
    [1.005, '1.01'],
    [-2.675, '-2.68'],
    [1e-7, '0'],
  ])('roundHalfUp(%s) = %s', (x, out) => expect(roundHalfUp(x).toString()).toBe(out));

  it('formats rounded and unrounded values alike', () => {
    expect(formatAmount(roundHalfUp(1234567.5))).toBe('1,234,567.50');
    expect(formatAmount(new Decimal('1234.565'))).toBe('1,234.57');
    expect(formatAmount(roundHalfUp(-0.004))).toBe('0.00');
    expect(formatAmount('-1000')).toBe('-1,000.00');
  });
});

describe('whole cents (the 审核 of an edit judges and prints in cents where it can)', () => {
  // A seeded walk over typical and edge figures: every shortcut must give decimal.js's answer.
  const figures = [0, -0, 0.01, -0.01, 0.1 + 0.2, 1.005, -2.675, 12, -12.5, 1576.05, 999999999.99, -999999999.99, 1e9, 1e-7, 123456.78, 1e21, NaN];
  let seed = 17;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < 300; i++) figures.push(Math.round((next() - 0.5) * 2e9) / 100, Math.round((next() - 0.5) * 2e6) / 100, (next() - 0.5) * 1e4);

  it('centsOf is exact where the text has two decimals, null elsewhere', () => {
    for (const x of figures) {
      const c = centsOf(x);
      const text = String(x);
      if (c === null) {
        expect(/^-?\d+(\.\d{1,2})?$/.test(text) && Math.abs(x) < 1e9).toBe(false);
        continue;
      }
      expect(centsText(c)).toBe(roundHalfUp(x).toFixed(2).replace(/^-0\.00$/, '0.00'));
      expect(formatCents(c)).toBe(formatAmount(roundHalfUp(x)));
    }
  });

  it('differences in cents print as decimal.js prints them', () => {
    for (let i = 0; i + 1 < figures.length; i++) {
      const [a, b] = [centsOf(figures[i]!), centsOf(figures[i + 1]!)];
      if (a === null || b === null) continue;
      const diff = roundHalfUp(figures[i]!).minus(roundHalfUp(figures[i + 1]!));
      expect(formatCents(a - b)).toBe(formatAmount(diff));
      expect(formatCents(Math.abs(a - b))).toBe(formatAmount(diff.abs()));
      expect(new Decimal(centsText(a - b)).equals(diff)).toBe(true);
    }
  });

  it('typed plain amounts skip decimal.js with the same text', () => {
    for (const raw of ['0', '-0', '-0.0', '-0.00', '0.5', '-0.5', '30', '30.5', '30.50', '-12.3', '999999999.99', '1000000000', '007', '1.', '.5', '1.005']) {
      let fast: string | null | Error;
      try {
        fast = parseAmount(raw);
      } catch (e) {
        fast = e as Error;
      }
      // The long way: the same text with a space, which the shortcut does not take.
      let slow: string | null | Error;
      try {
        slow = parseAmount(` ${raw}`);
      } catch (e) {
        slow = e as Error;
      }
      if (slow instanceof Error) expect(fast).toBeInstanceOf(InputError);
      else expect(fast).toBe(slow);
    }
  });
});
