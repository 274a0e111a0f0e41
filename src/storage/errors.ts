// Typed storage failures with the Chinese text the user sees. Every message says what happened,
// that the work on screen is not lost, and what to do next.

/** User-facing storage texts, in one place so they read consistently. */
export const STORAGE_MESSAGES = {
  unavailable: (detail: string) =>
    `无法使用浏览器本地存储（${detail}），修改暂时无法保存。当前内容仍保留在本页中，请先导出 JSON 备份，再检查浏览器设置（如无痕/隐私模式、禁用网站数据）。`,
  quota: '浏览器存储空间已满，修改未能保存。当前内容仍保留在本页中，请先导出 JSON 备份，再删除不需要的工作簿或历史版本后重试。',
  conflict: '该工作簿已在另一个标签页中保存了更新的内容，为避免互相覆盖，本页的修改没有保存。请先导出本页内容的 JSON 备份，再重新打开该工作簿。',
  notFound: (id: string) => `找不到工作簿（编号 ${id}），它可能已在另一个标签页中被删除。`,
  corrupt: (name: string, why: string) =>
    `工作簿「${name}」的存储数据无法读取：${why}。原始数据已原样保留，可导出备份交技术人员恢复；其他工作簿不受影响。`,
  damagedInfo: '（记录已损坏）',
  newerFormat: (found: unknown, supported: number) =>
    `此浏览器中的工作簿由较新版本的程序保存（存储格式 ${String(found)}，本程序支持到 ${supported}），请更新程序后再打开。为避免损坏这些数据，本页不会读写它们。`,
  failed: (detail: string) => `保存时发生意外错误（${detail}）。当前内容仍保留在本页中，请先导出 JSON 备份。`,
} as const;

export type StorageErrorKind = 'unavailable' | 'quota' | 'conflict' | 'not-found' | 'corrupt' | 'failed';

/** Base of every storage failure; `message` is Chinese and shown as is. */
export class StorageError extends Error {
  override name = 'StorageError';
  constructor(
    readonly kind: StorageErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
  /** The work is only in memory now: the UI should offer the JSON export. */
  get offerExport(): boolean {
    return this.kind !== 'not-found';
  }
}

export class StorageUnavailableError extends StorageError {
  override name = 'StorageUnavailableError';
  constructor(detail: string, cause?: unknown) {
    super('unavailable', STORAGE_MESSAGES.unavailable(detail), { cause });
  }
}

/** The keys were laid out by a newer program (`store-format` above ours): nothing is read or written. */
export class StoreFormatNewerError extends StorageError {
  override name = 'StoreFormatNewerError';
  constructor(readonly found: unknown, supported: number) {
    super('unavailable', STORAGE_MESSAGES.newerFormat(found, supported));
  }
}

export class StorageQuotaError extends StorageError {
  override name = 'StorageQuotaError';
  constructor(cause?: unknown) {
    super('quota', STORAGE_MESSAGES.quota, { cause });
  }
}

/** The stored revision is not the one this writer last saw: another tab saved in between. */
export class ConflictError extends StorageError {
  override name = 'ConflictError';
  constructor(
    readonly expected: number,
    readonly actual: number,
  ) {
    super('conflict', STORAGE_MESSAGES.conflict);
  }
}

export class NotFoundError extends StorageError {
  override name = 'NotFoundError';
  constructor(readonly id: string) {
    super('not-found', STORAGE_MESSAGES.notFound(id));
  }
}

/** A stored record that restore() rejects. The record is left untouched; `raw` is what was stored. */
export class CorruptRecordError extends StorageError {
  override name = 'CorruptRecordError';
  constructor(
    readonly id: string,
    recordName: string,
    readonly reason: string,
    readonly raw: unknown,
  ) {
    super('corrupt', STORAGE_MESSAGES.corrupt(recordName, reason));
  }
}

const UNAVAILABLE_NAMES = new Set(['InvalidStateError', 'UnknownError', 'SecurityError', 'VersionError', 'NotFoundError', 'NotAllowedError']);

/** Maps what IndexedDB (or anything below it) threw to a typed StorageError. */
export function toStorageError(e: unknown): StorageError {
  if (e instanceof StorageError) return e;
  const name = typeof e === 'object' && e !== null && 'name' in e ? String((e as { name: unknown }).name) : '';
  const code = typeof e === 'object' && e !== null && 'code' in e ? (e as { code: unknown }).code : undefined;
  const text = e instanceof Error ? e.message : String(e);
  // Chrome/Safari: QuotaExceededError (legacy code 22); Firefox: NS_ERROR_DOM_QUOTA_REACHED.
  if (name === 'QuotaExceededError' || code === 22 || name === 'NS_ERROR_DOM_QUOTA_REACHED') return new StorageQuotaError(e);
  if (UNAVAILABLE_NAMES.has(name) || /indexedDB/i.test(text)) return new StorageUnavailableError(name || text, e);
  return new StorageError('failed', STORAGE_MESSAGES.failed(name ? `${name}: ${text}` : text), { cause: e });
}
