// Edits a closing page could not store (its IndexedDB write never committed) are kept in a
// synchronous journal and stored by the next writer; when the workbook moved on meanwhile they
// become a version instead of overwriting. Reference: 30201 办公费 21.34, 公用经费 596.17.
import { describe, expect, it, vi } from 'vitest';
import { OpenedWorkbook, RECOVERY_TEXT, recoverPending, type OpenedEvent } from '../../src/app/open-workbook';
import { TabCoordinator } from '../../src/app/tab-coordination';
import { exampleDocument, restoreDocument } from '../../src/app/templates';
import type { WorkbookDocument } from '../../src/model/document';
import { MemoryStore, PENDING_KEY_PREFIX, PendingJournal, type SyncKv } from '../../src/storage';
import { FakeChannelHub, FakeLocks } from './tab-fakes';

class MapKv implements SyncKv {
  readonly data = new Map<string, string>();
  full = false;
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    if (this.full) throw new DOMException('full', 'QuotaExceededError');
    this.data.set(k, v);
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
}

function withOffice(amount: string): WorkbookDocument {
  const doc = exampleDocument();
  doc.inputs.t06!['30201']!.amount = amount;
  return doc;
}

async function setup() {
  const store = new MemoryStore({ restore: restoreDocument });
  await store.create([{ info: { id: 'w1', name: '蓝山2021', kind: 'base' }, doc: exampleDocument() }]);
  const kv = new MapKv();
  return { store, kv, journal: new PendingJournal(kv) };
}

/** A writer tab A (autosave after `delayMs`) and a reader tab B on one workbook, with Web Locks. */
async function twoTabs(delayMs: number) {
  const { store, journal } = await setup();
  const locks = new FakeLocks();
  const hub = new FakeChannelHub();
  const tabs = () => new TabCoordinator({ locks, channel: hub.open() });
  const a = await OpenedWorkbook.open({ store, tabs: tabs(), journal, autosave: { delayMs } }, 'w1');
  const b = await OpenedWorkbook.open({ store, tabs: tabs(), journal }, 'w1');
  return { store, journal, a, b };
}

describe('PendingJournal', () => {
  it('writes, reads and clears one entry per workbook under the frozen key', () => {
    const kv = new MapKv();
    const j = new PendingJournal(kv);
    expect(j.write('w1', 3, { a: 1 }, 42)).toBe(true);
    expect([...kv.data.keys()]).toEqual([`${PENDING_KEY_PREFIX}w1`]);
    expect(PENDING_KEY_PREFIX).toBe('juesuan-pending/');
    expect(j.read('w1')).toEqual({ baseRevision: 3, at: 42, doc: { a: 1 } });
    expect(j.read('w2')).toBeNull();
    j.clear('w1');
    expect(j.read('w1')).toBeNull();
  });

  it('says false when it cannot write, and ignores junk', () => {
    const kv = new MapKv();
    kv.full = true;
    expect(new PendingJournal(kv).write('w1', 1, {})).toBe(false);
    expect(new PendingJournal(null).write('w1', 1, {})).toBe(false);
    kv.full = false;
    kv.setItem(`${PENDING_KEY_PREFIX}w1`, '{not json');
    expect(new PendingJournal(kv).read('w1')).toBeNull();
  });
});

