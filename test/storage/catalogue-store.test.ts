// The user's code lists as this tab last read or wrote them: what a paste names codes from.
import { describe, expect, it } from 'vitest';
import { MemoryCatalogueStore } from '../../src/storage';
import { MemoryKv } from '../../src/storage/kv';

const list = (kind: 'function' | 'economic', year: number, names: Record<string, string>) => ({ kind, year, names, source: '粘贴', importedAt: '2026-12-01T00:00:00.000Z' });

describe('CatalogueStore.names', () => {
  it('follows list(), put() and remove(), by kind and year', async () => {
    const kv = new MemoryKv();
    const other = new MemoryCatalogueStore(kv);
    await other.put([list('function', 2024, { '20406': '司法' })]);
    const store = new MemoryCatalogueStore(kv);
    // Stored by another store on the same database: known once listed.
    expect(store.names('function', 2024)).toEqual({});
    await store.list();
    expect(store.names('function', 2024)).toEqual({ '20406': '司法' });
    await store.put([list('function', 2024, { '20406': '司法（新）' }), list('economic', 2024, { '30241': '甲' })]);
    expect(store.names('function', 2024)).toEqual({ '20406': '司法（新）' });
    expect(store.names('economic', 2024)).toEqual({ '30241': '甲' });
    expect(store.names('function', 2023)).toEqual({});
    await store.remove('function', 2024);
    expect(store.names('function', 2024)).toEqual({});
    expect((await store.list()).catalogues.map((c) => `${c.kind}${c.year}`)).toEqual(['economic2024']);
  });
});
