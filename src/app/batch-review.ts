// The 审查 of one file for a batch (a 财政局 reviewing every department's published document): a
// published PDF, our XLSX workbook or a JSON workbook/backup → the same 审核 as the app, every
// finding in its group (表内/表间/表文/文内), what could not be read; and the per-document and
// summary reports as Markdown. No DOM, no file system: the CLI (scripts/review.ts) does the I/O.
import type { Finding } from '../engine';
import { readPdf, PdfReadError } from '../io/pdf-read';
import type { WorkbookDocument } from '../model/document';
import { parseBackup } from './backup';
import { buildReview, pdfLayouts, proposeReview, type TableReport } from './pdf-review';
import { FINDING_GROUPS, GROUP_HINT, reviewFindings, type FindingGroup, type ReviewFinding } from './review-groups';

export { reviewFindings, type ReviewFinding };
import { templateById } from './templates';
import { XLSX_IMPORT_DEPS } from './xlsx-export-data';

export const BATCH_TEXT = {
  unknownKind: '不是可审查的文件（请提供 PDF、本程序导出的 XLSX 或 JSON 工作簿）',
  failed: (why: string) => `无法审查：${why}`,
  severity: { error: '错误', warning: '提示' } as Record<Finding['severity'], string>,
} as const;

export type ReviewKind = 'pdf' | 'xlsx' | 'json';


export interface DocumentReview {
  file: string;
  /** A JSON backup may hold several workbooks: their names. */
  name: string;
  kind: ReviewKind;
  /** Set when the file could not be reviewed at all (the reason, in Chinese). */
  failure?: string;
  department: string;
  year: number | null;
  templateName: string;
  findings: ReviewFinding[];
  unread: string[];
  tables: TableReport[];
}

export function reviewKind(fileName: string): ReviewKind | null {
  const ext = /\.([^.]+)$/.exec(fileName.toLowerCase())?.[1];
  return ext === 'pdf' ? 'pdf' : ext === 'xlsx' ? 'xlsx' : ext === 'json' ? 'json' : null;
}


const base = (file: string, kind: ReviewKind): DocumentReview => ({ file, name: file, kind, department: '', year: null, templateName: '', findings: [], unread: [], tables: [] });

function ofDocument(file: string, name: string, kind: ReviewKind, doc: WorkbookDocument, unread: string[], tables: TableReport[] = []): DocumentReview {
  return { file, name, kind, department: doc.meta.department, year: doc.meta.year, templateName: templateById(doc.templateId).name, findings: reviewFindings(doc), unread, tables };
}

export interface ReviewOptions {
  /** The template for PDFs; default: the one proposed from the document's year and table titles. */
  templateId?: string;
}

/** Reviews one file; never throws (a file that cannot be read is a review with `failure`). */
export async function reviewFile(file: string, bytes: Uint8Array, options: ReviewOptions = {}): Promise<DocumentReview[]> {
  const kind = reviewKind(file);
  if (!kind) return [{ ...base(file, 'json'), failure: BATCH_TEXT.unknownKind }];
  try {
    if (kind === 'pdf') {
      const content = await readPdf(bytes);
      const pages = pdfLayouts(content);
      const proposal = proposeReview(pages, content.info.title);
      const templateId = options.templateId ?? proposal.templates[0]!.templateId;
      const review = buildReview(pages, templateId, { ...(proposal.department ? { department: proposal.department } : {}), ...(proposal.year ? { year: proposal.year } : {}) });
      return [ofDocument(file, file, kind, review.doc, review.unread, review.tables)];
    }
    if (kind === 'xlsx') {
      const { importXlsx } = await import('../io/xlsx-import');
      const r = await importXlsx(bytes.slice().buffer, XLSX_IMPORT_DEPS);
      return [ofDocument(file, file, kind, r.document, r.notes)];
    }
    const entries = parseBackup(new TextDecoder().decode(bytes));
    return entries.map((e) => ofDocument(file, entries.length > 1 ? `${file}（${e.name}）` : file, kind, e.doc, e.notes));
  } catch (e) {
    const why = e instanceof PdfReadError || e instanceof Error ? e.message : String(e);
    return [{ ...base(file, kind), failure: BATCH_TEXT.failed(why) }];
  }
}

