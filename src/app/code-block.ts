// Reads a block of classification rows (copied from Excel, WPS or a 久其 export, or a sheet of a
// foreign XLSX): 编码, 名称 and amounts per row, in any of the forms staff meet. No DOM, no engine:
// text or cells in, typed rows out. src/app/paste-codes.ts turns them into one workbook step.
//   功能分类: 2080505 · 208 05 05 · 208.05.05 · 类/款/项 in three columns (208 | 05 | 05) ·
//             "2080505 机关事业单位…" in one cell · 合计 rows
//   经济分类: 30101 · 301 01 · 类/款 in two columns · 06表's three side-by-side groups

export type BlockKind = 'function' | 'economic';

export interface BlockRow {
  /** 1-based row of the block, for messages. */
  line: number;
  /** Normalized code (3/5/7 digits), or 'sum' for a 合计 row. */
  code: string;
  name: string;
  /** Amount cells after the name, as text ('' when blank), in block column order. */
  values: string[];
  /** Block column index of each value (to map by header). */
  columns: number[];
}

export interface ParsedBlock {
  rows: BlockRow[];
  /** Header texts per block column (joined over all header rows), '' when none. */
  header: string[];
  /** Rows that were neither a header nor a code row, with why (Chinese). */
  skipped: string[];
}

const AMOUNT = /^[-−(（]?[\d,，]*\.?\d*[)）]?$/;
/** A figure as staff type or copy it ('' and dashes for blank). */
export const isAmountText = (s: string): boolean => s === '' || s === '-' || s === '—' || (AMOUNT.test(s) && /\d/.test(s));
const squash = (s: string): string => s.replace(/[\s\u3000]+/g, '');
const TOTAL = /^(合计|总计|本年支出合计|本年收入合计|支出合计|收入合计)$/;

/** Splits clipboard text (TSV, as Excel/WPS copy it; CSV when no tab) into cells, honouring quotes. */
export function splitClipboard(text: string): string[][] {
  const sep = text.includes('\t') ? '\t' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === sep) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** A code written whole or with separators: '208 05 05', '208.05.05', '208-05-05' → '2080505'. */
export function normalizeCode(raw: string, kind: BlockKind): string | null {
  const s = raw.trim().replace(/^[[【]|[\]】]$/g, '');
  if (!/^\d[\d\s.\-_]*\d$|^\d{3}$/.test(s)) return null;
  const parts = s.split(/[\s.\-_]+/).filter(Boolean);
  if (parts.length > 1 && !(parts[0]!.length === 3 && parts.slice(1).every((p) => p.length === 2))) return null;
  const code = parts.join('');
  const ok = kind === 'function' ? /^\d{3}(\d{2}){0,2}$/.test(code) : /^\d{3}(\d{2})?$/.test(code);
  if (!ok) return null;
  // 功能分类 classes are 2xx; 经济分类 classes are 3xx (5xx for the 政府预算 list).
  if (kind === 'function' && !/^2/.test(code)) return null;
  if (kind === 'economic' && !/^[35]/.test(code)) return null;
  return code;
}

/** "2080505 机关事业单位…" or "2080505机关…" in one cell. */
function codeWithName(raw: string, kind: BlockKind): { code: string; name: string } | null {
  const m = /^\s*[[【]?(\d{3}(?:[\s.]?\d{2}){0,2})[\]】]?\s*([^\d\s].*)$/.exec(raw);
  if (!m) return null;
  const code = normalizeCode(m[1]!, kind);
  return code ? { code, name: m[2]!.trim() } : null;
}

const cellText = (x: unknown): string => (x === null || x === undefined ? '' : String(x).trim());

/**
 * Finds the code at column `c`: whole, split over 类/款/项 columns, or with its name in the cell.
 * Returns the code, its name if the cell held one, and the next column to read.
 */
function readCode(cells: string[], c: number, kind: BlockKind, prev: string[]): { code: string; name?: string; next: number } | null {
  const first = cells[c] ?? '';
  const withName = codeWithName(first, kind);
  if (withName && withName.name && !isAmountText(withName.name)) return { code: withName.code, name: withName.name, next: c + 1 };
  // Split form: 类 | 款 | 项 in their own columns, then the name. 久其 leaves the parent parts
  // blank on child rows: they come from the rows above.
  const depth = kind === 'function' ? 3 : 2;
  const parts = cells.slice(c, c + depth);
  const after = cells[c + depth] ?? '';
  const shape =
    parts.length === depth &&
    (parts[0] === '' || /^\d{3}$/.test(parts[0]!)) &&
    parts.slice(1).every((p) => p === '' || /^\d{2}$/.test(p)) &&
    parts.some((p) => p !== '') &&
    after !== '' &&
    !isAmountText(after);
  if (shape) {
    const last = parts.reduce((k, p, i) => (p !== '' ? i : k), -1);
    const filled = parts.slice(0, last + 1).map((p, i) => p || prev[i] || '');
    const code = filled.every(Boolean) ? normalizeCode(filled.join(' '), kind) : null;
    if (code) return { code, next: c + depth };
  }
  const code = normalizeCode(first, kind);
  return code ? { code, next: c + 1 } : null;
}

