// Year-aware code catalogues: which name a 功能分类 / 经济分类 code has in a given year, from
// which sources and with what confidence. Pure data structure; the data lives in sheets/catalog.
// Small on purpose (lookup by code and year): any template can plug it in.

export type CodeKind = 'function' | 'economic';
export type Confidence = 'high' | 'medium' | 'low';

/** Years the built-in catalogues cover. A year outside is looked up at the nearest end. */
export const CATALOG_YEARS = { from: 2021, to: 2025 } as const;

/** One name a code carries over a span of years. */
export interface CatalogName {
  name: string;
  from: number;
  to: number;
  sources: string[];
  confidence: Confidence;
}

export interface CatalogEntry {
  code: string;
  level: 1 | 2 | 3;
  parent?: string;
  names: CatalogName[];
}

/** What a lookup returns: the name valid that year (or the nearest year's, `confirmed` false). */
export interface CodeInfo {
  code: string;
  level: 1 | 2 | 3;
  name: string;
  confidence: Confidence;
  sources: string[];
  /** False when no source shows the code in that year (the name is the nearest year's). */
  confirmed: boolean;
  /** Every other name the code has had (older names of renamed classes, print wordings). */
  synonyms: string[];
}

const RANK: Record<Confidence, number> = { high: 3, medium: 2, low: 1 };

export const toConfidence = (s: string | undefined): Confidence => (s === 'high' || s === 'low' ? s : 'medium');

export class CodeCatalog {
  private readonly byCode: Map<string, CatalogEntry>;

  constructor(
    readonly kind: CodeKind,
    entries: Iterable<CatalogEntry>,
  ) {
    this.byCode = new Map([...entries].map((e) => [e.code, e]));
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  /** The code's name in `year`; undefined when no source knows the code. */
  lookup(code: string, year: number): CodeInfo | undefined {
    const e = this.byCode.get(code);
    if (!e || !e.names.length) return undefined;
    const y = Math.min(Math.max(year, CATALOG_YEARS.from), CATALOG_YEARS.to);
    const valid = e.names.filter((n) => n.from <= y && y <= n.to);
    const distance = (n: CatalogName) => (y < n.from ? n.from - y : y - n.to);
    const pool = valid.length ? valid : [...e.names].sort((a, b) => distance(a) - distance(b)).slice(0, 1);
    // Most confident first; among equals the narrower span (a year's print beats a general list).
    const best = [...pool].sort((a, b) => RANK[b.confidence] - RANK[a.confidence] || a.to - a.from - (b.to - b.from))[0]!;
    return {
      code,
      level: e.level,
      name: best.name,
      confidence: best.confidence,
      sources: best.sources,
      confirmed: valid.length > 0,
      synonyms: [...new Set(e.names.map((n) => n.name).filter((n) => n !== best.name))],
    };
  }

  /** Every code known in `year` (confirmed for that year), sorted by code. */
  codes(year: number): CodeInfo[] {
    return [...this.byCode.keys()]
      .sort()
      .map((c) => this.lookup(c, year)!)
      .filter((i) => i.confirmed);
  }

  /**
   * Names that codes had only before `year` (a renamed class's old name), each with its name in
   * `year`: a text of that year that uses one is out of date.
   */
  formerNames(year: number): { code: string; former: string; current: string }[] {
    const out: { code: string; former: string; current: string }[] = [];
    for (const [code, e] of this.byCode) {
      const current = this.lookup(code, year);
      if (!current?.confirmed) continue;
      for (const n of e.names) {
        if (n.to < year && squashName(n.name) !== squashName(current.name) && !e.names.some((m) => m.name === n.name && m.to >= year)) {
          out.push({ code, former: n.name, current: current.name });
        }
      }
    }
    return out.sort((a, b) => a.code.localeCompare(b.code));
  }

  /** True when `name` is the code's name in some year (a renamed class's old name, for instance). */
  knowsName(code: string, name: string): boolean {
    const n = squashName(name);
    return this.byCode.get(code)?.names.some((x) => squashName(x.name) === n) ?? false;
  }
}

/** Names compared without blanks and with full-width brackets folded (（） vs ()). */
export function squashName(name: string): string {
  return name.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
}

function tsvRows(tsv: string): Record<string, string>[] {
  const lines = tsv.split(/\r?\n/).filter((l) => l.trim() !== '');
  const head = (lines.shift() ?? '').split('\t');
  return lines.map((l) => {
    const cells = l.split('\t');
    return Object.fromEntries(head.map((h, i) => [h, (cells[i] ?? '').trim()]));
  });
}

const levelOf = (code: string): 1 | 2 | 3 => (code.length <= 3 ? 1 : code.length <= 5 ? 2 : 3);

/**
 * Builds one kind's catalogue from the sheets/catalog TSVs:
 * - `base`: the research list (code, name, level, parent, source, confidence[, aliases]), taken as
 *   valid over CATALOG_YEARS unless `years` says otherwise for that code;
 * - `found`: names printed in a published document of a given year (kind, code, name, year, source, confidence);
 * - `years`: names with an explicit span (kind, code, name, from, to, source, confidence) — renamed
 *   classes, wordings of one year.
 */
export function buildCodeCatalog(kind: CodeKind, tsv: { base: string; found: string; years: string }): CodeCatalog {
  const entries = new Map<string, CatalogEntry>();
  const entry = (code: string, parent?: string): CatalogEntry => {
    let e = entries.get(code);
    if (!e) entries.set(code, (e = { code, level: levelOf(code), ...(parent ? { parent } : {}), names: [] }));
    return e;
  };
  const add = (code: string, n: CatalogName) => {
    const e = entry(code);
    const same = e.names.find((x) => x.name === n.name && x.from === n.from && x.to === n.to);
    if (same) same.sources = [...new Set([...same.sources, ...n.sources])];
    else e.names.push(n);
  };
  const spans = tsvRows(tsv.years).filter((r) => r.kind === kind);
  for (const r of tsvRows(tsv.base)) {
    if (!r.code) continue;
    entry(r.code, r.parent || undefined);
    // A code with explicit spans gets its names from them only (e.g. 207's name changed in 2019).
    if (spans.some((s) => s.code === r.code && s.name === r.name)) continue;
    const covered = spans.filter((s) => s.code === r.code);
    const from = covered.length ? Math.max(...covered.map((s) => Number(s.to))) + 1 : CATALOG_YEARS.from;
    if (from > CATALOG_YEARS.to) continue;
    add(r.code, { name: r.name ?? '', from, to: CATALOG_YEARS.to, sources: (r.source ?? '').split(';').filter(Boolean), confidence: toConfidence(r.confidence) });
  }
  for (const s of spans) {
    add(s.code!, { name: s.name!, from: Number(s.from), to: Number(s.to), sources: (s.source ?? '').split(';').filter(Boolean), confidence: toConfidence(s.confidence) });
  }
  for (const f of tsvRows(tsv.found).filter((r) => r.kind === kind)) {
    const y = Number(f.year);
    add(f.code!, { name: f.name!, from: y, to: y, sources: (f.source ?? '').split(';').filter(Boolean), confidence: toConfidence(f.confidence) });
  }
  for (const e of entries.values()) {
    if (!e.parent && e.level > 1) e.parent = e.code.slice(0, e.level === 3 ? 5 : 3);
  }
  return new CodeCatalog(kind, entries.values());
}
