// The WorkbookStore contract, run on MemoryStore and on IndexedDbStore under fake-indexeddb.
import { beforeEach, describe, expect, it } from 'vitest';
import { exampleDocument, openWorkbook } from '../../src/app/templates';
import { MIGRATIONS, SCHEMA_VERSION, newDocument, type WorkbookDocument } from '../../src/model';
import {
  ConflictError,
  CorruptRecordError,
  NotFoundError,
  StorageError,
  STORAGE_KEYS,
  type KvWorkbookStore,
} from '../../src/storage';
import v1Fixture from '../fixtures/workbook-v1.json';
import { STORE_KINDS, type StoreFixture } from './store-fixtures';
import { HN_2021_MIGRATIONS } from '../../sheets/hn-2021/migrations';

const example = (): WorkbookDocument => exampleDocument();
const emptyDoc = (department: string, year: number) => newDocument('hn-2021', 1, { department, year, unit: '万元' });

describe.each(STORE_KINDS)('%s', (_name, make) => {
  let fx: StoreFixture;
  let store: KvWorkbookStore;
  beforeEach(() => {
    fx = make();
    store = fx.store;
  });

  it('creates, lists and loads a workbook with its metadata', async () => {
    const [info] = await store.create([{ info: { id: 'w1', name: '2021年决算', kind: 'base' }, doc: example() }]);
    expect(info).toEqual({
      id: 'w1',
      name: '2021年决算',
      department: '蓝山县行政审批服务局',
      year: 2021,
      kind: 'base',
      createdAt: 1000,
      updatedAt: 1000,
      revision: 1,
    });
    expect(await store.list()).toEqual([info]);
    const loaded = await store.load('w1');
    expect(loaded.migrated).toEqual([]);
    expect(loaded.doc).toEqual(example());
    // The stored record is the plain document JSON with its schema version.
    expect((await fx.getRaw(`${STORAGE_KEYS.workbookDoc}w1`)) as { schemaVersion: number }).toMatchObject({ schemaVersion: SCHEMA_VERSION });
    expect(openWorkbook(loaded.doc).figure('grandTotal')?.toFixed(2)).toBe('1576.05');
  });

  it('save bumps the revision, stamps the time and copies 部门/年度 from the document', async () => {
    await store.create([{ info: { id: 'w1', name: '甲', kind: 'base' }, doc: emptyDoc('甲局', 2021) }]);
    fx.clock.t = 5000;
    const doc = { ...emptyDoc('乙局', 2022), texts: { 'perf.result': '良好' } };
    const info = await store.save('w1', doc, 1);
    expect(info).toMatchObject({ revision: 2, updatedAt: 5000, createdAt: 1000, department: '乙局', year: 2022, name: '甲' });
    expect((await store.load('w1')).doc.texts).toEqual({ 'perf.result': '良好' });
  });

  it('refuses a save from a stale revision and keeps the stored document', async () => {
    await store.create([{ info: { id: 'w1', name: '甲', kind: 'base' }, doc: emptyDoc('甲局', 2021) }]);
    await store.save('w1', emptyDoc('第一次', 2021), 1);
    const err = await store.save('w1', emptyDoc('第二次', 2021), 1).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).message).toContain('另一个标签页');
    expect(err).toMatchObject({ expected: 1, actual: 2 });
    expect((await store.load('w1')).doc.meta.department).toBe('第一次');
  });

  it('reports a missing workbook as NotFoundError', async () => {
    await expect(store.load('nope')).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.save('nope', emptyDoc('甲', 2021), 1)).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.updateInfo('nope', { name: 'x' })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('renames and soft-deletes without bumping the revision; undelete clears deletedAt', async () => {
    await store.create([{ info: { id: 'w1', name: '甲', kind: 'base' }, doc: emptyDoc('甲局', 2021) }]);
    expect(await store.updateInfo('w1', { name: '新名称' })).toMatchObject({ name: '新名称', revision: 1 });
    expect(await store.updateInfo('w1', { deletedAt: 7000 })).toMatchObject({ deletedAt: 7000, revision: 1 });
    const back = await store.updateInfo('w1', { deletedAt: null });
    expect('deletedAt' in back).toBe(false);
    expect((await store.info('w1'))?.name).toBe('新名称');
  });

  it('creates several records all-or-nothing', async () => {
    await store.create([{ info: { id: 'w1', name: '甲', kind: 'base' }, doc: emptyDoc('甲局', 2021) }]);
    await expect(
      store.create([
        { info: { id: 'w2', name: '乙', kind: 'base' }, doc: emptyDoc('乙局', 2021) },
        { info: { id: 'w1', name: '重复', kind: 'base' }, doc: emptyDoc('丙局', 2021) },
      ]),
    ).rejects.toThrow();
    expect((await store.list()).map((i) => i.id)).toEqual(['w1']);
    expect((await store.info('w1'))?.name).toBe('甲');
  });

  it('removes a workbook with its document and snapshots, and nothing else', async () => {
    await store.create([
      { info: { id: 'w1', name: '甲', kind: 'base' }, doc: emptyDoc('甲局', 2021) },
      { info: { id: 'w2', name: '乙', kind: 'base' }, doc: emptyDoc('乙局', 2021) },
    ]);
    await store.addSnapshot('w1', { reason: 'manual', label: '手动', revision: 1, doc: emptyDoc('甲局', 2021) });
    await store.addSnapshot('w2', { reason: 'manual', label: '手动', revision: 1, doc: emptyDoc('乙局', 2021) });
    await store.remove('w1');
    expect((await store.list()).map((i) => i.id)).toEqual(['w2']);
    expect(await fx.getRaw(`${STORAGE_KEYS.workbookDoc}w1`)).toBeUndefined();
    expect(await store.listSnapshots('w1')).toEqual([]);
    expect(await store.listSnapshots('w2')).toHaveLength(1);
  });

  // Issue 14, probe 9: store-format 99 was ignored, so an older program read (and wrote) a newer layout.
  it('refuses a store written in a newer layout, listing and loading nothing, writing nothing', async () => {
    await store.create([{ info: { id: 'w1', name: '甲', kind: 'base' }, doc: example() }]);
    await fx.putRaw(STORAGE_KEYS.storeFormat, 99);
    const message = '此浏览器中的工作簿由较新版本的程序保存（存储格式 99，本程序支持到 1），请更新程序后再打开。为避免损坏这些数据，本页不会读写它们。';
    await expect(store.list()).rejects.toThrow(message);
    await expect(store.load('w1')).rejects.toThrow(message);
    await expect(store.save('w1', example(), 1)).rejects.toThrow(message);
    expect(await fx.getRaw(STORAGE_KEYS.storeFormat)).toBe(99);
  });

  it('reports a corrupted document in Chinese, keeps it untouched, and still loads the others', async () => {
    await store.create([
      { info: { id: 'good', name: '好的', kind: 'base' }, doc: example() },
      { info: { id: 'bad', name: '坏的', kind: 'base' }, doc: emptyDoc('甲局', 2021) },
    ]);
    const junk = { type: 'juesuan-workbook', schemaVersion: 2, templateId: 'hn-2021', meta: { year: 'abc' } };
    await fx.putRaw(`${STORAGE_KEYS.workbookDoc}bad`, junk);
    const err = await store.load('bad').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CorruptRecordError);
    expect((err as CorruptRecordError).message).toBe(
      '工作簿「坏的」的存储数据无法读取：决算年度无效（应为 2000–2100 之间的整数）。原始数据已原样保留，可导出备份交技术人员恢复；其他工作簿不受影响。',
    );
    expect((err as CorruptRecordError).raw).toEqual(junk);
    expect(await store.loadRaw('bad')).toEqual(junk);
    expect(await fx.getRaw(`${STORAGE_KEYS.workbookDoc}bad`)).toEqual(junk);
    expect((await store.load('good')).doc.meta.department).toBe('蓝山县行政审批服务局');
    expect((await store.list()).map((i) => i.id).sort()).toEqual(['bad', 'good']);
  });

  it('lists a record with damaged info or no info as damaged instead of failing', async () => {
    await store.create([{ info: { id: 'good', name: '好的', kind: 'base' }, doc: emptyDoc('甲局', 2021) }]);
    await fx.putRaw(`${STORAGE_KEYS.workbookInfo}broken`, 'not an object');
    await fx.putRaw(`${STORAGE_KEYS.workbookDoc}broken`, emptyDoc('乙局', 2021));
    await fx.putRaw(`${STORAGE_KEYS.workbookDoc}orphan`, emptyDoc('丙局', 2021));
    const list = await store.list();
    expect(list.find((i) => i.id === 'good')?.damaged).toBeUndefined();
    expect(list.find((i) => i.id === 'broken')).toMatchObject({ name: '（记录已损坏）', damaged: '工作簿的目录信息已损坏' });
    expect(list.find((i) => i.id === 'orphan')).toMatchObject({ damaged: '工作簿缺少目录信息' });
    await expect(store.load('orphan')).rejects.toBeInstanceOf(CorruptRecordError);
    expect(await store.loadRaw('orphan')).toMatchObject({ meta: { department: '丙局' } });
  });

  it('refuses a document saved by a newer program, without touching it', async () => {
    await store.create([{ info: { id: 'w1', name: '新版', kind: 'base' }, doc: emptyDoc('甲局', 2021) }]);
    const newer = { ...emptyDoc('甲局', 2021), schemaVersion: SCHEMA_VERSION + 1 };
    await fx.putRaw(`${STORAGE_KEYS.workbookDoc}w1`, newer);
    const err = await store.load('w1').catch((e: unknown) => e);
    expect((err as Error).message).toContain(`该工作簿由较新版本的程序保存（数据版本 ${SCHEMA_VERSION + 1}，本程序支持到 ${SCHEMA_VERSION}）`);
    expect(await fx.getRaw(`${STORAGE_KEYS.workbookDoc}w1`)).toEqual(newer);
  });

  it('upgrades a stored v1 document in place on load and keeps the original as a snapshot', async () => {
    const info = { id: 'old', name: '旧格式', department: '蓝山县行政审批服务局', year: 2021, kind: 'base', createdAt: 1, updatedAt: 1, revision: 3 };
    await fx.putRaw(`${STORAGE_KEYS.workbookInfo}old`, info);
    await fx.putRaw(`${STORAGE_KEYS.workbookDoc}old`, v1Fixture);

    const first = await store.load('old');
    expect(first.migrated).toEqual([...MIGRATIONS.map((m) => m.name), ...HN_2021_MIGRATIONS.map((m) => m.name)]);
    expect(first.doc.codes).toEqual({ gpb: ['2010306'], gf: [], soe: [] });
    expect(first.doc.inputs.sup?.['prior.grand']).toEqual({ value: '1712.46' });
    expect(first.info.revision).toBe(3);

    const stored = (await fx.getRaw(`${STORAGE_KEYS.workbookDoc}old`)) as Record<string, unknown>;
    expect(stored.schemaVersion).toBe(SCHEMA_VERSION);
    expect('supplementary' in stored).toBe(false);
    const snaps = await store.listSnapshots('old');
    expect(snaps).toHaveLength(1);
    expect(snaps[0]).toMatchObject({ reason: 'before-upgrade', revision: 3 });
    const [snapKey] = (await store.backend.keys(`${STORAGE_KEYS.snapshot}old/`)) as string[];
    expect(((await fx.getRaw(snapKey!)) as { doc: unknown }).doc).toEqual(v1Fixture);

    const second = await store.load('old');
    expect(second.migrated).toEqual([]);
    expect(second.doc).toEqual(first.doc);
    expect(openWorkbook(second.doc).figure('public')?.toFixed(2)).toBe('596.17');
  });

  it('keeps snapshots per workbook, newest first, loadable through restore()', async () => {
    await store.create([{ info: { id: 'w1', name: '甲', kind: 'base' }, doc: example() }]);
    fx.clock.t = 2000;
    const a = await store.addSnapshot('w1', { reason: 'interval', label: '自动保存', revision: 1, doc: example() });
    fx.clock.t = 3000;
    const b = await store.addSnapshot('w1', { reason: 'before-import', label: '导入前', revision: 2, doc: v1Fixture });
    expect((await store.listSnapshots('w1')).map((s) => s.id)).toEqual([b.id, a.id]);
    const loaded = await store.loadSnapshot('w1', b.id);
    expect(loaded.info).toEqual(b);
    expect(loaded.doc.codes.gpb).toEqual(['2010306']);
    await store.removeSnapshots('w1', [b.id]);
    expect((await store.listSnapshots('w1')).map((s) => s.id)).toEqual([a.id]);
    await expect(store.loadSnapshot('w1', b.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('stores settings', async () => {
    expect(await store.getSetting('lastOpenedId')).toBeUndefined();
    await store.setSetting('lastOpenedId', 'w9');
    expect(await store.getSetting('lastOpenedId')).toBe('w9');
  });

  it('writes nothing when a value cannot be stored', async () => {
    await store.create([{ info: { id: 'w1', name: '甲', kind: 'base' }, doc: emptyDoc('甲局', 2021) }]);
    const bad = { ...emptyDoc('乙局', 2021), texts: { x: (() => 1) as unknown as string } };
    const err = await store.save('w1', bad, 1).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect((err as StorageError).kind).toBe('failed');
    expect((err as StorageError).message).toMatch(/^保存时发生意外错误（DataCloneError/);
    expect(await store.info('w1')).toMatchObject({ revision: 1, department: '甲局' });
    expect((await store.load('w1')).doc.meta.department).toBe('甲局');
  });
});
