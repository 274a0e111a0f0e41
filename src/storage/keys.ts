// Frozen names under which the browser keeps the user's work. DO NOT CHANGE any value here
// without a store migration: existing users' workbooks live under these names. A removed name is
// never reused for something else.

export const STORAGE_KEYS = {
  /** IndexedDB database (one object store; idb-keyval cannot add stores to an existing database). */
  dbName: 'juesuan-gongkai',
  storeName: 'kv',
  /** `wb-info/<id>` → WorkbookInfo (name, 部门, 年度, revision, …). */
  workbookInfo: 'wb-info/',
  /** `wb-doc/<id>` → the plain WorkbookDocument JSON, carrying its own schemaVersion. */
  workbookDoc: 'wb-doc/',
  /** `snap/<workbookId>/<snapshotId>` → SnapshotRecord (history). */
  snapshot: 'snap/',
  /** `setting/<name>` → a setting value (see Settings). */
  setting: 'setting/',
  /** `catalog/<kind>/<year>` → a UserCatalogue (导入科目表), shared by every workbook. */
  codeCatalog: 'catalog/',
  /** Layout version of the keys above; bump together with a store migration. */
  storeFormat: 'store-format',
} as const;

/**
 * localStorage key prefix of the unsaved-edits journal: `juesuan-pending/<workbookId>` → the
 * document a closing page could not store (IndexedDB writes started while a page unloads are lost).
 */
export const PENDING_KEY_PREFIX = 'juesuan-pending/';

/** Current layout of STORAGE_KEYS. */
export const STORE_FORMAT = 1;

/** Cross-tab names (not persisted, but every open tab of every version must agree on them). */
export const TAB_KEYS = {
  /** Web Lock held by the one tab allowed to write a workbook: `juesuan-writer/<id>`. */
  writerLock: 'juesuan-writer/',
  /** BroadcastChannel carrying 'saved' notices. */
  channel: 'juesuan-gongkai',
} as const;

export const infoKey = (id: string): string => `${STORAGE_KEYS.workbookInfo}${id}`;
export const docKey = (id: string): string => `${STORAGE_KEYS.workbookDoc}${id}`;
export const snapshotPrefix = (workbookId: string): string => `${STORAGE_KEYS.snapshot}${workbookId}/`;
export const snapshotKey = (workbookId: string, snapshotId: string): string => `${snapshotPrefix(workbookId)}${snapshotId}`;
export const catalogKey = (kind: string, year: number): string => `${STORAGE_KEYS.codeCatalog}${kind}/${year}`;
export const settingKey = (name: string): string => `${STORAGE_KEYS.setting}${name}`;
