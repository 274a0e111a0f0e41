// What a tab opens on start and the actions the storage UI offers, over both stores (in memory
// and IndexedDB under fake-indexeddb). Figures from the reference (蓝山县行政审批服务局 2021):
// 30201 办公费 21.34, 公用经费 596.17 (37.83% of 基本支出 1,576.05); +10 → 606.17 (38.22%).
import { describe, expect, it } from 'vitest';
import { BackupError } from '../../src/app/backup';
import { CONTROLLER_TEXT, ControllerError, StorageController } from '../../src/app/storage-controller';
import { TabCoordinator } from '../../src/app/tab-coordination';
import { exampleDocument, restoreDocument } from '../../src/app/templates';
import { MemoryStore, NotFoundError, type WorkbookStore } from '../../src/storage';
import { STORE_KINDS } from '../storage/store-fixtures';
import { FakeChannelHub, FakeLocks } from './tab-fakes';

const EXAMPLE = '示例：蓝山县行政审批服务局 2021年度决算';

/** One browser profile: a store, locks and a channel shared by its tabs. */
function profile(store: WorkbookStore) {
  const locks = new FakeLocks();
  const hub = new FakeChannelHub();
  let n = 0;
  return {
    store,
    /** Starts a tab; `shown` records where it navigated. */
    async tab(requestedId: string | null = null) {
      const shown: string[] = [];
      const c = await StorageController.start(
        { store, tabs: new TabCoordinator({ locks, channel: hub.open() }, `tab${++n}`), navigate: (id) => shown.push(id), autosave: { delayMs: 0 } },
        requestedId,
      );
      return { c, shown };
    },
  };
}

const edit30201 = (c: StorageController, raw: string) => c.session.edit([{ sheet: 't06', row: '30201', col: 'amount', raw }]);

