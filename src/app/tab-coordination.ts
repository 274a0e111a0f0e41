// Two tabs on one workbook never silently overwrite each other: one writer per workbook through
// a Web Lock (the other tab goes read-only and is told why, and takes over when the writer
// closes), plus BroadcastChannel 'saved' notices so other tabs reload. Web APIs sit behind small
// interfaces so Node tests can fake them. Without Web Locks every tab may write; the store's
// revision check then refuses the stale write (ConflictError) instead of overwriting.
import { newRecordId, TAB_KEYS } from '../storage';

export interface LockManagerLike {
  request(
    name: string,
    options: { ifAvailable?: boolean; signal?: AbortSignal },
    callback: (lock: unknown) => unknown,
  ): Promise<unknown>;
}

export interface MessageChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', fn: (e: { data: unknown }) => void): void;
  removeEventListener(type: 'message', fn: (e: { data: unknown }) => void): void;
  close(): void;
}

export interface TabApis {
  locks: LockManagerLike | null;
  channel: MessageChannelLike | null;
}

export const TAB_TEXT = {
  readOnly: '此工作簿正在另一个标签页中编辑。为避免互相覆盖，本页暂时只能查看；关闭另一个标签页后，本页会自动变为可编辑。',
  promoted: '另一个标签页已关闭，本页现在可以编辑。',
} as const;

export type TabNotice = { type: 'saved'; workbookId: string; revision: number; from: string } | { type: 'library'; from: string };

export interface WriterClaim {
  mode: 'writer';
  release(): void;
}

export interface ReaderClaim {
  mode: 'reader';
  reason: string;
  /** Resolves when this tab becomes the writer (the writing tab closed or released it). */
  promoted: Promise<WriterClaim>;
  /** Stops waiting for the writer role. */
  cancel(): void;
}

/** The real browser APIs when present (navigator.locks, BroadcastChannel), else null. */
export function browserTabApis(g: { navigator?: { locks?: unknown }; BroadcastChannel?: unknown } = globalThis as never): TabApis {
  const locks = (g.navigator?.locks as LockManagerLike | undefined) ?? null;
  const BC = g.BroadcastChannel as (new (name: string) => MessageChannelLike) | undefined;
  return { locks, channel: typeof BC === 'function' ? new BC(TAB_KEYS.channel) : null };
}

function parseNotice(data: unknown): TabNotice | null {
  if (typeof data !== 'object' || data === null) return null;
  const d = data as Record<string, unknown>;
  if (typeof d.from !== 'string') return null;
  if (d.type === 'saved' && typeof d.workbookId === 'string' && typeof d.revision === 'number') {
    return { type: 'saved', workbookId: d.workbookId, revision: d.revision, from: d.from };
  }
  if (d.type === 'library') return { type: 'library', from: d.from };
  return null;
}

export class TabCoordinator {
  private readonly listeners = new Set<(n: TabNotice) => void>();
  private readonly onMessage = (e: { data: unknown }) => {
    const n = parseNotice(e.data);
    if (!n || n.from === this.tabId) return;
    for (const fn of this.listeners) fn(n);
  };

  constructor(
    private readonly apis: TabApis,
    readonly tabId: string = newRecordId('tab'),
  ) {
    apis.channel?.addEventListener('message', this.onMessage);
  }

  /** True when tabs can elect one writer; otherwise only the revision check protects. */
  get hasLocks(): boolean {
    return this.apis.locks !== null;
  }

  /** Becomes the writer of a workbook, or a reader told why, waiting to take over. */
  async claim(workbookId: string): Promise<WriterClaim | ReaderClaim> {
    const locks = this.apis.locks;
    if (!locks) return { mode: 'writer', release: () => undefined };
    const name = `${TAB_KEYS.writerLock}${workbookId}`;
    const hold = (): { held: Promise<void>; release: () => void } => {
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      return { held, release };
    };
    const first = hold();
    const granted = await new Promise<boolean>((resolve, reject) => {
      locks
        .request(name, { ifAvailable: true }, (lock) => {
          resolve(lock !== null && lock !== undefined);
          return lock ? first.held : undefined;
        })
        .catch(reject);
    });
    if (granted) return { mode: 'writer', release: first.release };

    const abort = new AbortController();
    const later = hold();
    const promoted = new Promise<WriterClaim>((resolve, reject) => {
      locks
        .request(name, { signal: abort.signal }, () => {
          resolve({ mode: 'writer', release: later.release });
          return later.held;
        })
        .catch((e: unknown) => {
          if (!abort.signal.aborted) reject(e);
        });
    });
    return { mode: 'reader', reason: TAB_TEXT.readOnly, promoted, cancel: () => abort.abort() };
  }

  announceSaved(workbookId: string, revision: number): void {
    this.post({ type: 'saved', workbookId, revision, from: this.tabId });
  }

  /** The list changed (created, renamed, deleted): other tabs refresh their workbook list. */
  announceLibrary(): void {
    this.post({ type: 'library', from: this.tabId });
  }

  subscribe(fn: (n: TabNotice) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  close(): void {
    this.apis.channel?.removeEventListener('message', this.onMessage);
    this.apis.channel?.close();
    this.listeners.clear();
  }

  private post(n: TabNotice): void {
    try {
      this.apis.channel?.postMessage(n);
    } catch {
      // a closed channel: other tabs still get the revision check
    }
  }
}
