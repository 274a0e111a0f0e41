// Toolbar buttons 导出Word and 导出PDF: the whole disclosure (cover, 目录, every part of the
// template) from the workbook on screen. Word is written by the docx library, fetched from our
// own origin on first use; PDF is the browser's print of a dedicated print document (另存为 PDF).
import type { WorkbookSession } from '../app/session';
import { button, openDialog } from './dialog-kit';
import { el } from './dom';
import './xlsx-actions.css';

/** Every phrase of this feature, in one place. */
export const PUBLICATION_TEXT = {
  wordButton: '导出Word',
  wordTitle: '导出完整的部门决算公开文档（.docx）：封面、目录、部门概况、决算表、情况说明、名词解释，可在 Word、WPS 中打开',
  pdfButton: '导出PDF',
  pdfTitle: '打印完整的部门决算公开文档（A4，表格横向）：在打印窗口中选择“另存为 PDF”即得到 PDF 文件',
  working: '正在生成…',
  loading: '正在生成公开文档（首次使用需加载组件）…',
  wordDone: (name: string) => `已导出 ${name}`,
  pdfDone: '已打开打印窗口：目标打印机选择“另存为 PDF”即可保存为 PDF 文件',
  wordFailed: '导出Word失败',
  pdfFailed: '导出PDF失败',
  failed: (why: string) => `生成公开文档时出错：${why}。工作簿内容没有任何改动，请稍后重试。`,
  close: '关闭',
} as const;

export interface PublicationActionsDeps {
  session(): WorkbookSession;
  status(text: string): void;
}

function showError(title: string, message: string): Promise<void> {
  const { dialog, body, footer } = openDialog(title, 'xlsx-error-dialog publication-error-dialog');
  dialog.setAttribute('role', 'alertdialog');
  body.append(el('p', { class: 'xlsx-error-message' }, message));
  const close = button(PUBLICATION_TEXT.close, 'xlsx-close', () => dialog.close());
  footer.append(close);
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve());
    close.focus();
  });
}

function busy(b: HTMLButtonElement): () => void {
  const label = b.textContent;
  b.disabled = true;
  b.setAttribute('aria-busy', 'true');
  b.textContent = PUBLICATION_TEXT.working;
  return () => {
    b.disabled = false;
    b.removeAttribute('aria-busy');
    b.textContent = label;
  };
}

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The two buttons for the toolbar. */
export function publicationActions(deps: PublicationActionsDeps): HTMLElement {
  const word = button(PUBLICATION_TEXT.wordButton, 'btn-export-docx', () => void run(word, exportWord, PUBLICATION_TEXT.wordFailed), PUBLICATION_TEXT.wordTitle);
  const pdf = button(PUBLICATION_TEXT.pdfButton, 'btn-export-pdf', () => void run(pdf, exportPdf, PUBLICATION_TEXT.pdfFailed), PUBLICATION_TEXT.pdfTitle);

  async function run(b: HTMLButtonElement, job: () => Promise<string>, failTitle: string): Promise<void> {
    const done = busy(b);
    deps.status(PUBLICATION_TEXT.loading);
    try {
      deps.status(await job());
    } catch (e) {
      deps.status('');
      await showError(failTitle, PUBLICATION_TEXT.failed(errorText(e)));
    } finally {
      done();
    }
  }

  async function exportWord(): Promise<string> {
    const [{ buildPublication }, { exportDocx, publicationFileName, DOCX_MIME }] = await Promise.all([import('../app/publication'), import('../io/docx-export')]);
    const pub = buildPublication(deps.session().engine);
    const name = publicationFileName(pub.cover, 'docx');
    download(await exportDocx(pub), name, DOCX_MIME);
    return PUBLICATION_TEXT.wordDone(name);
  }

  async function exportPdf(): Promise<string> {
    const [{ buildPublication }, { printPublication }] = await Promise.all([import('../app/publication'), import('./publication-print')]);
    printPublication(buildPublication(deps.session().engine));
    return PUBLICATION_TEXT.pdfDone;
  }

  return el('div', { class: 'toolbar-group publication-actions' }, word, pdf);
}

/** Hands bytes to the browser as a download; a blob: URL, so nothing leaves the machine. */
function download(bytes: Uint8Array, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const a = el('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
