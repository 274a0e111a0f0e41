// The 表文核对 tab's entry in the tab bar and its phrases. The view (with the text checker and the
// DOCX reader it needs) is fetched when the tab is first opened.
import type { WorkbookSession } from '../app/session';
import type { TabSpec } from './app-shell';
import { el, setText } from './dom';
import type { TextReviewView } from './text-review-view';

/** Every phrase of the tab, in one place. */
export const TEXT_REVIEW_TEXT = {
  tab: '表文核对',
  tabTitle: '核对公开的情况说明：文中每个数字与表格、与文中其他数字是否一致',
  paste: '粘贴文字',
  open: '打开 Word/文本文件',
  clear: '清除',
  check: '核对',
  cancel: '取消',
  pasteLabel: '公开的情况说明文字',
  pastePlaceholder: '把已公开（或准备公开）的情况说明全文粘贴到这里，然后点“核对”。',
  empty: '尚未读入要核对的情况说明：点“粘贴文字”，或打开 Word 文档（.docx）、文本文件（.txt）。文字随工作簿保存。',
  hint: '文中每个数字按其前面的文字对应到表中数字后比较；点一条结果定位到句子，点“到单元格”打开对应的表格单元格。',
  findingsLabel: '核对结果',
  textLabel: '公开的情况说明',
  toCell: '到单元格',
  toCellTitle: (label: string) => `打开表格中的“${label}”`,
  none: '未发现问题：文中数字与表格一致。',
  counts: (table: number, text: number, errors: number, warnings: number) => `表文 ${table} 处 · 文内 ${text} 处（错误 ${errors}，提示 ${warnings}）`,
  coverage: (numbers: number, matched: number) => `文中 ${numbers} 个数字，${matched} 个对应到表中数字`,
  source: (what: string, name?: string) => (name ? `来自${what}“${name}”` : `来自${what}`),
  sourceWords: { paste: '粘贴的文字', docx: 'Word 文档', pdf: 'PDF 文件' },
  read: (chars: number) => `已读入 ${chars} 字并核对`,
  cleared: '已清除要核对的文字',
  notText: '只能打开 Word 文档（.docx）或文本文件（.txt）。PDF 请先复制其中的文字粘贴到这里。',
  tooLong: (max: string) => `文字超过 ${max} 字，只核对前 ${max} 字`,
  severity: { error: '错误', warning: '提示' },
  badge: (table: number, text: number) => `表文 ${table} · 文内 ${text}`,
  badgeTitle: '表文核对：公开的情况说明与表格、与文中其他数字不一致之处（点击查看）',
} as const;

/**
 * The 表文核对 counts in the toolbar beside the 审核 ones, while the workbook holds a published text
 * (a PDF under review always does). Re-checked a moment after the tables change; the checker is
 * fetched with the first text.
 */
export function textReviewBadge(session: WorkbookSession, open: () => void): HTMLElement {
  const count = el('span', { class: 'badge badge-text-review' });
  const button = el('button', { type: 'button', class: 'audit-badge text-review-badge', title: TEXT_REVIEW_TEXT.badgeTitle, hidden: true }, count);
  button.addEventListener('click', open);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let run = 0;
  const update = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const text = session.doc.publishedText?.text;
      const mine = ++run;
      if (!text) {
        button.hidden = true;
        return;
      }
      void import('../engine/text-review').then(({ reviewNarrativeText }) => {
        if (mine !== run) return;
        const findings = reviewNarrativeText(session.engine, text);
        setText(count, TEXT_REVIEW_TEXT.badge(findings.filter((f) => f.group === '表文').length, findings.filter((f) => f.group === '文内').length));
        button.classList.toggle('has-errors', findings.some((f) => f.severity === 'error'));
        button.hidden = false;
      });
    }, 500);
  };
  session.subscribe(update);
  update();
  return button;
}

/** The 表文核对 tab for mountApp's extraTabs: built when first opened, refreshed when shown. */
export function textReviewTab(session: WorkbookSession): TabSpec {
  let view: TextReviewView | undefined;
  return {
    id: 'text-review',
    label: TEXT_REVIEW_TEXT.tab,
    title: TEXT_REVIEW_TEXT.tabTitle,
    render(container, app) {
      void import('./text-review-view').then(({ mountTextReview }) => {
        view = mountTextReview(container, session, { goToCell: (sheet, row, col) => void app.goToCell(sheet, row, col), status: (t) => app.status(t) });
      });
    },
    onShow() {
      view?.refresh();
    },
  };
}
