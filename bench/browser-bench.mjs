// Browser side of `npm run bench`: real headless Chromium against the built app (vite preview).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { preview } from 'vite';

// Chromium 156 starts a WebUI omnibox popup renderer (Lit "composebox") with every new headless
// window: about 2 s of CPU beside the first page, on 2 cores (see docs/performance.md, cold open).
// Playwright's own --disable-features list (playwright-core 1.65) is repeated in case Chromium
// keeps only the last such switch.
const PLAYWRIGHT_DISABLED = ['AvoidUnnecessaryBeforeUnloadCheckSync', 'DestroyProfileOnBrowserClose', 'HttpsUpgrades', 'HttpsFirstBalancedModeAutoEnable', 'LensOverlay', 'MediaRouter', 'PaintHolding', 'ThirdPartyStoragePartitioning', 'AvoidCorsURLLoaderRestartOnRedirect', 'TcpPortRandomizationWin', 'OptimizationHints', 'NetworkTimeServiceQuerying', 'AimEnabled', 'PreconnectToSearch'];
const NO_WEBUI_POPUP = `--disable-features=${[...PLAYWRIGHT_DISABLED, 'WebUIOmniboxPopup', 'WebUIOmniboxFullPopup', 'WebUIOmniboxAimPopup'].join(',')}`;
export const BROWSER_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', ...(process.env.BENCH_WEBUI_POPUP ? [] : [NO_WEBUI_POPUP])];
const CHROMIUM = '/usr/bin/chromium';

export function stat(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { median: q(0.5), p95: q(0.95), n: s.length };
}

/**
 * Installed before any page script (`page.addInitScript(firstPaintProbe, options)`): the time at
 * which the frame that shows the first table cell has been painted (its requestAnimationFrame
 * callback posts a message, delivered after the paint), as `window.__firstTablePaint`.
 * - `fromStart`: watch the document from the start (the single file's app may paint before the
 *   parser is done: its lazy parts come after the loader); else from DOMContentLoaded, checking
 *   first whether the table is up already (the cold-open floor puts it up before).
 * - `marker`: the message handler is a named function that runs 5 ms and sets the mark
 *   `bench:painted`, so that a CPU profile or a trace shows the moment (bench/profile-open.mjs
 *   and bench/thread-time.mjs end their window there).
 * Both bench figures and the profiler use this one probe, so they measure the same moment.
 */
export function firstPaintProbe({ fromStart = false, marker = false } = {}) {
  const seen = () => document.querySelector('.ht_master td[data-cell]');
  const painted = new MessageChannel();
  const record = marker
    ? function benchFirstTablePainted() {
        window.__firstTablePaint = performance.now();
        performance.mark('bench:painted');
        const t = performance.now();
        while (performance.now() - t < 5);
      }
    : () => (window.__firstTablePaint = performance.now());
  // Also told to the harness as a console message: it waits for that instead of polling the page,
  // which would inject Playwright's script (13–22 ms on the page's main thread, seen in traces)
  // while the app is still starting.
  painted.port1.onmessage = () => {
    record();
    console.debug(`bench:first-table-painted ${window.__firstTablePaint}`);
  };
  const done = () => requestAnimationFrame(() => painted.port2.postMessage(null));
  const mo = new MutationObserver(() => {
    if (!seen()) return;
    mo.disconnect();
    done();
  });
  if (fromStart) mo.observe(document, { childList: true, subtree: true });
  else document.addEventListener('DOMContentLoaded', () => (seen() ? done() : mo.observe(document.body, { childList: true, subtree: true })));
}

/**
 * One first visit: a fresh browser profile (no cache, no IndexedDB); ms to the first table painted.
 * `probe`: firstPaintProbe's options; `before(page, ctx)` runs before the navigation (the profiler
 * starts its CDP session there), `after(page, paint)` once the table is painted; its result is `extra`.
 */
