// Storage failures map to typed errors with Chinese messages; persistence answers are explained.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { newDocument } from '../../src/model';
import {
  IndexedDbStore,
  MemoryStore,
  PERSISTENCE_MESSAGES,
  StorageError,
  StorageQuotaError,
  StorageUnavailableError,
  requestPersistence,
  toStorageError,
} from '../../src/storage';
import { restoreDocument } from '../../src/app/templates';

const doc = () => newDocument('hn-2021', 1, { department: '甲局', year: 2021, unit: '万元' });

describe('toStorageError', () => {
  it('maps QuotaExceededError (name, legacy code 22, Firefox name) to StorageQuotaError', () => {
    for (const e of [
      new DOMException('quota', 'QuotaExceededError'),
      { name: 'Whatever', code: 22, message: 'x' },
      { name: 'NS_ERROR_DOM_QUOTA_REACHED', message: 'x' },
    ]) {
      const s = toStorageError(e);
      expect(s).toBeInstanceOf(StorageQuotaError);
      expect(s.message).toBe(
        '浏览器存储空间已满，修改未能保存。当前内容仍保留在本页中，请先导出 JSON 备份，再删除不需要的工作簿或历史版本后重试。',
      );
      expect(s.offerExport).toBe(true);
    }
  });

  it('maps an unusable IndexedDB to StorageUnavailableError naming the cause', () => {
    const s = toStorageError(new DOMException('A mutation operation was attempted', 'InvalidStateError'));
    expect(s).toBeInstanceOf(StorageUnavailableError);
    expect(s.message).toMatch(/^无法使用浏览器本地存储（InvalidStateError），修改暂时无法保存。当前内容仍保留在本页中，请先导出 JSON 备份/);
  });

  it('keeps anything else as a generic failure with its detail', () => {
    const s = toStorageError(new TypeError('boom'));
    expect(s.kind).toBe('failed');
    expect(s.message).toBe('保存时发生意外错误（TypeError: boom）。当前内容仍保留在本页中，请先导出 JSON 备份。');
  });
});

describe('MemoryStore faults', () => {
  it('turns a quota failure on write into StorageQuotaError and stores nothing', async () => {
    const store = new MemoryStore({ restore: restoreDocument });
    await store.create([{ info: { id: 'w1', name: '甲', kind: 'base' }, doc: doc() }]);
    store.backend.fault = (op) => (op === 'write' ? new DOMException('full', 'QuotaExceededError') : undefined);
    await expect(store.save('w1', { ...doc(), texts: { a: 'b' } }, 1)).rejects.toBeInstanceOf(StorageQuotaError);
    store.backend.fault = null;
    expect((await store.load('w1')).info.revision).toBe(1);
  });
});

describe('IndexedDbStore without IndexedDB', () => {
  const saved = globalThis.indexedDB;
  afterEach(() => {
    globalThis.indexedDB = saved;
  });

  it('fails every call with StorageUnavailableError, and works once IndexedDB is back', async () => {
    const store = new IndexedDbStore({ restore: restoreDocument, dbName: `gone-${Date.now()}` });
    // @ts-expect-error simulating a browser without IndexedDB
    delete globalThis.indexedDB;
    await expect(store.list()).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(store.create([{ info: { id: 'w1', name: '甲', kind: 'base' }, doc: doc() }])).rejects.toThrow(/^无法使用浏览器本地存储/);
    globalThis.indexedDB = saved;
    await store.create([{ info: { id: 'w1', name: '甲', kind: 'base' }, doc: doc() }]);
    expect((await store.list()).map((i) => i.id)).toEqual(['w1']);
  });

  it('maps a failing open to StorageUnavailableError', async () => {
    const store = new IndexedDbStore({ restore: restoreDocument, dbName: `broken-${Date.now()}` });
    const fake = {
      open() {
        const req = { error: new DOMException('blocked by policy', 'SecurityError'), onerror: null as null | (() => void), result: null };
        setTimeout(() => req.onerror?.());
        return req;
      },
    };
    globalThis.indexedDB = fake as unknown as IDBFactory;
    const err = await store.list().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect((err as StorageError).kind).toBe('unavailable');
    expect((err as StorageError).message).toContain('SecurityError');
  });
});

describe('requestPersistence', () => {
  it('reports granted, refused and unsupported with the user message', async () => {
    expect(await requestPersistence({ persisted: async () => true, persist: async () => false })).toEqual({
      state: 'granted',
      message: PERSISTENCE_MESSAGES.granted,
    });
    const refused = await requestPersistence({ persisted: async () => false, persist: async () => false });
    expect(refused.state).toBe('refused');
    expect(refused.message).toContain('请定期导出 JSON 备份');
    expect((await requestPersistence({})).state).toBe('unsupported');
    expect((await requestPersistence(undefined)).state).toBe('unsupported');
  });
});
