// The first table's frame without Handsontable: a static copy of what the grid's first render
// shows (its classes, column widths, merges and the rows that fit), so that the page paints the
// table before Handsontable is built (~150 ms of main thread). SheetGrid replaces it with the real
// grid in a task after that frame, or at once when anything needs the grid (a click, a call).
import type { SheetLayout } from '../engine';

export interface PreviewSpec {
  layout: SheetLayout;
  /** Column widths in pixels, as the grid will get them. */
  widths: readonly number[];
  /** Rows the grid hides (the title block, shown above it on screen). */
  hiddenRows: ReadonlySet<number>;
  /** The grid's own cell renderer (classes, data-cell, text, marks), as Handsontable would call it. */
  render(td: HTMLTableCellElement, r: number, c: number): void;
  readOnly(r: number, c: number): boolean;
}

/** A theme row is at least this tall; only the rows that can fit in the host are built. */
const MIN_ROW_PX = 24;

export class GridPreview {
  readonly root: HTMLElement;
  /** The grid wrapper (`.ht-wrapper`), where Handsontable keeps `data-sheet`. */
  readonly wrapper: HTMLElement;
  private readonly cells = new Map<string, HTMLTableCellElement>();
  private readonly positions = new WeakMap<Element, { r: number; c: number }>();

  constructor(host: HTMLElement, spec: PreviewSpec) {
    const div = (cls: string) => {
      const d = document.createElement('div');
      d.className = cls;
      return d;
    };
    // Handsontable's own nesting and classes, so that its theme and the app's grid CSS apply as is.
    this.root = div('ht-root-wrapper ht-theme-main');
    const grid = div('ht-grid');
    const content = div('ht-grid-content');
    this.wrapper = div('ht-wrapper handsontable');
    this.wrapper.style.height = '100%';
    this.wrapper.style.width = '100%';
    this.wrapper.style.overflow = 'clip';
    const master = div('ht_master handsontable');
    const holder = div('wtHolder');
    holder.style.position = 'relative';
    holder.style.overflow = 'hidden';
    holder.style.height = '100%';
    const hider = div('wtHider');
    const spreader = div('wtSpreader');
    const table = document.createElement('table');
    table.className = 'htCore';
    const colgroup = document.createElement('colgroup');
    for (const w of spec.widths) {
      const col = document.createElement('col');
      col.style.width = `${w}px`;
      colgroup.append(col);
    }
    const tbody = document.createElement('tbody');
    table.append(colgroup, tbody);
    spreader.append(table);
    hider.append(spreader);
    holder.append(hider);
    master.append(holder);
    this.wrapper.append(master);
    content.append(this.wrapper);
    grid.append(content);
    this.root.append(grid);

    const { layout } = spec;
    const anchors = new Map<string, { rowspan: number; colspan: number }>();
    const covered = new Set<string>();
    for (const m of layout.merges) {
      anchors.set(`${m.row}|${m.col}`, m);
      for (let r = m.row; r < m.row + m.rowspan; r++) for (let c = m.col; c < m.col + m.colspan; c++) if (r !== m.row || c !== m.col) covered.add(`${r}|${c}`);
    }
    const maxRows = Math.ceil(Math.max(host.clientHeight, 1) / MIN_ROW_PX) + 1;
    let shown = 0;
    for (let r = 0; r < layout.cells.length && shown < maxRows; r++) {
      if (spec.hiddenRows.has(r)) continue;
      const tr = document.createElement('tr');
      tr.className = shown % 2 ? 'ht__row_even' : 'ht__row_odd';
      shown++;
      for (let c = 0; c < layout.width; c++) {
        const key = `${r}|${c}`;
        if (covered.has(key)) continue;
        const td = document.createElement('td');
        const merge = anchors.get(key);
        if (merge) {
          td.rowSpan = merge.rowspan;
          td.colSpan = merge.colspan;
        }
        spec.render(td, r, c);
        if (spec.readOnly(r, c)) td.classList.add('c-readonly');
        this.cells.set(key, td);
        this.positions.set(td, { r, c });
        tr.append(td);
      }
      tbody.append(tr);
    }
    host.append(this.root);
  }

  /** The preview's cell at a grid position, if it was built. */
  cell(r: number, c: number): HTMLTableCellElement | undefined {
    return this.cells.get(`${r}|${c}`);
  }

  /** Grid position of a preview cell under an event target. */
  positionOf(target: EventTarget | null): { r: number; c: number } | undefined {
    const td = target instanceof Element ? target.closest('td') : null;
    return td ? this.positions.get(td) : undefined;
  }

  remove(): void {
    this.root.remove();
  }
}
