// The user's own words for the 情况说明 (template TEXTS), grouped by the section that uses them,
// shown beside the 补充资料 grid. Saved through session.setText.
import { InputError } from '../model/amount';
import type { WorkbookSession } from '../app/session';
import { el } from './dom';
import { UI_TEXT } from './ui-text';

const SAVE_DELAY_MS = 400;

export class TextsPanel {
  readonly element: HTMLElement;
  private readonly boxes = new Map<string, HTMLTextAreaElement>();

  constructor(private readonly session: WorkbookSession) {
    this.element = el('section', { class: 'texts-panel', 'aria-label': UI_TEXT.textsTitle }, el('h2', {}, UI_TEXT.textsTitle), el('p', { class: 'hint' }, UI_TEXT.textsHint));
    const sections = new Map<string, HTMLElement>();
    for (const field of session.engine.template.texts) {
      let group = sections.get(field.section);
      if (!group) {
        group = el('fieldset', { class: 'texts-group' }, el('legend', {}, field.section));
        sections.set(field.section, group);
        this.element.append(group);
      }
      const box = el('textarea', { class: 'text-field', rows: field.multiline ? '4' : '2', 'data-text-id': field.id, 'aria-label': field.label });
      let timer: ReturnType<typeof setTimeout> | undefined;
      const save = () => {
        clearTimeout(timer);
        if (box.value === session.engine.text(field.id)) return;
        try {
          session.setText(field.id, box.value);
          box.title = '';
        } catch (err) {
          if (!(err instanceof InputError)) throw err;
          // Refused (a read-only tab): the stored text stays, the reason is shown on the box.
          box.value = session.engine.text(field.id);
          box.title = err.message;
        }
      };
      box.addEventListener('input', () => {
        clearTimeout(timer);
        timer = setTimeout(save, SAVE_DELAY_MS);
      });
      box.addEventListener('change', save);
      this.boxes.set(field.id, box);
      group.append(el('label', { class: 'text-label' }, el('span', {}, field.label), box));
    }
    this.refresh();
  }

  /** Re-reads every text (after undo of a document change, import, scenario switch). */
  refresh(): void {
    for (const [id, box] of this.boxes) {
      if (document.activeElement !== box) box.value = this.session.engine.text(id);
    }
  }
}
