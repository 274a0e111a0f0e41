// Toolbar button 导入科目表: a code list (XLSX, CSV, or two pasted columns 编码/名称) becomes the
// user's catalogue for a year, kept for all workbooks; the current workbook's unnamed codes get
// their names from it. The report lists added, renamed and conflicting codes. textContent only.
import { codeListReportLines, mergeCodeList, namesForGaps, readCodeList, type UserCatalogue } from '../app/code-list-import';
import type { WorkbookSession } from '../app/session';
import { CATALOG_YEARS } from '../model/code-catalog';
import { MemoryCatalogueStore, type CatalogueStore } from '../app/code-list-import';
import { button, openDialog } from './dialog-kit';
import { el } from './dom';

export const CODE_LIST_TEXT = {
  button: '导入科目表',
  title: '导入科目表（政府收支分类科目）',
  year: '适用年度',
  file: '选择文件（.xlsx / .xls / .csv / .txt）',
  paste: '或粘贴两列：编码、名称（可从 Excel 复制；“208 05 05”或类/款/项分列均可）',
  run: '导入',
  close: '关闭',
  none: '没有读到科目：请确认文件中有“编码”“名称”两列',
  filled: (n: number) => `本工作簿补上了 ${n} 个科目的名称（可撤销）`,
  stored: '科目表已保存在本机，所有工作簿共用，并随“导出全部工作簿”的备份一起导出。',
} as const;

/** Bytes of a file as text: UTF-8, or GB18030 when the bytes are not UTF-8 (CSV saved by Excel in Chinese Windows). */
function decodeText(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

async function fileGrid(file: File): Promise<string[][] | string> {
  const bytes = await file.arrayBuffer();
  // By extension or by content (a spreadsheet saved under another name): zip (.xlsx) or compound file (.xls).
  const head = Array.from(new Uint8Array(bytes, 0, Math.min(4, bytes.byteLength))).join();
  if (/\.xlsx?$/i.test(file.name) || head === '80,75,3,4' || head === '208,207,17,224') {
    const { readSheets } = await import('../io/xlsx-sheets');
    return (await readSheets(bytes)).flatMap((s) => s.rows);
  }
  return decodeText(bytes);
}

export function codeListAction(opts: { session: () => WorkbookSession; catalogues?: CatalogueStore; status: (t: string) => void }): HTMLElement {
  const store = opts.catalogues ?? new MemoryCatalogueStore();
  return button(CODE_LIST_TEXT.button, 'btn-import-codes', () => open(opts.session(), store, opts.status));
}

function open(session: WorkbookSession, store: CatalogueStore, status: (t: string) => void): void {
  const d = openDialog(CODE_LIST_TEXT.title, 'code-list-dialog');
  const year = el('select', { class: 'code-list-year', 'aria-label': CODE_LIST_TEXT.year });
  const docYear = session.doc.meta.year;
  for (let y = CATALOG_YEARS.from; y <= Math.max(CATALOG_YEARS.to, docYear); y++) year.append(el('option', { value: String(y), selected: y === docYear }, `${y}年`));
  const file = el('input', { type: 'file', accept: '.xlsx,.xls,.csv,.txt,.tsv', class: 'code-list-file', 'aria-label': CODE_LIST_TEXT.file });
  const text = el('textarea', { class: 'code-list-text', rows: '6', 'aria-label': CODE_LIST_TEXT.paste, placeholder: '2080505\t机关事业单位基本养老保险缴费支出' });
  const report = el('ul', { class: 'code-list-report' });
  d.body.append(
    el('label', { class: 'field' }, el('span', {}, CODE_LIST_TEXT.year), year),
    el('label', { class: 'field-stack' }, el('span', {}, CODE_LIST_TEXT.file), file),
    el('label', { class: 'field-stack' }, el('span', {}, CODE_LIST_TEXT.paste), text),
    report,
  );
  const run = async () => {
    d.say('');
    report.replaceChildren();
    const chosen = file.files?.[0];
    let input: string | string[][];
    try {
      input = chosen ? await fileGrid(chosen) : text.value;
    } catch (err) {
      d.say(err instanceof Error ? err.message : String(err));
      return;
    }
    const list = readCodeList(input);
    if (!list.entries.length) {
      d.say(CODE_LIST_TEXT.none);
      return;
    }
    const y = Number(year.value);
    const { catalogues: stored } = await store.list();
    const { catalogues, report: r } = mergeCodeList(list, y, stored as UserCatalogue[], chosen?.name ?? '粘贴');
    await store.put(catalogues);
    const lines = codeListReportLines(r);
    const gaps = y === session.doc.meta.year ? namesForGaps(session, catalogues) : [];
    if (gaps.length) {
      session.addCodes(gaps, `导入科目表：补上 ${gaps.length} 个名称`);
      lines.splice(1, 0, CODE_LIST_TEXT.filled(gaps.length));
    }
    lines.push(CODE_LIST_TEXT.stored);
    report.replaceChildren(...lines.map((l) => el('li', {}, l)));
    d.say(lines[0]!, 'ok');
    status(lines[0]!);
  };
  d.footer.append(button(CODE_LIST_TEXT.close, 'code-list-close', () => d.close()), button(CODE_LIST_TEXT.run, 'btn-primary code-list-run', () => void run()));
  text.focus();
}