describe('recoverPending', () => {
  it('stores the edits when the workbook is still at their revision', async () => {
    const { store, journal } = await setup();
    journal.write('w1', 1, withOffice('31.34'));
    expect(await recoverPending(store, journal, 'w1')).toBe(RECOVERY_TEXT.stored);
    const loaded = await store.load('w1');
    expect(loaded.info.revision).toBe(2);
    expect(loaded.doc.inputs.t06?.['30201']?.amount).toBe('31.34');
    expect(journal.read('w1')).toBeNull();
  });

  it('does nothing when the page’s own write landed after all', async () => {
    const { store, journal } = await setup();
    await store.save('w1', withOffice('31.34'), 1);
    journal.write('w1', 1, withOffice('31.34'));
    expect(await recoverPending(store, journal, 'w1')).toBeNull();
    expect((await store.load('w1')).info.revision).toBe(2);
    expect(await store.listSnapshots('w1')).toEqual([]);
    expect(journal.read('w1')).toBeNull();
  });

  it('keeps the edits as a version when someone else saved meanwhile, overwriting nothing', async () => {
    const { store, journal } = await setup();
    await store.save('w1', withOffice('41.34'), 1);
    journal.write('w1', 1, withOffice('31.34'));
    expect(await recoverPending(store, journal, 'w1')).toBe(RECOVERY_TEXT.keptAsVersion);
    expect((await store.load('w1')).doc.inputs.t06?.['30201']?.amount).toBe('41.34');
    const [snap] = await store.listSnapshots('w1');
    expect(snap).toMatchObject({ reason: 'manual', label: RECOVERY_TEXT.snapshot, revision: 1 });
    expect((await store.loadSnapshot('w1', snap!.id)).doc.inputs.t06?.['30201']?.amount).toBe('31.34');
  });
});

describe('OpenedWorkbook with a journal', () => {
  it('a closing writer leaves its unsaved edit; the next opening stores it and says so', async () => {
    const { store, journal } = await setup();
    const tabs = () => new TabCoordinator({ locks: null, channel: null });
    // A long delay: the edit is still pending when the page goes away.
    const a = await OpenedWorkbook.open({ store, tabs: tabs(), journal, autosave: { delayMs: 60_000 } }, 'w1');
    a.session.edit([{ sheet: 't06', row: '30201', col: 'amount', raw: '31.34' }]);
    a.keepUnsaved();
    expect(journal.read('w1')).toMatchObject({ baseRevision: 1 });
    const b = await OpenedWorkbook.open({ store, tabs: tabs(), journal }, 'w1');
    expect(b.recovered).toBe(RECOVERY_TEXT.stored);
    expect(b.session.engine.figure('public')?.toFixed(2)).toBe('606.17');
    expect(b.autosave.revision).toBe(2);
    await b.close();
  });

  it('a saved edit clears the journal; a reader never writes one', async () => {
    const { journal, a, b } = await twoTabs(0);
    a.session.edit([{ sheet: 't06', row: '30201', col: 'amount', raw: '31.34' }]);
    a.keepUnsaved();
    b.keepUnsaved();
    expect(journal.read('w1')).toMatchObject({ baseRevision: 1 });
    await a.autosave.flush();
    expect(journal.read('w1')).toBeNull();
    await vi.waitFor(() => expect(b.session.doc.inputs.t06?.['30201']?.amount).toBe('31.34'));
    b.keepUnsaved();
    expect(journal.read('w1')).toBeNull();
    await a.close();
    await b.close();
  });

  it('a reader promoted after the writer closed stores what the writer left unsaved', async () => {
    const { store, a, b } = await twoTabs(60_000);
    const seen: string[] = [];
    b.on((e) => seen.push(e.type));
    a.session.edit([{ sheet: 't06', row: '30201', col: 'amount', raw: '31.34' }]);
    a.keepUnsaved();
    // The page is torn down: its lock goes, its pending write never happens.
    store.backend.fault = (op) => (op === 'write' ? new Error('page gone') : null);
    await a.close();
    store.backend.fault = null;
    await vi.waitFor(() => expect(b.readOnly).toBeNull());
    await vi.waitFor(() => expect(seen).toContain('recovered'));
    expect(b.session.doc.inputs.t06?.['30201']?.amount).toBe('31.34');
    expect((await store.load('w1')).doc.inputs.t06?.['30201']?.amount).toBe('31.34');
    await b.close();
  });
});

