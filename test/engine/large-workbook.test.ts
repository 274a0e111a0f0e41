// The 500-code workbook passes the same correctness checks as the example.
import { describe, expect, it } from 'vitest';
import { largeWorkbook } from '../../bench/large-workbook';
import { openWorkbook, restoreDocument } from '../../src/engine';

const yuan = (cents: number) => (cents / 100).toFixed(2);

describe('500-code workbook', () => {
  const { doc, expected } = largeWorkbook();
  const { doc: restored } = restoreDocument(JSON.parse(JSON.stringify(doc)));
  const e = openWorkbook(restored);

  it('lays out 合计 + 20 classes + 100 款 + 500 项 in 05', () => {
    expect(expected.itemCount).toBe(500);
    const s = e.sheet('t05');
    expect(s.rowKinds.filter((k) => k === 'item').length).toBe(500);
    expect(s.rowKinds.filter((k) => k === 'class').length).toBe(120);
  });

  it('totals equal the generator’s exact sums', () => {
    expect(e.amount('t05', 'sum', 'total')?.toFixed(2)).toBe(yuan(expected.t05Total));
    expect(e.amount('t05', 'sum', 'basic')?.toFixed(2)).toBe(yuan(expected.t05Basic));
    expect(e.amount('t03', 'sum', 'total')?.toFixed(2)).toBe(yuan(expected.t03Total));
    expect(e.amount('t02', 'sum', 'total')?.toFixed(2)).toBe(yuan(expected.t02Total));
    expect(e.amount('t01', 'exp.total', 'amount')?.toFixed(2)).toBe(yuan(expected.t03Total));
    expect(e.amount('t06', 'personnel', 'amount')?.toFixed(2)).toBe(yuan(expected.personnel));
    expect(e.amount('t06', 'public', 'amount')?.toFixed(2)).toBe(yuan(expected.public));
    expect(e.amount('t01', 'inc.grand', 'amount')?.toFixed(2)).toBe(e.amount('t01', 'exp.grand', 'amount')?.toFixed(2));
  });

  it('has no audit finding', () => {
    expect(e.audit()).toEqual([]);
  });

  it('an edit flows to every total', () => {
    const code = doc.codes.gpb[250]!;
    const before = e.amount('t05', 'sum', 'total')!;
    const old = e.amount('t05', code, 'basic')!;
    e.setInput('t05', code, 'basic', old.plus(100).toFixed(2));
    expect(e.amount('t05', 'sum', 'total')?.toFixed(2)).toBe(before.plus(100).toFixed(2));
    // 03 follows 05 (its 财政拨款 part), so only 05 vs 06 disagrees now.
    expect(e.audit().map((f) => f.ruleId)).toEqual(['X56-1']);
    expect(e.amount('t03', code, 'basic')?.toFixed(2)).toBe(e.amount('t05', code, 'basic')!.plus(e.amount('sup', `nonfiscal.basic.${code}`, 'value') ?? 0).toFixed(2));
  });
});
