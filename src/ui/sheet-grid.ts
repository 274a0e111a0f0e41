// The one Handsontable instance: a view over the engine's sheet layouts. It shows one sheet at a
// time from padded rectangular arrays, sends every edit through the session (nothing reaches the
// grid that the engine did not accept) and repaints from the session's value events.
// Must not import hyperformula: the engine owns all numbers; this file only formats them.
import Handsontable from 'handsontable/base';
import { registerPlugin } from 'handsontable/plugins/registry';
import { CopyPaste } from 'handsontable/plugins/copyPaste';
import { MergeCells } from 'handsontable/plugins/mergeCells';
import { HiddenRows } from 'handsontable/plugins/hiddenRows';
import { TextEditor } from 'handsontable/editors/textEditor';
import { registerLanguageDictionary } from 'handsontable/i18n';
import zhCN from 'handsontable/i18n/languages/zh-CN';
import 'handsontable/styles/handsontable.min.css';
import 'handsontable/styles/ht-theme-main.min.css';
import type { CellChange, CellValue, LayoutCell, SheetLayout } from '../engine';
import type { CellEdit, WorkbookSession } from '../app/session';
import { applyValidEdits, type RejectedEdit } from '../app/partial-edit';
import { InputError, formatAmount, roundHalfUp } from '../model/amount';
import type { AnySheetId } from '../model/template';
import { cellClasses, clipboardText, columnPixelWidths, displayText, toGridValue, type GridValue, type Mark } from './cell-view';
import { cellLabel } from './cell-label';
import { UI_TEXT } from './ui-text';
import { GridPreview } from './grid-preview';
import { afterThisFrame } from './dom';

registerPlugin(MergeCells);
registerPlugin(CopyPaste);
registerPlugin(HiddenRows);
registerLanguageDictionary(zhCN);

export interface CellAddress {
  sheet: AnySheetId;
  row: string;
  col: string;
}

/** 审核 marks per cell, keyed `${sheet}|${row}|${col}`. */
export type CellMarks = ReadonlyMap<string, { mark: Exclude<Mark, null>; messages: string[] }>;

export interface SheetGridEvents {
  /** The selection moved; `cell` is the value cell under it (null on labels). */
  onSelect?(cell: CellAddress | null, layoutCell: LayoutCell | null): void;
  /** A pasted block of classification rows: handled (report to show) or null for a plain paste. */
  onCodeBlock?(block: unknown[][]): { title: string; lines: string[] } | null;
}

interface Cursor {
  id?: string;
  r: number;
  c: number;
}

const markKey = (sheet: string, row: string, col: string) => `${sheet}|${row}|${col}`;

export class SheetGrid {
  /** Handsontable, once built (mount); until then the first sheet shows as a static preview. */
  private built: Handsontable | null = null;
  private preview: GridPreview | null = null;
  private sheetId: AnySheetId;
  private layout: SheetLayout;
  private data: GridValue[][] = [];
  private marks: CellMarks = new Map();
  private readonly note: HTMLElement;
  private readonly cursor = new Map<AnySheetId, Cursor | undefined>();
  /** The frozen rows' measured heights, for the sheet they were measured on. */
  private frozen: { sheet: AnySheetId; heights: (number | undefined)[] } | null = null;
  /** guessFrozenHeights' answer for one sheet. */
  private guess: { layout: SheetLayout; heights: (number | undefined)[] } | null = null;
  /** 审查: computed cells take the figure the document prints (typed, pasted, shown). */
  private reviewing = false;

  /**
   * Paints the first sheet as a static preview (GridPreview) and builds Handsontable in a task
   * after that frame, or at once when something needs it first: a pointer or wheel on the
   * preview (the clicked cell is then selected), or any method that uses the grid.
   */
  constructor(
    private readonly host: HTMLElement,
    private readonly session: WorkbookSession,
    first: AnySheetId,
    private readonly events: SheetGridEvents = {},
  ) {
    this.sheetId = first;
    this.layout = session.engine.sheet(first);
    this.note = document.createElement('div');
    this.note.className = 'cell-note';
    this.note.setAttribute('role', 'alert');
    this.note.hidden = true;
    document.body.append(this.note);
    this.readSheet();
    const preview = new GridPreview(host, {
      layout: this.layout,
      widths: this.fittedWidths(host.clientWidth),
      hiddenRows: new Set(titleRows(this.layout)),
      render: (td, r, c) => this.renderCell(td, r, c, this.data[r]?.[c] ?? null),
      readOnly: (r, c) => !this.editable(r, c),
    });
    preview.wrapper.dataset.sheet = this.sheetId;
    preview.root.addEventListener('pointerdown', (e) => {
      const at = preview.positionOf(e.target);
      // No mousedown follows: Handsontable's own would go to the preview's detached cell.
      e.preventDefault();
      this.mount();
      if (at) {
        this.hot.selectCell(at.r, at.c);
        this.hot.listen();
      }
    });
    preview.root.addEventListener('wheel', () => this.mount(), { passive: true });
    this.preview = preview;
    // Once the preview's frame is out; a hidden grid (another tab opened meanwhile) waits until it is shown.
    afterThisFrame(() => {
      if (this.preview && this.host.getClientRects().length) this.mount();
    });
    window.addEventListener('resize', this.onResize);
  }

