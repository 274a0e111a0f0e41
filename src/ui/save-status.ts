// The toolbar's save state: 已保存 / 正在保存 / 保存失败：原因 / 只读：原因. The long reason is in
// the tooltip and in a banner (storage-ui.ts); here it is cut to the toolbar's width.
import { AUTOSAVE_TEXT, type SaveStatus } from '../app/autosave';
import { el } from './dom';

export class SaveStatusView {
  readonly element: HTMLElement = el('span', { class: 'save-status', role: 'status', 'aria-live': 'polite' });
  /** Appended to the tooltip (e.g. the browser refused persistent storage). */
  private note = '';
  private last: SaveStatus | null = null;

  /** Shows a status; `null` with a reason shows 保存失败 for work that is only in memory. */
  show(status: SaveStatus): void {
    this.last = status;
    this.element.textContent = status.text;
    this.element.className = `save-status save-${status.state}`;
    this.element.dataset.state = status.state;
    this.element.title = [status.text, this.note].filter(Boolean).join('\n');
  }

  setNote(note: string): void {
    this.note = note;
    if (this.last) this.show(this.last);
  }
}

/** The status of a page whose work cannot be stored at all (memory mode). */
export function memoryStatus(reason: string): SaveStatus {
  return { state: 'failed', text: `${AUTOSAVE_TEXT.failed}：${reason}`, reason, revision: 0, offerExport: true };
}
