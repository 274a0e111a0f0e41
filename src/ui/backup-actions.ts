// JSON backup in the page: export the workbook on screen or every workbook to a file, and import
// a backup file (from another computer) as new workbooks. A bad file changes nothing and the
// dialog says why.
import { runImport } from '../app/import-runner';
import type { StorageController } from '../app/storage-controller';
import { button, downloadText, fileChooser, KIT_TEXT, openDialog } from './dialog-kit';
import { el } from './dom';

export const BACKUP_UI_TEXT = {
  title: 'JSON 备份',
  intro: '备份文件保存工作簿的全部填报内容，可在另一台电脑上导入。建议定期导出并妥善保存。',
  exportCurrent: '导出当前工作簿',
  exportAll: '导出全部工作簿',
  import: '导入备份文件…',
  importHint: '导入的工作簿作为新工作簿加入，不会覆盖已有的工作簿。',
  exported: (name: string) => `已导出 ${name}`,
  skipped: (names: string[]) => `以下工作簿无法读取，未包含在备份中：${names.join('、')}`,
  imported: (names: string[]) => `已导入 ${names.length} 个工作簿：${names.join('、')}`,
  importedMemory: '已导入备份中的第一个工作簿（浏览器本地存储不可用，内容只在本页中）。',
  notes: (notes: string[]) => `导入时的说明：${notes.join('；')}`,
  open: (name: string) => `打开「${name}」`,
  readFailed: (why: string) => `无法读取文件：${why}`,
  reading: '正在读取文件…',
} as const;

/** Downloads the workbook on screen as a backup (from memory, so it works when storage failed). */
export function exportCurrentBackup(controller: StorageController): string {
  const out = controller.exportCurrent();
  downloadText(out.fileName, out.text);
  return out.fileName;
}

export function openBackupDialog(controller: StorageController): void {
  const d = openDialog(BACKUP_UI_TEXT.title, 'backup-dialog');
  const result = el('div', { class: 'backup-result' });
  const fail = (e: unknown) => d.say(e instanceof Error ? e.message : String(e));
  // Read and checked in the import worker: a big file never freezes the page.
  const picker = fileChooser('.json,application/json', 'backup-file', (file) => {
    d.say('');
    result.replaceChildren();
    // While the worker reads, the button says so (the message line keeps the previous result).
    importBtn.disabled = true;
    importBtn.textContent = BACKUP_UI_TEXT.reading;
    void runImport({ kind: 'backup', file }).then((out) => {
      importBtn.disabled = false;
      importBtn.textContent = BACKUP_UI_TEXT.import;
      if (!out.ok) return d.say(out.refused ? out.message : BACKUP_UI_TEXT.readFailed(out.message));
      if (out.kind !== 'backup') return;
      controller.importBackupEntries(out.entries).then(({ imported, notes }) => {
        if (!controller.stored) return d.say(BACKUP_UI_TEXT.importedMemory, 'ok');
        d.say(BACKUP_UI_TEXT.imported(imported.map((i) => i.name)), 'ok');
        if (notes.length) result.append(el('p', { class: 'dialog-hint' }, BACKUP_UI_TEXT.notes(notes)));
        const first = imported.find((i) => i.kind === 'base');
        if (first) result.append(button(BACKUP_UI_TEXT.open(first.name), 'btn-open-imported', () => void controller.show(first.id).catch(fail)));
      }, fail);
    });
  });
  const importBtn = button(BACKUP_UI_TEXT.import, 'btn-import-backup', () => picker.pick());
  const exportAll = button(BACKUP_UI_TEXT.exportAll, 'btn-export-all', () =>
    controller.exportAll().then((out) => {
      downloadText(out.fileName, out.text);
      d.say(BACKUP_UI_TEXT.exported(out.fileName), 'ok');
      if (out.skipped.length) result.replaceChildren(el('p', { class: 'dialog-error' }, BACKUP_UI_TEXT.skipped(out.skipped.map((s) => s.name))));
    }, fail),
  );
  exportAll.hidden = !controller.stored;
  d.body.append(
    el('p', { class: 'dialog-hint' }, BACKUP_UI_TEXT.intro),
    el(
      'div',
      { class: 'backup-buttons' },
      button(BACKUP_UI_TEXT.exportCurrent, 'btn-export-current', () => d.say(BACKUP_UI_TEXT.exported(exportCurrentBackup(controller)), 'ok')),
      exportAll,
      importBtn,
    ),
    el('p', { class: 'dialog-hint' }, BACKUP_UI_TEXT.importHint),
    picker.input,
    result,
  );
  d.footer.append(button(KIT_TEXT.close, 'btn-close', () => d.close()));
}
