// Page model of a template part's tab (第五部分 绩效自评报告): its paragraphs by id, figures by
// source cell, and the indicator score sheet's rows by indicator id. Selectors live here only.
import type { Locator, Page } from 'playwright-core';
import type { WorkbookPage } from './workbook-page';

export interface IndicatorRowText {
  name: string;
  target: string;
  value: string;
  score: string;
}

export class PartPage {
  constructor(
    readonly wb: WorkbookPage,
    readonly partId = 'performance',
  ) {}

  get page(): Page {
    return this.wb.page;
  }

  private get root(): string {
    return `[data-panel="part-${this.partId}"]`;
  }

  async open(): Promise<void> {
    await this.wb.tab(`part-${this.partId}`);
    await this.page.waitForSelector(`${this.root} .nv-doc .nv-p`);
    await this.page.waitForSelector(`${this.root} .pv-table tbody tr`);
  }

  /** Text of a paragraph, e.g. 'p3/in.cfg' (三、 预算配置). */
  async paragraph(id: string): Promise<string> {
    return (await this.page.textContent(`${this.root} .nv-doc p[data-paragraph="${id}"]`)) ?? '';
  }

  async documentText(): Promise<string> {
    return this.page.$eval(`${this.root} .nv-doc`, (n) => (n as HTMLElement).innerText);
  }

  /** A figure of a paragraph linked to a cell (its first source cell). */
  figure(paragraph: string, sheet: string, row: string, col: string): Locator {
    return this.page.locator(`${this.root} .nv-doc p[data-paragraph="${paragraph}"] .nv-fig[data-sheet="${sheet}"][data-row="${row}"][data-col="${col}"]`).first();
  }

  /** Scrolls a paragraph (or the indicator sheet, 'sheet') to the top of the view, e.g. before a screenshot. */
  async scrollTo(paragraph: string): Promise<void> {
    const sel = paragraph === 'sheet' ? `${this.root} .pv-sheet` : `${this.root} .nv-doc p[data-paragraph="${paragraph}"]`;
    await this.page.$eval(sel, (n) => n.scrollIntoView({ block: 'center' }));
  }

  private row(id: string): Locator {
    return this.page.locator(`${this.root} .pv-table tr[data-indicator="${id}"]`);
  }

  /** 三级指标, 目标, 实际值, 得分 of one row of the indicator sheet. */
  async indicator(id: string): Promise<IndicatorRowText> {
    const cells = await this.row(id).locator('td').allTextContents();
    return { name: cells[2] ?? '', target: cells[4] ?? '', value: cells[5] ?? '', score: cells[8] ?? '' };
  }

  /** The indicator's value figure (hover shows its source, a click jumps to its input). */
  valueFigure(id: string): Locator {
    return this.row(id).locator('td').nth(5).locator('.nv-fig, .nv-missing');
  }

  /** Gives a score by hand and its reason, as a user types them into the sheet. */
  async override(id: string, score: string, reason?: string): Promise<void> {
    await this.row(id).locator('input.pv-override').fill(score);
    await this.page.keyboard.press('Enter');
    if (reason !== undefined) {
      await this.row(id).locator('input.pv-reason').fill(reason);
      await this.page.keyboard.press('Enter');
    }
  }
}
