// Compares a review workbook (read from a PDF the app itself wrote) with the workbook that wrote
// it, cell by cell in cents: every input and every computed figure of every table.
import { openWorkbook } from '../../src/app/templates';
import type { WorkbookEngine } from '../../src/engine';
import type { WorkbookDocument } from '../../src/model/document';
import type { Publication } from '../../src/model/publication';

const cents = (v: number | null | undefined) => Math.round((v ?? 0) * 100);

/** "sheet:row:col printed X, source Y" for every amount cell whose figure differs. */
export function differences(source: WorkbookEngine, review: WorkbookDocument): string[] {
  const e = openWorkbook(review);
  const out: string[] = [];
  try {
    for (const def of source.template.tables) {
      const layout = source.sheet(def.id);
      for (const row of layout.cells) {
        for (const cell of row) {
          if (!cell || (cell.t !== 'input' && cell.t !== 'formula') || cell.format !== 'amount') continue;
          const want = cents(source.amount(def.id, cell.row, cell.col)?.toNumber());
          let got: number | string;
          if (!e.has(def.id, cell.row, cell.col)) got = 'no cell';
          else if (cell.t === 'formula') {
            const p = review.printed?.[def.id]?.[cell.row]?.[cell.col];
            got = p === undefined ? 'not read' : cents(p === '' ? 0 : Number(p));
          } else got = cents(e.amount(def.id, cell.row, cell.col)?.toNumber());
          if (got !== want) out.push(`${def.id}:${cell.row}:${cell.col} read ${got}, source ${want}`);
        }
      }
    }
  } finally {
    e.destroy();
  }
  return out;
}

/** A copy of the publication with one printed figure of a table changed (a planted slip). */
export function plant(pub: Publication, tableId: string, from: string, to: string): Publication {
  let done = false;
  const parts = pub.parts.map((part) => ({
    ...part,
    blocks: part.blocks.map((b) => {
      if (b.kind !== 'table' || b.table.id !== tableId || done) return b;
      const body = b.table.body.map((r) => ({
        ...r,
        cells: r.cells.map((c) => {
          if (done || !c || c.text !== from) return c;
          done = true;
          return { ...c, text: to };
        }),
      }));
      return { ...b, table: { ...b.table, body } };
    }),
  }));
  if (!done) throw new Error(`${tableId} prints no ${from}`);
  return { ...pub, parts };
}
