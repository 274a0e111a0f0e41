// Headless API: open a document, read any figure, set an input, list the audit findings.
import { restore, type RestoreResult } from '../model/restore';
import type { WorkbookDocument } from '../model/document';
import { TEMPLATES, FUNCTION_CODES, ECONOMIC_CODES, FUNCTION_CATALOG, ECONOMIC_CATALOG, EXAMPLE_LANSHAN_2021 } from '../../sheets';
import { templateInfos } from './template-info';
import { WorkbookEngine } from './workbook-engine';
import { CodeBook } from './code-book';
import { buildLayout, type SheetLayout } from './layout';

export { WorkbookEngine } from './workbook-engine';
export type { CellChange, CellValue, CodeSpec, EditResult, Finding, BatchInput } from './workbook-engine';
export { CODE_NAME_RULE } from './workbook-engine';
export type { SheetLayout, LayoutCell, Merge, RowKind, WorkbookLayout, ExpandedRule } from './layout';
export { templateInfo, templateInfos } from './template-info';
export { CodeBook, missingName } from './code-book';

export const CATALOGUES = { functionCodes: FUNCTION_CODES, economicCodes: ECONOMIC_CODES, functionCatalog: FUNCTION_CATALOG, economicCatalog: ECONOMIC_CATALOG };
export const TEMPLATE_INFOS = templateInfos(TEMPLATES);

/** restore() against the built-in templates. */
export function restoreDocument(raw: unknown): RestoreResult {
  return restore(raw, TEMPLATE_INFOS);
}

/** Opens a valid document with its template. */
export function openWorkbook(doc: WorkbookDocument): WorkbookEngine {
  const template = TEMPLATES.get(doc.templateId);
  if (!template) throw new Error(`unknown template ${doc.templateId}`);
  return WorkbookEngine.open(doc, { template, catalogues: CATALOGUES });
}

/** Every sheet layout of a valid document, as openWorkbook(doc).layout has it, without building the formula workbook. */
export function documentLayout(doc: WorkbookDocument): readonly SheetLayout[] {
  const template = TEMPLATES.get(doc.templateId);
  if (!template) throw new Error(`unknown template ${doc.templateId}`);
  return buildLayout(template, doc, new CodeBook(doc, CATALOGUES)).sheets;
}

/** The built-in example (蓝山县行政审批服务局 2021), restored like any other input. */
export function exampleDocument(): WorkbookDocument {
  return restoreDocument(EXAMPLE_LANSHAN_2021).doc;
}
