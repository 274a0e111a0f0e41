// Autosave: every accepted edit of a WorkbookSession is written to the WorkbookStore without the
// user asking (debounced, revision-checked), with a status for the toolbar. On failure the
// document stays in memory and the write is retried on the next change or flush. No DOM, no idb.
import type { WorkbookDocument } from '../model/document';
import { toStorageError, type StorageError, type WorkbookInfo, type WorkbookStore } from '../storage';
import type { SessionEvent } from './session';

/** Toolbar words, in one place. */
export const AUTOSAVE_TEXT = {
  saved: '已保存',
  saving: '正在保存',
  failed: '保存失败',
  readonly: '只读',
} as const;

export type SaveState = keyof typeof AUTOSAVE_TEXT;

export interface SaveStatus {
  state: SaveState;
  /** What the toolbar shows: 已保存 / 正在保存 / 保存失败：原因 / 只读：原因. */
  text: string;
  /** Why it failed or is read-only (Chinese). */
  reason?: string;
  /** Stored revision this page's document is based on. */
  revision: number;
  /** Edits exist only in memory: the UI should offer the JSON export. */
  offerExport: boolean;
  error?: StorageError;
}

export interface AutosaveOptions {
  /** Quiet time after the last change before writing. */
  delayMs?: number;
  /** Longest a change may wait while the user keeps typing. */
  maxDelayMs?: number;
  now?: () => number;
}

/** The part of WorkbookSession autosave needs. */
export interface ChangeSource {
  subscribe(fn: (e: SessionEvent) => void): () => void;
}

export type SavedListener = (info: WorkbookInfo, doc: WorkbookDocument) => void;

export class Autosave {
  private revisionValue: number;
  /** The document known to be stored at `revision` (change events carrying it are not re-saved). */
  private baseline: WorkbookDocument | null;
  private pending: WorkbookDocument | null = null;
  private pendingSince = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inflight: Promise<void> | null = null;
  /** A store.save is under way (set synchronously, unlike `inflight`). */
  private writing = false;
  /** The document that save is writing (lost if the page is torn down before it commits). */
  private writingDoc: WorkbookDocument | null = null;
  private failure: StorageError | null = null;
  private readOnlyReason: string | null = null;
  private current: SaveStatus;
  private readonly statusListeners = new Set<(s: SaveStatus) => void>();
  private readonly savedListeners = new Set<SavedListener>();
  private readonly unsubscribe: () => void;
  private readonly delayMs: number;
  private readonly maxDelayMs: number;
  private readonly now: () => number;

  constructor(
    private readonly store: WorkbookStore,
    source: ChangeSource,
    readonly workbookId: string,
    start: { revision: number; doc: WorkbookDocument | null },
    options: AutosaveOptions = {},
  ) {
    this.revisionValue = start.revision;
    this.baseline = start.doc;
    this.delayMs = options.delayMs ?? 300;
    this.maxDelayMs = options.maxDelayMs ?? 2000;
    this.now = options.now ?? Date.now;
    this.current = this.compute();
    this.unsubscribe = source.subscribe((e) => {
      if (e.type === 'change') this.changed(e.doc);
    });
  }

  get status(): SaveStatus {
    return this.current;
  }
  get revision(): number {
    return this.revisionValue;
  }
  /** True while an accepted edit is not yet stored. */
  get dirty(): boolean {
    return this.pending !== null || this.writing;
  }

  /** The newest accepted document not known to be stored (pending, or being written), else null. */
  unsavedDocument(): WorkbookDocument | null {
    return this.pending ?? (this.writing ? this.writingDoc : null);
  }

  onStatus(fn: (s: SaveStatus) => void): () => void {
    this.statusListeners.add(fn);
    return () => this.statusListeners.delete(fn);
  }

  /** Called after every successful write (history snapshots, other-tab notices). */
  onSaved(fn: SavedListener): () => void {
    this.savedListeners.add(fn);
    return () => this.savedListeners.delete(fn);
  }

  /** Writes any pending change now (pagehide, visibilitychange, before switching workbook). */
  flush(): Promise<SaveStatus> {
    this.clearTimer();
    return this.drain().then(() => this.current);
  }

  /** The document was (re)loaded from storage at `revision`: nothing to save, errors forgotten. */
  markSaved(doc: WorkbookDocument, revision: number): void {
    this.clearTimer();
    this.baseline = doc;
    this.revisionValue = revision;
    this.pending = null;
    this.failure = null;
    this.update();
  }

