// Opening a stored workbook for editing: claims the writer role, loads through the store,
// starts the session with autosave, history and other-tab notices, and keeps a read-only tab
// in step with the writer. The composition the UI uses; no DOM.
import { openWorkbook, restoreDocument } from './templates';
import type { WorkbookDocument } from '../model/document';
import { toStorageError, type LoadedWorkbook, type PendingJournal, type WorkbookInfo, type WorkbookStore } from '../storage';
import { Autosave, type AutosaveOptions } from './autosave';
import type { IntervalSnapshots } from './history';
import { WorkbookSession } from './session';
import { TAB_TEXT, type ReaderClaim, type TabCoordinator, type WriterClaim } from './tab-coordination';

export type OpenedEvent =
  /** Another tab saved; this tab now shows its document. */
  | { type: 'reloaded'; revision: number }
  /** This tab became the writer. */
  | { type: 'writable'; message: string }
  /** Another tab saved while this one had unsaved edits: they will not be stored (autosave says so). */
  | { type: 'stale'; revision: number }
  /** Edits a closed page could not store were found in the journal and stored (or kept as a version). */
  | { type: 'recovered'; message: string }
  /** Such edits were found but could not be stored (storage full): shown, kept, retried (Chinese). */
  | { type: 'recoveryFailed'; message: string };

export const RECOVERY_TEXT = {
  stored: '上次关闭页面时还没来得及保存的修改已找回并保存。',
  snapshot: '关闭页面时未能保存的修改',
  keptAsVersion: '上次关闭页面时有未保存的修改，但此工作簿之后已在别处修改。为避免覆盖，那些修改已另存为一个历史版本（见“历史版本”）。',
  notStoredYet: '上次关闭页面时未保存的修改已找回并显示在表中，但仍未能保存。原因：',
  heldInBrowser: '上次关闭页面时未保存的修改仍保留在浏览器中，但现在无法保存（下次打开时会再试）。原因：',
  adoptLabel: '找回关闭页面时未保存的修改',
} as const;

/** A failed recovery: the journal copy stays; `doc` is put on screen when it applies to `revision`. */
interface RecoveryFailure {
  message: string;
  doc: WorkbookDocument | null;
  baseRevision: number;
}

/** recoverPending, its failure (storage full, unavailable) turned into what to show and keep. */
async function tryRecover(store: WorkbookStore, journal: PendingJournal, id: string): Promise<{ recovered: string | null; failure: RecoveryFailure | null }> {
  try {
    return { recovered: await recoverPending(store, journal, id), failure: null };
  } catch (e) {
    const entry = journal.read(id);
    let doc: WorkbookDocument | null = null;
    try {
      doc = entry ? restoreDocument(entry.doc).doc : null;
    } catch {
      doc = null;
    }
    return { recovered: null, failure: { message: toStorageError(e).message, doc, baseRevision: entry?.baseRevision ?? -1 } };
  }
}

/**
 * Stores what a closed page left in the journal: when the workbook is still at the revision those
 * edits started from, they are saved; when it moved on (another tab saved), they are kept as a
 * snapshot instead of overwriting. Returns the message for the user, or null when nothing was found.
 */
export async function recoverPending(store: WorkbookStore, journal: PendingJournal, id: string): Promise<string | null> {
  const entry = journal.read(id);
  if (!entry) return null;
  let doc;
  try {
    doc = restoreDocument(entry.doc).doc;
  } catch {
    journal.clear(id);
    return null;
  }
  const loaded = await store.load(id);
  if (entry.baseRevision === loaded.info.revision) {
    await store.save(id, doc, loaded.info.revision);
    journal.clear(id);
    return RECOVERY_TEXT.stored;
  }
  // The page's own last write may have landed after all: then there is nothing to recover.
  if (JSON.stringify(doc) !== JSON.stringify(loaded.doc)) {
    await store.addSnapshot(id, { reason: 'manual', label: RECOVERY_TEXT.snapshot, revision: entry.baseRevision, doc });
    journal.clear(id);
    return RECOVERY_TEXT.keptAsVersion;
  }
  journal.clear(id);
  return null;
}

