// The small key-value backend under a WorkbookStore: IndexedDB in the browser, a Map in tests.
// Values are structured-cloned on the way in and out, as IndexedDB does, so no caller can
// mutate what is stored by accident.
import { toStorageError } from './errors';

/** What a transaction decides after reading its keys. */
export interface KvPlan<T> {
  set?: [string, unknown][];
  del?: string[];
  result: T;
}

export interface KvBackend {
  get(key: string): Promise<unknown>;
  getMany(keys: string[]): Promise<unknown[]>;
  /** Every [key, value] whose key starts with `prefix`, in key order. */
  entries(prefix: string): Promise<[string, unknown][]>;
  /** Every key starting with `prefix`, in key order. */
  keys(prefix: string): Promise<string[]>;
  /**
   * Reads `keys`, lets `plan` decide what to write, writes it: one atomic transaction.
   * When `plan` throws, nothing is written and the error is rethrown.
   */
  transact<T>(keys: string[], plan: (values: unknown[]) => KvPlan<T>): Promise<T>;
}

export type KvOperation = 'read' | 'write';

/** In-memory backend. `fault` lets tests make reads or writes fail (quota, unavailable). */
export class MemoryKv implements KvBackend {
  readonly data = new Map<string, unknown>();
  fault: ((op: KvOperation) => unknown) | null = null;

  private check(op: KvOperation): void {
    const e = this.fault?.(op);
    if (e !== undefined && e !== null) throw toStorageError(e);
  }

  async get(key: string): Promise<unknown> {
    this.check('read');
    return structuredClone(this.data.get(key));
  }

  async getMany(keys: string[]): Promise<unknown[]> {
    this.check('read');
    return keys.map((k) => structuredClone(this.data.get(k)));
  }

  async keys(prefix: string): Promise<string[]> {
    this.check('read');
    return [...this.data.keys()].filter((k) => k.startsWith(prefix)).sort();
  }

  async entries(prefix: string): Promise<[string, unknown][]> {
    const keys = await this.keys(prefix);
    return keys.map((k) => [k, structuredClone(this.data.get(k))]);
  }

  async transact<T>(keys: string[], plan: (values: unknown[]) => KvPlan<T>): Promise<T> {
    this.check('read');
    let p: KvPlan<T>;
    let writes: (readonly [string, unknown])[];
    try {
      p = plan(keys.map((k) => structuredClone(this.data.get(k))));
      // Clone everything before touching the map, so a clone failure writes nothing.
      writes = (p.set ?? []).map(([k, v]) => [k, structuredClone(v)] as const);
    } catch (e) {
      throw toStorageError(e);
    }
    this.check('write');
    for (const [k, v] of writes) this.data.set(k, v);
    for (const k of p.del ?? []) this.data.delete(k);
    return p.result;
  }
}
