// `npm run bench` part for bulk entry (called with one line from scripts/bench.mjs): engine time
// in Node (bench/paste-bench.ts) and paste → painted in the page already showing the 500-code
// workbook. Goals: ≤ 200 ms engine, ≤ 300 ms painted.
import { createServer } from 'vite';
import { stat } from './browser-bench.mjs';

/**
 * paste → painted: a paste event carrying the block (as Ctrl+V delivers it) on the grid's focus
 * target, to the end of the frame that shows the first new row.
 */
async function pasteToPaint(page, text, first, runs = 5) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    await page.evaluate(() => window.__workbook.goToCell('t05', 'sum', 'basic'));
    await page.waitForSelector('.grid-host [data-sheet="t05"] .ht_master td[data-cell]');
    const ms = await page.evaluate(
      ({ text, first }) =>
        new Promise((resolve) => {
          const sel = `.grid-host td[data-cell="${first}|basic"]`;
          const painted = new MessageChannel();
          painted.port1.onmessage = (e) => resolve(performance.now() - e.data);
          let t0 = 0;
          const obs = new MutationObserver(() => {
            if (!t0 || !document.querySelector(sel)) return;
            obs.disconnect();
            const start = t0;
            t0 = 0;
            requestAnimationFrame(() => painted.port2.postMessage(start));
          });
          obs.observe(document.querySelector('.grid-host'), { subtree: true, childList: true });
          const data = new DataTransfer();
          data.setData('text/plain', text);
          const ev = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
          t0 = performance.now();
          (document.activeElement ?? document.body).dispatchEvent(ev);
        }),
      { text, first },
    );
    samples.push(ms);
    // Back to the 500 codes for the next run (one undo step).
    await page.keyboard.press('Control+z');
    await page.waitForSelector(`.grid-host td[data-cell="${first}|basic"]`, { state: 'detached' });
    await page.waitForTimeout(400);
  }
  return stat(samples);
}

export async function run(root, page) {
  const vite = await createServer({ root, server: { middlewareMode: true, hmr: false, ws: false }, appType: 'custom', logLevel: 'error' });
  let mod;
  let engine;
  try {
    mod = await vite.ssrLoadModule('/bench/paste-bench.ts');
    engine = mod.default();
  } finally {
    await vite.close();
  }
  const { text, first } = mod.block100();
  return { codes: engine.codes, engine: engine.engine, rebuild: engine.rebuild, ratio: engine.ratio, painted: await pasteToPaint(page, text, first) };
}
