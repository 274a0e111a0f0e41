// Patching the formula workbook in place when a document change only adds rows (codes with their
// 类/款, per-code 审核 rules, per-项 补充资料 rows) or renames, or removes such rows again (undo
// of a paste): rows are inserted into (removed from) the existing HyperFormula sheets and only
// the cells whose content differs are written, instead of a rebuild. Plans from two layouts (old
// and new) and applies to an HF instance; the engine facade decides when. A1 positions stay inside
// this module and the layout's resolved formulas.
import type { ExportedChange, HyperFormula, RawCellContent } from 'hyperformula';
import type { WorkbookDocument } from '../model/document';
import type { LayoutCell, SheetLayout, WorkbookLayout } from '../model/layout';
import type { SheetId } from '../model/ids';
import { colName, quoteSheet } from './formula';
import { combineRowMoves, combineRowRemovals, lightRowRemovals, skipEmptyArrayScans } from './hf-row-moves';

type Inputs = WorkbookDocument['inputs'][SheetId];

/** The sheets whose cells are never inputs of the document. */
const DERIVED = new Set(['fig', 'audit', 'perf']);

/** What HyperFormula holds for a laid-out cell: a formula, the typed number, or nothing. */
export function cellContent(cell: LayoutCell, inputs: Inputs | undefined): RawCellContent {
  if (cell?.t === 'formula') return `=${cell.formula}`;
  if (cell?.t === 'input') {
    const v = inputs?.[cell.row]?.[cell.col];
    if (v === undefined) return cell.follow ? `=${cell.follow.formula}` : null;
    return Number(v);
  }
  return null;
}

/** As cellContent, a formula without its '=' (compared by the thousands: no string built). */
function bodyOf(cell: LayoutCell, inputs: Inputs | undefined): string | number | null {
  if (cell?.t === 'formula') return cell.formula;
  if (cell?.t === 'input') {
    const v = inputs?.[cell.row]?.[cell.col];
    if (v === undefined) return cell.follow ? cell.follow.formula : null;
    return Number(v);
  }
  return null;
}

/** The document's inputs of a sheet (none for derived sheets). */
export function sheetInputs(doc: WorkbookDocument, sheet: string): Inputs | undefined {
  return DERIVED.has(sheet) ? undefined : doc.inputs[sheet as SheetId];
}

interface SheetPatch {
  id: string;
  /** [old row index, number of rows] to insert before it, in the old sheet's coordinates. */
  inserts: [number, number][];
  /** [old row index, number of rows] to remove, in the old sheet's coordinates (undo of an insertion). */
  removes: [number, number][];
  writes: { r: number; c: number; content: RawCellContent }[];
}

export interface RowPatch {
  sheets: SheetPatch[];
  /** Rows inserted, removed and cells written, for the bench and tests. */
  inserted: number;
  removed: number;
  written: number;
}

/** A sheet this small that cannot be aligned by insertion is rewritten cell by cell in place. */
const SMALL_SHEET = 200;
/** Past this many cell writes a rebuild is cheaper (HF builds a cell far faster than it sets one). */
const MAX_WRITES = 6000;

/**
 * Old row → new row when the new sheet is the old one with rows removed (all new rows found in
 * order; -1 for a removed row), else null.
 */
function alignByRemoval(prev: SheetLayout, next: SheetLayout): Int32Array | null {
  const back = alignByInsertion(next, prev);
  if (!back || back.includes(-1)) return null;
  const map = new Int32Array(prev.cells.length).fill(-1);
  back.forEach((r, i) => (map[r] = i));
  return map;
}

/** Same cells by id (kind, row id, column key) in the same columns: text does not matter to HF. */
function sameIds(a: readonly LayoutCell[], b: readonly LayoutCell[]): boolean {
  if (a.length !== b.length) return false;
  for (let c = 0; c < a.length; c++) {
    const x = a[c];
    const y = b[c];
    const xi = x && x.t !== 'text' ? x : null;
    const yi = y && y.t !== 'text' ? y : null;
    if (xi === yi) continue;
    if (!xi || !yi || xi.t !== yi.t || xi.row !== yi.row || xi.col !== yi.col) return false;
  }
  return true;
}

const isEmpty = (row: readonly LayoutCell[]) => row.every((cell) => !cell || cell.t === 'text');

/**
 * Old row → new row, when the new sheet is the old one with rows inserted (old rows keep their
 * order and cells' ids); trailing empty old rows may go (a note printed only for an empty table).
 * Null when the sheets cannot be aligned that way.
 */
