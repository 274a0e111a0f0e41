// Toolbar buttons 导出XLSX and 导入XLSX. Export downloads the live-formula workbook through a Blob
// (no network; ExcelJS is fetched from our own origin on first use). Import reads a chosen file,
// lists what was noted (公式被修改…), and opens it as a new workbook or replaces the current one
// after a confirmation; a refused file only shows its Chinese message and changes nothing.
import type { WorkbookSession } from '../app/session';
import { XLSX_MIME } from '../io/xlsx-common';
import type { XlsxKind } from '../io/xlsx-export';
import type { ImportResult } from '../io/xlsx-import';
import type { WorkbookDocument } from '../model/document';
import { button, openDialog } from './dialog-kit';
import { el } from './dom';
import './xlsx-actions.css';

/** Every phrase of this feature, in one place. */
export const XLSX_TEXT = {
  exportButton: '导出XLSX',
  exportTitle: '导出为 Excel 工作簿（.xlsx），公式保留，可在 Excel、WPS 中打开',
  exporting: '正在导出…',
  exportLoading: '正在准备导出（首次导出需加载组件）…',
  exported: (name: string) => `已导出 ${name}`,
  exportFailed: '导出失败',
  chooseTitle: '导出XLSX',
  choosePrompt: '请选择导出的内容：',
  publicButton: '公开表',
  publicHint: '用于报送、公开：只含公开01表–09表和排好版的情况说明，公式保留。',
  workingButton: '工作底稿',
  workingHint: '完整工作簿：另含补充资料、关键数据、审核，可用「导入XLSX」读回继续编辑。',
  importButton: '导入XLSX',
  importTitle: '导入本程序导出的 .xlsx 工作簿（可在 Excel、WPS 中修改过数据）',
  importing: '正在读取…',
  importDialogTitle: '导入XLSX',
  importSource: (file: string, doc: WorkbookDocument) => `文件「${file}」：${doc.meta.department}${doc.meta.year}年度`,
  notesIntro: '导入时发现以下情况：',
  noNotes: '文件中的数据已全部读取，没有需要注意的情况。',
  openAsNew: '作为新工作簿打开',
  replaceCurrent: '替换当前工作簿',
  cancel: '取消',
  back: '返回',
  confirmReplaceTitle: '替换当前工作簿',
  confirmReplace: (file: string, current: WorkbookDocument) =>
    `用文件「${file}」中的数据替换当前工作簿「${current.meta.department}${current.meta.year}年度」？` +
    '替换前会为当前工作簿保存一份快照；替换后可以用「撤销」（Ctrl+Z）恢复原来的数据。',
  confirmReplaceButton: '确认替换',
  replaceLabel: (file: string) => `导入XLSX ${file}`,
  replaced: (file: string) => `已用「${file}」替换当前工作簿（可撤销）`,
  openedAsNew: (file: string) => `已将「${file}」作为新工作簿打开`,
  importFailedTitle: '无法导入',
  untouched: '当前工作簿没有任何改动。',
  readFailed: (why: string) => `读取文件时出错：${why}`,
  applyFailed: (why: string) => `导入未完成：${why}`,
  close: '关闭',
} as const;

export interface XlsxActionsDeps {
  /** The session edited now (opening another workbook may swap it). */
  session(): WorkbookSession;
  /** Replaces the current workbook with `doc`: snapshot first, then an undoable replace, then save. */
  replaceCurrent(doc: WorkbookDocument, label: string): unknown;
  /** Opens `doc` as a new workbook; without it the dialog offers only 替换当前工作簿. */
  openAsNew?(doc: WorkbookDocument, name?: string): unknown;
  /** A short message in the status line. */
  status(text: string): void;
}

type ImportChoice = 'new' | 'replace' | null;

