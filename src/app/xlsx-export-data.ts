// Adapters between the engine and src/io's XLSX functions, which take plain data only: the
// export input (layouts, values, document, 情况说明 text) and the import callbacks (restore,
// layouts). No DOM; src/io never sees the engine.
import type { WorkbookEngine } from '../engine';
import { documentLayout, restoreDocument } from './templates';
import { paragraphText, renderNarrative, renderPart, templateParts, type RenderedNarrative, type RenderedSection } from '../engine/narrative';
import type { NarrativeSection, XlsxExportInput, XlsxKind } from '../io/xlsx-export';
import type { ImportDeps } from '../io/xlsx-import';

/** The rendered 情况说明 as heading + paragraphs, nested sections flattened in reading order. */
export function narrativeSections(narrative: RenderedNarrative): NarrativeSection[] {
  const flat = (s: RenderedSection): NarrativeSection[] => [
    { heading: s.title, paragraphs: s.paragraphs.map(paragraphText) },
    ...s.sections.flatMap(flat),
  ];
  return narrative.sections.flatMap(flat);
}

/**
 * Everything exportXlsx needs, read from the engine now (a snapshot: later edits do not leak in).
 * 工作底稿 ('working'): every sheet. 公开表 ('public'): the template's tables only, with the 情况说明.
 */
export function xlsxExportInput(engine: WorkbookEngine, kind: XlsxKind = 'working'): XlsxExportInput {
  const tables = new Set<string>(engine.template.tables.map((t) => t.id));
  const layouts = kind === 'public' ? engine.layout.sheets.filter((l) => tables.has(l.id)) : engine.layout.sheets;
  return {
    kind,
    document: engine.document(),
    sheets: layouts.map((layout) => ({ layout, values: engine.sheetValues(layout.id) })),
    // The template's further parts (第五部分 绩效自评报告 …) follow the 情况说明 as text.
    narrative: [renderNarrative(engine), ...templateParts(engine).map((p) => renderPart(engine, p.id))].flatMap(narrativeSections),
  };
}

/** importXlsx's callbacks: the one tolerant restore path, and layouts built without a formula engine. */
export const XLSX_IMPORT_DEPS: ImportDeps = {
  restore: (raw) => restoreDocument(raw),
  layoutFor: (doc) => documentLayout(doc),
};
