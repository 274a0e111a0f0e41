// 打开PDF审查: the toolbar button. A published disclosure PDF becomes a review workbook whose 审核
// tab lists the findings (a click lands on the cell) and whose 审查报告 tab keeps the report. The
// flow itself (pdf-review-dialogs.ts) and pdf.js are fetched on first use.
import type { WorkbookDocument } from '../model/document';
import { button } from './dialog-kit';
import { el } from './dom';

/** The button's phrases (the flow's are in pdf-review-dialogs.ts). */
export const PDF_REVIEW_BUTTON_TEXT = {
  button: 'PDF审查',
  buttonTitle: '打开已公开的部门决算 PDF，逐表读出数字并审核（表内、表间），生成审查工作簿',
} as const;

export interface PdfReviewDeps {
  /** Opens the review workbook as a new workbook (stored, then shown). */
  openAsNew(doc: WorkbookDocument, name: string): unknown;
  status(text: string): void;
}

/** The toolbar button (and its hidden file input). */
export function pdfReviewAction(deps: PdfReviewDeps): HTMLElement {
  const T = PDF_REVIEW_BUTTON_TEXT;
  const input = el('input', { type: 'file', accept: '.pdf,application/pdf', class: 'pdf-review-input', hidden: true, 'aria-label': T.button });
  const btn = button(T.button, 'btn-pdf-review', () => input.click(), T.buttonTitle);
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    // Cleared so that choosing the same file again fires 'change' again.
    input.value = '';
    if (file) void import('./pdf-review-dialogs').then((m) => m.reviewPdfFile(file, btn, deps));
  });
  return el('div', { class: 'toolbar-group pdf-review-actions' }, btn, input);
}
