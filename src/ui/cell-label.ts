// Human names for cells in messages: "30201 办公费 · 决算数", "合计 · 本年支出 · 基本支出".
// Pure: reads a sheet layout only.
import type { SheetLayout } from '../engine';

/** Text shown at (r, c), following merges to their owner cell. */
function textAt(layout: SheetLayout, r: number, c: number): string | null {
  const direct = layout.cells[r]?.[c];
  if (direct) return direct.t === 'text' ? direct.text : null;
  const m = layout.merges.find((x) => r >= x.row && r < x.row + x.rowspan && c >= x.col && c < x.col + x.colspan);
  const owner = m ? layout.cells[m.row]?.[m.col] : null;
  return owner?.t === 'text' ? owner.text : null;
}

/**
 * The code and name to the left of a value cell (行次 numbers skipped): value cells between are
 * passed over until a label is found; the next value cell after it ends the search, so 01's
 * expenditure side does not pick up the income label.
 */
export function rowLabel(layout: SheetLayout, r: number, c: number): string {
  const texts: string[] = [];
  for (let i = c - 1; i >= 0 && texts.length < 2; i--) {
    const cell = layout.cells[r]?.[i];
    if (cell && cell.t !== 'text') {
      if (texts.length) break;
      continue;
    }
    if (cell?.role === 'lineNo') continue;
    const t = textAt(layout, r, i)?.trim();
    if (t && !texts.includes(t)) texts.unshift(t);
  }
  return texts.join(' ');
}

const NOT_A_HEADING = /^(\d*|项\s*目|栏\s*次|行次)$/;

/** The header texts above a column, top to bottom, without 栏次 numbers and 项目/行次. */
export function columnLabel(layout: SheetLayout, c: number): string {
  const out: string[] = [];
  for (let r = 0; r < layout.dataStart; r++) {
    if (layout.rowKinds[r] !== 'header') continue;
    const t = textAt(layout, r, c)?.replace(/\s+/g, '');
    if (t && !NOT_A_HEADING.test(t) && !out.includes(t)) out.push(t);
  }
  return out.join(' · ');
}

export function cellLabel(layout: SheetLayout, row: string, col: string): string {
  const p = layout.index.get(`${row}|${col}`);
  if (!p) return `${row} ${col}`;
  return [rowLabel(layout, p.r, p.c), columnLabel(layout, p.c)].filter(Boolean).join(' · ');
}
