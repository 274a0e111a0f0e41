// What features that bring in a whole document (XLSX import, JSON backup) call to put it in the
// library: open it as a new workbook, or replace the workbook on screen after keeping the old
// version as a 'before-import' snapshot (undoable, then saved). No DOM.
import type { WorkbookDocument } from '../model/document';
import type { SnapshotInfo, WorkbookInfo, WorkbookStore } from '../storage';
import type { Autosave } from './autosave';
import { takeSnapshot } from './history';
import type { WorkbookSession } from './session';
import { WorkbookLibrary } from './workbook-library';

export const WORKBOOK_ACTION_TEXT = {
  readOnly: (why: string) => `本页目前只读，不能替换工作簿内容：${why}`,
  snapshotFailed: (why: string) => `无法先保留当前版本，为安全起见没有替换工作簿内容：${why}`,
  inMemory: '浏览器本地存储不可用：内容只在本页中，请及时导出 JSON 备份。',
} as const;

export class WorkbookActionError extends Error {
  override name = 'WorkbookActionError';
}

/** The stored workbook on screen (OpenedWorkbook fits). */
export interface CurrentWorkbook {
  readonly id: string;
  readonly session: WorkbookSession;
  readonly autosave: Pick<Autosave, 'revision' | 'flush'>;
  /** Null when this tab may edit; otherwise why not. */
  readonly readOnly: string | null;
}

export interface WorkbookActionsDeps {
  /** Null when browser storage is unavailable: the app runs in memory on `session`. */
  store: WorkbookStore | null;
  /** The stored workbook on screen; null in memory mode. */
  current: CurrentWorkbook | null;
  /** The session on screen (current.session when stored). */
  session: WorkbookSession;
  /** Shows another stored workbook (the app reloads with #wb=<id>). */
  show(id: string): void;
  /** Tells other tabs the list changed. */
  announceLibrary?(): void;
}

export class WorkbookActions {
  constructor(private readonly deps: WorkbookActionsDeps) {}

  /**
   * Stores `doc` as a new workbook (default name 部门 年度年度决算) and shows it, after the
   * current one's pending edits are written. Returns the new record. In memory mode the document
   * replaces the one on screen (undoable) and null is returned.
   */
  async openAsNewWorkbook(doc: WorkbookDocument, name?: string): Promise<WorkbookInfo | null> {
    const { store, current, session } = this.deps;
    if (!store) {
      session.replaceDocument(doc, name ? `打开「${name}」` : '打开导入的工作簿');
      return null;
    }
    const info = await new WorkbookLibrary(store).createFrom(doc, name);
    this.deps.announceLibrary?.();
    await current?.autosave.flush();
    this.deps.show(info.id);
    return info;
  }

  /**
   * Replaces the workbook on screen with `doc`: keeps the current document as a 'before-import'
   * snapshot named `${label}前的版本`, then session.replaceDocument(doc, label) — one undo step —
   * and writes it. Throws WorkbookActionError (Chinese) when the tab is read-only or the snapshot
   * cannot be stored; then nothing is replaced.
   */
  async replaceCurrentWorkbook(doc: WorkbookDocument, label: string): Promise<{ snapshot: SnapshotInfo | null }> {
    const { store, current, session } = this.deps;
    if (!store || !current) {
      session.replaceDocument(doc, label);
      return { snapshot: null };
    }
    if (current.readOnly) throw new WorkbookActionError(WORKBOOK_ACTION_TEXT.readOnly(current.readOnly));
    // Pending edits first, so the snapshot is what the user last saw, at the stored revision.
    await current.autosave.flush();
    let snapshot: SnapshotInfo;
    try {
      snapshot = await takeSnapshot(store, current.id, session.doc, current.autosave.revision, 'before-import', `${label}前的版本`);
    } catch (e) {
      throw new WorkbookActionError(WORKBOOK_ACTION_TEXT.snapshotFailed(e instanceof Error ? e.message : String(e)), { cause: e });
    }
    session.replaceDocument(doc, label);
    await current.autosave.flush();
    return { snapshot };
  }
}
