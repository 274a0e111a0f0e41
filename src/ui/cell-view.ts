// How one layout cell looks: its display text (decimal half-up, the table's zero style), its
// plain text for the clipboard, and its CSS classes. Pure: no Handsontable, no DOM.
import type { LayoutCell, RowKind, SheetLayout } from '../engine';
import { roundHalfUp, toFixed2 } from '../model/amount';

// Display text is shared with the publication export (Word/PDF), so it lives in the engine.
export { displayText, toGridValue, type GridValue } from '../engine/display-text';
import type { GridValue } from '../engine/display-text';

/** Clipboard text: plain numbers (no thousands separators) that Excel/WPS read back as numbers. */
export function clipboardText(cell: LayoutCell | null | undefined, value: GridValue): string {
  if (!cell) return '';
  if (cell.t === 'text') return cell.text;
  if (typeof value === 'string') return value;
  if (value === null) return '';
  return cell.format === 'count' ? roundHalfUp(value, 0).toFixed(0) : toFixed2(roundHalfUp(value));
}

export type Mark = 'error' | 'warning' | null;

/** CSS classes of a cell: its role, whether it is typed or computed, its row kind and 审核 mark. */
export function cellClasses(cell: LayoutCell | null | undefined, rowKind: RowKind | undefined, mark: Mark): string[] {
  const out = [`r-${rowKind ?? 'item'}`];
  if (!cell) out.push('c-empty');
  else if (cell.t === 'text') {
    out.push(`c-${cell.role}`);
    if (cell.indent) out.push(`c-indent-${Math.min(cell.indent, 3)}`);
  } else {
    out.push(cell.t === 'input' ? 'c-input' : 'c-calc', 'c-num');
  }
  if (mark) out.push(`c-mark-${mark}`);
  return out;
}

/** Pixels per template width unit (one Latin character; a Chinese character counts two). */
const PX_PER_UNIT = 8;
const PADDING_PX = 10;

/** Display width of a text in template units: CJK and full-width characters count two. */
export function textUnits(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return n;
}

/** Header labels up to this many units (10 Chinese characters) are kept on one line. */
const ONE_LINE_HEADER_UNITS = 20;
const MAX_WIDENING = 1.2;

/**
 * Column widths in pixels from the template's character widths, widened where a one-line label
 * (公开0X表, 单位：万元) or a short column header (经济分类科目编码) would otherwise wrap.
 */
export function columnPixelWidths(layout: Pick<SheetLayout, 'colWidths' | 'cells' | 'merges' | 'width'>): number[] {
  const widths = Array.from({ length: layout.width }, (_, c) => Math.round((layout.colWidths[c] ?? 10) * PX_PER_UNIT + PADDING_PX));
  const merged = new Set(layout.merges.filter((m) => m.colspan > 1).map((m) => `${m.row}|${m.col}`));
  layout.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell?.t !== 'text' || merged.has(`${r}|${c}`)) return;
      const units = textUnits(cell.text);
      // 13 px text: 6.5 px per unit; bold headers 6.8.
      if (cell.role === 'meta' || cell.role === 'publicNo') widths[c] = Math.max(widths[c]!, Math.ceil(units * 6.5 + 2 * PADDING_PX));
      else if (cell.role === 'header' && !cell.text.includes('\n') && units <= ONE_LINE_HEADER_UNITS) {
        // Only a small widening (a fifth at most): a long header wraps, as in print.
        const needed = Math.ceil(units * 6.8 + 2 * PADDING_PX);
        if (needed <= widths[c]! * MAX_WIDENING) widths[c] = Math.max(widths[c]!, needed);
      }
    }),
  );
  return widths;
}

