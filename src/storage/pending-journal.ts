// The last-chance copy of edits a closing page could not store: Chromium drops IndexedDB writes
// started while a page unloads (measured: a put issued in 'pagehide' before a reload is lost),
// but localStorage is written synchronously. The next writer of the workbook stores the copy.
import { PENDING_KEY_PREFIX } from './keys';

/** The part of window.localStorage the journal needs (fakeable in Node). */
export interface SyncKv {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface PendingEntry {
  /** Stored revision the document was edited from. */
  baseRevision: number;
  /** When the page wrote it (ms). */
  at: number;
  /** The document as it was in memory (goes through restore() before use). */
  doc: unknown;
}

export class PendingJournal {
  constructor(private readonly kv: SyncKv | null) {}

  /** window.localStorage when it can be used (it throws in some privacy modes), else a no-op journal. */
  static browser(): PendingJournal {
    try {
      return new PendingJournal(globalThis.localStorage ?? null);
    } catch {
      return new PendingJournal(null);
    }
  }

  /** Synchronous, so it completes inside 'pagehide'. False when it could not be written (full, disabled). */
  write(workbookId: string, baseRevision: number, doc: unknown, at: number = Date.now()): boolean {
    if (!this.kv) return false;
    try {
      this.kv.setItem(PENDING_KEY_PREFIX + workbookId, JSON.stringify({ baseRevision, at, doc }));
      return true;
    } catch {
      return false;
    }
  }

  read(workbookId: string): PendingEntry | null {
    try {
      const text = this.kv?.getItem(PENDING_KEY_PREFIX + workbookId);
      if (!text) return null;
      const v = JSON.parse(text) as Partial<PendingEntry>;
      if (typeof v.baseRevision !== 'number' || typeof v.at !== 'number' || v.doc === undefined) return null;
      return { baseRevision: v.baseRevision, at: v.at, doc: v.doc };
    } catch {
      return null;
    }
  }

  clear(workbookId: string): void {
    try {
      this.kv?.removeItem(PENDING_KEY_PREFIX + workbookId);
    } catch {
      // nothing more to do: a stale entry is recognized by its revision
    }
  }
}
