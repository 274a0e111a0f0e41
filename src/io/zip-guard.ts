// Checks a zip (an .xlsx, a .docx) before anything reads it: the central directory must be intact,
// and the entries must not inflate beyond sane limits. Declared sizes can lie, so every entry is
// inflated here in small slices, counting bytes and stopping at the first excess (zip bomb).
// `inflateEntries` keeps what it inflated and `storedZip` writes the same archive with every entry stored:
// ExcelJS (JSZip) then only copies the entries instead of inflating each a second time, in JS.
// Uses only the web-standard DecompressionStream (browser and Node ≥ 20).

export interface ZipLimits {
  maxEntries: number;
  /** Total inflated bytes. */
  maxTotal: number;
  /** Inflated / file size, checked once the total passes `ratioFloor`. */
  maxRatio: number;
  ratioFloor: number;
  /** Inflated bytes of any one entry: our largest sheet (9,000 codes) is a few MB; a 10⁶-row sheet is far more. */
  maxEntry: number;
}

export const ZIP_LIMITS: ZipLimits = { maxEntries: 2_000, maxTotal: 100 * 1024 * 1024, maxRatio: 100, ratioFloor: 1024 * 1024, maxEntry: 16 * 1024 * 1024 };

/** Why a zip was refused; the importer turns it into a Chinese message. */
export class ZipGuardError extends Error {
  override name = 'ZipGuardError';
  constructor(
    readonly reason: 'corrupt' | 'bomb' | 'too-big',
    detail: string,
    /** For 'too-big': the entry and its inflated size. */
    readonly entry?: { name: string; size: number },
  ) {
    super(detail);
  }
}

const EOCD_SIG = 0x06054b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
/** Compressed bytes handed to the inflater per step: deflate inflates ≤ 1032×, so one step yields ≤ ~4 MB. */
const SLICE = 4096;
/** Directory records walked at most (far above maxEntries: stops a directory of millions of tiny records early). */
const ENTRY_WALK_CAP = 100_000;

interface Entry {
  name: string;
  method: number;
  compressed: number;
  size: number;
  localOffset: number;
  /** Where its record starts in the central directory (the stored copy keeps its other fields). */
  record: number;
}

function readCentralDirectory(bytes: Uint8Array): { entries: Entry[]; counted: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (p: number): number => view.getUint16(p, true);
  const u32 = (p: number): number => view.getUint32(p, true);
  const corrupt = (why: string): ZipGuardError => new ZipGuardError('corrupt', why);

  // The end record is 22 bytes plus a comment of up to 65,535 bytes, at the very end.
  let eocd = -1;
  for (let p = bytes.length - 22; p >= Math.max(0, bytes.length - 22 - 0xffff); p--) {
    if (u32(p) === EOCD_SIG) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) throw corrupt('no end of central directory');
  const count = u16(eocd + 10);
  const cdSize = u32(eocd + 12);
  const cdOffset = u32(eocd + 16);
  // ZIP64 markers: an xlsx within our size limit never needs ZIP64.
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw corrupt('zip64');
  // The directory must end exactly where the end record starts: JSZip (inside ExcelJS) "repairs"
  // a gap by shifting every offset, so a gap would let it read a directory this guard never saw.
  if (cdOffset + cdSize !== eocd) throw corrupt('central directory does not end at the end record');

  // Walk every record in the directory, as JSZip does, not only as many as the end record counts:
  // an entry the count leaves out is still inflated by ExcelJS.
  const entries: Entry[] = [];
  let p = cdOffset;
  while (p < eocd) {
    if (p + 46 > eocd || u32(p) !== CENTRAL_SIG) throw corrupt(`bad central directory entry ${entries.length}`);
    if (entries.length >= ENTRY_WALK_CAP) throw new ZipGuardError('bomb', 'too many directory records');
    const nameLen = u16(p + 28);
    entries.push({
      name: new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLen)),
      method: u16(p + 10),
      compressed: u32(p + 20),
      size: u32(p + 24),
      localOffset: u32(p + 42),
      record: p,
    });
    p += 46 + nameLen + u16(p + 30) + u16(p + 32);
  }
  if (p !== eocd) throw corrupt('central directory overruns the end record');
  return { entries, counted: count === u16(eocd + 8) ? count : -1 };
}