/** One row's groups of (code, name, values); economic rows may hold up to three groups side by side. */
function readRow(cells: string[], kind: BlockKind, prevSplit: string[], nameCols: ReadonlySet<number>): { code: string; name: string; values: string[]; columns: number[] }[] {
  const out: { code: string; name: string; values: string[]; columns: number[] }[] = [];
  let c = 0;
  while (c < cells.length) {
    const text = cells[c] ?? '';
    if (TOTAL.test(squash(text))) {
      const values: string[] = [];
      const columns: number[] = [];
      let j = c + 1;
      while (j < cells.length && (cells[j] === '' || !isAmountText(cells[j]!)) && !normalizeCode(cells[j]!, kind)) j++;
      for (; j < cells.length && isAmountText(cells[j]!); j++) {
        values.push(cells[j]!);
        columns.push(j);
      }
      out.push({ code: 'sum', name: squash(text), values, columns });
      c = j;
      continue;
    }
    const found = readCode(cells, c, kind, prevSplit);
    if (!found) {
      c++;
      continue;
    }
    let j = found.next;
    let name = found.name ?? '';
    // The header's 名称 column is the name even when blank (codes pasted without names).
    if (!name && nameCols.has(j)) name = cells[j++] ?? '';
    else if (!name && j < cells.length && cells[j] !== '' && !isAmountText(cells[j]!)) name = cells[j++]!;
    else if (!name && j < cells.length && cells[j] === '' && cells[j + 1] && !isAmountText(cells[j + 1]!)) j++;
    const values: string[] = [];
    const columns: number[] = [];
    while (j < cells.length) {
      const v = cells[j]!;
      // Economic groups side by side: the next code starts the next group.
      if (kind === 'economic' && v !== '' && normalizeCode(v, kind) && values.length) break;
      // Text where a figure belongs (after the row's first figure, or before a later one) stays a
      // value: its column holds, and the workbook refuses it with a message. Only text with no
      // figure on either side (a note column) ends the row.
      if (!isAmountText(v) && !values.length && !cells.slice(j + 1).some((x) => x !== '' && isAmountText(x))) break;
      values.push(v);
      columns.push(j);
      j++;
    }
    out.push({ code: found.code, name: name.replace(/^[\s\u3000]+/, '').trim(), values, columns });
    c = j;
  }
  return out;
}

/** Parses a pasted block or a sheet's cells. Header rows (no code) give the column words. */
export function parseCodeBlock(input: string | readonly (readonly unknown[])[], kind: BlockKind): ParsedBlock {
  const grid = (typeof input === 'string' ? splitClipboard(input) : input).map((r) => r.map(cellText));
  const width = Math.max(0, ...grid.map((r) => r.length));
  const header = Array.from({ length: width }, () => '');
  const rows: BlockRow[] = [];
  const skipped: string[] = [];
  let prevSplit: string[] = [];
  let seenData = false;
  grid.forEach((cells, i) => {
    if (cells.every((x) => x === '')) return;
    const first = squash(cells.find((x) => x !== '') ?? '');
    if (/^栏\s*次$/.test(first)) return;
    // Before the first code row, a row without any figure is a header: its words name the columns.
    if (!seenData && !cells.some((x) => x !== '' && isAmountText(x)) && !cells.some((x) => normalizeCode(x, kind))) {
      cells.forEach((x, c) => {
        const t = squash(x);
        if (t) header[c] = header[c] ? `${header[c]}/${t}` : t;
      });
      return;
    }
    const nameCols = new Set(header.flatMap((h, c) => (/名称/.test(h) && !/编码|代码/.test(h) ? [c] : [])));
    const groups = readRow(cells, kind, prevSplit, nameCols);
    if (!groups.length) {
      if (!/^(注|说明|单位|部门|编制)/.test(first)) {
        skipped.push(`第${i + 1}行「${cells.filter(Boolean).join(' ').slice(0, 30)}」不是科目行，已跳过`);
      }
      return;
    }
    seenData = true;
    const depth = kind === 'function' ? 3 : 2;
    const head = cells.slice(0, depth);
    if (head.length === depth && head.every((p, k) => p === '' || (k === 0 ? /^\d{3}$/.test(p) : /^\d{2}$/.test(p)))) {
      const last = head.reduce((k, p, j) => (p !== '' ? j : k), -1);
      prevSplit = head.map((p, k) => (k <= last ? p || prevSplit[k] || '' : ''));
    }
    for (const g of groups) rows.push({ line: i + 1, ...g });
  });
  return { rows, header, skipped };
}
