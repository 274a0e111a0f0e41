// Resolves template placeholders ({sheet:row:col}, {row:col}, {col}, {?…}, {@classes:col})
// into A1 formulas with quoted ASCII sheet ids. A1 exists only inside the engine and XLSX writer.
import type { Position } from '../model/layout';

export type { Position };

export class TemplateError extends Error {
  override name = 'TemplateError';
}


export interface ResolveContext {
  sheet: string;
  /** Same-row lookups for {col}. */
  row?: string;
  /** Position lookup: sheet → `${row}|${col}` → position. */
  index: ReadonlyMap<string, ReadonlyMap<string, Position>>;
  /** {@classes:col} → A1 range of this side's class rows for that column. */
  classRange?: (col: string) => string | null;
  /**
   * 审查: the figure a published document prints in a computed cell, as an amount string; a
   * placeholder of such a cell resolves to that figure, so rules between tables compare the
   * tables as printed (the printed-figure findings compare each with its recomputation).
   */
  printed?: (sheet: string, row: string, col: string) => string | undefined;
}

export function colName(c: number): string {
  let s = '';
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

// Layouts name the same few columns tens of thousands of times.
const COL_NAMES: string[] = [];
const colNameOf = (c: number): string => (COL_NAMES[c] ??= colName(c));

export function a1(p: Position): string {
  return `${colNameOf(p.c)}${p.r + 1}`;
}

const QUOTED = new Map<string, string>();
export function quoteSheet(sheet: string): string {
  let q = QUOTED.get(sheet);
  if (q === undefined) QUOTED.set(sheet, (q = `'${sheet.replace(/'/g, "''")}'`));
  return q;
}

const PLACEHOLDER = /\{([^{}]+)\}/g;

/** One placeholder of a formula text, parsed once (see parsedFormula). */
interface Placeholder {
  inner: string;
  /** {@classes:col}: the column key; undefined otherwise. */
  classes?: string;
  optional: boolean;
  sheet?: string;
  row?: string;
  col: string;
  /** `${row}|${col}` when the placeholder names its row. */
  key?: string;
}

/** Literal text and placeholders, alternating (literals at even indices). */
type Parsed = (string | Placeholder)[];

// Formula texts repeat across builds of a workbook (a paste lays out the same per-code texts
// again): each is parsed once. Bounded so that a long session cannot grow it without end.
const PARSED = new Map<string, Parsed>();
const PARSED_MAX = 100_000;

function parsedFormula(text: string): Parsed {
  let out = PARSED.get(text);
  if (out) return out;
  out = [];
  let at = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    out.push(text.slice(at, m.index));
    at = m.index + m[0].length;
    const inner = m[1]!;
    if (inner.startsWith('@classes:')) {
      out.push({ inner, classes: inner.slice(9), optional: false, col: '' });
      continue;
    }
    const optional = inner.startsWith('?');
    const parts = (optional ? inner.slice(1) : inner).split(':');
    // {sheet:row:col}, {row:col}, else {col}.
    const named = parts.length === 3 || parts.length === 2;
    const ph: Placeholder = { inner, optional, col: named ? parts[parts.length - 1]! : parts[0]! };
    if (parts.length === 3) ph.sheet = parts[0]!;
    if (named) {
      ph.row = parts[parts.length - 2]!;
      ph.key = `${ph.row}|${ph.col}`;
    }
    out.push(ph);
  }
  out.push(text.slice(at));
  if (PARSED.size >= PARSED_MAX) PARSED.clear();
  PARSED.set(text, out);
  return out;
}

/** Returns the formula body (no leading '='). */
export function resolveFormula(text: string, ctx: ResolveContext): string {
  const parsed = parsedFormula(text);
  if (parsed.length === 1) return text;
  let out = parsed[0] as string;
  for (let i = 1; i < parsed.length; i += 2) {
    out += resolvePlaceholder(parsed[i] as Placeholder, ctx) + (parsed[i + 1] as string);
  }
  return out;
}

function resolvePlaceholder(ph: Placeholder, ctx: ResolveContext): string {
  if (ph.classes !== undefined) {
    const range = ctx.classRange?.(ph.classes);
    if (range === undefined) throw new TemplateError(`{@classes} outside a two-sided table in ${ctx.sheet}`);
    return range === null ? '0' : `SUM(${range})`;
  }
  const sheet = ph.sheet ?? ctx.sheet;
  const row = ph.row ?? ctx.row;
  if (row === undefined) throw new TemplateError(`{${ph.inner}} needs a row in ${ctx.sheet}`);
  const pos = ctx.index.get(sheet)?.get(ph.key ?? `${row}|${ph.col}`);
  if (!pos) {
    if (ph.optional) return '0';
    throw new TemplateError(`Unknown cell {${ph.inner}} referenced from ${ctx.sheet}`);
  }
  const asPrinted = ctx.printed?.(sheet, row, ph.col);
  if (asPrinted !== undefined) return `(${asPrinted})`;
  return sheet === ctx.sheet ? a1(pos) : `${quoteSheet(sheet)}!${a1(pos)}`;
}

/** The stable cell ids a placeholder formula names (for audit messages and "jump to cell"). */
export function referencedCells(text: string, sheet: string, row?: string): { sheet: string; row: string; col: string }[] {
  const out: { sheet: string; row: string; col: string }[] = [];
  const parsed = parsedFormula(text);
  for (let i = 1; i < parsed.length; i += 2) {
    const ph = parsed[i] as Placeholder;
    if ((ph.optional ? ph.inner.slice(1) : ph.inner).startsWith('@')) continue;
    if (ph.row !== undefined) out.push({ sheet: ph.sheet ?? sheet, row: ph.row, col: ph.col });
    else if (row !== undefined) out.push({ sheet, row, col: ph.col });
  }
  return out;
}

const TOKENS = new Map<string, string[]>();

/** Replaces {code}/{class}/{name} tokens in per-code expansions (values are not scanned again). */
export function substitute(text: string, vars: Record<string, string>): string {
  // Split once per text: literals at even indices, token names at odd ones.
  let parts = TOKENS.get(text);
  if (!parts) {
    parts = text.split(/\{(code|class|name)\}/);
    if (TOKENS.size >= PARSED_MAX) TOKENS.clear();
    TOKENS.set(text, parts);
  }
  if (parts.length === 1) return text;
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) out += (vars[parts[i]!] ?? `{${parts[i]!}}`) + parts[i + 1]!;
  return out;
}