  private get hot(): Handsontable {
    return this.built ?? this.mount();
  }

  /** Builds Handsontable in place of the preview (once; at once when called). */
  private mount(): Handsontable {
    if (this.built) return this.built;
    const host = this.host;
    const commitTyped = (r: number, c: number, raw: unknown): boolean => {
      if (!this.editable(r, c)) return false;
      this.hideNote();
      this.applySingle({ r, c, raw });
      return true;
    };
    /**
     * A typed value goes straight to the session instead of through setDataAtCell, which would
     * re-render every visible cell (and lay the table out again) although the engine then repaints
     * only the cells whose values changed. Ctrl+Enter over a range keeps Handsontable's block path.
     */
    class SessionEditor extends TextEditor {
      /**
       * Focusing the textarea of an editor opened on a cell that was read-only when selected (a
       * computed cell before 审查模式 was turned on) makes Handsontable's focus scope switch its
       * shortcuts back to the grid's, so Enter would close nothing: the editor's keys are restored.
       */
      override focus(): void {
        super.focus();
        if (this.isOpened()) this.hot.getShortcutManager().setActiveContextName('editor');
      }
      override saveValue(value: unknown, ctrlDown?: boolean): void {
        const raw = Array.isArray(value) && Array.isArray(value[0]) ? (value[0] as unknown[])[0] : value;
        if (!ctrlDown && this.row !== null && this.col !== null && commitTyped(this.row, this.col, raw)) return;
        super.saveValue(value, ctrlDown);
      }
    }

    // The sheet's data and settings go into the constructor, and its init renders once: not an
    // empty grid first, then each plugin, then the sheet (see load()). The preview goes in the
    // same task: no frame without a table.
    this.preview?.remove();
    this.preview = null;
    const hot = new Handsontable.Core(host, {
      ...this.sheetSettings(host.clientWidth),
      licenseKey: 'non-commercial-and-evaluation',
      themeName: 'ht-theme-main',
      // Its CSS is bundled from handsontable.min.css; an injected <style> would break the CSP.
      ...({ injectCoreCss: false } as object),
      language: zhCN.languageCode,
      width: '100%',
      height: '100%',
      rowHeaders: false,
      colHeaders: false,
      autoWrapRow: false,
      autoWrapCol: false,
      outsideClickDeselects: false,
      // Enter goes to the next cell to fill in the column, over computed rows (Shift+Enter: back).
      enterMoves: (e: KeyboardEvent) => ({ row: this.enterStep(e.shiftKey ? -1 : 1), col: 0 }),
      fillHandle: false,
      copyPaste: { rowsLimit: 5000, columnsLimit: 100 },
      readOnlyCellClassName: 'c-readonly',
      // Handsontable types editor classes as taking unknown arguments; ours takes its instance.
      editor: SessionEditor as unknown as new (...args: unknown[]) => unknown,
      renderer: (_hot, td, r, c, _prop, value) => this.renderCell(td, r, c, value as GridValue),
      cells: (r, c) => ({ readOnly: !this.editable(r, c) }),
      beforeChange: (changes, source) => this.onBeforeChange(changes, String(source)),
      beforePaste: (data) => this.onBeforePaste(data as unknown[][]),
      beforeCopy: (data, coords) => this.onBeforeCopy(data as unknown[][], coords),
      afterSelection: (r, c) => this.onSelection(r, c),
      beforeKeyDown: (e) => this.onKeyDown(e),
      afterScrollVertically: () => this.hideNote(),
      afterScrollHorizontally: () => this.hideNote(),
    });
    this.built = hot;
    // Plugins (merges, hidden rows) would each render once more during init.
    hot.suspendRender();
    try {
      hot.init();
    } finally {
      hot.resumeRender();
    }
    hot.rootElement.dataset.sheet = this.sheetId;
    this.syncFrozenHeights(frozenRows(this.layout));
    performance.mark('grid:mounted');
    return hot;
  }

  /** The title block's texts (公开0X表, 部门：…, 单位：…) of the sheet on screen, in order. */
  titleLine(): string[] {
    return sheetTitleLine(this.layout);
  }

  get sheet(): AnySheetId {
    return this.sheetId;
  }