export interface OpenDeps {
  store: WorkbookStore;
  tabs: TabCoordinator;
  history?: IntervalSnapshots;
  autosave?: AutosaveOptions;
  /** Where a closing page leaves edits it could not store (see keepUnsaved). */
  journal?: PendingJournal;
}

export class OpenedWorkbook {
  private readonly listeners = new Set<(e: OpenedEvent) => void>();
  private readonly unsubs: (() => void)[] = [];
  private reloads: Promise<void> = Promise.resolve();
  private claim: WriterClaim | ReaderClaim;
  private closed = false;
  /** The journal holds edits this tab could not take over: a save of this tab must not clear it. */
  private holdJournal = false;
  private recoveryErrorText: string | null = null;

  private constructor(
    private readonly deps: OpenDeps,
    readonly id: string,
    public info: WorkbookInfo,
    readonly session: WorkbookSession,
    readonly autosave: Autosave,
    claim: WriterClaim | ReaderClaim,
    /** What restore() dropped or normalized on this load (Chinese). */
    readonly notes: string[],
    /** Migrations run on this load (the record was upgraded in place; names are for logs, not users). */
    readonly migrated: string[],
    /** Set when a closed page's unsaved edits were recovered on open (Chinese). */
    readonly recovered: string | null = null,
  ) {
    this.claim = claim;
    this.unsubs.push(
      autosave.onSaved((saved) => {
        this.info = saved;
        if (!this.holdJournal) deps.journal?.clear(id);
        deps.tabs.announceSaved(id, saved.revision);
      }),
    );
    if (deps.history) this.unsubs.push(autosave.onSaved(deps.history.onSaved));
    this.unsubs.push(
      deps.tabs.subscribe((n) => {
        if (n.type === 'saved' && n.workbookId === id && n.revision > autosave.revision) this.otherTabSaved(n.revision);
      }),
    );
    if (claim.mode === 'reader') {
      autosave.setReadOnly(claim.reason);
      // The grid and every other editor go through the session: it refuses with the reason.
      session.setReadOnly(claim.reason);
      void claim.promoted.then((w) => this.promote(w));
    }
  }

  /**
   * Claims the writer role first, so a writer always loads the latest stored revision. `fresh`: the
   * workbook was created a moment ago by this page, so no closed page left edits for it (and the
   * journal's storage, whose first use in a new profile opens a database, is not read before the
   * first table is on screen). `loaded`: the record as this page has just stored it, not read back.
   */
  static async open(deps: OpenDeps, id: string, options: { fresh?: boolean; loaded?: LoadedWorkbook } = {}): Promise<OpenedWorkbook> {
    const claim = await deps.tabs.claim(id);
    try {
      // Only the writer may store what a closed page left behind.
      const recover = claim.mode === 'writer' && deps.journal && !options.fresh;
      const { recovered, failure } = recover ? await tryRecover(deps.store, deps.journal!, id) : { recovered: null, failure: null };
      const loaded = options.loaded ?? (await deps.store.load(id));
      // The workbook on screen: its first table is wanted first (WorkbookEngine.open's firstTableFirst),
      // painted before the formula engine is built (deferEngine; the page calls session.finishOpen()).
      const session = new WorkbookSession(openWorkbook(loaded.doc, { firstTableFirst: true, deferEngine: true }));
      const autosave = new Autosave(deps.store, session, id, { revision: loaded.info.revision, doc: session.doc }, deps.autosave);
      // The app reopens this workbook next time; failing to note that must not stop opening it, and
      // the first table does not wait for the write (later reads of the store queue behind it).
      void deps.store.setSetting('lastOpenedId', id).catch(() => undefined);
      const opened = new OpenedWorkbook(deps, id, loaded.info, session, autosave, claim, loaded.notes, loaded.migrated, recovered);
      if (failure) opened.recoveryErrorText = opened.takeOver(failure);
      return opened;
    } catch (e) {
      if (claim.mode === 'writer') claim.release();
      else claim.cancel();
      throw e;
    }
  }

