// The stored side of the running app: which workbook this tab opens on start (the #wb= id, else
// the last one; the example on a first visit; memory mode when the browser cannot store), and
// every library, scenario, history and backup action the UI offers, over WorkbookStore and
// OpenedWorkbook. Switching workbook goes through `navigate` (the page reloads). No DOM.
import { loadExample, openWorkbook } from './templates';
import {
  CorruptRecordError,
  NotFoundError,
  requestPersistence,
  type PendingJournal,
  StorageError,
  type PersistenceResult,
  toStorageError,
  type SnapshotInfo,
  type WorkbookInfo,
  type WorkbookStore,
} from '../storage';
import type { AutosaveOptions, SaveStatus } from './autosave';
import type { CatalogueStore, StoredCatalogue } from '../storage';
import { buildBackup, exportAll, exportDamaged, mergeCatalogues, parseBackup, readBackupCatalogues, storeBackup, type BackupOutput, type ParsedEntry } from './backup';
import { IntervalSnapshots, listHistory, restoreSnapshot, takeSnapshot } from './history';
import { OpenedWorkbook } from './open-workbook';
import { adoptScenario, compareWorkbooks, createScenario, discardScenario, scenariosOf, type Comparison } from './scenarios';
import { WorkbookSession } from './session';
import type { TabCoordinator } from './tab-coordination';
import { WorkbookActions } from './workbook-actions';
import { LIBRARY_TEXT, WorkbookLibrary } from './workbook-library';

export const CONTROLLER_TEXT = {
  exampleName: (department: string, year: number) => `示例：${department} ${year}年度决算`,
  deleted: (name: string) => `工作簿「${name}」已删除，可在“工作簿”→“回收站”中恢复。`,
  createdBlank: '没有可打开的工作簿，已新建一个空白工作簿。已删除的工作簿可在“工作簿”→“回收站”中恢复。',
  unsaved: (why: string) => `当前修改还没有保存（${why}），为避免丢失没有切换。请先导出 JSON 备份。`,
  baseBusy: '基础工作簿正在另一个标签页中编辑。为避免互相覆盖，请先关闭那个标签页，再采用情景。',
  notScenario: '当前打开的不是情景。',
  readOnly: (why: string) => `本页目前只读：${why}`,
  defaultScenario: (n: number) => `情景${n}`,
  importedNone: '备份中没有可导入的内容。',
} as const;

/** A message for the user about something that went wrong while opening (Chinese). */
export interface StartProblem {
  message: string;
  /** A record that could not be read: its raw data can be exported. */
  damagedId?: string;
}

export interface ControllerDeps {
  store: WorkbookStore;
  tabs: TabCoordinator;
  /** Where a closing page leaves edits it could not store. */
  journal?: PendingJournal;
  /** Shows workbook `id` in this tab (sets #wb=<id> and reloads). */
  navigate(id: string): void;
  autosave?: AutosaveOptions;
  now?: () => number;
  /** The user's imported code lists (导入科目表), included in 导出全部 and merged on import. */
  catalogues?: CatalogueStore;
}

export interface LibraryView {
  /** Base workbooks, newest change first, with their live scenarios. */
  workbooks: (WorkbookInfo & { scenarios: WorkbookInfo[] })[];
  /** In the recycle bin, with days left. */
  deleted: (WorkbookInfo & { daysLeft: number })[];
}

/** Thrown for actions the controller refuses; the message is Chinese and shown as is. */
export class ControllerError extends Error {
  override name = 'ControllerError';
}

export class StorageController {
  readonly actions: WorkbookActions;
  private readonly libraryListeners = new Set<() => void>();

