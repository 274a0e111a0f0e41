#!/usr/bin/env node
// `npm run bench:compare [i] [j]`: two runs of bench/results.json side by side, ratio by ratio —
// issue 17 asks a quiet run and one beside `npm test` to be within 20% of each other and both to
// meet the goals. Runs are numbered from 1 as `npm run bench` reports them; default the last two.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareRuns } from './report.mjs';

const { runs } = JSON.parse(readFileSync(join(process.cwd(), 'bench', 'results.json'), 'utf8'));
const [i, j] = process.argv.slice(2).map(Number);
const [a, b] = [runs[(i || runs.length - 1) - 1], runs[(j || runs.length) - 1]];
if (!a || !b) {
  console.error(`bench/results.json holds ${runs.length} runs`);
  process.exit(1);
}
const load = (r) => (r.load ? `load ${r.load.before[0].toFixed(1)}→${r.load.after[0].toFixed(1)}, max ${r.load.max1.toFixed(1)}` : 'load —');
console.log(`A: ${a.date} ${a.label || ''} (${load(a)})\nB: ${b.date} ${b.label || ''} (${load(b)})\n`);
const rows = compareRuns(a, b);
const w = Math.max(...rows.map((r) => r.figure.length));
// Read on the pairs where both runs have them (see compareRuns); the ratio of medians beside it.
console.log(`${'figure'.padEnd(w)}  ${'A'.padStart(5)}  ${'B'.padStart(5)}  read on   ratio of medians A / B`);
for (const r of rows) {
  const medians = `${r.ratios[0].toFixed(2)} / ${r.ratios[1].toFixed(2)}`;
  console.log(`${r.figure.padEnd(w)}  ${r.a.toFixed(2).padStart(5)}  ${r.b.toFixed(2).padStart(5)}  ${r.statistic.padEnd(8)}  ${medians.padEnd(12)}  ×${r.spread.toFixed(2)} ${r.within ? 'within 20%' : 'APART'}  ${r.met ? 'both ≤ ' : 'GOAL MISSED ≤ '}${r.goal}`);
}
const ok = rows.every((r) => r.within && r.met);
console.log(`\n${ok ? 'both runs agree within 20% and meet every ratio goal' : 'not yet: see the figures marked APART or GOAL MISSED'}`);
