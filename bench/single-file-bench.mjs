// `npm run bench`, the single file: dist's juesuan.html opened from file:// in a fresh Chromium
// profile each run (as a double-click would), from navigation start to the end of the frame that
// shows the first table cell; plus the file's size. Called from scripts/bench.mjs with one line.
// Same Chromium flags as the hosted cold open (without the WebUI omnibox popup renderer, about 2 s
// of CPU beside every fresh headless window: until run 9 this figure paid it and the hosted did not).
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { openFresh, stat } from './browser-bench.mjs';

/**
 * Measures, prints one line, returns { open, sizeKB, gzipKB, vsHosted } for bench/results.json.
 * `hostedMedian`: the same run's hosted cold open, so that a busy machine shows as a ratio too.
 */
export async function singleFileBench(distDir, runs = 7, hostedMedian = undefined) {
  const file = join(distDir, 'juesuan.html');
  const sizeKB = statSync(file).size / 1024;
  const gzipKB = gzipSync(readFileSync(file), { level: 9 }).length / 1024;
  const times = [];
  for (let i = 0; i < runs; i++) {
    // Watched from the document's start: the single file's app may paint before the parser is
    // done (its lazy parts come after the loader).
    times.push((await openFresh(pathToFileURL(file).href, { probe: { fromStart: true } })).paint);
  }
  const open = stat(times);
  const vsHosted = hostedMedian ? open.median / hostedMedian : undefined;
  const ratio = vsHosted ? `, ${vsHosted.toFixed(2)}× the hosted cold open of this run` : '';
  console.log(`single file (file://): cold open ${open.median.toFixed(0)} / ${open.p95.toFixed(0)} ms (median / p95, goal ≤ 1000${ratio}); size ${sizeKB.toFixed(0)} KB (${gzipKB.toFixed(0)} KB gzip)`);
  return { open, sizeKB, gzipKB, vsHosted };
}
