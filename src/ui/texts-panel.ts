// The user's own words for the 情况说明 (template TEXTS), grouped by the section that uses them,
// shown beside the 补充资料 grid. Saved through session.setText.
import { InputError } from '../model/amount';
import type { WorkbookSession } from '../app/session';
import { unitsFromText, unitsToText } from '../app/units-text';
import { el } from './dom';
import { UI_TEXT } from './ui-text';

const SAVE_DELAY_MS = 400;

export class TextsPanel {
  readonly element: HTMLElement;
  private readonly boxes = new Map<string, HTMLTextAreaElement>();
  private readonly unitsBox: HTMLTextAreaElement;
  private readonly tolerance: { rounding: HTMLInputElement; error: HTMLInputElement };

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
    // 部门决算单位构成: workbook data (printed as a table in 第一部分), edited as lines.
    this.unitsBox = el('textarea', { class: 'text-field units-field', rows: '4', 'aria-label': UI_TEXT.unitsTitle });
    let unitsTimer: ReturnType<typeof setTimeout> | undefined;
    const saveUnits = () => {
      clearTimeout(unitsTimer);
      const units = unitsFromText(this.unitsBox.value);
      if (unitsToText(units) === unitsToText(session.engine.document().units)) return;
      try {
        session.setUnits(units);
        this.unitsBox.title = '';
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        this.unitsBox.value = unitsToText(session.engine.document().units);
        this.unitsBox.title = err.message;
      }
    };
    this.unitsBox.addEventListener('input', () => {
      clearTimeout(unitsTimer);
      unitsTimer = setTimeout(saveUnits, SAVE_DELAY_MS);
    });
    this.unitsBox.addEventListener('change', saveUnits);
    this.element.append(
      el('fieldset', { class: 'texts-group' }, el('legend', {}, UI_TEXT.unitsTitle), el('label', { class: 'text-label' }, el('span', {}, UI_TEXT.unitsLabel), this.unitsBox)),
    );

    // 审核 tolerance: two amounts, applied together when either changes.
    const amountBox = (label: string, cls: string) => el('input', { class: `tolerance-field ${cls}`, inputmode: 'decimal', 'aria-label': label });
    this.tolerance = { rounding: amountBox(UI_TEXT.toleranceRounding, 'tolerance-rounding'), error: amountBox(UI_TEXT.toleranceError, 'tolerance-error') };
    const saveTolerance = () => {
      const now = session.engine.document().auditTolerance;
      const { rounding, error } = this.tolerance;
      if (rounding.value === now.rounding && error.value === now.error) return;
      try {
        session.setAuditTolerance(rounding.value, error.value);
        rounding.title = error.title = '';
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        rounding.title = error.title = err.message;
      }
      this.refresh();
    };
    this.tolerance.rounding.addEventListener('change', saveTolerance);
    this.tolerance.error.addEventListener('change', saveTolerance);
    this.element.append(
      el(
        'fieldset',
        { class: 'texts-group' },
        el('legend', {}, UI_TEXT.toleranceTitle),
        el('label', { class: 'text-label' }, el('span', {}, UI_TEXT.toleranceRounding), this.tolerance.rounding),
        el('label', { class: 'text-label' }, el('span', {}, UI_TEXT.toleranceError), this.tolerance.error),
      ),
    );
    this.refresh();
  }

  /** Re-reads every text (after undo of a document change, import, scenario switch). */
  refresh(): void {
    for (const [id, box] of this.boxes) {
      if (document.activeElement !== box) box.value = this.session.engine.text(id);
    }
    const doc = this.session.engine.document();
    if (document.activeElement !== this.unitsBox) this.unitsBox.value = unitsToText(doc.units);
    this.tolerance.rounding.value = doc.auditTolerance.rounding;
    this.tolerance.error.value = doc.auditTolerance.error;
  }
}
