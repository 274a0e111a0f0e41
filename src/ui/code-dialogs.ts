// Dialogs for classification rows: add a 功能分类 项 (searchable catalogue or user-defined code),
// add a 06表 经济分类 款, and the confirmation before a removal. Native <dialog>; text via textContent.
import type { WorkbookSession } from '../app/session';
import { searchCodes, type CodeEntry } from '../app/code-search';
import { CATALOGUES } from '../app/templates';
import { InputError } from '../model/amount';
import { FUND_LABELS, FUNDS, type Fund } from '../model/ids';
import { el } from './dom';
import { UI_TEXT } from './ui-text';

const RESULT_LIMIT = 60;

function modal(title: string, className: string): { dialog: HTMLDialogElement; body: HTMLElement; footer: HTMLElement } {
  const body = el('div', { class: 'dialog-body' });
  const footer = el('div', { class: 'dialog-footer' });
  const dialog = el('dialog', { class: `app-dialog ${className}` }, el('h2', {}, title), body, footer);
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  return { dialog, body, footer };
}

function button(text: string, cls: string, onClick: () => void): HTMLButtonElement {
  const b = el('button', { type: 'button', class: cls }, text);
  b.addEventListener('click', onClick);
  return b;
}

/**
 * A searchable list of codes; choosing one calls `choose`, which may throw InputError. Codes in
 * `present` (already rows of the table) are left out of the unfiltered list but found by a search,
 * marked 已在表中: choosing one calls `show` (the row is selected) instead of adding it twice.
 */
function searchList(
  entries: readonly CodeEntry[],
  present: () => ReadonlySet<string>,
  path: (code: string) => string,
  choose: (code: string) => void,
  show: (code: string) => void,
  error: HTMLElement,
  placeholder: string = UI_TEXT.searchPlaceholder,
): { input: HTMLInputElement; list: HTMLElement; refresh(): void } {
  const input = el('input', { type: 'search', class: 'code-search', placeholder, 'aria-label': placeholder });
  const list = el('ul', { class: 'code-results', role: 'listbox' });
  const refresh = () => {
    const inTable = present();
    const opts = { limit: RESULT_LIMIT, context: (e: CodeEntry) => path(e.code) };
    const found = searchCodes(entries, input.value, input.value.trim() === '' ? { ...opts, exclude: inTable } : opts);
    list.replaceChildren(
      ...found.map((e) => {
        const here = inTable.has(e.code);
        const item = el(
          'button',
          { type: 'button', class: here ? 'code-result code-present' : 'code-result', 'data-code': e.code },
          el('span', { class: 'code-result-code' }, e.code),
          el('span', { class: 'code-result-name' }, e.name),
          el('span', { class: 'code-result-path' }, here ? UI_TEXT.alreadyInTable : path(e.code)),
        );
        item.addEventListener('click', () => attempt(() => (here ? show(e.code) : choose(e.code)), error));
        return el('li', {}, item);
      }),
    );
    if (!found.length) list.append(el('li', { class: 'code-none' }, UI_TEXT.noMatch));
  };
  input.addEventListener('input', refresh);
  input.addEventListener('keydown', (ev) => {
    // Escape closes the dialog even while the search field holds text (Chromium would only clear it).
    if (ev.key === 'Escape') {
      ev.preventDefault();
      input.closest('dialog')?.close();
      return;
    }
    if (ev.key !== 'Enter') return;
    ev.preventDefault();
    const first = list.querySelector<HTMLButtonElement>('.code-result');
    first?.click();
  });
  refresh();
  return { input, list, refresh };
}

function attempt(fn: () => void, error: HTMLElement): void {
  try {
    error.textContent = '';
    fn();
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    error.textContent = err.message;
  }
}

