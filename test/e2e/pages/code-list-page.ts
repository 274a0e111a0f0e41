// Page model of 导入科目表: the dialog's year, file or pasted columns, and its report.
import type { Page } from 'playwright-core';

export class CodeListPage {
  constructor(private readonly page: Page) {}

  private async openDialog(year?: number): Promise<void> {
    await this.page.click('.toolbar .btn-import-codes');
    await this.page.waitForSelector('dialog.code-list-dialog[open]');
    if (year) await this.page.selectOption('dialog .code-list-year', String(year));
  }

  private async run(): Promise<string[]> {
    await this.page.click('dialog .code-list-run');
    await this.page.waitForSelector('dialog .code-list-report li, dialog .dialog-message:not([hidden])');
    return this.page.$$eval('dialog .code-list-report li', (lis) => lis.map((li) => li.textContent ?? ''));
  }

  /** Imports two pasted columns (编码, 名称); returns the report lines. */
  async importPasted(text: string, year?: number): Promise<string[]> {
    await this.openDialog(year);
    await this.page.fill('dialog .code-list-text', text);
    return this.run();
  }

  /** Imports a file (xlsx/csv); returns the report lines. */
  async importFile(path: string, year?: number): Promise<string[]> {
    await this.openDialog(year);
    await this.page.setInputFiles('dialog .code-list-file', path);
    return this.run();
  }

  async close(): Promise<void> {
    await this.page.click('dialog .code-list-close');
    await this.page.waitForSelector('dialog[open]', { state: 'detached' });
  }
}