function alignByInsertion(prev: SheetLayout, next: SheetLayout): Int32Array | null {
  const map = new Int32Array(prev.cells.length).fill(-1);
  let j = 0;
  for (let i = 0; i < next.cells.length && j < prev.cells.length; i++) {
    if (sameIds(next.cells[i]!, prev.cells[j]!)) map[j++] = i;
  }
  for (; j < prev.cells.length; j++) if (!isEmpty(prev.cells[j]!)) return null;
  return map;
}

// A reference as the layout writes it: optional quoted sheet, column letters, row; a range's
// second end shares the first's sheet. Never inside a name (SUM, ROUND) or a number. As the
// regular expression /(?<![A-Za-z0-9_.$])(?:'((?:[^']|'')+)'!)?([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?(?![A-Za-z0-9_(])/g
// finds them, scanned by hand: a match array per reference was most of a paste's planning.

const isUpper = (ch: number) => ch >= 65 && ch <= 90;
const isDigit = (ch: number) => ch >= 48 && ch <= 57;
/** [A-Za-z0-9_] */
const isWord = (ch: number) => isUpper(ch) || isDigit(ch) || (ch >= 97 && ch <= 122) || ch === 95;

/** The last reference found by findRef (positions in the formula; -1 for a part it lacks). */
const ref = { start: 0, end: 0, sheetStart: -1, sheetEnd: -1, escaped: false, rows: [0, 0, -1, -1] };

/** Column letters (1–3 capitals) then digits at k: the index after the digits, or -1. */
function cellAt(f: string, k: number, end: 0 | 2): number {
  let p = k;
  while (p < f.length && isUpper(f.charCodeAt(p))) p++;
  if (p === k || p - k > 3 || p >= f.length || !isDigit(f.charCodeAt(p))) return -1;
  ref.rows[end] = p;
  while (p < f.length && isDigit(f.charCodeAt(p))) p++;
  ref.rows[end + 1] = p;
  return p;
}

/** A reference (or range) starting exactly at k, as the expression would match there; sets `ref`. */
function refAt(f: string, k: number): boolean {
  let p = k;
  ref.sheetStart = ref.sheetEnd = -1;
  ref.escaped = false;
  if (f.charCodeAt(p) === 39) {
    // 'name'! with '' for a quote inside.
    let q = p + 1;
    for (;;) {
      if (q >= f.length) return false;
      if (f.charCodeAt(q) === 39) {
        if (f.charCodeAt(q + 1) !== 39) break;
        ref.escaped = true;
        q += 2;
      } else q++;
    }
    if (q === p + 1 || f.charCodeAt(q + 1) !== 33) return false;
    ref.sheetStart = p + 1;
    ref.sheetEnd = q;
    p = q + 2;
  }
  p = cellAt(f, p, 0);
  if (p < 0) return false;
  ref.rows[2] = ref.rows[3] = -1;
  // A range when a second end follows and the lookahead allows it; else the single cell.
  if (f.charCodeAt(p) === 58) {
    const e = cellAt(f, p + 1, 2);
    if (e >= 0 && !(e < f.length && (isWord(f.charCodeAt(e)) || f.charCodeAt(e) === 40))) {
      ref.start = k;
      ref.end = e;
      return true;
    }
    ref.rows[2] = ref.rows[3] = -1;
  }
  if (p < f.length && (isWord(f.charCodeAt(p)) || f.charCodeAt(p) === 40)) return false;
  ref.start = k;
  ref.end = p;
  return true;
}

/** The next reference at or after k (sets `ref`), or false. */
function findRef(f: string, k: number): boolean {
  for (; k < f.length; k++) {
    if (k > 0) {
      const b = f.charCodeAt(k - 1);
      if (isWord(b) || b === 46 || b === 36) continue;
    }
    const ch = f.charCodeAt(k);
    if ((ch === 39 || isUpper(ch)) && refAt(f, k)) return true;
  }
  return false;
}

/** Every reference of a formula as [start, end, first row digits at, second's or -1] (tests hold the scan to the expression). */
export function referenceSpans(f: string): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  for (let k = 0; findRef(f, k); k = ref.end) out.push([ref.start, ref.end, ref.rows[0]!, ref.rows[2]!]);
  return out;
}

/** Whether a[i, i + n) equals b[j, j + n), without cutting either string. */
function sameRun(a: string, i: number, b: string, j: number, n: number): boolean {
  if (j + n > b.length) return false;
  for (let k = 0; k < n; k++) if (a.charCodeAt(i + k) !== b.charCodeAt(j + k)) return false;
  return true;
}

/**
 * Whether the old formula, with every row reference moved as HyperFormula moves it when rows are
 * inserted (`maps`: old row → new row per sheet; -1 for a removed row, which never matches), reads
 * exactly `now`. Compared piece by piece as the references are found: tens of thousands of
 * formulas per paste, and nearly all of them are equal, so no moved text is built.
 */
