// 导入科目表: the Ministry's 《政府收支分类科目》 list (or any 编码/名称 list) becomes the user's
// catalogue for one year, kept for all workbooks. Reads the grid of an XLSX sheet, a CSV, or two
// pasted columns; 类/款/项 from the code length; split forms as in a pasted block. No DOM.
import type { WorkbookSession } from './session';
import { type CodeSpec } from '../engine';
import { CATALOGUES } from './templates';
import { squashName, type CodeKind } from '../model/code-catalog';
import { parseCodeBlock, splitClipboard } from './code-block';

/** One imported catalogue: a kind's codes and names for one year. Stored as is (storage owns the key). */
export interface UserCatalogue {
  kind: CodeKind;
  year: number;
  /** code → name */
  names: Record<string, string>;
  /** Where it came from (file name or 粘贴), and when (ISO). */
  source: string;
  importedAt: string;
}

export interface CodeListEntry {
  kind: CodeKind;
  code: string;
  name: string;
  line: number;
}

export interface CodeListReport {
  year: number;
  /** Codes new to the catalogue of that year. */
  added: { kind: CodeKind; code: string; name: string }[];
  /** Codes whose name changed: the catalogue's name before, the list's name now. */
  renamed: { kind: CodeKind; code: string; before: string; after: string }[];
  /** One code with two names in the list (the first is kept), or a 项 whose 款/类 the list lacks. */
  conflicts: string[];
  unchanged: number;
  /** Rows read as neither header nor code. */
  skipped: string[];
}

/** Every code row of the grid (both kinds: 2xx 功能分类, 3xx/5xx 经济分类). */
export function readCodeList(input: string | readonly (readonly unknown[])[]): { entries: CodeListEntry[]; skipped: string[] } {
  const grid = typeof input === 'string' ? splitClipboard(input) : input;
  const entries: CodeListEntry[] = [];
  const skipped: string[] = [];
  for (const kind of ['function', 'economic'] as const) {
    const block = parseCodeBlock(grid, kind);
    for (const r of block.rows) if (r.code !== 'sum' && r.name) entries.push({ kind, code: r.code, name: r.name, line: r.line });
    if (kind === 'function') skipped.push(...block.skipped);
  }
  entries.sort((a, b) => a.line - b.line);
  // A row skipped by one kind may be a code row of the other.
  const lines = new Set(entries.map((e) => e.line));
  return { entries, skipped: skipped.filter((s) => !lines.has(Number(/^第(\d+)行/.exec(s)?.[1]))) };
}

/**
 * Merges a read list into the user's catalogues of `year` (one per kind, `current` as stored),
 * against the built-in catalogue of that year. Returns what to store and the report.
 */
export function mergeCodeList(
  list: { entries: CodeListEntry[]; skipped: string[] },
  year: number,
  current: readonly UserCatalogue[],
  source: string,
  now: Date = new Date(),
): { catalogues: UserCatalogue[]; report: CodeListReport } {
  const report: CodeListReport = { year, added: [], renamed: [], conflicts: [], unchanged: 0, skipped: list.skipped };
  const out: UserCatalogue[] = [];
  for (const kind of ['function', 'economic'] as const) {
    const entries = list.entries.filter((e) => e.kind === kind);
    if (!entries.length) continue;
    const before = current.find((c) => c.kind === kind && c.year === year);
    const names: Record<string, string> = { ...(before?.names ?? {}) };
    const builtIn = kind === 'function' ? CATALOGUES.functionCatalog : CATALOGUES.economicCatalog;
    const seen = new Map<string, CodeListEntry>();
    for (const e of entries) {
      const first = seen.get(e.code);
      if (first) {
        if (squashName(first.name) !== squashName(e.name)) report.conflicts.push(`${e.code}：第${first.line}行为「${first.name}」，第${e.line}行为「${e.name}」，保留第一个`);
        continue;
      }
      seen.set(e.code, e);
      const known = names[e.code] ?? builtIn.lookup(e.code, year)?.name;
      if (known === undefined) report.added.push({ kind, code: e.code, name: e.name });
      else if (squashName(known) !== squashName(e.name)) report.renamed.push({ kind, code: e.code, before: known, after: e.name });
      else report.unchanged++;
      names[e.code] = e.name;
    }
    // A 项 without its 款 or 类 in the list or any catalogue: the list is probably cut short.
    for (const code of seen.keys()) {
      for (const parent of kind === 'function' ? [code.slice(0, 3), code.slice(0, 5)] : [code.slice(0, 3)]) {
        if (parent !== code && parent.length < code.length && !names[parent] && !builtIn.lookup(parent, year)) {
          report.conflicts.push(`${code} 的上级科目 ${parent} 不在表中，也不在目录中`);
        }
      }
    }
    out.push({ kind, year, names, source, importedAt: now.toISOString() });
  }
  return { catalogues: out, report };
}

/** Names from the user's catalogues for the workbook's unnamed codes (a batch for addCodes). */
export function namesForGaps(session: WorkbookSession, catalogues: readonly UserCatalogue[]): CodeSpec[] {
  const e = session.engine;
  const year = e.document().meta.year;
  const book = e.codes;
  const specs: CodeSpec[] = [];
  const fn = catalogues.find((c) => c.kind === 'function' && c.year === year)?.names ?? {};
  const ec = catalogues.find((c) => c.kind === 'economic' && c.year === year)?.names ?? {};
  const doc = e.document();
  const funds = Object.keys(doc.codes) as (keyof typeof doc.codes)[];
  for (const code of book.unnamed(funds)) if (fn[code]) specs.push({ code, name: fn[code] });
  for (const a of e.audit()) {
    const m = /^code-name:e(\d+)$/.exec(a.rowId);
    if (m && ec[m[1]!]) specs.push({ kind: 'economic', code: m[1]!, name: ec[m[1]!] });
  }
  return specs;
}

/** The report as Chinese lines. */
export function codeListReportLines(r: CodeListReport): string[] {
  const kindName = (k: CodeKind) => (k === 'function' ? '功能分类' : '经济分类');
  const lines = [`${r.year}年科目表：新增 ${r.added.length} 个，改名 ${r.renamed.length} 个，冲突 ${r.conflicts.length} 处，相同 ${r.unchanged} 个`];
  for (const a of r.added.slice(0, 50)) lines.push(`新增 ${kindName(a.kind)} ${a.code} ${a.name}`);
  if (r.added.length > 50) lines.push(`…另有 ${r.added.length - 50} 个新增科目`);
  for (const x of r.renamed) lines.push(`改名 ${kindName(x.kind)} ${x.code}：「${x.before}」→「${x.after}」`);
  for (const c of r.conflicts) lines.push(`冲突 ${c}`);
  for (const s of r.skipped.slice(0, 20)) lines.push(s);
  return lines;
}

// The UI reaches the catalogue stores through the app layer (ui must not import storage).
export { MemoryCatalogueStore, type CatalogueStore } from '../storage';
