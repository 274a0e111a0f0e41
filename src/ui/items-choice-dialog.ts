// 选择“主要包括”的项目: the user picks which 06表 lines a 情况说明 list names (kept as a document
// text, comma-separated codes); 恢复默认 goes back to the template's default (the largest lines).
import type { WorkbookSession } from '../app/session';
import { itemsSlotOf, listedItems } from '../engine/narrative';
import { formatStyled } from '../model/amount';
import { button, KIT_TEXT, openDialog } from './dialog-kit';
import { el } from './dom';

export const ITEMS_CHOICE_TEXT = {
  title: '选择“主要包括”列出的项目',
  button: '选择项目',
  buttonTitle: '选择这句话列出哪些支出项目',
  lead: (limit?: number) => `勾选要列出的项目（按科目编码顺序列出）。${limit ? `不选择时列出金额最大的${limit}项。` : '不选择时列出全部非零项目。'}`,
  reset: '恢复默认',
  none: '请至少勾选一项，或点“恢复默认”',
  empty: '没有金额不为零的项目可列出',
} as const;

/** Opens the chooser for the list stored under `textId`; the narrative re-renders on the session's change. */
export function openItemsChoice(session: WorkbookSession, textId: string): HTMLDialogElement | null {
  const slot = itemsSlotOf(session.engine, textId);
  if (!slot) return null;
  const d = openDialog(ITEMS_CHOICE_TEXT.title, 'items-choice');
  const options = listedItems(session.engine, slot);
  d.body.append(el('p', { class: 'items-choice-lead' }, ITEMS_CHOICE_TEXT.lead(slot.limit)));
  const boxes = options.map((o) => {
    const box = el('input', { type: 'checkbox', class: 'items-choice-box', value: o.code, checked: o.listed });
    d.body.append(
      el(
        'label',
        { class: 'items-choice-row', 'data-code': o.code },
        box,
        el('span', { class: 'items-choice-code' }, o.code),
        el('span', { class: 'items-choice-name' }, o.name),
        el('span', { class: 'items-choice-amount' }, formatStyled(o.amount, { decimals: 'fixed', grouping: true })),
      ),
    );
    return box;
  });
  if (!options.length) d.say(ITEMS_CHOICE_TEXT.empty, 'ok');
  const ok = button(KIT_TEXT.ok, 'btn-primary items-choice-ok', () => {
    const codes = boxes.filter((b) => b.checked).map((b) => b.value);
    if (!codes.length) return d.say(ITEMS_CHOICE_TEXT.none);
    session.setText(textId, codes.join(','));
    d.close();
  });
  const reset = button(ITEMS_CHOICE_TEXT.reset, 'items-choice-reset', () => {
    session.setText(textId, '');
    d.close();
  });
  d.footer.append(reset, button(KIT_TEXT.cancel, 'items-choice-cancel', () => d.close()), ok);
  return d.dialog;
}
