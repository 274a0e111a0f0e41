#!/usr/bin/env node
// The bench's cold-open figure alone (browser-bench.mjs's coldOpen with its floor page), for an
// A/B of builds: `node bench/cold-open-only.mjs [rounds] <distDir> [<distDir>…]` serves each
// build and, per round, takes one cold open of each (each followed by its own floor page, as in
// `npm run bench`), the order reversed every other round. Prints per build the medians, app /
// floor and the median of the per-pair ratios. Build the dist dirs first (e.g. `npx vite build
// --outDir bench/.dist-a`); this script never builds and never writes bench/results.json.
import { alternateBuilds, coldOpen, stat } from './browser-bench.mjs';
import { writeOpenFloor } from './floors/open-page.mjs';

const sides = await alternateBuilds(process.argv.slice(2), 'node bench/cold-open-only.mjs [rounds] <distDir> [<distDir>…]', async (side, i) => {
  const r = await coldOpen(side.url, side.dist, 1, (files) => side.url + writeOpenFloor(side.dist, files).path);
  (side.app ??= []).push(r.open.median);
  (side.floor ??= []).push(r.floor.median);
  console.error(`[cold-open] round ${i + 1} ${side.dist}: app ${r.open.median.toFixed(0)} ms (grid built ${r.phases.grid?.toFixed(0) ?? '—'}), floor ${r.floor.median.toFixed(0)} ms`);
});
for (const s of sides) {
  const [a, f] = [stat(s.app).median, stat(s.floor).median];
  const pairs = stat(s.app.map((x, i) => x / s.floor[i])).median;
  console.log(`${s.dist}: cold open ${a.toFixed(0)} ms vs floor ${f.toFixed(0)} ms → ${(a / f).toFixed(2)} (pairs ${pairs.toFixed(2)}); app ${s.app.map((x) => x.toFixed(0)).join(' ')}; floor ${s.floor.map((x) => x.toFixed(0)).join(' ')}`);
}
