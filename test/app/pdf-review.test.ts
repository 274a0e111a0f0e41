// 审查 of the published 上海市普陀区财政局 2024 PDF: the proposal (部门, 年度, template), the review
// workbook figure by figure against the transcription (test/fixtures/sh-2024, in cents, a printed
// blank apart from 0.00), and its 审核: exactly the recorded table slips, each one, as the built-in
// example (entered by hand) gives them, and no legitimate difference.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReview, pdfLayouts, proposeReview, type PdfReview } from '../../src/app/pdf-review';
import { reviewFindings } from '../../src/app/review-groups';
import { openWorkbook, shExampleDocument } from '../../src/app/templates';
import { PRINTED_RULE, type WorkbookEngine } from '../../src/engine';
import { readPublishedText, type TextFinding } from '../../src/engine/text-review';
import type { PageLayout } from '../../src/io/pdf-grid';
import { readPdf } from '../../src/io/pdf-read';
import type { WorkbookDocument } from '../../src/model/document';
import type { AnySheetId } from '../../src/model/template';
import { cents, load, printedFigures, REAL_PDF } from '../support/sh-reference';

/** What the review workbook holds for a cell, in cents; null for a printed blank; 'absent' when nothing was read. */
function held(doc: WorkbookDocument, e: WorkbookEngine, [sheet, row, col]: [AnySheetId, string, string]): number | null | 'absent' {
  if (e.isInput(sheet, row, col)) {
    const v = doc.inputs[sheet]?.[row]?.[col];
    if (v !== undefined) return cents(Number(v));
    // 03 基本/项目 left following 05 where the print equals it.
    if (e.typeOverState(sheet, row, col) === 'following') return cents(e.amount(sheet, row, col)?.toNumber() ?? null) || null;
    return null;
  }
  const p = doc.printed?.[sheet]?.[row]?.[col];
  return p === undefined ? 'absent' : p === '' ? null : cents(Number(p));
}

