// Proves the e2e infrastructure itself works (system Chromium, preview server, page
// instrumentation, LibreOffice recalculation, PDF rendering) without depending on the app.
import { existsSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newAppPage, screenshot, startPreviewServer } from './support/browser';
import {
  parseCsv,
  pdfToPng,
  recalculatedRoundTrip,
  xlsxToCsvPerSheet,
  xlsxToPdf,
} from '../support/libreoffice';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'infra-test-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('browser helpers', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('renders CJK text in system Chromium and saves a screenshot', async () => {
    const { context, page, consoleErrors } = await newAppPage(
      browser,
      'data:text/html,<meta charset=utf-8><h1>部门决算</h1>',
    );
    try {
      await expect.poll(() => page.textContent('h1')).toBe('部门决算');
      const png = await screenshot(page, 'infra-cjk');
      expect(existsSync(png)).toBe(true);
      expect(statSync(png).size).toBeGreaterThan(1024);
      expect(consoleErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('serves a folder with vite preview and records external requests and CSP violations', async () => {
    const site = join(work, 'site');
    await mkdir(site, { recursive: true });
    // 127.0.0.2:9 is a different origin that refuses connections fast: no real network is used.
    await writeFile(
      join(site, 'index.html'),
      `<!doctype html><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'self'">` +
        `<h1>ok</h1><img src="http://127.0.0.2:9/blocked.png">`,
    );
    await writeFile(join(site, 'leak.html'), `<!doctype html><meta charset="utf-8"><img src="http://127.0.0.2:9/leak.png">`);
    const server = await startPreviewServer({ outDir: site });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);

      const strict = await newAppPage(browser, server.url);
      await expect.poll(() => strict.cspViolations.length).toBeGreaterThan(0);
      expect(strict.cspViolations[0]).toContain('blocked.png');
      expect(strict.consoleErrors.length).toBeGreaterThan(0);
      await strict.context.close();

      const leaky = await newAppPage(browser, `${server.url}leak.html`);
      await expect.poll(() => leaky.externalRequests).toEqual(['GET http://127.0.0.2:9/leak.png']);
      await leaky.context.close();
    } finally {
      await server.close();
    }
  });
});

describe('LibreOffice helpers', () => {
  let xlsx: string;
  beforeAll(async () => {
    // A formula whose cached result is deliberately wrong: only a real recalculation yields 3.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('公开01表');
    ws.getCell('A1').value = 1;
    ws.getCell('A2').value = 2;
    ws.getCell('A3').value = { formula: "'公开01表'!A1+A2", result: 99 };
    xlsx = join(work, 'recalc.xlsx');
    await wb.xlsx.writeFile(xlsx);
  });

  it('forces recalculation on load when asked to', async () => {
    const sheets = await xlsxToCsvPerSheet(xlsx, join(work, 'csv-recalc'));
    expect([...sheets.keys()]).toEqual(['公开01表']);
    expect(sheets.get('公开01表')).toEqual([['1'], ['2'], ['3']]);
  });

  it('keeps the cached (wrong) result without recalculation', async () => {
    const sheets = await xlsxToCsvPerSheet(xlsx, join(work, 'csv-cached'), { recalc: false });
    expect(sheets.get('公开01表')?.[2]).toEqual(['99']);
  });

  it('round-trips through LibreOffice with fresh cached results', async () => {
    const out = await recalculatedRoundTrip(xlsx, join(work, 'roundtrip'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const cell = wb.getWorksheet('公开01表')?.getCell('A3').value as ExcelJS.CellFormulaValue;
    expect(cell.result).toBe(3);
    expect(cell.formula).toContain('A1');
  });

  it('renders to PDF and PNG', async () => {
    const pdf = await xlsxToPdf(xlsx, join(work, 'pdf'));
    const pngs = await pdfToPng(pdf, join(work, 'pdf', 'page'), { firstPage: 1, lastPage: 1 });
    expect(pngs).toHaveLength(1);
    expect(statSync(pngs[0]).size).toBeGreaterThan(1024);
  });
});

describe('parseCsv', () => {
  it.each([
    ['', []],
    ['a,b\n1,2\n', [['a', 'b'], ['1', '2']]],
    ['a,b\r\n1,2', [['a', 'b'], ['1', '2']]],
    ['"x,y","say ""hi"""', [['x,y', 'say "hi"']]],
    ['"line1\nline2",z\n', [['line1\nline2', 'z']]],
    [',\n', [['', '']]],
    ['a\n\nb\n', [['a'], [''], ['b']]],
    ['""', [['']]],
    ['\ufeff部门,决算\n', [['部门', '决算']]],
  ])('parses %j', (text, rows) => {
    expect(parseCsv(text)).toEqual(rows);
  });

  it('rejects an unterminated quote', () => {
    expect(() => parseCsv('"abc')).toThrow(/unterminated/);
  });
});
