// The 审查报告 tab's content (fetched when the tab is first opened): the file, the tables read and
// their pages, what could not be read, and the document's own running text (the 情况说明 as
// published) with its page numbers, where a sentence can be shown.
import type { ReviewSource } from '../model/document';
import { el } from './dom';
import { REVIEW_TAB_TEXT } from './review-tab';
import './review-view.css';

/** The view's phrases (the tab's label is in review-tab.ts). */
export const REVIEW_VIEW_TEXT = {
  source: (file: string) => `来源：${file || '（未记录文件名）'}。表中数字按 PDF 印刷读入；合计等计算单元格的印刷数在审核中与重算数比较。`,
  tablesHead: '读入的表',
  tableLine: (title: string, pages: number[], rows: number, figures: number) => (pages.length ? `${title}：第 ${pages.join('、')} 页，${rows} 行，${figures} 个数字` : `${title}：未找到`),
  unreadHead: (n: number) => `未能读入（${n} 处）`,
  allRead: '全部读入。',
  textHead: '原文（表格以外的文字）',
  page: (n: number) => `第${n}页`,
} as const;

/** The paragraphs of the text, each with its first page. */
function paragraphs(review: ReviewSource, text: string): { start: number; end: number; page: number }[] {
  const out: { start: number; end: number; page: number }[] = [];
  let start = 0;
  for (const part of text.split('\n')) {
    const end = start + part.length;
    const line = review.lines.find((l) => l[1] > start && l[0] < Math.max(end, start + 1));
    out.push({ start, end, page: line?.[2] ?? 0 });
    start = end + 1;
  }
  return out;
}

/** The report, and `published` (the document's running text, publishedText) page by page. */
export function renderReview(container: HTMLElement, review: ReviewSource, published: string): void {
  const T = REVIEW_VIEW_TEXT;
  let lastPage = 0;
  const text = el('div', { class: 'review-text' });
  for (const p of paragraphs(review, published)) {
    if (p.page && p.page !== lastPage) {
      text.append(el('p', { class: 'review-page' }, T.page(p.page)));
      lastPage = p.page;
    }
    text.append(el('p', { class: 'review-para', 'data-start': String(p.start), 'data-end': String(p.end) }, published.slice(p.start, p.end)));
  }
  container.replaceChildren(
    el(
      'section',
      { class: 'review-report', 'aria-label': REVIEW_TAB_TEXT.tab },
      el('h2', {}, REVIEW_TAB_TEXT.tab),
      el('p', { class: 'review-source' }, T.source(review.file)),
      el('h3', {}, T.tablesHead),
      el('ul', { class: 'review-tables' }, ...review.tables.map((t) => el('li', {}, T.tableLine(t.title, t.pages, t.rows, t.figures)))),
      el('h3', {}, T.unreadHead(review.unread.length)),
      review.unread.length ? el('ul', { class: 'review-unread' }, ...review.unread.map((u) => el('li', {}, u))) : el('p', { class: 'review-unread' }, T.allRead),
      el('h3', {}, T.textHead),
      text,
    ),
  );
}

