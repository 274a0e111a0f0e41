// IndexedDB backend through idb-keyval (the only importer of idb-keyval). One database, one
// object store, names from STORAGE_KEYS. Errors are mapped to typed StorageErrors.
import { createStore, get, getMany, promisifyRequest, type UseStore } from 'idb-keyval';
import { StorageUnavailableError, toStorageError } from './errors';
import type { KvBackend, KvPlan } from './kv';
import { STORAGE_KEYS } from './keys';

/** Performance-timeline name of the main-thread part of a write (read by `npm run bench`). */
export const PERF_STORAGE_WRITE = 'storage:write';

const range = (prefix: string): IDBKeyRange => IDBKeyRange.bound(prefix, `${prefix}\uffff`);

/** Connections opened by openEarly(), taken over by the first IdbKv of that database. */
const early = new Map<string, UseStore>();
const earlyKey = (dbName: string, storeName: string) => `${dbName}\u0000${storeName}`;

/**
 * Starts opening the app's database now, for the store to take over (src/storage/open-early.ts,
 * imported first by src/main.ts): a first visit creates it, which takes a few hundred ms of
 * waiting that can pass while the app's other modules evaluate. Failures are the store's to report.
 */
export function openEarly(dbName: string = STORAGE_KEYS.dbName, storeName: string = STORAGE_KEYS.storeName): void {
  if (typeof indexedDB === 'undefined') return;
  try {
    const store = createStore(dbName, storeName);
    store('readonly', () => undefined).catch(() => undefined);
    early.set(earlyKey(dbName, storeName), store);
  } catch {
    // The store opens (and reports) on its first call.
  }
}

export class IdbKv implements KvBackend {
  private store: UseStore | null = null;

  constructor(
    private readonly dbName: string = STORAGE_KEYS.dbName,
    private readonly storeName: string = STORAGE_KEYS.storeName,
  ) {}

  /** Opened lazily so that a missing IndexedDB fails the first call, not the constructor. */
  private use(): UseStore {
    if (!this.store) {
      if (typeof indexedDB === 'undefined') throw new StorageUnavailableError('此浏览器或当前模式不提供 IndexedDB');
      const key = earlyKey(this.dbName, this.storeName);
      const store = early.get(key) ?? createStore(this.dbName, this.storeName);
      early.delete(key);
      this.store = store;
      // A newer version of the app (another tab) upgrading the database must not be blocked by
      // this connection: close it; the next call opens afresh, at the new version.
      store('readonly', (s) => {
        const db = s.transaction.db;
        db.onversionchange = () => {
          db.close();
          if (this.store === store) this.store = null;
        };
      }).catch(() => undefined);
    }
    return this.store;
  }

  private async run<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      const err = toStorageError(e);
      // A failed open leaves a rejected promise in the store handle; open afresh next time.
      if (err.kind === 'unavailable') this.store = null;
      throw err;
    }
  }

  get(key: string): Promise<unknown> {
    return this.run(() => get(key, this.use()));
  }

  getMany(keys: string[]): Promise<unknown[]> {
    return this.run(() => getMany(keys, this.use()));
  }

  keys(prefix: string): Promise<string[]> {
    return this.run(() => this.use()('readonly', (s) => promisifyRequest(s.getAllKeys(range(prefix))))) as Promise<string[]>;
  }

  entries(prefix: string): Promise<[string, unknown][]> {
    return this.run(() =>
      this.use()('readonly', async (s) => {
        const [keys, values] = await Promise.all([promisifyRequest(s.getAllKeys(range(prefix))), promisifyRequest(s.getAll(range(prefix)))]);
        return keys.map((k, i): [string, unknown] => [String(k), values[i]]);
      }),
    );
  }

  transact<T>(keys: string[], plan: (values: unknown[]) => KvPlan<T>): Promise<T> {
    return this.run(() =>
      this.use()('readwrite', (s) => {
        const tx = s.transaction;
        const done = promisifyRequest(tx);
        // Requests are issued from request callbacks only, so the transaction stays alive.
        return new Promise<T>((resolve, reject) => {
          const values: unknown[] = new Array(keys.length);
          let left = keys.length;
          const decide = () => {
            let p: KvPlan<T>;
            const t0 = performance.now();
            try {
              p = plan(values);
              // put() structured-clones on the main thread: that is the cost autosave adds to an edit.
              for (const [k, v] of p.set ?? []) s.put(v, k);
              for (const k of p.del ?? []) s.delete(k);
              performance.measure(PERF_STORAGE_WRITE, { start: t0, end: performance.now() });
            } catch (e) {
              try {
                tx.abort();
              } catch {
                // already finished
              }
              done.catch(() => undefined);
              reject(e);
              return;
            }
            done.then(() => resolve(p.result), reject);
          };
          if (left === 0) decide();
          keys.forEach((k, i) => {
            const r = s.get(k);
            r.onsuccess = () => {
              values[i] = r.result;
              if (--left === 0) decide();
            };
          });
          done.catch(reject);
        });
      }),
    );
  }
}
