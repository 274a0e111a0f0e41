// Page model of the 情况说明 tab for specs outside narrative.test.ts: open it, read its text.
import type { WorkbookPage } from './workbook-page';

export class NarrativeTab {
  constructor(readonly wb: WorkbookPage) {}

  async open(): Promise<void> {
    await this.wb.tab('narrative');
    await this.wb.page.waitForSelector('.nv-doc .nv-p');
  }

  /** Text of a paragraph by id, e.g. 'n2/p'. */
  async paragraph(id: string): Promise<string> {
    return (await this.wb.page.textContent(`.nv-doc p[data-paragraph="${id}"]`)) ?? '';
  }

  async documentText(): Promise<string> {
    return this.wb.page.$eval('.nv-doc', (n) => (n as HTMLElement).innerText);
  }
}