  private constructor(
    private readonly deps: ControllerDeps | null,
    readonly session: WorkbookSession,
    /** The stored workbook on screen; null in memory mode. */
    readonly opened: OpenedWorkbook | null,
    /** Set in memory mode: why nothing can be stored. */
    readonly storageError: StorageError | null,
    /** What went wrong while opening (corrupt record, deleted workbook…). */
    readonly problems: StartProblem[],
  ) {
    this.actions = new WorkbookActions({
      store: deps?.store ?? null,
      current: opened,
      session,
      show: (id) => deps?.navigate(id),
      announceLibrary: () => deps?.tabs.announceLibrary(),
    });
    deps?.tabs.subscribe((n) => {
      if (n.type === 'library') void this.libraryChanged();
    });
  }

  /**
   * Opens the workbook for this tab: `requestedId` (from #wb=), else the last opened, else the
   * newest usable one; a first visit stores the built-in example. A record that cannot be read
   * is reported and the next one tried. When the browser cannot store at all, the example runs
   * in memory and `storageError` says why.
   */
  static async start(deps: ControllerDeps, requestedId: string | null): Promise<StorageController> {
    const library = new WorkbookLibrary(deps.store, deps.now);
    let all: WorkbookInfo[];
    try {
      all = await deps.store.list();
    } catch (e) {
      return await StorageController.inMemory(toStorageError(e));
    }
    const problems: StartProblem[] = [];
    try {
      const history = new IntervalSnapshots(deps.store, { now: deps.now });
      const openDeps = { store: deps.store, tabs: deps.tabs, history, autosave: deps.autosave, journal: deps.journal };
      if (all.length === 0) {
        // A first visit (or an emptied store): nothing to purge, reopen or recover. The example is
        // stored and opened as it is in memory, not read back.
        if (requestedId) problems.push({ message: new NotFoundError(requestedId).message });
        const doc = await loadExample();
        const info = await library.createFrom(doc, CONTROLLER_TEXT.exampleName(doc.meta.department, doc.meta.year));
        const opened = await OpenedWorkbook.open(openDeps, info.id, { fresh: true, loaded: { info, doc, migrated: [], notes: [] } });
        return new StorageController(deps, opened.session, opened, null, problems);
      }
      await library.purgeExpired(all);
      const last = await library.lastOpened(all);
      const usable = all.filter((i) => i.kind === 'base' && i.deletedAt === undefined && !i.damaged).map((i) => i.id);
      const candidates = [...new Set([requestedId, last?.id, ...usable].filter((x): x is string => !!x))];
      for (const id of candidates) {
        const info = all.find((i) => i.id === id);
        if (info?.deletedAt !== undefined) {
          problems.push({ message: CONTROLLER_TEXT.deleted(info.name) });
          continue;
        }
        try {
          const opened = await OpenedWorkbook.open(openDeps, id);
          return new StorageController(deps, opened.session, opened, null, problems);
        } catch (e) {
          if (e instanceof CorruptRecordError) problems.push({ message: e.message, damagedId: e.id });
          else if (e instanceof NotFoundError) problems.push({ message: e.message });
          else throw e;
        }
      }
      // Everything was deleted or unreadable: a blank workbook to work in (the rest stays recoverable).
      const blank = await library.createEmpty({ department: '', year: new Date().getFullYear() - 1 });
      problems.push({ message: CONTROLLER_TEXT.createdBlank });
      const opened = await OpenedWorkbook.open(openDeps, blank.id);
      return new StorageController(deps, opened.session, opened, null, problems);
    } catch (e) {
      return await StorageController.inMemory(toStorageError(e), problems);
    }
  }

  /** The example in memory, nothing stored (IndexedDB unavailable or failing). */
  static async inMemory(error: StorageError, problems: StartProblem[] = []): Promise<StorageController> {
    return new StorageController(null, new WorkbookSession(openWorkbook(await loadExample(), { firstTableFirst: true, deferEngine: true })), null, error, problems);
  }

  get stored(): boolean {
    return this.opened !== null;
  }

  /** The record on screen (kept current by saves and renames). */
  get info(): WorkbookInfo | null {
    return this.opened?.info ?? null;
  }