/**
 * Inflates one entry's data in slices, counting; throws as soon as `budget` is exceeded. With `out`,
 * each inflated chunk is written there (at most `budget` bytes, so it never writes past its entry).
 */
async function inflateEntry(data: Uint8Array, budget: number, out?: Uint8Array): Promise<number> {
  let offset = 0;
  const source = new ReadableStream<BufferSource>({
    pull(controller) {
      if (offset >= data.length) {
        controller.close();
        return;
      }
      controller.enqueue(data.slice(offset, offset + SLICE));
      offset += SLICE;
    },
  });
  const reader = source.pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return total;
      if (total + value.length > budget) {
        await reader.cancel().catch(() => undefined);
        throw new ZipGuardError('bomb', 'entry inflates beyond its budget');
      }
      out?.set(value, total);
      total += value.length;
    }
  } catch (e) {
    if (e instanceof ZipGuardError) throw e;
    throw new ZipGuardError('corrupt', `inflate failed: ${String(e)}`);
  }
}

/** The directory's entries once its declared sizes and counts are within `limits`. */
function checkedEntries(bytes: Uint8Array, limits: ZipLimits): Entry[] {
  const { entries, counted } = readCentralDirectory(bytes);
  if (entries.length > limits.maxEntries) throw new ZipGuardError('bomb', `${entries.length} entries`);
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > limits.maxTotal || (declared > limits.ratioFloor && declared / bytes.length > limits.maxRatio)) {
    throw new ZipGuardError('bomb', `declared ${declared} bytes`);
  }
  const biggest = entries.reduce<Entry | null>((a, e) => (a && a.size >= e.size ? a : e), null);
  if (biggest && biggest.size > limits.maxEntry) throw new ZipGuardError('too-big', `${biggest.name}: ${biggest.size} bytes`, { name: biggest.name, size: biggest.size });
  // A count that disagrees with the records is a tampered (or damaged) file.
  if (counted !== entries.length) throw new ZipGuardError('corrupt', `end record counts ${counted}, directory holds ${entries.length}`);
  if (entries.length === 0) throw new ZipGuardError('corrupt', 'empty zip');
  return entries;
}

/**
 * Inflates every entry (counting, within its declared size) and checks it is exactly that size.
 * `into(i)` gives where to write entry i's bytes (nothing kept without it).
 */
async function inflateAll(bytes: Uint8Array, entries: Entry[], into?: (i: number) => Uint8Array): Promise<void> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const [i, e] of entries.entries()) {
    const p = e.localOffset;
    if (p + 30 > bytes.length || view.getUint32(p, true) !== LOCAL_SIG) throw new ZipGuardError('corrupt', `bad local header ${e.name}`);
    const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
    if (start + e.compressed > bytes.length) throw new ZipGuardError('corrupt', `truncated ${e.name}`);
    const data = bytes.subarray(start, start + e.compressed);
    const out = into?.(i);
    let size: number;
    if (e.method === 0) {
      size = e.compressed;
      if (out && size === e.size) out.set(data);
    } else if (e.method === 8) size = await inflateEntry(data, e.size, out);
    else throw new ZipGuardError('corrupt', `compression method ${e.method}`);
    // A size that differs from the declared one is a lie (or damage): either way, refuse.
    // With every size as declared, the declared total checked above is the real total.
    if (size !== e.size) throw new ZipGuardError('corrupt', `${e.name}: ${size} ≠ declared ${e.size}`);
  }
}

/** Throws ZipGuardError unless `bytes` is an intact zip whose entries inflate within `limits`. */
export async function checkZip(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): Promise<void> {
  await inflateAll(bytes, checkedEntries(bytes, limits));
}

/** One entry as the guard inflated it; `crc` is its data's CRC-32 (the directory's, until replaced). */
export interface InflatedEntry {
  readonly name: string;
  data: Uint8Array;
  crc: number;
  /** Its central directory record in the source (dates, attributes, name bytes). */
  readonly record: number;
}

