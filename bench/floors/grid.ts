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
  }
}

window.__startGrid = (spec) => {
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
      if (r === spec.edit.row && c === spec.edit.col) td.dataset.cell = 'edit';
      else delete td.dataset.cell;
    },
  });
  window.__goTo = () => hot.selectCell(spec.edit.row, spec.edit.col);
};
