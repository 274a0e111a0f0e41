// WorkbookStore over any KvBackend: record layout, revision checks, restore() on every load,
// in-place upgrade of older documents. Knows nothing of IndexedDB itself.
import type { WorkbookDocument } from '../model/document';
import type { RestoreResult } from '../model/restore';
import { ConflictError, CorruptRecordError, NotFoundError, STORAGE_MESSAGES, StoreFormatNewerError } from './errors';
import type { KvBackend } from './kv';
import { STORAGE_KEYS, STORE_FORMAT, docKey, infoKey, settingKey, snapshotKey, snapshotPrefix } from './keys';
import { newRecordId } from './record-id';
import type {
  LoadedWorkbook,
  NewSnapshot,
  NewWorkbook,
  Settings,
  SnapshotInfo,
  SnapshotReason,
  WorkbookInfo,
  WorkbookStore,
} from './workbook-store';

export interface StoreOptions {
  /** Clock, injectable for tests. */
  now?: () => number;
  /** The tolerant load path (restore() against the app's templates), injected: storage knows no template. */
  restore: (raw: unknown) => RestoreResult;
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const SNAPSHOT_REASONS: readonly SnapshotReason[] = ['interval', 'before-import', 'before-adopt', 'before-restore', 'before-upgrade', 'manual'];

/** Validates a stored info record; null when it is not one. */
export function parseInfo(raw: unknown, id: string): WorkbookInfo | null {
  if (!isObj(raw) || raw.id !== id) return null;
  const { name, department, year, kind, baseId, createdAt, updatedAt, revision, deletedAt } = raw;
  if (typeof name !== 'string' || typeof department !== 'string' || typeof year !== 'number') return null;
  if (kind !== 'base' && kind !== 'scenario') return null;
  if (typeof createdAt !== 'number' || typeof updatedAt !== 'number') return null;
  if (typeof revision !== 'number' || !Number.isInteger(revision) || revision < 1) return null;
  return {
    id,
    name,
    department,
    year,
    kind,
    ...(typeof baseId === 'string' ? { baseId } : {}),
    createdAt,
    updatedAt,
    revision,
    ...(typeof deletedAt === 'number' ? { deletedAt } : {}),
  };
}

function parseSnapshot(raw: unknown): (SnapshotInfo & { doc: unknown }) | null {
  if (!isObj(raw)) return null;
  const { id, workbookId, createdAt, reason, label, revision, doc } = raw;
  if (typeof id !== 'string' || typeof workbookId !== 'string' || typeof createdAt !== 'number') return null;
  if (!SNAPSHOT_REASONS.includes(reason as SnapshotReason) || typeof label !== 'string' || typeof revision !== 'number') return null;
  return { id, workbookId, createdAt, reason: reason as SnapshotReason, label, revision, doc };
}

const withoutDoc = ({ id, workbookId, createdAt, reason, label, revision }: SnapshotInfo): SnapshotInfo => ({
  id,
  workbookId,
  createdAt,
  reason,
  label,
  revision,
});

const idOf = (key: string, prefix: string): string => key.slice(prefix.length);

/** A placeholder info for a record whose info is unreadable, so the list can still show it. */
function damagedInfo(id: string, why: string): WorkbookInfo {
  return { id, name: STORAGE_MESSAGES.damagedInfo, department: '', year: 0, kind: 'base', createdAt: 0, updatedAt: 0, revision: 1, damaged: why };
}

export class KvWorkbookStore implements WorkbookStore {
  protected readonly now: () => number;
  private readonly restore: (raw: unknown) => RestoreResult;

  constructor(
    readonly backend: KvBackend,
    options: StoreOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.restore = options.restore;
  }

  /** Refuses a store laid out by a newer program; once seen to be ours, not read again. */
  private formatVerified = false;
  private async checkFormat(): Promise<void> {
    const v = await this.backend.get(STORAGE_KEYS.storeFormat);
    if (typeof v === 'number' && v > STORE_FORMAT) throw new StoreFormatNewerError(v, STORE_FORMAT);
    this.formatVerified = true;
  }

