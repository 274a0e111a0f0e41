// The user's imported code lists (导入科目表), one per kind and year, shared by every workbook:
// kept beside the workbooks in the same key-value store. Records are plain JSON; a damaged one is
// skipped on read (reported), never a reason to refuse the others.
import { IdbKv } from './idb-kv';
import { catalogKey, STORAGE_KEYS } from './keys';
import { MemoryKv, type KvBackend } from './kv';

/** As stored: the shape of src/app's UserCatalogue (storage speaks plain data only). */
export interface StoredCatalogue {
  kind: 'function' | 'economic';
  year: number;
  names: Record<string, string>;
  source: string;
  importedAt: string;
}

function valid(x: unknown): x is StoredCatalogue {
  if (typeof x !== 'object' || x === null) return false;
  const c = x as Record<string, unknown>;
  return (
    (c.kind === 'function' || c.kind === 'economic') &&
    Number.isInteger(c.year) &&
    typeof c.names === 'object' &&
    c.names !== null &&
    Object.entries(c.names).every(([k, v]) => /^\d{3,7}$/.test(k) && typeof v === 'string')
  );
}

export class CatalogueStore {
  /** What this tab last read or wrote: a paste names codes synchronously from it. */
  private known: StoredCatalogue[] = [];

  constructor(private readonly backend: KvBackend) {}

  /** Every stored catalogue, by key order; damaged records are left out and counted. */
  async list(): Promise<{ catalogues: StoredCatalogue[]; damaged: number }> {
    const entries = await this.backend.entries(STORAGE_KEYS.codeCatalog);
    const catalogues = entries.map(([, v]) => v).filter(valid);
    this.known = catalogues;
    return { catalogues, damaged: entries.length - catalogues.length };
  }

  /** Stores catalogues (replacing the same kind and year) in one transaction. */
  async put(catalogues: readonly StoredCatalogue[]): Promise<void> {
    await this.backend.transact([], () => ({ set: catalogues.map((c) => [catalogKey(c.kind, c.year), c] as [string, unknown]), result: undefined }));
    this.known = [...this.known.filter((k) => !catalogues.some((c) => c.kind === k.kind && c.year === k.year)), ...catalogues];
  }

  async remove(kind: StoredCatalogue['kind'], year: number): Promise<void> {
    await this.backend.transact([], () => ({ del: [catalogKey(kind, year)], result: undefined }));
    this.known = this.known.filter((k) => k.kind !== kind || k.year !== year);
  }

  /**
   * The names of one kind and year as this tab last listed or stored them (code → name; empty
   * before the first list()). Synchronous, for a paste; a dialog lists afresh.
   */
  names(kind: StoredCatalogue['kind'], year: number): Readonly<Record<string, string>> {
    return this.known.find((c) => c.kind === kind && c.year === year)?.names ?? {};
  }
}

export class IndexedDbCatalogueStore extends CatalogueStore {
  constructor(dbName?: string) {
    super(new IdbKv(dbName));
  }
}

export class MemoryCatalogueStore extends CatalogueStore {
  constructor(readonly memory: MemoryKv = new MemoryKv()) {
    super(memory);
  }
}