  get reviewMode(): boolean {
    return this.reviewing;
  }

  /**
   * 审查模式: computed amounts of the tables show and take the figures as the document prints them
   * (blank where none was entered: the computed figure); inputs stay as they are.
   */
  setReviewMode(on: boolean): void {
    if (on === this.reviewing) return;
    this.reviewing = on;
    this.hot.rootElement.classList.toggle('reviewing', on);
    // Same rows and merges: the values change in place (a reload would reset the selection and
    // leave Handsontable's editor prepared for the cell as it was, read-only or not).
    const values = this.session.engine.sheetValues(this.sheetId);
    this.layout.cells.forEach((row, r) => row.forEach((cell, c) => (this.data[r]![c] = this.gridValue(cell, values[r]?.[c] ?? null))));
    this.hot.render();
    const sel = this.hot.getSelectedLast();
    if (!sel) return;
    this.hot.deselectCell();
    this.hot.selectCell(sel[0], sel[1], sel[2], sel[3]);
  }

  /** A cell the user can type in: inputs, and in 审查模式 the computed amounts that can hold a printed figure. */
  private editable(r: number, c: number): boolean {
    const cell = this.layout.cells[r]?.[c];
    return cell?.t === 'input' || this.printable(cell);
  }

  private printable(cell: LayoutCell | null | undefined): boolean {
    if (!this.reviewing || cell?.t !== 'formula' || cell.format !== 'amount') return false;
    return this.session.engine.template.tables.some((t) => t.id === this.sheetId);
  }

  /** What the grid holds for a cell: in 审查模式 a computed cell's printed figure where one is stored. */
  private gridValue(cell: LayoutCell | null | undefined, value: CellValue): GridValue {
    if (cell?.t === 'formula' && this.printable(cell)) {
      const printed = this.session.engine.printedValue(this.sheetId, cell.row, cell.col);
      if (printed !== null) return Number(printed);
    }
    return toGridValue(cell, value);
  }

  /**
   * Shows another sheet (values read fresh from the engine, so it is current when opened). Like
   * Excel, each sheet keeps its own active cell.
   */
  show(sheet: AnySheetId): void {
    this.hideNote();
    this.cursor.set(this.sheetId, this.cursorHere());
    this.sheetId = sheet;
    this.load();
    this.restoreCursor(this.cursor.get(sheet) ?? this.firstInput());
  }

  /** Where the cursor starts on a sheet not visited yet: its first input cell. */
  private firstInput(): Cursor | undefined {
    for (let r = 0; r < this.layout.cells.length; r++) {
      const c = this.layout.cells[r]!.findIndex((cell) => cell?.t === 'input');
      if (c >= 0) return { r, c };
    }
    return undefined;
  }

  /** Re-reads layout and values, after rows were added or removed or the document replaced. */
  reload(): void {
    this.hideNote();
    const at = this.cursorHere();
    this.load();
    this.restoreCursor(at, true);
  }

  /** The active cell, by id when it is a value cell (rows may move), else by position. */
  private cursorHere(): Cursor | undefined {
    const sel = this.hot.getSelectedLast();
    if (!sel) return undefined;
    const [r, c] = sel;
    const cell = this.layout.cells[r]?.[c];
    return cell && cell.t !== 'text' ? { id: `${cell.row}|${cell.col}`, r, c } : { r, c };
  }

  /**
   * `reloaded`: the same sheet was laid out again and keeps its scroll position, so a cell that
   * kept its place is selected without scrolling to it (scrolling lays out the page once more
   * before the new rows are painted); one that moved is scrolled to, as on a sheet switch.
   */
  private restoreCursor(at: Cursor | undefined, reloaded = false): void {
    if (!at) return;
    const p = at.id ? this.layout.index.get(at.id) : undefined;
    const r = Math.max(0, Math.min(p?.r ?? at.r, this.layout.cells.length - 1));
    const c = Math.max(0, Math.min(p?.c ?? at.c, this.layout.width - 1));
    this.hot.selectCell(r, c, r, c, !(reloaded && r === at.r && c === at.c));
  }

  /** Layout and values of the sheet to show, from the engine. */
  private readSheet(): void {
    const engine = this.session.engine;
    this.layout = engine.sheet(this.sheetId);
    const values = engine.sheetValues(this.sheetId);
    this.data = this.layout.cells.map((row, r) => row.map((cell, c) => this.gridValue(cell, values[r]?.[c] ?? null)));
  }

