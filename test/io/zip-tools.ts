// Test-only zip helpers on node:zlib: read entries (to look at the XML ExcelJS wrote) and
// hand-build archives (corrupt ones, bombs). Independent of src/io/zip-guard on purpose.
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

export function readZip(bytes: Uint8Array): Map<string, string> {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = b.readUInt16LE(eocd + 10);
  let p = b.readUInt32LE(eocd + 16);
  const out = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    const method = b.readUInt16LE(p + 10);
    const size = b.readUInt32LE(p + 20);
    const nameLen = b.readUInt16LE(p + 28);
    const name = b.toString('utf8', p + 46, p + 46 + nameLen);
    const local = b.readUInt32LE(p + 42);
    const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    const data = b.subarray(start, start + size);
    out.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    p += 46 + nameLen + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
  }
  return out;
}

export interface ZipInput {
  name: string;
  data: Buffer;
  /** Lie about the inflated size in both headers (zip bomb disguise). */
  declaredSize?: number;
}

/** A minimal deflate zip with correct structure and CRCs. */
export function makeZip(entries: ZipInput[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const comp = deflateRawSync(e.data);
    const size = e.declaredSize ?? e.data.length;
    const common: Field[] = [[10, 16, 8], [16, 32, crc32(e.data)], [20, 32, comp.length], [24, 32, size], [28, 16, name.length]];
    // Local header fields sit 2 bytes before their central-directory twins (no "version made by").
    const local = header(30, 0x04034b50, [[4, 16, 20], ...common.map(([at, bits, v]): Field => [at - 2, bits, v])]);
    const central = header(46, 0x02014b50, [[4, 16, 20], [6, 16, 20], ...common, [42, 32, offset]]);
    locals.push(local, name, comp);
    centrals.push(central, name);
    offset += 30 + name.length + comp.length;
  }
  const cd = Buffer.concat(centrals);
  const end = header(22, 0x06054b50, [[8, 16, entries.length], [10, 16, entries.length], [12, 32, cd.length], [16, 32, offset]]);
  return Buffer.concat([...locals, cd, end]);
}

/** [offset, bits, value] of a little-endian header field. */
type Field = [number, 16 | 32, number];

function header(length: number, signature: number, fields: Field[]): Buffer {
  const b = Buffer.alloc(length);
  b.writeUInt32LE(signature, 0);
  for (const [at, bits, v] of fields) {
    if (bits === 16) b.writeUInt16LE(v, at);
    else b.writeUInt32LE(v, at);
  }
  return b;
}

/**
 * Adds an entry to an existing zip the way the probe did: its local header and data go before the
 * central directory, its directory record at the directory's end, the directory size and offset
 * cover it, but the end record's entry counts keep the old number.
 */
export function appendHiddenEntry(zip: Uint8Array, name: string, data: Buffer, counted = false): Buffer {
  const b = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const cdSize = b.readUInt32LE(eocd + 12);
  const cdOffset = b.readUInt32LE(eocd + 16);
  const nameBytes = Buffer.from(name, 'utf8');
  const comp = deflateRawSync(data);
  const common: Field[] = [[10, 16, 8], [20, 32, comp.length], [24, 32, data.length], [28, 16, nameBytes.length]];
  const local = header(30, 0x04034b50, [[4, 16, 20], ...common.map(([at, bits, v]): Field => [at - 2, bits, v])]);
  const central = header(46, 0x02014b50, [[4, 16, 20], [6, 16, 20], ...common, [42, 32, cdOffset]]);
  const added = Buffer.concat([local, nameBytes, comp]);
  const oldCd = b.subarray(cdOffset, cdOffset + cdSize);
  // Every existing directory record keeps its local offset: the new data sits after all of them.
  const end = Buffer.from(b.subarray(eocd, eocd + 22));
  end.writeUInt32LE(cdSize + central.length + nameBytes.length, 12);
  end.writeUInt32LE(cdOffset + added.length, 16);
  if (counted) {
    end.writeUInt16LE(end.readUInt16LE(8) + 1, 8);
    end.writeUInt16LE(end.readUInt16LE(10) + 1, 10);
  }
  return Buffer.concat([b.subarray(0, cdOffset), added, oldCd, central, nameBytes, end]);
}

/** Worksheet XML of `rows` rows of varied numbers (compresses about as well as real data, ~5×). */
export function bigSheetXml(rows: number): Buffer {
  const parts = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'];
  let x = 12345;
  for (let r = 1; r <= rows; r++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    parts.push(`<row r="${r}"><c r="A${r}"><v>${x}</v></c><c r="B${r}"><v>${(x % 100000) / 100}</v></c></row>`);
  }
  parts.push('</sheetData></worksheet>');
  return Buffer.from(parts.join(''), 'utf8');
}