  get isScenario(): boolean {
    return this.info?.kind === 'scenario';
  }

  /** The status line for the toolbar. */
  get saveStatus(): SaveStatus | null {
    return this.opened?.autosave.status ?? null;
  }

  /** The workbook list changed in this or another tab. */
  onLibrary(fn: () => void): () => void {
    this.libraryListeners.add(fn);
    return () => this.libraryListeners.delete(fn);
  }

  private async libraryChanged(): Promise<void> {
    const { opened, deps } = this;
    if (opened && deps) {
      const info = await deps.store.info(opened.id).catch(() => undefined);
      // Only name and deletion can change behind this tab's back; the revision is autosave's.
      if (info) {
        const { deletedAt: _old, ...rest } = opened.info;
        opened.info = { ...rest, name: info.name, ...(info.deletedAt !== undefined ? { deletedAt: info.deletedAt } : {}) };
      }
    }
    for (const fn of this.libraryListeners) fn();
  }

  private announce(): void {
    this.deps?.tabs.announceLibrary();
    void this.libraryChanged();
  }

  private need(): { deps: ControllerDeps; opened: OpenedWorkbook } {
    if (!this.deps || !this.opened) throw this.storageError ?? new ControllerError(CONTROLLER_TEXT.importedNone);
    return { deps: this.deps, opened: this.opened };
  }

  private library(): WorkbookLibrary {
    return new WorkbookLibrary(this.need().deps.store, this.deps?.now);
  }

  /** Writes pending edits; refuses (ControllerError) when they cannot be stored, so leaving would lose them. */
  async flush(): Promise<void> {
    if (!this.opened) return;
    const s = await this.opened.autosave.flush();
    if (this.opened.autosave.dirty && s.state !== 'readonly') throw new ControllerError(CONTROLLER_TEXT.unsaved(s.reason ?? s.text));
  }

  /** Shows another workbook in this tab, after storing this one's edits. */
  async show(id: string): Promise<void> {
    const { deps } = this.need();
    await this.flush();
    deps.navigate(id);
  }

  /**
   * Asks the browser to keep this site's data. `tell` is true when it refused and the user has
   * not been told so before (the answer is remembered; the toolbar tooltip keeps saying it).
   */
  async persistence(): Promise<PersistenceResult & { tell: boolean }> {
    const result = await requestPersistence();
    const store = this.deps?.store;
    if (!store) return { ...result, tell: false };
    const before = await store.getSetting('persisted').catch(() => undefined);
    const granted = result.state === 'granted';
    if (before !== granted) await store.setSetting('persisted', granted).catch(() => undefined);
    return { ...result, tell: !granted && before !== false };
  }

  // ---- library ----------------------------------------------------------------------------

  async libraryView(): Promise<LibraryView> {
    const lib = this.library();
    const all = await lib.store.list();
    const live = (await lib.list()).map((w) => ({ ...w, scenarios: scenariosOf(all, w.id) }));
    const deleted = (await lib.deleted()).map((w) => ({ ...w, daysLeft: lib.daysLeft(w) }));
    return { workbooks: live, deleted };
  }

  async createEmpty(meta: { department: string; year: number; name?: string; templateId?: string }): Promise<void> {
    await this.flush();
    const info = await this.library().createEmpty(meta);
    this.announce();
    await this.show(info.id);
  }

  /** Stores a built-in example as a new workbook and opens it. */
  async createFromExample(exampleId: string, name?: string): Promise<void> {
    await this.flush();
    const info = await this.library().createFrom(await loadExample(exampleId), name);
    this.announce();
    await this.show(info.id);
  }

  /** Returns what did not carry over into the chosen template (empty when everything mapped). */
  async createFromPrior(priorId: string, options: { year?: number; name?: string; templateId?: string }): Promise<string[]> {
    await this.flush();
    const info = await this.library().createFromPrior(priorId, options);
    this.announce();
    await this.show(info.id);
    return info.unmapped;
  }