  async list(): Promise<WorkbookInfo[]> {
    if (!this.formatVerified) await this.checkFormat();
    const [infos, docKeys] = await Promise.all([this.backend.entries(STORAGE_KEYS.workbookInfo), this.backend.keys(STORAGE_KEYS.workbookDoc)]);
    const out: WorkbookInfo[] = [];
    const seen = new Set<string>();
    for (const [key, raw] of infos) {
      const id = idOf(key, STORAGE_KEYS.workbookInfo);
      seen.add(id);
      out.push(parseInfo(raw, id) ?? damagedInfo(id, '工作簿的目录信息已损坏'));
    }
    // A document without its info is still the user's work: list it so it can be exported.
    for (const key of docKeys) {
      const id = idOf(key, STORAGE_KEYS.workbookDoc);
      if (!seen.has(id)) out.push(damagedInfo(id, '工作簿缺少目录信息'));
    }
    return out.sort((a, b) => b.updatedAt - a.updatedAt);
  }

  async info(id: string): Promise<WorkbookInfo | undefined> {
    const raw = await this.backend.get(infoKey(id));
    if (raw === undefined) return undefined;
    const info = parseInfo(raw, id);
    if (!info) throw new CorruptRecordError(id, id, '工作簿的目录信息已损坏', raw);
    return info;
  }

  async load(id: string): Promise<LoadedWorkbook> {
    if (!this.formatVerified) await this.checkFormat();
    const [rawInfo, rawDoc] = await this.backend.getMany([infoKey(id), docKey(id)]);
    if (rawInfo === undefined && rawDoc === undefined) throw new NotFoundError(id);
    const info = parseInfo(rawInfo, id);
    if (!info) throw new CorruptRecordError(id, id, rawInfo === undefined ? '工作簿缺少目录信息' : '工作簿的目录信息已损坏', rawDoc);
    if (rawDoc === undefined) throw new CorruptRecordError(id, info.name, '工作簿内容缺失', rawDoc);
    let restored: RestoreResult;
    try {
      restored = this.restore(rawDoc);
    } catch (e) {
      throw new CorruptRecordError(id, info.name, e instanceof Error ? e.message : String(e), rawDoc);
    }
    if (restored.migrated.length > 0) await this.upgradeInPlace(info, rawDoc, restored);
    return { info, doc: restored.doc, migrated: restored.migrated, notes: restored.notes };
  }

  /** Writes the migrated document back, keeping the old one as a snapshot, unless someone saved meanwhile. */
  private async upgradeInPlace(info: WorkbookInfo, rawDoc: unknown, restored: RestoreResult): Promise<void> {
    const snapId = newRecordId('s');
    const at = this.now();
    await this.backend.transact([infoKey(info.id)], ([current]) => {
      if (parseInfo(current, info.id)?.revision !== info.revision) return { result: undefined };
      const snapshot = {
        id: snapId,
        workbookId: info.id,
        createdAt: at,
        reason: 'before-upgrade',
        label: `升级数据格式前的原始内容（${restored.migrated.length} 项升级）`,
        revision: info.revision,
        doc: rawDoc,
      };
      return {
        set: [
          [docKey(info.id), restored.doc],
          [snapshotKey(info.id, snapId), snapshot],
        ],
        result: undefined,
      };
    });
  }

  async loadRaw(id: string): Promise<unknown> {
    return this.backend.get(docKey(id));
  }

  async create(entries: { info: NewWorkbook; doc: WorkbookDocument }[]): Promise<WorkbookInfo[]> {
    const at = this.now();
    const infos: WorkbookInfo[] = entries.map(({ info, doc }) => ({
      id: info.id,
      name: info.name,
      department: doc.meta.department,
      year: doc.meta.year,
      kind: info.kind,
      ...(info.baseId ? { baseId: info.baseId } : {}),
      createdAt: at,
      updatedAt: at,
      revision: 1,
    }));
    const keys = infos.flatMap((i) => [infoKey(i.id), docKey(i.id)]);
    return this.backend.transact([...keys, STORAGE_KEYS.storeFormat], (values) => {
      if (values.slice(0, -1).some((v) => v !== undefined) || new Set(infos.map((i) => i.id)).size !== infos.length) {
        throw new Error('workbook id already in use');
      }
      const set: [string, unknown][] = entries.flatMap(({ doc }, n) => [
        [infoKey(infos[n]!.id), infos[n]],
        [docKey(infos[n]!.id), doc],
      ]);
      if (values[values.length - 1] === undefined) set.push([STORAGE_KEYS.storeFormat, STORE_FORMAT]);
      return { set, result: infos };
    });
  }

