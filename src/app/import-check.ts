// Reading and checking an imported file (XLSX workbook, JSON backup, a PDF to review): everything that takes time
// on a big file, with no DOM and no storage, so it runs in the import worker (import-worker.ts) or,
// where no worker can be created, on the main thread (import-runner.ts). Returns plain data only.
import type { PageLayout } from '../io/pdf-grid';
import type { ImportResult } from '../io/xlsx-import';
import type { StoredCatalogue } from '../storage';
import { BackupError, checkBackupSize, parseBackup, readBackupCatalogues, type ParsedEntry } from './backup';
import type { PdfProposal } from './pdf-review';

export type ImportKind = 'xlsx' | 'backup' | 'pdf';

export interface ImportRequest {
  kind: ImportKind;
  /** The chosen file (a File is a Blob; structured-cloned to the worker without copying its bytes). */
  file: Blob;
}

export type ImportOutcome =
  | { ok: true; kind: 'xlsx'; result: ImportResult }
  | { ok: true; kind: 'backup'; entries: ParsedEntry[]; catalogues: StoredCatalogue[] }
  /** A PDF read for 审查: its pages as tables and lines, and what to propose (部门, 年度, template). */
  | { ok: true; kind: 'pdf'; pages: PageLayout[]; proposal: PdfProposal }
  /** `refused`: the file is not acceptable (the message says why); else reading failed unexpectedly. */
  | { ok: false; refused: boolean; message: string };

const why = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Reads and checks one file; never throws (the outcome crosses a worker boundary). */
export async function checkImport(req: ImportRequest): Promise<ImportOutcome> {
  if (req.kind === 'xlsx') {
    // Loaded on demand: ExcelJS is large and only needed here.
    const [{ ImportError, importXlsx }, { XLSX_IMPORT_DEPS }] = await Promise.all([import('../io/xlsx-import'), import('./xlsx-export-data')]);
    try {
      return { ok: true, kind: 'xlsx', result: await importXlsx(await req.file.arrayBuffer(), XLSX_IMPORT_DEPS) };
    } catch (e) {
      return { ok: false, refused: e instanceof ImportError, message: why(e) };
    }
  }
  if (req.kind === 'pdf') {
    // pdf.js (about 1.7 MB) is fetched with the reader, on the first PDF only.
    const [{ readPdf, PdfReadError }, { pdfLayouts, proposeReview }] = await Promise.all([import('../io/pdf-read'), import('./pdf-review')]);
    try {
      const content = await readPdf(new Uint8Array(await req.file.arrayBuffer()));
      const pages = pdfLayouts(content);
      return { ok: true, kind: 'pdf', pages, proposal: proposeReview(pages, content.info.title) };
    } catch (e) {
      return { ok: false, refused: e instanceof PdfReadError, message: why(e) };
    }
  }
  try {
    checkBackupSize(req.file.size);
    const text = await req.file.text();
    return { ok: true, kind: 'backup', entries: parseBackup(text), catalogues: readBackupCatalogues(text) };
  } catch (e) {
    return { ok: false, refused: e instanceof BackupError, message: why(e) };
  }
}