  async rename(id: string, name: string): Promise<void> {
    await this.library().rename(id, name);
    this.announce();
  }

  async duplicate(id: string): Promise<WorkbookInfo> {
    await this.flush();
    const info = await this.library().duplicate(id);
    this.announce();
    return info;
  }

  /** Soft delete; the workbook on screen (or its base) being deleted moves this tab to another one. */
  async remove(id: string): Promise<void> {
    const { deps, opened } = this.need();
    const leaving = opened.id === id || opened.info.baseId === id;
    if (leaving) await this.flush();
    const lib = this.library();
    await lib.remove(id);
    this.announce();
    if (leaving) deps.navigate((await lib.lastOpened())?.id ?? '');
  }

  async restoreDeleted(id: string): Promise<void> {
    await this.library().restore(id);
    this.announce();
  }

  /** Deletes for good (from the recycle bin). */
  async purge(id: string): Promise<void> {
    await this.library().purge(id);
    this.announce();
  }

  // ---- scenarios ----------------------------------------------------------------------------

  /** The base on screen, or the base of the scenario on screen, and its live scenarios. */
  async scenarioChoices(): Promise<{ base: WorkbookInfo | null; scenarios: WorkbookInfo[] }> {
    const { deps, opened } = this.need();
    const baseId = opened.info.kind === 'scenario' ? opened.info.baseId : opened.id;
    const all = await deps.store.list();
    return { base: all.find((i) => i.id === baseId) ?? null, scenarios: baseId ? scenariosOf(all, baseId) : [] };
  }

  /** A new scenario from the workbook on screen, shown at once. */
  async createScenario(name?: string): Promise<void> {
    const { deps, opened } = this.need();
    await this.flush();
    const { scenarios } = await this.scenarioChoices();
    const info = await createScenario(deps.store, opened.id, name?.trim() || CONTROLLER_TEXT.defaultScenario(scenarios.length + 1));
    this.announce();
    deps.navigate(info.id);
  }

  /** Every changed input and the key figures: base (stored) against the scenario on screen. */
  async compare(): Promise<{ base: WorkbookInfo; comparison: Comparison }> {
    const { deps, opened } = this.need();
    if (opened.info.kind !== 'scenario' || !opened.info.baseId) throw new ControllerError(CONTROLLER_TEXT.notScenario);
    const base = await deps.store.load(opened.info.baseId);
    const engine = openWorkbook(base.doc);
    try {
      return { base: base.info, comparison: compareWorkbooks(engine, this.session.engine) };
    } finally {
      engine.destroy();
    }
  }

  /** Discards the scenario on screen (recoverable) and shows its base. */
  async discardScenario(): Promise<void> {
    const { deps, opened } = this.need();
    if (opened.info.kind !== 'scenario' || !opened.info.baseId) throw new ControllerError(CONTROLLER_TEXT.notScenario);
    await this.flush();
    await discardScenario(deps.store, opened.id, (deps.now ?? Date.now)());
    this.announce();
    deps.navigate(opened.info.baseId);
  }

  /** Makes the scenario on screen the base's content (the base is snapshotted first) and shows the base. */
  async adoptScenario(): Promise<void> {
    const { deps, opened } = this.need();
    const baseId = opened.info.baseId;
    if (opened.info.kind !== 'scenario' || !baseId) throw new ControllerError(CONTROLLER_TEXT.notScenario);
    await this.flush();
    // No other tab may be writing the base while its content is replaced.
    const claim = await deps.tabs.claim(baseId);
    if (claim.mode === 'reader') {
      claim.cancel();
      throw new ControllerError(CONTROLLER_TEXT.baseBusy);
    }
    try {
      const { base } = await adoptScenario(deps.store, opened.id, (deps.now ?? Date.now)());
      deps.tabs.announceSaved(baseId, base.revision);
    } finally {
      claim.release();
    }
    this.announce();
    deps.navigate(baseId);
  }