export async function openFresh(url, { probe = {}, before, after } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-profile-'));
  const ctx = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, args: BROWSER_ARGS, headless: true, viewport: { width: 1400, height: 900 } });
  try {
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    if (before) await before(page, ctx);
    await page.addInitScript(firstPaintProbe, probe);
    const painted = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('bench:first-table-painted '), timeout: 60000 });
    // Not waiting for 'load', nor polling the page: nothing of the harness runs in it until the paint.
    await page.goto(url, { waitUntil: 'commit' });
    const paint = Number((await painted).text().split(' ')[1]);
    // The first table may be the grid's static copy: the app's pages also wait for the grid itself
    // (`grid:mounted`, keys and clicks handled by Handsontable), reported as the phase `grid`.
    await page
      .waitForFunction(() => !performance.getEntriesByName('app:script').length || performance.getEntriesByName('grid:mounted').length > 0, null, { timeout: 20000 })
      .catch(() => undefined);
    // Where the time went: the HTML's response, then the app's own marks (src/main.ts), if any.
    const phases = await page.evaluate(() => ({
      html: performance.getEntriesByType('navigation')[0]?.responseEnd,
      ...Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('app:')).map((m) => [m.name.slice(4), m.startTime])),
      grid: performance.getEntriesByName('grid:mounted')[0]?.startTime,
    }));
    const extra = after ? await after(page, paint) : undefined;
    return { paint, phases, extra };
  } finally {
    await ctx.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Cold open: a fresh browser profile each run (no cache, no IndexedDB), built app, first visit.
 * With `floor` (called once with the app's initial JS files, returns the floor page's URL), each
 * app run is followed by one of the floor page, so both see the same load.
 */
export async function coldOpen(url, distDir, runs = 7, floor) {
  const times = [];
  const floorTimes = [];
  const phases = [];
  let js = null;
  let floorUrl = null;
  for (let i = 0; i < runs; i++) {
    const run = await openFresh(url, {
      after: js
        ? undefined
        : async (page, paint) => {
            // What the page fetches by itself once the table is up (no click), then what waits for one.
            await page.waitForLoadState('networkidle');
            await page.waitForTimeout(500);
            const resources = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => ({ name: e.name, end: e.responseEnd })));
            js = jsSizes(paint, resources, distDir, url);
          },
    });
    times.push(run.paint);
    phases.push(run.phases);
    if (floor) {
      floorUrl ??= await floor(js.initialFiles);
      floorTimes.push((await openFresh(floorUrl)).paint);
    }
  }
  const keys = [...new Set(phases.flatMap((p) => Object.keys(p)))];
  // Medians of the moments (ms from navigation start) each phase ended.
  const out = { open: stat(times), js, phases: Object.fromEntries(keys.map((k) => [k, stat(phases.map((p) => p[k]).filter((x) => x !== undefined)).median])) };
  if (floor) out.floor = vsFloor(out.open, stat(floorTimes), times, floorTimes);
  return out;
}

/**
 * A figure beside its floor: the floor's stat, app / floor and app − floor (medians). Given the
 * interleaved samples, also the median of each app sample over the floor sample measured next to
 * it (`pairRatio`, less moved by load changes during the run) and the samples themselves.
 */
export function vsFloor(app, floor, appSamples, floorSamples) {
  const out = { ...floor, ratio: app.median / floor.median, diff: app.median - floor.median };
  if (appSamples && floorSamples) {
    const n = Math.min(appSamples.length, floorSamples.length);
    out.pairRatio = stat(Array.from({ length: n }, (_, i) => appSamples[i] / floorSamples[i])).median;
    out.samples = { app: appSamples, floor: floorSamples };
  }
  return out;
}

function gz(path) {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

/**
 * JS by when it arrives (gzip level 9, as a server would send it): before the first table
 * painted, fetched by the page after that without any click, and only on demand (the rest of dist).
 */
function jsSizes(paint, resources, distDir, url) {
  const js = resources.filter((x) => x.name.startsWith(url) && x.name.endsWith('.js'));
  const initialFiles = js.filter((x) => x.end <= paint).map((x) => x.name.slice(url.length));
  const laterFiles = js.filter((x) => x.end > paint).map((x) => x.name.slice(url.length));
  const fetched = new Set([...initialFiles, ...laterFiles]);
  const onDemandFiles = readdirSync(join(distDir, 'assets'))
    .filter((f) => f.endsWith('.js') && !fetched.has(`assets/${f}`))
    .map((f) => `assets/${f}`);
  const kb = (files) => files.reduce((a, p) => a + gz(join(distDir, p)), 0) / 1024;
  return {
    initialFiles,
    initialGzipKB: kb(initialFiles),
    afterPaintFiles: laterFiles,
    afterPaintGzipKB: kb(laterFiles),
    onDemandFiles,
    onDemandGzipKB: kb(onDemandFiles),
  };
}

export async function openApp(browser, url) {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 1300 }, acceptDownloads: true });
  const page = await ctx.newPage();
  await page.goto(url);
  await page.waitForSelector('.ht_master td[data-cell]');
  return { ctx, page };
}

/**
 * edit → painted: from the keydown of Enter that commits a 302xx edit on 公开06表 (its event
 * timestamp) to the end of the frame that shows 公用经费合计's new text: the observer (on the grid
 * only) sees the text change, a requestAnimationFrame callback runs at the start of the next frame,
 * and a message posted from it is delivered once that frame's style, layout and paint are done.
 * With `floor` ({ page } of the bare grid, bench/floors/grid.ts), each app edit is followed by one
 * on the bare grid (same keys, same cell; there the edited cell itself is watched).
 */
