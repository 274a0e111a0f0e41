#!/usr/bin/env node
// Only the XLSX figures of `npm run bench` (import and export of the example and of the 500-code
// workbook, each interleaved with bare ExcelJS on the floor page): `node bench/xlsx-only.mjs`.
// Builds into bench/.dist like the full bench (BENCH_DIST=dir serves an existing build instead),
// prints each figure's ratio, its per-pair ratio and the machine's load. Stores nothing.
import { join } from 'node:path';
import { build, createServer } from 'vite';
import * as B from './browser-bench.mjs';
import { buildFloors } from './floors/build.mjs';
import { loadLine, loadWarning, machine, watchLoad } from './machine.mjs';

const root = process.cwd();
const distDir = process.env.BENCH_DIST ?? join(root, 'bench', '.dist');
const log = (...a) => console.error('[bench]', ...a);
const load = watchLoad();

if (!process.env.BENCH_DIST) {
  log('building the app and the floor pages…');
  await build({ root, logLevel: 'warn', build: { outDir: distDir, emptyOutDir: true } });
  await buildFloors(root, distDir);
}
const vite = await createServer({ root, server: { middlewareMode: true, hmr: false, ws: false }, appType: 'custom', logLevel: 'error' });
const fixtures = await (await vite.ssrLoadModule('/bench/make-fixtures.ts')).default();
const floors = await (await vite.ssrLoadModule('/bench/floors/specs.ts')).default(fixtures);
await vite.close();

const server = await B.serveBuild(distDir, root);
const url = server.url;
const out = {};
try {
  const browser = await B.launch();
  try {
    const app = await B.openApp(browser, url);
    const xl = await B.openBareXlsx(browser, `${url}floors/`, floors.xlsx.example);
    const xlWorker = await B.openBareXlsx(browser, `${url}floors/`, floors.xlsx.example, true);
    log('example: import, export…');
    out['import example'] = await B.importTimes(app.page, fixtures.example, 'example.xlsx', B.XLSX_RUNS.example, false, xlWorker.page, xl.page);
    out['export example'] = await B.exportTimes(app.page, B.XLSX_RUNS.example, xl.page);
    log(`${fixtures.largeCodes} codes: import, export…`);
    await xl.page.evaluate((s) => (window.__xlsxSpec = s), floors.xlsx.large);
    out['import 500 codes'] = await B.importTimes(app.page, fixtures.large, 'large.xlsx', B.XLSX_RUNS.large, true, xlWorker.page, xl.page);
    await B.openImportedAsNew(app.page);
    out['export 500 codes'] = await B.exportTimes(app.page, B.XLSX_RUNS.large, xl.page);
  } finally {
    await browser.close();
  }
} finally {
  server.close();
}
const info = { ...machine(), load: load.stop() };
console.log(`\nxlsx bench ${new Date().toISOString()}  ${info.cpu} ×${info.cores}  ${info.node}`);
console.log(loadLine(info.load));
for (const [k, r] of Object.entries(out)) {
  const f = r.floor;
  console.log(`${k.padEnd(18)} ratio ${f.ratio.toFixed(2)} (pairs ${f.pairRatio.toFixed(2)})  app ${r.warm.median} ms vs ${f.median} ms, n ${r.warm.n}; first ${r.first} vs ${f.first} ms`);
  const o = r.floorOnPage;
  if (o) console.log(`${''.padEnd(18)} vs ExcelJS on the page ${o.ratio.toFixed(2)} (pairs ${o.pairRatio.toFixed(2)}), ${o.median} ms`);
}
const warning = loadWarning(info.load);
if (warning) console.log(`\n${warning}`);
process.exit(0);
