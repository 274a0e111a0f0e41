// Display text of a layout cell as the grid shows it (decimal.js half-up, the table's zero style).
// Pure and DOM-free: the grid (src/ui/cell-view re-exports it) and the publication export
// (Word/PDF) both use it, so a figure reads the same everywhere.
import { formatAmount, roundHalfUp } from '../model/amount';
import type { ValueFormat, ZeroStyle } from '../model/template';
import type { LayoutCell } from '../model/layout';
import type { CellValue } from './workbook-engine';

/** What the grid holds for a cell: text for labels, the engine's raw value for numbers. */
export type GridValue = string | number | null;

export function toGridValue(cell: LayoutCell | null | undefined, value: CellValue): GridValue {
  if (!cell) return null;
  if (cell.t === 'text') return cell.text;
  if (value !== null && typeof value === 'object') return value.error;
  return value;
}

function numberText(v: number, format: ValueFormat): string {
  if (format === 'count') return roundHalfUp(v, 0).toFixed(0);
  return formatAmount(roundHalfUp(v));
}

/**
 * Display text of a value cell. 'blank' tables show nothing for zero or empty; 'zero' tables
 * show 0.00 (counts: 0) for zero and for inputs left empty.
 */
export function displayText(cell: LayoutCell | null | undefined, value: GridValue, zero: ZeroStyle): string {
  if (!cell) return '';
  if (cell.t === 'text') return cell.text;
  if (typeof value === 'string') return value;
  const isZero = value === null || roundHalfUp(value, cell.format === 'count' ? 0 : 2).isZero();
  if (isZero) {
    if (zero === 'blank') return '';
    return cell.format === 'count' ? '0' : '0.00';
  }
  return numberText(value as number, cell.format);
}

