import { describe, expect, it } from 'vitest';
import { formatAmount, formatPlain, InputError, parseAmount, parseCount, pct } from '../../src/model/amount';

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
