// Browser side of `npm run bench`: real headless Chromium against the built app (vite preview).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const CHROMIUM = '/usr/bin/chromium';

export function stat(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { median: q(0.5), p95: q(0.95), n: s.length };
}

/**
 * Installed before any app script: the time at which the frame that shows the first table cell
 * has been painted (its requestAnimationFrame callback posts a message, delivered after the paint).
 */
function firstPaintProbe() {
  const seen = () => document.querySelector('.ht_master td[data-cell]');
  const painted = new MessageChannel();
  painted.port1.onmessage = () => (window.__firstTablePaint = performance.now());
  const mo = new MutationObserver(() => {
    if (!seen()) return;
    mo.disconnect();
    requestAnimationFrame(() => painted.port2.postMessage(null));
  });
  document.addEventListener('DOMContentLoaded', () => mo.observe(document.body, { childList: true, subtree: true }));
}

/** Cold open: a fresh browser profile each run (no cache, no IndexedDB), built app, first visit. */
export async function coldOpen(url, distDir, runs = 7) {
  const times = [];
  let js = null;
  for (let i = 0; i < runs; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-profile-'));
    const ctx = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, args: ARGS, headless: true, viewport: { width: 1400, height: 900 } });
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    await page.addInitScript(firstPaintProbe);
    await page.goto(url);
    await page.waitForFunction(() => window.__firstTablePaint !== undefined, null, { timeout: 60000 });
    const paint = await page.evaluate(() => window.__firstTablePaint);
    times.push(paint);
    if (!js) {
      // What the page fetches by itself once the table is up (no click), then what waits for one.
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(500);
      const resources = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => ({ name: e.name, end: e.responseEnd })));
      js = jsSizes(paint, resources, distDir, url);
    }
    await ctx.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return { open: stat(times), js };
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
 */
export async function editToPaint(page, runs = 40, warmup = 5) {
  await page.evaluate(() => {
    const b = (window.__bench = { t0: 0, before: '', samples: [] });
    const cell = () => document.querySelector('.grid-host .ht_master td[data-cell="public|amount"]');
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
  });
  for (let i = 0; i < runs + warmup; i++) {
    await page.evaluate(() => window.__workbook.goToCell('t06', '30201', 'amount'));
    await page.keyboard.type((20 + (i % 90) / 10).toFixed(2));
    // Keys arrive at any point of a 16.7 ms frame; a fixed loop could lock onto one phase of it.
    await page.waitForTimeout(Math.random() * 17);
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => window.__bench.samples.length > n, i, { timeout: 10000 });
    await page.waitForTimeout(350); // let autosave (300 ms debounce) write each edit on its own
  }
  const samples = await page.evaluate(() => window.__bench.samples);
  const persisted = await page.evaluate(() => performance.getEntriesByName('storage:write').map((e) => e.duration));
  return { edit: stat(samples.slice(warmup)), autosavePerEdit: stat(persisted.slice(-runs)) };
}

export async function exportTimes(page, runs = 5) {
  const times = [];
  for (let i = 0; i <= runs; i++) {
    const t0 = Date.now();
    await page.click('.toolbar .btn-export-xlsx'); // then 工作底稿 in the 导出XLSX choice
    await Promise.all([page.waitForEvent('download'), page.click('dialog.xlsx-kind-dialog .xlsx-kind-working')]);
    await page.waitForSelector('.toolbar .btn-export-xlsx:not([disabled])');
    times.push(Date.now() - t0);
  }
  return { first: times[0], warm: stat(times.slice(1)) };
}

/** Import through the file chooser up to the dialog that offers 替换/新建 (the file fully read and checked). */
export async function importTimes(page, bytes, name, runs = 5, keepLastOpen = false) {
  const times = [];
  for (let i = 0; i <= runs; i++) {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('.toolbar .btn-import-xlsx')]);
    const t0 = Date.now();
    await chooser.setFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(bytes) });
    await page.waitForSelector('dialog.xlsx-import-dialog[open]', { timeout: 60000 });
    times.push(Date.now() - t0);
    if (i < runs || !keepLastOpen) {
      await page.click('dialog.xlsx-import-dialog .xlsx-cancel');
      await page.waitForSelector('dialog.xlsx-import-dialog[open]', { state: 'detached' });
    }
  }
  return { first: times[0], warm: stat(times.slice(1)) };
}

/** Opens the imported file (dialog already open) as a new workbook; the tab reloads onto it. */
export async function openImportedAsNew(page) {
  await Promise.all([page.waitForEvent('load', { timeout: 60000 }).catch(() => undefined), page.click('dialog.xlsx-import-dialog .xlsx-open-new')]);
  await page.waitForSelector('.ht_master td[data-cell]', { timeout: 60000 });
}

export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}