  private load(): void {
    // Each updateSettings and the row-height reset would render the whole table: one render at
    // the end instead (on first open that was three full renders before the first paint).
    this.hot.suspendRender();
    try {
      // A selection left from the previous sheet may point into rows this one freezes; the focus
      // manager then looks for a cell that is not rendered yet and throws. Dropped while rendering
      // is suspended: deselecting renders (and lays out the page) once more otherwise.
      this.hot.deselectCell();
      this.readSheet();
      this.loadSettings();
    } finally {
      this.hot.resumeRender();
    }
    // Measured once the rows are rendered: with rendering suspended the overlay's TRs do not
    // exist yet and Handsontable's getCell throws.
    this.syncFrozenHeights(frozenRows(this.layout));
  }

  private loadSettings(): void {
    // Old merges must go while their rows still exist: clearing them after a shorter sheet is
    // loaded trips Handsontable's cell-meta assertion.
    this.hot.updateSettings({ mergeCells: [] });
    this.hot.updateSettings(this.sheetSettings(this.hot.rootElement.clientWidth));
    this.hot.rootElement.dataset.sheet = this.sheetId;
    this.forgetRowHeights();
  }

  /** Handsontable's settings for the sheet in `layout` / `data`; `width`: the grid's, in pixels. */
  private sheetSettings(width: number): Handsontable.GridSettings {
    // The title block (title, 公开0X表, 部门/单位) is shown above the grid on screen (titleLine),
    // so that a laptop screen has room for rows; print and XLSX keep it.
    return {
      hiddenRows: { rows: titleRows(this.layout), indicators: false },
      data: this.data,
      mergeCells: this.layout.merges.map((m) => ({ row: m.row, col: m.col, rowspan: m.rowspan, colspan: m.colspan })),
      colWidths: this.fittedWidths(width),
      // Title and header rows stay in view while a long table scrolls (frozen panes). Not for
      // headers with a row wholly covered by taller merges: that row has no height of its own
      // and Handsontable's frozen overlay then covers the first data rows.
      fixedRowsTop: frozenRows(this.layout),
      // Re-measured for this sheet by syncFrozenHeights; a reload of the same sheet (rows added or
      // removed below its header) keeps the measured heights, so that it renders once, not twice.
      // A sheet not measured yet gets the heights its frozen rows usually have (guessFrozenHeights):
      // when the measure agrees, it is not rendered a second time.
      // (Asked while rendering, when the theme's default height is known.)
      rowHeights: this.frozen?.sheet === this.sheetId ? frozenHeights(this.frozen.heights) : (r: number) => this.guessFrozenHeights()[r] as number,
      maxRows: this.layout.cells.length,
      maxCols: this.layout.width,
    };
  }

  /**
   * The master table does not render the frozen rows (the overlay draws them) and counts each at
   * the default height, while the overlay measures them as drawn (the title row is taller). The
   * master's first data row then sits that much higher, under the overlay, even scrolled to the
   * top. Measuring the overlay's rows once and giving the master those heights lines them up.
   */
  private syncFrozenHeights(frozen: number): void {
    // Another sheet's heights never apply (the settings above dropped them for a sheet switch).
    if (this.frozen?.sheet !== this.sheetId) this.frozen = null;
    const heights: (number | undefined)[] = [];
    const hidden = new Set(titleRows(this.layout));
    for (let r = 0; r < frozen; r++) {
      if (hidden.has(r)) {
        heights.push(undefined);
        continue;
      }
      const tr = this.hot.getCell(r, 0, true)?.parentElement;
      const h = tr ? Math.round(tr.getBoundingClientRect().height) : 0;
      if (h <= 0) return; // not laid out (hidden tab): keep Handsontable's own estimate
      heights.push(h);
    }
    if (!heights.length) return;
    const kept = this.frozen?.sheet === this.sheetId ? this.frozen.heights : this.guessFrozenHeights();
    if (kept && kept.length === heights.length && kept.every((h, r) => h === heights[r])) return;
    this.frozen = { sheet: this.sheetId, heights };
    this.hot.updateSettings({ rowHeights: frozenHeights(heights) });
  }

  /**
   * The frozen rows' heights before they are measured, as the theme draws one-line header rows:
   * its default row height, the first shown row one pixel more (the table's top border). A header
   * that wraps measures taller, and the sheet renders again with the measured heights. Reads the
   * theme's default through Handsontable 18.1's internal styles handler (pinned); none: no guess.
   */
  private guessFrozenHeights(): (number | undefined)[] {
    if (this.guess?.layout === this.layout) return this.guess.heights;
    const styles = (this.hot as unknown as { stylesHandler?: { getDefaultRowHeight?: () => number | undefined } } | undefined)?.stylesHandler;
    const base = styles?.getDefaultRowHeight?.();
    if (!base) return [];
    const hidden = new Set(titleRows(this.layout));
    const rows = Array.from({ length: frozenRows(this.layout) }, (_, r) => r);
    const first = rows.find((r) => !hidden.has(r));
    const heights = rows.map((r) => (hidden.has(r) ? undefined : r === first ? base + 1 : base));
    this.guess = { layout: this.layout, heights };
    return heights;
  }

