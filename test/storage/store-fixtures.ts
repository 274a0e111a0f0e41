// Both store implementations behind one fixture, so every contract test runs on each.
import 'fake-indexeddb/auto';
import { createStore, get, set } from 'idb-keyval';
import { IndexedDbStore, MemoryStore, STORAGE_KEYS, type KvWorkbookStore } from '../../src/storage';
import { restoreDocument } from '../../src/app/templates';

export interface StoreFixture {
  store: KvWorkbookStore;
  /** Writes a value under a raw key, bypassing the store (to plant old or broken records). */
  putRaw(key: string, value: unknown): Promise<void>;
  getRaw(key: string): Promise<unknown>;
  clock: { t: number };
}

let dbCounter = 0;

export const STORE_KINDS: [string, () => StoreFixture][] = [
  [
    'MemoryStore',
    () => {
      const clock = { t: 1_000 };
      const store = new MemoryStore({ restore: restoreDocument, now: () => clock.t });
      return {
        store,
        clock,
        putRaw: async (k, v) => void store.backend.data.set(k, structuredClone(v)),
        getRaw: async (k) => structuredClone(store.backend.data.get(k)),
      };
    },
  ],
  [
    'IndexedDbStore (fake-indexeddb)',
    () => {
      const clock = { t: 1_000 };
      const dbName = `test-db-${++dbCounter}-${Date.now()}`;
      const store = new IndexedDbStore({ restore: restoreDocument, dbName, now: () => clock.t });
      const raw = createStore(dbName, STORAGE_KEYS.storeName);
      return { store, clock, putRaw: (k, v) => set(k, v, raw), getRaw: (k) => get(k, raw) };
    },
  ],
];
