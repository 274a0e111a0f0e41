#!/usr/bin/env node
// `npm run bench`: builds the app, serves it locally, measures in real headless Chromium and in
// Node, prints a table and appends the run to bench/results.json (date, CPU, load averages).
// Every browser figure is measured beside its floor in the same run (bench/floors/): the goals are
// ratios, because absolute times on a shared machine move by 2× with load.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build, createServer } from 'vite';
import * as B from '../bench/browser-bench.mjs';
import FIGURES from '../bench/figures.mjs';
import { buildFloors } from '../bench/floors/build.mjs';
import { writeOpenFloor } from '../bench/floors/open-page.mjs';
import { loadLine, loadWarning, machine, watchLoad } from '../bench/machine.mjs';
import { ratioRows, saveRun } from '../bench/report.mjs';

const root = process.cwd();
const distDir = join(root, 'bench', '.dist');
const log = (...a) => console.error('[bench]', ...a);
const label = process.env.BENCH_LABEL ?? '';
const load = watchLoad();

log('building the app…');
await build({ root, logLevel: 'warn', build: { outDir: distDir, emptyOutDir: true } });
await buildFloors(root, distDir);

log('Node: engine vs bare HyperFormula, and the XLSX fixtures…');
const vite = await createServer({ root, server: { middlewareMode: true, hmr: false, ws: false }, appType: 'custom', logLevel: 'error' });
const engine = (await vite.ssrLoadModule('/bench/node-bench.ts')).default();
const fixtures = await (await vite.ssrLoadModule('/bench/make-fixtures.ts')).default();
const floors = await (await vite.ssrLoadModule('/bench/floors/specs.ts')).default(fixtures);
const docx = await (await vite.ssrLoadModule('/bench/docx-bench.ts')).default();
await vite.close();

const server = await B.serveBuild(distDir, root);
const url = server.url;
const results = { date: new Date().toISOString(), label, ...machine(), engine, docx };
const floorsUrl = `${url}floors/`;
try {
  log('cold open (fresh profile each run)…');
  // 15 pairs (7 until run 17): the cold open's ratio moved 1.66–1.93 between runs 16 and 17 (pairs 1.81 / 1.85).
  results.coldOpen = await B.coldOpen(url, distDir, 15, (files) => url + writeOpenFloor(distDir, files).path);
  results.singleFile = await (await import('../bench/single-file-bench.mjs')).singleFileBench(distDir, 7, results.coldOpen.open.median);

  const browser = await B.launch();
  try {
    log('example: edit → painted, autosave, export, import…');
    const ex = await B.openApp(browser, url);
    const grid = await B.openBareGrid(browser, floorsUrl, floors.grid.example);
    const xl = await B.openBareXlsx(browser, floorsUrl, floors.xlsx.example);
    // Imports are read in a worker by the app: the import floor reads in one too (from run 18).
    const xlWorker = await B.openBareXlsx(browser, floorsUrl, floors.xlsx.example, true);
    results.example = await B.editToPaint(ex.page, 40, 5, grid);
    results.example.export = await B.exportTimes(ex.page, B.XLSX_RUNS.example, xl.page);
    results.example.import = await B.importTimes(ex.page, fixtures.example, 'example.xlsx', B.XLSX_RUNS.example, false, xlWorker.page, xl.page);

    // The national-2022 example (#10): opened as a new workbook from its XLSX, same floor as the example.
    log('national example: import as new, edit → painted…');
    results.national = { import: await B.importTimes(ex.page, fixtures.national, 'national.xlsx', 2, true, xlWorker.page) };
    await B.openImportedAsNew(ex.page);
    Object.assign(results.national, await B.editToPaint(ex.page, 25, 3, grid, 'basicExpenditure'));
    await grid.ctx.close();

    log(`large workbook (${fixtures.largeCodes} codes): import as new, edit → painted, export…`);
    await xl.page.evaluate((s) => (window.__xlsxSpec = s), floors.xlsx.large);
    const largeGrid = await B.openBareGrid(browser, floorsUrl, floors.grid.large);
    results.large = { import: await B.importTimes(ex.page, fixtures.large, 'large.xlsx', B.XLSX_RUNS.large, true, xlWorker.page, xl.page) };
    await B.openImportedAsNew(ex.page);
    Object.assign(results.large, await B.editToPaint(ex.page, 25, 3, largeGrid));
    const pasteGrid = await B.openBareGrid(browser, floorsUrl, floors.grid.paste.before);
    results.large.paste100 = await (await import('../bench/paste-browser-bench.mjs')).run(root, ex.page, { page: pasteGrid.page, after: floors.grid.paste.after });
    await pasteGrid.ctx.close();
    results.large.export = await B.exportTimes(ex.page, B.XLSX_RUNS.large, xl.page);
    await Promise.all([largeGrid.ctx.close(), xl.ctx.close()]);
    await ex.ctx.close();

    // Figures from bench/figures.mjs (one module each).
    for (const fig of FIGURES) {
      log(`${fig.key}…`);
      results[fig.key] = await fig.run({ url, distDir, root, browser, fixtures, log });
    }
  } finally {
    await browser.close();
  }
  results.importBlocking = await (await import('../bench/import-block-bench.mjs')).importBlocking(url, fixtures.example);
} finally {
  server.close();
}

