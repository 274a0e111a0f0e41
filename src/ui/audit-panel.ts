// The 审核 tab: the live list of failing rules (severity, message with the difference, the cells
// involved); a click on a cell opens its table and selects it. Reads findings; edits nothing.
import type { Finding } from '../engine';
import { formatAmount } from '../model/amount';
import type { AnySheetId } from '../model/template';
import { el } from './dom';
import { UI_TEXT } from './ui-text';

export interface AuditPanelDeps {
  /** Sheet label for a cell reference, e.g. 公开06表. */
  sheetLabel(sheet: string): string;
  /** Short name of a cell, e.g. "30201 办公费 · 决算数". */
  cellLabel(sheet: AnySheetId, row: string, col: string): string;
  goToCell(sheet: AnySheetId, row: string, col: string): void;
}

export class AuditPanel {
  readonly element: HTMLElement;
  private readonly summary: HTMLElement;
  private readonly body: HTMLTableSectionElement;
  private readonly table: HTMLTableElement;

  constructor(private readonly deps: AuditPanelDeps) {
    this.summary = el('p', { class: 'audit-summary' });
    this.body = el('tbody');
    const head = el('tr', {}, ...UI_TEXT.auditColumns.map((t) => el('th', {}, t)));
    this.table = el('table', { class: 'audit-table' }, el('thead', {}, head), this.body);
    this.element = el('section', { class: 'audit-panel', 'aria-label': UI_TEXT.auditTitle }, el('h2', {}, UI_TEXT.auditTitle), this.summary, this.table);
  }

  update(findings: readonly Finding[]): void {
    const errors = findings.filter((f) => f.severity === 'error').length;
    this.summary.textContent = findings.length
      ? `${UI_TEXT.errors} ${errors} 项，${UI_TEXT.warnings} ${findings.length - errors} 项。点击涉及的单元格可打开相应表格。`
      : UI_TEXT.auditNone;
    this.table.hidden = findings.length === 0;
    // Errors first, then warnings, each in rule order.
    const sorted = [...findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
    this.body.replaceChildren(...sorted.map((f) => this.row(f)));
  }

  private row(f: Finding): HTMLTableRowElement {
    const cells = el('td', { class: 'audit-cells' });
    for (const ref of f.cells) {
      const sheet = ref.sheet as AnySheetId;
      const link = el('button', { type: 'button', class: 'audit-cell-link' }, `${this.deps.sheetLabel(sheet)} ${this.deps.cellLabel(sheet, ref.row, ref.col)}`);
      link.addEventListener('click', () => this.deps.goToCell(sheet, ref.row, ref.col));
      cells.append(link);
    }
    const tr = el(
      'tr',
      { class: `audit-row audit-${f.severity}`, 'data-rule': f.rowId },
      el('td', { class: 'audit-severity' }, el('span', { class: `badge badge-${f.severity}` }, UI_TEXT.auditSeverity[f.severity])),
      el('td', { class: 'audit-title' }, f.title),
      el('td', { class: 'audit-message' }, f.message),
      el('td', { class: 'audit-diff c-num' }, f.diff ? formatAmount(f.diff) : ''),
      cells,
    );
    return tr;
  }
}
