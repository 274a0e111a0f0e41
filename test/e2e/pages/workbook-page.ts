// Page model of the workbook screen: tests speak in stable cell ids (sheet, row, column key),
// never in CSS selectors or grid coordinates. Cells are selected through the app's documented
// test hook (window.__workbook), because two quick clicks open the editor in append mode.
import type { Browser, Page } from 'playwright-core';
import { newAppPage, screenshot, type AppPage } from '../support/browser';

export interface AuditRow {
  severity: string;
  title: string;
  message: string;
  diff: string;
  cells: string[];
}

/** Tabs that are not a grid of the workbook. */
// Template parts (part-<id>: 绩效自评 …) are text views too.
const NON_GRID_TABS = new Set(['text-review', 'narrative', 'fig', 'audit', 'compare', 'review']);
const isGridTab = (id: string): boolean => !NON_GRID_TABS.has(id) && !id.startsWith('part-');

export class WorkbookPage {
  private constructor(readonly app: AppPage) {}

  get page(): Page {
    return this.app.page;
  }

  /** Opens the app (first visit: the built-in example) and waits for the grid. */
  static async open(browser: Browser, url: string): Promise<WorkbookPage> {
    const app = await newAppPage(browser, url);
    const wb = new WorkbookPage(app);
    await app.page.waitForSelector('.ht_master td[data-cell]');
    // Start-up banners (e.g. persistent storage refused) shift the page: click only after them.
    await app.page.waitForSelector('html[data-settled]', { state: 'attached' });
    return wb;
  }

