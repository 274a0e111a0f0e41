import type { WorkbookEngine } from '../../src/engine';
import type { AnySheetId } from '../../src/model/template';

/** Value as the reference prints it: 2-dp string, '' for a blank cell. */
export function shown(e: WorkbookEngine, sheet: AnySheetId, row: string, col: string): string {
  const v = e.amount(sheet, row, col);
  return v === null ? '' : v.toFixed(2);
}

/** The label text in the same layout row as a cell, left of it (name column). */
export function rowTexts(e: WorkbookEngine, sheet: AnySheetId, row: string, col: string): string[] {
  const s = e.sheet(sheet);
  const p = s.index.get(`${row}|${col}`);
  if (!p) throw new Error(`no cell ${sheet}:${row}:${col}`);
  return (s.cells[p.r] ?? []).flatMap((c) => (c?.t === 'text' ? [c.text] : []));
}
