// Storage of workbooks in the browser: the only importer of idb-keyval (through idb-kv.ts).
// Speaks only the plain document type of src/model; every load goes through restore().
import { IdbKv } from './idb-kv';
import { MemoryKv } from './kv';
import { KvWorkbookStore, type StoreOptions } from './kv-workbook-store';

export * from './workbook-store';
export * from './errors';
export { PENDING_KEY_PREFIX, STORAGE_KEYS, STORE_FORMAT, TAB_KEYS } from './keys';
export { KvWorkbookStore, parseInfo, type StoreOptions } from './kv-workbook-store';
export { MemoryKv, type KvBackend, type KvPlan } from './kv';
export { newRecordId } from './record-id';
export { PendingJournal, type PendingEntry, type SyncKv } from './pending-journal';
export { requestPersistence, PERSISTENCE_MESSAGES, type PersistenceResult, type PersistenceState, type StorageManagerLike } from './persistence';

/** The browser's store: IndexedDB database STORAGE_KEYS.dbName. */
export class IndexedDbStore extends KvWorkbookStore {
  constructor(options: StoreOptions & { dbName?: string }) {
    super(new IdbKv(options.dbName), options);
  }
}

/** In-memory store for tests; `backend.fault` simulates storage failures. */
export class MemoryStore extends KvWorkbookStore {
  declare readonly backend: MemoryKv;
  constructor(options: StoreOptions) {
    super(new MemoryKv(), options);
  }
}
export { CatalogueStore, IndexedDbCatalogueStore, MemoryCatalogueStore, type StoredCatalogue } from './catalogue-store';
