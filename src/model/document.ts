// The workbook document: inputs only (outputs are derived by the engine). Versioned envelope.
import { FUNDS, type Fund, type SheetId } from './ids';
import type { ZeroStyle } from './template';

export const DOC_TYPE = 'juesuan-workbook' as const;
export const APP_ID = 'juesuan-gongkai' as const;
/** Bump with a named migration in migrations.ts. */
export const SCHEMA_VERSION = 5 as const;

export interface WorkbookMeta {
  /** 部门名称 */
  department: string;
  /** 决算年度 */
  year: number;
  /** 金额单位, fixed by the template (TemplateDef.unit) */
  unit: string;
}

/** One line of 部门决算单位构成 (its 序号 is its position). */
export interface WorkbookUnit {
  /** 单位名称 */
  name: string;
  /** 备注, e.g. 预算不单列，并入本级 ('' when blank). */
  note: string;
}

/**
 * 审核 bands for differences between independently entered figures (rules that allow rounding):
 * |diff| ≤ rounding is a 提示 “尾差”; rounding < |diff| ≤ error a 提示 to check; above error the
 * rule's own severity (错误). 2-dp decimal strings, rounding ≤ error.
 */
export interface AuditTolerance {
  rounding: string;
  error: string;
}

export const DEFAULT_AUDIT_TOLERANCE: AuditTolerance = { rounding: '0.03', error: '0.05' };

/** Sparse inputs: sheet → row id → column key → 2-dp decimal string (counts: integer string). */
export type InputValues = Partial<Record<SheetId, Record<string, Record<string, string>>>>;

/**
 * 审查: computed cells as a published document prints them, sheet → row id → column key → 2-dp
 * amount string, or '' for a cell printed blank (apart from a printed 0.00). Kept apart from the inputs: the engine still recomputes every total, and the
 * 审核 compares each printed figure with it.
 */
export type PrintedValues = Partial<Record<SheetId, Record<string, Record<string, string>>>>;

/** One table of a reviewed document: where it was printed and how much of it was read. */
export interface ReviewTable {
  title: string;
  /** 1-based pages; empty when the table was not found. */
  pages: number[];
  rows: number;
  figures: number;
}

/**
 * 审查: where a review workbook came from (a published PDF) and what of it could not be read. Its
 * running text is the workbook's `publishedText` (source 'pdf', checked by 表文核对); `lines` gives
 * each printed line of that text as [start, end, page].
 */
export interface ReviewSource {
  file: string;
  tables: ReviewTable[];
  unread: string[];
  lines: [start: number, end: number, page: number][];
}


/** Where a published text under review (表文核对) came from. */
export type PublishedTextSource = 'paste' | 'docx' | 'pdf';

/**
 * 表文核对: the published 情况说明 checked against this workbook, as the user pasted or opened it.
 * Only the text is kept (an input); its findings are derived from it and the tables on every open.
 */
export interface PublishedText {
  text: string;
  source: PublishedTextSource;
  /** The file it was read from (DOCX/PDF). */
  name?: string;
}

/** Longest published text kept (characters): a whole disclosure is 30–60 thousand. */
export const MAX_PUBLISHED_TEXT = 300_000;

export interface WorkbookDocument {
  type: typeof DOC_TYPE;
  schemaVersion: typeof SCHEMA_VERSION;
  app: typeof APP_ID;
  templateId: string;
  templateVersion: number;
  meta: WorkbookMeta;
  /** 7-digit function codes used, per fund (02/03 show the union; 05 gpb; 08 gf; 09 soe). */
  codes: Record<Fund, string[]>;
  /** Names the user gave to 功能分类 codes, any level (类/款/项); they win over the catalogue. */
  customCodes: Record<string, string>;
  /** Economic item codes added to table 06 beyond the template's list. */
  economicCodes: string[];
  /** Names the user gave to 经济分类 codes (类/款); they win over the catalogue. */
  economicNames: Record<string, string>;
  inputs: InputValues;
  /** Free text: reasons, 部门概况 and similar; keyed by the template's text field ids. */
  texts: Record<string, string>;
  /** 部门决算单位构成, in printed order. */
  units: WorkbookUnit[];
  auditTolerance: AuditTolerance;
  /** How empty amounts print in every table; absent: each table's own style (the template's). */
  zeroStyle?: ZeroStyle;
  /**
   * Texts carried from last year that name last year's year, head counts or dates: marked for
   * review (a 审核 提示) until the user confirms or edits them. Absent: none.
   */
  reviewTexts?: string[];
  /** Printed figures of computed cells (a review workbook); absent when none. */
  printed?: PrintedValues;
  /** The published 情况说明 under review (表文核对); absent when none. */
  publishedText?: PublishedText;
  /** The reviewed document itself (a review workbook made from a PDF); absent otherwise. */
  review?: ReviewSource;
}

