// Floor for edit → painted: a bare Handsontable grid of 公开06表's size (same modules, CSS, theme,
// texts, widths, merges and frozen rows as the app's grid) with Handsontable's own editing and a
// minimal renderer, no engine. The bench types into the same cell with the same keys.
import Handsontable from 'handsontable/base';
import { registerPlugin } from 'handsontable/plugins/registry';
import { CopyPaste } from 'handsontable/plugins/copyPaste';
import { MergeCells } from 'handsontable/plugins/mergeCells';
import { registerLanguageDictionary } from 'handsontable/i18n';
import zhCN from 'handsontable/i18n/languages/zh-CN';
import 'handsontable/styles/handsontable.min.css';
import 'handsontable/styles/ht-theme-main.min.css';
import './floor.css';
import type { GridSpec } from './specs';

registerPlugin(MergeCells);
registerPlugin(CopyPaste);
registerLanguageDictionary(zhCN);

declare global {
  interface Window {
    __startGrid(spec: GridSpec): void;
    __goTo(): void;
    /** Floor of paste → painted: the next paste event shows `after` (marking its `edit` cell "pasted"). */
    __swapOnPaste(after: GridSpec): void;
    /** Back to the spec the grid started with (between runs, untimed). */
    __swapBack(): void;
  }
}

window.__startGrid = (first) => {
  let spec = first;
  let mark = 'edit';
  const host = document.querySelector<HTMLElement>('.grid-host')!;
  const hot = new Handsontable(host, {
    licenseKey: 'non-commercial-and-evaluation',
    themeName: 'ht-theme-main',
    ...({ injectCoreCss: false } as object),
    language: zhCN.languageCode,
    data: spec.data.map((r) => [...r]),
    width: '100%',
    height: '100%',
    rowHeaders: false,
    colHeaders: false,
    autoWrapRow: false,
    autoWrapCol: false,
    outsideClickDeselects: false,
    fillHandle: false,
    mergeCells: spec.merges,
    colWidths: spec.colWidths,
    fixedRowsTop: spec.fixedRowsTop,
    maxRows: spec.data.length,
    maxCols: spec.colWidths.length,
    cells: (r, c) => ({ readOnly: spec.readOnly[r]?.[c] ?? true }),
    renderer: (_hot, td, r, c, _prop, value) => {
      const text = value === null || value === undefined ? '' : String(value);
      if (td.textContent !== text) td.textContent = text;
      // Handsontable reuses TDs: the mark must follow the cell.
      if (r === spec.edit.row && c === spec.edit.col) td.dataset.cell = mark;
      else delete td.dataset.cell;
    },
  });
  window.__goTo = () => hot.selectCell(spec.edit.row, spec.edit.col);
  // What the app does at least for a pasted block that adds rows: the sheet's new texts, merges and
  // read-only map into the same grid, rendered once.
  const show = (next: GridSpec, as: string) => {
    spec = next;
    mark = as;
    // As the app's grid: old merges go first (Handsontable's cell-meta assertion), one render.
    hot.suspendRender();
    try {
      hot.updateSettings({ mergeCells: [] });
      hot.updateSettings({ data: next.data.map((r) => [...r]), mergeCells: next.merges, maxRows: next.data.length });
    } finally {
      hot.resumeRender();
    }
  };
  window.__swapOnPaste = (after) => {
    document.addEventListener(
      'paste',
      (e) => {
        // Only the swap: Handsontable's own paste would write the text into cells on top of it.
        e.stopImmediatePropagation();
        e.preventDefault();
        show(after, 'pasted');
      },
      { once: true, capture: true },
    );
  };
  window.__swapBack = () => show(first, 'edit');
};
