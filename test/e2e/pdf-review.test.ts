// PDF审查 in Chromium against the built app: the published 上海市普陀区财政局 2024 PDF opened from
// the toolbar (read in the import worker), the proposed template, the report, the review workbook
// opened as a new workbook; its 审核 lists the recorded table slips and a click lands on the cell;
// its 表文核对 lists the text's and a click lands on the sentence; the 审查报告 tab keeps what could
// not be read and the published text. A file that is not a PDF is refused in Chinese.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReview, pdfLayouts, proposeReview } from '../../src/app/pdf-review';
import { exampleDocument, openWorkbook } from '../../src/app/templates';
import { readPdf } from '../../src/io/pdf-read';
import { differences } from '../support/review-compare';
import { REAL_PDF } from '../support/sh-reference';
import { useAppFixture } from './pages/app-fixture';
import { PdfReviewPage } from './pages/pdf-review-page';
import { PublicationPage } from './pages/publication-page';
import { TextReviewPage } from './pages/text-review-page';
import { REPO_ROOT } from './support/browser';

const OUT = join(REPO_ROOT, 'test-output', 'pdf-review-e2e');
const app = useAppFixture();

describe('PDF审查', () => {
  it('opens the published PDF, shows the findings, and a click lands on the printed cell', async () => {
    const wb = await app.open();
    const review = new PdfReviewPage(wb);
    await review.choose('sh-putuo-czj-2024.pdf', await readFile(REAL_PDF));
    const choice = await review.choice();
    expect(choice.source).toBe('文件「sh-putuo-czj-2024.pdf」，共 25 页。');
    expect([choice.department, choice.year]).toEqual(['上海市普陀区财政局', '2024']);
    expect(choice.templates[0]).toBe('上海市部门决算公开模板（2024–2025年度）（找到 9/9 张表）');
    await wb.screenshot('pdf-review-choose');

    const report = await review.start();
    // The tables' slips (27 提示) and the text's (表文核对: 0.3万元, 71.73% … among them 错误).
    expect(report.summary).toMatch(/^上海市普陀区财政局2024年度部门决算：审核发现错误 [1-9]\d* 个，提示 \d+ 个。$/);
    expect(report.groups).toMatch(/^其中表内 21 个，表间 6 个，表文 [1-9]\d* 个，文内 [1-9]\d* 个。$/);
    expect(report.tables[0]).toBe('收入支出决算总表：第 6、7 页，12 个数字');
    expect(report.unread).toEqual([]);
    await wb.screenshot('pdf-review-report');

    await review.openWorkbook();
    expect(await wb.department()).toBe('上海市普陀区财政局');
    expect(await wb.auditCounts()).toEqual({ errors: 0, warnings: 27 });
    // Beside them, its text's: 表文 16 (0.3万元 and 71.73% 错误), 文内 4 (the 年初预算 and 政府采购 sums among them).
    expect(await wb.textReviewBadge('表文 16 · 文内 4')).toBe('表文 16 · 文内 4');
    const rows = await wb.auditRows();
    const slip = rows.find((r) => r.message.includes('302 商品和服务支出印刷为 171.07'))!;
    expect(slip.message).toContain('按公式重算为 171.09');
    await wb.screenshot('pdf-review-audit');
    await wb.clickAuditCell('printed:basicExpenditure:302:amount', 0);
    expect(await wb.currentTab()).toBe('basicExpenditure');
    expect(await wb.selectedCell()).toBe('302|amount');
    expect(await wb.cellClasses('basicExpenditure', '302', 'amount')).toContain('c-printed');
    await wb.screenshot('pdf-review-cell');

    // The text's findings in 表文核对: a click lands on the sentence as printed.
    const text = new TextReviewPage(wb);
    await text.open();
    const total = (await text.findings()).find((f) => f.text.includes('0.3万元'))!;
    expect(total.severity).toBe('error');
    await text.clickFinding(total.id);
    expect(await text.currentSentence()).toContain('财政拨款收入支出总计0.3万元');
    await wb.screenshot('pdf-review-sentence');
    // 年初预算为2993.92万元 is the budget stated (补充资料 from the text), not an 错误.
    expect((await text.findings()).filter((f) => f.severity === 'error').map((f) => f.text.slice(0, f.text.indexOf('：')))).toEqual(['财政拨款收入支出总计', '一般公共服务支出（类）支出占一般公共预算财政拨款支出的比例（%）']);

    const tab = await review.reviewTab();
    expect(tab.unread).toEqual([]);
    expect(tab.paragraphs).toContain('本年收入合计2946.25万元，其中： 财政拨款收入2940.05万元，占99.79%；其他收入6.2万元，占0.21%；');
    await wb.screenshot('pdf-review-tab');
  });

  it('reads back our own 导出PDF (Chromium) figure by figure; a slip planted in the print is found', async () => {
    const wb = await app.open();
    await mkdir(OUT, { recursive: true });
    const pdf = join(OUT, 'lanshan-planted.pdf');
    await new PublicationPage(wb).exportPdf(pdf, { from: '21.34', to: '12.34' });
    // The reader in Node, as the batch uses it.
    const content = await readPdf(new Uint8Array(await readFile(pdf)));
    const pages = pdfLayouts(content);
    const proposal = proposeReview(pages, content.info.title);
    expect([proposal.department, proposal.year, proposal.templates[0]!.templateId]).toEqual(['蓝山县行政审批服务局', 2021, 'hn-2021']);
    const source = openWorkbook(exampleDocument());
    const built = buildReview(pages, 'hn-2021');
    expect(built.unread).toEqual([]);
    expect(differences(source, built.doc)).toEqual(['t06:30201:amount read 1234, source 2134']);
    source.destroy();
    // And in the app: the report counts the slip's three 错误.
    const review = new PdfReviewPage(wb);
    await review.choose('lanshan-planted.pdf', await readFile(pdf));
    expect((await review.choice()).templates[0]).toContain('湖南');
    expect((await review.start()).summary).toMatch(/^蓝山县行政审批服务局2021年度部门决算：审核发现错误 [1-9]\d* 个/);
  });

  it('refuses a file that is not a PDF, in Chinese, and changes nothing', async () => {
    const wb = await app.open();
    const review = new PdfReviewPage(wb);
    await review.choose('假的.pdf', Buffer.from('这不是PDF'));
    expect(await review.refusal()).toBe('这不是 PDF 文件（文件开头没有 %PDF 标记），请选择部门决算公开的 PDF 文件');
    await review.closeRefusal();
    expect(await wb.department()).toBe('蓝山县行政审批服务局');
  });
});