  /**
   * Opens the app and returns the moment the first table's cells are in the page, without waiting
   * for start-up to settle (a user typing at once). `engineBuilt`: whether the formula engine had
   * been built when the first table appeared (the cold open paints before it: false); `gridBuilt`:
   * whether Handsontable had (false: the first frame is its static preview). `click`: a cell
   * pressed with the pointer at that moment, before either is built.
   */
  static async openAtFirstPaint(
    browser: Browser,
    url: string,
    click?: { row: string; col: string },
  ): Promise<{ wb: WorkbookPage; engineBuilt: boolean | undefined; gridBuilt: boolean | undefined }> {
    const app = await newAppPage(browser, url, { goto: false });
    await app.page.addInitScript((press) => {
      const w = window as unknown as { __engineAtFirstPaint?: boolean; __gridAtFirstPaint?: boolean; __workbook?: { engineBuilt(): boolean } };
      const mo = new MutationObserver(() => {
        if (!document.querySelector('.ht_master td[data-cell]')) return;
        mo.disconnect();
        // Observers run once main.ts's task is done: the test hook exists, the next frame has not come.
        w.__engineAtFirstPaint = w.__workbook?.engineBuilt();
        // SheetGrid marks the moment it builds Handsontable.
        w.__gridAtFirstPaint = performance.getEntriesByName('grid:mounted').length > 0;
        const td = press && document.querySelector(`.ht_master td[data-cell="${press.row}|${press.col}"]`);
        if (td) td.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, cancelable: true, isPrimary: true, pointerType: 'mouse', button: 0 }));
      });
      mo.observe(document, { childList: true, subtree: true });
    }, click);
    await app.page.goto(url);
    await app.page.waitForSelector('.ht_master td[data-cell]');
    const { engineBuilt, gridBuilt } = await app.page.evaluate(() => {
      const w = window as unknown as { __engineAtFirstPaint?: boolean; __gridAtFirstPaint?: boolean };
      return { engineBuilt: w.__engineAtFirstPaint, gridBuilt: w.__gridAtFirstPaint };
    });
    return { wb: new WorkbookPage(app), engineBuilt, gridBuilt };
  }

  async close(): Promise<void> {
    await this.app.context.close();
  }

  /** Clicks a tab: 't01'…'t09', 'sup', 'audit' or a feature's tab id. */
  async tab(id: string): Promise<void> {
    await this.page.click(`button.tab[data-tab="${id}"]`);
    // Table tabs (any template's sheet ids) paint a grid; 情况说明 and the like do not.
    if (isGridTab(id)) await this.page.waitForSelector(`.grid-host [data-sheet="${id}"] .ht_master td[data-cell]`);
  }

  async currentTab(): Promise<string> {
    return this.page.evaluate(() => window.__workbook!.currentTab());
  }

  /** Opens the cell's table and selects the cell (keyboard focus in the grid). */
  async select(sheet: string, row: string, col: string): Promise<void> {
    const ok = await this.page.evaluate(([s, r, c]) => window.__workbook!.goToCell(s as never, r!, c!), [sheet, row, col]);
    if (!ok) throw new Error(`no cell ${sheet}:${row}:${col}`);
  }

  /** Types into the selected cell like a user (type over, then Enter). */
  async typeAndEnter(text: string): Promise<void> {
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }

  /** The selected cell's `row|col`, once the grid shows a selection. */
  async selectedCellWhenShown(): Promise<string | null> {
    await this.page.waitForSelector('.grid-host .ht_master td.current');
    return this.selectedCell();
  }

  /** Types into a cell like a user (type over, then Enter). */
  async edit(sheet: string, row: string, col: string, text: string): Promise<void> {
    await this.select(sheet, row, col);
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }

  private cellLocator(row: string, col: string) {
    return this.page.locator(`.grid-host .ht_master td[data-cell="${row}|${col}"]`);
  }

  /** The text the grid shows in a cell (opens its table and scrolls it into view). */
  async cellText(sheet: string, row: string, col: string): Promise<string> {
    const ok = await this.page.evaluate(([s, r, c]) => window.__workbook!.revealCell(s as never, r!, c!), [sheet, row, col]);
    if (!ok) throw new Error(`no cell ${sheet}:${row}:${col}`);
    return (await this.cellLocator(row, col).textContent()) ?? '';
  }

  async cellClasses(sheet: string, row: string, col: string): Promise<string[]> {
    await this.cellText(sheet, row, col);
    return ((await this.cellLocator(row, col).getAttribute('class')) ?? '').split(/\s+/);
  }

  /** The tooltip of a cell (typed-over or following, 审核 messages). */
  async cellTooltip(sheet: string, row: string, col: string): Promise<string> {
    await this.cellText(sheet, row, col);
    return (await this.cellLocator(row, col).getAttribute('title')) ?? '';
  }

  /** Reloads the page (the stored workbook opens again) once the last change is saved. */
  async reloadSaved(): Promise<void> {
    await this.page.waitForSelector('.save-status[data-state="saved"]');
    await this.page.reload();
    await this.page.waitForSelector('.ht_master td[data-cell]');
    await this.page.waitForSelector('html[data-settled]', { state: 'attached' });
  }

  /** Turns 审查模式 (录入印刷数) on or off with the table's button; returns whether it is on. */
  async reviewMode(on: boolean): Promise<boolean> {
    const button = this.page.locator('.sheet-actions .btn-review');
    if ((await button.getAttribute('aria-pressed')) !== String(on)) await button.click();
    return (await button.getAttribute('aria-pressed')) === 'true';
  }

  /** Selects a cell and presses Delete, as a user clears it. */
  async clear(sheet: string, row: string, col: string): Promise<void> {
    await this.select(sheet, row, col);
    await this.page.keyboard.press('Delete');
  }

  /** Label texts of the visible table's rows, e.g. to see 类/款/项 rows appear. */
  async rowTexts(): Promise<string[]> {
    return this.page.$$eval('.grid-host .ht_master tbody tr', (trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('td')).filter((td) => getComputedStyle(td).display !== 'none').map((td) => td.textContent ?? '').join('|')),
    );
  }

  /** The message shown at a cell (refused input, paste report), or null when none is shown. */
  async cellNote(): Promise<string | null> {
    const note = this.page.locator('.cell-note');
    if (!(await note.isVisible())) return null;
    return note.textContent();
  }

  async auditCounts(): Promise<{ errors: number; warnings: number }> {
    // The first 审核 runs after the first paint: its counts are blank until then.
    await this.page.waitForFunction(() => document.querySelector('.toolbar .count-warning')?.textContent !== '');
    const errors = Number(await this.page.textContent('.toolbar .count-error'));
    const warnings = Number(await this.page.textContent('.toolbar .count-warning'));
    return { errors, warnings };
  }

  /** The 表文核对 counts beside the 审核 ones (表文 n · 文内 m) once they read `expected`; null while hidden. */
  async textReviewBadge(expected?: string): Promise<string | null> {
    const badge = this.page.locator('.toolbar .text-review-badge');
    if (expected === undefined) {
      await this.page.waitForFunction(() => document.querySelector('.toolbar .text-review-badge')?.hasAttribute('hidden') === true);
      return null;
    }
    await this.page.waitForFunction((t) => document.querySelector('.toolbar .text-review-badge:not([hidden])')?.textContent === t, expected);
    return badge.textContent();
  }

  /** Opens the 审核 tab and reads its rows. */
  async auditRows(): Promise<AuditRow[]> {
    await this.tab('audit');
    return this.page.$$eval('.audit-table tbody tr', (trs) =>
      trs.map((tr) => ({
        severity: tr.querySelector('.audit-severity')?.textContent ?? '',
        title: tr.querySelector('.audit-title')?.textContent ?? '',
        message: tr.querySelector('.audit-message')?.textContent ?? '',
        diff: tr.querySelector('.audit-diff')?.textContent ?? '',
        cells: Array.from(tr.querySelectorAll('.audit-cell-link')).map((b) => b.textContent ?? ''),
      })),
    );
  }

  async auditSummary(): Promise<string> {
    await this.tab('audit');
    return (await this.page.textContent('.audit-summary')) ?? '';
  }

  /** Clicks the n-th cell link of the audit row for a rule. */
  async clickAuditCell(ruleRowId: string, index: number): Promise<void> {
    await this.tab('audit');
    await this.page.locator(`.audit-table tr[data-rule="${ruleRowId}"] .audit-cell-link`).nth(index).click();
  }

  /** The value cell under the grid's cursor, as "row|col". */
  async selectedCell(): Promise<string | null> {
    return this.page.evaluate(() => document.querySelector('.grid-host .ht_master td.current')?.getAttribute('data-cell') ?? null);
  }

  async undo(): Promise<void> {
    await this.page.keyboard.press('Control+z');
  }

  async redo(): Promise<void> {
    await this.page.keyboard.press('Control+y');
  }

  /** Puts tab-separated text (as Excel/WPS copy it) on the clipboard and pastes it at a cell. */
  async paste(sheet: string, row: string, col: string, text: string): Promise<void> {
    await this.select(sheet, row, col);
    await this.page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await this.page.keyboard.press('Control+v');
  }

  /** Selects a block by its corner cells and copies it; returns the clipboard text. */
  async copy(sheet: string, from: [string, string], to: [string, string]): Promise<string> {
    await this.select(sheet, from[0], from[1]);
    const target = this.cellLocator(to[0], to[1]);
    await target.click({ modifiers: ['Shift'] });
    await this.page.keyboard.press('Control+c');
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  /** Adds a 项 code from the catalogue (searched by `query`, default the code itself). */
  async addCode(code: string, opts: { query?: string; fund?: 'gpb' | 'gf' | 'soe' } = {}): Promise<void> {
    await this.page.click('.sheet-actions .btn-add-code');
    if (opts.fund) await this.page.selectOption('dialog .code-fund', opts.fund);
    await this.page.fill('dialog .code-search', opts.query ?? code);
    await this.page.click(`dialog .code-result[data-code="${code}"]`);
    await this.page.waitForSelector('dialog[open]', { state: 'detached' });
  }

  /** Adds a user-defined 项 code with its name. Returns the dialog's error text if refused. */
  async addCustomCode(code: string, name: string): Promise<string | null> {
    await this.page.click('.sheet-actions .btn-add-code');
    await this.page.fill('dialog .custom-code', code);
    await this.page.fill('dialog .custom-name', name);
    await this.page.click('dialog .custom-add');
    if ((await this.page.locator('dialog[open]').count()) === 0) return null;
    const error = await this.page.textContent('dialog .dialog-error');
    await this.page.click('dialog .dialog-footer .btn');
    return error;
  }

  /** Adds an economic 款 to the 基本支出 table (`sheet`, 't06' in the Hunan template) from its catalogue. */
  async addEconomicCode(code: string, query = code, sheet = 't06'): Promise<void> {
    await this.tab(sheet);
    await this.page.click('.sheet-actions .btn-add-code');
    await this.page.fill('dialog .code-search', query);
    await this.page.click(`dialog .code-result[data-code="${code}"]`);
    await this.page.waitForSelector('dialog[open]', { state: 'detached' });
  }

  /** Names (or renames) the code of a row through 科目命名; '' restores the catalogue's name. */
  async nameCode(sheet: string, row: string, col: string, name: string): Promise<void> {
    await this.select(sheet, row, col);
    await this.page.click('.sheet-actions .btn-name-code');
    await this.page.fill('dialog .code-name-input', name);
    await this.page.click('dialog .name-ok');
    await this.page.waitForSelector('dialog[open]', { state: 'detached' });
  }

  /** The visible row of the current table whose code cell is `code`, as 'code|name|…'. */
  async rowOf(code: string): Promise<string | null> {
    const rows = await this.rowTexts();
    return rows.find((r) => r.startsWith(`${code}|`)) ?? null;
  }

  async statusLine(): Promise<string> {
    return (await this.page.textContent('.status-line')) ?? '';
  }

  /** Selects a code's row and removes it after confirming. */
  async removeCode(sheet: string, code: string, col: string): Promise<void> {
    await this.select(sheet, code, col);
    await this.page.click('.sheet-actions .btn-remove-code');
    await this.page.click('dialog .confirm-ok');
    await this.page.waitForSelector('dialog[open]', { state: 'detached' });
  }

  /** Types a new 部门 into the toolbar and commits it (Enter). */
  async setDepartment(name: string): Promise<void> {
    await this.page.fill('.toolbar .meta-dept', name);
    await this.page.press('.toolbar .meta-dept', 'Enter');
  }

  async department(): Promise<string> {
    return this.page.inputValue('.toolbar .meta-dept');
  }

  /** The 部门：… line of the visible table. */
  async departmentLine(): Promise<string> {
    return (await this.page.textContent('.sheet-actions .sheet-meta-item')) ?? '';
  }

  /** Replaces one of the 补充资料 texts (情况说明 phrases) and leaves the box. */
  async setText(id: string, text: string): Promise<void> {
    await this.tab('sup');
    await this.page.fill(`.texts-panel textarea[data-text-id="${id}"]`, text);
    await this.page.locator(`.texts-panel textarea[data-text-id="${id}"]`).blur();
  }

  /** The 部门决算单位构成 box of 补充资料: one unit a line (单位名称｜备注). */
  async units(): Promise<string> {
    await this.tab('sup');
    return this.page.inputValue('.texts-panel textarea.units-field');
  }

  async setUnits(lines: string): Promise<void> {
    await this.tab('sup');
    await this.page.fill('.texts-panel textarea.units-field', lines);
    await this.page.locator('.texts-panel textarea.units-field').blur();
  }

  async text(id: string): Promise<string> {
    return this.page.inputValue(`.texts-panel textarea[data-text-id="${id}"]`);
  }

  async screenshot(name: string): Promise<string> {
    return screenshot(this.page, name);
  }
}
