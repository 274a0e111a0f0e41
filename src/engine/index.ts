// Headless API of the formula engine: open a document with its template, read any figure, set an
// input, list the 审核 findings. Knows no template by name: callers pass the TemplateDef (the
// registry of built-in templates is sheets/index.ts, wired by src/app/templates.ts).
import type { WorkbookDocument } from '../model/document';
import type { SheetLayout } from '../model/layout';
import type { TemplateDef } from '../model/template';
import { CodeBook, type Catalogues } from './code-book';
import { buildLayout } from './layout';

export { WorkbookEngine } from './workbook-engine';
export type { CellChange, CellValue, CodeSpec, EditResult, EngineInput, Finding, BatchInput, OpenOptions } from './workbook-engine';
export { CARRIED_TEXT_RULE, CODE_NAME_RULE, PRINTED_RULE, type PrintedDifference } from './workbook-engine';
export type { SheetLayout, LayoutCell, Merge, RowKind, WorkbookLayout, ExpandedRule } from '../model/layout';
export { CodeBook, missingName, type Catalogues } from './code-book';

/** Every sheet layout of a valid document, as WorkbookEngine.layout has it, without building the formula workbook. */
export function buildSheetLayouts(template: TemplateDef, doc: WorkbookDocument, catalogues: Catalogues): readonly SheetLayout[] {
  return buildLayout(template, doc, new CodeBook(doc, catalogues)).sheets;
}