/** 公开表 or 工作底稿; null when cancelled. */
function chooseExportKind(): Promise<XlsxKind | null> {
  const { dialog, body, footer } = openDialog(XLSX_TEXT.chooseTitle, 'xlsx-kind-dialog');
  let kind: XlsxKind | null = null;
  const pick = (k: XlsxKind) => () => {
    kind = k;
    dialog.close();
  };
  body.append(
    el('p', {}, XLSX_TEXT.choosePrompt),
    el('ul', { class: 'xlsx-kind-list' }, el('li', {}, `${XLSX_TEXT.publicButton}：${XLSX_TEXT.publicHint}`), el('li', {}, `${XLSX_TEXT.workingButton}：${XLSX_TEXT.workingHint}`)),
  );
  const pub = button(XLSX_TEXT.publicButton, 'xlsx-kind-public', pick('public'), XLSX_TEXT.publicHint);
  const working = button(XLSX_TEXT.workingButton, 'xlsx-kind-working', pick('working'), XLSX_TEXT.workingHint);
  footer.append(button(XLSX_TEXT.cancel, 'xlsx-cancel', () => dialog.close()), working, pub);
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(kind));
    pub.focus();
  });
}

/** Shows a refusal or failure; resolves when the user closes it. */
function showError(title: string, message: string, extra?: string): Promise<void> {
  const { dialog, body, footer } = openDialog(title, 'xlsx-error-dialog');
  dialog.setAttribute('role', 'alertdialog');
  body.append(el('p', { class: 'xlsx-error-message' }, message));
  if (extra) body.append(el('p', { class: 'xlsx-error-extra' }, extra));
  const close = button(XLSX_TEXT.close, 'xlsx-close', () => dialog.close());
  footer.append(close);
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve());
    close.focus();
  });
}

/** The import dialog: what was read and noted, then 新工作簿 / 替换 (with its own confirmation) / 取消. */
function chooseImport(fileName: string, result: ImportResult, current: WorkbookDocument, canOpenNew: boolean): Promise<ImportChoice> {
  const { dialog, body, footer } = openDialog(XLSX_TEXT.importDialogTitle, 'xlsx-import-dialog');
  let choice: ImportChoice = null;
  const finish = (c: ImportChoice) => {
    choice = c;
    dialog.close();
  };
  const cancel = button(XLSX_TEXT.cancel, 'xlsx-cancel', () => finish(null));

  const showChoices = (): HTMLButtonElement => {
    const notes = result.notes.length
      ? [el('p', {}, XLSX_TEXT.notesIntro), el('ul', { class: 'xlsx-notes' }, ...result.notes.map((n) => el('li', {}, n)))]
      : [el('p', { class: 'xlsx-no-notes' }, XLSX_TEXT.noNotes)];
    body.replaceChildren(el('p', { class: 'xlsx-source' }, XLSX_TEXT.importSource(fileName, result.document)), ...notes);
    const replace = button(XLSX_TEXT.replaceCurrent, 'xlsx-replace', showConfirm);
    const openNew = canOpenNew ? button(XLSX_TEXT.openAsNew, 'xlsx-open-new', () => finish('new')) : null;
    footer.replaceChildren(cancel, ...(openNew ? [openNew] : []), replace);
    return openNew ?? replace;
  };
  const showConfirm = (): void => {
    dialog.querySelector('h2')!.textContent = XLSX_TEXT.confirmReplaceTitle;
    body.replaceChildren(el('p', { class: 'xlsx-confirm-message' }, XLSX_TEXT.confirmReplace(fileName, current)));
    const ok = button(XLSX_TEXT.confirmReplaceButton, 'btn-danger xlsx-confirm-replace', () => finish('replace'));
    const back = button(XLSX_TEXT.back, 'xlsx-back', () => {
      dialog.querySelector('h2')!.textContent = XLSX_TEXT.importDialogTitle;
      showChoices().focus();
    });
    footer.replaceChildren(cancel, back, ok);
    ok.focus();
  };

  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(choice));
    const first = showChoices();
    first.focus();
  });
}

/** Disables a button and shows what it is doing until `done()` is called. */
function busy(b: HTMLButtonElement, text: string): () => void {
  const label = b.textContent;
  b.disabled = true;
  b.setAttribute('aria-busy', 'true');
  b.textContent = text;
  return () => {
    b.disabled = false;
    b.removeAttribute('aria-busy');
    b.textContent = label;
  };
}

