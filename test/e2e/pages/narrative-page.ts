// Page model of the 情况说明 tab for specs outside narrative.test.ts: open it, read its text.
import type { WorkbookPage } from './workbook-page';

export class NarrativeTab {
  constructor(readonly wb: WorkbookPage) {}

  async open(): Promise<void> {
    await this.wb.tab('narrative');
    await this.wb.page.waitForSelector('.nv-doc .nv-p');
  }

  /** Text of a paragraph by id, e.g. 'n2/p'. */
  /** The paragraph as read (controls such as 选择项目 are not text of the document). */
  async paragraph(id: string): Promise<string> {
    return this.wb.page.$eval(`.nv-doc p[data-paragraph="${id}"]`, (n) => {
      const copy = n.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('button.nv-choose, button.nv-confirm').forEach((b) => b.remove());
      return copy.textContent ?? '';
    });
  }

  async documentText(): Promise<string> {
    return this.wb.page.$eval('.nv-doc', (n) => {
      const copy = n.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('button.nv-choose, button.nv-confirm').forEach((b) => b.remove());
      document.body.append(copy);
      const text = copy.innerText;
      copy.remove();
      return text;
    });
  }

  /** Opens the 选择项目 dialog of a “主要包括” list and ticks exactly `codes` (none: 恢复默认). */
  async chooseItems(textId: string, codes: string[] | null): Promise<void> {
    const page = this.wb.page;
    await page.click(`.nv-doc .nv-choose[data-choice="${textId}"]`);
    await page.waitForSelector('dialog.items-choice[open]');
    if (codes === null) await page.click('dialog.items-choice .items-choice-reset');
    else {
      for (const box of await page.locator('dialog.items-choice .items-choice-box').all()) {
        const want = codes.includes((await box.getAttribute('value')) ?? '');
        if ((await box.isChecked()) !== want) await box.click();
      }
      await page.click('dialog.items-choice .items-choice-ok');
    }
    await page.waitForSelector('dialog.items-choice', { state: 'detached' });
  }
}
