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

export function a1(p: Position): string {
  return `${colName(p.c)}${p.r + 1}`;
}

export function quoteSheet(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

const PLACEHOLDER = /\{([^{}]+)\}/g;

/** Returns the formula body (no leading '='). */
export function resolveFormula(text: string, ctx: ResolveContext): string {
  return text.replace(PLACEHOLDER, (_m, inner: string) => {
    if (inner.startsWith('@classes:')) {
      const range = ctx.classRange?.(inner.slice(9));
      if (range === undefined) throw new TemplateError(`{@classes} outside a two-sided table in ${ctx.sheet}`);
      return range === null ? '0' : `SUM(${range})`;
    }
    const optional = inner.startsWith('?');
    const parts = (optional ? inner.slice(1) : inner).split(':');
    let sheet = ctx.sheet;
    let row = ctx.row;
    let col: string;
    if (parts.length === 3) [sheet, row, col] = parts as [string, string, string];
    else if (parts.length === 2) [row, col] = parts as [string, string];
    else col = parts[0] as string;
    if (row === undefined) throw new TemplateError(`{${inner}} needs a row in ${ctx.sheet}`);
    const pos = ctx.index.get(sheet)?.get(`${row}|${col}`);
    if (!pos) {
      if (optional) return '0';
      throw new TemplateError(`Unknown cell {${inner}} referenced from ${ctx.sheet}`);
    }
    const asPrinted = ctx.printed?.(sheet, row, col);
    if (asPrinted !== undefined) return `(${asPrinted})`;
    return sheet === ctx.sheet ? a1(pos) : `${quoteSheet(sheet)}!${a1(pos)}`;
  });
}

/** The stable cell ids a placeholder formula names (for audit messages and "jump to cell"). */
export function referencedCells(text: string, sheet: string, row?: string): { sheet: string; row: string; col: string }[] {
  const out: { sheet: string; row: string; col: string }[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) {
    const inner = (m[1] ?? '').replace(/^\?/, '');
    if (inner.startsWith('@')) continue;
    const parts = inner.split(':');
    if (parts.length === 3) out.push({ sheet: parts[0]!, row: parts[1]!, col: parts[2]! });
    else if (parts.length === 2) out.push({ sheet, row: parts[0]!, col: parts[1]! });
    else if (row !== undefined) out.push({ sheet, row, col: parts[0]! });
  }
  return out;
}

/** Replaces {code}/{class}/{name} tokens in per-code expansions. */
export function substitute(text: string, vars: Record<string, string>): string {
  return text.replace(/\{(code|class|name)\}/g, (m, k: string) => vars[k] ?? m);
}
