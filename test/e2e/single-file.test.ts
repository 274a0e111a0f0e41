// The single file (dist/juesuan.html, written by `vite build`) opened from file:// as a user
// double-clicks it: the example opens with no request beyond the file itself and no CSP
// violation; an edit autosaves and is there after a reload; ExcelJS stays unparsed until the
// first export; the exported XLSX imports back over a changed workbook. Without IndexedDB the
// page says so and offers the JSON backup. Figures from the reference (蓝山县行政审批服务局
// 2021): 30201 办公费 21.34, 公用经费 596.17; +10 on 30201 → 606.17.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { REAL_PDF } from '../support/sh-reference';
import { StoragePage } from './pages/library-page';
import { PdfReviewPage } from './pages/pdf-review-page';
import { XlsxPage } from './pages/xlsx-page';
import { build } from 'vite';
import { launchBrowser, newAppPage, REPO_ROOT } from './support/browser';

const FILE = join(REPO_ROOT, process.env.E2E_DIST ?? 'dist', 'juesuan.html');
const OUT = join(REPO_ROOT, 'test-output', 'single-file-e2e');
let browser: Browser;
let current: StoragePage | undefined;

beforeAll(async () => {
  if (!existsSync(FILE)) throw new Error(`${FILE} not found: run \`npx vite build\` first`);
  browser = await launchBrowser();
});
afterAll(() => browser?.close());
afterEach(async () => {
  const p = current;
  current = undefined;
  if (!p) return;
  try {
    // A single file asks for nothing: every request is the file itself (or data:/blob:).
    expect(p.app.externalRequests.filter((r) => !r.endsWith(pathToFileURL(FILE).href))).toEqual([]);
    expect(p.app.cspViolations).toEqual([]);
    expect(p.consoleErrors).toEqual([]);
  } finally {
    await p.app.context.close();
  }
});

async function open(init?: string): Promise<StoragePage> {
  current = await StoragePage.open(browser, pathToFileURL(FILE).href, init ? { init } : {});
  return current;
}

const parts = (p: StoragePage) => p.page.evaluate(() => (globalThis as unknown as { __sf: { parts(): string[] } }).__sf.parts());

describe('single file from file://', () => {
  it('opens the example, keeps an edit across a reload, exports and re-imports XLSX', async () => {
    const p = await open();
    expect(p.page.url()).toMatch(/^file:\/\/.*juesuan\.html/);
    expect(await p.page.locator('#boot-msg').count()).toBe(0);
    expect(await p.cell('t06', '30201', 'amount')).toBe('21.34');
    // Lazy parts are embedded but not yet modules.
    expect((await parts(p)).some((k) => k.includes('exceljs'))).toBe(false);

    await p.edit('t06', '30201', 'amount', '31.34');
    expect(await p.cell('t06', 'public', 'amount')).toBe('606.17');
    await p.waitSaved();
    await p.reload();
    expect(await p.cell('t06', '30201', 'amount')).toBe('31.34');
    expect(await p.cell('t06', 'public', 'amount')).toBe('606.17');
    await p.screenshot('single-file-after-reload');

    const xl = new XlsxPage(p.grid);
    const out = await xl.export(OUT);
    expect(out.name).toMatch(/\.xlsx$/);
    expect((await parts(p)).some((k) => k.includes('exceljs'))).toBe(true);

    // Change the workbook, then bring the exported figures back.
    await p.edit('t06', '30201', 'amount', '1');
    expect(await p.cell('t06', 'public', 'amount')).toBe('575.83');
    await xl.choose({ name: out.name, buffer: await readFile(out.path) });
    await xl.replaceCurrent();
    expect(await p.cell('t06', '30201', 'amount')).toBe('31.34');
    expect(await p.cell('t06', 'public', 'amount')).toBe('606.17');
    await p.waitSaved();
    await p.reload();
    expect(await p.cell('t06', '30201', 'amount')).toBe('31.34');
  });

  it('PDF审查 reads the published PDF in its worker from file:// (pdf.js embedded, nothing fetched)', async () => {
    const p = await open();
    expect((await parts(p)).some((k) => /pdf\.worker/.test(k))).toBe(false);
    const review = new PdfReviewPage(p.grid);
    await review.choose('sh-putuo-czj-2024.pdf', await readFile(REAL_PDF));
    expect((await review.choice()).templates[0]).toContain('（找到 9/9 张表）');
    // Read in the import worker: pdf.js never became a module of the page itself.
    const pdfjs = /assets\/pdf(\.worker|-read)?-[\w-]{8}\.js$/;
    expect((await parts(p)).filter((k) => pdfjs.test(k))).toEqual([]);
    const report = await review.start();
    expect(report.summary).toMatch(/^上海市普陀区财政局2024年度部门决算：审核发现错误 \d+ 个，提示 \d+ 个。$/);
    expect((await parts(p)).filter((k) => pdfjs.test(k))).toEqual([]);
    await review.openWorkbook();
    expect(await p.grid.auditCounts()).toEqual({ errors: 0, warnings: 27 });
  });

  it('without IndexedDB it says so and offers the JSON backup', async () => {
    const p = await open('Object.defineProperty(window, "indexedDB", { value: undefined, configurable: true });');
    const banner = await p.waitBanner('save');
    expect(banner.text).toContain('无法使用浏览器本地存储');
    await p.edit('t06', '30201', 'amount', '31.34');
    const file = await p.download(() => p.clickBanner('save', 'btn-export-json'));
    const backup = JSON.parse(file.text) as { workbooks: { document: { inputs: { t06: Record<string, { amount: string }> } } }[] };
    expect(backup.workbooks[0]!.document.inputs.t06['30201']!.amount).toBe('31.34');
  });
});

describe('single-file packer', () => {
  it('runs a module worker that lazily imports its own chunk, with no message lost', async () => {
    const root = join(REPO_ROOT, 'test', 'fixtures', 'single-file-app');
    const outDir = join(OUT, 'worker-app');
    await build({ root, configFile: join(root, 'vite.config.mjs'), build: { outDir, emptyOutDir: true } });
    const app = await newAppPage(browser, pathToFileURL(join(outDir, 'juesuan.html')).href);
    try {
      await app.page.waitForFunction(() => /^(worker|error):/.test(document.getElementById('app')?.textContent ?? ''));
      expect(await app.page.textContent('#app')).toBe('worker:41');
      expect(app.cspViolations).toEqual([]);
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.context.close();
    }
  });
});
