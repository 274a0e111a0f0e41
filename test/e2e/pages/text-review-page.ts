// Page model of the 表文核对 tab: paste or open a published 情况说明, read the findings, click one,
// jump to its cell. Selectors live here only.
import type { Page } from 'playwright-core';
import type { WorkbookPage } from './workbook-page';

export interface ShownFinding {
  id: string;
  cls: string;
  severity: string;
  text: string;
}

export class TextReviewPage {
  constructor(readonly wb: WorkbookPage) {}

  get page(): Page {
    return this.wb.page;
  }

  async open(): Promise<void> {
    await this.wb.tab('text-review');
    await this.page.waitForSelector('.text-review .tr-bar');
  }

  /** Pastes a text like a user (the paste box, then 核对) and waits for the result. */
  async paste(text: string): Promise<void> {
    await this.page.click('.text-review .tr-paste-open');
    await this.page.fill('.text-review .tr-input', text);
    await this.page.click('.text-review .tr-check');
    await this.page.waitForSelector('.text-review .tr-body:not([hidden]) .tr-text .tr-chunk');
  }

  /** Opens a file through 打开 Word/文本文件. */
  async openFile(path: string): Promise<void> {
    await this.page.setInputFiles('.text-review .tr-file', path);
    await this.page.waitForFunction(() => /Word|文本|粘贴/.test(document.querySelector('.text-review .tr-counts')?.textContent ?? ''));
  }

  async counts(): Promise<string> {
    return (await this.page.textContent('.text-review .tr-counts')) ?? '';
  }

  async status(): Promise<string> {
    return (await this.page.textContent('.text-review .tr-status')) ?? '';
  }

  async findings(): Promise<ShownFinding[]> {
    return this.page.$$eval('.text-review .tr-finding', (lis) =>
      lis.map((li) => ({
        id: li.getAttribute('data-finding') ?? '',
        cls: li.getAttribute('data-class') ?? '',
        severity: li.classList.contains('tr-error') ? 'error' : 'warning',
        text: li.querySelector('.tr-msg')?.textContent ?? '',
      })),
    );
  }

  /** Clicks a finding in the list (its sentence is selected and scrolled to). */
  async clickFinding(id: string): Promise<void> {
    // On its message: the middle of the row may be its 到单元格 button.
    await this.page.click(`.text-review .tr-finding[data-finding="${id}"] .tr-msg`);
  }

  /** The text the page has selected (the sentence of the clicked finding). */
  async selectedText(): Promise<string> {
    return this.page.evaluate(() => window.getSelection()?.toString() ?? '');
  }

  /** The marked sentence's text (chunks marked current). */
  async currentSentence(): Promise<string> {
    return this.page.$$eval('.text-review .tr-text .tr-current', (ns) => ns.map((n) => n.textContent ?? '').join(''));
  }

  /** Whether the current sentence is scrolled into the view. */
  async currentSentenceVisible(): Promise<boolean> {
    return this.page.$eval('.text-review .tr-text .tr-current', (n) => {
      const r = n.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
  }

  /** Clicks a marked number or phrase in the text. */
  async clickMark(id: string): Promise<void> {
    await this.page.click(`.text-review .tr-text .tr-mark[data-finding="${id}"]`);
  }

  async currentFinding(): Promise<string | null> {
    return this.page.$eval('.text-review', (n) => n.querySelector('.tr-finding[aria-current]')?.getAttribute('data-finding') ?? null);
  }

  /** Clicks 到单元格 of a finding. */
  async jumpToCell(id: string): Promise<void> {
    await this.page.click(`.text-review .tr-finding[data-finding="${id}"] .tr-cell`);
  }

  async clear(): Promise<void> {
    await this.page.click('.text-review .tr-clear');
  }

  async isEmpty(): Promise<boolean> {
    return this.page.isVisible('.text-review .tr-empty');
  }
}