export function emptyCodes(): Record<Fund, string[]> {
  return Object.fromEntries(FUNDS.map((f) => [f, []])) as unknown as Record<Fund, string[]>;
}

export function newDocument(templateId: string, templateVersion: number, meta: WorkbookMeta): WorkbookDocument {
  return {
    type: DOC_TYPE,
    schemaVersion: SCHEMA_VERSION,
    app: APP_ID,
    templateId,
    templateVersion,
    meta,
    codes: emptyCodes(),
    customCodes: {},
    economicCodes: [],
    economicNames: {},
    inputs: {},
    texts: {},
    units: [],
    auditTolerance: { ...DEFAULT_AUDIT_TOLERANCE },
  };
}

export function getInput(doc: WorkbookDocument, sheet: SheetId, row: string, col: string): string | undefined {
  return doc.inputs[sheet]?.[row]?.[col];
}

/** Returns a copy with one input set (null removes it). */
/** The document with many inputs set (each sheet's rows copied once, not once per value). */
export function withInputs(doc: WorkbookDocument, edits: readonly { sheet: SheetId; row: string; col: string; value: string | null }[]): WorkbookDocument {
  if (edits.length < 2) return edits.length ? withInput(doc, edits[0]!.sheet, edits[0]!.row, edits[0]!.col, edits[0]!.value) : doc;
  const inputs: InputValues = { ...doc.inputs };
  const copied = new Set<string>();
  for (const { sheet, row, col, value } of edits) {
    if (!copied.has(sheet)) {
      inputs[sheet] = { ...(inputs[sheet] ?? {}) };
      copied.add(sheet);
    }
    const rows = inputs[sheet]!;
    const cols = { ...(rows[row] ?? {}) };
    if (value === null) delete cols[col];
    else cols[col] = value;
    if (Object.keys(cols).length) rows[row] = cols;
    else delete rows[row];
  }
  for (const sheet of copied) if (!Object.keys(inputs[sheet as SheetId]!).length) delete inputs[sheet as SheetId];
  return { ...doc, inputs };
}

export function withInput(
  doc: WorkbookDocument,
  sheet: SheetId,
  row: string,
  col: string,
  value: string | null,
): WorkbookDocument {
  return { ...doc, inputs: withCell(doc.inputs, sheet, row, col, value) };
}

/** A copy of the document with one printed figure of a computed cell set (or cleared with null). */
export function withPrinted(doc: WorkbookDocument, sheet: SheetId, row: string, col: string, value: string | null): WorkbookDocument {
  const printed = withCell(doc.printed ?? {}, sheet, row, col, value);
  if (Object.keys(printed).length) return { ...doc, printed };
  const { printed: _none, ...rest } = doc;
  return rest;
}

/** sheet → row → col values with one cell set or removed; emptied rows and sheets go too. */
function withCell(values: InputValues, sheet: SheetId, row: string, col: string, value: string | null): InputValues {
  const out: InputValues = { ...values };
  const rows = { ...(out[sheet] ?? {}) };
  const cols = { ...(rows[row] ?? {}) };
  if (value === null) delete cols[col];
  else cols[col] = value;
  // Counting keys only matters when one was removed (rows are keyed by code: counting is not free).
  if (value !== null || Object.keys(cols).length) rows[row] = cols;
  else delete rows[row];
  if (value !== null || Object.keys(rows).length) out[sheet] = rows;
  else delete out[sheet];
  return out;
}