/** A checked archive, every entry inflated, in directory order. */
export interface InflatedZip {
  readonly source: Uint8Array;
  readonly entries: InflatedEntry[];
}

/** checkZip, keeping what it inflated (each entry in its own buffer). */
export async function inflateEntries(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): Promise<InflatedZip> {
  const checked = checkedEntries(bytes, limits);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = checked.map((e) => ({ name: e.name, data: new Uint8Array(e.size), crc: view.getUint32(e.record + 16, true), record: e.record }));
  await inflateAll(bytes, checked, (i) => entries[i]!.data);
  return { source: bytes, entries };
}

/** Puts `data` in place of the entry named `name` (a reader then sees it with its right CRC). */
export function replaceEntry(zip: InflatedZip, name: string, data: Uint8Array): void {
  const entry = zip.entries.find((e) => e.name === name);
  if (!entry) throw new Error(`no entry ${name}`);
  entry.data = data;
  entry.crc = crc32(data);
}

/**
 * The same entries (names, order, dates, attributes) in a new archive where each is stored, so a
 * reader copies them instead of inflating again.
 */
export function storedZip(zip: InflatedZip): Uint8Array {
  const { source: bytes, entries } = zip;
  const src = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const nameLen = (e: InflatedEntry): number => src.getUint16(e.record + 28, true);
  let size = 22;
  for (const e of entries) size += 30 + 46 + 2 * nameLen(e) + e.data.length;
  const out = new Uint8Array(size);
  const dst = new DataView(out.buffer);
  // Local header and data of each entry, in directory order; the directory after them.
  const local: number[] = [];
  let p = 0;
  for (const e of entries) {
    local.push(p);
    out.set(e.data, p + 30 + nameLen(e));
    p += 30 + nameLen(e) + e.data.length;
  }
  const directory = p;
  entries.forEach((e, i) => {
    const r = e.record;
    const n = nameLen(e);
    const name = bytes.subarray(r + 46, r + 46 + n);
    // Only the UTF-8 name flag is kept: no encryption, no data descriptor (sizes are in the header).
    const flags = src.getUint16(r + 8, true) & 0x0800;
    const time = src.getUint16(r + 12, true);
    const date = src.getUint16(r + 14, true);
    // Both headers share this run of fields (from "version needed" on): method 0, stored.
    const shared = (at: number): void => {
      dst.setUint16(at, 20, true);
      dst.setUint16(at + 2, flags, true);
      dst.setUint16(at + 4, 0, true);
      dst.setUint16(at + 6, time, true);
      dst.setUint16(at + 8, date, true);
      dst.setUint32(at + 10, e.crc, true);
      dst.setUint32(at + 14, e.data.length, true);
      dst.setUint32(at + 18, e.data.length, true);
      dst.setUint16(at + 22, n, true);
    };
    const l = local[i]!;
    dst.setUint32(l, LOCAL_SIG, true);
    shared(l + 4);
    out.set(name, l + 30);
    dst.setUint32(p, CENTRAL_SIG, true);
    dst.setUint16(p + 4, src.getUint16(r + 4, true), true);
    shared(p + 6);
    dst.setUint32(p + 38, src.getUint32(r + 38, true), true);
    dst.setUint32(p + 42, l, true);
    out.set(name, p + 46);
    p += 46 + n;
  });
  dst.setUint32(p, EOCD_SIG, true);
  dst.setUint16(p + 8, entries.length, true);
  dst.setUint16(p + 10, entries.length, true);
  dst.setUint32(p + 12, p - directory, true);
  dst.setUint32(p + 16, directory, true);
  return out;
}

/** checkZip, keeping what it inflated: the same archive with every entry stored (see storedZip). */
export async function inflateZip(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): Promise<Uint8Array> {
  return storedZip(await inflateEntries(bytes, limits));
}

let crcTable: Uint32Array | undefined;

/** CRC-32 (the zip polynomial), for an entry the importer replaced. */
function crc32(data: Uint8Array): number {
  const table = (crcTable ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  }));
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