  async save(id: string, doc: WorkbookDocument, expectedRevision: number): Promise<WorkbookInfo> {
    // Checked once, before the first save: later saves must start their write synchronously (pagehide).
    if (!this.formatVerified) await this.checkFormat();
    const at = this.now();
    return this.backend.transact([infoKey(id)], ([raw]) => {
      if (raw === undefined) throw new NotFoundError(id);
      const info = parseInfo(raw, id);
      if (!info) throw new CorruptRecordError(id, id, '工作簿的目录信息已损坏', raw);
      if (info.revision !== expectedRevision) throw new ConflictError(expectedRevision, info.revision);
      const next: WorkbookInfo = {
        ...info,
        department: doc.meta.department,
        year: doc.meta.year,
        revision: info.revision + 1,
        updatedAt: Math.max(at, info.updatedAt),
      };
      return {
        set: [
          [infoKey(id), next],
          [docKey(id), doc],
        ],
        result: next,
      };
    });
  }

  async updateInfo(id: string, patch: { name?: string; deletedAt?: number | null }): Promise<WorkbookInfo> {
    return this.backend.transact([infoKey(id)], ([raw]) => {
      if (raw === undefined) throw new NotFoundError(id);
      const info = parseInfo(raw, id);
      if (!info) throw new CorruptRecordError(id, id, '工作簿的目录信息已损坏', raw);
      const next: WorkbookInfo = { ...info, ...(patch.name !== undefined ? { name: patch.name } : {}) };
      if (patch.deletedAt === null) delete next.deletedAt;
      else if (patch.deletedAt !== undefined) next.deletedAt = patch.deletedAt;
      return { set: [[infoKey(id), next]], result: next };
    });
  }

  async remove(id: string): Promise<void> {
    const snaps = await this.backend.keys(snapshotPrefix(id));
    await this.backend.transact([], () => ({ del: [infoKey(id), docKey(id), ...snaps], result: undefined }));
  }

  async addSnapshot(workbookId: string, snap: NewSnapshot): Promise<SnapshotInfo> {
    const info: SnapshotInfo = {
      id: newRecordId('s'),
      workbookId,
      createdAt: this.now(),
      reason: snap.reason,
      label: snap.label,
      revision: snap.revision,
    };
    await this.backend.transact([], () => ({ set: [[snapshotKey(workbookId, info.id), { ...info, doc: snap.doc }]], result: undefined }));
    return info;
  }

  async listSnapshots(workbookId: string): Promise<SnapshotInfo[]> {
    const entries = await this.backend.entries(snapshotPrefix(workbookId));
    return entries
      .flatMap(([, raw]) => {
        const s = parseSnapshot(raw);
        return s && s.workbookId === workbookId ? [withoutDoc(s)] : [];
      })
      .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
  }

  async loadSnapshot(workbookId: string, snapshotId: string): Promise<{ info: SnapshotInfo; doc: WorkbookDocument }> {
    const raw = await this.backend.get(snapshotKey(workbookId, snapshotId));
    if (raw === undefined) throw new NotFoundError(snapshotId);
    const s = parseSnapshot(raw);
    if (!s) throw new CorruptRecordError(snapshotId, '历史版本', '历史版本记录已损坏', raw);
    try {
      return { info: withoutDoc(s), doc: this.restore(s.doc).doc };
    } catch (e) {
      throw new CorruptRecordError(snapshotId, s.label, e instanceof Error ? e.message : String(e), s.doc);
    }
  }

  async removeSnapshots(workbookId: string, snapshotIds: string[]): Promise<void> {
    if (snapshotIds.length === 0) return;
    await this.backend.transact([], () => ({ del: snapshotIds.map((s) => snapshotKey(workbookId, s)), result: undefined }));
  }

  async getSetting<K extends keyof Settings>(name: K): Promise<Settings[K] | undefined> {
    return (await this.backend.get(settingKey(name))) as Settings[K] | undefined;
  }

  async setSetting<K extends keyof Settings>(name: K, value: Settings[K]): Promise<void> {
    await this.backend.transact([], () => ({ set: [[settingKey(name), value]], result: undefined }));
  }
}