describe('审查 of the published 上海市普陀区财政局 2024 PDF', () => {
  let pages: PageLayout[];
  let title: string;
  let review: PdfReview;
  beforeAll(async () => {
    const content = await readPdf(new Uint8Array(readFileSync(REAL_PDF)));
    pages = pdfLayouts(content);
    title = content.info.title;
    review = buildReview(pages, 'sh-2024');
  }, 120_000);

  it('proposes 上海 2024–2025 (all nine titles found), the department and the year from the cover', () => {
    const p = proposeReview(pages, title);
    expect([p.department, p.year]).toEqual(['上海市普陀区财政局', 2024]);
    expect(p.templates.map((t) => [t.templateId, t.found])).toEqual([
      ['sh-2024', 9],
      ['national-2022', 7],
      ['hn-2021', 3],
    ]);
  });

  it('finds each table by its title on its pages, continuation pages included', () => {
    expect(review.tables.map((t) => [t.title, t.pages])).toEqual([
      ['收入支出决算总表', [6, 7]],
      ['收入决算表', [8, 9]],
      ['支出决算表', [10, 11]],
      ['财政拨款收入支出决算总表', [12, 13]],
      ['一般公共预算财政拨款支出决算表', [15]],
      ['一般公共预算财政拨款基本支出决算表', [16, 17]],
      ['财政拨款“三公”经费支出决算表', [18]],
      ['政府性基金预算财政拨款收入支出决算表', [19]],
      ['国有资本经营预算财政拨款收入支出决算表', [20]],
    ]);
    // Everything was read; 八 and 九 print their grid with a blank 合计 row, kept as printed blanks.
    expect(review.unread).toEqual([]);
    expect(review.doc.printed?.govFund?.sum).toEqual({ open: '', inc: '', exp: '', exp_basic: '', exp_proj: '', close: '' });
  });

  it('reproduces every printed figure of tables 一–七, figure by figure in cents, a blank apart from 0.00', () => {
    const doc = review.doc;
    expect([doc.templateId, doc.meta.department, doc.meta.year, doc.zeroStyle]).toEqual(['sh-2024', '上海市普陀区财政局', 2024, 'blank']);
    expect(doc.codes.gpb).toEqual(shExampleDocument('sh-putuo-czj-2024').codes.gpb);
    const e = openWorkbook(doc);
    const figures = printedFigures(load('sh-putuo-czj-2024'), e);
    expect(figures.length).toBeGreaterThan(560);
    const wrong: Record<string, string> = {};
    let compared = 0;
    for (const f of figures) {
      const want = f.printed === null ? null : cents(f.printed);
      if (!f.cell) {
        // 01/04 print 债务还本/付息支出 blank; the template has no such 类 row.
        expect(f.printed, f.key).toBeNull();
        continue;
      }
      const got = held(doc, e, f.cell);
      compared++;
      if (got !== want) wrong[f.key] = `printed ${f.printed ?? '(blank)'}, review holds ${got}`;
    }
    expect(wrong).toEqual({});
    expect(compared).toBe(555);
    // A printed blank total is '' in the review workbook, a typed 0.00 would be '0.00'.
    expect(doc.printed?.income?.sum?.sup).toBe('');
    e.destroy();
  });

  it('its 审核 finds each recorded table slip as the hand-entered example does, and nothing else', () => {
    const findings = (doc: WorkbookDocument) => {
      const e = openWorkbook(doc);
      const out = e.audit().map((f) => `${f.rowId} ${f.severity} ${f.diff?.toFixed(2) ?? ''}`);
      e.destroy();
      return out.sort();
    };
    // The example holds the 补充资料 of the 情况说明 (年初预算, 政府采购): their rules are 表文 (item 3).
    const example = findings(shExampleDocument('sh-putuo-czj-2024')).filter((f) => !/^(BUDGET-sum|SH-proc-sum) /.test(f));
    const fromPdf = findings(review.doc);
    expect(fromPdf).toEqual(example);
    // 13 slips and the 12 totals that carry them (listed one by one in test/templates/sh-2024-examples.test.ts),
    // and 社会保障 326.71 in 01/04 against 326.72 in 03/05 (X13-2, X4F) between tables.
    expect(fromPdf.filter((f) => f.startsWith(`${PRINTED_RULE}:`))).toHaveLength(25);
    expect(fromPdf.filter((f) => !f.startsWith(`${PRINTED_RULE}:`))).toEqual(['X13-2:208 warning -0.01', 'X4F-gpb:208 warning -0.01']);
    expect(fromPdf.filter((f) => f.includes(' error '))).toEqual([]);
  });

  it('names the side of a 总计 that 一 and 四 print on both sides (收入/支出)', () => {
    const totals = reviewFindings(review.doc).filter((f) => f.message.includes('总计（')).map((f) => f.message.slice(0, f.message.indexOf('，')));
    expect(totals).toEqual([
      '尾差：一、收入支出决算总表 总计（收入）印刷为 2,995.39',
      '尾差：一、收入支出决算总表 总计（支出）印刷为 2,995.39',
      '尾差：四、财政拨款收入支出决算总表 总计（收入）印刷为 2,961.68',
      '尾差：四、财政拨款收入支出决算总表 总计（支出） 合计印刷为 2,961.68',
    ]);
  });

  it('its running text is the published text under review: 表文核对 finds the recorded text slips', () => {
    expect(review.doc.publishedText?.source).toBe('pdf');
    expect(review.doc.publishedText?.text).toContain('财政拨款收入支出总计0.3万元');
    const text = reviewFindings(review.doc).filter((f) => f.group === '表文' || f.group === '文内');
    const has = (group: string, words: string) => expect(text.some((f) => f.group === group && f.message.includes(words)), words).toBe(true);
    // 四: 总计 “0.3万元” and “持平” beside a reason; 五（二）: 71.73% (71.65%), the shares add to 100.07.
    has('表文', '财政拨款收入支出总计：文中为 0.3万元');
    has('文内', '写“持平”，却又说明了增减的原因');
    has('表文', '文中为 71.73%，按表中数字应为 71.65%');
    has('文内', '本段各项占比之和为 100.07%');
    // 六: 人员经费 items against 06; 七: completion rates of items without a budget.
    has('表文', '未列出表中不为0的“奖励金”');
    has('表文', '列出的“个人农业生产补贴”（30310）在表中为0或空白');
    has('表文', '“三公”经费因公出国（境）费预算数为0（或空白），比例无从计算');
  });

  it('its text fills the 补充资料 it lacks (年初预算, 政府采购): the findings of the hand-entered example on the same text, the text-only slips under 文内', () => {
    const text = review.doc.publishedText!.text;
    const brief = (f: TextFinding) => `${f.group} ${f.severity} ${f.class} ${f.written.replace(/\s+/g, '')}`;
    const read = (doc: WorkbookDocument) => {
      const e = openWorkbook(doc);
      const r = readPublishedText(e, text);
      e.destroy();
      return r;
    };
    const fromPdf = read(review.doc);
    // The example holds the 补充资料 as entered; the review workbook has none and reads them from the text.
    expect(fromPdf.findings.map(brief)).toEqual(read(shExampleDocument('sh-putuo-czj-2024')).findings.map(brief));
    expect(fromPdf.findings).toHaveLength(20);
    // No false 错误 (年初预算为2993.92万元 is the budget, not a second 一般公共预算财政拨款支出).
    expect(fromPdf.findings.filter((f) => f.severity === 'error').map(brief)).toEqual(['表文 error wrong-value 0.3万元', '表文 error wrong-value 71.73%']);
    expect(fromPdf.findings.filter((f) => f.group === '文内').map(brief)).toEqual([
      '文内 warning contradiction 持平',
      '文内 warning share-sum 71.73%',
      '文内 warning sum 2993.92万元',
      '文内 warning sum 251.25万元',
    ]);
    expect(fromPdf.findings.filter((f) => f.class === 'sum').map((f) => f.expected)).toEqual(['2,993.93万元', '251.26万元']);
    expect(fromPdf.taken.filter((t) => ['budget.stated', 'proc.stated'].includes(t.cell.row)).map((t) => t.written)).toEqual(['2993.92', '251.25']);
  });
});