export const count = (r: DocumentReview, severity: Finding['severity']) => r.findings.filter((f) => f.severity === severity).length;
const countGroup = (r: DocumentReview, g: FindingGroup) => r.findings.filter((f) => f.group === g).length;

/** Any 错误 (or a file that could not be reviewed): the batch exits non-zero. */
export function hasErrors(reviews: readonly DocumentReview[]): boolean {
  return reviews.some((r) => r.failure !== undefined || count(r, 'error') > 0);
}

const cell = (s: string | number | null) => String(s ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
const title = (r: DocumentReview) => (r.department ? `${r.department}${r.year ?? ''}年度部门决算` : r.name);

/** One document's report: its findings by group, then what could not be read. */
export function documentMarkdown(r: DocumentReview): string {
  const out = [`# 审查报告：${title(r)}`, '', `- 文件：${r.name}`];
  if (r.failure) return [...out, '', `**${r.failure}**`, ''].join('\n');
  out.push(`- 模板：${r.templateName}`, `- 结果：错误 ${count(r, 'error')} 个，提示 ${count(r, 'warning')} 个`, '');
  for (const g of FINDING_GROUPS) {
    const list = r.findings.filter((f) => f.group === g);
    out.push(`## ${GROUP_HINT[g]}（${list.length}）`, '');
    if (!list.length) out.push('未发现问题。', '');
    else out.push(...list.map((f, i) => `${i + 1}. 【${BATCH_TEXT.severity[f.severity]}】${f.title}：${f.message}`), '');
  }
  if (r.tables.length) {
    out.push('## 读入的表', '', '| 表 | 页 | 行 | 数字 |', '| --- | --- | ---: | ---: |');
    for (const t of r.tables) out.push(`| ${cell(t.title)} | ${t.found ? t.pages.join('、') : '未找到'} | ${t.rows} | ${t.figures} |`);
    out.push('');
  }
  out.push(`## 未能读入（${r.unread.length}）`, '');
  out.push(...(r.unread.length ? r.unread.map((u) => `- ${u}`) : ['全部读入。']), '');
  return out.join('\n');
}

/** The summary header, one column per group. */
export const SUMMARY_COLUMNS = ['文件', '部门', '年度', '模板', '错误', '提示', ...FINDING_GROUPS, '未读入', '状态'] as const;

export function summaryRow(r: DocumentReview): (string | number)[] {
  const status = r.failure ?? (count(r, 'error') ? '有错误' : count(r, 'warning') ? '有提示' : '通过');
  return [r.name, r.department, r.year ?? '', r.templateName, count(r, 'error'), count(r, 'warning'), ...FINDING_GROUPS.map((g) => countGroup(r, g)), r.unread.length, status];
}

export function summaryMarkdown(reviews: readonly DocumentReview[], when: Date = new Date()): string {
  const errors = reviews.filter((r) => r.failure || count(r, 'error')).length;
  const out = [
    '# 部门决算公开审查汇总',
    '',
    `${when.getFullYear()}年${when.getMonth() + 1}月${when.getDate()}日，共 ${reviews.length} 份文件，其中 ${errors} 份有错误或无法审查。`,
    '',
    `| ${SUMMARY_COLUMNS.join(' | ')} |`,
    `| ${SUMMARY_COLUMNS.map((_, i) => (i >= 4 && i < SUMMARY_COLUMNS.length - 1 ? '---:' : '---')).join(' | ')} |`,
    ...reviews.map((r) => `| ${summaryRow(r).map(cell).join(' | ')} |`),
    '',
    ...FINDING_GROUPS.map((g) => `- ${GROUP_HINT[g]}`),
    '',
  ];
  return out.join('\n');
}

/** Every finding of the batch as rows: 文件, 部门, 分组, 级别, 问题, 说明. */
export function findingRows(reviews: readonly DocumentReview[]): string[][] {
  return reviews.flatMap((r) => r.findings.map((f) => [r.name, r.department, f.group, BATCH_TEXT.severity[f.severity], f.title, f.message]));
}
