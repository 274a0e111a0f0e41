// Messages across the top of the page: storage failures, a damaged record, read-only because
// another tab edits, an upgraded document, the browser refusing persistent storage. Each has an
// id (showing it again replaces it) and may carry buttons (导出 JSON 备份…).
import { el } from './dom';

export type BannerKind = 'error' | 'warning' | 'info' | 'scenario';

export interface BannerSpec {
  id: string;
  kind: BannerKind;
  message: string;
  actions?: { label: string; run: () => void; cls?: string }[];
  /** Shows a 关闭 button. */
  dismissible?: boolean;
}

const CLOSE = '关闭';

export class BannerArea {
  readonly element: HTMLElement = el('div', { class: 'banner-area' });
  private readonly shown = new Map<string, HTMLElement>();

  show(spec: BannerSpec): void {
    const text = el('span', { class: 'banner-text' }, spec.message);
    const box = el('div', { class: `banner banner-${spec.kind}`, role: spec.kind === 'error' ? 'alert' : 'status', 'data-banner': spec.id }, text);
    const buttons = el('span', { class: 'banner-actions' });
    for (const a of spec.actions ?? []) {
      const b = el('button', { type: 'button', class: `btn banner-btn ${a.cls ?? ''}` }, a.label);
      b.addEventListener('click', a.run);
      buttons.append(b);
    }
    if (spec.dismissible) {
      const b = el('button', { type: 'button', class: 'btn banner-close', title: CLOSE }, CLOSE);
      b.addEventListener('click', () => this.hide(spec.id));
      buttons.append(b);
    }
    if (buttons.childElementCount) box.append(buttons);
    const old = this.shown.get(spec.id);
    if (old) old.replaceWith(box);
    else this.element.append(box);
    this.shown.set(spec.id, box);
  }

  hide(id: string): void {
    this.shown.get(id)?.remove();
    this.shown.delete(id);
  }
}