  /** Set when a closed page's unsaved edits were found but could not be stored (Chinese, for a banner). */
  get recoveryError(): string | null {
    return this.recoveryErrorText;
  }

  /**
   * After a failed recovery: edits made from the revision on screen are put in the session (an undo
   * step), so autosave keeps retrying them and the leave-page prompt guards them; the journal copy is
   * cleared only by a save that contains them. Edits from another revision stay in the journal.
   */
  private takeOver(failure: RecoveryFailure): string {
    if (failure.doc && failure.baseRevision === this.autosave.revision) {
      this.session.replaceDocument(failure.doc, RECOVERY_TEXT.adoptLabel);
      return RECOVERY_TEXT.notStoredYet + failure.message;
    }
    this.holdJournal = failure.doc !== null;
    return RECOVERY_TEXT.heldInBrowser + failure.message;
  }

  /** Null when this tab may edit; otherwise why not (Chinese). */
  get readOnly(): string | null {
    return this.claim.mode === 'reader' ? this.claim.reason : null;
  }

  on(fn: (e: OpenedEvent) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /**
   * Copies edits not yet stored into the journal, synchronously: call from 'pagehide' (and when
   * the page is hidden), where an IndexedDB write may never commit. The next writer stores them.
   * False when there were such edits and the copy could not be written.
   */
  keepUnsaved(): boolean {
    const doc = this.autosave.unsavedDocument();
    if (!doc || this.claim.mode !== 'writer') return true;
    return this.deps.journal?.write(this.id, this.autosave.revision, doc) ?? false;
  }

  /**
   * For 'beforeunload': true when closing now could lose an edit, because the last save failed, or
   * an edit is not stored yet and the journal cannot take a copy either (localStorage full too).
   */
  mustWarnOnLeave(): boolean {
    if (this.autosave.status.state === 'failed') return true;
    return this.autosave.dirty && !this.keepUnsaved();
  }

  /** Flushes pending edits, gives up the writer role, stops listening. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.autosave.close();
    await this.reloads;
    for (const u of this.unsubs) u();
    if (this.claim.mode === 'writer') this.claim.release();
    else this.claim.cancel();
    this.session.engine.destroy();
  }

  private emit(e: OpenedEvent): void {
    for (const fn of this.listeners) fn(e);
  }

  private otherTabSaved(revision: number): void {
    if (this.claim.mode === 'writer' && this.autosave.dirty) {
      // Without Web Locks two tabs may both write: keep this tab's edits, let the revision check refuse them.
      this.emit({ type: 'stale', revision });
      return;
    }
    this.queueReload();
  }

  /** Loads the stored document when it is newer than this tab's; reloads run one at a time. */
  private queueReload(): Promise<void> {
    this.reloads = this.reloads
      .then(async () => {
        if (this.closed) return;
        const loaded = await this.deps.store.load(this.id);
        if (loaded.info.revision <= this.autosave.revision) return;
        this.info = loaded.info;
        // markSaved first: the change event carrying this document is then not saved again.
        this.autosave.markSaved(loaded.doc, loaded.info.revision);
        // Not an undo step: undoing it would write the other tab's work away.
        this.session.reload(loaded.doc, '载入其他标签页保存的内容');
        this.emit({ type: 'reloaded', revision: loaded.info.revision });
      })
      .catch(() => undefined);
    return this.reloads;
  }

  private async promote(writer: WriterClaim): Promise<void> {
    if (this.closed) {
      writer.release();
      return;
    }
    this.claim = writer;
    // What the previous writer left unsaved when it closed is stored first; then load the latest.
    const { recovered, failure } = this.deps.journal ? await tryRecover(this.deps.store, this.deps.journal, this.id) : { recovered: null, failure: null };
    await this.queueReload();
    if (recovered) this.emit({ type: 'recovered', message: recovered });
    this.autosave.setReadOnly(null);
    this.session.setReadOnly(null);
    if (failure) {
      this.recoveryErrorText = this.takeOver(failure);
      this.emit({ type: 'recoveryFailed', message: this.recoveryErrorText });
    }
    this.emit({ type: 'writable', message: TAB_TEXT.promoted });
  }
}