  /**
   * Walkontable keeps measured row heights by row index across loadData; after a sheet switch
   * the previous sheet's tall rows inflate this one's frozen title rows. Internal API of
   * Handsontable 18.1 (pinned): a no-op if it ever disappears.
   */
  private forgetRowHeights(): void {
    const wt = (this.hot.view as unknown as { _wt?: { wtViewport?: { resetAllOversizedRows?: () => void } } })._wt;
    if (!wt?.wtViewport?.resetAllOversizedRows) return;
    wt.wtViewport.resetAllOversizedRows();
    this.hot.render();
  }

  /**
   * Patches the visible sheet's changed cells in place: only their own TDs, so the browser lays out
   * a few cells instead of the whole table. Cells scrolled out of view get the new value when
   * Handsontable renders them.
   */
  applyChanges(changes: readonly CellChange[]): void {
    const touched: { r: number; c: number }[] = [];
    for (const ch of changes) {
      if (ch.sheet !== this.sheetId) continue;
      const p = this.layout.index.get(`${ch.row}|${ch.col}`);
      if (!p) continue;
      this.data[p.r]![p.c] = this.gridValue(this.layout.cells[p.r]![p.c], ch.value);
      touched.push(p);
    }
    this.repaint(touched);
  }

  /** New 审核 marks; only the visible cells whose mark or message changed are repainted. */
  setMarks(marks: CellMarks): void {
    const before = this.marks;
    this.marks = marks;
    const touched: { r: number; c: number }[] = [];
    const prefix = `${this.sheetId}|`;
    const visit = (key: string) => {
      if (!key.startsWith(prefix)) return;
      const a = before.get(key);
      const b = marks.get(key);
      if (a?.mark === b?.mark && a?.messages.join('\n') === b?.messages.join('\n')) return;
      const p = this.layout.index.get(key.slice(prefix.length));
      if (p) touched.push(p);
    };
    for (const key of before.keys()) visit(key);
    for (const key of marks.keys()) if (!before.has(key)) visit(key);
    this.repaint(touched);
  }

  private repaint(cells: readonly { r: number; c: number }[]): void {
    const preview = this.preview;
    if (preview) {
      for (const { r, c } of cells) {
        const td = preview.cell(r, c);
        if (td) this.paintValue(td, r, c);
      }
      return;
    }
    for (const { r, c } of cells) {
      const master = this.hot.getCell(r, c);
      const top = this.hot.getCell(r, c, true);
      if (master) this.paintValue(master, r, c);
      if (top && top !== master) this.paintValue(top, r, c);
    }
  }

  /** Selects a value cell of the visible sheet; false when the sheet has no such cell. */
  select(row: string, col: string): boolean {
    const p = this.layout.index.get(`${row}|${col}`);
    if (!p) return false;
    // selectCell scrolls only as far as needed, so the table headers stay in view when they can.
    this.hot.selectCell(p.r, p.c);
    this.hot.listen();
    return true;
  }

  /** Scrolls a value cell into view without moving the selection. */
  scrollTo(row: string, col: string): boolean {
    const p = this.layout.index.get(`${row}|${col}`);
    if (!p) return false;
    this.hot.scrollViewportTo({ row: p.r, col: p.c });
    this.hot.render();
    return true;
  }

  /** True for the grid's own elements (its focus catcher and cell editor included). */
  owns(node: EventTarget | null): boolean {
    if (!(node instanceof HTMLElement)) return false;
    if (!this.built) return this.preview?.root.contains(node) ?? false;
    return this.built.rootElement.contains(node) || 'hotInput' in node.dataset;
  }

  isEditing(): boolean {
    return this.built?.getActiveEditor()?.isOpened() ?? false;
  }

  /** Moves keyboard focus back into the grid (e.g. after a dialog), so typing edits the cell. */
  focus(): void {
    this.hot.listen();
    this.hot.getFocusManager().focusOnHighlightedCell();
  }

  /** Stops the grid taking keys (a dialog is open). */
  blur(): void {
    this.built?.unlisten();
  }

  /** The value cell under the selection, or, on a code/name label, the nearest value cell to its right. */
  selectedRowCell(): CellAddress | null {
    const sel = this.hot.getSelectedLast();
    if (!sel) return null;
    const [r, c] = sel;
    const row = this.layout.cells[r];
    if (!row) return null;
    for (let i = Math.max(c, 0); i < row.length; i++) {
      const cell = row[i];
      if (cell && cell.t !== 'text') return { sheet: this.sheetId, row: cell.row, col: cell.col };
    }
    return null;
  }

