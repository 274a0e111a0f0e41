// The single file (dist/juesuan.html) double-clicked in Firefox: Debian's firefox-esr driven by
// puppeteer-core over WebDriver BiDi (playwright-core drives only its own patched Firefox).
// The same path as in Chromium (single-file.test.ts): the example opens from file://, an edit
// autosaves into IndexedDB and is there after a reload, 导出XLSX saves a real download, and that
// file imports back over a changed workbook. Without IndexedDB the page says so and offers the
// JSON backup. Figures from the reference (蓝山县行政审批服务局 2021): 30201 办公费 21.34,
// 公用经费 596.17; +10 on 30201 → 606.17.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/browser';

const FIREFOX = '/usr/bin/firefox-esr';
const FILE = join(REPO_ROOT, process.env.E2E_DIST ?? 'dist', 'juesuan.html');
const OUT = join(REPO_ROOT, 'test-output', 'firefox-e2e');
let browser: Browser;
let downloads: string;
let page: Page | undefined;
let errors: string[] = [];

beforeAll(async () => {
  if (!existsSync(FILE)) throw new Error(`${FILE} not found: run \`npx vite build\` first`);
  if (!existsSync(FIREFOX)) throw new Error(`${FIREFOX} not found: run \`node scripts/ensure-system-deps.mjs\``);
  mkdirSync(OUT, { recursive: true });
  downloads = mkdtempSync(join(tmpdir(), 'ff-downloads-'));
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // A download goes to this folder without a dialog, as after a user's "always save".
    extraPrefsFirefox: { 'browser.download.folderList': 2, 'browser.download.dir': downloads, 'browser.download.useDownloadDir': true, 'browser.download.always_ask_before_handling_new_types': false },
  });
});
afterAll(async () => {
  await browser?.close();
  rmSync(downloads, { recursive: true, force: true });
});
afterEach(async () => {
  const p = page;
  page = undefined;
  try {
    expect(errors).toEqual([]);
  } finally {
    await p?.browserContext().close();
  }
});

/** A fresh profile context (no IndexedDB yet), the file opened as a double-click would. */
async function open(init?: string): Promise<Page> {
  const ctx = await browser.createBrowserContext();
  const p = await ctx.newPage();
  errors = [];
  p.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
  p.on('pageerror', (e) => void errors.push(String(e)));
  if (init) await p.evaluateOnNewDocument(init);
  await p.setViewport({ width: 1366, height: 768 });
  await p.goto(pathToFileURL(FILE).href);
  await p.waitForSelector('.ht_master td[data-cell]', { timeout: 60000 });
  page = p;
  return p;
}

/** The text the grid shows in a cell (its table opened and the cell scrolled into view). */
async function cell(p: Page, sheet: string, row: string, col: string): Promise<string> {
  const ok = await p.evaluate((s, r, c) => window.__workbook!.revealCell(s as never, r, c), sheet, row, col);
  if (!ok) throw new Error(`no cell ${sheet}:${row}:${col}`);
  return p.$eval(`.grid-host .ht_master td[data-cell="${row}|${col}"]`, (td) => td.textContent ?? '');
}

/** Types into a cell like a user: select, type over, Enter. */
async function edit(p: Page, sheet: string, row: string, col: string, text: string): Promise<void> {
  const ok = await p.evaluate((s, r, c) => window.__workbook!.goToCell(s as never, r, c), sheet, row, col);
  if (!ok) throw new Error(`no cell ${sheet}:${row}:${col}`);
  await p.keyboard.type(text);
  await p.keyboard.press('Enter');
}

const waitSaved = (p: Page) => p.waitForSelector('.save-status[data-state="saved"]', { timeout: 20000 });

async function reload(p: Page): Promise<void> {
  await p.reload();
  await p.waitForSelector('.ht_master td[data-cell]', { timeout: 60000 });
}

/** Waits until a file has appeared (and finished: Firefox writes a .part beside it first). */
/**
 * The new file named like `name` in the download folder. Firefox may first write the download
 * under a random temporary name (seen once beside a busy machine: `yPlQJg_j.xlsx`), then rename it.
 */
async function downloaded(before: Set<string>, name: RegExp): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const all = readdirSync(downloads);
    const done = all.filter((f) => !before.has(f) && name.test(f) && !f.endsWith('.part') && !all.includes(`${f}.part`));
    if (done.length) return join(downloads, done[0]!);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('no download');
}

describe('single file in Firefox (firefox-esr, file://)', () => {
  it('opens the example, keeps an edit across a reload, downloads XLSX and imports it back', async () => {
    const p = await open();
    expect(await p.$('#boot-msg')).toBeNull();
    expect(await cell(p, 't06', '30201', 'amount')).toBe('21.34');
    expect(await cell(p, 't06', 'public', 'amount')).toBe('596.17');

    await edit(p, 't06', '30201', 'amount', '31.34');
    expect(await cell(p, 't06', 'public', 'amount')).toBe('606.17');
    await waitSaved(p);
    await reload(p);
    expect(await cell(p, 't06', '30201', 'amount')).toBe('31.34');
    expect(await cell(p, 't06', 'public', 'amount')).toBe('606.17');
    await p.screenshot({ path: join(OUT, 'firefox-after-reload.png') });

    const before = new Set(readdirSync(downloads));
    await p.click('.toolbar .btn-export-xlsx');
    await p.waitForSelector('dialog.xlsx-kind-dialog .xlsx-kind-working');
    await p.click('dialog.xlsx-kind-dialog .xlsx-kind-working');
    const file = await downloaded(before, /蓝山县行政审批服务局2021年度.*\.xlsx$/);

    // Change the workbook, then bring the exported figures back.
    await edit(p, 't06', '30201', 'amount', '1');
    expect(await cell(p, 't06', 'public', 'amount')).toBe('575.83');
    const input = (await p.$('input.xlsx-file-input'))!;
    await input.uploadFile(file);
    await p.waitForSelector('dialog.xlsx-import-dialog[open] .xlsx-replace', { timeout: 60000 });
    await p.click('dialog.xlsx-import-dialog .xlsx-replace');
    await p.waitForSelector('dialog.xlsx-import-dialog .xlsx-confirm-replace');
    await p.click('dialog.xlsx-import-dialog .xlsx-confirm-replace');
    await p.waitForFunction(() => !document.querySelector('dialog.xlsx-import-dialog'));
    expect(await cell(p, 't06', '30201', 'amount')).toBe('31.34');
    expect(await cell(p, 't06', 'public', 'amount')).toBe('606.17');
    await waitSaved(p);
    await reload(p);
    expect(await cell(p, 't06', '30201', 'amount')).toBe('31.34');
  });

  it('without IndexedDB it says so and offers the JSON backup', async () => {
    const p = await open('Object.defineProperty(window, "indexedDB", { value: undefined, configurable: true });');
    await p.waitForSelector('.banner[data-banner="save"]');
    expect(await p.$eval('.banner[data-banner="save"] .banner-text', (e) => e.textContent)).toContain('无法使用浏览器本地存储');
    expect(await p.$('.banner[data-banner="save"] .btn-export-json')).not.toBeNull();
  });
});
