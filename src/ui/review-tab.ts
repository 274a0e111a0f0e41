// The 审查报告 tab of a review workbook (made from a published PDF); absent for other workbooks.
// Its view (review-view.ts) is fetched when the tab is first opened.
import type { WorkbookSession } from '../app/session';
import type { TabSpec } from './app-shell';

export const REVIEW_TAB_TEXT = {
  tab: '审查报告',
  tabTitle: '本审查工作簿由已公开的 PDF 读出：读入的表、未能读入的内容和原文',
} as const;

/** The tab for mountApp's extraTabs, only for a review workbook. */
export function reviewTabs(session: WorkbookSession): TabSpec[] {
  const review = session.doc.review;
  if (!review) return [];
  return [
    {
      id: 'review',
      label: REVIEW_TAB_TEXT.tab,
      title: REVIEW_TAB_TEXT.tabTitle,
      render(container) {
        void import('./review-view').then((m) => m.renderReview(container, review, session.doc.publishedText?.text ?? ''));
      },
    },
  ];
}
