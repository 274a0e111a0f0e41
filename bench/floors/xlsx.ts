// Floor for export/import: ExcelJS alone (loaded on first use, as in the app) writing the same
// workbook the app exports (every cell with its value or formula and cached result, number
// format, style, merges, column widths; read from the app's own file in Node) and reading it
// back (load, then every cell's value). Same buttons, download and dialog as the app's.
import type { Workbook } from 'exceljs';
import type { XlsxSheetSpec } from './specs';
import { readCells } from './xlsx-read';

declare global {
  interface Window {
    __xlsxSpec?: XlsxSheetSpec[];
  }
}

const load = async () => (await import('exceljs')).default;
const exportBtn = document.querySelector<HTMLButtonElement>('.btn-export-xlsx')!;
const importBtn = document.querySelector<HTMLButtonElement>('.btn-import-xlsx')!;
const input = document.querySelector<HTMLInputElement>('.xlsx-file-input')!;
const dialog = document.querySelector<HTMLDialogElement>('.xlsx-import-dialog')!;

function build(ExcelJS: Awaited<ReturnType<typeof load>>, spec: XlsxSheetSpec[]): Workbook {
  const wb = new ExcelJS.Workbook();
  for (const s of spec) {
    const ws = wb.addWorksheet(s.name, { state: s.state as 'visible' });
    ws.columns = s.columns.map((width) => (width === null ? {} : { width }));
    for (const c of s.cells) {
      const cell = ws.getCell(c.a);
      if (c.s) cell.style = structuredClone(c.s) as typeof cell.style;
      cell.value = (c.f !== undefined ? { formula: c.f, result: c.r } : c.v) as typeof cell.value;
      if (c.fmt) cell.numFmt = c.fmt;
    }
    for (const m of s.merges) ws.mergeCells(m);
  }
  return wb;
}

// The same two steps as the app: the button asks 公开表 or 工作底稿 in a modal dialog, the
// choice exports (the bench clicks 工作底稿 in both).
const kindDialog = document.querySelector<HTMLDialogElement>('.xlsx-kind-dialog')!;
exportBtn.addEventListener('click', () => kindDialog.showModal());
kindDialog.querySelector('.xlsx-kind-working')!.addEventListener('click', async () => {
  kindDialog.close();
  exportBtn.disabled = true;
  try {
    const ExcelJS = await load();
    const bytes = await build(ExcelJS, window.__xlsxSpec!).xlsx.writeBuffer();
    const url = URL.createObjectURL(new Blob([bytes]));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'floor.xlsx';
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } finally {
    exportBtn.disabled = false;
  }
});

importBtn.addEventListener('click', () => input.click());
// `xlsx.html?worker`: the file is read in a worker kept between imports, as the app reads it.
let worker: Worker | null = null;
function readInWorker(file: File): Promise<number> {
  worker ??= new Worker(new URL('./xlsx-read-worker.ts', import.meta.url), { type: 'module' });
  const w = worker;
  return new Promise((resolve) => {
    w.onmessage = (e: MessageEvent<number>) => resolve(e.data);
    w.postMessage(file);
  });
}

input.addEventListener('change', async () => {
  const file = input.files?.[0];
  input.value = '';
  if (!file) return;
  const n = new URLSearchParams(location.search).has('worker') ? await readInWorker(file) : await readCells(await file.arrayBuffer());
  dialog.dataset.cells = String(n);
  dialog.showModal();
});
dialog.querySelector('.xlsx-cancel')!.addEventListener('click', () => dialog.close());
