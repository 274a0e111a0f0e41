// Checks an .xlsx (a zip) before ExcelJS inflates it: the central directory must be intact, and
// the entries must not inflate beyond sane limits. Declared sizes can lie, so every entry is also
// inflated here in small slices, counting bytes and stopping at the first excess (zip bomb).
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
    });
    p += 46 + nameLen + u16(p + 30) + u16(p + 32);
  }
  if (p !== eocd) throw corrupt('central directory overruns the end record');
  return { entries, counted: count === u16(eocd + 8) ? count : -1 };
}

/** Inflates one entry's data in slices, counting; throws as soon as `budget` is exceeded. */
async function inflatedSize(data: Uint8Array, budget: number): Promise<number> {
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
      total += value.length;
      if (total > budget) {
        await reader.cancel().catch(() => undefined);
        throw new ZipGuardError('bomb', 'entry inflates beyond its budget');
      }
    }
  } catch (e) {
    if (e instanceof ZipGuardError) throw e;
    throw new ZipGuardError('corrupt', `inflate failed: ${String(e)}`);
  }
}

/** Throws ZipGuardError unless `bytes` is an intact zip whose entries inflate within `limits`. */
export async function checkZip(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): Promise<void> {
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

  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const e of entries) {
    const p = e.localOffset;
    if (p + 30 > bytes.length || view.getUint32(p, true) !== LOCAL_SIG) throw new ZipGuardError('corrupt', `bad local header ${e.name}`);
    const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
    if (start + e.compressed > bytes.length) throw new ZipGuardError('corrupt', `truncated ${e.name}`);
    const data = bytes.subarray(start, start + e.compressed);
    let size: number;
    if (e.method === 0) size = e.compressed;
    else if (e.method === 8) size = await inflatedSize(data, e.size);
    else throw new ZipGuardError('corrupt', `compression method ${e.method}`);
    // A size that differs from the declared one is a lie (or damage): either way, refuse.
    // With every size as declared, the declared total checked above is the real total.
    if (size !== e.size) throw new ZipGuardError('corrupt', `${e.name}: ${size} ≠ declared ${e.size}`);
  }
}
