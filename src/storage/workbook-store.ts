// The storage interface the app talks to: workbook records (info + document), history snapshots
// and settings. Implementations: IndexedDbStore (browser) and MemoryStore (tests), both KvWorkbookStore.
import type { WorkbookDocument } from '../model/document';

export type WorkbookKind = 'base' | 'scenario';

/** What the workbook list shows; stored apart from the document so listing stays cheap. */
export interface WorkbookInfo {
  id: string;
  /** User's name for the workbook (or scenario). */
  name: string;
  /** 部门 and 年度, copied from the document on every save. */
  department: string;
  year: number;
  kind: WorkbookKind;
  /** For a scenario: the workbook it was made from. */
  baseId?: string;
  createdAt: number;
  updatedAt: number;
  /** Bumped by every save; a save names the revision it started from (two-tab guard). */
  revision: number;
  /** Soft delete: hidden from the list, recoverable until purged. */
  deletedAt?: number;
  /** Set by list() only: why this record cannot be read (Chinese). The data is left untouched. */
  damaged?: string;
}

export interface NewWorkbook {
  id: string;
  name: string;
  kind: WorkbookKind;
  baseId?: string;
}

export interface LoadedWorkbook {
  info: WorkbookInfo;
  doc: WorkbookDocument;
  /** Migrations applied on this load (the record was upgraded in place). */
  migrated: string[];
  /** What restore() dropped or normalized, in Chinese. */
  notes: string[];
}

export type SnapshotReason = 'interval' | 'before-import' | 'before-adopt' | 'before-restore' | 'before-upgrade' | 'manual';

export interface SnapshotInfo {
  id: string;
  workbookId: string;
  createdAt: number;
  reason: SnapshotReason;
  /** Chinese description shown in the history list. */
  label: string;
  /** Workbook revision the snapshot was taken at. */
  revision: number;
}

export interface NewSnapshot {
  reason: SnapshotReason;
  label: string;
  revision: number;
  /** The document; an older stored shape is fine (it goes through restore() on load). */
  doc: unknown;
}

export interface Settings {
  /** The workbook the app reopens on start. */
  lastOpenedId: string;
  /** The browser's answer to navigator.storage.persist(), once asked. */
  persisted: boolean;
}

export interface WorkbookStore {
  /** Every record, deleted and damaged ones included, newest change first. */
  list(): Promise<WorkbookInfo[]>;
  /** One record's info; undefined when absent. Throws CorruptRecordError when unreadable. */
  info(id: string): Promise<WorkbookInfo | undefined>;
  /** Loads through restore(); an older document is upgraded in place. Throws NotFoundError, CorruptRecordError. */
  load(id: string): Promise<LoadedWorkbook>;
  /** The stored document exactly as it is, for recovery and export of a damaged record. */
  loadRaw(id: string): Promise<unknown>;
  /** Creates records atomically (all or none), at revision 1. */
  create(entries: { info: NewWorkbook; doc: WorkbookDocument }[]): Promise<WorkbookInfo[]>;
  /** Stores a new document version. Throws ConflictError when the stored revision is not `expectedRevision`. */
  save(id: string, doc: WorkbookDocument, expectedRevision: number): Promise<WorkbookInfo>;
  /** Rename, soft delete (deletedAt: time) or undelete (deletedAt: null). Does not bump the revision. */
  updateInfo(id: string, patch: { name?: string; deletedAt?: number | null }): Promise<WorkbookInfo>;
  /** Deletes the record, its document and its snapshots for good. */
  remove(id: string): Promise<void>;
  addSnapshot(workbookId: string, snap: NewSnapshot): Promise<SnapshotInfo>;
  /** Newest first; unreadable entries are skipped. */
  listSnapshots(workbookId: string): Promise<SnapshotInfo[]>;
  loadSnapshot(workbookId: string, snapshotId: string): Promise<{ info: SnapshotInfo; doc: WorkbookDocument }>;
  removeSnapshots(workbookId: string, snapshotIds: string[]): Promise<void>;
  getSetting<K extends keyof Settings>(name: K): Promise<Settings[K] | undefined>;
  setSetting<K extends keyof Settings>(name: K, value: Settings[K]): Promise<void>;
}
