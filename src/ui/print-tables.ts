// Browser printing of the tables as published: Ctrl+P on a table tab prints that table (A4
// landscape: title, 公开0X表, 部门/单位, header, rows, 注), 打印全部表 prints every table of the
// template, one per page. Built from the engine's layout and values (not from the grid, which
// scrolls and hides the title block on screen); the print stylesheet hides the app itself.
import type { WorkbookSession } from '../app/session';
import type { AnySheetId } from '../model/template';
import { cellClasses, columnPixelWidths, displayText, toGridValue } from './cell-view';
import { el } from './dom';
import './print-tables.css';

export const PRINT_TEXT = {
  printAll: '打印全部表',
  printAllTitle: '按公开格式打印全部表格（A4 横向，每表一页起）',
} as const;

/** One table as a printable <section>: a plain HTML table with the layout's merges. */
export function printableTable(session: WorkbookSession, sheet: AnySheetId): HTMLElement {
  const layout = session.engine.sheet(sheet);
  const values = session.engine.sheetValues(sheet);
  const widths = columnPixelWidths(layout);
  const total = widths.reduce((a, b) => a + b, 0);
  const covered = new Set<string>();
  const spans = new Map<string, { rowspan: number; colspan: number }>();
  for (const m of layout.merges) {
    spans.set(`${m.row}|${m.col}`, m);
    for (let r = m.row; r < m.row + m.rowspan; r++) for (let c = m.col; c < m.col + m.colspan; c++) if (r !== m.row || c !== m.col) covered.add(`${r}|${c}`);
  }
  const colgroup = el('colgroup');
  for (const w of widths) {
    const col = el('col');
    // CSSOM, not a style attribute: the CSP allows no inline styles.
    col.style.width = `${((w / total) * 100).toFixed(2)}%`;
    colgroup.append(col);
  }
  // Title block and header in <thead>: repeated on every page of a long table.
  const head = el('thead');
  const body = el('tbody');
  layout.cells.forEach((row, r) => {
    const tr = el('tr', { class: `r-${layout.rowKinds[r] ?? 'item'}` });
    row.forEach((cell, c) => {
      if (covered.has(`${r}|${c}`)) return;
      const td = el('td', { class: cellClasses(cell, layout.rowKinds[r], null).join(' ') }, displayText(cell, toGridValue(cell, values[r]?.[c] ?? null), layout.zero));
      const span = spans.get(`${r}|${c}`);
      if (span?.rowspan && span.rowspan > 1) td.rowSpan = span.rowspan;
      if (span?.colspan && span.colspan > 1) td.colSpan = span.colspan;
      tr.append(td);
    });
    (r < layout.dataStart ? head : body).append(tr);
  });
  return el('section', { class: 'print-sheet', 'data-sheet': sheet }, el('table', { class: 'print-table' }, colgroup, head, body));
}

export interface PrintOptions {
  session: () => WorkbookSession;
  /** The tab on screen ('t06', 'sup', a feature tab…). */
  currentTab: () => string;
}

/**
 * Wires Ctrl+P (the browser's print, via beforeprint) to the table on screen and returns the
 * 打印全部表 toolbar button. Tabs that are not tables (情况说明 has its own print) are left alone.
 */
export function printTables(opts: PrintOptions, win: Window = window): HTMLElement {
  const doc = win.document;
  let root: HTMLElement | null = null;
  const clear = () => {
    root?.remove();
    root = null;
    doc.documentElement.classList.remove('printing-tables');
  };
  const render = (sheets: AnySheetId[]) => {
    clear();
    root = el('div', { class: 'print-root' }, ...sheets.map((s) => printableTable(opts.session(), s)));
    doc.body.append(root);
    doc.documentElement.classList.add('printing-tables');
  };
  const sheetIds = () => {
    const engine = opts.session().engine;
    return [...engine.template.tables.map((t) => t.id as AnySheetId)];
  };
  let all = false;
  win.addEventListener('beforeprint', () => {
    if (all) return;
    const tab = opts.currentTab();
    const ids: string[] = [...sheetIds(), 'sup'];
    if (ids.includes(tab)) render([tab as AnySheetId]);
  });
  win.addEventListener('afterprint', () => {
    all = false;
    clear();
  });
  const button = el('button', { type: 'button', class: 'btn btn-print-all', title: PRINT_TEXT.printAllTitle }, PRINT_TEXT.printAll);
  button.addEventListener('click', () => {
    render(sheetIds());
    all = true;
    win.print();
  });
  return button;
}
