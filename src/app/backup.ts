// JSON backup: one workbook or all of them in a versioned envelope, and import on another
// computer. Import goes through restore(), is all-or-nothing, never overwrites an existing
// workbook, and a bad file changes nothing and says why in Chinese.
import { restoreDocument } from './templates';
import { APP_ID, type WorkbookDocument } from '../model/document';
import { newRecordId, type CatalogueStore, type StoredCatalogue, type WorkbookInfo, type WorkbookKind, type WorkbookStore } from '../storage';

export const BACKUP_TYPE = 'juesuan-backup' as const;
/** Version of the envelope (each document carries its own schemaVersion). Bump with a reader for the old shape. */
export const BACKUP_VERSION = 1 as const;
/** Larger files are refused before parsing (a real backup of many workbooks is a few MB). */
export const BACKUP_MAX_CHARS = 200_000_000;
/** The same bound on the file, checked before it is read (a 600 MB file was called 不是有效的 JSON). */
export const BACKUP_MAX_BYTES = 200 * 1024 * 1024;

export const BACKUP_TEXT = {
  notJson: '文件内容不是有效的 JSON，无法导入（可能不是本程序导出的备份文件，或文件已损坏）。没有导入任何内容。',
  tooLarge: '文件过大，不是本程序导出的备份文件。没有导入任何内容。',
  tooLargeFile: (mb: string) => `文件过大（${mb} MB，备份文件最大 200 MB），不是本程序导出的备份文件。没有导入任何内容。`,
  wrongType: '这不是决算公开工作簿的备份文件。没有导入任何内容。',
  newer: (v: unknown) => `该备份由较新版本的程序导出（备份格式 ${String(v)}，本程序支持到 ${BACKUP_VERSION}），请更新程序后再导入。没有导入任何内容。`,
  empty: '备份文件中没有工作簿。没有导入任何内容。',
  badEntry: (n: number, name: string, why: string) => `第 ${n} 个工作簿「${name}」无法导入：${why}。没有导入任何内容。`,
  unnamed: '未命名',
  importedName: (name: string) => `${name}（导入）`,
} as const;

export class BackupError extends Error {
  override name = 'BackupError';
}

export interface BackupEntry {
  /** The id on the exporting computer (links scenarios to their base inside the file). */
  id: string;
  name: string;
  kind: WorkbookKind;
  baseId?: string;
  department: string;
  year: number;
  updatedAt: number;
  document: WorkbookDocument;
}

export interface BackupFile {
  type: typeof BACKUP_TYPE;
  schemaVersion: typeof BACKUP_VERSION;
  app: typeof APP_ID;
  /** ISO time of export. */
  exportedAt: string;
  workbooks: BackupEntry[];
  /** The user's imported code lists (导入科目表); optional, so older readers simply ignore it. */
  catalogues?: StoredCatalogue[];
}

export interface BackupOutput {
  fileName: string;
  text: string;
}

type EntrySource = { info: Pick<WorkbookInfo, 'id' | 'name' | 'kind' | 'baseId' | 'updatedAt'>; doc: WorkbookDocument };

const pad = (n: number) => String(n).padStart(2, '0');
const stamp = (d: Date) => `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}`;
const safe = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 60);

/** Builds the backup text from documents in hand (works when storage itself has failed). */
export function buildBackup(entries: EntrySource[], now: Date = new Date(), catalogues: readonly StoredCatalogue[] = []): BackupOutput {
  const file: BackupFile = {
    type: BACKUP_TYPE,
    schemaVersion: BACKUP_VERSION,
    app: APP_ID,
    exportedAt: now.toISOString(),
    workbooks: entries.map(({ info, doc }) => ({
      id: info.id,
      name: info.name,
      kind: info.kind,
      ...(info.baseId ? { baseId: info.baseId } : {}),
      department: doc.meta.department,
      year: doc.meta.year,
      updatedAt: info.updatedAt,
      document: doc,
    })),
    ...(catalogues.length ? { catalogues: [...catalogues] } : {}),
  };
  const one = entries.length === 1 ? entries[0]! : null;
  const fileName = one
    ? `决算公开备份-${safe(one.doc.meta.department || one.info.name)}-${one.doc.meta.year}-${stamp(now)}.json`
    : `决算公开备份-全部-${stamp(now)}.json`;
  return { fileName, text: JSON.stringify(file, null, 1) };
}

