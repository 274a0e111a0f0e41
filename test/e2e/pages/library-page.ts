// Page model of storage in the browser: several pages of one browser profile (tabs), the save
// status, banners, the 工作簿 dialog, 情景 and 情景对比, 历史版本, JSON backup, and direct
// IndexedDB access for seeding fixtures. Grid work is delegated to WorkbookPage (stable cell ids).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterEach, expect } from 'vitest';
import { newAppPage, screenshot, type AppPage } from '../support/browser';
import { useAppFixture } from './app-fixture';
import { WorkbookPage } from './workbook-page';

export const DB = { name: 'juesuan-gongkai', store: 'kv' } as const;

export interface Banner {
  id: string;
  kind: string;
  text: string;
}

export interface LibraryRow {
  id: string;
  department: string;
  year: string;
  name: string;
  scenarios: string;
  current: boolean;
}

export interface FigureRow {
  base: string;
  scenario: string;
  diff: string;
}

/** One tab of the app. */
export class StoragePage {
  /** The grid page model for this tab. */
  readonly grid: WorkbookPage;
  readonly consoleErrors: string[];

  private constructor(
    readonly app: AppPage,
    readonly page: Page,
    readonly url: string,
  ) {
    // WorkbookPage's constructor is private to steer tests to open(); its grid methods only need the page.
    this.grid = Reflect.construct(WorkbookPage, [{ ...app, page }]) as WorkbookPage;
    this.consoleErrors = page === app.page ? app.consoleErrors : [];
    if (page !== app.page) {
      page.on('console', (m) => {
        if (m.type() === 'error') this.consoleErrors.push(m.text());
      });
      page.on('pageerror', (e) => this.consoleErrors.push(`pageerror: ${e.message}`));
    }
  }

  get context(): BrowserContext {
    return this.app.context;
  }

  /** A fresh browser profile (empty IndexedDB). `init` runs before the app's scripts on every load. */
  static async open(browser: Browser, url: string, opts: { init?: string; goto?: boolean } = {}): Promise<StoragePage> {
    const app = await newAppPage(browser, url, { goto: false });
    if (opts.init) await app.context.addInitScript(opts.init);
    const p = new StoragePage(app, app.page, url);
    if (opts.goto !== false) await p.goto();
    return p;
  }

  /** Another tab of the same profile, opened on the app's address (or `hash`). */
  async another(hash = ''): Promise<StoragePage> {
    const page = await this.context.newPage();
    const p = new StoragePage(this.app, page, this.url);
    await p.goto(hash);
    return p;
  }

  /** Loads the app afresh (a changed #wb= alone would not reload the page). */
  async goto(hash = ''): Promise<void> {
    if (this.page.url().startsWith(this.url)) await this.page.goto('about:blank');
    await this.page.goto(this.url + hash);
    await this.ready();
  }

  /** The grid is painted and the storage status is shown. */
  async ready(): Promise<void> {
    await this.page.waitForSelector('.ht_master td[data-cell]');
    await this.page.waitForSelector('.save-status[data-state]');
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.ready();
  }

  /** Runs an action that shows another workbook (the page reloads) and waits for it. */
  async navigates(action: () => Promise<unknown>): Promise<void> {
    const loaded = this.page.waitForEvent('load');
    await action();
    await loaded;
    await this.ready();
  }

  async close(): Promise<void> {
    await this.page.close();
  }

  async screenshot(name: string): Promise<string> {
    return screenshot(this.page, name);
  }

