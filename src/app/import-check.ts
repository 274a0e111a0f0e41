// Reading and checking an imported file (XLSX workbook or JSON backup): everything that takes time
// on a big file, with no DOM and no storage, so it runs in the import worker (import-worker.ts) or,
// where no worker can be created, on the main thread (import-runner.ts). Returns plain data only.
import type { ImportResult } from '../io/xlsx-import';
import { BackupError, checkBackupSize, parseBackup, type ParsedEntry } from './backup';

export type ImportKind = 'xlsx' | 'backup';

export interface ImportRequest {
  kind: ImportKind;
  /** The chosen file (a File is a Blob; structured-cloned to the worker without copying its bytes). */
  file: Blob;
}

export type ImportOutcome =
  | { ok: true; kind: 'xlsx'; result: ImportResult }
  | { ok: true; kind: 'backup'; entries: ParsedEntry[] }
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
  try {
    checkBackupSize(req.file.size);
    return { ok: true, kind: 'backup', entries: parseBackup(await req.file.text()) };
  } catch (e) {
    return { ok: false, refused: e instanceof BackupError, message: why(e) };
  }
}
