// An old Excel file (.xls, BIFF8: Excel 97–2003, WPS, 久其 and LibreOffice "Excel 97" exports) as
// plain text cells, sheet by sheet, like xlsx-sheets.ts for .xlsx: enough to read a code list or a
// foreign table (shared strings, labels, numbers, RK/MULRK numbers, formula results). Formats,
// styles and formulas themselves are ignored. Older BIFF versions and encrypted files are refused
// with a Chinese message. Pure; no DOM.
import { CfbError, openCfb } from './cfb';

export class XlsReadError extends Error {
  override name = 'XlsReadError';
}

export const XLS_TEXT = {
  unreadable: '这个 .xls 文件无法读取（可能已损坏）：请在 Excel 或 WPS 中另存为 .xlsx 后导入',
  oldVersion: '这是 Excel 95 或更早版本的 .xls 文件，无法读取：请在 Excel 或 WPS 中另存为 .xlsx 后导入',
  encrypted: '这个 .xls 文件设置了打开密码，无法读取：请在 Excel 或 WPS 中取消密码或另存为 .xlsx 后导入',
} as const;

const R = {
  BOF: 0x0809,
  EOF: 0x000a,
  BOUNDSHEET: 0x0085,
  SST: 0x00fc,
  CONTINUE: 0x003c,
  LABELSST: 0x00fd,
  LABEL: 0x0204,
  NUMBER: 0x0203,
  RK: 0x027e,
  MULRK: 0x00bd,
  FORMULA: 0x0006,
  STRING: 0x0207,
  BOOLERR: 0x0205,
  FILEPASS: 0x002f,
} as const;

interface RecordRef {
  type: number;
  /** The record's data, with its CONTINUE records' data in `parts` (SST strings cross them). */
  parts: Uint8Array[];
}

/** Records from `at` until the EOF of that substream, CONTINUE records joined to their record. */
function records(stream: Uint8Array, at: number): RecordRef[] {
  const out: RecordRef[] = [];
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  while (at + 4 <= stream.length) {
    const type = view.getUint16(at, true);
    const len = view.getUint16(at + 2, true);
    const data = stream.subarray(at + 4, Math.min(stream.length, at + 4 + len));
    at += 4 + len;
    if (type === R.CONTINUE && out.length) out[out.length - 1]!.parts.push(data);
    else out.push({ type, parts: [data] });
    if (type === R.EOF) break;
  }
  return out;
}

/** Reads across a record's CONTINUE parts; strings re-read their width flag at each part's start. */
class Reader {
  private part = 0;
  private at = 0;
  constructor(private readonly parts: Uint8Array[]) {}
  private get cur(): Uint8Array {
    return this.parts[this.part]!;
  }
  private advance(): void {
    while (this.part < this.parts.length && this.at >= this.cur.length) {
      this.part++;
      this.at = 0;
    }
    if (this.part >= this.parts.length) throw new XlsReadError(XLS_TEXT.unreadable);
  }
  u8(): number {
    this.advance();
    return this.cur[this.at++]!;
  }
  u16(): number {
    return this.u8() | (this.u8() << 8);
  }
  u32(): number {
    return (this.u16() | (this.u16() << 16)) >>> 0;
  }
  skip(n: number): void {
    for (let left = n; left > 0; ) {
      this.advance();
      const step = Math.min(left, this.cur.length - this.at);
      this.at += step;
      left -= step;
    }
  }
  /** `cch` characters, 8- or 16-bit; a CONTINUE in the middle starts with a new width flag. */
  chars(cch: number, wide: boolean): string {
    let s = '';
    let w = wide;
    for (let i = 0; i < cch; i++) {
      if (this.at >= this.cur.length) {
        this.advance();
        w = (this.cur[this.at++]! & 1) === 1;
      }
      s += String.fromCharCode(w ? this.u16() : this.u8());
    }
    return s;
  }
  /** XLUnicodeRichExtendedString (SST entries) or XLUnicodeString (LABEL, STRING). */
  string(lengthBytes: 1 | 2 = 2): string {
    const cch = lengthBytes === 1 ? this.u8() : this.u16();
    const flags = this.u8();
    const runs = flags & 0x08 ? this.u16() : 0;
    const ext = flags & 0x04 ? this.u32() : 0;
    const text = this.chars(cch, (flags & 1) === 1);
    this.skip(runs * 4 + ext);
    return text;
  }
}

