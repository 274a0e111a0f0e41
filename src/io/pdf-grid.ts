// Page geometry → tables and lines: ruling lines that meet form a table grid; each text run lands
// in the (possibly merged) cell that contains it; text outside every grid forms lines in reading
// order. Plain geometry, no knowledge of what the tables are (the app maps them to a template).
import type { PdfPage, PdfRule, PdfText } from './pdf-read';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A cell of a table grid: its top-left elementary row/column, spans, and its text (lines joined). */
export interface GridCell {
  r: number;
  c: number;
  rs: number;
  cs: number;
  text: string;
  box: Box;
}

export interface PdfGrid {
  page: number;
  box: Box;
  rowCount: number;
  colCount: number;
  /** Row-major, each cell once (at its top-left). */
  cells: GridCell[];
}

/** A line of text outside the grids. */
export interface PdfLine {
  page: number;
  text: string;
  box: Box;
  /** Font height of the line's largest run (titles are larger). */
  size: number;
}

export interface PageLayout {
  page: number;
  width: number;
  height: number;
  grids: PdfGrid[];
  lines: PdfLine[];
}

/** Coordinates within this distance are one line position (double borders, anti-aliasing). */
const SNAP = 1.5;
/** Segments this close along their line are one segment (borders drawn cell by cell). */
const JOIN = 2.5;

interface HSeg {
  y: number;
  x0: number;
  x1: number;
}
interface VSeg {
  x: number;
  y0: number;
  y1: number;
}

export function layoutPage(page: PdfPage): PageLayout {
  const { h, v } = segments(page.rules);
  const grids: PdfGrid[] = [];
  const inGrid: boolean[] = page.texts.map(() => false);
  for (const comp of components(h, v)) {
    const grid = buildGrid(page, comp.h, comp.v, inGrid);
    if (grid) grids.push(grid);
  }
  grids.sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x);
  const free = page.texts.filter((t, i) => !inGrid[i] && t.str.trim() !== '');
  return { page: page.n, width: page.width, height: page.height, grids, lines: toLines(free, page.n) };
}

/** Horizontal and vertical segments, snapped and joined where they continue each other. */
function segments(rules: readonly PdfRule[]): { h: HSeg[]; v: VSeg[] } {
  const h: HSeg[] = [];
  const v: VSeg[] = [];
  for (const r of rules) {
    if (r.y0 === r.y1 && r.x1 - r.x0 > 1) h.push({ y: r.y0, x0: r.x0, x1: r.x1 });
    else if (r.x0 === r.x1 && r.y1 - r.y0 > 1) v.push({ x: r.x0, y0: r.y0, y1: r.y1 });
  }
  return { h: joinH(h), v: joinV(v) };
}

function snapValues(values: number[]): (x: number) => number {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  const reps: number[] = [];
  let group: number[] = [];
  const flush = () => {
    if (group.length) reps.push(group.reduce((s, x) => s + x, 0) / group.length);
    group = [];
  };
  for (const x of sorted) {
    if (group.length && x - group[group.length - 1]! > SNAP) flush();
    group.push(x);
  }
  flush();
  return (x) => {
    let best = reps[0]!;
    for (const r of reps) if (Math.abs(r - x) < Math.abs(best - x)) best = r;
    return best;
  };
}

function joinH(list: HSeg[]): HSeg[] {
  if (!list.length) return [];
  const snap = snapValues(list.map((s) => s.y));
  const byY = new Map<number, HSeg[]>();
  for (const s of list) {
    const y = snap(s.y);
    (byY.get(y) ?? byY.set(y, []).get(y)!).push({ ...s, y });
  }
  const out: HSeg[] = [];
  for (const [y, segs] of byY) {
    segs.sort((a, b) => a.x0 - b.x0);
    let cur = { ...segs[0]!, y };
    for (const s of segs.slice(1)) {
      if (s.x0 <= cur.x1 + JOIN) cur.x1 = Math.max(cur.x1, s.x1);
      else {
        out.push(cur);
        cur = { ...s, y };
      }
    }
    out.push(cur);
  }
  return out;
}