describe.each(STORE_KINDS)('StorageController on %s', (_kind, make) => {
  it('a first visit stores the example and opens it; the next start reopens it', async () => {
    const p = profile(make().store);
    const { c } = await p.tab();
    expect(c.stored).toBe(true);
    expect(c.info).toMatchObject({ name: EXAMPLE, kind: 'base', department: '蓝山县行政审批服务局', year: 2021 });
    expect(c.session.engine.figure('public')?.toFixed(2)).toBe('596.17');
    expect(c.problems).toEqual([]);
    await c.opened!.close();
    const again = await p.tab();
    expect(again.c.info?.id).toBe(c.info?.id);
    expect(await p.store.list()).toHaveLength(1);
  });

  it('a first visit lists the store once and opens the stored example without reading it back; its edits are saved', async () => {
    const store = make().store;
    const calls: string[] = [];
    const counted = new Proxy(store, {
      get(target, key, receiver) {
        const v = Reflect.get(target, key, receiver) as unknown;
        if (typeof v !== 'function') return v;
        return (...args: unknown[]) => {
          calls.push(String(key));
          return (v as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    const p = profile(counted);
    const { c } = await p.tab();
    expect(calls.filter((k) => k === 'list' || k === 'load' || k === 'getSetting')).toEqual(['list']);
    expect(calls).toContain('create');
    edit30201(c, '31.34');
    await c.opened!.autosave.flush();
    await c.opened!.close();
    const again = await p.tab();
    expect(again.c.info?.revision).toBe(2);
    expect(again.c.session.engine.figure('public')?.toFixed(2)).toBe('606.17');
  });

  it('a first visit with a #wb= link to a missing workbook says so and opens the example', async () => {
    const p = profile(make().store);
    const { c } = await p.tab('wb-gone');
    expect(c.info?.name).toBe(EXAMPLE);
    expect(c.problems.map((x) => x.message)).toEqual([new NotFoundError('wb-gone').message]);
  });

  it('a corrupted requested record is reported with its id; the other workbook opens', async () => {
    const fx = make();
    const p = profile(fx.store);
    const { c } = await p.tab();
    await c.opened!.close();
    const [bad] = await fx.store.create([{ info: { id: 'bad', name: '坏的', kind: 'base' }, doc: exampleDocument() }]);
    await fx.putRaw('wb-doc/bad', { type: 'juesuan-workbook', schemaVersion: 2, meta: 1 });
    const { c: c2 } = await p.tab(bad!.id);
    expect(c2.info?.id).toBe(c.info?.id);
    expect(c2.problems).toHaveLength(1);
    expect(c2.problems[0]!.damagedId).toBe('bad');
    expect(c2.problems[0]!.message).toContain('工作簿「坏的」的存储数据无法读取');
    // The raw record is exportable as stored.
    expect(JSON.parse((await c2.exportDamaged('bad')).text).document).toEqual({ type: 'juesuan-workbook', schemaVersion: 2, meta: 1 });
  });

  it('a deleted workbook is not opened; when nothing is left a blank one is made', async () => {
    const p = profile(make().store);
    const { c } = await p.tab();
    const id = c.info!.id;
    await c.opened!.close();
    await p.store.updateInfo(id, { deletedAt: Date.now() });
    const { c: c2 } = await p.tab(id);
    expect(c2.problems.map((x) => x.message)).toEqual([CONTROLLER_TEXT.deleted(EXAMPLE), CONTROLLER_TEXT.createdBlank]);
    expect(c2.info?.id).not.toBe(id);
    expect(c2.session.doc.meta.department).toBe('');
    // The deleted one is still recoverable.
    expect((await c2.libraryView()).deleted.map((w) => [w.name, w.daysLeft])).toEqual([[EXAMPLE, 30]]);
  });

  it('scenario: compare shows 公用经费 +10.00 and 37.83% → 38.22%; discarding leaves the base as it was', async () => {
    const p = profile(make().store);
    const { c, shown } = await p.tab();
    const baseId = c.info!.id;
    await c.createScenario('办公费+10');
    const scenarioId = shown[0]!;
    await c.opened!.close();
    const { c: s, shown: shownS } = await p.tab(scenarioId);
    expect(s.isScenario).toBe(true);
    expect((await s.scenarioChoices()).scenarios.map((x) => x.name)).toEqual(['办公费+10']);
    edit30201(s, '31.34');
    await s.flush();
    const { base, comparison } = await s.compare();
    expect(base.id).toBe(baseId);
    const fig = Object.fromEntries(comparison.figures.map((f) => [f.id, [f.baseText, f.scenarioText, f.diffText]]));
    expect(fig.public).toEqual(['596.17', '606.17', '+10.00']);
    expect(fig.publicShare).toEqual(['37.83%', '38.22%', '+0.39个百分点']);
    expect(comparison.inputs.map((i) => [i.row, i.before, i.after, i.diff])).toEqual([['30201', '21.34', '31.34', '+10.00']]);
    await s.discardScenario();
    expect(shownS).toEqual([baseId]);
    expect((await p.store.load(baseId)).doc.inputs.t06?.['30201']?.amount).toBe('21.34');
    expect((await p.store.info(scenarioId))?.deletedAt).toBeTypeOf('number');
  });

  it('adopting is refused while another tab writes the base, and replaces it (after a snapshot) when free', async () => {
    const p = profile(make().store);
    const { c: baseTab, shown } = await p.tab();
    const baseId = baseTab.info!.id;
    await baseTab.createScenario();
    const { c: s } = await p.tab(shown[0]!);
    expect(s.info?.name).toBe('情景1');
    edit30201(s, '31.34');
    await expect(s.adoptScenario()).rejects.toThrow(new ControllerError(CONTROLLER_TEXT.baseBusy));
    expect((await p.store.load(baseId)).doc.inputs.t06?.['30201']?.amount).toBe('21.34');

    await baseTab.opened!.close();
    await s.adoptScenario();
    expect((await p.store.load(baseId)).doc.inputs.t06?.['30201']?.amount).toBe('31.34');
    expect((await p.store.listSnapshots(baseId)).map((x) => [x.reason, x.label])).toContainEqual(['before-adopt', '采用情景「情景1」前的版本']);
  });

  it('restoring a version keeps the current content first and is one undo step', async () => {
    const p = profile(make().store);
    const { c } = await p.tab();
    const snap = await c.keepVersion('调整前');
    edit30201(c, '31.34');
    await c.flush();
    const preview = await c.previewSnapshot(snap.id);
    expect(preview.inputs.map((i) => [i.before, i.after])).toEqual([['21.34', '31.34']]);
    await c.restoreSnapshot(snap.id);
    expect(c.session.doc.inputs.t06?.['30201']?.amount).toBe('21.34');
    expect((await p.store.load(c.info!.id)).doc.inputs.t06?.['30201']?.amount).toBe('21.34');
    expect((await c.history()).map((h) => h.reason)).toContain('before-restore');
    expect(c.session.undo()).toBe('恢复历史版本（调整前）');
    expect(c.session.doc.inputs.t06?.['30201']?.amount).toBe('31.34');
  });

  it('a bad backup file changes nothing; a good one adds workbooks', async () => {
    const p = profile(make().store);
    const { c } = await p.tab();
    const before = await p.store.list();
    await expect(c.importBackup('{"type":"juesuan-backup","schemaVersion":1,"workbooks":[{"document":{}}]}')).rejects.toThrow(BackupError);
    expect(await p.store.list()).toEqual(before);
    const { imported } = await c.importBackup(c.exportCurrent().text);
    expect(imported.map((i) => i.name)).toEqual([`${EXAMPLE}（导入）`]);
    expect(await p.store.list()).toHaveLength(2);
  });

  it('deleting the workbook on screen moves this tab to another one', async () => {
    const p = profile(make().store);
    const { c, shown } = await p.tab();
    const copy = await c.duplicate(c.info!.id);
    await c.remove(c.info!.id);
    expect(shown).toEqual([copy.id]);
  });
});

describe('StorageController failures', () => {
  it('runs the example in memory when the store cannot be read, and exports from memory', async () => {
    const store = new MemoryStore({ restore: restoreDocument });
    store.backend.fault = () => new DOMException('no', 'InvalidStateError');
    const { c } = await profile(store).tab();
    expect(c.stored).toBe(false);
    expect(c.storageError?.kind).toBe('unavailable');
    expect(c.storageError?.message).toContain('无法使用浏览器本地存储');
    edit30201(c, '31.34');
    const file = JSON.parse(c.exportCurrent().text) as { workbooks: { name: string; document: { inputs: { t06: Record<string, { amount: string }> } } }[] };
    expect(file.workbooks[0]!.name).toBe('蓝山县行政审批服务局 2021年度决算');
    expect(file.workbooks[0]!.document.inputs.t06['30201']!.amount).toBe('31.34');
    // A backup imported in memory replaces the document on screen (undoable).
    const other = exampleDocument();
    other.inputs.t06!['30201']!.amount = '41.34';
    await c.importBackup(JSON.stringify({ type: 'juesuan-backup', schemaVersion: 1, workbooks: [{ name: '别处的', document: other }] }));
    expect(c.session.engine.figure('public')?.toFixed(2)).toBe('616.17');
  });

  it('refuses to leave a workbook whose edits cannot be stored', async () => {
    const store = new MemoryStore({ restore: restoreDocument });
    const p = profile(store);
    const { c, shown } = await p.tab();
    const copy = await c.duplicate(c.info!.id);
    store.backend.fault = (op) => (op === 'write' ? new DOMException('full', 'QuotaExceededError') : null);
    edit30201(c, '31.34');
    const err = await c.show(copy.id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ControllerError);
    expect((err as Error).message).toContain('当前修改还没有保存（浏览器存储空间已满');
    expect(shown).toEqual([]);
    expect(c.saveStatus).toMatchObject({ state: 'failed', offerExport: true });
  });

  it('tells the user once that persistent storage was refused', async () => {
    const p = profile(new MemoryStore({ restore: restoreDocument }));
    const { c } = await p.tab();
    // Node has no navigator.storage: the answer is 'unsupported', which is told like a refusal.
    expect(await c.persistence()).toMatchObject({ state: 'unsupported', tell: true });
    expect(await c.persistence()).toMatchObject({ state: 'unsupported', tell: false });
  });
});

describe('StorageController with a store laid out by a newer program', () => {
  it('works in memory, says why, and writes nothing to the store', async () => {
    const store = new MemoryStore({ restore: restoreDocument });
    store.backend.data.set('store-format', 99);
    const { c } = await profile(store).tab();
    expect(c.stored).toBe(false);
    expect(c.storageError?.message).toContain('此浏览器中的工作簿由较新版本的程序保存（存储格式 99，本程序支持到 1）');
    expect([...store.backend.data.keys()]).toEqual(['store-format']);
  });
});