  /** Text a user sees in a value cell of the visible sheet (for tests and the status line). */
  cellText(row: string, col: string): string | null {
    const p = this.layout.index.get(`${row}|${col}`);
    if (!p) return null;
    return displayText(this.layout.cells[p.r]![p.c], this.data[p.r]![p.c] ?? null, this.layout.zero);
  }

  refreshDimensions(): void {
    this.hot.refreshDimensions();
  }

  /**
   * The template's column widths, narrowed (to 85 % at most) when the table is a little wider
   * than the grid, so that its last column shows whole on a laptop screen; wider still, it scrolls.
   */
  private fittedWidths(width = this.hot.rootElement.clientWidth): number[] {
    const widths = columnPixelWidths(this.layout);
    const total = widths.reduce((a, b) => a + b, 0);
    // The vertical scrollbar and the right border take a little of the grid's width.
    const room = width - 18;
    if (room <= 0 || total <= room) return widths;
    const k = Math.max(0.85, room / total);
    return widths.map((w) => Math.floor(w * k));
  }

  private resizeFrame = 0;
  private readonly onResize = (): void => {
    cancelAnimationFrame(this.resizeFrame);
    // Not built yet: it takes the widths of the moment it is built.
    this.resizeFrame = requestAnimationFrame(() => this.built?.updateSettings({ colWidths: this.fittedWidths() }));
  };

  destroy(): void {
    window.removeEventListener('resize', this.onResize);
    cancelAnimationFrame(this.resizeFrame);
    // Not built: nothing builds it any more (the scheduled build needs the preview).
    this.preview?.remove();
    this.preview = null;
    this.built?.destroy();
    this.note.remove();
  }

  /** Full render by Handsontable (it has reset the TD's classes): role classes, then value and mark. */
  private renderCell(td: HTMLTableCellElement, r: number, c: number, value: GridValue): void {
    const cell = this.layout.cells[r]?.[c];
    td.classList.add(...cellClasses(cell, this.layout.rowKinds[r], null));
    // Walkontable reuses TDs: attributes must be reset on every render.
    if (cell && cell.t !== 'text') td.dataset.cell = `${cell.row}|${cell.col}`;
    else delete td.dataset.cell;
    this.paintValue(td, r, c, value);
  }

  /** What a value can change in a cell: its text, 审核 mark and tooltip (written only when different). */
  private paintValue(td: HTMLTableCellElement, r: number, c: number, value: GridValue = this.data[r]?.[c] ?? null): void {
    const cell = this.layout.cells[r]?.[c];
    const text = displayText(cell, value, this.layout.zero);
    if (td.textContent !== text) td.textContent = text;
    const mark = cell && cell.t !== 'text' ? this.marks.get(markKey(this.sheetId, cell.row, cell.col)) : undefined;
    td.classList.toggle('c-mark-error', mark?.mark === 'error');
    td.classList.toggle('c-mark-warning', mark?.mark === 'warning');
    // A cell following its formula until typed over: its style and tooltip say which it is now.
    const state = cell?.t === 'input' && cell.follow ? this.session.engine.typeOverState(this.sheetId, cell.row, cell.col) : undefined;
    td.classList.toggle('c-typed', state === 'typed');
    td.classList.toggle('c-follow', state === 'following');
    // 审查: a computed cell printed with another figure (a red corner; the tooltip gives both).
    const printed = cell?.t === 'formula' ? this.session.engine.printedDifference(this.sheetId, cell.row, cell.col) : undefined;
    td.classList.toggle('c-printed', printed !== undefined);
    td.classList.toggle('c-printed-entry', cell?.t === 'formula' && this.printable(cell) && this.session.engine.printedValue(this.sheetId, cell.row, cell.col) !== null);
    const printedTip = printed ? [UI_TEXT.printed(formatAmount(printed.printed), formatAmount(printed.computed), formatAmount(printed.diff))] : [];
    const lines = [...(state ? [this.typeOverTip(cell as { row: string; col: string }, state)] : []), ...printedTip, ...(mark?.messages ?? [])];
    if (lines.length) td.title = lines.join('\n');
    else td.removeAttribute('title');
  }

  private typeOverTip(cell: { row: string; col: string }, state: 'typed' | 'following'): string {
    if (state === 'following') return UI_TEXT.typeOver.following;
    const v = this.session.engine.followValue(this.sheetId, cell.row, cell.col);
    return UI_TEXT.typeOver.typed(typeof v === 'number' ? formatAmount(roundHalfUp(v)) : '—');
  }

