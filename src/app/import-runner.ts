// Runs import-check in a Web Worker, bounded in time; the one place that creates that worker (a
// single-file build adapts createImportWorker). Where no worker can be created, the check runs on
// the main thread, for files small enough not to freeze the tab. No DOM.
import { checkImport, type ImportOutcome, type ImportRequest } from './import-check';

export const IMPORT_LIMITS = {
  /** A worker still busy after this is stopped: the file is refused, the tab stays responsive. */
  timeoutMs: 60_000,
  /** Without a worker, larger files are refused: parsing them would block the page for seconds. */
  mainThreadMaxBytes: 4 * 1024 * 1024,
} as const;

export const IMPORT_RUN_TEXT = {
  timeout: (s: number) => `读取文件超过 ${s} 秒仍未完成，已停止：文件过大或内容异常。没有导入任何内容。`,
  crashed: '读取文件时后台任务意外终止（可能是文件过大，内存不足）。没有导入任何内容。',
  noWorker: (mb: string, limit: number) =>
    `当前环境无法在后台读取文件，为避免页面长时间无响应，只能导入 ${limit} MB 以内的文件（此文件 ${mb} MB）。请改用网页版打开本程序后再导入。没有导入任何内容。`,
} as const;

/** The part of Worker the runner uses (fakeable in Node). */
export interface ImportWorker {
  postMessage(m: unknown): void;
  terminate(): void;
  addEventListener(type: 'message' | 'error', fn: (e: { data?: unknown }) => void): void;
  removeEventListener(type: 'message' | 'error', fn: (e: { data?: unknown }) => void): void;
}

/** The worker of this build; null when workers are unavailable (Node, a blocked file:// page). */
export function createImportWorker(): ImportWorker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' }) as unknown as ImportWorker;
  } catch {
    return null;
  }
}

export interface RunOptions {
  createWorker?: () => ImportWorker | null;
  timeoutMs?: number;
  mainThreadMaxBytes?: number;
}

interface Handle {
  worker: ImportWorker;
  /** True once the worker said 'ready'; false when it failed to start. */
  ready: Promise<boolean>;
}

/** The worker kept between imports of this page (its script, ExcelJS and the engine stay loaded). */
let kept: Handle | null = null;
let nextId = 1;

function start(create: () => ImportWorker | null): Handle | null {
  const worker = create();
  if (!worker) return null;
  const ready = new Promise<boolean>((resolve) => {
    worker.addEventListener('message', (e) => {
      if ((e.data as { type?: string } | undefined)?.type === 'ready') resolve(true);
    });
    worker.addEventListener('error', () => resolve(false));
  });
  return { worker, ready };
}

/** Reads and checks `req.file` off the main thread; never throws. */
export function runImport(req: ImportRequest, options: RunOptions = {}): Promise<ImportOutcome> {
  const timeoutMs = options.timeoutMs ?? IMPORT_LIMITS.timeoutMs;
  const maxBytes = options.mainThreadMaxBytes ?? IMPORT_LIMITS.mainThreadMaxBytes;
  // Only the app's own worker is kept; a test's factory gets a fresh worker each time.
  const reuse = !options.createWorker;
  const handle = (reuse ? kept : null) ?? start(options.createWorker ?? createImportWorker);
  if (!handle) return onMainThread(req, maxBytes);
  if (reuse) kept = handle;
  const { worker } = handle;
  const id = nextId++;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (out: ImportOutcome | 'fallback', keep: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
      if (!keep || !reuse) {
        worker.terminate();
        if (kept === handle) kept = null;
      }
      // A worker that could not even start (blocked script): fall back to this thread.
      resolve(out === 'fallback' ? onMainThread(req, maxBytes) : out);
    };
    const onMessage = (e: { data?: unknown }) => {
      const m = e.data as { type?: string; id?: number; out?: ImportOutcome } | undefined;
      if (m?.type === 'done' && m.id === id && m.out) finish(m.out, true);
    };
    let started = false;
    const onError = () => finish(started ? { ok: false, refused: false, message: IMPORT_RUN_TEXT.crashed } : 'fallback', false);
    const timer = setTimeout(() => finish({ ok: false, refused: true, message: IMPORT_RUN_TEXT.timeout(Math.round(timeoutMs / 1000)) }, false), timeoutMs);
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
    void handle.ready.then((ok) => {
      if (!ok) return finish('fallback', false);
      started = true;
      worker.postMessage({ id, req });
    });
  });
}

function onMainThread(req: ImportRequest, maxBytes: number): Promise<ImportOutcome> {
  if (req.file.size > maxBytes) {
    return Promise.resolve({ ok: false, refused: true, message: IMPORT_RUN_TEXT.noWorker((req.file.size / 1024 / 1024).toFixed(1), maxBytes / 1024 / 1024) });
  }
  return checkImport(req);
}
