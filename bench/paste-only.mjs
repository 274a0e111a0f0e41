#!/usr/bin/env node
// Only the bulk-entry figures of `npm run bench` (bench/paste-bench.ts in Node, paste → painted in
// Chromium), each beside its floor measured in the same run: `node bench/paste-only.mjs`. Builds
// into bench/.dist like the full bench, opens the 500-code workbook as a new workbook (imported
// from its XLSX, as the full bench does), prints the rows and the machine's load. Stores nothing.
import { join } from 'node:path';
import { build, createServer } from 'vite';
import * as B from './browser-bench.mjs';
import { buildFloors } from './floors/build.mjs';
import { loadLine, loadWarning, machine, watchLoad } from './machine.mjs';
import { pasteRows, run } from './paste-browser-bench.mjs';

const root = process.cwd();
const distDir = join(root, 'bench', '.dist');
const log = (...a) => console.error('[bench]', ...a);
const load = watchLoad();

log('building the app and the floor pages…');
await build({ root, logLevel: 'warn', build: { outDir: distDir, emptyOutDir: true } });
await buildFloors(root, distDir);
const vite = await createServer({ root, server: { middlewareMode: true, hmr: false, ws: false }, appType: 'custom', logLevel: 'error' });
const fixtures = await (await vite.ssrLoadModule('/bench/make-fixtures.ts')).default();
const paste = (await vite.ssrLoadModule('/bench/floors/specs.ts')).pasteGridSpecs();
await vite.close();

const server = await B.serveBuild(distDir, root);
const url = server.url;
let result;
try {
  const browser = await B.launch();
  try {
    log(`opening the ${fixtures.largeCodes}-code workbook…`);
    const app = await B.openApp(browser, url);
    await B.importTimes(app.page, fixtures.large, 'large.xlsx', 0, true);
    await B.openImportedAsNew(app.page);
    const floor = await B.openBareGrid(browser, `${url}floors/`, paste.before);
    log('paste 100 codes: engine (Node) and paste → painted…');
    result = await run(root, app.page, { page: floor.page, after: paste.after }, Number(process.env.PASTE_RUNS ?? 7));
  } finally {
    await browser.close();
  }
} finally {
  server.close();
}
const info = { ...machine(), load: load.stop() };
console.log(`\npaste bench ${new Date().toISOString()}  ${info.cpu} ×${info.cores}  ${info.node}`);
console.log(loadLine(info.load));
for (const [a, b, c] of pasteRows(result)) console.log(`${a.padEnd(64)}  ${b.padEnd(44)}  ${c}`);
console.log(`samples: engine ${result.engine.n}, painted ${result.painted.n}`);
const warning = loadWarning(info.load);
if (warning) console.log(`\n${warning}`);
process.exit(0);
