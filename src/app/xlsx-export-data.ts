// Adapters between the engine and src/io's XLSX functions, which take plain data only: the
// export input (layouts, values, document, 情况说明 text) and the import callbacks (restore,
// layouts). No DOM; src/io never sees the engine.
import type { WorkbookEngine } from '../engine';
import { documentLayout, restoreDocument } from './templates';
import { paragraphText, renderNarrative, type RenderedNarrative, type RenderedSection } from '../engine/narrative';
import type { NarrativeSection, XlsxExportInput } from '../io/xlsx-export';
import type { ImportDeps } from '../io/xlsx-import';

/** The rendered 情况说明 as heading + paragraphs, nested sections flattened in reading order. */
export function narrativeSections(narrative: RenderedNarrative): NarrativeSection[] {
  const flat = (s: RenderedSection): NarrativeSection[] => [
    { heading: s.title, paragraphs: s.paragraphs.map(paragraphText) },
    ...s.sections.flatMap(flat),
  ];
  return narrative.sections.flatMap(flat);
}

/** Everything exportXlsx needs, read from the engine now (a snapshot: later edits do not leak in). */
export function xlsxExportInput(engine: WorkbookEngine): XlsxExportInput {
  return {
    document: engine.document(),
    sheets: engine.layout.sheets.map((layout) => ({ layout, values: engine.sheetValues(layout.id) })),
    narrative: narrativeSections(renderNarrative(engine)),
  };
}

/** importXlsx's callbacks: the one tolerant restore path, and layouts built without a formula engine. */
export const XLSX_IMPORT_DEPS: ImportDeps = {
  restore: (raw) => restoreDocument(raw),
  layoutFor: (doc) => documentLayout(doc),
};