function sameWhenMoved(formula: string, own: string, maps: ReadonlyMap<string, Int32Array>, now: string): boolean {
  let i = 0; // next unmatched position in formula
  let j = 0; // the same position in now
  const ownMap = maps.get(own);
  for (let k = 0; findRef(formula, k); k = ref.end) {
    let map = ownMap;
    if (ref.sheetStart >= 0) {
      const quoted = formula.slice(ref.sheetStart, ref.sheetEnd);
      map = maps.get(ref.escaped ? quoted.replace(/''/g, "'") : quoted);
    }
    if (!map) continue;
    // The first end's row, then the second's: the literal text up to the digits, then the moved row.
    for (let end = 0; end < 4 && ref.rows[end]! >= 0; end += 2) {
      const digitsAt = ref.rows[end]!;
      const digitsEnd = ref.rows[end + 1]!;
      if (!sameRun(formula, i, now, j, digitsAt - i)) return false;
      j += digitsAt - i;
      let row = 0;
      for (let d = digitsAt; d < digitsEnd; d++) row = row * 10 + formula.charCodeAt(d) - 48;
      const n = map[row - 1];
      if (n === undefined || n < 0) return false;
      // The moved row's digits in now: no leading zero, the same number.
      let moved = 0;
      let q = j;
      if (now.charCodeAt(q) === 48) return false;
      while (q < now.length && isDigit(now.charCodeAt(q))) moved = moved * 10 + now.charCodeAt(q++) - 48;
      if (q === j || moved !== n + 1) return false;
      j = q;
      i = digitsEnd;
    }
  }
  return formula.length - i === now.length - j && sameRun(formula, i, now, j, formula.length - i);
}

/**
 * The patch that turns the formula workbook of (prevLayout, prevDoc) into that of (next, nextDoc),
 * or null when a rebuild is needed (different sheets or widths, a large sheet whose rows are not
 * the old ones plus or minus some, too many writes).
 */
export function planRowPatch(prevLayout: WorkbookLayout, prevDoc: WorkbookDocument, next: WorkbookLayout, nextDoc: WorkbookDocument): RowPatch | null {
  if (prevLayout.sheets.length !== next.sheets.length) return null;
  const plans: { prev: SheetLayout; next: SheetLayout; map: Int32Array; aligned: boolean }[] = [];
  const maps = new Map<string, Int32Array>();
  for (let k = 0; k < next.sheets.length; k++) {
    const p = prevLayout.sheets[k]!;
    const n = next.sheets[k]!;
    if (p.id !== n.id || p.width !== n.width) return null;
    let map = p.cells.length === n.cells.length ? null : p.cells.length < n.cells.length ? alignByInsertion(p, n) : alignByRemoval(p, n);
    const aligned = map !== null;
    if (!map) {
      // Same height, or a small sheet whose rows moved sideways (06's groups, 01's class column):
      // row k stays row k and differing cells are rewritten.
      if (p.cells.length !== n.cells.length && Math.max(p.cells.length, n.cells.length) > SMALL_SHEET) return null;
      map = Int32Array.from({ length: p.cells.length }, (_, r) => r);
    }
    plans.push({ prev: p, next: n, map, aligned });
    // Only sheets whose rows moved change references into them.
    if (aligned) maps.set(p.id, map);
  }
  const sheets: SheetPatch[] = [];
  let inserted = 0;
  let removed = 0;
  let written = 0;
  for (const { prev, next: n, map, aligned } of plans) {
    const prevInputs = sheetInputs(prevDoc, prev.id);
    // Whether a formula of this sheet may name a row that moved (else its text is compared as is).
    const ownMoved = maps.has(prev.id);
    const moved = [...maps.keys()].map((id) => `${quoteSheet(id)}!`);
    const movesRefs = (f: string) => ownMoved || (f.includes('!') && moved.some((m) => f.includes(m)));
    const nextInputs = sheetInputs(nextDoc, n.id);
    const from = new Int32Array(n.cells.length).fill(-1);
    map.forEach((to, r) => {
      if (to >= 0) from[to] = r;
    });
    const inserts: [number, number][] = [];
    const removes: [number, number][] = [];
    if (aligned) {
      // Runs of old rows that go.
      for (let r = 0; r < map.length; r++) {
        if (map[r]! >= 0) continue;
        const last = removes[removes.length - 1];
        if (last && last[0] + last[1] === r) last[1]++;
        else removes.push([r, 1]);
      }
      // Runs of new rows, each before the next old row that stays (or at the old end).
      let run = 0;
      let oldNext = 0;
      for (let i = 0; i < n.cells.length; i++) {
        if (from[i]! >= 0) {
          if (run) inserts.push([from[i]!, run]);
          run = 0;
          oldNext = from[i]! + 1;
        } else run++;
      }
      if (run) inserts.push([oldNext, run]);
    }
    const writes: SheetPatch['writes'] = [];
    for (let i = 0; i < n.cells.length; i++) {
      const row = n.cells[i]!;
      const r = from[i]!;
      const old = r >= 0 ? prev.cells[r] : undefined;
      for (let c = 0; c < n.width; c++) {
        const now = bodyOf(row[c] ?? null, nextInputs);
        if (old) {
          const before = bodyOf(old[c] ?? null, prevInputs);
          if (typeof before === 'string' && typeof now === 'string' && movesRefs(before) ? sameWhenMoved(before, prev.id, maps, now) : before === now) continue;
        } else if (now === null) continue;
        writes.push({ r: i, c, content: cellContent(row[c] ?? null, nextInputs) });
      }
    }
    // Old rows past the new end (a small sheet that shrank) are emptied.
    if (!aligned) {
      for (let r = n.cells.length; r < prev.cells.length; r++) {
        prev.cells[r]!.forEach((cell, c) => {
          if (cellContent(cell, prevInputs) !== null) writes.push({ r, c, content: null });
        });
      }
    }
    inserted += inserts.reduce((a, [, k]) => a + k, 0);
    removed += removes.reduce((a, [, k]) => a + k, 0);
    written += writes.length;
    if (written > MAX_WRITES) return null;
    if (inserts.length || removes.length || writes.length) sheets.push({ id: n.id, inserts, removes, writes });
  }
  return { sheets, inserted, removed, written };
}

