// The built-in templates wired to the one restore() path and the engine: what every use-case,
// the storage default and the XLSX adapters share. The engine and model never name a template.
import { DEFAULT_EXAMPLE_ID, EXAMPLE_CATALOG, EXAMPLE_LANSHAN_2021, EXAMPLE_NATIONAL_2022, EXAMPLE_SH_PUTUO_CZJ_2024, EXAMPLE_SH_PUTUO_STHJ_2025, EXAMPLES, ECONOMIC_CODES, FUNCTION_CODES, FUNCTION_CATALOG, ECONOMIC_CATALOG, TEMPLATE_LIST, TEMPLATES, defaultTemplateFor } from '../../sheets';
import { buildSheetLayouts, WorkbookEngine, type Catalogues, type OpenOptions } from '../engine';
import type { WorkbookDocument } from '../model/document';
import type { SheetLayout } from '../model/layout';
import { restore, type RestoreResult } from '../model/restore';
import { exampleModule } from './example-modules';
import type { TemplateDef } from '../model/template';
import { templateInfos } from '../model/template-info';

export { TEMPLATE_LIST, defaultTemplateFor };

export const CATALOGUES = { functionCodes: FUNCTION_CODES, economicCodes: ECONOMIC_CODES, functionCatalog: FUNCTION_CATALOG, economicCatalog: ECONOMIC_CATALOG } satisfies Catalogues;
export const TEMPLATE_INFOS = templateInfos(TEMPLATES);

/** A template by id; throws UnknownTemplateError (Chinese message) for any other id. */
export class UnknownTemplateError extends Error {
  override name = 'UnknownTemplateError';
  constructor(readonly templateId: string) {
    super(`未知的模板「${templateId}」`);
  }
}

export function templateById(id: string): TemplateDef {
  const t = TEMPLATES.get(id);
  if (!t) throw new UnknownTemplateError(id);
  return t;
}

/** restore() against the built-in templates. */
export function restoreDocument(raw: unknown): RestoreResult {
  return restore(raw, TEMPLATE_INFOS);
}

/** Opens a valid document with its template (options: see WorkbookEngine.open). */
export function openWorkbook(doc: WorkbookDocument, options?: OpenOptions): WorkbookEngine {
  return WorkbookEngine.open(doc, { template: templateById(doc.templateId), catalogues: CATALOGUES }, options);
}

/** Every sheet layout of a valid document, as openWorkbook(doc).layout has it, without building the formula workbook. */
export function documentLayout(doc: WorkbookDocument): readonly SheetLayout[] {
  return buildSheetLayouts(templateById(doc.templateId), doc, CATALOGUES);
}

/** The built-in example (蓝山县行政审批服务局 2021), restored like any other input. */
export function exampleDocument(): WorkbookDocument {
  return restoreDocument(EXAMPLE_LANSHAN_2021).doc;
}

/** The built-in national-2022 example (示范市城市管理局 2023), restored like any other input. */
export function nationalExampleDocument(): WorkbookDocument {
  return restoreDocument(EXAMPLE_NATIONAL_2022).doc;
}

/** The built-in Shanghai examples (sh-2024): 上海市普陀区财政局 2024 and 上海市普陀区生态环境局 2025, as published. */
export const SH_EXAMPLES = { 'sh-putuo-czj-2024': EXAMPLE_SH_PUTUO_CZJ_2024, 'sh-putuo-sthj-2025': EXAMPLE_SH_PUTUO_STHJ_2025 } as const;

/** One of the Shanghai examples, restored like any other input. */
export function shExampleDocument(slug: keyof typeof SH_EXAMPLES): WorkbookDocument {
  return restoreDocument(SH_EXAMPLES[slug]).doc;
}

/** The built-in examples 新建 offers (示例), by id and name. */
export const EXAMPLE_LIST: readonly { id: string; name: string }[] = EXAMPLE_CATALOG.map(({ id, name }) => ({ id, name }));

/** A built-in example by id, restored like any other input (Node and tests: every example is loaded). */
export function exampleById(id: string): WorkbookDocument {
  const ex = EXAMPLES.find((x) => x.id === id);
  if (!ex) throw new Error(`没有示例 ${id}`);
  return restoreDocument(ex.doc).doc;
}

/**
 * A built-in example by id (default: the one a first visit opens), fetched on demand and restored:
 * what the app uses, so that its first bundle holds no example (docs/performance.md).
 */
export async function loadExample(id: string = DEFAULT_EXAMPLE_ID): Promise<WorkbookDocument> {
  return restoreDocument((await exampleModule(id)).default).doc;
}
