#!/usr/bin/env node
// `npm run bench`: builds the app, serves it locally, measures in real headless Chromium and in
// Node, prints a table and writes bench/results.json (with the machine's CPU and the date).
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { build, createServer, preview } from 'vite';
import * as B from '../bench/browser-bench.mjs';

const root = process.cwd();
const distDir = join(root, 'bench', '.dist');
const log = (...a) => console.error('[bench]', ...a);

log('building the app…');
await build({ root, logLevel: 'warn', build: { outDir: distDir, emptyOutDir: true } });

log('Node: engine vs bare HyperFormula, and the XLSX fixtures…');
const vite = await createServer({ root, server: { middlewareMode: true, hmr: false, ws: false }, appType: 'custom', logLevel: 'error' });
const engine = (await vite.ssrLoadModule('/bench/node-bench.ts')).default();
const fixtures = await (await vite.ssrLoadModule('/bench/make-fixtures.ts')).default();
await vite.close();

const server = await preview({ root, logLevel: 'warn', build: { outDir: distDir }, preview: { host: '127.0.0.1', port: 0 } });
const addr = server.httpServer.address();
const url = `http://127.0.0.1:${addr.port}/`;
const results = { date: new Date().toISOString(), cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, node: process.version, engine };
try {
  log('cold open (fresh profile each run)…');
  results.coldOpen = await B.coldOpen(url, distDir, 7);

  const browser = await B.launch();
  try {
    log('example: edit → painted, autosave, export, import…');
    const ex = await B.openApp(browser, url);
    results.example = await B.editToPaint(ex.page, 60);
    results.example.export = await B.exportTimes(ex.page, 5);
    results.example.import = await B.importTimes(ex.page, fixtures.example, 'example.xlsx', 5);

    log(`large workbook (${fixtures.largeCodes} codes): import as new, edit → painted, export…`);
    results.large = { import: await B.importTimes(ex.page, fixtures.large, 'large.xlsx', 3, true) };
    await B.openImportedAsNew(ex.page);
    Object.assign(results.large, await B.editToPaint(ex.page, 60));
    results.large.export = await B.exportTimes(ex.page, 3);
    await ex.ctx.close();
  } finally {
    await browser.close();
  }
  results.importBlocking = await (await import('../bench/import-block-bench.mjs')).importBlocking(url, fixtures.example);
} finally {
  server.httpServer.close();
}

const f = (x) => (x === undefined ? '—' : typeof x === 'number' ? x.toFixed(x < 10 ? 2 : 0) : `${x.median.toFixed(x.median < 10 ? 2 : 0)} / ${x.p95.toFixed(x.p95 < 10 ? 2 : 0)}`);
const [exEng, lgEng] = engine;
const rows = [
  ['edit → painted, example (ms, median / p95)', f(results.example.edit), '≤ 16'],
  ['edit → painted, 500 codes (ms)', f(results.large.edit), '≤ 33'],
  ['cold open → 公开01表 painted (ms)', f(results.coldOpen.open), '≤ 1000'],
  ['initial JS before first paint (KB gzip)', results.coldOpen.js.initialGzipKB.toFixed(0), '≤ 350'],
  ['JS later: after paint / on demand (KB gzip)', `${results.coldOpen.js.afterPaintGzipKB.toFixed(0)} / ${results.coldOpen.js.onDemandGzipKB.toFixed(0)}`, ''],
  ['export example: first / warm median (ms)', `${results.example.export.first} / ${f(results.example.export.warm)}`, '≤ 300 warm'],
  ['import example: first / warm median (ms)', `${results.example.import.first} / ${f(results.example.import.warm)}`, '≤ 300 warm'],
  ['export 500 codes: first / warm (ms)', `${results.large.export.first} / ${f(results.large.export.warm)}`, ''],
  ['import 500 codes: first / warm (ms)', `${results.large.import.first} / ${f(results.large.import.warm)}`, ''],
  ['autosave main thread per edit, example (ms)', f(results.example.autosavePerEdit), '≤ 4'],
  ['autosave main thread per edit, 500 codes (ms)', f(results.large.autosavePerEdit), '≤ 4'],
  ['engine edit+audit / bare HF, example (ratio)', `${exEng.ratio.toFixed(2)} (${exEng.fullEdit.median.toFixed(3)} / ${exEng.bareEdit.median.toFixed(3)} ms)`, '≤ 2'],
  ['engine edit+audit / bare HF, 500 codes', `${lgEng.ratio.toFixed(2)} (${lgEng.fullEdit.median.toFixed(3)} / ${lgEng.bareEdit.median.toFixed(3)} ms)`, '≤ 2'],
  ['engine build: example / 500 codes (ms)', `${f(exEng.build)} / ${f(lgEng.build)}`, ''],
];
const w = Math.max(...rows.map((r) => r[0].length));
console.log(`\nbench ${results.date}  ${results.cpu} ×${results.cores}  ${results.node}\n`);
console.log(`${'figure'.padEnd(w)}  ${'measured'.padEnd(30)}  goal`);
for (const [a, b, c] of rows) console.log(`${a.padEnd(w)}  ${String(b).padEnd(30)}  ${c}`);
console.log(`\ninitial JS files: ${results.coldOpen.js.initialFiles.join(', ')}`);
console.log(`after first paint: ${results.coldOpen.js.afterPaintFiles.join(', ') || '—'}`);
console.log(`on demand: ${results.coldOpen.js.onDemandFiles.join(', ')}`);
mkdirSync(join(root, 'bench'), { recursive: true });
writeFileSync(join(root, 'bench', 'results.json'), `${JSON.stringify({ ...results, table: rows }, null, 1)}\n`);
log('wrote bench/results.json');
