// The IndexedDB store never blocks a newer app version (another tab) from upgrading the database:
// it closes its connection on 'versionchange' and reopens at the new version on the next call.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { exampleDocument, restoreDocument } from '../../src/app/templates';
import { IndexedDbStore } from '../../src/storage';

function openAt(name: string, version: number): Promise<{ blocked: boolean; stores: string[] }> {
  return new Promise((resolve, reject) => {
    let blocked = false;
    const r = indexedDB.open(name, version);
    r.onblocked = () => (blocked = true);
    r.onupgradeneeded = () => r.result.createObjectStore('later');
    r.onerror = () => reject(r.error);
    r.onsuccess = () => {
      const stores = [...r.result.objectStoreNames];
      r.result.close();
      resolve({ blocked, stores });
    };
  });
}

describe('IndexedDbStore and a database upgrade elsewhere', () => {
  it('lets the upgrade through and keeps working afterwards', async () => {
    const dbName = `vc-${Date.now()}`;
    const store = new IndexedDbStore({ restore: restoreDocument, dbName });
    await store.create([{ info: { id: 'w1', name: '蓝山2021', kind: 'base' }, doc: exampleDocument() }]);
    const upgraded = await openAt(dbName, 2);
    expect(upgraded).toEqual({ blocked: false, stores: ['kv', 'later'] });
    const loaded = await store.load('w1');
    expect(loaded.doc.inputs.t06?.['30201']?.amount).toBe('21.34');
  });
});
