// The import runner: reads and checks a file in a worker, bounded in time; falls back to the main
// thread (with a size bound) when no worker can be created or it fails to start. Fake workers here;
// the real one runs in test/e2e/import-faults.test.ts.
import { describe, expect, it } from 'vitest';
import { exampleDocument, openWorkbook } from '../../src/app/templates';
import { checkImport, type ImportRequest } from '../../src/app/import-check';
import { IMPORT_RUN_TEXT, runImport, type ImportWorker } from '../../src/app/import-runner';
import { exportEngine } from '../io/support';

type Listener = (e: { data?: unknown }) => void;

/** A worker that runs checkImport in this thread, or misbehaves as told. */
class FakeWorker implements ImportWorker {
  private readonly listeners = { message: [] as Listener[], error: [] as Listener[] };
  terminated = false;
  constructor(private readonly behaviour: 'works' | 'hangs' | 'failsToLoad' | 'crashes') {
    setTimeout(() => (behaviour === 'failsToLoad' ? this.fire('error', {}) : this.fire('message', { data: { type: 'ready' } })), 0);
  }
  addEventListener(type: 'message' | 'error', fn: Listener): void {
    this.listeners[type].push(fn);
  }
  removeEventListener(type: 'message' | 'error', fn: Listener): void {
    this.listeners[type] = this.listeners[type].filter((f) => f !== fn);
  }
  postMessage(m: unknown): void {
    const { id, req } = m as { id: number; req: ImportRequest };
    if (this.behaviour === 'works') void checkImport(req).then((out) => this.fire('message', { data: { type: 'done', id, out } }));
    if (this.behaviour === 'crashes') setTimeout(() => this.fire('error', {}), 0);
  }
  terminate(): void {
    this.terminated = true;
  }
  private fire(type: 'message' | 'error', e: { data?: unknown }) {
    if (!this.terminated) for (const fn of this.listeners[type]) fn(e);
  }
}

const backupFile = (doc: unknown) => new Blob([JSON.stringify({ type: 'juesuan-backup', schemaVersion: 1, app: 'juesuan-gongkai', exportedAt: '2026-01-01T00:00:00Z', workbooks: [{ id: 'a', name: '甲', kind: 'base', document: doc }] })]);

describe('runImport', () => {
  it('reads an exported workbook in the worker and terminates it', async () => {
    const bytes = await exportEngine(openWorkbook(exampleDocument()));
    let made: FakeWorker | null = null;
    const out = await runImport({ kind: 'xlsx', file: new Blob([bytes.slice()]) }, { createWorker: () => (made = new FakeWorker('works')) });
    expect(out.ok && out.kind === 'xlsx' && out.result.document).toEqual(exampleDocument());
    expect(made!.terminated).toBe(true);
  });

  it('stops a worker that takes too long, with a Chinese message', async () => {
    let made: FakeWorker | null = null;
    const out = await runImport({ kind: 'backup', file: backupFile(exampleDocument()) }, { createWorker: () => (made = new FakeWorker('hangs')), timeoutMs: 20 });
    expect(out).toEqual({ ok: false, refused: true, message: '读取文件超过 0 秒仍未完成，已停止：文件过大或内容异常。没有导入任何内容。' });
    expect(made!.terminated).toBe(true);
    expect(IMPORT_RUN_TEXT.timeout(60)).toBe('读取文件超过 60 秒仍未完成，已停止：文件过大或内容异常。没有导入任何内容。');
  });

  it('says so when the worker dies while reading', async () => {
    const out = await runImport({ kind: 'backup', file: backupFile(exampleDocument()) }, { createWorker: () => new FakeWorker('crashes') });
    expect(out).toEqual({ ok: false, refused: false, message: IMPORT_RUN_TEXT.crashed });
  });

  it('falls back to this thread when the worker cannot start, for small files only', async () => {
    const small = await runImport({ kind: 'backup', file: backupFile(exampleDocument()) }, { createWorker: () => new FakeWorker('failsToLoad') });
    expect(small.ok && small.kind === 'backup' && small.entries[0]?.doc).toEqual(exampleDocument());
    const big = new Blob([new Uint8Array(5 * 1024 * 1024)]);
    const out = await runImport({ kind: 'backup', file: big }, { createWorker: () => null });
    expect(out).toEqual({ ok: false, refused: true, message: IMPORT_RUN_TEXT.noWorker('5.0', 4) });
    expect(IMPORT_RUN_TEXT.noWorker('5.0', 4)).toContain('只能导入 4 MB 以内的文件（此文件 5.0 MB）');
  });

  it('passes a refusal through: a backup amount in 元 is dropped with a note, a bad year refuses', async () => {
    const doc = exampleDocument() as unknown as { inputs: Record<string, Record<string, Record<string, unknown>>>; meta: { year: number } };
    doc.inputs.t06!['30201']!.amount = '120000元';
    const noted = await runImport({ kind: 'backup', file: backupFile(doc) }, { createWorker: () => null });
    expect(noted.ok && noted.kind === 'backup' && noted.entries[0]?.notes[0]).toContain('「120000元」的单位是元');
    doc.meta.year = 1990;
    const refused = await runImport({ kind: 'backup', file: backupFile(doc) }, { createWorker: () => null });
    expect(refused).toMatchObject({ ok: false, refused: true });
  });
});