// Issue 14, probe 2: storage full, edit 30201 → 66.66, reload while still full. The recovery failed
// silently (the page showed 21.34 and 已保存), and the next successful save cleared the copy.
describe('recovery when storage is still full', () => {
  const full = () => new DOMException('full', 'QuotaExceededError');

  it('shows the pending edit, says it is not stored yet, keeps the copy until it really is stored', async () => {
    const { store, journal } = await setup();
    const tabs = () => new TabCoordinator({ locks: null, channel: null });
    store.backend.fault = (op) => (op === 'write' ? full() : null);
    const a = await OpenedWorkbook.open({ store, tabs: tabs(), journal, autosave: { delayMs: 0 } }, 'w1');
    a.session.edit([{ sheet: 't06', row: '30201', col: 'amount', raw: '66.66' }]);
    await a.autosave.flush();
    expect(a.autosave.status.state).toBe('failed');
    a.keepUnsaved();
    // Reload while still full.
    const b = await OpenedWorkbook.open({ store, tabs: tabs(), journal, autosave: { delayMs: 0 } }, 'w1');
    expect(b.session.doc.inputs.t06?.['30201']?.amount).toBe('66.66');
    expect(b.recoveryError).toContain('浏览器存储空间已满');
    expect(b.recoveryError).toContain(RECOVERY_TEXT.notStoredYet);
    await b.autosave.flush();
    expect(b.autosave.status.state).toBe('failed');
    expect(journal.read('w1')).not.toBeNull();
    // Space freed: the next edit stores both, and only then the copy goes.
    store.backend.fault = null;
    b.session.edit([{ sheet: 't06', row: '30202', col: 'amount', raw: '3.61' }]);
    await b.autosave.flush();
    const stored = await store.load('w1');
    expect(stored.doc.inputs.t06?.['30201']?.amount).toBe('66.66');
    expect(stored.doc.inputs.t06?.['30202']?.amount).toBe('3.61');
    expect(journal.read('w1')).toBeNull();
    await a.close().catch(() => undefined);
    await b.close();
  });

  it('a promoted reader that cannot store the copy keeps it (the next save does not clear it) and says so', async () => {
    const { store, journal, a, b } = await twoTabs(60_000);
    const seen: OpenedEvent[] = [];
    b.on((e) => seen.push(e));
    a.session.edit([{ sheet: 't06', row: '30201', col: 'amount', raw: '66.66' }]);
    a.keepUnsaved();
    store.backend.fault = (op) => (op === 'write' ? full() : null);
    await a.close();
    await vi.waitFor(() => expect(b.readOnly).toBeNull());
    await vi.waitFor(() => expect(seen.some((e) => e.type === 'recoveryFailed')).toBe(true));
    expect(b.session.doc.inputs.t06?.['30201']?.amount).toBe('66.66');
    store.backend.fault = null;
    b.session.edit([{ sheet: 't06', row: '30202', col: 'amount', raw: '3.61' }]);
    await b.autosave.flush();
    expect((await store.load('w1')).doc.inputs.t06?.['30201']?.amount).toBe('66.66');
    expect(journal.read('w1')).toBeNull();
    await b.close();
  });
});

// Issue 14, probe 7: IndexedDB and localStorage both full, reload 100 ms after an edit (autosave not
// yet failed, status 正在保存): no leave-page prompt, the edit vanished.
describe('leaving the page', () => {
  it('asks first when an unsaved edit can be kept neither in IndexedDB nor in the journal', async () => {
    const { store, kv, journal } = await setup();
    const tabs = () => new TabCoordinator({ locks: null, channel: null });
    const a = await OpenedWorkbook.open({ store, tabs: tabs(), journal, autosave: { delayMs: 60_000 } }, 'w1');
    expect(a.mustWarnOnLeave()).toBe(false);
    a.session.edit([{ sheet: 't06', row: '30201', col: 'amount', raw: '66.66' }]);
    // The journal takes the copy: no prompt needed.
    expect(a.mustWarnOnLeave()).toBe(false);
    expect(journal.read('w1')).not.toBeNull();
    kv.data.clear();
    kv.full = true;
    expect(a.autosave.status.state).toBe('saving');
    expect(a.mustWarnOnLeave()).toBe(true);
    await a.close();
  });
});