export async function exportWorkbook(store: WorkbookStore, id: string, now: Date = new Date()): Promise<BackupOutput> {
  const { info, doc } = await store.load(id);
  return buildBackup([{ info, doc }], now);
}

/** Every workbook and scenario not deleted. Unreadable records are left out and named in `skipped`. */
export async function exportAll(
  store: WorkbookStore,
  now: Date = new Date(),
  catalogueStore?: CatalogueStore,
): Promise<BackupOutput & { skipped: { id: string; name: string; reason: string }[] }> {
  const entries: EntrySource[] = [];
  const skipped: { id: string; name: string; reason: string }[] = [];
  const infos = (await store.list()).filter((i) => i.deletedAt === undefined).sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'base' ? -1 : 1));
  for (const i of infos) {
    try {
      const { info, doc } = await store.load(i.id);
      entries.push({ info, doc });
    } catch (e) {
      skipped.push({ id: i.id, name: i.name, reason: e instanceof Error ? e.message : String(e) });
    }
  }
  const catalogues = catalogueStore ? (await catalogueStore.list()).catalogues : [];
  return { ...buildBackup(entries, now, catalogues), skipped };
}

/**
 * The stored document of a record that cannot be opened, exactly as stored, for a technician to
 * recover. It is not an importable backup.
 */
export async function exportDamaged(store: WorkbookStore, id: string, now: Date = new Date()): Promise<BackupOutput> {
  const raw = await store.loadRaw(id);
  const text = JSON.stringify({ type: 'juesuan-damaged-record', app: APP_ID, id, exportedAt: now.toISOString(), document: raw ?? null }, null, 1);
  return { fileName: `决算公开-无法打开的记录-${safe(id)}-${stamp(now)}.json`, text };
}

export interface ParsedEntry {
  sourceId: string;
  name: string;
  kind: WorkbookKind;
  baseId?: string;
  doc: WorkbookDocument;
  notes: string[];
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Throws BackupError when a file of `bytes` is too large to be a backup; call before reading it. */
export function checkBackupSize(bytes: number): void {
  if (bytes > BACKUP_MAX_BYTES) throw new BackupError(BACKUP_TEXT.tooLargeFile((bytes / 1024 / 1024).toFixed(1)));
}

/** Validates a backup (or a single workbook document) and restores every document; throws BackupError. */
export function parseBackup(text: string): ParsedEntry[] {
  if (text.length > BACKUP_MAX_CHARS) throw new BackupError(BACKUP_TEXT.tooLarge);
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new BackupError(BACKUP_TEXT.notJson);
  }
  if (!isObj(data)) throw new BackupError(BACKUP_TEXT.wrongType);
  // A bare document (one workbook saved as JSON) is accepted too.
  const raw: unknown[] =
    data.type === 'juesuan-workbook'
      ? [{ document: data }]
      : data.type === BACKUP_TYPE
        ? checkEnvelope(data)
        : (() => {
            throw new BackupError(BACKUP_TEXT.wrongType);
          })();
  if (raw.length === 0) throw new BackupError(BACKUP_TEXT.empty);
  return raw.map((entry, n) => {
    const e = isObj(entry) ? entry : {};
    const name = typeof e.name === 'string' && e.name.trim() ? e.name.trim().slice(0, 100) : '';
    let restored;
    try {
      restored = restoreDocument(e.document);
    } catch (err) {
      throw new BackupError(BACKUP_TEXT.badEntry(n + 1, name || BACKUP_TEXT.unnamed, err instanceof Error ? err.message : String(err)));
    }
    const kind: WorkbookKind = e.kind === 'scenario' && typeof e.baseId === 'string' ? 'scenario' : 'base';
    return {
      sourceId: typeof e.id === 'string' ? e.id : `#${n + 1}`,
      name: name || `${restored.doc.meta.department || BACKUP_TEXT.unnamed} ${restored.doc.meta.year}年度决算`,
      kind,
      ...(kind === 'scenario' ? { baseId: e.baseId as string } : {}),
      doc: restored.doc,
      notes: restored.notes,
    };
  });
}