  /** Stops writing (another tab is the writer); `null` allows writing again. */
  setReadOnly(reason: string | null): void {
    this.readOnlyReason = reason;
    if (!reason && this.pending) this.schedule();
    this.update();
  }

  /** Flushes, then stops listening. */
  async close(): Promise<SaveStatus> {
    const s = await this.flush();
    this.unsubscribe();
    return s;
  }

  private changed(doc: WorkbookDocument): void {
    if (doc === this.baseline) return;
    if (this.pending === null) this.pendingSince = this.now();
    this.pending = doc;
    if (!this.readOnlyReason && this.failure?.kind !== 'conflict') this.schedule();
    this.update();
  }

  private schedule(): void {
    this.clearTimer();
    const wait = Math.max(0, Math.min(this.delayMs, this.pendingSince + this.maxDelayMs - this.now()));
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.drain();
    }, wait);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private drain(): Promise<void> {
    if (!this.inflight) {
      this.inflight = this.run().finally(() => {
        this.inflight = null;
        this.update();
      });
    }
    return this.inflight;
  }

  private async run(): Promise<void> {
    // A conflict stays until the document is reloaded: retrying would overwrite the other tab.
    while (this.pending && !this.readOnlyReason && this.failure?.kind !== 'conflict') {
      const doc = this.pending;
      this.pending = null;
      this.writing = true;
      this.writingDoc = doc;
      this.update();
      try {
        // The write starts synchronously, so a flush from pagehide reaches IndexedDB.
        const info = await this.store.save(this.workbookId, doc, this.revisionValue);
        this.revisionValue = info.revision;
        this.baseline = doc;
        this.failure = null;
        for (const fn of this.savedListeners) {
          try {
            fn(info, doc);
          } catch {
            // a listener's failure must not turn a stored edit into 保存失败
          }
        }
      } catch (e) {
        this.failure = toStorageError(e);
        // A newer pending document already contains this one's edits.
        this.pending ??= doc;
        if (this.pending === doc) this.pendingSince = this.now();
        break;
      } finally {
        this.writing = false;
        this.writingDoc = null;
      }
    }
  }

  private compute(): SaveStatus {
    const revision = this.revisionValue;
    const unsaved = this.dirty;
    if (this.readOnlyReason) {
      return {
        state: 'readonly',
        text: `${AUTOSAVE_TEXT.readonly}：${this.readOnlyReason}`,
        reason: this.readOnlyReason,
        revision,
        offerExport: unsaved,
      };
    }
    if (this.failure && this.pending) {
      const reason = this.failure.message;
      return { state: 'failed', text: `${AUTOSAVE_TEXT.failed}：${reason}`, reason, revision, offerExport: true, error: this.failure };
    }
    if (unsaved) return { state: 'saving', text: AUTOSAVE_TEXT.saving, revision, offerExport: false };
    return { state: 'saved', text: AUTOSAVE_TEXT.saved, revision, offerExport: false };
  }

  private update(): void {
    const next = this.compute();
    const prev = this.current;
    this.current = next;
    if (prev && prev.state === next.state && prev.text === next.text && prev.revision === next.revision) return;
    for (const fn of this.statusListeners) fn(next);
  }
}

/** The bits of window/document the page-lifecycle binding needs (fakeable in Node). */
export interface PageLifecycleTarget {
  addEventListener(type: 'pagehide' | 'visibilitychange' | 'beforeunload', fn: () => void): void;
  removeEventListener(type: 'pagehide' | 'visibilitychange' | 'beforeunload', fn: () => void): void;
}

/**
 * Flushes pending writes when the page is hidden or closed; returns the unbinding function.
 * `isHidden` reads document.visibilityState === 'hidden'.
 */
export function flushOnPageHide(autosave: Pick<Autosave, 'flush'>, win: PageLifecycleTarget, doc: PageLifecycleTarget, isHidden: () => boolean): () => void {
  const onHide = () => void autosave.flush();
  const onVisibility = () => {
    if (isHidden()) onHide();
  };
  win.addEventListener('pagehide', onHide);
  doc.addEventListener('visibilitychange', onVisibility);
  return () => {
    win.removeEventListener('pagehide', onHide);
    doc.removeEventListener('visibilitychange', onVisibility);
  };
}