function joinV(list: VSeg[]): VSeg[] {
  return joinH(list.map((s) => ({ y: s.x, x0: s.y0, x1: s.y1 }))).map((s) => ({ x: s.y, y0: s.x0, y1: s.x1 }));
}

/** Groups of segments connected by crossings or touching ends: one group per table. */
function components(h: HSeg[], v: VSeg[]): { h: HSeg[]; v: VSeg[] }[] {
  const parent = Array.from({ length: h.length + v.length }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const union = (a: number, b: number) => {
    parent[find(a)] = find(b);
  };
  h.forEach((hs, i) =>
    v.forEach((vs, j) => {
      if (vs.x >= hs.x0 - JOIN && vs.x <= hs.x1 + JOIN && hs.y >= vs.y0 - JOIN && hs.y <= vs.y1 + JOIN) union(i, h.length + j);
    }),
  );
  const groups = new Map<number, { h: HSeg[]; v: VSeg[] }>();
  const at = (i: number) => groups.get(find(i)) ?? groups.set(find(i), { h: [], v: [] }).get(find(i))!;
  h.forEach((s, i) => at(i).h.push(s));
  v.forEach((s, j) => at(h.length + j).v.push(s));
  return [...groups.values()].filter((g) => g.h.length >= 2 && g.v.length >= 2);
}

const covers = (a0: number, a1: number, x: number) => x >= a0 - JOIN && x <= a1 + JOIN;

function buildGrid(page: PdfPage, h: HSeg[], v: VSeg[], inGrid: boolean[]): PdfGrid | null {
  const ys = distinct(h.map((s) => s.y));
  const xs = distinct(v.map((s) => s.x));
  if (ys.length < 2 || xs.length < 2) return null;
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const hasV = (x: number, y: number) => v.some((s) => Math.abs(s.x - x) <= SNAP && covers(s.y0, s.y1, y));
  const hasH = (y: number, x: number) => h.some((s) => Math.abs(s.y - y) <= SNAP && covers(s.x0, s.x1, x));
  const owner: number[][] = Array.from({ length: rows }, () => Array.from({ length: cols }, () => -1));
  const cells: GridCell[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (owner[r]![c] !== -1) continue;
      const ymid = (ys[r]! + ys[r + 1]!) / 2;
      let cs = 1;
      while (c + cs < cols && owner[r]![c + cs] === -1 && !hasV(xs[c + cs]!, ymid)) cs++;
      let rs = 1;
      const open = (rr: number) => {
        for (let k = c; k < c + cs; k++) if (owner[rr]![k] !== -1 || hasH(ys[rr]!, (xs[k]! + xs[k + 1]!) / 2)) return false;
        return true;
      };
      while (r + rs < rows && open(r + rs)) rs++;
      const id = cells.length;
      for (let rr = r; rr < r + rs; rr++) for (let k = c; k < c + cs; k++) owner[rr]![k] = id;
      cells.push({ r, c, rs, cs, text: '', box: { x: xs[c]!, y: ys[r]!, w: xs[c + cs]! - xs[c]!, h: ys[r + rs]! - ys[r]! } });
    }
  }
  const runs: PdfText[][] = cells.map(() => []);
  const x0 = xs[0]!;
  const x1 = xs[cols]!;
  const y0 = ys[0]!;
  const y1 = ys[rows]!;
  page.texts.forEach((t, i) => {
    const cy = t.y + t.h / 2;
    if (cy < y0 || cy > y1 || t.x + t.w / 2 < x0 || t.x + t.w / 2 > x1) return;
    inGrid[i] = true;
    const r = bandIndex(ys, cy);
    for (const piece of splitAcrossBorders(t, xs, (x) => hasV(x, cy))) {
      const c = bandIndex(xs, piece.x + piece.w / 2);
      runs[owner[r]![c]!]!.push(piece);
    }
  });
  cells.forEach((cell, i) => (cell.text = cellText(runs[i]!)));
  return { page: page.n, box: { x: x0, y: y0, w: x1 - x0, h: y1 - y0 }, rowCount: rows, colCount: cols, cells };
}