function checkEnvelope(data: Record<string, unknown>): unknown[] {
  const v = data.schemaVersion;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw new BackupError(BACKUP_TEXT.wrongType);
  if (v > BACKUP_VERSION) throw new BackupError(BACKUP_TEXT.newer(v));
  if (!Array.isArray(data.workbooks)) throw new BackupError(BACKUP_TEXT.empty);
  return data.workbooks;
}

/**
 * Imports a backup as new workbooks (new ids; nothing existing is overwritten), in one atomic
 * write. Scenarios keep their link to a base imported with them or already on this computer.
 */
export async function importBackup(store: WorkbookStore, text: string, catalogueStore?: CatalogueStore): Promise<{ imported: WorkbookInfo[]; notes: string[] }> {
  const entries = parseBackup(text);
  const result = await storeBackup(store, entries);
  const catalogueNotes = catalogueStore ? await mergeCatalogues(catalogueStore, readBackupCatalogues(text)) : [];
  return { ...result, notes: [...result.notes, ...catalogueNotes] };
}

/** The storing half of importBackup, for entries parsed elsewhere (the import worker). */
export async function storeBackup(store: WorkbookStore, entries: ParsedEntry[]): Promise<{ imported: WorkbookInfo[]; notes: string[] }> {
  const existing = await store.list();
  const liveNames = new Set(existing.filter((i) => i.deletedAt === undefined).map((i) => i.name));
  const ids = entries.map(() => newRecordId('wb'));
  const isBase = (id: string) => existing.some((i) => i.id === id && i.kind === 'base' && i.deletedAt === undefined && !i.damaged);
  const baseOf = (e: ParsedEntry): string | undefined => {
    if (e.baseId === undefined) return undefined;
    const inFile = entries.findIndex((x) => x.sourceId === e.baseId && x.kind === 'base');
    if (inFile >= 0) return ids[inFile];
    return isBase(e.baseId) ? e.baseId : undefined;
  };
  const records = entries.map((e, n) => {
    const baseId = baseOf(e);
    return {
      info: {
        id: ids[n]!,
        name: liveNames.has(e.name) ? BACKUP_TEXT.importedName(e.name) : e.name,
        kind: baseId ? ('scenario' as const) : ('base' as const),
        ...(baseId ? { baseId } : {}),
      },
      doc: e.doc,
    };
  });
  const imported = await store.create(records);
  return { imported, notes: entries.flatMap((e) => e.notes.map((n) => `「${e.name}」：${n}`)) };
}

/** The code lists (导入科目表) a backup carries, checked; bad ones are left out. Plain data (crosses the import worker). */
export function readBackupCatalogues(text: string): StoredCatalogue[] {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return [];
  }
  if (!isObj(data) || !Array.isArray(data.catalogues)) return [];
  const out: StoredCatalogue[] = [];
  for (const c of data.catalogues as unknown[]) {
    if (!isObj(c) || (c.kind !== 'function' && c.kind !== 'economic') || !Number.isInteger(c.year) || !isObj(c.names)) continue;
    const names = Object.fromEntries(Object.entries(c.names).filter(([k, v]) => /^\d{3,7}$/.test(k) && typeof v === 'string' && v.trim())) as Record<string, string>;
    out.push({
      kind: c.kind,
      year: c.year as number,
      names,
      source: typeof c.source === 'string' ? c.source : '备份',
      importedAt: typeof c.importedAt === 'string' ? c.importedAt : new Date().toISOString(),
    });
  }
  return out;
}

/** A backup's code lists join the stored ones: names this computer lacks are added, none replaced. */
export async function mergeCatalogues(catalogueStore: CatalogueStore, lists: readonly StoredCatalogue[]): Promise<string[]> {
  if (!lists.length) return [];
  const { catalogues: stored } = await catalogueStore.list();
  const out = lists.map((c) => {
    const here = stored.find((s) => s.kind === c.kind && s.year === c.year);
    return here ? { ...here, names: { ...c.names, ...here.names } } : c;
  });
  await catalogueStore.put(out);
  return [`科目表 ${out.length} 份已并入本机（${out.map((c) => `${c.year}年${c.kind === 'function' ? '功能' : '经济'}分类`).join('、')}）`];
}
