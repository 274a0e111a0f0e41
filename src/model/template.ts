// Types of the declarative template in sheets/: what the workbook *is*. Data only; no logic here.
//
// Formula text uses placeholders instead of A1 addresses, resolved by the engine:
//   {t03:201:total}   sheet:row:col (row and column are stable ids: codes or keys)
//   {row:col}         same sheet
//   {?t08:212:exp}    optional: 0 when that row is not laid out (e.g. a class with no fund codes)
//   {@classes:col}    two-sided tables: SUM over the class rows of this side
//   {code} {class}    replaced by the current code in per-code expansions
import type { Fund, SheetId, TableId } from './ids';
import type { NarrativeDef } from './narrative';
import type { TemplatePartDef } from './part';
import type { PublicationDef } from './publication';
import type { TextReviewDef } from './text-review';

export type ZeroStyle = 'blank' | 'zero';
export type ValueFormat = 'amount' | 'percent' | 'count';

/** A cell is an input (typed by the user), a formula (template-owned), or absent. */
export type CellDef = { input: true; format?: ValueFormat } | { formula: string; format?: ValueFormat };

/** One header or label cell placed at (r, c) relative to the header block; rs/cs are spans. */
export interface HeaderCell {
  text: string;
  r: number;
  c: number;
  rs?: number;
  cs?: number;
}

interface TableBase {
  id: TableId;
  /** Content id, stable across years (tables are renumbered between templates). */
  contentId: string;
  /** e.g. 公开06表; Shanghai numbers its tables in the contents only (七、). */
  publicNo: string;
  /** false: the number is not printed above the table (only in the contents). */
  printPublicNo?: boolean;
  title: string;
  /** The 注 line under the table. */
  note: string;
  /** Extra note shown when the table has no data (空表说明); {dept} is replaced. */
  emptyNote?: string;
  zero: ZeroStyle;
  header: HeaderCell[];
  headerRows: number;
  /** Relative widths in characters, one per physical column. */
  colWidths: number[];
}

export interface FunctionColumn {
  key: string;
  /** Formula on 项 rows: {col} for the same row, {code} for the row's code; absent means input. */
  formula?: string;
  /**
   * With `formula`: the 项 cell follows the formula until the user types a figure, which then
   * wins (an input kept like any other); clearing it follows the formula again.
   */
  typeOver?: boolean;
}

/** Tables 02/03/05/08/09: 合计, then 类/款/项 rows from the workbook's codes. */
export interface FunctionTableDef extends TableBase {
  kind: 'function';
  funds: Fund[];
  columns: FunctionColumn[];
  /** Blank rows kept under the data, as the official print has them. */
  padRows: number;
  /** The 合计 row after the 类 rows (Shanghai 05) instead of first. */
  totalLast?: boolean;
}

export interface SideRow {
  /** Stable row id, absent for blank spacer rows. */
  id?: string;
  label: string;
  cells?: Record<string, CellDef>;
  /** Indent level in the label (reference indents 用事业基金弥补收支差额). */
  indent?: number;
  /**
   * Some documents print this row's parts in the columns beside it instead of in rows below
   * (年末结转和结余 by fund): column key → the cell that holds that figure. Read by 审查 only.
   */
  partsBeside?: Record<string, { row: string; col: string }>;
}

/** Tables 01 and 04: income on the left, expenditure (class rows, then totals) on the right. */
export interface TwoSidedTableDef extends TableBase {
  kind: 'two-sided';
  leftCols: string[];
  rightCols: string[];
  leftHead: SideRow[];
  leftTail: SideRow[];
  /** Class rows: one per 功能分类 class used by these funds; cell formulas with {class}. */
  classFunds: Fund[];
  classCells: Record<string, CellDef>;
  rightTail: SideRow[];
  /** Minimum number of class slots (the official form has 8 before 本年支出合计). */
  minHead: number;
  /** 类 printed with their names even when the department has no code in them (the national print lists every 类 of the year). */
  printClasses?: string[];
  /** false: no 行次 columns (Shanghai). */
  lineNumbers?: boolean;
}

export interface EconomicFooter {
  id: string;
  label: string;
  formula: string;
  /** Where the print puts it in the footer row: label from labelCol (spanning to the value), value at valueCol. */
  labelCol: number;
  valueCol: number;
}

/** Table 06: economic codes in column pairs (code, name, amount) ×3. */
export interface EconomicTableDef extends TableBase {
  kind: 'economic';
  /** Class codes per column group, in order. */
  groups: string[][];
  /** Item codes printed by default (the official list). Users may add others from the catalogue. */
  codes: string[];
  /** Classes printed only when the department uses a code of theirs (national 06: 307, 399). */
  optionalClasses?: string[];
  footer: EconomicFooter[];
}

export interface FixedCell {
  r: number;
  c: number;
  row: string;
  col: string;
  cell: CellDef;
}

