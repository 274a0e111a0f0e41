// Page model of 导出Word / 导出PDF: "export Word", "print the PDF"; selectors live here only.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { WorkbookPage } from './workbook-page';

export class PublicationPage {
  constructor(readonly wb: WorkbookPage) {}

  get page(): Page {
    return this.wb.page;
  }

  /** Clicks 导出Word and saves the download in `dir` under its suggested name. */
  async exportWord(dir: string): Promise<{ path: string; name: string }> {
    await mkdir(dir, { recursive: true });
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.click('.toolbar .btn-export-docx')]);
    const name = download.suggestedFilename();
    const path = join(dir, name);
    await download.saveAs(path);
    await this.page.waitForSelector('.toolbar .btn-export-docx:not([disabled])');
    return { path, name };
  }

  /**
   * Clicks 导出PDF. The browser's print dialog cannot be driven headless, so window.print is
   * replaced by a recorder and the page is printed to PDF by Chromium itself (the engine behind
   * the dialog's 另存为 PDF), with the CSS page sizes the print document asks for. `plant` changes
   * one printed figure first, as a slip in a published document would.
   */
  async exportPdf(path: string, plant?: { from: string; to: string }): Promise<{ printed: number }> {
    await this.page.evaluate(() => {
      const w = window as unknown as { __printed: number };
      w.__printed = 0;
      window.print = () => void w.__printed++;
    });
    await this.page.click('.toolbar .btn-export-pdf');
    await this.page.waitForSelector('body > .pub-print-root', { state: 'attached' });
    await this.page.waitForSelector('.toolbar .btn-export-pdf:not([disabled])');
    const printed = await this.page.evaluate(() => (window as unknown as { __printed: number }).__printed);
    // A slip planted in the printed document (not in the workbook): the first table cell that prints `from`.
    if (plant) {
      const done = await this.page.evaluate(({ from, to }) => {
        const td = [...document.querySelectorAll('body > .pub-print-root td')].find((c) => c.textContent === from);
        if (td) td.textContent = to;
        return !!td;
      }, plant);
      if (!done) throw new Error(`the print document shows no ${plant.from}`);
    }
    await this.page.pdf({ path, preferCSSPageSize: true, printBackground: true });
    return { printed };
  }

  /** Width > height per page of the print document, as the browser lays it out for print. */
  async pageSizes(): Promise<string[]> {
    await this.page.emulateMedia({ media: 'print' });
    const kinds = await this.page.$$eval('body > .pub-print-root > section', (list) => list.map((s) => getComputedStyle(s).getPropertyValue('page')));
    await this.page.emulateMedia({ media: 'screen' });
    return kinds;
  }
}