/** An RK number: 30 bits of a double's top or a signed integer, optionally ×1/100. */
function rk(v: number): number {
  let n: number;
  if (v & 2) n = v >> 2;
  else {
    const b = new DataView(new ArrayBuffer(8));
    b.setUint32(4, v & 0xfffffffc, true);
    n = b.getFloat64(0, true);
  }
  return v & 1 ? n / 100 : n;
}

const numberText = (n: number): string => (Number.isFinite(n) ? String(Number(n.toPrecision(15))) : '');

export interface SheetCells {
  name: string;
  rows: string[][];
}

/** Every worksheet of a BIFF8 .xls as text cells (at most `maxRows` × `maxCols` each). */
export function readXlsSheets(bytes: Uint8Array, maxRows = 20_000, maxCols = 60): SheetCells[] {
  let stream: Uint8Array | undefined;
  try {
    const cfb = openCfb(bytes);
    stream = cfb.read('Workbook');
    if (!stream && cfb.read('Book')) throw new XlsReadError(XLS_TEXT.oldVersion);
  } catch (e) {
    if (e instanceof XlsReadError) throw e;
    if (e instanceof CfbError) throw new XlsReadError(XLS_TEXT.unreadable);
    throw e;
  }
  if (!stream || stream.length < 8) throw new XlsReadError(XLS_TEXT.unreadable);
  const globals = records(stream, 0);
  const bof = globals[0];
  if (bof?.type !== R.BOF) throw new XlsReadError(XLS_TEXT.unreadable);
  if (new Reader(bof.parts).u16() !== 0x0600) throw new XlsReadError(XLS_TEXT.oldVersion);
  const sst: string[] = [];
  const sheets: { name: string; at: number }[] = [];
  for (const rec of globals) {
    if (rec.type === R.FILEPASS) throw new XlsReadError(XLS_TEXT.encrypted);
    const r = new Reader(rec.parts);
    if (rec.type === R.BOUNDSHEET) {
      const at = r.u32();
      r.u8(); // visibility
      const kind = r.u8();
      const name = r.string(1);
      if (kind === 0) sheets.push({ name, at });
    } else if (rec.type === R.SST) {
      r.u32();
      const unique = r.u32();
      for (let i = 0; i < unique; i++) sst.push(r.string());
    }
  }
  return sheets.map(({ name, at }) => {
    if (at >= stream.length) throw new XlsReadError(XLS_TEXT.unreadable);
    const rows: string[][] = [];
    const put = (row: number, col: number, text: string) => {
      if (row >= maxRows || col >= maxCols || text === '') return;
      while (rows.length <= row) rows.push([]);
      const cells = rows[row]!;
      while (cells.length < col) cells.push('');
      cells[col] = text;
    };
    let formulaAt: [number, number] | null = null;
    for (const rec of records(stream, at)) {
      const r = new Reader(rec.parts);
      switch (rec.type) {
        case R.LABELSST: {
          const row = r.u16();
          const col = r.u16();
          r.u16();
          put(row, col, sst[r.u32()] ?? '');
          break;
        }
        case R.LABEL: {
          const row = r.u16();
          const col = r.u16();
          r.u16();
          put(row, col, r.string());
          break;
        }
        case R.NUMBER:
        case R.FORMULA: {
          const row = r.u16();
          const col = r.u16();
          r.u16();
          const raw = rec.parts[0]!;
          if (raw.length < 14) break;
          const value = new DataView(raw.buffer, raw.byteOffset + 6, 8);
          // A formula's string result follows in a STRING record (0xFFFF marks a non-number result).
          if (rec.type === R.FORMULA && value.getUint16(6, true) === 0xffff) formulaAt = value.getUint8(0) === 0 ? [row, col] : null;
          else put(row, col, numberText(value.getFloat64(0, true)));
          break;
        }
        case R.STRING:
          if (formulaAt) put(formulaAt[0], formulaAt[1], r.string());
          formulaAt = null;
          break;
        case R.RK: {
          const row = r.u16();
          const col = r.u16();
          r.u16();
          put(row, col, numberText(rk(r.u32())));
          break;
        }
        case R.MULRK: {
          const row = r.u16();
          const first = r.u16();
          const count = (rec.parts[0]!.length - 6) / 6;
          for (let i = 0; i < count; i++) {
            r.u16();
            put(row, first + i, numberText(rk(r.u32())));
          }
          break;
        }
      }
    }
    const width = Math.max(0, ...rows.map((x) => x.length));
    return { name, rows: rows.map((x) => [...x, ...Array<string>(width - x.length).fill('')].map((t) => t.trim())) };
  });
}
