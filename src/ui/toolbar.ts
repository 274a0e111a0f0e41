// The toolbar: 部门 and 年度 of the workbook (undoable meta edits), undo/redo, the always-visible
// count of 审核 错误/提示, and a slot for other features' buttons.
import type { WorkbookSession } from '../app/session';
import type { Finding } from '../engine';
import { InputError } from '../model/amount';
import { el, setText } from './dom';
import { UI_TEXT } from './ui-text';

export interface ToolbarActions {
  undo(): void;
  redo(): void;
  openAudit(): void;
}

export class Toolbar {
  readonly element: HTMLElement;
  /** Where other features put their buttons (导出, 导入, 保存状态…). */
  readonly slot: HTMLElement;
  private readonly dept: HTMLInputElement;
  private readonly year: HTMLInputElement;
  private readonly undoBtn: HTMLButtonElement;
  private readonly redoBtn: HTMLButtonElement;
  private readonly errorCount: HTMLElement;
  private readonly warningCount: HTMLElement;
  private readonly badge: HTMLButtonElement;

  constructor(private readonly session: WorkbookSession, actions: ToolbarActions) {
    this.dept = el('input', { class: 'meta-dept', 'aria-label': UI_TEXT.department, size: '24' });
    this.year = el('input', { class: 'meta-year', type: 'number', min: '2000', max: '2100', step: '1', 'aria-label': UI_TEXT.year });
    this.dept.addEventListener('change', () => {
      const name = this.dept.value.trim();
      // Every table prints 部门：…; an empty name would blank it, so it is refused.
      if (name && name !== this.session.doc.meta.department) this.commit({ department: name });
      else this.refresh();
    });
    this.year.addEventListener('change', () => {
      const y = Number(this.year.value);
      if (Number.isInteger(y) && y >= 2000 && y <= 2100 && y !== this.session.doc.meta.year) this.commit({ year: y });
      else this.refresh();
    });
    this.undoBtn = el('button', { type: 'button', class: 'btn btn-undo', title: UI_TEXT.undoTitle }, UI_TEXT.undo);
    this.redoBtn = el('button', { type: 'button', class: 'btn btn-redo', title: UI_TEXT.redoTitle }, UI_TEXT.redo);
    this.undoBtn.addEventListener('click', () => actions.undo());
    this.redoBtn.addEventListener('click', () => actions.redo());
    this.errorCount = el('span', { class: 'count count-error' });
    this.warningCount = el('span', { class: 'count count-warning' });
    this.badge = el(
      'button',
      { type: 'button', class: 'audit-badge', title: UI_TEXT.auditTitle },
      el('span', { class: 'badge badge-error' }, UI_TEXT.errors, ' ', this.errorCount),
      el('span', { class: 'badge badge-warning' }, UI_TEXT.warnings, ' ', this.warningCount),
    );
    this.badge.addEventListener('click', () => actions.openAudit());
    this.slot = el('div', { class: 'toolbar-slot' });
    this.element = el(
      'header',
      { class: 'toolbar' },
      el('h1', { class: 'app-title' }, UI_TEXT.appTitle),
      el('label', { class: 'field' }, el('span', {}, UI_TEXT.department), this.dept),
      el('label', { class: 'field' }, el('span', {}, UI_TEXT.year), this.year),
      el('div', { class: 'toolbar-group' }, this.undoBtn, this.redoBtn),
      this.badge,
      this.slot,
    );
    this.refresh();
  }

  private commit(meta: { department?: string; year?: number }): void {
    try {
      this.session.setMeta(meta);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      // Refused (a read-only tab): show the stored values again, even in the focused field.
      this.dept.value = this.session.doc.meta.department;
      this.year.value = String(this.session.doc.meta.year);
      this.dept.title = err.message;
      this.refresh();
    }
  }

  /** Re-reads 部门/年度 and the undo state from the session. */
  refresh(): void {
    const { department, year } = this.session.doc.meta;
    // Runs after every edit: write only what changed (each write is layout work before the paint).
    if (document.activeElement !== this.dept && this.dept.value !== department) this.dept.value = department;
    if (document.activeElement !== this.year && this.year.value !== String(year)) this.year.value = String(year);
    this.undoBtn.disabled = !this.session.canUndo();
    this.redoBtn.disabled = !this.session.canRedo();
  }

  setFindings(findings: readonly Finding[]): void {
    const errors = findings.filter((f) => f.severity === 'error').length;
    setText(this.errorCount, String(errors));
    setText(this.warningCount, String(findings.length - errors));
    this.badge.classList.toggle('has-errors', errors > 0);
    this.badge.classList.toggle('has-warnings', findings.length - errors > 0);
  }
}
