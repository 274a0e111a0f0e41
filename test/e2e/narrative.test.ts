// The 情况说明 tab in real Chromium against the built app: the example's text as the reference
// prints it, live update from a grid edit without reload, placeholder + 审核 for a cleared
// prior-year figure, source tooltips and jump to cell, editable phrases, 复制全文, A4 print.
// Expected values come from the reference document (蓝山县行政审批服务局 2021) or by hand.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/browser';
import { useAppFixture } from './pages/app-fixture';
import { pdfToPng } from '../support/libreoffice';
import { NarrativeTab } from './pages/narrative-page';
import type { WorkbookPage } from './pages/workbook-page';

/** Page model of the 情况说明 tab: paragraphs by id (section/paragraph), figures by source cell. */
class NarrativePage extends NarrativeTab {
  get page() {
    return this.wb.page;
  }

  /** The tooltip of the figure linked to a cell, inside a paragraph. */
  async figureTitle(paragraph: string, sheet: string, row: string, col: string): Promise<string> {
    return (await this.figure(paragraph, sheet, row, col).getAttribute('title')) ?? '';
  }

  figure(paragraph: string, sheet: string, row: string, col: string) {
    return this.page.locator(`.nv-doc p[data-paragraph="${paragraph}"] .nv-fig[data-sheet="${sheet}"][data-row="${row}"][data-col="${col}"]`).first();
  }

  /** Replaces an editable phrase by typing, then leaves it with Enter. */
  async editText(textId: string, text: string): Promise<void> {
    const span = this.page.locator(`.nv-doc [data-text-id="${textId}"]`).first();
    await span.click();
    await this.page.keyboard.press('Control+a');
    await this.page.keyboard.press('Delete');
    // Chinese arrives committed by an IME, a phrase at a time: one insertText, as a user's IME sends it.
    if (text) await this.page.keyboard.insertText(text);
    await this.page.keyboard.press('Enter');
  }
}

const app = useAppFixture();
let wb: WorkbookPage;
let nv: NarrativePage;

async function open(): Promise<NarrativePage> {
  wb = await app.open();
  nv = new NarrativePage(wb);
  await nv.open();
  return nv;
}