/** Add a 项 code for a fund. `onAdded` runs after the session accepted it; `onFound` for a code already in the table. */
export function openAddCodeDialog(
  session: WorkbookSession,
  defaultFund: Fund,
  funds: readonly Fund[],
  onAdded: (fund: Fund, code: string) => void,
  onFound: (code: string) => void,
  userCodes: Readonly<Record<string, string>> = {},
): HTMLDialogElement {
  const { dialog, body, footer } = modal(UI_TEXT.codeDialogTitle, 'code-dialog');
  const error = el('p', { class: 'dialog-error', role: 'alert' });
  const fundSelect = el('select', { class: 'code-fund', 'aria-label': UI_TEXT.fund });
  for (const f of FUNDS.filter((x) => funds.includes(x))) {
    fundSelect.append(el('option', { value: f, selected: f === defaultFund }, FUND_LABELS[f]));
  }
  const fund = () => fundSelect.value as Fund;
  // The catalogue of the workbook's year (names as printed that year, codes new that year).
  const year = session.doc.meta.year;
  const known = CATALOGUES.functionCatalog.codes(year);
  // The user's own list (导入科目表) of the year is searched too; its names win, as they do in the tables.
  const names = new Map([...known.map((c): [string, string] => [c.code, c.name]), ...Object.entries(userCodes)]);
  const items = [...names].filter(([code]) => code.length === 7).map(([code, name]) => ({ code, name }));
  const builtIn = new Set(known.map((c) => c.code));
  const add = (code: string, name?: string) => {
    // A code only the user's list knows is added with its name from that list, and so are its
    // 类/款 when only that list names them (one undo step).
    const own = (c: string) => (builtIn.has(c) || session.engine.codes.name(c) !== '' || !names.has(c) ? [] : [{ code: c, name: names.get(c)! }]);
    const parents = [code.slice(0, 3), code.slice(0, 5)].flatMap(own);
    if (name === undefined && (parents.length || !builtIn.has(code))) {
      session.addCodes([{ fund: fund(), code, ...(names.has(code) ? { name: names.get(code)! } : {}) }, ...parents], `添加科目 ${code}`);
    } else session.addCode(fund(), code, name);
    dialog.close();
    onAdded(fund(), code);
  };
  const search = searchList(
    items,
    () => new Set(session.doc.codes[fund()]),
    (code) => [code.slice(0, 3), code.slice(0, 5)].map((c) => names.get(c) ?? session.engine.codes.name(c)).join(' / '),
    (code) => add(code),
    (code) => (dialog.close(), onFound(code)),
    error,
  );
  fundSelect.addEventListener('change', search.refresh);

  const customCode = el('input', { class: 'custom-code', inputmode: 'numeric', maxlength: '7', placeholder: UI_TEXT.customCodeLabel, 'aria-label': UI_TEXT.customCodeLabel });
  const customName = el('input', { class: 'custom-name', placeholder: UI_TEXT.customNameLabel, 'aria-label': UI_TEXT.customNameLabel });
  const customAdd = button(UI_TEXT.add, 'btn custom-add', () => attempt(() => add(customCode.value.trim(), customName.value), error));

  body.append(
    el('label', { class: 'field' }, el('span', {}, UI_TEXT.fund), fundSelect),
    search.input,
    search.list,
    el('fieldset', { class: 'custom-code-box' }, el('legend', {}, UI_TEXT.customCode), customCode, customName, customAdd),
    error,
  );
  footer.append(button(UI_TEXT.cancel, 'btn', () => dialog.close()));
  dialog.showModal();
  search.input.focus();
  return dialog;
}

/** Add an economic 款 code to table 06 (only classes the template prints); `onFound` for one already in it. */
export function openAddEconomicDialog(
  session: WorkbookSession,
  classes: readonly string[],
  onAdded: (code: string) => void,
  onFound: (code: string) => void,
  userCodes: Readonly<Record<string, string>> = {},
): HTMLDialogElement {
  const { dialog, body, footer } = modal(UI_TEXT.economicDialogTitle, 'code-dialog');
  const error = el('p', { class: 'dialog-error', role: 'alert' });
  const def = session.engine.template.tables.find((t) => t.kind === 'economic');
  const fixed = new Set(def && def.kind === 'economic' ? def.codes : []);
  const names = new Map([...CATALOGUES.economicCodes.map((c): [string, string] => [c.code, c.name]), ...Object.entries(userCodes)]);
  const entries = [...names].filter(([code]) => code.length === 5 && classes.includes(code.slice(0, 3))).map(([code, name]) => ({ code, name }));
  const search = searchList(
    entries,
    () => new Set([...fixed, ...session.doc.economicCodes]),
    (code) => names.get(code.slice(0, 3)) ?? '',
    (code) => {
      // A code only the user's list knows is added with its name from that list.
      if (CATALOGUES.economicCodes.some((c) => c.code === code)) session.addEconomicCode(code);
      else session.addCodes([{ kind: 'economic', code, name: names.get(code) ?? '' }], `添加经济分类科目 ${code}`);
      dialog.close();
      onAdded(code);
    },
    (code) => (dialog.close(), onFound(code)),
    error,
    UI_TEXT.economicSearchPlaceholder,
  );
  body.append(search.input, search.list, error);
  footer.append(button(UI_TEXT.cancel, 'btn', () => dialog.close()));
  dialog.showModal();
  search.input.focus();
  return dialog;
}

/**
 * Asks before a removal. With several `choices` (a code used by several funds) the user picks
 * one. `onConfirm` runs inside the click, before the dialog closes, so the removal is done when
 * the dialog is gone; an InputError it throws is shown in the dialog.
 */
export function confirmDialog(
  message: string,
  choices: { value: string; label: string }[],
  onConfirm: (choice: string) => void,
): HTMLDialogElement {
  const { dialog, body, footer } = modal(UI_TEXT.removeCode, 'confirm-dialog');
  const error = el('p', { class: 'dialog-error', role: 'alert' });
  body.append(el('p', { class: 'confirm-message' }, message));
  const select = el('select', { class: 'confirm-choice', 'aria-label': UI_TEXT.fund });
  for (const c of choices) select.append(el('option', { value: c.value }, c.label));
  if (choices.length > 1) body.append(el('label', { class: 'field' }, el('span', {}, UI_TEXT.fund), select));
  body.append(error);
  const ok = button(UI_TEXT.remove, 'btn btn-danger confirm-ok', () =>
    attempt(() => {
      onConfirm(choices.length ? select.value : '');
      dialog.close();
    }, error),
  );
  footer.append(button(UI_TEXT.cancel, 'btn confirm-cancel', () => dialog.close()), ok);
  dialog.showModal();
  ok.focus();
  return dialog;
}
