// Reads one stream out of a Compound File Binary container ([MS-CFB]: what an .xls is): header,
// sector allocation table (with its DIFAT chain), directory, and the mini stream for small streams.
// Only reading, only what an .xls needs; every chain is bounded so a crafted file cannot loop or
// reach outside the bytes. Pure; no DOM.

export class CfbError extends Error {
  override name = 'CfbError';
}

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const NO_STREAM = 0xffffffff;

export function isCfb(bytes: Uint8Array): boolean {
  return SIGNATURE.every((b, i) => bytes[i] === b);
}

interface Entry {
  name: string;
  type: number;
  start: number;
  size: number;
}

/** The container's streams by name; `read(name)` gives one stream's bytes (names compared case-blind). */
export function openCfb(bytes: Uint8Array): { names: string[]; read: (name: string) => Uint8Array | undefined } {
  if (bytes.byteLength < 512 || !isCfb(bytes)) throw new CfbError('not a compound file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => view.getUint32(at, true);
  const shift = view.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) throw new CfbError('sector size');
  const sectorSize = 1 << shift;
  const miniShift = view.getUint16(0x20, true);
  if (miniShift !== 6) throw new CfbError('mini sector size');
  const sectors = Math.ceil(bytes.byteLength / sectorSize) - 1;
  const sectorAt = (n: number): number => {
    // The last sector may be cut short in the file: it is read as far as it goes.
    if (n >= sectors) throw new CfbError('sector out of file');
    return (n + 1) * sectorSize;
  };
  const perSector = sectorSize / 4;

  // The FAT's own sectors: 109 in the header, the rest along the DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = u32(0x4c + i * 4);
    if (s !== FREE && s !== END_OF_CHAIN) fatSectors.push(s);
  }
  let difat = u32(0x44);
  for (let steps = 0; difat !== END_OF_CHAIN && difat !== FREE; steps++) {
    if (steps > sectors) throw new CfbError('DIFAT loop');
    const at = sectorAt(difat);
    for (let i = 0; i < perSector - 1; i++) {
      const s = u32(at + i * 4);
      if (s !== FREE && s !== END_OF_CHAIN) fatSectors.push(s);
    }
    difat = u32(at + sectorSize - 4);
  }
  if (fatSectors.length > sectors) throw new CfbError('FAT larger than the file');
  const fat = new Uint32Array(fatSectors.length * perSector);
  fatSectors.forEach((s, k) => {
    const at = sectorAt(s);
    for (let i = 0; i < perSector; i++) fat[k * perSector + i] = u32(at + i * 4);
  });

  /** A chain of sectors as one buffer, cut to `size` when given; bounded by the table's length. */
  const chain = (start: number, next: Uint32Array, unit: number, at: (n: number) => number, size?: number, source: Uint8Array = bytes): Uint8Array => {
    const parts: number[] = [];
    for (let s = start; s !== END_OF_CHAIN; s = next[s]!) {
      if (s >= next.length || parts.length > next.length) throw new CfbError('broken chain');
      parts.push(s);
      if (size !== undefined && parts.length * unit >= size) break;
    }
    const out = new Uint8Array(parts.length * unit);
    parts.forEach((s, i) => out.set(source.subarray(at(s), at(s) + unit), i * unit));
    if (size !== undefined && size > out.length) throw new CfbError('stream shorter than its size');
    return size === undefined ? out : out.subarray(0, size);
  };

  const dir = chain(u32(0x30), fat, sectorSize, sectorAt);
  const dv = new DataView(dir.buffer, dir.byteOffset, dir.byteLength);
  const entries: Entry[] = [];
  for (let at = 0; at + 128 <= dir.length; at += 128) {
    const len = Math.min(dv.getUint16(at + 0x40, true), 64);
    let name = '';
    for (let i = 0; i + 2 < len; i += 2) name += String.fromCharCode(dv.getUint16(at + i, true));
    entries.push({ name, type: dir[at + 0x42]!, start: dv.getUint32(at + 0x74, true), size: dv.getUint32(at + 0x78, true) });
  }
  const root = entries[0];
  if (!root || root.type !== 5) throw new CfbError('no root entry');
  const cutoff = u32(0x38);
  let mini: { stream: Uint8Array; fat: Uint32Array } | undefined;
  const miniParts = () => {
    if (mini) return mini;
    const stream = root.start === END_OF_CHAIN || root.start === NO_STREAM ? new Uint8Array(0) : chain(root.start, fat, sectorSize, sectorAt, root.size);
    const first = u32(0x3c);
    const table = first === END_OF_CHAIN || first === FREE ? new Uint8Array(0) : chain(first, fat, sectorSize, sectorAt);
    const tv = new DataView(table.buffer, table.byteOffset, table.byteLength);
    const miniFat = new Uint32Array(table.length / 4);
    for (let i = 0; i < miniFat.length; i++) miniFat[i] = tv.getUint32(i * 4, true);
    return (mini = { stream, fat: miniFat });
  };
  const streams = entries.filter((e) => e.type === 2);
  return {
    names: streams.map((e) => e.name),
    read(name) {
      const e = streams.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!e) return undefined;
      if (e.size > bytes.byteLength) throw new CfbError('stream larger than the file');
      if (e.size === 0) return new Uint8Array(0);
      if (e.size >= cutoff) return chain(e.start, fat, sectorSize, sectorAt, e.size);
      const m = miniParts();
      const miniAt = (n: number) => {
        if ((n + 1) * 64 > m.stream.length) throw new CfbError('mini sector out of stream');
        return n * 64;
      };
      return chain(e.start, m.fat, 64, miniAt, e.size, m.stream);
    },
  };
}
