// Types of a laid-out sheet: a rectangular grid of cells addressed by stable (row id, column key).
// The engine builds layouts from template + document; ui, io and app only read them.
// Imports nothing outside model/.
import type { AnySheetId, AuditRuleDef, ValueFormat, ZeroStyle } from './template';

/** A zero-based grid position (A1 exists only inside the engine and the XLSX writer). */
export interface Position {
  r: number;
  c: number;
}

export type TextRole = 'title' | 'publicNo' | 'meta' | 'header' | 'label' | 'code' | 'lineNo' | 'note' | 'section' | 'total';

export type LayoutCell =
  | { t: 'text'; text: string; role: TextRole; indent?: number }
  /** `follow`: the formula the cell shows while nothing is typed (a typeOver column). */
  | { t: 'input'; row: string; col: string; format: ValueFormat; follow?: { source: string; formula: string } }
  | { t: 'formula'; row: string; col: string; format: ValueFormat; source: string; formula: string }
  | null;

export interface Merge {
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
}

export type RowKind = 'title' | 'header' | 'total' | 'class' | 'section' | 'item' | 'pad' | 'note' | 'footer';

export interface SheetLayout {
  id: AnySheetId;
  title: string;
  publicNo: string;
  /** false: the number is printed in the contents only, not above the table (Shanghai). */
  printPublicNo?: boolean;
  /** The table's content id (stable across templates); absent for 补充资料, 关键数据, 审核. */
  contentId?: string;
  cells: LayoutCell[][];
  width: number;
  merges: Merge[];
  colWidths: number[];
  rowKinds: RowKind[];
  zero: ZeroStyle;
  /** `${row}|${col}` → position. */
  index: Map<string, Position>;
  /** First data row (after title block and headers). */
  dataStart: number;
}

export interface ExpandedRule {
  rowId: string;
  def: AuditRuleDef;
  title: string;
  leftLabel: string;
  rightLabel: string;
  cells: { sheet: string; row: string; col: string }[];
}

export interface WorkbookLayout {
  sheets: SheetLayout[];
  byId: Map<AnySheetId, SheetLayout>;
  /** Audit rules after per-code expansion, with their row ids on the audit sheet. */
  rules: ExpandedRule[];
}