/** Table 07: a small fixed grid. */
export interface FixedTableDef extends TableBase {
  kind: 'fixed';
  dataRows: number;
  cells: FixedCell[];
}

export type TableDef = FunctionTableDef | TwoSidedTableDef | EconomicTableDef | FixedTableDef;

export interface SupplementField {
  id: string;
  label: string;
  format: ValueFormat;
  /** Formula (derived) or input when absent. */
  formula?: string;
  hint?: string;
  /** Unit shown beside the value (人, 台, 分); default from the format (万元, %). */
  unit?: string;
}

export interface SupplementSection {
  id: string;
  title: string;
  fields: SupplementField[];
  /** Generate one row per 项 code (input, or `formula`): {code} in id/label templates. */
  perItem?: {
    id: string;
    label: string;
    format: ValueFormat;
    /** Funds whose 项 codes get a row (default 一般公共预算). */
    funds?: Fund[];
    /** Derived rows: a formula with {code} instead of an input per 项. */
    formula?: string;
    totalId?: string;
    totalLabel?: string;
  };
}

export interface TextField {
  id: string;
  label: string;
  section: string;
  default?: string;
  multiline?: boolean;
}

export interface FigureDef {
  id: string;
  label: string;
  formula: string;
  format: ValueFormat;
}

export type AuditSeverity = 'error' | 'warning';
export type AuditOp = '=' | '<=' | '>=';

export interface AuditSide {
  expr: string;
  label: string;
}

export interface AuditRuleDef {
  id: string;
  severity: AuditSeverity;
  title: string;
  left: AuditSide;
  op: AuditOp;
  right: AuditSide;
  /** Independently entered figures may differ by rounding: |diff| ≤ tolerance is only a 提示. */
  tolerance?: string;
  /** Expand once per 项 code of these funds ({code}); or per class ({class}). */
  forEach?: { kind: 'item' | 'class'; funds: Fund[] };
  /** Source of the rule (rules.md id). */
  source?: string;
  /**
   * The rule applies only when the workbook uses one of these 功能分类 codes (a 项, or a 款/类 with
   * a 项 under it): e.g. 06 ↔ 05 for the same money only where the 05 项 is there at all.
   */
  ifCodes?: string[];
}

/**
 * One prior-year input of 补充资料, filled by 从上年结转 from last year's workbook. The source
 * names a table by content id, so a workbook of another template family maps too.
 */
export interface CarryOverDef {
  /** 补充资料 field id of this template. */
  to: string;
  /** Content id of the source table, its row id and column key (as the source template has them). */
  from: { table: string; row: string; col: string };
}

/**
 * A template's own migration of its documents' inputs, keyed by templateVersion (from → from+1).
 * Runs after the schema migrations; pure; never edited once shipped.
 */
export interface TemplateMigration {
  name: string;
  from: number;
  up: (doc: Record<string, unknown>) => Record<string, unknown>;
}

export interface TemplateDef {
  id: string;
  version: number;
  /** 模板名称 as 新建 lists it. */
  name: string;
  /** Template family (tables, outline and narrative shared across its versions and years). */
  family: string;
  /** First year the template is meant for; the year it was drawn from. */
  year: number;
  /** Years this template fits (inclusive); a document outside them opens with a 提示. */
  years: { from: number; to?: number };
  /** 金额单位 printed in every table head (单位：…). */
  unit: string;
  tables: TableDef[];
  /** 补充资料 prior-year inputs that 从上年结转 fills. */
  carryOver: CarryOverDef[];
  /** Text fields that usually stay from one year to the next (部门概况). */
  carriedTexts: string[];
  /** Upgrades of this template's documents, by templateVersion. */
  migrations?: readonly TemplateMigration[];
  supplement: SupplementSection[];
  texts: TextField[];
  figures: FigureDef[];
  audit: AuditRuleDef[];
  /** The 情况说明, its numbers bound to cells (src/engine/narrative renders it). */
  narrative?: NarrativeDef;
  /** How a published 情况说明 is read against the tables (表文核对); absent: the shared defaults. */
  textReview?: TextReviewDef;
  /** Further parts of the publication (第五部分 附件 …), each with its own tab; see part.ts. */
  parts?: TemplatePartDef[];
  /** Set by expandParts(): the parts' inputs are already in supplement/texts. */
  partsExpanded?: boolean;
  /** The published document's parts in order (Word/PDF); absent: 情况说明 parts with the tables second. */
  publication?: PublicationDef;
}

export interface FunctionCode {
  code: string;
  name: string;
  level: 1 | 2 | 3;
  parent?: string;
  confidence?: string;
}

export interface EconomicCode {
  code: string;
  name: string;
  level: 1 | 2;
  parent?: string;
}

export type AnySheetId = SheetId | 'fig' | 'audit' | 'perf';
