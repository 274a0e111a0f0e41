// Page model of PDF审查: "open this PDF for review", "start", read the report, "open the review
// workbook", read the 审查报告 tab. Selectors live here only.
import type { Page } from 'playwright-core';
import type { WorkbookPage } from './workbook-page';

export interface ReviewChoice {
  source: string;
  department: string;
  year: string;
  /** Template options as listed, the proposed one first. */
  templates: string[];
}

export interface ReviewReport {
  summary: string;
  groups: string;
  tables: string[];
  unread: string[];
}

export class PdfReviewPage {
  constructor(readonly wb: WorkbookPage) {}

  get page(): Page {
    return this.wb.page;
  }

  /** Clicks PDF审查 and picks the file; waits for the template dialog or a refusal. */
  async choose(name: string, buffer: Buffer): Promise<void> {
    const [chooser] = await Promise.all([this.page.waitForEvent('filechooser'), this.page.click('.toolbar .btn-pdf-review')]);
    await chooser.setFiles({ name, mimeType: 'application/pdf', buffer });
    await this.page.waitForSelector('dialog.pdf-review-choose[open], dialog.pdf-review-error[open]', { timeout: 90_000 });
  }

  async choice(): Promise<ReviewChoice> {
    const d = this.page.locator('dialog.pdf-review-choose[open]');
    return {
      source: (await d.locator('.pdf-review-source').textContent()) ?? '',
      department: await d.locator('.pdf-review-dept').inputValue(),
      year: await d.locator('.pdf-review-year').inputValue(),
      templates: await d.locator('.pdf-review-template option').allTextContents(),
    };
  }

  /** The refusal shown instead of the dialog, or null. */
  async refusal(): Promise<string | null> {
    const d = this.page.locator('dialog.pdf-review-error[open]');
    return (await d.count()) ? d.locator('.pdf-review-error-message').textContent() : null;
  }

  async closeRefusal(): Promise<void> {
    await this.page.click('dialog.pdf-review-error .pdf-review-close');
    await this.page.waitForSelector('dialog.pdf-review-error', { state: 'detached' });
  }

  /** 开始审查; waits for the report. */
  async start(): Promise<ReviewReport> {
    await this.page.click('dialog.pdf-review-choose .pdf-review-start');
    const d = this.page.locator('dialog.pdf-review-result[open]');
    await d.waitFor({ timeout: 60_000 });
    return {
      summary: (await d.locator('.pdf-review-summary').textContent()) ?? '',
      groups: (await d.locator('.pdf-review-groups').textContent()) ?? '',
      tables: await d.locator('.pdf-review-tables li').allTextContents(),
      unread: await d.locator('ul.pdf-review-unread li').allTextContents(),
    };
  }

  /** 打开审查工作簿: the app stores it and reloads showing it; waits for its grid. */
  async openWorkbook(): Promise<void> {
    await Promise.all([this.page.waitForEvent('load'), this.page.click('dialog.pdf-review-result .pdf-review-open')]);
    await this.page.waitForSelector('.ht_master td[data-cell]');
  }

  /** Opens the 审查报告 tab; its unread lines and the paragraphs of the published text. */
  async reviewTab(): Promise<{ unread: string[]; paragraphs: string[] }> {
    await this.wb.tab('review');
    await this.page.waitForSelector('.review-report');
    return {
      unread: await this.page.locator('ul.review-unread li').allTextContents(),
      paragraphs: await this.page.locator('.review-para').allTextContents(),
    };
  }
}
