// Page model of the screen's geometry: is a table's first data row clear of the frozen header,
// does its last column fit, how many rows show, how many toolbar rows. Selectors live here only.
import type { Page } from 'playwright-core';

export interface TableFit {
  /** Pixels of the first value row hidden under the frozen header (≤ 0: fully visible). */
  firstRowHidden: number;
  /** The first value row ends above the grid's bottom edge. */
  firstRowInView: boolean;
  /** Pixels of the last column beyond the grid's right edge (≤ 0: fully visible). */
  lastColumnCut: number;
  /** Value rows wholly visible between the frozen header and the grid's bottom. */
  rowsVisible: number;
}

export class LayoutPage {
  constructor(readonly page: Page) {}

  async fit(): Promise<TableFit> {
    return this.page.evaluate(() => {
      const host = document.querySelector('.grid-host')!;
      const holder = host.querySelector('.ht_master .wtHolder')!.getBoundingClientRect();
      const top = host.querySelector<HTMLElement>('.ht_clone_top');
      const topTable = top && top.offsetHeight > 0 ? top.querySelector('table')?.getBoundingClientRect() : undefined;
      const headerBottom = topTable ? Math.min(topTable.bottom, holder.bottom) : holder.top;
      const cells = [...host.querySelectorAll<HTMLElement>('.ht_master td[data-cell]')].filter((td) => td.offsetParent !== null);
      const first = cells[0]!.getBoundingClientRect();
      let right = 0;
      for (const td of host.querySelectorAll<HTMLElement>('.ht_master tbody td')) if (td.offsetParent !== null) right = Math.max(right, td.getBoundingClientRect().right);
      const rows = new Set(
        cells
          .filter((td) => {
            const b = td.getBoundingClientRect();
            return b.top >= headerBottom - 0.5 && b.bottom <= holder.bottom + 0.5;
          })
          .map((td) => td.parentElement),
      );
      return {
        firstRowHidden: Math.round(headerBottom - first.top),
        firstRowInView: first.bottom <= holder.bottom + 0.5,
        lastColumnCut: Math.round(right - Math.min(holder.right, window.innerWidth)),
        rowsVisible: rows.size,
      };
    });
  }

  /** Scrolls the grid down and back to the top (the frozen header must not swallow a row). */
  async scrollDownAndUp(): Promise<void> {
    const holder = this.page.locator('.grid-host .ht_master .wtHolder');
    const frames = () => this.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await holder.evaluate((e) => (e.scrollTop = 400));
    await frames();
    await holder.evaluate((e) => (e.scrollTop = 0));
    await frames();
  }

  /** Distinct rows the toolbar's items are laid out in. */
  async toolbarRows(): Promise<number> {
    return this.page.evaluate(() => {
      const items = [...document.querySelectorAll<HTMLElement>('.toolbar > *')].filter((e) => e.offsetParent !== null);
      // Items of one row are centred on one line; a wrapped row is a toolbar row lower.
      const centres = items.map((e) => {
        const b = e.getBoundingClientRect();
        return (b.top + b.bottom) / 2;
      });
      const lines: number[] = [];
      for (const c of centres.sort((a, b) => a - b)) if (!lines.length || c - lines[lines.length - 1]! > 8) lines.push(c);
      return lines.length;
    });
  }

  async resize(width: number, height: number): Promise<void> {
    await this.page.setViewportSize({ width, height });
    await this.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
}
