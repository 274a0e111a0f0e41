// Reads the derived sheets of an exported workbook (审核, 关键数据) straight from their XML, before
// ExcelJS sees the file: the import only compares their formulas with the template's and looks for
// stray content, and 审核 is close to half of a large workbook's XML, which ExcelJS would otherwise
// turn into a full cell model. Anything this scanner does not read exactly as ExcelJS would (shared
// or array formulas, a cell without an address) makes it give up, and the sheet goes to ExcelJS.
import type { InflatedZip } from './zip-guard';

/** One cell of the file, as the import needs it. */
export interface RawCell {
  /** A1 address as the file writes it. */
  readonly address: string;
  readonly row: number;
  readonly col: number;
  /** The formula text (no '='), or '' when the cell has none. */
  readonly formula: string;
  /** True when the cell shows nothing (no value, an empty text); looked up in the shared strings once asked. */
  readonly empty: boolean;
  /** Inside a merge but not its top-left cell. */
  readonly mergedChild: boolean;
}

/** A scanned sheet: its cells by zero-based row and column. */
export interface RawSheet {
  at(row: number, col: number): RawCell | undefined;
  readonly cells: readonly RawCell[];
}

const decoder = new TextDecoder();

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text with its entities and character references resolved (what a parser hands ExcelJS). */
export function xmlText(s: string): string {
  if (!s.includes('&')) return s;
  if (!s.includes('&#')) {
    // The five named entities, &amp; last (so &amp;lt; stays &lt;).
    return s.replaceAll('&apos;', "'").replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
  }
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (m, e: string) => {
    if (e[0] !== '#') return ENTITIES[e] ?? m;
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

const ATTRS: Record<string, RegExp> = {};

/** An attribute's raw value in a tag's attribute text (one compiled pattern per name). */
function attr(attrs: string, name: string): string | undefined {
  const re = (ATTRS[name] ??= new RegExp(`(?:^|\\s)${name}="([^"]*)"`));
  return re.exec(attrs)?.[1];
}

/** Zero-based row and column of an A1 address, or null. */
function decodeAddress(a: string): { row: number; col: number } | null {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(a);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** Where each sheet of the workbook lives in the archive, by sheet name. */
export function sheetParts(zip: InflatedZip): Map<string, string> {
  const text = (name: string): string => {
    const e = zip.entries.find((x) => x.name === name);
    return e ? decoder.decode(e.data) : '';
  };
  const targets = new Map<string, string>();
  for (const m of text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = attr(m[1]!, 'Id');
    const target = attr(m[1]!, 'Target');
    // Targets are relative to xl/ (or absolute from the package root).
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const parts = new Map<string, string>();
  for (const m of text('xl/workbook.xml').matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const name = attr(m[1]!, 'name');
    const id = attr(m[1]!, 'r:id');
    const part = id ? targets.get(id) : undefined;
    if (name !== undefined && part) parts.set(xmlText(name), part);
  }
  return parts;
}

/** Per archive, which shared strings are empty: parsed once, when a stray shared-string cell first asks. */
const sharedEmpties = new WeakMap<InflatedZip, boolean[]>();

function emptySharedString(zip: InflatedZip, i: number): boolean {
  let empties = sharedEmpties.get(zip);
  if (!empties) {
    const e = zip.entries.find((x) => x.name === 'xl/sharedStrings.xml');
    const xml = e ? decoder.decode(e.data) : '';
    empties = [...xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => textRuns(m[1] ?? '') === '');
    sharedEmpties.set(zip, empties);
  }
  return empties[i] ?? true;
}

/** The text of <t> runs (an inline string, a shared string). */
function textRuns(xml: string): string {
  let out = '';
  for (const m of xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) out += m[1];
  return out;
}

function rawCell(address: string, row: number, col: number, formula: string, empty: boolean | (() => boolean), mergedChild: boolean): RawCell {
  if (typeof empty === 'boolean') return { address, row, col, formula, empty, mergedChild };
  let known: boolean | undefined;
  return {
    address,
    row,
    col,
    formula,
    mergedChild,
    get empty() {
      return (known ??= empty());
    },
  };
}

/** The text between `<tag…>` and `</tag>` at or after `from`, its attribute text; null without it. */
function element(xml: string, tag: string, from = 0): { attrs: string; text: string; end: number } | null {
  const open = `<${tag}`;
  for (let p = xml.indexOf(open, from); p >= 0; p = xml.indexOf(open, p + open.length)) {
    const next = xml.charCodeAt(p + open.length);
    // <c but not <cols or <cfRule: the name ends at a space, '/' or '>'.
    if (next !== 0x20 && next !== 0x2f && next !== 0x3e && next !== 0x09 && next !== 0x0a && next !== 0x0d) continue;
    const gt = xml.indexOf('>', p);
    if (gt < 0) return null;
    if (xml.charCodeAt(gt - 1) === 0x2f) return { attrs: xml.slice(p + open.length, gt - 1), text: '', end: gt + 1 };
    const close = xml.indexOf(`</${tag}>`, gt);
    if (close < 0) return null;
    return { attrs: xml.slice(p + open.length, gt), text: xml.slice(gt + 1, close), end: close + tag.length + 3 };
  }
  return null;
}

/** Cells one merge may cover before the scanner gives up (a derived sheet's merges are a few cells). */
const MAX_MERGED_CELLS = 10_000;

/**
 * The cells of a worksheet part, or null where the sheet holds something only ExcelJS reads right
 * (a shared or array formula, a cell without an address, an unclosed tag).
 */
export function scanSheet(zip: InflatedZip, part: string): RawSheet | null {
  const entry = zip.entries.find((e) => e.name === part);
  if (!entry) return null;
  const xml = decoder.decode(entry.data);
  const merged = new Set<string>();
  for (const m of xml.matchAll(/<mergeCell\b[^>]*?ref="([A-Z]+\d+):([A-Z]+\d+)"/g)) {
    const a = decodeAddress(m[1]!);
    const b = decodeAddress(m[2]!);
    // A merge over a whole sheet is no 审核 layout: leave it to ExcelJS (and its own limits).
    if (!a || !b || (b.row - a.row + 1) * (b.col - a.col + 1) > MAX_MERGED_CELLS) return null;
    for (let r = a.row; r <= b.row; r++) for (let c = a.col; c <= b.col; c++) if (r !== a.row || c !== a.col) merged.add(`${r},${c}`);
  }
  const cells: RawCell[] = [];
  const byRow = new Map<number, Map<number, RawCell>>();
  const start = xml.indexOf('<sheetData');
  const stop = xml.indexOf('</sheetData>');
  for (let at = start; at >= 0; ) {
    const c = element(xml, 'c', at);
    if (!c || (stop >= 0 && c.end > stop)) {
      // A <c> the walk could not close is damage or something this scanner does not know.
      const open = xml.indexOf('<c ', at);
      if (open >= 0 && open < stop) return null;
      break;
    }
    at = c.end;
    const address = attr(c.attrs, 'r');
    const pos = address ? decodeAddress(address) : null;
    if (!address || !pos) return null;
    const f = c.text ? element(c.text, 'f') : null;
    // Shared and array formulas: ExcelJS translates them per cell; leave those sheets to it.
    if (f && /(?:^|\s)(?:t|ref|si)="/.test(f.attrs) && attr(f.attrs, 't') !== 'normal') return null;
    const formula = f ? xmlText(f.text) : '';
    const t = attr(c.attrs, 't');
    const v = c.text ? element(c.text, 'v')?.text : undefined;
    let empty: boolean | (() => boolean);
    if (t === 'inlineStr') empty = textRuns(c.text) === '';
    else if (v === undefined || v === '') empty = true;
    else if (t === 's' && !formula) empty = () => emptySharedString(zip, Number(v));
    // ExcelJS keeps a formula's result only when truthy: a result of 0 or FALSE reads as none.
    else if (formula && (t === undefined || t === 'n' || t === 'b')) empty = Number(v) === 0;
    else empty = false;
    const cell = rawCell(address, pos.row, pos.col, formula, empty, merged.has(`${pos.row},${pos.col}`));
    cells.push(cell);
    let row = byRow.get(pos.row);
    if (!row) byRow.set(pos.row, (row = new Map()));
    row.set(pos.col, cell);
  }
  return { cells, at: (r, c) => byRow.get(r)?.get(c) };
}

/** A worksheet with no cells: what ExcelJS is given in place of a sheet read here. */
export const EMPTY_SHEET_XML = new TextEncoder().encode(
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>',
);