  // ---- history ------------------------------------------------------------------------------

  history(): Promise<SnapshotInfo[]> {
    const { deps, opened } = this.need();
    return listHistory(deps.store, opened.id);
  }

  /** What restoring a version would change: that version against the content on screen. */
  async previewSnapshot(snapshotId: string): Promise<Comparison> {
    const { deps, opened } = this.need();
    const { doc } = await deps.store.loadSnapshot(opened.id, snapshotId);
    const engine = openWorkbook(doc);
    try {
      return compareWorkbooks(engine, this.session.engine);
    } finally {
      engine.destroy();
    }
  }

  /** Puts an old version back (the current one is kept as a snapshot first); undoable and saved. */
  async restoreSnapshot(snapshotId: string): Promise<void> {
    const { deps, opened } = this.need();
    if (opened.readOnly) throw new ControllerError(CONTROLLER_TEXT.readOnly(opened.readOnly));
    await this.flush();
    const { doc, snapshot } = await restoreSnapshot(deps.store, opened.id, snapshotId, { doc: this.session.doc, revision: opened.autosave.revision });
    this.session.replaceDocument(doc, `恢复历史版本（${snapshot.label}）`);
    await this.flush();
  }

  /** Keeps the content on screen as a named version. */
  async keepVersion(label?: string): Promise<SnapshotInfo> {
    const { deps, opened } = this.need();
    await this.flush();
    return takeSnapshot(deps.store, opened.id, this.session.doc, opened.autosave.revision, 'manual', label?.trim() || undefined);
  }

  // ---- backup -------------------------------------------------------------------------------

  /** The workbook on screen as a backup file, from memory (works when storage has failed). */
  exportCurrent(): BackupOutput {
    const now = (this.deps?.now ?? Date.now)();
    const info = this.info ?? {
      id: 'memory',
      name: LIBRARY_TEXT.defaultName(this.session.doc.meta.department, this.session.doc.meta.year),
      kind: 'base' as const,
      updatedAt: now,
    };
    return buildBackup([{ info, doc: this.session.doc }], new Date(now));
  }

  /** Every stored workbook and scenario; unreadable ones are named in `skipped`. */
  async exportAll(): Promise<BackupOutput & { skipped: { id: string; name: string; reason: string }[] }> {
    if (!this.deps) return { ...this.exportCurrent(), skipped: [] };
    await this.flush().catch(() => undefined);
    return exportAll(this.deps.store, new Date(), this.deps.catalogues);
  }

  exportDamaged(id: string): Promise<BackupOutput> {
    return exportDamaged(this.need().deps.store, id);
  }

  /**
   * Imports a backup file's workbooks as new ones (nothing existing is overwritten). A bad file
   * throws BackupError and changes nothing. In memory mode the first workbook replaces the one
   * on screen (undoable).
   */
  async importBackup(text: string): Promise<{ imported: WorkbookInfo[]; notes: string[] }> {
    return this.importBackupEntries(parseBackup(text), readBackupCatalogues(text));
  }

  /** importBackup for entries already read and checked (parseBackup, in the import worker). */
  async importBackupEntries(entries: ParsedEntry[], catalogues: readonly StoredCatalogue[] = []): Promise<{ imported: WorkbookInfo[]; notes: string[] }> {
    if (!this.deps) {
      const [first] = entries;
      if (!first) throw new ControllerError(CONTROLLER_TEXT.importedNone);
      this.session.replaceDocument(first.doc, `导入「${first.name}」`);
      return { imported: [], notes: first.notes };
    }
    const result = await storeBackup(this.deps.store, entries);
    if (this.deps.catalogues && catalogues.length) result.notes.push(...(await mergeCatalogues(this.deps.catalogues, catalogues)));
    this.announce();
    return result;
  }
}
