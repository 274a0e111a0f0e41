// Version history: snapshots of a workbook's document before an import, before adopting a
// scenario, before restoring an old version, and at most every N minutes while editing.
// Restoring returns the old document for session.replaceDocument (so it is saved and undoable).
import type { WorkbookDocument } from '../model/document';
import type { SnapshotInfo, SnapshotReason, WorkbookInfo, WorkbookStore } from '../storage';

/** How each kind of snapshot is named in the history list. */
export const SNAPSHOT_LABELS: Record<SnapshotReason, string> = {
  interval: '编辑过程中自动保留的版本',
  'before-import': '导入前的版本',
  'before-adopt': '采用情景前的版本',
  'before-restore': '恢复历史版本前的版本',
  'before-upgrade': '升级数据格式前的原始内容',
  manual: '手动保留的版本',
};

export const HISTORY_DEFAULTS = {
  /** At most one automatic snapshot per workbook in this time. */
  intervalMs: 10 * 60_000,
  /** Automatic snapshots kept per workbook; the oldest go first. Event snapshots are kept. */
  keepInterval: 30,
} as const;

export function takeSnapshot(
  store: WorkbookStore,
  workbookId: string,
  doc: WorkbookDocument,
  revision: number,
  reason: SnapshotReason,
  label: string = SNAPSHOT_LABELS[reason],
): Promise<SnapshotInfo> {
  return store.addSnapshot(workbookId, { reason, label, revision, doc });
}

/** Newest first. */
export function listHistory(store: WorkbookStore, workbookId: string): Promise<SnapshotInfo[]> {
  return store.listSnapshots(workbookId);
}

/** Keeps the document being replaced by an import (call before session.replaceDocument). */
export function snapshotBeforeImport(store: WorkbookStore, workbookId: string, current: { doc: WorkbookDocument; revision: number }, fileName?: string) {
  return takeSnapshot(store, workbookId, current.doc, current.revision, 'before-import', fileName ? `导入「${fileName}」前的版本` : SNAPSHOT_LABELS['before-import']);
}

/**
 * Loads an old version, after keeping the current document as a 'before-restore' snapshot.
 * Apply the result with session.replaceDocument(doc, '恢复历史版本'): autosave stores it.
 */
export async function restoreSnapshot(
  store: WorkbookStore,
  workbookId: string,
  snapshotId: string,
  current: { doc: WorkbookDocument; revision: number },
): Promise<{ doc: WorkbookDocument; snapshot: SnapshotInfo; safety: SnapshotInfo }> {
  const { info, doc } = await store.loadSnapshot(workbookId, snapshotId);
  const safety = await takeSnapshot(store, workbookId, current.doc, current.revision, 'before-restore');
  return { doc, snapshot: info, safety };
}

/**
 * Automatic snapshots while editing: wire `onSaved` to Autosave.onSaved. Takes one when the
 * newest snapshot of the workbook is older than `intervalMs`, and prunes old automatic ones.
 */
export class IntervalSnapshots {
  private readonly last = new Map<string, number>();
  private queue: Promise<void> = Promise.resolve();
  /** The last failure (history is best effort; autosave reports storage trouble itself). */
  lastError: unknown = null;
  private readonly intervalMs: number;
  private readonly keep: number;
  private readonly now: () => number;

  constructor(
    private readonly store: WorkbookStore,
    options: { intervalMs?: number; keep?: number; now?: () => number } = {},
  ) {
    this.intervalMs = options.intervalMs ?? HISTORY_DEFAULTS.intervalMs;
    this.keep = options.keep ?? HISTORY_DEFAULTS.keepInterval;
    this.now = options.now ?? Date.now;
  }

  readonly onSaved = (info: WorkbookInfo, doc: WorkbookDocument): void => {
    this.queue = this.queue.then(() => this.consider(info, doc)).catch((e: unknown) => void (this.lastError = e));
  };

  /** Resolves when every queued snapshot decision is done. */
  idle(): Promise<void> {
    return this.queue;
  }

  private async consider(info: WorkbookInfo, doc: WorkbookDocument): Promise<void> {
    const at = this.now();
    let last = this.last.get(info.id);
    if (last === undefined) {
      const existing = await this.store.listSnapshots(info.id);
      last = existing[0]?.createdAt ?? -Infinity;
    }
    if (at - last < this.intervalMs) {
      this.last.set(info.id, last);
      return;
    }
    await takeSnapshot(this.store, info.id, doc, info.revision, 'interval');
    this.last.set(info.id, at);
    const auto = (await this.store.listSnapshots(info.id)).filter((s) => s.reason === 'interval');
    await this.store.removeSnapshots(
      info.id,
      auto.slice(this.keep).map((s) => s.id),
    );
  }
}
