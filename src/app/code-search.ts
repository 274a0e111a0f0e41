// Searching a code catalogue by code or by name, as the 添加科目 dialog does. Pure; no DOM.

export interface CodeEntry {
  code: string;
  name: string;
}

/**
 * Entries matching `query` (code prefix, or a name containing every whitespace-separated word),
 * best first: exact code, code prefix, name matches, then matches that also use `context` (e.g.
 * the names of the 类 and 款 above, so 养老 finds every 项 under 行政事业单位养老支出);
 * `exclude` drops codes already used.
 */
export function searchCodes<T extends CodeEntry>(
  entries: readonly T[],
  query: string,
  opts: { exclude?: ReadonlySet<string>; limit?: number; context?: (entry: T) => string } = {},
): T[] {
  const q = query.trim();
  const limit = opts.limit ?? 50;
  const pool = opts.exclude ? entries.filter((e) => !opts.exclude!.has(e.code)) : [...entries];
  if (q === '') return pool.slice(0, limit);
  const words = q.split(/\s+/);
  const rank = (e: T): number => {
    if (e.code === q) return 0;
    if (/^\d+$/.test(q) && e.code.startsWith(q)) return 1;
    if (words.every((w) => e.name.includes(w))) return e.name.startsWith(words[0]!) ? 2 : 3;
    const context = opts.context?.(e) ?? '';
    if (words.every((w) => e.code.includes(w) || e.name.includes(w) || context.includes(w))) return 4;
    return -1;
  };
  return pool
    .map((e) => ({ e, r: rank(e) }))
    .filter((x) => x.r >= 0)
    .sort((a, b) => a.r - b.r || a.e.code.localeCompare(b.e.code))
    .slice(0, limit)
    .map((x) => x.e);
}
