#!/usr/bin/env node
// Only the engine figures of `npm run bench` (bench/node-bench.ts: our edit + 审核 against bare
// HyperFormula, interleaved, per workbook): `node bench/engine-only.mjs [workbook…]`. Prints the
// ratios and the machine's load; stores nothing.
import { createServer } from 'vite';
import { loadLine, loadWarning, machine, watchLoad } from './machine.mjs';

const load = watchLoad();
const only = process.argv.slice(2);
const vite = await createServer({ root: process.cwd(), server: { middlewareMode: true, hmr: false, ws: false }, appType: 'custom', logLevel: 'error' });
const results = (await vite.ssrLoadModule('/bench/node-bench.ts')).default(only.length ? only : undefined);
await vite.close();
const info = { ...machine(), load: load.stop() };
console.log(`engine bench ${new Date().toISOString()}  ${info.cpu} ×${info.cores}  ${info.node}`);
console.log(loadLine(info.load));
for (const r of results) {
  console.log(`${r.workbook.padEnd(20)} ${r.ratio.toFixed(2)} pairs ${r.pairRatio.toFixed(2)}  (edit+audit ${r.fullEdit.median.toFixed(3)} ms, bare HF ${r.bareEdit.median.toFixed(3)} ms, engine edit alone ${r.engineEdit.median.toFixed(3)} ms)`);
}
const warning = loadWarning(info.load);
if (warning) console.log(warning);
