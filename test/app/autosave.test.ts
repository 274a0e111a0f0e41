// Autosave: accepted edits reach the store without asking; failures keep the work and say why.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosave, flushOnPageHide, type PageLifecycleTarget, type SaveStatus } from '../../src/app/autosave';
import { WorkbookSession } from '../../src/app/session';
import { exampleDocument, openWorkbook, restoreDocument } from '../../src/app/templates';
import { MemoryStore } from '../../src/storage';

async function setup(options: { delayMs?: number; maxDelayMs?: number } = {}) {
  const store = new MemoryStore({ restore: restoreDocument });
  const [info] = await store.create([{ info: { id: 'w1', name: '蓝山2021', kind: 'base' }, doc: exampleDocument() }]);
  const session = new WorkbookSession(openWorkbook(exampleDocument()));
  const autosave = new Autosave(store, session, 'w1', { revision: info!.revision, doc: session.doc }, options);
  const statuses: SaveStatus[] = [];
  autosave.onStatus((s) => statuses.push(s));
  const stored = async (row: string) => (await store.load('w1')).doc.inputs.t06?.[row]?.amount;
  return { store, session, autosave, statuses, stored };
}

describe('Autosave', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('stores an accepted edit after the quiet time, saying 正在保存 then 已保存', async () => {
    const { session, autosave, statuses, stored } = await setup({ delayMs: 300 });
    expect(autosave.status).toMatchObject({ state: 'saved', text: '已保存', revision: 1 });
    session.edit([{ sheet: 't06', row: '30201', col: 'amount', raw: '31.34' }]);
    expect(autosave.status).toMatchObject({ state: 'saving', text: '正在保存' });
    expect(autosave.dirty).toBe(true);
    expect(await stored('30201')).toBe('21.34');
    await vi.advanceTimersByTimeAsync(300);
    expect(await stored('30201')).toBe('31.34');
    expect(autosave.status).toMatchObject({ state: 'saved', text: '已保存', revision: 2, offerExport: false });
    expect(autosave.dirty).toBe(false);
    expect(statuses.map((s) => s.text)).toEqual(['正在保存', '已保存']);
  });

  it('coalesces quick edits into one write holding all of them', async () => {
    const { store, session, autosave, stored } = await setup({ delayMs: 300 });
    const save = vi.spyOn(store, 'save');
    session.edit([{ sheet: 't06', row: '30201', col: 'amount', raw: '31.34' }]);
    await vi.advanceTimersByTimeAsync(100);
    session.edit([{ sheet: 't06', row: '30202', col: 'amount', raw: '5' }]);
    await vi.advanceTimersByTimeAsync(100);
    session.setText('perf.result', '良好');
    await vi.advanceTimersByTimeAsync(300);
    expect(save).toHaveBeenCalledTimes(1);
    expect(await stored('30201')).toBe('31.34');
    expect(await stored('30202')).toBe('5.00');
    expect((await store.load('w1')).doc.texts['perf.result']).toBe('良好');
    expect(autosave.revision).toBe(2);
  });

  it('still writes while the user keeps typing, after at most maxDelayMs', async () => {
    const { store, session } = await setup({ delayMs: 300, maxDelayMs: 1000 });
    const save = vi.spyOn(store, 'save');
    for (let i = 1; i <= 10; i++) {
      session.edit([{ sheet: 't06', row: '30201', col: 'amount', raw: String(i) }]);
      await vi.advanceTimersByTimeAsync(200);
    }
    // 2 s of typing with 200 ms gaps: the 300 ms debounce alone would never fire.
    expect(save.mock.calls.length).toBeGreaterThanOrEqual(1);
    expect(Number((await store.load('w1')).doc.inputs.t06?.['30201']?.amount)).toBeGreaterThanOrEqual(5);
  });

  it('flush writes at once, without waiting for the timer', async () => {
    const { session, autosave, stored } = await setup({ delayMs: 10_000 });
    session.edit([{ sheet: 't06', row: '30201', col: 'amount', raw: '31.34' }]);
    const status = await autosave.flush();
    expect(status).toMatchObject({ state: 'saved', revision: 2 });
    expect(await stored('30201')).toBe('31.34');
  });

  it('saves undo and redo like any other change', async () => {
    const { session, autosave, stored } = await setup();
    session.edit([{ sheet: 't06', row: '30201', col: 'amount', raw: '31.34' }]);
    await autosave.flush();
    session.undo();
    await autosave.flush();
    expect(await stored('30201')).toBe('21.34');
    expect(autosave.revision).toBe(3);
  });

  it('on a quota failure keeps the edit in memory, says why, and stores it with the next change', async () => {
    const { store, session, autosave, stored } = await setup();
    store.backend.fault = (op) => (op === 'write' ? new DOMException('full', 'QuotaExceededError') : undefined);
    session.edit([{ sheet: 't06', row: '30201', col: 'amount', raw: '31.34' }]);
    const failed = await autosave.flush();
    expect(failed.state).toBe('failed');
    expect(failed.text).toBe(
      '保存失败：浏览器存储空间已满，修改未能保存。当前内容仍保留在本页中，请先导出 JSON 备份，再删除不需要的工作簿或历史版本后重试。',
    );
    expect(failed.offerExport).toBe(true);
    expect(failed.error?.kind).toBe('quota');
    expect(autosave.dirty).toBe(true);
    expect(session.doc.inputs.t06?.['30201']?.amount).toBe('31.34');
    expect(await stored('30201')).toBe('21.34');

    store.backend.fault = null;
    session.edit([{ sheet: 't06', row: '30202', col: 'amount', raw: '3' }]);
    expect(autosave.status.state).toBe('failed');
    await vi.advanceTimersByTimeAsync(300);
    expect(autosave.status).toMatchObject({ state: 'saved', revision: 2 });
    expect(await stored('30201')).toBe('31.34');
    expect(await stored('30202')).toBe('3.00');
  });

  it('retries a failed write on flush', async () => {
    const { store, session, autosave, stored } = await setup();
    store.backend.fault = (op) => (op === 'write' ? new DOMException('x', 'UnknownError') : undefined);
    session.edit([{ sheet: 't06', row: '30201', col: 'amount', raw: '31.34' }]);
    expect((await autosave.flush()).text).toMatch(/^保存失败：无法使用浏览器本地存储（UnknownError）/);
    store.backend.fault = null;
    expect((await autosave.flush()).state).toBe('saved');
    expect(await stored('30201')).toBe('31.34');
  });

  it('never overwrites a newer revision saved elsewhere: it stops and says so', async () => {
    const { store, session, autosave, stored } = await setup();
    // Another tab stores revision 2 first.
    const other = (await store.load('w1')).doc;
    await store.save('w1', { ...other, inputs: { ...other.inputs, t06: { ...other.inputs.t06, '30202': { amount: '9.00' } } } }, 1);
    const save = vi.spyOn(store, 'save');
    session.edit([{ sheet: 't06', row: '30201', col: 'amount', raw: '31.34' }]);
    const s = await autosave.flush();
    expect(s.state).toBe('failed');
    expect(s.reason).toContain('另一个标签页');
    expect(s.offerExport).toBe(true);
    session.edit([{ sheet: 't06', row: '30203', col: 'amount', raw: '1' }]);
    await vi.advanceTimersByTimeAsync(1000);
    await autosave.flush();
    expect(save).toHaveBeenCalledTimes(1);
    expect(await stored('30202')).toBe('9.00');
    expect(await stored('30201')).toBe('21.34');
  });

  it('does not re-save a document that was just loaded from storage', async () => {
    const { store, session, autosave } = await setup();
    const save = vi.spyOn(store, 'save');
    const fresh = (await store.load('w1')).doc;
    autosave.markSaved(fresh, 1);
    session.replaceDocument(fresh, '重新载入');
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).not.toHaveBeenCalled();
    expect(autosave.status.state).toBe('saved');
  });

  it('does not write while read-only, and writes once allowed again', async () => {
    const { session, autosave, stored } = await setup();
    autosave.setReadOnly('此工作簿正在另一个标签页中编辑');
    expect(autosave.status).toMatchObject({ state: 'readonly', text: '只读：此工作簿正在另一个标签页中编辑', offerExport: false });
    session.edit([{ sheet: 't06', row: '30201', col: 'amount', raw: '31.34' }]);
    await autosave.flush();
    expect(await stored('30201')).toBe('21.34');
    expect(autosave.status).toMatchObject({ state: 'readonly', offerExport: true });
    autosave.setReadOnly(null);
    await vi.advanceTimersByTimeAsync(300);
    expect(await stored('30201')).toBe('31.34');
  });

  it('a failing saved-listener does not turn a stored edit into a failure', async () => {
    const { session, autosave } = await setup();
    autosave.onSaved(() => {
      throw new Error('listener bug');
    });
    const seen: number[] = [];
    autosave.onSaved((info) => seen.push(info.revision));
    session.edit([{ sheet: 't06', row: '30201', col: 'amount', raw: '31.34' }]);
    expect((await autosave.flush()).state).toBe('saved');
    expect(seen).toEqual([2]);
  });

  it('close flushes and stops listening', async () => {
    const { session, autosave, stored } = await setup({ delayMs: 10_000 });
    session.edit([{ sheet: 't06', row: '30201', col: 'amount', raw: '31.34' }]);
    await autosave.close();
    expect(await stored('30201')).toBe('31.34');
    session.edit([{ sheet: 't06', row: '30201', col: 'amount', raw: '1' }]);
    expect(autosave.dirty).toBe(false);
  });
});

describe('flushOnPageHide', () => {
  function target() {
    const handlers = new Map<string, () => void>();
    const t: PageLifecycleTarget & { fire(type: string): void; count(): number } = {
      addEventListener: (type, fn) => void handlers.set(type, fn),
      removeEventListener: (type) => void handlers.delete(type),
      fire: (type) => handlers.get(type)?.(),
      count: () => handlers.size,
    };
    return t;
  }

  it('flushes on pagehide and when the page becomes hidden, not when it becomes visible', () => {
    const win = target();
    const doc = target();
    let hidden = false;
    const flush = vi.fn(async () => ({}) as SaveStatus);
    const unbind = flushOnPageHide({ flush }, win, doc, () => hidden);
    win.fire('pagehide');
    expect(flush).toHaveBeenCalledTimes(1);
    doc.fire('visibilitychange');
    expect(flush).toHaveBeenCalledTimes(1);
    hidden = true;
    doc.fire('visibilitychange');
    expect(flush).toHaveBeenCalledTimes(2);
    unbind();
    expect(win.count() + doc.count()).toBe(0);
  });
});