/**
 * The writes (row by row, columns ascending, as planned) as rectangles of adjacent cells, in the
 * same order: HF writes a rectangle cell by cell as separate writes would, but pays its per-call
 * work (checks, an undo entry it then drops) once. The new rows of a sheet are mostly one block.
 */
function blocks(writes: SheetPatch['writes']): { r: number; c: number; rows: RawCellContent[][] }[] {
  const out: { r: number; c: number; rows: RawCellContent[][] }[] = [];
  let k = 0;
  while (k < writes.length) {
    // One run of adjacent cells in a row.
    const { r, c } = writes[k]!;
    const run: RawCellContent[] = [];
    while (k < writes.length && writes[k]!.r === r && writes[k]!.c === c + run.length) run.push(writes[k++]!.content);
    const last = out[out.length - 1];
    if (last && last.c === c && last.r + last.rows.length === r && last.rows[0]!.length === run.length) last.rows.push(run);
    else out.push({ r, c, rows: [run] });
  }
  return out;
}

/**
 * Applies a patch with one recalculation. `sheetNum` maps layout ids to HF sheets. Returns HF's
 * changes of that recalculation (new positions): every cell whose value it changed or wrote.
 */
export function applyRowPatch(hf: HyperFormula, patch: RowPatch, sheetNum: (id: string) => number): ExportedChange[] {
  skipEmptyArrayScans(hf);
  // Suspended evaluation, not hf.batch(): a batch gathers an undo entry whose every operation HF
  // walks again at each next operation (quadratic in the writes); with undoLimit 0 nothing is kept.
  hf.suspendEvaluation();
  let resumed = false;
  try {
    // Every sheet's rows first: a formula written before another sheet's insertion would move with it.
    // HF does nothing for rows past its effective end: they are empty, so nothing moves there.
    const version = hf.lazilyTransformingAstService.version();
    const light = lightRowRemovals(hf);
    try {
      for (const s of patch.sheets) if (s.removes.length) hf.removeRows(sheetNum(s.id), ...s.removes);
    } finally {
      light?.end();
    }
    combineRowRemovals(hf, version);
    const combined = combineRowMoves(hf);
    try {
      for (const s of patch.sheets) if (s.inserts.length) hf.addRows(sheetNum(s.id), ...s.inserts);
    } finally {
      combined?.commit();
    }
    for (const s of patch.sheets) {
      const sheet = sheetNum(s.id);
      for (const b of blocks(s.writes)) hf.setCellContents({ sheet, row: b.r, col: b.c }, b.rows);
    }
    resumed = true;
    return hf.resumeEvaluation();
  } finally {
    if (!resumed) hf.resumeEvaluation();
  }
}

/** A1 name of a cell, for messages of a failed patch check in tests. */
export const cellName = (r: number, c: number): string => `${colName(c)}${r + 1}`;