const f = (x) => (x === undefined ? '—' : typeof x === 'number' ? x.toFixed(x < 10 ? 2 : 0) : `${x.median.toFixed(x.median < 10 ? 2 : 0)} / ${x.p95.toFixed(x.p95 < 10 ? 2 : 0)}`);
const [exEng, lgEng, naEng] = engine;
const rows = [
  ['edit → painted, example (ms, median / p95)', f(results.example.edit), ''],
  ['edit → painted, 500 codes (ms)', f(results.large.edit), ''],
  ['edit → painted, national example (ms)', f(results.national.edit), ''],
  ['import national example: first / warm (ms)', `${results.national.import.first} / ${f(results.national.import.warm)}`, ''],
  ['cold open → 公开01表 painted (ms)', f(results.coldOpen.open), ''],
  ['cold open → grid interactive (ms, median; Handsontable built)', results.coldOpen.phases.grid?.toFixed(0) ?? '—', ''],
  ['initial JS before first paint (KB gzip)', results.coldOpen.js.initialGzipKB.toFixed(0), '≤ 350'],
  ['JS later: after paint / on demand (KB gzip)', `${results.coldOpen.js.afterPaintGzipKB.toFixed(0)} / ${results.coldOpen.js.onDemandGzipKB.toFixed(0)}`, ''],
  ['export example: first / warm median (ms)', `${results.example.export.first} / ${f(results.example.export.warm)}`, ''],
  ['import example: first / warm median (ms)', `${results.example.import.first} / ${f(results.example.import.warm)}`, ''],
  ['export 500 codes: first / warm (ms)', `${results.large.export.first} / ${f(results.large.export.warm)}`, ''],
  ['import 500 codes: first / warm (ms)', `${results.large.import.first} / ${f(results.large.import.warm)}`, ''],
  ...['example', 'large'].map((k) => {
    const o = results[k].import.floorOnPage;
    return [`import ${k === 'large' ? '500 codes' : 'example'} / ExcelJS on the page (the floor until run 17)`, `${o.ratio.toFixed(2)} (pairs ${o.pairRatio.toFixed(2)}; ${results[k].import.warm.median} vs ${o.median} ms)`, ''];
  }),
  ['autosave main thread per edit, example (ms)', f(results.example.autosavePerEdit), '≤ 4'],
  ['autosave main thread per edit, 500 codes (ms)', f(results.large.autosavePerEdit), '≤ 4'],
  ['engine edit+audit / bare HF, example (ratio)', `${exEng.ratio.toFixed(2)} (${exEng.fullEdit.median.toFixed(3)} / ${exEng.bareEdit.median.toFixed(3)} ms)`, '≤ 2'],
  ['engine edit+audit / bare HF, 500 codes', `${lgEng.ratio.toFixed(2)} (${lgEng.fullEdit.median.toFixed(3)} / ${lgEng.bareEdit.median.toFixed(3)} ms)`, '≤ 2'],
  ['engine edit+audit / bare HF, national example', `${naEng.ratio.toFixed(2)} (${naEng.fullEdit.median.toFixed(3)} / ${naEng.bareEdit.median.toFixed(3)} ms)`, '≤ 2'],
  ...(await import('../bench/paste-browser-bench.mjs')).pasteRows(results.large.paste100),
  ['engine build: example / 500 codes / national (ms)', `${f(exEng.build)} / ${f(lgEng.build)} / ${f(naEng.build)}`, ''],
];
for (const fig of FIGURES) rows.push(...fig.rows(results[fig.key]));
results.load = load.stop();
const ratios = ratioRows(results);
const w = Math.max(...[...rows, ...ratios].map((r) => r[0].length));
console.log(`\nbench ${results.date}  ${results.cpu} ×${results.cores}  ${results.node}${label ? `  [${label}]` : ''}`);
console.log(`${loadLine(results.load)}\n`);
console.log(`${'figure (absolute)'.padEnd(w)}  ${'measured'.padEnd(30)}  goal`);
for (const [a, b, c] of rows) console.log(`${a.padEnd(w)}  ${String(b).padEnd(30)}  ${c}`);
console.log(`\n${'ratio to the floor (same run)'.padEnd(w)}  ${'app / floor (app vs floor, +difference)'.padEnd(40)}  goal`);
for (const [a, b, c, d] of ratios) console.log(`${a.padEnd(w)}  ${String(b).padEnd(40)}  ${c.padEnd(6)} ${d}`);
console.log(`\ninitial JS files: ${results.coldOpen.js.initialFiles.join(', ')}`);
console.log(`after first paint: ${results.coldOpen.js.afterPaintFiles.join(', ') || '—'}`);
console.log(`on demand: ${results.coldOpen.js.onDemandFiles.join(', ')}`);
const warning = loadWarning(results.load);
if (warning) console.log(`\n${warning}`);
mkdirSync(join(root, 'bench'), { recursive: true });
const count = saveRun(join(root, 'bench', 'results.json'), { ...results, table: rows, ratios });
log(`appended run ${count} to bench/results.json`);
