// Page model of 导出XLSX / 导入XLSX: tests say "export", "import this file", "replace", never
// which buttons or dialog classes that takes.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { WorkbookPage } from './workbook-page';

export interface ImportFile {
  name: string;
  buffer: Buffer;
}

export interface ImportDialog {
  /** 文件「…」：部门 年度. */
  source: string;
  /** The notes listed (empty when the file had nothing to report). */
  notes: string[];
  /** The choices offered, by button text. */
  choices: string[];
}

export class XlsxPage {
  constructor(readonly wb: WorkbookPage) {}

  get page(): Page {
    return this.wb.page;
  }

  /**
   * Clicks 导出XLSX, chooses 工作底稿 (default) or 公开表, saves the download in `dir` under its
   * suggested name; returns the path and name.
   */
  async export(dir: string, kind: 'working' | 'public' = 'working'): Promise<{ path: string; name: string }> {
    await mkdir(dir, { recursive: true });
    await this.page.click('.toolbar .btn-export-xlsx');
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.click(`dialog.xlsx-kind-dialog .xlsx-kind-${kind}`)]);
    const name = download.suggestedFilename();
    const path = join(dir, name);
    await download.saveAs(path);
    // The button is usable again once the export has finished.
    await this.page.waitForSelector('.toolbar .btn-export-xlsx:not([disabled])');
    return { path, name };
  }

  /** Clicks 导入XLSX and picks `file` in the browser's file chooser. */
  async choose(file: ImportFile): Promise<void> {
    const [chooser] = await Promise.all([this.page.waitForEvent('filechooser'), this.page.click('.toolbar .btn-import-xlsx')]);
    await chooser.setFiles({ name: file.name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file.buffer });
    await this.page.waitForSelector('dialog.xlsx-import-dialog[open], dialog.xlsx-error-dialog[open]');
  }

  /** Reads the open import dialog. */
  async importDialog(): Promise<ImportDialog> {
    const dialog = this.page.locator('dialog.xlsx-import-dialog[open]');
    return {
      source: (await dialog.locator('.xlsx-source').textContent()) ?? '',
      notes: await dialog.locator('.xlsx-notes li').allTextContents(),
      choices: await dialog.locator('.dialog-footer button').allTextContents(),
    };
  }

  /** 替换当前工作簿, then the confirmation; returns the confirmation's text. */
  async replaceCurrent(): Promise<string> {
    await this.page.click('dialog.xlsx-import-dialog .xlsx-replace');
    const message = (await this.page.textContent('dialog.xlsx-import-dialog .xlsx-confirm-message')) ?? '';
    await this.page.click('dialog.xlsx-import-dialog .xlsx-confirm-replace');
    await this.page.waitForSelector('dialog.xlsx-import-dialog', { state: 'detached' });
    return message;
  }

  /** 作为新工作簿打开: the app stores it and reloads showing it; waits for its grid. */
  async openAsNew(): Promise<void> {
    await Promise.all([this.page.waitForEvent('load'), this.page.click('dialog.xlsx-import-dialog .xlsx-open-new')]);
    await this.page.waitForSelector('.ht_master td[data-cell]');
  }

  async cancelImport(): Promise<void> {
    await this.page.click('dialog.xlsx-import-dialog .xlsx-cancel');
    await this.page.waitForSelector('dialog.xlsx-import-dialog', { state: 'detached' });
  }

  /** The refusal shown for a bad file (message, then the 未改动 line); closes it. */
  async importError(): Promise<{ message: string; extra: string }> {
    const dialog = this.page.locator('dialog.xlsx-error-dialog[open]');
    const message = (await dialog.locator('.xlsx-error-message').textContent()) ?? '';
    const extra = (await dialog.locator('.xlsx-error-extra').textContent()) ?? '';
    await dialog.locator('.xlsx-close').click();
    await this.page.waitForSelector('dialog.xlsx-error-dialog', { state: 'detached' });
    return { message, extra };
  }

  /** Every script file the page has fetched so far (resource timing), to see when ExcelJS loads. */
  async scripts(): Promise<string[]> {
    return this.page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((u) => /\.m?js(\?|$)/.test(u)),
    );
  }

  async canUndo(): Promise<boolean> {
    return this.page.isEnabled('.toolbar .btn-undo');
  }
}