/** `t06`: the sheet id of the open template's 基本支出决算明细表 (30201 is edited, 公用经费 watched). */
export async function editToPaint(page, runs = 40, warmup = 5, floor, t06 = 't06') {
  const app = { page, cell: '.grid-host .ht_master td[data-cell="public|amount"]', goTo: (sheet) => window.__workbook.goToCell(sheet, '30201', 'amount') };
  const bare = floor && { page: floor.page, cell: '.grid-host .ht_master td[data-cell="edit"]', goTo: () => window.__goTo() };
  const sides = bare ? [app, bare] : [app];
  for (const s of sides) await s.page.evaluate(installEditProbe, s.cell);
  for (let i = 0; i < runs + warmup; i++) {
    for (const s of sides) {
      await s.page.evaluate(s.goTo, t06);
      await s.page.keyboard.type((20 + (i % 90) / 10).toFixed(2));
      // Keys arrive at any point of a 16.7 ms frame; a fixed loop could lock onto one phase of it.
      await s.page.waitForTimeout(Math.random() * 17);
      await s.page.keyboard.press('Enter');
      await s.page.waitForFunction((n) => window.__bench.samples.length > n, i, { timeout: 10000 });
      await s.page.waitForTimeout(350); // let autosave (300 ms debounce) write each edit on its own
    }
  }
  const samples = await page.evaluate(() => window.__bench.samples);
  const persisted = await page.evaluate(() => performance.getEntriesByName('storage:write').map((e) => e.duration));
  const out = { edit: stat(samples.slice(warmup)), autosavePerEdit: stat(persisted.slice(-runs)) };
  if (bare) {
    const floorSamples = (await bare.page.evaluate(() => window.__bench.samples)).slice(warmup);
    out.floor = vsFloor(out.edit, stat(floorSamples), samples.slice(warmup), floorSamples);
  }
  return out;
}

function installEditProbe(selector) {
  const b = (window.__bench = { t0: 0, before: '', samples: [] });
  const cell = () => document.querySelector(selector);
  document.addEventListener(
    'keydown',
    (e) => {
      if (e.key !== 'Enter' || !document.querySelector('.handsontableInputHolder textarea')) return;
      b.before = cell()?.textContent ?? '';
      b.t0 = e.timeStamp;
    },
    true,
  );
  const painted = new MessageChannel();
  painted.port1.onmessage = (e) => b.samples.push(performance.now() - e.data);
  new MutationObserver(() => {
    if (!b.t0 || (cell()?.textContent ?? '') === b.before) return;
    const t0 = b.t0;
    b.t0 = 0;
    requestAnimationFrame(() => painted.port2.postMessage(t0));
  }).observe(document.querySelector('.grid-host'), { subtree: true, childList: true, characterData: true });
}

/** The bare grid floor (bench/floors/grid.ts, built into `<dist>/floors/`) with `spec` loaded. */
export async function openBareGrid(browser, floorsUrl, spec) {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 1300 } });
  const page = await ctx.newPage();
  await page.goto(`${floorsUrl}grid.html`);
  await page.evaluate((s) => window.__startGrid(s), spec);
  await page.waitForSelector('.ht_master td[data-cell="edit"]');
  return { ctx, page };
}

/**
 * The bare ExcelJS floor (bench/floors/xlsx.ts) with the workbook to write. `worker`: the page reads
 * an imported file in a worker kept between imports, as the app does (the import floor from run 18
 * on); without it, on the page's main thread (the import floor until run 17, still measured beside).
 */
export async function openBareXlsx(browser, floorsUrl, spec, worker = false) {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const page = await ctx.newPage();
  await page.goto(`${floorsUrl}xlsx.html${worker ? '?worker' : ''}`);
  await page.evaluate((s) => (window.__xlsxSpec = s), spec);
  return { ctx, page };
}

/**
 * Warm runs of each XLSX figure, each beside one of the floor. Until run 11 the 500-code import
 * had 2 (its ratio moved 1.28–2.11 between runs); runs 12–15 had 8, and the example's export, whose
 * pairs take ~0.4 s, still moved 1.02 / 1.50 between a quiet and a busy run (its pairs' own ratios
 * 1.12 / 1.10): 24 pairs of the example (~10 s a figure) and 12 of the 500-code workbook.
 */
export const XLSX_RUNS = { example: 24, large: 12 };

/** Export: click to download started and button enabled again. With `floor` (a page), interleaved with it. */
export async function exportTimes(page, runs = 5, floor) {
  const once = async (p) => {
    const t0 = Date.now();
    // The app asks 公开表 or 工作底稿 first (the floor page asks the same); the bench exports the
    // full 工作底稿. Until run 10 the floor had no such step: one click against the app's two.
    await p.click('.btn-export-xlsx');
    await Promise.all([p.waitForEvent('download'), p.click('dialog.xlsx-kind-dialog .xlsx-kind-working')]);
    await p.waitForSelector('.btn-export-xlsx:not([disabled])');
    return Date.now() - t0;
  };
  return interleave(runs, () => once(page), floor && (() => once(floor)));
}

