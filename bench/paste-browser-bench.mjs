// `npm run bench` part for bulk entry (called with one line from scripts/bench.mjs, or alone by
// bench/paste-only.mjs): engine time in Node (bench/paste-bench.ts, beside bare HyperFormula doing
// the same insertion) and paste → painted in the page already showing the 500-code workbook, each
// run followed by the same paste on the bare grid floor (bench/floors/grid.ts: 公开05表's texts
// before and after the paste swapped into a bare Handsontable). Goals: ≤ 200 ms engine, ≤ 300 ms painted.
import { createServer } from 'vite';
import { stat, vsFloor } from './browser-bench.mjs';

/**
 * One paste event carrying the block (as Ctrl+V delivers it) on the focused element, timed to the
 * end of the frame that shows `selector`: an observer on the grid sees it appear, a
 * requestAnimationFrame callback runs at the start of the next frame and posts a message, which is
 * delivered once that frame's style, layout and paint are done. `window.__pasteDomAt` is when the
 * observer saw the row (the paste's own task done; the rest is that frame).
 */
export function pasteProbe({ text, selector }) {
  return new Promise((resolve) => {
    const painted = new MessageChannel();
    painted.port1.onmessage = (e) => resolve(performance.now() - e.data);
    let t0 = 0;
    const obs = new MutationObserver(() => {
      if (!t0 || !document.querySelector(selector)) return;
      obs.disconnect();
      const start = t0;
      t0 = 0;
      window.__pasteDomAt = performance.now() - start;
      requestAnimationFrame(() => painted.port2.postMessage(start));
    });
    obs.observe(document.querySelector('.grid-host'), { subtree: true, childList: true, attributes: true, attributeFilter: ['data-cell'] });
    const data = new DataTransfer();
    data.setData('text/plain', text);
    const ev = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    t0 = performance.now();
    (document.activeElement ?? document.body).dispatchEvent(ev);
  });
}

/** paste → painted, `runs` times, each (when `floor` is given) followed by the bare grid's. */
async function pasteToPaint(page, text, first, runs, floor) {
  const app = [];
  const bare = [];
  for (let i = 0; i < runs; i++) {
    await page.evaluate(() => window.__workbook.goToCell('t05', 'sum', 'basic'));
    await page.waitForSelector('.grid-host [data-sheet="t05"] .ht_master td[data-cell]');
    app.push(await page.evaluate(pasteProbe, { text, selector: `.grid-host td[data-cell="${first}|basic"]` }));
    // Back to the 500 codes for the next run (one undo step).
    await page.keyboard.press('Control+z');
    await page.waitForSelector(`.grid-host td[data-cell="${first}|basic"]`, { state: 'detached' });
    await page.waitForTimeout(400);
    if (!floor) continue;
    await floor.page.evaluate((after) => window.__swapOnPaste(after), floor.after);
    await floor.page.evaluate(() => window.__goTo());
    bare.push(await floor.page.evaluate(pasteProbe, { text, selector: '.grid-host td[data-cell="pasted"]' }));
    await floor.page.evaluate(() => window.__swapBack());
    await floor.page.waitForTimeout(400);
  }
  const out = stat(app);
  if (floor) out.floor = vsFloor(out, stat(bare), app, bare);
  return out;
}

/** `floor`: { page } of the bare grid opened with the paste spec's `before`, and that spec's `after`. */
export async function run(root, page, floor, runs = 5) {
  const vite = await createServer({ root, server: { middlewareMode: true, hmr: false, ws: false }, appType: 'custom', logLevel: 'error' });
  let mod;
  let engine;
  try {
    mod = await vite.ssrLoadModule('/bench/paste-bench.ts');
    engine = mod.default(Number(process.env.PASTE_RUNS ?? 7));
  } finally {
    await vite.close();
  }
  const { text, first } = mod.block100();
  return { ...engine, painted: await pasteToPaint(page, text, first, runs, floor) };
}

/** Table rows: figure, measured, goal. */
export function pasteRows(r) {
  const ms = (s) => `${s.median.toFixed(0)} / ${s.p95.toFixed(0)}`;
  const rows = [
    [`paste 100 codes into 500, engine (ms; ${r.rows} rows, ${r.cells} cells)`, `${ms(r.engine)} (bare HF ${ms(r.floor)}; rebuild ${ms(r.rebuild)})`, '≤ 200'],
    ['paste 100 codes into 500, engine / bare HF same insertion', `${r.ratio.toFixed(2)} (pairs ${r.pairRatio.toFixed(2)}; engine / rebuild pairs ${r.rebuildPairRatio.toFixed(2)})`, ''],
    ['paste 100 codes into 500, engine undo / redo (ms; rebuild before)', `${ms(r.undo)} / ${ms(r.redo)}`, ''],
    ['paste 100 codes into 500, paste → painted (ms)', ms(r.painted), '≤ 300'],
  ];
  if (r.painted.floor) rows.push(['paste → painted / bare grid showing the same rows', `${r.painted.floor.ratio.toFixed(2)} (${r.painted.median.toFixed(0)} vs ${r.painted.floor.median.toFixed(0)} ms)`, '']);
  return rows;
}
