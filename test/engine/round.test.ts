import { describe, expect, it } from 'vitest';
import { roundHalfUpNumber } from '../../src/engine/round-plugin';

describe('ROUND override (decimal.js half-up)', () => {
  it.each([
    [1.005, 2, 1.01],
    [0.145, 2, 0.15],
    [2.675, 2, 2.68],
    [-1.005, 2, -1.01],
    [1234.5678, -2, 1200],
    [1250, -2, 1300],
    [37.825, 2, 37.83],
  ])('ROUND(%s, %s) = %s', (x, p, out) => expect(roundHalfUpNumber(x, p)).toBe(out));

  it('never throws', () => {
    expect(roundHalfUpNumber(Number.POSITIVE_INFINITY, 2)).toBe(Number.POSITIVE_INFINITY);
    expect(Number.isNaN(roundHalfUpNumber(1, Number.NaN))).toBe(true);
  });
});