  /** Typing on a computed cell explains why nothing happens (Excel does the same for locked cells). */
  /** Rows from the active cell to the next input cell of its column in `dir` (1 if none). */
  private enterStep(dir: 1 | -1): number {
    const sel = this.hot.getSelectedLast();
    if (!sel || sel[0] !== sel[2] || sel[1] !== sel[3]) return 1;
    const [r, c] = sel;
    if (this.layout.cells[r]?.[c]?.t !== 'input') return 1;
    for (let n = r + dir; n >= this.layout.dataStart && n < this.layout.cells.length; n += dir) {
      if (this.layout.cells[n]?.[c]?.t === 'input') return Math.abs(n - r);
    }
    return 1;
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (e.ctrlKey || e.metaKey || e.altKey || this.isEditing()) return;
    if (e.key.length !== 1 && e.key !== 'F2' && e.key !== 'Backspace') return;
    const sel = this.hot.getSelectedLast();
    if (!sel || sel[0] !== sel[2] || sel[1] !== sel[3]) return;
    const [r, c] = sel;
    if (this.layout.cells[r]?.[c]?.t !== 'formula' || this.editable(r, c)) return;
    this.showNote(r, c, UI_TEXT.inputRefused, [UI_TEXT.computedCell]);
  }

  private onSelection(r: number, c: number): void {
    this.hideNote();
    const cell = this.layout.cells[r]?.[c] ?? null;
    this.events.onSelect?.(cell && cell.t !== 'text' ? { sheet: this.sheetId, row: cell.row, col: cell.col } : null, cell);
  }

  /** Every grid change is cancelled here and applied through the session instead. */
  private onBeforeChange(changes: (Handsontable.CellChange | null)[], source: string): boolean {
    this.hideNote();
    const cells: { r: number; c: number; raw: unknown }[] = [];
    for (const ch of changes) {
      if (!ch) continue;
      const [r, prop, , raw] = ch;
      cells.push({ r, c: Number(prop), raw });
    }
    if (cells.length === 1 && source === 'edit') this.applySingle(cells[0]!);
    else this.applyBlock(cells);
    return false;
  }

  private applySingle({ r, c, raw }: { r: number; c: number; raw: unknown }): void {
    const cell = this.layout.cells[r]?.[c];
    const printed = this.printable(cell);
    if (!cell || cell.t === 'text' || (cell.t !== 'input' && !printed)) return;
    try {
      this.session.edit([{ sheet: this.sheetId, row: cell.row, col: cell.col, raw: blankToNull(raw), ...(printed ? { printed } : {}) }], printed ? UI_TEXT.printedEdit : undefined);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      // Enter/Tab already queued a move: bring the cursor back to the refused cell, then explain.
      queueMicrotask(() => {
        this.hot.selectCell(r, c);
        this.showNote(r, c, UI_TEXT.inputRefused, [err.message]);
      });
    }
  }

  /** A block (paste, cut, Delete over a range): good cells in one step, bad ones listed. */
  private applyBlock(cells: { r: number; c: number; raw: unknown }[]): void {
    const edits: CellEdit[] = [];
    const refused: RejectedEdit[] = [];
    for (const { r, c, raw } of cells) {
      const cell = this.layout.cells[r]?.[c];
      const value = blankToNull(raw);
      if (cell?.t === 'input') {
        edits.push({ sheet: this.sheetId, row: cell.row, col: cell.col, raw: value });
        continue;
      }
      if (cell?.t === 'formula' && this.printable(cell)) {
        edits.push({ sheet: this.sheetId, row: cell.row, col: cell.col, raw: value, printed: true });
        continue;
      }
      // Blank, or the same text a label already has (a whole row copied back): nothing to report.
      if (value === null || (cell?.t === 'text' && cell.text === String(value).trim())) continue;
      const at = cell && cell.t !== 'text' ? { row: cell.row, col: cell.col } : { row: `第${r + 1}行`, col: `第${c + 1}列` };
      refused.push({ edit: { sheet: this.sheetId, ...at, raw: value }, reason: cell && cell.t !== 'text' ? UI_TEXT.computedCell : UI_TEXT.outsideTable });
    }
    const result = edits.length ? applyValidEdits(this.session, edits) : { applied: [], rejected: [] };
    const all = [...result.rejected, ...refused];
    if (all.length && cells.length) {
      const first = cells[0]!;
      const lines = all.map((x) => `${this.describe(x.edit)}「${String(x.edit.raw ?? '')}」：${x.reason}`);
      queueMicrotask(() =>
        this.showNote(first.r, first.c, `${UI_TEXT.pasteApplied(result.applied.length)}${UI_TEXT.pasteRejected(all.length)}`, lines),
      );
    }
  }

  /** "30201 办公费 · 决算数" style name of a cell for messages. */
  describe(e: { row: string; col: string }): string {
    return cellLabel(this.layout, e.row, e.col);
  }