  /** The id in #wb=<id>. */
  async workbookId(): Promise<string> {
    return this.page.evaluate(() => decodeURIComponent(location.hash.replace(/^#wb=/, '')));
  }

  // ---- grid shortcuts ---------------------------------------------------------------------------
  edit(sheet: string, row: string, col: string, text: string): Promise<void> {
    return this.grid.edit(sheet, row, col, text);
  }

  cell(sheet: string, row: string, col: string): Promise<string> {
    return this.grid.cellText(sheet, row, col);
  }

  // ---- status and banners -----------------------------------------------------------------------
  async saveStatus(): Promise<{ state: string; text: string; title: string }> {
    return this.page.$eval('.save-status', (e) => ({ state: (e as HTMLElement).dataset.state ?? '', text: e.textContent ?? '', title: (e as HTMLElement).title }));
  }

  /** Starts recording every text the save status shows (a busy machine may pass 正在保存 quickly). */
  async watchSaveStatus(): Promise<void> {
    await this.page.$eval('.save-status', (e) => {
      const seen: string[] = [];
      (window as unknown as { __saveStatuses: string[] }).__saveStatuses = seen;
      new MutationObserver(() => seen.push(e.textContent ?? '')).observe(e, { childList: true, characterData: true, subtree: true });
    });
  }

  /** The texts the save status showed since watchSaveStatus(). */
  async seenSaveStatuses(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { __saveStatuses?: string[] }).__saveStatuses ?? []);
  }

  async waitSaved(): Promise<void> {
    await this.page.waitForSelector('.save-status[data-state="saved"]');
  }

  async banners(): Promise<Banner[]> {
    return this.page.$$eval('.banner', (els) =>
      els.map((e) => ({
        id: (e as HTMLElement).dataset.banner ?? '',
        kind: [...e.classList].find((c) => c.startsWith('banner-'))?.slice(7) ?? '',
        text: e.querySelector('.banner-text')?.textContent ?? '',
      })),
    );
  }

  async waitBanner(id: string): Promise<Banner> {
    await this.page.waitForSelector(`.banner[data-banner="${id}"]`);
    return (await this.banners()).find((b) => b.id === id)!;
  }

  async clickBanner(id: string, buttonClass: string): Promise<void> {
    await this.page.click(`.banner[data-banner="${id}"] .${buttonClass}`);
  }

  /** Clicks a button that downloads a file and returns the file's text and name. */
  async download(click: () => Promise<unknown>): Promise<{ name: string; text: string }> {
    const [dl] = await Promise.all([this.page.waitForEvent('download'), click()]);
    const stream = await dl.createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    return { name: dl.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
  }

  // ---- 工作簿 dialog ------------------------------------------------------------------------------
  async openLibrary(): Promise<void> {
    await this.page.click('.toolbar .btn-workbooks');
    await this.page.waitForSelector('dialog.workbook-dialog .library-table, dialog.workbook-dialog .cmp-none');
  }

  async libraryRows(): Promise<LibraryRow[]> {
    await this.page.waitForSelector('dialog.workbook-dialog .library-table');
    return this.page.$$eval('dialog.workbook-dialog .library-table tbody tr', (trs) =>
      trs.map((tr) => {
        const td = [...tr.querySelectorAll('td')].map((t) => t.textContent ?? '');
        return {
          id: (tr as HTMLElement).dataset.workbook ?? '',
          department: td[0] ?? '',
          year: td[1] ?? '',
          name: td[2] ?? '',
          scenarios: td[3] ?? '',
          current: tr.classList.contains('is-current'),
        };
      }),
    );
  }

  private row(name: string) {
    return this.page.locator('dialog.workbook-dialog .library-table tbody tr', { has: this.page.locator('td.wb-name', { hasText: name }) });
  }

  /** The dialog's result or error line. */
  async dialogMessage(dialogClass: string): Promise<string> {
    const m = this.page.locator(`dialog.${dialogClass} .dialog-message`);
    await m.waitFor({ state: 'visible' });
    return (await m.textContent()) ?? '';
  }

  /** Runs an action in a dialog and returns the result line it shows (a new one, not the last). */
  async messageAfter(dialogClass: string, action: () => Promise<unknown>): Promise<string> {
    const sel = `dialog.${dialogClass} .dialog-message`;
    const before = await this.page.$eval(sel, (e) => ((e as HTMLElement).hidden ? '' : (e.textContent ?? ''))).catch(() => '');
    await action();
    await this.page.waitForFunction(
      ([s, b]) => {
        const e = document.querySelector(s!) as HTMLElement | null;
        return !!e && !e.hidden && e.textContent !== b;
      },
      [sel, before],
    );
    return this.dialogMessage(dialogClass);
  }

  async openWorkbook(name: string): Promise<void> {
    await this.navigates(() => this.row(name).locator('.btn-open').click());
  }

  /** 新建: `from` names last year's workbook to carry over; otherwise a blank template. `template` picks one by (part of) its name. */
  async createWorkbook(opts: { from?: string; department?: string; year: number; name?: string; template?: string }): Promise<void> {
    if (opts.from) {
      const value = await this.page.$eval(
        'dialog.workbook-dialog .new-source',
        (sel, from) => [...(sel as HTMLSelectElement).options].find((o) => o.textContent?.includes(from))?.value ?? '',
        opts.from,
      );
      await this.page.selectOption('dialog.workbook-dialog .new-source', value);
    }
    if (opts.department !== undefined) await this.page.fill('dialog.workbook-dialog .new-department', opts.department);
    await this.page.fill('dialog.workbook-dialog .new-year', String(opts.year));
    if (opts.name) await this.page.fill('dialog.workbook-dialog .new-name', opts.name);
    if (opts.template) {
      const value = await this.page.$eval(
        'dialog.workbook-dialog .new-template',
        (sel, t) => [...(sel as HTMLSelectElement).options].find((o) => o.textContent?.includes(t))?.value ?? '',
        opts.template,
      );
      await this.page.selectOption('dialog.workbook-dialog .new-template', value);
    }
    await this.navigates(() => this.page.click('dialog.workbook-dialog .btn-create'));
  }

  /** The template 新建 proposes now (its option text). */
  async proposedTemplate(): Promise<string> {
    return this.page.$eval('dialog.workbook-dialog .new-template', (sel) => (sel as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');
  }

  async renameWorkbook(name: string, to: string): Promise<void> {
    await this.row(name).locator('.btn-rename').click();
    await this.page.fill('dialog.ask-text .ask-input', to);
    await this.page.click('dialog.ask-text .ask-ok');
    await this.row(to).waitFor();
  }

  /** 复制; returns the dialog's result line. */
  duplicateWorkbook(name: string): Promise<string> {
    return this.messageAfter('workbook-dialog', () => this.row(name).locator('.btn-duplicate').click());
  }

  /** 删除, confirmed. Returns the confirmation's text. */
  async removeWorkbook(name: string): Promise<string> {
    await this.row(name).locator('.btn-remove').click();
    const text = (await this.page.textContent('dialog.confirm-action .confirm-message')) ?? '';
    await this.page.click('dialog.confirm-action .confirm-ok');
    return text;
  }

  async binRows(): Promise<string[]> {
    await this.page.click('dialog.workbook-dialog .library-bin summary');
    return this.page.$$eval('dialog.workbook-dialog .bin-table tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((t) => t.textContent ?? '').join('|')));
  }

  async undelete(name: string): Promise<void> {
    await this.page.locator('dialog.workbook-dialog .bin-table tbody tr', { hasText: name }).locator('.btn-undelete').click();
    await this.row(name).waitFor();
  }

  async closeDialog(dialogClass: string): Promise<void> {
    await this.page.click(`dialog.${dialogClass} .dialog-footer .btn-close`);
    await this.page.waitForSelector(`dialog.${dialogClass}`, { state: 'detached' });
  }

  // ---- 情景 ------------------------------------------------------------------------------------------
  async newScenario(name: string): Promise<void> {
    await this.page.click('.toolbar .btn-new-scenario');
    await this.page.fill('dialog.ask-text .ask-input', name);
    await this.navigates(() => this.page.click('dialog.ask-text .ask-ok'));
  }

  async scenarioOptions(): Promise<string[]> {
    return this.page.$$eval('.toolbar .scenario-select option', (os) => os.map((o) => o.textContent ?? ''));
  }

  async switchTo(label: string): Promise<void> {
    const value = await this.page.$eval('.toolbar .scenario-select', (sel, l) => [...(sel as HTMLSelectElement).options].find((o) => o.textContent === l)?.value ?? '', label);
    await this.navigates(() => this.page.selectOption('.toolbar .scenario-select', value));
  }

  /** Opens 情景对比 and reads the key figures (by id) and the changed inputs. */
  async compare(): Promise<{ figures: Record<string, FigureRow>; inputs: Record<string, FigureRow & { label: string }> }> {
    await this.clickBanner('scenario', 'btn-compare');
    await this.page.waitForSelector('.compare-view .cmp-figures');
    return this.page.$eval('.compare-view', (root) => {
      const cells = (tr: Element) => [...tr.querySelectorAll('td')].map((t) => t.textContent ?? '');
      const figures: Record<string, { base: string; scenario: string; diff: string }> = {};
      for (const tr of root.querySelectorAll('.cmp-figures tbody tr')) {
        const [base = '', scenario = '', diff = ''] = cells(tr);
        figures[(tr as HTMLElement).dataset.figure ?? ''] = { base, scenario, diff };
      }
      const inputs: Record<string, { label: string; base: string; scenario: string; diff: string }> = {};
      for (const tr of root.querySelectorAll('.cmp-inputs tbody tr')) {
        const [base = '', scenario = '', diff = ''] = cells(tr);
        inputs[(tr as HTMLElement).dataset.cell ?? ''] = { label: tr.querySelector('th')?.textContent ?? '', base, scenario, diff };
      }
      return { figures, inputs };
    });
  }

  async discardScenario(): Promise<void> {
    await this.clickBanner('scenario', 'btn-discard');
    await this.navigates(() => this.page.click('dialog.confirm-action .confirm-ok'));
  }

  async adoptScenario(): Promise<void> {
    await this.clickBanner('scenario', 'btn-adopt');
    await this.navigates(() => this.page.click('dialog.confirm-action .confirm-ok'));
  }

  // ---- 历史版本 --------------------------------------------------------------------------------------
  async openHistory(): Promise<{ reason: string; label: string }[]> {
    await this.page.click('.toolbar .btn-history');
    await this.page.waitForSelector('dialog.history-dialog .history-table, dialog.history-dialog .history-list .cmp-none');
    return this.page.$$eval('dialog.history-dialog .history-table tbody tr', (trs) =>
      trs.map((tr) => ({ reason: (tr as HTMLElement).dataset.reason ?? '', label: tr.querySelectorAll('td')[1]?.textContent ?? '' })),
    );
  }

  /** 查看 the n-th version: the changed inputs against the current content, by cell id. */
  async viewVersion(n: number): Promise<Record<string, FigureRow>> {
    await this.page.locator('dialog.history-dialog .btn-view-snapshot').nth(n).click();
    await this.page.waitForSelector('dialog.history-dialog .history-preview .comparison');
    return this.page.$$eval('dialog.history-dialog .cmp-inputs tbody tr', (trs) =>
      Object.fromEntries(
        trs.map((tr) => {
          const [base = '', scenario = '', diff = ''] = [...tr.querySelectorAll('td')].map((t) => t.textContent ?? '');
          return [(tr as HTMLElement).dataset.cell ?? '', { base, scenario, diff }];
        }),
      ),
    );
  }

  async restoreVersion(n: number): Promise<void> {
    await this.page.locator('dialog.history-dialog .btn-restore-snapshot').nth(n).click();
    await this.page.click('dialog.confirm-action .confirm-ok');
    await this.page.waitForSelector('dialog.history-dialog', { state: 'detached' });
  }

  // ---- 备份 --------------------------------------------------------------------------------------------
  async openBackup(): Promise<void> {
    await this.page.click('.toolbar .btn-backup');
    await this.page.waitForSelector('dialog.backup-dialog');
  }

  exportCurrent(): Promise<{ name: string; text: string }> {
    return this.download(() => this.page.click('dialog.backup-dialog .btn-export-current'));
  }

  exportAll(): Promise<{ name: string; text: string }> {
    return this.download(() => this.page.click('dialog.backup-dialog .btn-export-all'));
  }

  /** Imports a file through the dialog's file chooser; returns the message shown. */
  async importBackup(name: string, text: string): Promise<string> {
    const [chooser] = await Promise.all([this.page.waitForEvent('filechooser'), this.page.click('dialog.backup-dialog .btn-import-backup')]);
    return this.messageAfter('backup-dialog', () => chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') }));
  }

  // ---- IndexedDB -------------------------------------------------------------------------------------
  /**
   * Writes records into the app's database from a blank page of the app's origin, before the app
   * has ever run in this profile (then open the app with goto()).
   */
  async seedBeforeApp(entries: [string, unknown][]): Promise<void> {
    const seedUrl = `${this.url}__seed.html`;
    await this.page.route(seedUrl, (r) => r.fulfill({ contentType: 'text/html', body: '<!doctype html><title>seed</title>' }));
    await this.page.goto(seedUrl);
    await this.idbPut(entries);
    await this.page.unroute(seedUrl);
  }

  idbGet(key: string): Promise<unknown> {
    return this.page.evaluate(
      ([db, store, k]) =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open(db!);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const r = open.result.transaction(store!).objectStore(store!).get(k!);
            r.onsuccess = () => {
              open.result.close();
              resolve(r.result);
            };
          };
        }),
      [DB.name, DB.store, key],
    );
  }

  idbKeys(prefix: string): Promise<string[]> {
    return this.page.evaluate(
      ([db, store, p]) =>
        new Promise<string[]>((resolve, reject) => {
          const open = indexedDB.open(db!);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const r = open.result.transaction(store!).objectStore(store!).getAllKeys(IDBKeyRange.bound(p!, `${p}\uffff`));
            r.onsuccess = () => {
              open.result.close();
              resolve(r.result.map(String));
            };
          };
        }),
      [DB.name, DB.store, prefix],
    );
  }

  /** Writes records as the app's database holds them (creating it when the app never ran). */
  idbPut(entries: [string, unknown][]): Promise<void> {
    return this.page.evaluate(
      ([db, store, list]) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open(db as string);
          open.onupgradeneeded = () => open.result.createObjectStore(store as string);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction(store as string, 'readwrite');
            for (const [k, v] of list as [string, unknown][]) tx.objectStore(store as string).put(v, k);
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      [DB.name, DB.store, entries] as const,
    );
  }
}

/**
 * The shared server and browser (useAppFixture) with StoragePages: each test opens fresh browser
 * profiles; afterwards every tab of them must have made no outside request, no CSP violation and
 * no script error. Call once at the top of a test file.
 */
export function useStorageFixture(): { open(opts?: { init?: string; goto?: boolean }): Promise<StoragePage>; readonly url: string } {
  const fx = useAppFixture();
  const opened: StoragePage[] = [];
  afterEach(async () => {
    for (const p of opened.splice(0)) {
      try {
        expect(p.app.externalRequests).toEqual([]);
        expect(p.app.cspViolations).toEqual([]);
        expect(p.consoleErrors).toEqual([]);
      } finally {
        await p.context.close();
      }
    }
  });
  return {
    async open(opts = {}) {
      const p = await StoragePage.open(fx.browser, fx.url, opts);
      opened.push(p);
      return p;
    },
    get url() {
      return fx.url;
    },
  };
}
