// The PDF审查 flow after the button (fetched on first use): the file is read in the import worker
// (pdf.js fetched there, the page stays responsive); the user confirms 部门, 年度 and the template
// proposed from the year and the table titles; the report says what was read, what could not be,
// and what the 审核 finds; 打开审查工作簿 opens it as a new workbook.
import { runImport } from '../app/import-runner';
import type { PdfProposal, PdfReview } from '../app/pdf-review';
import type { FindingGroup } from '../app/review-groups';
import { TEMPLATE_LIST } from '../app/templates';
import type { PageLayout } from '../io/pdf-grid';
import { button, openDialog } from './dialog-kit';
import { el } from './dom';

/** Every phrase of the flow, in one place (the button's own are in pdf-review-actions.ts). */
export const PDF_REVIEW_UI_TEXT = {
  reading: '正在读取…',
  readingStatus: '正在读取 PDF（首次使用需加载组件）…',
  chooseTitle: 'PDF审查',
  source: (file: string, pages: number) => `文件「${file}」，共 ${pages} 页。`,
  chooseHint: '请确认部门、年度和模板：按模板的表名在 PDF 中查找各表，按科目编码和栏目位置读出数字。',
  department: '部门',
  year: '年度',
  template: '模板',
  templateOption: (name: string, found: number, of: number) => `${name}（找到 ${found}/${of} 张表）`,
  start: '开始审查',
  cancel: '取消',
  building: '正在审查…',
  resultTitle: '审查结果',
  result: (dept: string, year: number, errors: number, warnings: number) => `${dept}${year}年度部门决算：审核发现错误 ${errors} 个，提示 ${warnings} 个。`,
  groups: (counts: Record<FindingGroup, number>) => `其中表内 ${counts.表内} 个，表间 ${counts.表间} 个，表文 ${counts.表文} 个，文内 ${counts.文内} 个。`,
  tablesHead: '读入的表',
  tableLine: (title: string, pages: number[], figures: number) => (pages.length ? `${title}：第 ${pages.join('、')} 页，${figures} 个数字` : `${title}：未找到`),
  unreadHead: (n: number) => `未能读入（${n} 处）`,
  allRead: '全部读入，没有无法识别的内容。',
  open: '打开审查工作簿',
  workbookName: (dept: string, year: number) => `${dept}${year}年度决算（审查）`,
  opened: (file: string) => `已打开「${file}」的审查工作簿：审核页列出发现的问题，点击单元格可定位`,
  failedTitle: '无法审查',
  failed: (why: string) => `读取 PDF 时出错：${why}`,
  untouched: '当前工作簿没有任何改动。',
  close: '关闭',
} as const;

import type { PdfReviewDeps } from './pdf-review-actions';

function showError(message: string): void {
  const d = openDialog(PDF_REVIEW_UI_TEXT.failedTitle, 'pdf-review-error');
  d.dialog.setAttribute('role', 'alertdialog');
  d.body.append(el('p', { class: 'pdf-review-error-message' }, message), el('p', {}, PDF_REVIEW_UI_TEXT.untouched));
  const close = button(PDF_REVIEW_UI_TEXT.close, 'pdf-review-close', () => d.close());
  d.footer.append(close);
  close.focus();
}

/** 部门, 年度 and template, proposed; resolves the user's choice or null. */
function choose(file: string, pages: PageLayout[], proposal: PdfProposal): Promise<{ department: string; year: number; templateId: string } | null> {
  const T = PDF_REVIEW_UI_TEXT;
  const d = openDialog(T.chooseTitle, 'pdf-review-choose');
  const dept = el('input', { type: 'text', class: 'pdf-review-dept', maxlength: '100', 'aria-label': T.department });
  dept.value = proposal.department;
  const year = el('input', { type: 'number', class: 'pdf-review-year', min: '2000', max: '2100', 'aria-label': T.year });
  year.value = String(proposal.year ?? new Date().getFullYear() - 1);
  const template = el('select', { class: 'pdf-review-template', 'aria-label': T.template });
  for (const p of proposal.templates) {
    const t = TEMPLATE_LIST.find((x) => x.id === p.templateId)!;
    template.append(el('option', { value: p.templateId }, T.templateOption(t.name, p.found, p.of)));
  }
  d.body.append(
    el('p', { class: 'pdf-review-source' }, T.source(file, pages.length)),
    el('p', {}, T.chooseHint),
    el('label', { class: 'field-stack' }, el('span', {}, T.department), dept),
    el('label', { class: 'field-stack' }, el('span', {}, T.year), year),
    el('label', { class: 'field-stack' }, el('span', {}, T.template), template),
  );
  let result: { department: string; year: number; templateId: string } | null = null;
  const start = button(T.start, 'btn-primary pdf-review-start', () => {
    const y = Number(year.value);
    if (!dept.value.trim()) return dept.focus();
    if (!Number.isInteger(y) || y < 2000 || y > 2100) return year.focus();
    result = { department: dept.value.trim(), year: y, templateId: template.value };
    d.close();
  });
  d.footer.append(button(T.cancel, 'pdf-review-cancel', () => d.close()), start);
  start.focus();
  return new Promise((resolve) => d.dialog.addEventListener('close', () => resolve(result)));
}

