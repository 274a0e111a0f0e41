// Placeholder resolution: formula texts are parsed once and cached across builds, so the same
// text must still resolve against each build's own positions, sheet and row.
import { describe, expect, it } from 'vitest';
import { referencedCells, resolveFormula, substitute, TemplateError, type Position } from '../../src/engine/formula';

const index = (sheets: Record<string, Record<string, Position>>) =>
  new Map(Object.entries(sheets).map(([id, cells]) => [id, new Map(Object.entries(cells))]));

describe('resolveFormula', () => {
  it('resolves one text against each context, not the first one it saw', () => {
    const text = '{t03:2010101:basic}+{amount}-{?t05:2010101:basic}';
    const before = index({ t03: { '2010101|basic': { r: 9, c: 2 } }, t06: { '30201|amount': { r: 4, c: 5 } } });
    const after = index({ t03: { '2010101|basic': { r: 12, c: 2 } }, t05: { '2010101|basic': { r: 7, c: 3 } }, t06: { '30201|amount': { r: 4, c: 5 } } });
    expect(resolveFormula(text, { sheet: 't06', row: '30201', index: before })).toBe("'t03'!C10+F5-0");
    expect(resolveFormula(text, { sheet: 't06', row: '30201', index: after })).toBe("'t03'!C13+F5-'t05'!D8");
    expect(resolveFormula(text, { sheet: 't03', row: '30201', index: after.set('t03', new Map([...after.get('t03')!, ['30201|amount', { r: 0, c: 0 }]])) })).toBe("C13+A1-'t05'!D8");
  });

  it('reads a printed figure, a class range and reports unknown cells', () => {
    const idx = index({ t01: { 'inc|amount': { r: 3, c: 1 } } });
    const printed = (sheet: string, row: string, col: string) => (sheet === 't01' && row === 'inc' && col === 'amount' ? '12.30' : undefined);
    expect(resolveFormula('{t01:inc:amount}*2', { sheet: 'audit', index: idx, printed })).toBe('(12.30)*2');
    expect(resolveFormula('{@classes:amount}', { sheet: 't01', index: idx, classRange: () => 'B5:B9' })).toBe('SUM(B5:B9)');
    expect(resolveFormula('{@classes:amount}', { sheet: 't01', index: idx, classRange: () => null })).toBe('0');
    expect(() => resolveFormula('{t01:out:amount}', { sheet: 'audit', index: idx })).toThrow(TemplateError);
    expect(() => resolveFormula('{amount}', { sheet: 't01', index: idx })).toThrow(/needs a row/);
    expect(resolveFormula('SUM(B2:B4)', { sheet: 't01', index: idx })).toBe('SUM(B2:B4)');
  });
});

describe('substitute', () => {
  it('replaces each token once and never scans a replaced value again', () => {
    expect(substitute('{name}（{code}）', { code: '2010101', name: '名称含{code}' })).toBe('名称含{code}（2010101）');
    expect(substitute('{t03:{code}:basic}-{class}', { code: '2010101' })).toBe('{t03:2010101:basic}-{class}');
    expect(substitute('合计', { code: '1' })).toBe('合计');
  });
});

describe('referencedCells', () => {
  it('names every cell a text reads, optional ones included, class ranges not', () => {
    expect(referencedCells('{t03:201:basic}+{?t05:201:basic}+{inc:amount}+{proj}+{@classes:amount}', 'audit', 'r1')).toEqual([
      { sheet: 't03', row: '201', col: 'basic' },
      { sheet: 't05', row: '201', col: 'basic' },
      { sheet: 'audit', row: 'inc', col: 'amount' },
      { sheet: 'audit', row: 'r1', col: 'proj' },
    ]);
    expect(referencedCells('{proj}', 'audit')).toEqual([]);
    // More than three parts read as a same-row column, as before the parse cache.
    expect(referencedCells('{a:b:c:d}', 'audit', 'r1')).toEqual([{ sheet: 'audit', row: 'r1', col: 'a' }]);
  });
});
