// The first paint's values (src/engine/first-values.ts) against HyperFormula, cell by cell: every
// sheet of every built-in example, a blank workbook of every template, and the 500-code workbook.
import { describe, expect, it } from 'vitest';
import { largeWorkbook } from '../../bench/large-workbook';
import { EXAMPLE_LIST, exampleById, openWorkbook, TEMPLATE_LIST } from '../../src/app/templates';
import { FirstValues, parseFormula, UnsupportedFormula } from '../../src/engine/first-values';
import { cellContent, sheetInputs } from '../../src/engine/insert-rows';
import { newDocument, type WorkbookDocument } from '../../src/model/document';

function contents(doc: WorkbookDocument) {
  const e = openWorkbook(doc);
  const sheets: Record<string, (number | string | null)[][]> = {};
  for (const s of e.layout.sheets) sheets[s.id] = s.cells.map((row) => row.map((c) => cellContent(c, sheetInputs(doc, s.id)) as number | string | null));
  return { e, sheets };
}

function compareAll(doc: WorkbookDocument): number {
  const { e, sheets } = contents(doc);
  const first = new FirstValues(sheets);
  let formulas = 0;
  for (const s of e.layout.sheets) {
    const hf = e.sheetValues(s.id);
    const ours = first.sheetValues(s.id);
    for (let r = 0; r < hf.length; r++) {
      for (let c = 0; c < hf[r]!.length; c++) {
        if (typeof sheets[s.id]![r]![c] === 'string') formulas++;
        expect({ at: `${s.id}!${r},${c} ${String(sheets[s.id]![r]![c])}`, v: ours[r]![c] }).toEqual({ at: `${s.id}!${r},${c} ${String(sheets[s.id]![r]![c])}`, v: hf[r]![c] });
      }
    }
  }
  e.destroy();
  return formulas;
}

describe('first values (before HyperFormula) equal HyperFormula', () => {
  for (const { id } of EXAMPLE_LIST) {
    it(`example ${id}: every sheet, every cell`, () => {
      expect(compareAll(exampleById(id))).toBeGreaterThan(300);
    });
  }
  for (const t of TEMPLATE_LIST) {
    it(`blank workbook of ${t.id}`, () => {
      expect(compareAll(newDocument(t.id, t.version, { department: '测试单位', year: t.years.from } as never))).toBeGreaterThan(100);
    });
  }
  it('the 500-code workbook', () => {
    expect(compareAll(largeWorkbook().doc)).toBeGreaterThan(5000);
  });
});

describe('parseFormula', () => {
  it('reads references, ranges, operators and the subset of functions', () => {
    expect(parseFormula("IF(OR('t05'!B3=\"\"),\"\",ROUND(('t05'!B3-B4)/B4*100,2))", 't01')).toMatchObject({ k: 'fn', name: 'IF' });
    expect(parseFormula('SUM(C3:C9)+-2', 'x')).toMatchObject({ k: 'bin', op: '+', b: { k: 'neg', a: { k: 'num', v: 2 } } });
  });
  it('refuses what it does not know, so the engine is built instead', () => {
    expect(() => new FirstValues({ s: [['=VLOOKUP(B1,B1:C9,2)']] }).value('s', 0, 0)).toThrow(UnsupportedFormula);
    expect(() => parseFormula('A1&B1', 's')).toThrow(UnsupportedFormula);
    expect(() => parseFormula('2^3', 's')).toThrow(UnsupportedFormula);
    expect(() => new FirstValues({ s: [['=A1']] }).value('s', 0, 0)).toThrow(UnsupportedFormula);
  });
  it('follows HyperFormula on empty cells, "" and division by zero', () => {
    const v = new FirstValues({ s: [[null, '=A1', '=A1+1', '=IF(A1="","x",1)', '=1/A1', '=ROUND(2.675,2)', '=0.1+0.2-0.3']] });
    expect(v.sheetValues('s')[0]).toEqual([null, null, 1, 'x', { error: '#DIV/0!' }, 2.68, 0]);
    expect(v.evaluate('C1*2', 's')).toBe(2);
  });
});
