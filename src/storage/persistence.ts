// Asks the browser to keep this site's storage (navigator.storage.persist) and says, in Chinese,
// what the answer means for the user. The StorageManager is passed in so Node tests can fake it.

export interface StorageManagerLike {
  persisted?(): Promise<boolean>;
  persist?(): Promise<boolean>;
}

export type PersistenceState = 'granted' | 'refused' | 'unsupported';

export const PERSISTENCE_MESSAGES: Record<PersistenceState, string> = {
  granted: '浏览器已允许持久保存本机数据。',
  refused: '浏览器没有允许持久保存：磁盘空间紧张或清理浏览数据时，本机保存的工作簿可能被删除。请定期导出 JSON 备份。',
  unsupported: '此浏览器不支持持久保存设置，本机保存的工作簿可能被浏览器清理。请定期导出 JSON 备份。',
};

export interface PersistenceResult {
  state: PersistenceState;
  message: string;
}

/** Asks once; already-persisted storage is reported as granted without asking again. */
export async function requestPersistence(
  storage: StorageManagerLike | undefined = typeof navigator === 'undefined' ? undefined : navigator.storage,
): Promise<PersistenceResult> {
  const result = (state: PersistenceState): PersistenceResult => ({ state, message: PERSISTENCE_MESSAGES[state] });
  if (!storage?.persist) return result('unsupported');
  try {
    if (await storage.persisted?.()) return result('granted');
    return result((await storage.persist()) ? 'granted' : 'refused');
  } catch {
    return result('unsupported');
  }
}