/** Hands bytes to the browser as a download; a blob: URL, so nothing leaves the machine. */
function download(bytes: Uint8Array, name: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_MIME }));
  const a = el('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started by now; keep the URL a while for slow file dialogs.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The XLSX code (reader, writer, their inputs; not ExcelJS itself), fetched when first needed. */
let io: Promise<[typeof import('../io/xlsx-export'), typeof import('../io/xlsx-import'), typeof import('../app/xlsx-export-data')]> | undefined;
const loadIo = () => (io ??= Promise.all([import('../io/xlsx-export'), import('../io/xlsx-import'), import('../app/xlsx-export-data')]));

/** The two buttons (and the hidden file input) for the toolbar. */
export function xlsxActions(deps: XlsxActionsDeps): HTMLElement {
  const exportBtn = button(XLSX_TEXT.exportButton, 'btn-export-xlsx', () => void exportNow(), XLSX_TEXT.exportTitle);
  const importBtn = button(XLSX_TEXT.importButton, 'btn-import-xlsx', () => fileInput.click(), XLSX_TEXT.importTitle);
  const fileInput = el('input', { type: 'file', accept: `.xlsx,${XLSX_MIME}`, class: 'xlsx-file-input', hidden: true, 'aria-label': XLSX_TEXT.importButton });
  fileInput.addEventListener('change', () => void importChosen());

  async function exportNow(): Promise<void> {
    const kind = await chooseExportKind();
    if (!kind) return;
    const done = busy(exportBtn, XLSX_TEXT.exporting);
    deps.status(XLSX_TEXT.exportLoading);
    try {
      // Read as soon as the (small) XLSX code is here: edits made while ExcelJS loads belong to
      // the next export.
      const [{ exportXlsx, xlsxFileName }, , { xlsxExportInput }] = await loadIo();
      const input = xlsxExportInput(deps.session().engine, kind);
      const name = xlsxFileName(input.document.meta, kind);
      download(await exportXlsx(input), name);
      deps.status(XLSX_TEXT.exported(name));
    } catch (e) {
      deps.status('');
      await showError(XLSX_TEXT.exportFailed, errorText(e));
    } finally {
      done();
    }
  }

  async function importChosen(): Promise<void> {
    const file = fileInput.files?.[0];
    // Cleared so that choosing the same file again fires 'change' again.
    fileInput.value = '';
    if (!file) return;
    const done = busy(importBtn, XLSX_TEXT.importing);
    // Read and checked in the import worker: the page stays responsive whatever the file. The
    // runner is fetched on first use, like every part not needed to show the workbook.
    const { runImport } = await import('../app/import-runner');
    const out = await runImport({ kind: 'xlsx', file });
    done();
    if (!out.ok || out.kind !== 'xlsx') {
      const message = !out.ok && out.refused ? out.message : XLSX_TEXT.readFailed(out.ok ? '' : out.message);
      return showError(XLSX_TEXT.importFailedTitle, message, XLSX_TEXT.untouched);
    }
    const result: ImportResult = out.result;
    const choice = await chooseImport(file.name, result, deps.session().doc, deps.openAsNew !== undefined);
    if (!choice) return;
    try {
      if (choice === 'new') {
        await deps.openAsNew!(result.document, file.name.replace(/\.xlsx$/i, ''));
        deps.status(XLSX_TEXT.openedAsNew(file.name));
      } else {
        await deps.replaceCurrent(result.document, XLSX_TEXT.replaceLabel(file.name));
        deps.status(XLSX_TEXT.replaced(file.name));
      }
    } catch (e) {
      await showError(XLSX_TEXT.importFailedTitle, XLSX_TEXT.applyFailed(errorText(e)));
    }
  }

  return el('div', { class: 'toolbar-group xlsx-actions' }, exportBtn, importBtn, fileInput);
}
