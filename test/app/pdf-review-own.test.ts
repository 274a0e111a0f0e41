// 审查 of PDFs the app itself writes: 导出Word of a built-in example converted to PDF by LibreOffice
// Writer, one printed figure changed on purpose before export. The review workbook read back holds
// every figure of every table as the source workbook computes it (cents), except the planted one,
// and its 审核 finds the planted slip as an 错误 on that cell.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReview, pdfLayouts, proposeReview } from '../../src/app/pdf-review';
import { buildPublication } from '../../src/app/publication';
import { reviewFindings } from '../../src/app/review-groups';
import { exampleById, openWorkbook } from '../../src/app/templates';
import { exportDocx } from '../../src/io/docx-export';
import { readPdf } from '../../src/io/pdf-read';
import { convertWithLibreOffice } from '../support/libreoffice';
import { differences, plant } from '../support/review-compare';
import { outDir } from '../io/support';

const LO_TIMEOUT = 300_000;

async function wordPdf(exampleId: string, slip: { table: string; from: string; to: string }) {
  const source = openWorkbook(exampleById(exampleId));
  const dir = await outDir(join('..', 'pdf-review', exampleId));
  const file = join(dir, `${exampleId}.docx`);
  await writeFile(file, await exportDocx(plant(buildPublication(source), slip.table, slip.from, slip.to)));
  const pdf = await convertWithLibreOffice(file, 'pdf', dir, { recalc: false });
  const content = await readPdf(new Uint8Array(await readFile(pdf)));
  const pages = pdfLayouts(content);
  return { source, pages, proposal: proposeReview(pages, content.info.title) };
}

describe('审查 of our own 导出Word, converted to PDF by LibreOffice', () => {
  it('上海 2024 (财政局 example): every figure read back; a transposed 02 合计 is an 错误 on that cell', { timeout: LO_TIMEOUT }, async () => {
    const { source, pages, proposal } = await wordPdf('sh-putuo-czj-2024', { table: 'income', from: '2,946.26', to: '2,964.26' });
    expect([proposal.department, proposal.year, proposal.templates[0]!.templateId]).toEqual(['上海市普陀区财政局', 2024, 'sh-2024']);
    const review = buildReview(pages, 'sh-2024');
    expect(review.tables.every((t) => t.found)).toBe(true);
    expect(differences(source, review.doc)).toEqual(['income:sum:total read 296426, source 294626']);
    // The tables' 错误: the slip itself, and 01 against 02 as printed.
    const errors = reviewFindings(review.doc).filter((f) => f.severity === 'error' && (f.group === '表内' || f.group === '表间'));
    expect(errors.map((f) => [f.group, f.message.split('：')[0]])).toEqual([
      ['表间', '表一本年收入合计（2,946.26）与表二合计行本年收入合计（2,964.26）不相等，差额 -18.00'],
      ['表内', '二、收入决算表 合计 本年收入合计印刷为 2,964.26，按公式重算为 2,946.26'],
    ]);
    source.destroy();
  });

  it('湖南 2021 (蓝山 reference): 行次 columns and 公开0X表 titles; a changed 06 line makes 302 and 公用经费 错误, and the text disagrees', { timeout: LO_TIMEOUT }, async () => {
    const { source, pages, proposal } = await wordPdf('lanshan-2021', { table: 't06', from: '21.34', to: '12.34' });
    expect([proposal.department, proposal.year, proposal.templates[0]!.templateId]).toEqual(['蓝山县行政审批服务局', 2021, 'hn-2021']);
    const review = buildReview(pages, 'hn-2021');
    expect(review.unread).toEqual([]);
    expect(differences(source, review.doc)).toEqual(['t06:30201:amount read 1234, source 2134']);
    // The line is an input, read as printed: its printed parents no longer add up (05 = 06 still
    // holds as printed), and the 情况说明, written before the slip, now disagrees with the table.
    const findings = reviewFindings(review.doc).filter((f) => f.severity === 'error');
    expect(findings.filter((f) => f.group !== '表文').map((f) => [f.group, f.message.split('：')[0]])).toEqual([
      ['表内', '公开06表 302 商品和服务支出印刷为 494.62，按公式重算为 485.62'],
      ['表内', '公开06表 公用经费合计印刷为 596.17，按公式重算为 587.17'],
    ]);
    expect(findings.filter((f) => f.group === '表文').map((f) => f.message.split('：')[0])).toContain('公用经费合计占基本支出的比例（%）');
    source.destroy();
  });
});
