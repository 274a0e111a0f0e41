// `npm run bench`, the single file: dist's juesuan.html opened from file:// in a fresh Chromium
// profile each run (as a double-click would), from navigation start to the end of the frame that
// shows the first table cell; plus the file's size. Called from scripts/bench.mjs with one line.
// Same Chromium flags as the hosted cold open (without the WebUI omnibox popup renderer, about 2 s
// of CPU beside every fresh headless window: until run 9 this figure paid it and the hosted did not).
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { BROWSER_ARGS, stat } from './browser-bench.mjs';

// Same probe as browser-bench.mjs's cold open: rAF after the first table cell, message after paint.
function firstPaintProbe() {
  const painted = new MessageChannel();
  painted.port1.onmessage = () => (window.__firstTablePaint = performance.now());
  const seen = () => document.querySelector('.ht_master td[data-cell]');
  const done = () => requestAnimationFrame(() => painted.port2.postMessage(null));
  const mo = new MutationObserver(() => {
    if (!seen()) return;
    mo.disconnect();
    done();
  });
  // Watched from the start: the single file's app may paint before the parser is done (its
  // lazy parts come after the loader).
  mo.observe(document, { childList: true, subtree: true });
}

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
    const dir = mkdtempSync(join(tmpdir(), 'bench-single-'));
    const ctx = await chromium.launchPersistentContext(dir, { executablePath: '/usr/bin/chromium', args: BROWSER_ARGS, headless: true, viewport: { width: 1400, height: 900 } });
    try {
      const page = ctx.pages()[0] ?? (await ctx.newPage());
      await page.addInitScript(firstPaintProbe);
      await page.goto(pathToFileURL(file).href);
      await page.waitForFunction(() => window.__firstTablePaint !== undefined, null, { timeout: 60000 });
      times.push(await page.evaluate(() => window.__firstTablePaint));
    } finally {
      await ctx.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const open = stat(times);
  const vsHosted = hostedMedian ? open.median / hostedMedian : undefined;
  const ratio = vsHosted ? `, ${vsHosted.toFixed(2)}× the hosted cold open of this run` : '';
  console.log(`single file (file://): cold open ${open.median.toFixed(0)} / ${open.p95.toFixed(0)} ms (median / p95, goal ≤ 1000${ratio}); size ${sizeKB.toFixed(0)} KB (${gzipKB.toFixed(0)} KB gzip)`);
  return { open, sizeKB, gzipKB, vsHosted };
}
