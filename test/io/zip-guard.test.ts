// inflateZip: the archive ExcelJS reads after the guard is the same archive, every entry stored
// (inflated once, by the guard), and the guard refuses what checkZip refuses.
import { crc32 } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { exampleDocument, openWorkbook } from '../../src/app/templates';
import { ZipGuardError, checkZip, inflateEntries, inflateZip, replaceEntry, storedZip } from '../../src/io/zip-guard';
import { exportEngine } from './support';
import { makeZip, readZip } from './zip-tools';

/** Each directory record's name, method, sizes and CRC, in order. */
function records(zip: Uint8Array): { name: string; method: number; compressed: number; size: number; crc: number }[] {
  const b = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = b.readUInt32LE(eocd + 16);
  const out = [];
  for (let i = 0; i < b.readUInt16LE(eocd + 10); i++) {
    const n = b.readUInt16LE(p + 28);
    out.push({ name: b.toString('utf8', p + 46, p + 46 + n), method: b.readUInt16LE(p + 10), compressed: b.readUInt32LE(p + 20), size: b.readUInt32LE(p + 24), crc: b.readUInt32LE(p + 16) });
    p += 46 + n + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
  }
  return out;
}

async function refusal(bytes: Uint8Array): Promise<string> {
  try {
    await inflateZip(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(ZipGuardError);
    return (e as ZipGuardError).reason;
  }
  throw new Error('inflateZip accepted the archive');
}

describe('inflateZip', () => {
  let exported: Uint8Array;
  beforeAll(async () => {
    exported = await exportEngine(openWorkbook(exampleDocument()));
  });

  it('gives the same entries, in order, each stored with its CRC, and passes its own check', async () => {
    const stored = await inflateZip(exported);
    const before = records(exported);
    const after = records(stored);
    expect(after.map((r) => r.name)).toEqual(before.map((r) => r.name));
    expect(before.some((r) => r.method === 8)).toBe(true);
    const contents = readZip(stored);
    expect(contents).toEqual(readZip(exported));
    for (const r of after) {
      expect(r).toMatchObject({ method: 0, compressed: r.size });
      expect(r.crc).toBe(crc32(Buffer.from(contents.get(r.name)!, 'utf8')));
    }
    await expect(checkZip(stored)).resolves.toBeUndefined();
  });

  it('keeps a name that is not ASCII and an empty entry', async () => {
    const zip = makeZip([
      { name: 'xl/表.xml', data: Buffer.from('<a>决算</a>') },
      { name: 'empty.xml', data: Buffer.alloc(0) },
    ]);
    const contents = readZip(await inflateZip(zip));
    expect([...contents]).toEqual([
      ['xl/表.xml', '<a>决算</a>'],
      ['empty.xml', ''],
    ]);
  });

  it('writes a replaced entry with its own size and CRC, the others unchanged', async () => {
    const zip = await inflateEntries(makeZip([
      { name: 'a.xml', data: Buffer.from('<a>原文</a>'.repeat(50)) },
      { name: 'b.xml', data: Buffer.from('<b/>') },
    ]));
    replaceEntry(zip, 'a.xml', new TextEncoder().encode('<a/>'));
    const out = storedZip(zip);
    expect([...readZip(out)]).toEqual([
      ['a.xml', '<a/>'],
      ['b.xml', '<b/>'],
    ]);
    expect(records(out).map((r) => [r.name, r.size, r.crc])).toEqual([
      ['a.xml', 4, crc32(Buffer.from('<a/>'))],
      ['b.xml', 4, crc32(Buffer.from('<b/>'))],
    ]);
    await expect(checkZip(out)).resolves.toBeUndefined();
  });

  it('refuses what checkZip refuses: a bomb that lies about its size, damaged data, a huge declared total', async () => {
    expect(await refusal(makeZip([{ name: 'a.xml', data: Buffer.alloc(20 * 1024 * 1024), declaredSize: 1000 }]))).toBe('bomb');
    const damaged = exported.slice();
    damaged.fill(0xff, 2000, 2400);
    expect(await refusal(damaged)).toBe('corrupt');
    expect(await refusal(makeZip([{ name: 'a.xml', data: Buffer.from('x'), declaredSize: 200 * 1024 * 1024 }]))).toBe('bomb');
    // Smaller than declared: the stored copy would hold zeros the file never had.
    expect(await refusal(makeZip([{ name: 'a.xml', data: Buffer.from('abc'), declaredSize: 10 }]))).toBe('corrupt');
  });
});