describe('情况说明 tab', () => {
  it('shows the example as the reference prints it, figures marked, no holes', async () => {
    await open();
    // Reference 第三部分, 一 and 六 (ASCII comma of the reference read as full-width).
    expect(await nv.paragraph('n1/p')).toBe('2021年度收、支总计1576.05万元。与2020年相比，减少136.41万元，减少7.97%，主要是因为厉行勤俭节约，支出减少。');
    expect(await nv.paragraph('n6/p')).toContain('人员经费979.88万元，占基本支出的62.17%，主要包括基本工资、');
    expect(await nv.paragraph('n6/p')).toContain('公用经费596.17万元，占基本支出的37.83%');
    const text = await nv.documentText();
    expect(text).toContain('第三部分 2021年度部门决算情况说明');
    expect(text).not.toMatch(/NaN|Infinity|undefined|【/);
    expect(await nv.page.locator('.nv-doc .nv-fig').count()).toBeGreaterThan(100);
    expect(await nv.page.locator('.nv-doc .nv-missing').count()).toBe(0);
    await wb.screenshot('narrative-example');
  });

  it('typing 31.34 into 30201 on 公开06表 rewrites the 基本支出 sentence without a reload', async () => {
    await open();
    const navigations: string[] = [];
    nv.page.on('framenavigated', (f) => navigations.push(f.url()));
    await wb.edit('t06', '30201', 'amount', '31.34');
    expect(await wb.cellText('t06', 'public', 'amount')).toBe('606.17');
    await wb.tab('narrative');
    // 606.17 ÷ 1586.05 = 38.2188…%, 979.88 ÷ 1586.05 = 61.7811…%
    const p = await nv.paragraph('n6/p');
    expect(p).toContain('公用经费606.17万元，占基本支出的38.22%');
    expect(p).toContain('人员经费979.88万元，占基本支出的61.78%');
    expect(navigations).toEqual([]);
    // Undo in the grid brings the reference sentence back.
    await wb.select('t06', '30201', 'amount');
    await wb.undo();
    await wb.tab('narrative');
    expect(await nv.paragraph('n6/p')).toContain('公用经费596.17万元，占基本支出的37.83%');
  });

  it('clearing the prior-year 收支总计 shows the placeholder and the 审核 lists it', async () => {
    await open();
    await wb.select('sup', 'prior.grand', 'value');
    await nv.page.keyboard.press('Delete');
    await wb.tab('narrative');
    expect(await nv.paragraph('n1/p')).toBe('2021年度收、支总计1576.05万元。与2020年相比，【缺：上年收支总计】。');
    const gap = nv.page.locator('.nv-doc p[data-paragraph="n1/p"] .nv-missing');
    expect(await gap.getAttribute('title')).toBe('缺少数据：上年收支总计，点击前往填写');
    await wb.screenshot('narrative-missing-prior');
    const rows = await wb.auditRows();
    expect(rows).toContainEqual(
      expect.objectContaining({
        severity: '提示',
        title: '情况说明缺少数据',
        message: '缺少上年收支总计，情况说明“一、收入支出决算总体情况说明”无法计算增减变化',
      }),
    );
    // The placeholder leads to the cell to fill in.
    await wb.tab('narrative');
    await gap.click();
    expect(await wb.currentTab()).toBe('sup');
    expect(await wb.selectedCell()).toBe('prior.grand|value');
  });

  it('第二部分 sits between 第一部分 and 第三部分, listing the tables (详见附表); a click opens the table', async () => {
    await open();
    const headings = await nv.page.locator('.nv-doc .nv-h0').allTextContents();
    expect(headings.slice(0, 3)).toEqual(['第一部分 蓝山县行政审批服务局部门概况', '第二部分 2021年部门决算表', '第三部分 2021年度部门决算情况说明']);
    const links = await nv.page.locator('.nv-doc .nv-table-link').allTextContents();
    expect(links).toHaveLength(9);
    expect(links[0]).toBe('公开01表 部门收支决算总表');
    await nv.page.click('.nv-doc .nv-table-link[data-table="t06"]');
    expect(await wb.currentTab()).toBe('t06');
  });

  it('选择项目: the user chooses the lines 公用经费 “主要包括” names; 恢复默认 lists the ten largest; kept on reload', async () => {
    await open();
    const publicList = async () => /公用经费596\.17万元，占基本支出的37\.83%，主要包括(.*?)等开支/.exec(await nv.paragraph('n6/p'))?.[1];
    // The example keeps the reference's own ten (水电费 = 水费 + 电费).
    expect(await publicList()).toBe('办公费、印刷费、水费、电费、物业管理费、差旅费、维修（护）费、会议费、培训费、其他交通费用、办公设备购置');
    await nv.chooseItems('items.public', ['30201', '30299']);
    expect(await publicList()).toBe('办公费、其他商品和服务支出');
    await wb.screenshot('narrative-items-chosen');
    // 恢复默认: the ten largest, in code order (30299 144.17 … 30211 10.04).
    await nv.chooseItems('items.public', null);
    expect(await publicList()).toBe('办公费、电费、物业管理费、差旅费、工会经费、其他交通费用、其他商品和服务支出、办公设备购置、信息网络及软件购置更新、其他资本性支出');
    await nv.chooseItems('items.public', ['30217']);
    await wb.page.reload();
    await wb.page.waitForSelector('.ht_master td[data-cell]');
    await nv.open();
    expect(await publicList()).toBe('公务接待费');
  });

  it('a figure names its source on hover and a click opens that cell', async () => {
    await open();
    expect(await nv.figureTitle('n6/p', 't06', 'public', 'amount')).toBe('公开06表 公用经费合计\n点击跳转到该单元格');
    const share = nv.page.locator('.nv-doc p[data-paragraph="n6/p"] .nv-fig', { hasText: /^37\.83$/ });
    expect(await share.getAttribute('title')).toBe('公用经费合计占基本支出的比例（%）\n= 公用经费合计 ÷ 基本支出 × 100\n点击跳转到该单元格');
    await nv.figure('n6/p', 't06', 'public', 'amount').click();
    expect(await wb.currentTab()).toBe('t06');
    expect(await wb.selectedCell()).toBe('public|amount');
  });

  it('the user’s reason is edited in place and kept in the document', async () => {
    await open();
    await nv.editText('reason.grand', '人员调出，支出减少');
    expect(await nv.paragraph('n1/p')).toBe('2021年度收、支总计1576.05万元。与2020年相比，减少136.41万元，减少7.97%，主要是因为人员调出，支出减少。');
    // The same text appears in the 补充资料 text box (one document).
    await wb.tab('sup');
    expect(await nv.page.inputValue('textarea[data-text-id="reason.grand"]')).toBe('人员调出，支出减少');
  });

  it('an emptied reason becomes a marked placeholder, listed by the 审核 until filled again', async () => {
    await open();
    await nv.editText('reason.opex', '');
    expect(await nv.paragraph('n11.1/p')).toBe('本部门2021年度机关运行经费支出596.17万元，比年初预算数减少149.82万元，降低20.08%。主要原因是【待填写：机关运行经费变动原因】。');
    expect(await wb.auditRows()).toContainEqual(
      expect.objectContaining({ severity: '提示', title: '情况说明缺少文字', message: '缺少机关运行经费变动原因，请在情况说明“十一、其他重要事项情况说明”中填写' }),
    );
    await wb.tab('narrative');
    await nv.editText('reason.opex', '压减公用经费');
    expect(await nv.paragraph('n11.1/p')).toContain('主要原因是压减公用经费。');
    expect(await wb.auditCounts()).toEqual({ errors: 0, warnings: 0 });
  });

  it('复制全文 puts the plain text on the clipboard', async () => {
    await open();
    await nv.page.click('.nv-bar .nv-copy');
    await expect.poll(() => nv.page.textContent('.nv-status')).toMatch(/^已复制全文/);
    const clip = await nv.page.evaluate(() => navigator.clipboard.readText());
    expect(clip.startsWith('第一部分 蓝山县行政审批服务局部门概况\n一、部门职能职责\n')).toBe(true);
    expect(clip).toContain('\n三、支出决算情况说明\n本年支出合计1576.05万元，其中：基本支出1576.05万元，占100%；');
    expect(clip).toContain('\n本部门2021年度机关运行经费支出596.17万元，比年初预算数减少149.82万元，降低20.08%。主要原因是厉行勤俭节约，支出减少。\n');
  });

  it('打印 prints only the narrative, on A4', async () => {
    await open();
    // window.print would block a headed browser; count calls instead.
    await nv.page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void ((window as unknown as { printed: number }).printed += 1);
    });
    await nv.page.click('.nv-bar .nv-print');
    expect(await nv.page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await nv.page.emulateMedia({ media: 'print' });
    expect(await nv.page.isVisible('body > .print-root .nv-doc')).toBe(true);
    expect(await nv.page.isVisible('#app')).toBe(false);
    const pdf = await nv.page.pdf({ preferCSSPageSize: true, printBackground: false });
    // A4 is 595.28 × 841.89 pt: every page's MediaBox says so.
    const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    expect(boxes.length).toBeGreaterThan(1);
    for (const b of boxes) expect(b).toEqual([595, 842]);
    // Kept for a look: the PDF and its first two pages as PNG.
    const out = join(REPO_ROOT, 'test-output', 'narrative-print');
    await mkdir(out, { recursive: true });
    await writeFile(join(out, 'narrative.pdf'), pdf);
    expect(await pdfToPng(join(out, 'narrative.pdf'), join(out, 'page'), { firstPage: 1, lastPage: 2 })).toHaveLength(2);
    await nv.page.emulateMedia({ media: 'screen' });
    expect(await nv.page.isVisible('#app')).toBe(true);
  });
});
