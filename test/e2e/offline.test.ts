// Offline when hosted: after a first visit the service worker has the whole build, so the app
// opens, edits and exports XLSX with the network off; it is installable (manifest); a new
// version is announced and applied only on request, and not while an edit is unsaved.
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoragePage } from './pages/library-page';
import { XlsxPage } from './pages/xlsx-page';
import { launchBrowser, newAppPage, REPO_ROOT, startPreviewServer, type PreviewHandle } from './support/browser';

// A private copy of the build: the update test rewrites its sw.js.
const DIST = join(REPO_ROOT, 'test-output', 'offline-dist');
let server: PreviewHandle;
let browser: Browser;

beforeAll(async () => {
  await rm(DIST, { recursive: true, force: true });
  await cp(join(REPO_ROOT, process.env.E2E_DIST ?? 'dist'), DIST, { recursive: true });
  server = await startPreviewServer({ outDir: DIST });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function firstVisit(): Promise<StoragePage> {
  const app = await newAppPage(browser, server.url, { goto: false, serviceWorkers: true });
  const p = Reflect.construct(StoragePage, [app, app.page, server.url]) as StoragePage;
  await p.goto();
  // Installed and activated: the cache holds the build.
  await p.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  return p;
}

describe('offline when hosted', () => {
  it('opens, edits and exports XLSX with the network off after one visit; has a manifest', async () => {
    const p = await firstVisit();
    try {
      const manifest = await p.page.evaluate(async () => {
        const href = document.querySelector<HTMLLinkElement>('link[rel="manifest"]')!.href;
        return (await fetch(href)).json() as Promise<{ name: string; display: string; icons: unknown[] }>;
      });
      expect(manifest).toMatchObject({ name: '决算公开工作簿', display: 'standalone' });
      expect(manifest.icons.length).toBeGreaterThan(0);

      await p.context.setOffline(true);
      await p.reload();
      expect(await p.page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
      await p.edit('t06', '30201', 'amount', '31.34');
      expect(await p.cell('t06', 'public', 'amount')).toBe('606.17');
      await p.waitSaved();
      const out = await new XlsxPage(p.grid).export(join(REPO_ROOT, 'test-output', 'offline-e2e'));
      expect(out.name).toMatch(/\.xlsx$/);
      await p.screenshot('offline-after-export');
      expect(p.consoleErrors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
    } finally {
      await p.context.setOffline(false);
      await p.app.context.close();
    }
  });

  it('announces a new version; not applied while an edit is unsaved; applied on request', async () => {
    const p = await firstVisit();
    try {
      await p.reload(); // now controlled by the first version
      const sw = join(DIST, 'sw.js');
      await writeFile(sw, `${await readFile(sw, 'utf8')}\n// next version\n`);
      await p.page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r!.update()));
      await p.page.waitForSelector('.update-notice');

      // An edit that cannot be stored (disk full): the update must wait.
      await p.page.evaluate(() => {
        const put = IDBObjectStore.prototype.put;
        IDBObjectStore.prototype.put = function (...args: Parameters<typeof put>) {
          if ((window as unknown as { __full?: boolean }).__full) throw new DOMException('full', 'QuotaExceededError');
          return put.apply(this, args);
        };
        (window as unknown as { __full: boolean }).__full = true;
      });
      await p.edit('t06', '30201', 'amount', '41.34');
      await p.page.waitForSelector('.save-status[data-state="failed"]');
      await p.page.click('.update-notice .btn-apply-update');
      expect(await p.page.textContent('.update-notice .update-text')).toContain('还有未保存的修改');
      expect(await p.cell('t06', '30201', 'amount')).toBe('41.34');

      await p.page.evaluate(() => ((window as unknown as { __full: boolean }).__full = false));
      await p.edit('t06', '30201', 'amount', '51.34');
      await p.waitSaved();
      await p.navigates(() => p.page.click('.update-notice .btn-apply-update'));
      expect(await p.cell('t06', '30201', 'amount')).toBe('51.34');
    } finally {
      await p.app.context.close();
    }
  });
});