  /** Handles the whole paste here (Handsontable would skip read-only cells silently). */
  private onBeforePaste(block: unknown[][]): boolean {
    const range = this.hot.getSelectedRangeLast();
    if (!range || !block.length) return false;
    const coded = this.events.onCodeBlock?.(block);
    if (coded) {
      // Rows were added: the grid has been laid out again; the report goes under the first data row.
      const r = Math.min(this.layout.dataStart, this.layout.cells.length - 1);
      queueMicrotask(() => this.showNote(r, 0, coded.title, coded.lines));
      return false;
    }
    const start = range.getTopStartCorner();
    const end = range.getBottomEndCorner();
    const from = { row: Math.max(start.row ?? 0, 0), col: Math.max(start.col ?? 0, 0) };
    const to = { row: end.row ?? from.row, col: end.col ?? from.col };
    const h = block.length;
    const w = Math.max(...block.map((row) => row.length));
    // Like Excel: a selection that is a whole multiple of the block is tiled with it.
    const selH = to.row - from.row + 1;
    const selW = to.col - from.col + 1;
    const rows = selH > h && selH % h === 0 ? selH : h;
    const cols = selW > w && selW % w === 0 ? selW : w;
    const cells: { r: number; c: number; raw: unknown }[] = [];
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const raw = block[i % h]?.[j % w] ?? '';
        cells.push({ r: from.row + i, c: from.col + j, raw });
      }
    }
    const lastRow = Math.min(from.row + rows - 1, this.layout.cells.length - 1);
    const lastCol = Math.min(from.col + cols - 1, this.layout.width - 1);
    // Queued before applyBlock's report, so selecting the block does not hide the report.
    queueMicrotask(() => this.hot.selectCell(from.row, from.col, lastRow, lastCol, false));
    this.applyBlock(cells);
    return false;
  }

  /** Copies plain 2-dp numbers (what Excel/WPS read back as numbers), not the engine's floats. */
  private onBeforeCopy(data: unknown[][], coords: { startRow: number; startCol: number }[]): void {
    if (coords.length !== 1) return;
    const { startRow, startCol } = coords[0]!;
    data.forEach((row, i) =>
      row.forEach((_, j) => {
        const r = startRow + i;
        const c = startCol + j;
        row[j] = clipboardText(this.layout.cells[r]?.[c], this.data[r]?.[c] ?? null);
      }),
    );
  }

  private showNote(r: number, c: number, title: string, lines: string[]): void {
    const td = this.hot.getCell(r, c, true);
    const rect = (td ?? this.hot.rootElement).getBoundingClientRect();
    this.note.replaceChildren();
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'cell-note-close';
    close.textContent = '×';
    close.title = UI_TEXT.close;
    close.addEventListener('click', () => this.hideNote());
    const head = document.createElement('strong');
    head.textContent = title;
    const list = document.createElement('ul');
    for (const line of lines) {
      const li = document.createElement('li');
      li.textContent = line;
      list.append(li);
    }
    this.note.append(close, head, list);
    this.note.hidden = false;
    const maxLeft = window.innerWidth - this.note.offsetWidth - 8;
    this.note.style.left = `${Math.max(8, Math.min(rect.left, maxLeft))}px`;
    this.note.style.top = `${Math.round(rect.bottom + 4)}px`;
  }

  hideNote(): void {
    this.note.hidden = true;
  }
}

/** A sheet's title block texts (公开0X表, 部门：…, 单位：…), in order: shown above the grid on screen. */
export function sheetTitleLine(layout: SheetLayout): string[] {
  const out: string[] = [];
  layout.rowKinds.forEach((k, r) => {
    if (k !== 'title') return;
    for (const cell of layout.cells[r]!) if (cell?.t === 'text' && (cell.role === 'meta' || cell.role === 'publicNo')) out.push(cell.text);
  });
  return out;
}

/** Handsontable's rowHeights for measured frozen rows; undefined: the default height (rows below, hidden title rows). */
function frozenHeights(heights: readonly (number | undefined)[]): (r: number) => number {
  return (r: number) => heights[r] as number;
}

/** The title block's rows, shown above the grid on screen (titleLine) and hidden in it. */
function titleRows(layout: SheetLayout): number[] {
  return layout.rowKinds.flatMap((k, r) => (k === 'title' ? [r] : []));
}

function frozenRows(layout: SheetLayout): number {
  const rows = Math.min(layout.dataStart, layout.cells.length);
  for (let r = 0; r < rows; r++) {
    const covered = layout.cells[r]!.every((_, c) =>
      layout.merges.some((m) => m.row < r && r < m.row + m.rowspan && c >= m.col && c < m.col + m.colspan),
    );
    if (covered) return 0;
  }
  return rows;
}

function blankToNull(raw: unknown): unknown {
  if (raw === undefined || raw === null) return null;
  if (typeof raw === 'string' && raw.trim() === '') return null;
  return raw;
}
