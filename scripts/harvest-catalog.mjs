// One-off data harvest (not run by the app or the tests): every code printed with its name in the
// seed, the reference examples (their transcriptions and, as confirmation only, their text) and
// the built-in example workbooks, with the year it was printed in, into sheets/catalog/codes-found.tsv.
// Usage: node scripts/harvest-catalog.mjs /work/shared  (re-run when a new example is added).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const shared = process.argv[2] ?? '/work/shared';
const rows = new Map();
const put = (kind, code, name, year, source, confidence = 'high') => {
  name = String(name).replace(/\s+/g, '').trim();
  if (!name) return;
  const key = `${kind}|${code}|${name}|${year}`;
  const r = rows.get(key);
  if (r) r.sources.add(source);
  else rows.set(key, { kind, code, name, year, sources: new Set([source]), confidence });
};

// Seed (2021 Hunan print): a code alone on a line, its name on the next one.
const seed = readFileSync(join(shared, 'seed/000_70df7f16e64b8dde.txt'), 'utf8').split(/\r?\n/).map((l) => l.trim());
seed.forEach((line, i) => {
  const m = /^(\d{3}|\d{5}|\d{7})$/.exec(line);
  const next = seed[i + 1] ?? '';
  if (!m || !/^[\u4e00-\u9fff（）()]/.test(next)) return;
  const code = m[1];
  const kind = /^3\d\d/.test(code) && code.length <= 5 ? 'economic' : 'function';
  put(kind, code, next, 2021, 'SEED');
});

// Examples: tables 02/03/05 (function codes) and 06 (economic codes) of each transcription.
for (const [file, source] of [
  ['sh-putuo-czj-2024.json', 'SH-PUTUO-CZJ-2024'],
  ['sh-putuo-sthj-2025.json', 'SH-PUTUO-STHJ-2025'],
]) {
  const d = JSON.parse(readFileSync(join(shared, 'reference/examples', file), 'utf8'));
  const year = d.meta.year;
  for (const t of ['02', '03', '05', '08', '09']) {
    for (const [code, r] of Object.entries(d.tables[t]?.rows ?? {})) if (/^\d{3,7}$/.test(code)) put('function', code, r['科目名称'], year, source);
  }
  for (const [code, r] of Object.entries(d.tables['06'] ?? {})) if (/^\d{3,5}$/.test(code)) put('economic', code, r['科目名称'], year, source);
}

// The built-in example workbooks (sheets/examples): the names they give codes the catalogue lacks
// (customCodes, economicNames), for the workbook's year. Names the catalogue itself supplies are
// not harvested back (that would cite the catalogue as its own source). The national example is a
// made-up department: its names (official 科目 wordings) are medium, the published ones high.
const examplesDir = new URL('../sheets/examples/', import.meta.url);
for (const file of readdirSync(examplesDir).filter((f) => f.endsWith('.json'))) {
  const d = JSON.parse(readFileSync(new URL(file, examplesDir), 'utf8'));
  const source = `EXAMPLE-${file.replace(/\.json$/, '').replace(/-example$/, '').toUpperCase()}`;
  const confidence = file.startsWith('national-') ? 'medium' : 'high';
  for (const [code, name] of Object.entries(d.customCodes ?? {})) put('function', code, name, d.meta.year, source, confidence);
  for (const [code, name] of Object.entries(d.economicNames ?? {})) put('economic', code, name, d.meta.year, source, confidence);
}

// The examples' text (pdftotext): only as a further source of names already harvested for that
// code and year. Its layout cuts names at cell edges (「体育与传媒支」) and puts narrative figures
// next to codes (「302 因…」), so a name it alone shows is never taken.
for (const [file, year, source] of [
  ['sh-putuo-czj-2024.txt', 2024, 'SH-PUTUO-CZJ-2024-TXT'],
  ['sh-putuo-sthj-2025.txt', 2025, 'SH-PUTUO-STHJ-2025-TXT'],
]) {
  const text = readFileSync(join(shared, 'reference/examples', file), 'utf8');
  for (const m of text.matchAll(/(?:^|\s)(\d{3}|\d{5}|\d{7})\s+([\u4e00-\u9fff][\u4e00-\u9fff（）()、]*)/gm)) {
    const kind = /^3\d\d/.test(m[1]) && m[1].length <= 5 ? 'economic' : 'function';
    const r = rows.get(`${kind}|${m[1]}|${m[2]}|${year}`);
    if (r) r.sources.add(source);
  }
}

// A name cut short in one table (the PDF cell was too narrow) is a prefix of the full one: drop it.
for (const [key, r] of rows) {
  for (const o of rows.values()) {
    if (o !== r && o.kind === r.kind && o.code === r.code && o.year === r.year && o.name.startsWith(r.name)) {
      for (const s of r.sources) o.sources.add(s);
      rows.delete(key);
      break;
    }
  }
}

const out = ['kind\tcode\tname\tyear\tsource\tconfidence'];
for (const r of [...rows.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.code.localeCompare(b.code) || a.year - b.year)) {
  // Printed in a published document for that year: high confidence for that year.
  out.push([r.kind, r.code, r.name, r.year, [...r.sources].join(';'), r.confidence].join('\t'));
}
writeFileSync(new URL('../sheets/catalog/codes-found.tsv', import.meta.url), out.join('\n') + '\n');
console.log(`${out.length - 1} rows`);