function distinct(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const x of sorted) if (!out.length || x - out[out.length - 1]! > SNAP) out.push(x);
  return out;
}

/** Index of the band [edges[i], edges[i+1]) holding x (clamped to the outer bands). */
function bandIndex(edges: number[], x: number): number {
  for (let i = 0; i < edges.length - 2; i++) if (x < edges[i + 1]!) return i;
  return edges.length - 2;
}

/** Rough advance of a character in ems: CJK and full-width forms are square, the rest half. */
const charWidth = (ch: string) => (/[\u2E80-\uFFEF]/.test(ch) ? 1 : 0.5);

/**
 * pdf.js may join the texts of neighbouring cells into one run ("201 06"): a run that crosses a
 * cell border is cut at its spaces, each piece placed by its estimated advance.
 */
function splitAcrossBorders(t: PdfText, xs: number[], isBorder: (x: number) => boolean): PdfText[] {
  const inner = xs.filter((x) => x > t.x + 1 && x < t.x + t.w - 1 && isBorder(x));
  if (!inner.length || !/\S\s+\S/.test(t.str)) return [t];
  const total = [...t.str].reduce((s, ch) => s + charWidth(ch), 0) || 1;
  const unit = t.w / total;
  const out: PdfText[] = [];
  let at = 0;
  for (const m of t.str.matchAll(/\S+|\s+/g)) {
    const w = [...m[0]].reduce((s, ch) => s + charWidth(ch), 0) * unit;
    if (m[0].trim()) out.push({ str: m[0], x: t.x + at, y: t.y, w, h: t.h });
    at += w;
  }
  return out;
}

/** Runs of one cell as text: lines top to bottom, wrapped lines joined (a space only between Latin words). */
function cellText(runs: PdfText[]): string {
  return linesOf(runs)
    .map((l) => l.text)
    .reduce((acc, line) => (acc && /[A-Za-z0-9]$/.test(acc) && /^[A-Za-z0-9]/.test(line) ? `${acc} ${line}` : acc + line), '')
    .trim();
}

/** Runs grouped into lines (vertical overlap), each line's runs left to right. */
function linesOf(runs: PdfText[]): { text: string; box: Box; size: number }[] {
  const sorted = runs.filter((r) => r.str !== '').sort((a, b) => a.y + a.h / 2 - (b.y + b.h / 2) || a.x - b.x);
  const lines: PdfText[][] = [];
  for (const r of sorted) {
    const mid = r.y + r.h / 2;
    const line = lines.find((l) => {
      const top = Math.min(...l.map((x) => x.y));
      const bottom = Math.max(...l.map((x) => x.y + x.h));
      return mid > top && mid < bottom && Math.abs(mid - (top + bottom) / 2) < Math.max(r.h, bottom - top) * 0.5;
    });
    if (line) line.push(r);
    else lines.push([r]);
  }
  return lines
    .map((l) => {
      l.sort((a, b) => a.x - b.x);
      let text = '';
      let end = -Infinity;
      for (const r of l) {
        // A wide gap between runs of one line is a space (cells of a table without borders, tabs).
        if (text && r.x - end > r.h * 0.9 && !/\s$/.test(text) && !/^\s/.test(r.str)) text += ' ';
        text += r.str;
        end = Math.max(end, r.x + r.w);
      }
      const x = Math.min(...l.map((r) => r.x));
      const y = Math.min(...l.map((r) => r.y));
      return { text, size: Math.max(...l.map((r) => r.h)), box: { x, y, w: Math.max(...l.map((r) => r.x + r.w)) - x, h: Math.max(...l.map((r) => r.y + r.h)) - y } };
    })
    .sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x);
}

function toLines(runs: PdfText[], page: number): PdfLine[] {
  return linesOf(runs)
    .map((l) => ({ page, text: l.text.replace(/\s+$/, ''), box: l.box, size: l.size }))
    .filter((l) => l.text.trim() !== '');
}
