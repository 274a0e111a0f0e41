// Formula writes without HyperFormula's lexer when the formula's shape is known (pinned HF 3.5
// internals; anything unexpected leaves HF's own parse in place, same result). HF caches parsed
// formulas by a hash of their tokens in which each cell reference is relative to the formula's
// cell, so that the per-row formulas of a paste (审核 rows, 补充资料 rows, a table's new 项) share an
// AST; but it runs Chevrotain's lexer over every text to find that hash, most of a write. Here a
// small scanner gives each text a key with the same meaning (references relative to the cell,
// sheets by HF's id, everything else verbatim) and remembers which hash HF gave that key.

interface Addr {
  sheet: number;
  row: number;
  col: number;
}
interface ParseResult {
  ast: unknown;
  errors: unknown[];
  hasVolatileFunction: boolean;
  hasStructuralChangeFunction: boolean;
  dependencies: unknown[];
}
interface CacheEntry {
  ast: unknown;
  relativeDependencies: unknown[];
  hasVolatileFunction: boolean;
  hasStructuralChangeFunction: boolean;
}
interface Parser {
  formulaAddress?: Addr;
  statsCacheUsed?: number;
  parse(text: string, address: Addr): ParseResult;
  computeHashFromTokens(tokens: unknown, base: Addr): string;
  resolveSheetReference(name: string): number | undefined;
  cache?: { get(hash: string): CacheEntry | undefined };
}

// A string literal, or a reference as our layouts write it (optional quoted sheet, column letters,
// row; a range's second end shares the first's sheet), never inside a name or a number.
const TOKEN = /"(?:[^"]|"")*"|(?<![A-Za-z0-9_.$'])(?:'((?:[^']|'')+)'!)?([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?(?![A-Za-z0-9_.(!$:])/g;
// Outside strings and the references found, text that HF might read as a reference (a letter then
// a digit, $, a sheet, a column or row range, a quote) makes the text's key unsafe: HF's parse.
const UNSAFE = /[A-Za-z][0-9]|[$!:'"]/;
const SEP = '\u0001';

/** Column letters → 0-based index. */
function colIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + letters.charCodeAt(i) - 64;
  return n - 1;
}

/**
 * The key of a formula text at `at`: equal keys mean equal HF token hashes. Null when the text has
 * anything the scanner does not fully understand.
 */
export function shapeKey(text: string, at: Addr, sheetId: (name: string) => number | undefined): string | null {
  let key = '';
  let from = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const literal = text.slice(from, m.index);
    if (UNSAFE.test(literal)) return null;
    key += literal;
    from = m.index + m[0].length;
    if (m[0].charCodeAt(0) === 34) {
      key += m[0];
      continue;
    }
    let sheet = '';
    if (m[1] !== undefined) {
      const id = sheetId(m[1].replace(/''/g, "'"));
      if (id === undefined) return null;
      sheet = String(id);
    }
    const row = Number(m[3]) - 1;
    const col = colIndex(m[2]!);
    key += `${SEP}${sheet}${SEP}${row - at.row}${SEP}${col - at.col}${SEP}`;
    if (m[4] !== undefined) {
      const row2 = Number(m[5]) - 1;
      const col2 = colIndex(m[4]);
      // HF turns a reversed range round, so its AST is not the cached one: HF's parse.
      if (row2 < row || col2 < col) return null;
      key += `:${row2 - at.row}${SEP}${col2 - at.col}${SEP}`;
    }
  }
  const rest = text.slice(from);
  if (UNSAFE.test(rest)) return null;
  return key + rest;
}

const INSTALLED = new WeakSet<object>();
const MAX_KEYS = 50_000;

/**
 * Makes `hf`'s formula writes skip the lexer for texts whose key was seen; false (HF's own parse
 * stays) when the pinned internals are not there.
 */
export function fastFormulaParse(hf: object): boolean {
  const parser = (hf as { _parser?: Parser })._parser;
  if (!parser || INSTALLED.has(parser)) return Boolean(parser);
  const own = parser.parse;
  const hashOf = parser.computeHashFromTokens;
  if (typeof own !== 'function' || typeof hashOf !== 'function' || typeof parser.resolveSheetReference !== 'function' || typeof parser.cache?.get !== 'function') return false;
  const hashes = new Map<string, string>();
  const sheetId = (name: string) => parser.resolveSheetReference(name);
  let lastHash: string | undefined;
  parser.computeHashFromTokens = function (tokens, base) {
    lastHash = hashOf.call(this, tokens, base);
    return lastHash;
  };
  parser.parse = function (text, address) {
    const key = shapeKey(text, address, sheetId);
    const hash = key === null ? undefined : hashes.get(key);
    const hit = hash === undefined ? undefined : parser.cache!.get(hash);
    if (hit && Array.isArray(hit.relativeDependencies)) {
      // What HF's parse returns for a cached hash (no reversed range: the cached AST as is, shared
      // as HF's fetchCachedResult shares it), without lexing the text again.
      this.formulaAddress = address;
      this.statsCacheUsed = (this.statsCacheUsed ?? 0) + 1;
      return { ast: hit.ast, errors: [], hasVolatileFunction: hit.hasVolatileFunction, hasStructuralChangeFunction: hit.hasStructuralChangeFunction, dependencies: hit.relativeDependencies };
    }
    lastHash = undefined;
    const out = own.call(this, text, address);
    if (key !== null && out.errors.length === 0 && lastHash !== undefined) {
      if (hashes.size >= MAX_KEYS) hashes.clear();
      hashes.set(key, lastHash);
    }
    return out;
  };
  INSTALLED.add(parser);
  return true;
}
