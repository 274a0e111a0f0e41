// Parses the code catalogues (TSV in sheets/catalog) into typed lists.
import type { EconomicCode, FunctionCode } from './template';

function rows(tsv: string): Record<string, string>[] {
  const lines = tsv.split(/\r?\n/).filter((l) => l.trim() !== '');
  const head = (lines.shift() ?? '').split('\t');
  return lines.map((l) => {
    const cells = l.split('\t');
    return Object.fromEntries(head.map((h, i) => [h, (cells[i] ?? '').trim()]));
  });
}

export function parseFunctionCodes(tsv: string): FunctionCode[] {
  return rows(tsv).map((r) => ({
    code: r.code ?? '',
    name: r.name ?? '',
    level: Number(r.level) as 1 | 2 | 3,
    ...(r.parent ? { parent: r.parent } : {}),
    ...(r.confidence ? { confidence: r.confidence } : {}),
  }));
}

/** `preferAlias` picks a wording marked "(SEED wording)" — the 2021 Hunan print uses it. */
export function parseEconomicCodes(tsv: string, preferAlias = 'SEED wording'): EconomicCode[] {
  return rows(tsv).map((r) => {
    const alias = (r.aliases ?? '').split(';').find((a) => a.includes(`(${preferAlias})`));
    return {
      code: r.code ?? '',
      name: alias ? alias.replace(`(${preferAlias})`, '').trim() : (r.name ?? ''),
      level: Number(r.level) as 1 | 2,
      ...(r.parent ? { parent: r.parent } : {}),
    };
  });
}
