// Thin UI over src/app/paste-codes: a pasted block of classification rows goes to the use-case,
// and the 科目命名 dialog names any code of the selected row. Text via textContent only.
import { applyCodePaste, pasteReportLines, planCodePaste, type OwnCodeNames } from '../app/paste-codes';
import type { WorkbookSession } from '../app/session';
import { InputError } from '../model/amount';
import { button, openDialog } from './dialog-kit';
import { el } from './dom';

/**
 * Handles a pasted block when it holds codes; null lets the grid paste it cell by cell. `own`: the
 * user's code lists of the workbook's year (导入科目表), which name the codes the block leaves unnamed.
 */
export function pasteCodeBlock(session: WorkbookSession, sheet: string, block: unknown[][], status: (t: string) => void, own?: OwnCodeNames): { title: string; lines: string[] } | null {
  const plan = planCodePaste(session.engine, sheet, block, own);
  if (!plan) return null;
  try {
    const report = pasteReportLines(applyCodePaste(session, plan));
    status(report.title);
    return report;
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    return { title: '粘贴未完成，表格没有改变', lines: [err.message] };
  }
}

/** 科目命名: the code's current name, a field for the new one; blank = the catalogue's name again. */
export function openNameCodeDialog(session: WorkbookSession, code: string, kind: 'function' | 'economic', done: (name: string) => void): HTMLDialogElement {
  const d = openDialog(`科目命名：${code}`, 'name-code-dialog');
  const book = session.engine.codes;
  const current = kind === 'function' ? book.nameOf(code) : book.economicNameOf(code);
  const input = el('input', { class: 'code-name-input', maxlength: '60', 'aria-label': '科目名称', value: current ?? '' });
  d.body.append(
    el('p', {}, current ? `现在的名称：${current}` : '该科目还没有名称（审核中列为错误）。'),
    el('label', { class: 'field' }, el('span', {}, '科目名称'), input),
    el('p', { class: 'dialog-hint' }, '留空则恢复科目表（目录）中的名称。'),
  );
  const save = () => {
    try {
      session.setCodeName(code, input.value, kind);
      d.close();
      done(input.value.trim());
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      d.say(err.message);
    }
  };
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') save();
  });
  d.footer.append(button('取消', 'name-cancel', () => d.close()), button('确定', 'btn-primary name-ok', save));
  input.focus();
  input.select();
  return d.dialog;
}

/** 从XLSX导入本表: picks a foreign XLSX (or .xls), takes its sheet with the most code rows into this table (one undo step). */
export function importSheetFromXlsx(session: WorkbookSession, sheet: string, status: (t: string) => void, own?: OwnCodeNames): void {
  const input = el('input', { type: 'file', accept: '.xlsx,.xls', hidden: true, class: 'sheet-import-file' });
  document.body.append(input);
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.remove();
    if (!file) return;
    void (async () => {
      const d = openDialog(`从XLSX导入本表：${file.name}`, 'sheet-import-dialog');
      d.footer.append(button('关闭', 'sheet-import-close', () => d.close()));
      try {
        const [{ readSheets }, { planSheetImport }] = await Promise.all([import('../io/xlsx-sheets'), import('../app/paste-codes')]);
        const plan = planSheetImport(session.engine, sheet, await readSheets(await file.arrayBuffer()), own);
        if (!plan) {
          d.say('文件中没有找到科目编码行（需要“编码”“名称”和金额列）');
          return;
        }
        const report = pasteReportLines(applyCodePaste(session, plan, `导入XLSX表格 ${file.name}`));
        d.body.append(el('p', {}, `工作表「${plan.sheetName}」`), el('ul', { class: 'sheet-import-report' }, ...report.lines.map((l) => el('li', {}, l))));
        d.say(report.title, 'ok');
        status(report.title);
      } catch (err) {
        if (err instanceof Error && (err.name === 'SheetReadError' || err instanceof InputError)) d.say(err.message);
        else throw err;
      }
    })();
  });
  input.click();
}
