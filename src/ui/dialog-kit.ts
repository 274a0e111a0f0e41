// Small building blocks for the storage dialogs (工作簿, 历史版本, 备份): a modal <dialog> whose
// keys never reach the grid behind it, a confirmation, a one-line question, buttons, dates,
// downloads and file picking. Text goes in through textContent only.
import { el } from './dom';

export const KIT_TEXT = {
  close: '关闭',
  cancel: '取消',
  ok: '确定',
} as const;

export interface OpenedDialog {
  dialog: HTMLDialogElement;
  body: HTMLElement;
  footer: HTMLElement;
  /** One line for a failure or a result; empty text hides it. */
  say(text: string, kind?: 'error' | 'ok'): void;
  close(): void;
}

export function button(text: string, cls: string, onClick: () => void, title?: string): HTMLButtonElement {
  const b = el('button', { type: 'button', class: `btn ${cls}`, title }, text);
  b.addEventListener('click', onClick);
  return b;
}

/** A modal dialog, removed from the page when closed. */
export function openDialog(title: string, cls: string): OpenedDialog {
  const body = el('div', { class: 'dialog-body' });
  const message = el('p', { class: 'dialog-message', role: 'status' });
  message.hidden = true;
  const footer = el('div', { class: 'dialog-footer' });
  const dialog = el('dialog', { class: `app-dialog ${cls}` }, el('h2', {}, title), body, message, footer);
  // The grid listens on the document: its shortcuts must not fire while typing here.
  dialog.addEventListener('keydown', (e) => e.stopPropagation());
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  return {
    dialog,
    body,
    footer,
    say(text, kind = 'error') {
      message.textContent = text;
      message.className = `dialog-message dialog-${kind}`;
      message.hidden = !text;
    },
    close: () => dialog.close(),
  };
}

/** Asks before something consequential; resolves true when confirmed. */
export function confirmAction(title: string, message: string, okLabel: string, danger = false): Promise<boolean> {
  const d = openDialog(title, 'confirm-action');
  d.body.append(el('p', { class: 'confirm-message' }, message));
  let ok = false;
  const yes = button(okLabel, danger ? 'btn-danger confirm-ok' : 'btn-primary confirm-ok', () => {
    ok = true;
    d.close();
  });
  d.footer.append(button(KIT_TEXT.cancel, 'confirm-cancel', () => d.close()), yes);
  yes.focus();
  return new Promise((resolve) => d.dialog.addEventListener('close', () => resolve(ok)));
}

/** Asks for one line of text; resolves null when cancelled. */
export function askText(title: string, label: string, value: string, okLabel: string = KIT_TEXT.ok): Promise<string | null> {
  const d = openDialog(title, 'ask-text');
  const input = el('input', { type: 'text', class: 'ask-input', maxlength: '100', 'aria-label': label });
  input.value = value;
  d.body.append(el('label', { class: 'field-stack' }, el('span', {}, label), input));
  let result: string | null = null;
  const submit = () => {
    if (!input.value.trim()) return input.focus();
    result = input.value.trim();
    d.close();
  };
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') submit();
  });
  d.footer.append(button(KIT_TEXT.cancel, 'ask-cancel', () => d.close()), button(okLabel, 'btn-primary ask-ok', submit));
  input.select();
  return new Promise((resolve) => d.dialog.addEventListener('close', () => resolve(result)));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 2026-11-26 14:03, local time. */
export function formatTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Hands text to the browser as a file download (a blob: URL; nothing leaves the machine). */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = el('a', { href: url, download: fileName, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  // Kept a while: the download may start after this returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A hidden file input; `pick()` opens the chooser and hands over the chosen file, unread. */
export function fileChooser(accept: string, cls: string, onFile: (file: File) => void): { input: HTMLInputElement; pick(): void } {
  const input = el('input', { type: 'file', accept, class: cls, hidden: true });
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = '';
    if (file) onFile(file);
  });
  return { input, pick: () => input.click() };
}

/** A hidden file input; `pick()` opens the chooser and resolves with the chosen file's text. */
export function filePicker(
  accept: string,
  cls: string,
  onText: (text: string, name: string) => void,
  onError: (e: unknown) => void,
  /** Throws to refuse a file before it is read (size). */
  check?: (file: File) => void,
): { input: HTMLInputElement; pick(): void } {
  const input = el('input', { type: 'file', accept, class: cls, hidden: true });
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      check?.(file);
    } catch (e) {
      onError(e);
      return;
    }
    file.text().then((text) => onText(text, file.name), onError);
  });
  return { input, pick: () => input.click() };
}
