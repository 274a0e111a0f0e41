// Shared set-up for e2e files that drive the built app: one preview server and one Chromium per
// file, a fresh page per test, and after each test the checks every scenario owes (no request
// outside the origin, no CSP violation, no script error). Call once at the top of a test file.
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { launchBrowser, startPreviewServer, type PreviewHandle } from '../support/browser';
import { WorkbookPage } from './workbook-page';

export interface AppFixture {
  /** Opens the app in a fresh browser context (first visit: the built-in example). */
  open(): Promise<WorkbookPage>;
  /** As open(), returning as soon as the first table is in the page (see WorkbookPage.openAtFirstPaint). */
  openAtFirstPaint(click?: { row: string; col: string }): Promise<{ wb: WorkbookPage; engineBuilt: boolean | undefined; gridBuilt: boolean | undefined }>;
  readonly browser: Browser;
  readonly url: string;
}

export function useAppFixture(): AppFixture {
  let browser: Browser | undefined;
  let server: PreviewHandle | undefined;
  let current: WorkbookPage | undefined;

  beforeAll(async () => {
    server = await startPreviewServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(async () => {
    const wb = current;
    current = undefined;
    if (!wb) return;
    try {
      expect(wb.app.externalRequests).toEqual([]);
      expect(wb.app.cspViolations).toEqual([]);
      expect(wb.app.consoleErrors).toEqual([]);
    } finally {
      await wb.close();
    }
  });

  return {
    async open() {
      current = await WorkbookPage.open(browser!, server!.url);
      return current;
    },
    async openAtFirstPaint(click) {
      const opened = await WorkbookPage.openAtFirstPaint(browser!, server!.url, click);
      current = opened.wb;
      return opened;
    },
    get browser() {
      return browser!;
    },
    get url() {
      return server!.url;
    },
  };
}