/**
 * Import through the file chooser up to the dialog that offers 替换/新建 (the file fully read and
 * checked). With `floor` (a page), interleaved with the same file read by bare ExcelJS. The end is
 * the moment the dialog opens, taken in the page (`armDialogProbe`): until branch import500 it was
 * when waitForSelector next looked, and Playwright looks with a back-off (20, 50, 100, 100, then
 * every 500 ms), which rounded both sides up by 0–500 ms and made the 500-code ratio jump.
 */
export async function importTimes(page, bytes, name, runs = 5, keepLastOpen = false, floor, pageFloor) {
  const once = async (p, last) => {
    const [chooser] = await Promise.all([p.waitForEvent('filechooser'), p.click('.btn-import-xlsx')]);
    await p.evaluate(armDialogProbe, 'dialog.xlsx-import-dialog[open]');
    const t0 = Date.now();
    await chooser.setFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(bytes) });
    await p.waitForSelector('dialog.xlsx-import-dialog[open]', { timeout: 60000 });
    const t = (await p.evaluate(() => window.__dialogOpenedAt)) - t0;
    if (!last) {
      await p.click('dialog.xlsx-import-dialog .xlsx-cancel');
      await p.waitForSelector('dialog.xlsx-import-dialog[open]', { state: 'detached' });
    }
    return t;
  };
  // The page-only floor (until run 17) runs after the worker floor in each round, kept as `floorOnPage`.
  return interleave(runs, (i) => once(page, keepLastOpen && i === runs), floor && (() => once(floor, false)), pageFloor && (() => once(pageFloor, false)));
}

/** In the page: `window.__dialogOpenedAt` becomes Date.now() when `selector` first matches (an observer runs right after the change). */
function armDialogProbe(selector) {
  window.__dialogOpenedAt = undefined;
  const observer = new MutationObserver(() => {
    if (!document.querySelector(selector)) return;
    window.__dialogOpenedAt = Date.now();
    observer.disconnect();
  });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['open'] });
}

/**
 * First run plus `runs` warm ones of `app`, each followed by one of `floor` when given (and then one
 * of `second`, a floor reported beside as `floorOnPage`).
 */
async function interleave(runs, app, floor, second) {
  const a = [];
  const f = [];
  const g = [];
  for (let i = 0; i <= runs; i++) {
    a.push(await app(i));
    if (floor) f.push(await floor(i));
    if (second) g.push(await second(i));
  }
  const out = { first: a[0], warm: stat(a.slice(1)) };
  if (floor) out.floor = { first: f[0], ...vsFloor(out.warm, stat(f.slice(1)), a.slice(1), f.slice(1)) };
  if (second) out.floorOnPage = { first: g[0], ...vsFloor(out.warm, stat(g.slice(1)), a.slice(1), g.slice(1)) };
  return out;
}

/** Opens the imported file (dialog already open) as a new workbook; the tab reloads onto it. */
export async function openImportedAsNew(page) {
  await Promise.all([page.waitForEvent('load', { timeout: 60000 }).catch(() => undefined), page.click('dialog.xlsx-import-dialog .xlsx-open-new')]);
  await page.waitForSelector('.ht_master td[data-cell]', { timeout: 60000 });
}

export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS, headless: true });
}

/** A built app (`distDir`) served on 127.0.0.1 by `vite preview`: its url and a close(). */
export async function serveBuild(distDir, root = process.cwd()) {
  const server = await preview({ root, logLevel: 'warn', build: { outDir: distDir }, preview: { host: '127.0.0.1', port: 0 } });
  return { url: `http://127.0.0.1:${server.httpServer.address().port}/`, close: () => server.httpServer.close() };
}

/**
 * An A/B of built apps, for the `*-only` scripts: `argv` is `[rounds] <distDir> [<distDir>…]`.
 * Each build is served and, per round, `once(side, round)` runs for each, the order reversed every
 * other round so that load changes hit both alike. Returns the sides: `{ dist, url }` and whatever
 * `once` stored on them.
 */
export async function alternateBuilds(argv, usage, once) {
  const rounds = Number(argv.find((a) => /^\d+$/.test(a)) ?? 4);
  const dists = argv.filter((a) => !/^\d+$/.test(a)).map((d) => resolve(d));
  if (!dists.length) throw new Error(`usage: ${usage}`);
  const sides = [];
  try {
    for (const dist of dists) sides.push({ dist, ...(await serveBuild(dist)) });
    for (let i = 0; i < rounds; i++) for (const side of i % 2 ? [...sides].reverse() : sides) await once(side, i);
  } finally {
    for (const s of sides) s.close();
  }
  return sides;
}
