// 表文核对 in real Chromium against the built app: a published 情况说明 with errors pasted or opened
// from a Word file (one 导出Word writes, with an error planted), its findings listed with counts
// and marked in the text; a click lands on the sentence, 到单元格 on the cell; the text stays with
// the workbook across a reload. Expected values: the reference document (蓝山 2021) and its tables.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/browser';
import { useAppFixture } from './pages/app-fixture';
import { PublicationPage } from './pages/publication-page';
import { TextReviewPage } from './pages/text-review-page';
import { REFERENCE_PART3 } from '../narrative/reference-part3';

const app = useAppFixture();
const OUT = join(REPO_ROOT, 'test-output', 'text-review');

/** The reference's 第三部分 (its own slip: 6.91%) with two more planted: 公用经费 596.17 → 569.17, and 增长（下降）. */
const PLANTED = REFERENCE_PART3.join('\n').replace('公用经费596.17万元', '公用经费569.17万元').replace('降低20.08%', '增长（下降）20.08%');

describe('表文核对 tab', () => {
  it('a pasted text: findings counted and marked; a click lands on the sentence, 到单元格 on the cell; kept after a reload', async () => {
    const wb = await app.open();
    const tr = new TextReviewPage(wb);
    await tr.open();
    expect(await tr.isEmpty()).toBe(true);
    expect(await wb.textReviewBadge()).toBeNull();
    await tr.paste(PLANTED);
    // Its counts stand beside the 审核 counts in the toolbar.
    expect(await wb.textReviewBadge('表文 2 · 文内 2')).toBe('表文 2 · 文内 2');
    const findings = await tr.findings();
    expect(findings.map((f) => [f.cls, f.severity])).toEqual([
      ['wrong-value', 'error'],
      ['wrong-value', 'error'],
      ['sum', 'warning'],
      ['residue', 'error'],
    ]);
    // The planted 569.17 no longer adds up with 人员经费 to 基本支出 either (文内, from the text alone).
    expect(findings[0]!.text).toBe('公用经费合计：文中为 569.17万元，表中为 596.17万元，相差 27.00');
    expect(findings[1]!.text).toContain('文中为 6.91%，按表中数字应为 6.97%');
    expect(findings[2]!.text).toBe('财政拨款基本支出写作 1576.05万元，其后“其中”所列各项 979.88 + 569.17 = 1,549.05万元，相差 27.00（若“其中”未列全，可不理会）');
    expect(findings[3]!.text).toContain('模板残留“增长（下降）”');
    expect(await tr.counts()).toMatch(/^表文 2 处 · 文内 2 处（错误 3，提示 1） · 文中 \d+ 个数字，\d+ 个对应到表中数字 · 来自粘贴的文字$/);
    await wb.screenshot('text-review-pasted');

    // The finding lands on its sentence: marked, selected, in view.
    await tr.clickFinding(findings[1]!.id);
    const sentence = '公务接待费支出预算60万元，支出决算为6.54万元，完成预算的10.9%，决算数小于年初预算数的主要原因是厉行勤俭节约，支出减少，与上年相比减少0.49万元，减少6.91%,减少的主要原因是厉行勤俭节约，支出减少。';
    expect(await tr.currentSentence()).toBe(sentence);
    expect(await tr.selectedText()).toBe(sentence);
    expect(await tr.currentSentenceVisible()).toBe(true);
    await wb.screenshot('text-review-sentence');
    // A mark in the text selects its finding.
    await tr.clickMark(findings[0]!.id);
    expect(await tr.currentFinding()).toBe(findings[0]!.id);

    // 到单元格: 公开06表, 公用经费合计.
    await tr.jumpToCell(findings[0]!.id);
    expect(await wb.currentTab()).toBe('t06');
    expect(await wb.selectedCell()).toBe('public|amount');
    await wb.screenshot('text-review-cell');

    // The text is the workbook's: a table edit re-checks it, a reload keeps it.
    await wb.edit('t06', '30201', 'amount', '21.34');
    await wb.page.waitForSelector('.save-status[data-state="saved"]');
    await wb.page.reload();
    await wb.page.waitForSelector('.ht_master td[data-cell]');
    await tr.open();
    await wb.page.waitForSelector('.text-review .tr-finding');
    expect((await tr.findings()).map((f) => f.cls)).toEqual(['wrong-value', 'wrong-value', 'sum', 'residue']);
    await tr.clear();
    expect(await tr.isEmpty()).toBe(true);
    expect(await wb.textReviewBadge()).toBeNull();
  });

  it('a Word file that 导出Word wrote, with an error planted, is read and checked', async () => {
    const wb = await app.open();
    const { path } = await new PublicationPage(wb).exportWord(OUT);
    // Plant: 人员经费 share 62.17% → 62.71% in word/document.xml.
    const files = unzipSync(new Uint8Array(await readFile(path)));
    const xml = strFromU8(files['word/document.xml']!);
    expect(xml.split('62.17').length - 1).toBe(1);
    files['word/document.xml'] = strToU8(xml.replace('62.17', '62.71'));
    await mkdir(OUT, { recursive: true });
    const planted = join(OUT, '情况说明-planted.docx');
    await writeFile(planted, zipSync(files));

    const tr = new TextReviewPage(wb);
    await tr.open();
    await tr.openFile(planted);
    const findings = await tr.findings();
    // The example's 情况说明 is generated (6.97%, not the reference's 6.91%): the planted share is the one wrong value.
    expect(findings.filter((f) => f.cls === 'wrong-value').map((f) => f.text)).toEqual(['人员经费合计占基本支出的比例（%）：文中为 62.71%，按表中数字应为 62.17%']);
    // …and the two shares of 基本支出 now add up to 100.54%.
    expect(findings.map((f) => f.cls)).toEqual(['wrong-value', 'share-sum']);
    expect(await tr.counts()).toMatch(/^表文 1 处 · 文内 1 处（错误 1，提示 1） · .* · 来自Word 文档“情况说明-planted\.docx”$/);
    await tr.clickFinding(findings.find((f) => f.cls === 'wrong-value')!.id);
    expect(await tr.currentSentence()).toContain('人员经费979.88万元，占基本支出的62.71%');
    await wb.screenshot('text-review-docx');
    await tr.jumpToCell(findings.find((f) => f.cls === 'wrong-value')!.id);
    expect(await wb.currentTab()).toBe('t06');
    expect(await wb.selectedCell()).toBe('personnel|amount');
  });

  it('a file that is not a Word document is refused with a Chinese message, and nothing is lost', async () => {
    const wb = await app.open();
    const tr = new TextReviewPage(wb);
    await tr.open();
    await tr.paste('本年收入合计1576.05万元。');
    await mkdir(OUT, { recursive: true });
    const bad = join(OUT, 'not-word.docx');
    await writeFile(bad, 'plain text, not a zip');
    await wb.page.setInputFiles('.text-review .tr-file', bad);
    await wb.page.waitForFunction(() => (document.querySelector('.text-review .tr-status')?.textContent ?? '').includes('不是 Word 文档'));
    expect(await tr.status()).toContain('这不是 Word 文档（.docx）');
    expect(await tr.counts()).toContain('来自粘贴的文字');
  });
});
