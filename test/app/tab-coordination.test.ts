// Two tabs on one workbook: one writer, the other read-only and kept in step; no edit is lost.
import { describe, expect, it, vi } from 'vitest';
import { OpenedWorkbook, type OpenedEvent } from '../../src/app/open-workbook';
import { TabCoordinator, TAB_TEXT, browserTabApis } from '../../src/app/tab-coordination';
import { exampleDocument, restoreDocument } from '../../src/app/templates';
import { MemoryStore, TAB_KEYS } from '../../src/storage';
import { FakeChannelHub, FakeLocks } from './tab-fakes';

async function world(withLocks: boolean) {
  const store = new MemoryStore({ restore: restoreDocument });
  await store.create([{ info: { id: 'w1', name: '蓝山2021', kind: 'base' }, doc: exampleDocument() }]);
  const locks = withLocks ? new FakeLocks() : null;
  const hub = new FakeChannelHub();
  const tab = (name: string) => new TabCoordinator({ locks, channel: hub.open() }, name);
  const open = (name: string) => OpenedWorkbook.open({ store, tabs: tab(name), autosave: { delayMs: 0 } }, 'w1');
  const stored = async (row: string) => (await store.load('w1')).doc.inputs.t06?.[row]?.amount;
  return { store, open, stored };
}

const events = (wb: OpenedWorkbook) => {
  const seen: OpenedEvent[] = [];
  wb.on((e) => seen.push(e));
  return seen;
};

describe('two tabs with Web Locks', () => {
  it('the second tab is read-only and says why; it shows the writer’s saved edits', async () => {
    const { open, stored } = await world(true);
    const a = await open('A');
    const b = await open('B');
    expect(a.readOnly).toBeNull();
    expect(b.readOnly).toBe(TAB_TEXT.readOnly);
    expect(b.autosave.status.text).toBe(`只读：${TAB_TEXT.readOnly}`);
    const seenB = events(b);

    a.session.edit([{ sheet: 't06', row: '30201', col: 'amount', raw: '31.34' }]);
    await a.autosave.flush();
    expect(await stored('30201')).toBe('31.34');
    await vi.waitFor(() => expect(seenB).toContainEqual({ type: 'reloaded', revision: 2 }));
    expect(b.session.doc.inputs.t06?.['30201']?.amount).toBe('31.34');
    expect(b.session.engine.figure('public')?.toFixed(2)).toBe('606.17');
    // The reader never wrote: still revision 2.
    expect((await b.autosave.flush()).revision).toBe(2);
    await a.close();
    await b.close();
  });

  it('when the writer closes, the reader takes over with the latest document; both edits are kept', async () => {
    const { open, stored, store } = await world(true);
    const a = await open('A');
    const b = await open('B');
    const seenB = events(b);
    a.session.edit([{ sheet: 't06', row: '30201', col: 'amount', raw: '31.34' }]);
    await a.close(); // flushes, then releases the lock
    await vi.waitFor(() => expect(b.readOnly).toBeNull());
    expect(seenB.at(-1)).toEqual({ type: 'writable', message: TAB_TEXT.promoted });
    expect(b.autosave.status.state).toBe('saved');
    expect(b.session.doc.inputs.t06?.['30201']?.amount).toBe('31.34');

    b.session.edit([{ sheet: 't06', row: '30202', col: 'amount', raw: '12.61' }]);
    await b.autosave.flush();
    expect(await stored('30201')).toBe('31.34');
    expect(await stored('30202')).toBe('12.61');
    expect((await store.info('w1'))?.revision).toBe(3);
    await b.close();
  });

  it('remembers the opened workbook as the one to reopen', async () => {
    const { open, store } = await world(true);
    const a = await open('A');
    expect(await store.getSetting('lastOpenedId')).toBe('w1');
    expect(a.notes).toEqual([]);
    await a.close();
  });

  it('a third tab waits behind the second', async () => {
    const { open } = await world(true);
    const a = await open('A');
    const b = await open('B');
    const c = await open('C');
    expect([a.readOnly, b.readOnly === null, c.readOnly === null]).toEqual([null, false, false]);
    await a.close();
    await vi.waitFor(() => expect(b.readOnly).toBeNull());
    expect(c.readOnly).not.toBeNull();
    await b.close();
    await vi.waitFor(() => expect(c.readOnly).toBeNull());
    await c.close();
  });
});

describe('two tabs without Web Locks (revision check only)', () => {
  it('a clean tab follows the other tab’s saves, then its own edit is stored on top', async () => {
    const { open, stored } = await world(false);
    const a = await open('A');
    const b = await open('B');
    expect([a.readOnly, b.readOnly]).toEqual([null, null]);
    a.session.edit([{ sheet: 't06', row: '30201', col: 'amount', raw: '31.34' }]);
    await a.autosave.flush();
    await vi.waitFor(() => expect(b.autosave.revision).toBe(2));
    b.session.edit([{ sheet: 't06', row: '30202', col: 'amount', raw: '12.61' }]);
    await b.autosave.flush();
    expect(b.autosave.status.state).toBe('saved');
    expect(await stored('30201')).toBe('31.34');
    expect(await stored('30202')).toBe('12.61');
    await a.close();
    await b.close();
  });

  it('edits racing in both tabs: the later save is refused and says so; nothing is overwritten', async () => {
    const { open, stored } = await world(false);
    const a = await open('A');
    const b = await open('B');
    const seenB = events(b);
    b.session.edit([{ sheet: 't06', row: '30202', col: 'amount', raw: '12.61' }]);
    a.session.edit([{ sheet: 't06', row: '30201', col: 'amount', raw: '31.34' }]);
    await a.autosave.flush();
    const s = await b.autosave.flush();
    expect(s.state).toBe('failed');
    expect(s.text).toContain('另一个标签页中保存了更新的内容');
    expect(s.offerExport).toBe(true);
    // B's edit is still on its screen, for export; A's stored edit was not overwritten.
    expect(b.session.doc.inputs.t06?.['30202']?.amount).toBe('12.61');
    expect(await stored('30201')).toBe('31.34');
    expect(await stored('30202')).toBe('2.61');
    await vi.waitFor(() => expect(seenB).toContainEqual({ type: 'stale', revision: 2 }));
    await a.close();
    await b.close();
  });
});

describe('TabCoordinator', () => {
  it('ignores notices of other shapes and its own', async () => {
    const hub = new FakeChannelHub();
    const a = new TabCoordinator({ locks: null, channel: hub.open() }, 'A');
    const raw = hub.open();
    const got: unknown[] = [];
    a.subscribe((n) => got.push(n));
    raw.postMessage({ type: 'saved', workbookId: 'w1' });
    raw.postMessage('junk');
    raw.postMessage({ type: 'saved', workbookId: 'w1', revision: 2, from: 'A' });
    raw.postMessage({ type: 'library', from: 'B' });
    await new Promise((r) => setTimeout(r, 0));
    expect(got).toEqual([{ type: 'library', from: 'B' }]);
    a.close();
  });

  it('browserTabApis uses navigator.locks and BroadcastChannel only when present', () => {
    expect(browserTabApis({})).toEqual({ locks: null, channel: null });
    const names: string[] = [];
    class BC {
      constructor(name: string) {
        names.push(name);
      }
    }
    const locks = new FakeLocks();
    const apis = browserTabApis({ navigator: { locks }, BroadcastChannel: BC });
    expect(apis.locks).toBe(locks);
    expect(apis.channel).toBeInstanceOf(BC);
    expect(names).toEqual([TAB_KEYS.channel]);
  });
});