/** The report; resolves true when the user opens the review workbook. */
function report(review: PdfReview, counts: { errors: number; warnings: number; groups: Record<FindingGroup, number> }): Promise<boolean> {
  const T = PDF_REVIEW_UI_TEXT;
  const d = openDialog(T.resultTitle, 'pdf-review-result');
  const { department, year } = review.doc.meta;
  d.body.append(
    el('p', { class: 'pdf-review-summary' }, T.result(department, year, counts.errors, counts.warnings)),
    el('p', { class: 'pdf-review-groups' }, T.groups(counts.groups)),
    el('h3', {}, T.tablesHead),
    el('ul', { class: 'pdf-review-tables' }, ...review.tables.map((t) => el('li', {}, T.tableLine(t.title, t.pages, t.figures)))),
    el('h3', {}, T.unreadHead(review.unread.length)),
    review.unread.length ? el('ul', { class: 'pdf-review-unread' }, ...review.unread.map((u) => el('li', {}, u))) : el('p', { class: 'pdf-review-unread' }, T.allRead),
  );
  let open = false;
  const ok = button(T.open, 'btn-primary pdf-review-open', () => {
    open = true;
    d.close();
  });
  d.footer.append(button(T.cancel, 'pdf-review-cancel', () => d.close()), ok);
  ok.focus();
  return new Promise((resolve) => d.dialog.addEventListener('close', () => resolve(open)));
}

/** Reads `file`, asks, builds and reports; `btn` shows that it is busy meanwhile. */
export async function reviewPdfFile(file: File, btn: HTMLButtonElement, deps: PdfReviewDeps): Promise<void> {
  const T = PDF_REVIEW_UI_TEXT;
  const label = btn.textContent;
  btn.disabled = true;
  btn.textContent = T.reading;
  deps.status(T.readingStatus);
  const out = await runImport({ kind: 'pdf', file });
  btn.disabled = false;
  btn.textContent = label;
  deps.status('');
  if (!out.ok || out.kind !== 'pdf') return showError(!out.ok && out.refused ? out.message : T.failed(out.ok ? '' : out.message));
  const choice = await choose(file.name, out.pages, out.proposal);
  if (!choice) return;
  deps.status(T.building);
  let review: PdfReview;
  let counts: { errors: number; warnings: number; groups: Record<FindingGroup, number> };
  try {
    const [{ buildReview }, { reviewFindings }] = await Promise.all([import('../app/pdf-review'), import('../app/review-groups')]);
    review = buildReview(out.pages, choice.templateId, { department: choice.department, year: choice.year, file: file.name });
    const findings = reviewFindings(review.doc);
    const groups = { 表内: 0, 表间: 0, 表文: 0, 文内: 0 } as Record<FindingGroup, number>;
    for (const f of findings) groups[f.group]++;
    const errors = findings.filter((f) => f.severity === 'error').length;
    counts = { errors, warnings: findings.length - errors, groups };
  } catch (e) {
    deps.status('');
    return showError(e instanceof Error ? e.message : String(e));
  }
  deps.status('');
  if (!(await report(review, counts))) return;
  await deps.openAsNew(review.doc, T.workbookName(review.doc.meta.department, review.doc.meta.year));
  deps.status(T.opened(file.name));
}
