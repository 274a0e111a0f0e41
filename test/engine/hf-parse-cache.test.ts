// The shape keys of hf-parse-cache.ts are sound: two formulas with the same key have the same
// HyperFormula token hash (so the cached AST HF would have used), over every formula of the
// examples and the 500-code workbook at its own cell and moved, and over texts that look like
// references but are not (strings, names, lower case, $, ranges the other way round).
import { HyperFormula } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import { fastFormulaParse, shapeKey } from '../../src/engine/hf-parse-cache';
import { exampleDocument, nationalExampleDocument, openWorkbook, shExampleDocument } from '../../src/app/templates';
import { largeWorkbook } from '../../bench/large-workbook';
import type { WorkbookDocument } from '../../src/model/document';

interface Addr {
  sheet: number;
  row: number;
  col: number;
}
interface Parser {
  tokenizeFormula(text: string): { tokens: unknown[]; errors: unknown[] };
  computeHashFromTokens(tokens: unknown[], at: Addr): string;
  resolveSheetReference(name: string): number | undefined;
}
const parserOf = (hf: HyperFormula) => (hf as unknown as { _parser: Parser })._parser;

/** Every formula text of a workbook with its HF address. */
function formulasOf(doc: WorkbookDocument): { hf: HyperFormula; cells: { text: string; at: Addr }[] } {
  const engine = openWorkbook(doc);
  const cells: { text: string; at: Addr }[] = [];
  engine.layout.sheets.forEach((s, sheet) =>
    s.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        const f = cell?.t === 'formula' ? cell.formula : cell?.t === 'input' ? cell.follow?.formula : undefined;
        if (f) cells.push({ text: `=${f}`, at: { sheet, row: r, col: c } });
      }),
    ),
  );
  const hf = HyperFormula.buildFromSheets(Object.fromEntries(engine.layout.sheets.map((s) => [s.id, [[null]]])), { licenseKey: 'gpl-v3' });
  engine.destroy();
  return { hf, cells };
}

/** Groups texts by shape key and expects one HF hash per group; returns how many shared a key. */
function expectSound(parser: Parser, cells: { text: string; at: Addr }[]): { keys: number; shared: number } {
  const byKey = new Map<string, string>();
  let shared = 0;
  for (const { text, at } of cells) {
    const key = shapeKey(text, at, (n) => parser.resolveSheetReference(n));
    if (key === null) continue;
    const lexed = parser.tokenizeFormula(text);
    expect(lexed.errors).toEqual([]);
    const hash = parser.computeHashFromTokens(lexed.tokens, at);
    const known = byKey.get(key);
    if (known === undefined) byKey.set(key, hash);
    else {
      shared++;
      if (known !== hash) expect({ text, at, hash }).toEqual({ text, at, hash: known });
    }
  }
  return { keys: byKey.size, shared };
}

describe('formula shape keys', () => {
  it('map equal keys to equal HyperFormula hashes on every workbook formula, in place and moved', () => {
    for (const doc of [exampleDocument(), nationalExampleDocument(), shExampleDocument('sh-putuo-sthj-2025'), shExampleDocument('sh-putuo-czj-2024'), largeWorkbook().doc]) {
      const { hf, cells } = formulasOf(doc);
      const moved = cells.flatMap((x) => [x, { text: x.text, at: { ...x.at, row: x.at.row + 7 } }, { text: x.text, at: { ...x.at, row: x.at.row + 1, col: x.at.col + 1 } }]);
      const { keys, shared } = expectSound(parserOf(hf), moved);
      // The per-row formulas share shapes: most texts are not lexed again.
      expect(keys).toBeGreaterThan(50);
      expect(shared).toBeGreaterThan(keys);
      hf.destroy();
    }
  });

  it('never share a key between look-alikes HF reads differently', () => {
    const hf = HyperFormula.buildFromSheets({ a: [[null]], 't03': [[null]], "o'k": [[null]] }, { licenseKey: 'gpl-v3' });
    const parser = parserOf(hf);
    const texts = [
      '=A1+1', '="A1"&"x"', '="A2"&"x"', '=a1+1', '=a2+1', '=$A$1+1', '=$A$2+1', '=A$1+1', '=$A1+1',
      '=SUM(A1:A3)', '=SUM(A3:A1)', '=SUM(A2:A4)', '=SUM(A:A)', '=SUM(1:3)', "='t03'!A1", "='t03'!A2", '=t03!A1', '=t03!A2',
      "='o''k'!A1", "='o''k'!A2", "='nope'!A1", "='nope'!A2", '=1E5+A1', '=1E5+A2', '=LOG10(2)', '=R1C1', '=R2C2', '=AB12+C3', '=IF(A1>0,"B2","C3")',
      '=A1 + B1', '=A1+B1', '=TRUE()+A1', '=A1%', '=-A1', '=ROUND(A1-B1,2)',
    ];
    const cells = texts.flatMap((text) => [0, 1, 2, 5].map((row) => ({ text, at: { sheet: 0, row, col: row % 2 } })));
    expectSound(parser, cells);
    // Texts the scanner cannot vouch for are left to HF.
    for (const t of ['=a1+1', '=$A$1+1', '=SUM(A:A)', '=SUM(1:3)', '=t03!A1', '=LOG10(2)', '=R1C1', '=SUM(A3:A1)']) {
      expect(shapeKey(t, { sheet: 0, row: 0, col: 0 }, (n) => parser.resolveSheetReference(n))).toBeNull();
    }
    hf.destroy();
  });

  it('give the same cells, formulas and values as HyperFormula’s own parse', () => {
    const sheet = (n: number) =>
      Array.from({ length: n }, (_, i) => [i + 1, `=A${i + 1}*2`, `=SUM(A1:A${i + 1})`, `=IF(B${i + 1}>10,"大","小")`, `='s2'!A${i + 1}+C${i + 1}`]);
    const build = () => HyperFormula.buildFromSheets({ s1: [[null]], s2: sheet(40) }, { licenseKey: 'gpl-v3' });
    const own = build();
    const fast = build();
    expect(fastFormulaParse(fast)).toBe(true);
    for (const hf of [own, fast]) hf.setCellContents({ sheet: 0, row: 0, col: 0 }, sheet(40));
    expect(fast.getSheetSerialized(0)).toEqual(own.getSheetSerialized(0));
    expect(fast.getSheetValues(0)).toEqual(own.getSheetValues(0));
    expect(fast.getSheetValues(0)[39]).toEqual([40, 80, 820, '大', 860]);
    fast.setCellContents({ sheet: 1, row: 0, col: 0 }, 100);
    own.setCellContents({ sheet: 1, row: 0, col: 0 }, 100);
    expect(fast.getSheetValues(0)).toEqual(own.getSheetValues(0));
    own.destroy();
    fast.destroy();
  });
});
