// 历史版本: the automatic snapshots of the workbook on screen (before an import, before adopting
// a scenario, before a restore, at intervals while editing), each viewable as a comparison with
// the current content and restorable (the current content is kept first; the restore is undoable).
import type { StorageController } from '../app/storage-controller';
import { renderComparison } from './compare-view';
import { button, confirmAction, formatTime, KIT_TEXT, openDialog } from './dialog-kit';
import { el } from './dom';

export const HISTORY_TEXT = {
  title: '历史版本',
  intro: '程序会在导入前、采用情景前、恢复旧版本前，以及编辑过程中每隔一段时间自动保留一个版本。',
  none: '还没有历史版本。编辑一段时间后会自动保留。',
  time: '时间',
  what: '说明',
  view: '查看',
  restore: '恢复',
  keep: '保留当前版本',
  kept: '已保留当前版本。',
  keepLabel: '手动保留的版本',
  snapshot: '该版本',
  current: '当前内容',
  viewing: (label: string, time: string) => `${time}「${label}」与当前内容的差异：`,
  restoreTitle: '恢复历史版本',
  restoreConfirm: (label: string, time: string) => `恢复到 ${time} 的版本「${label}」？当前内容会先保留为一个历史版本；恢复后也可以撤销（Ctrl+Z）。`,
  restored: (time: string) => `已恢复 ${time} 的历史版本（可撤销）`,
  failed: (why: string) => `操作未完成：${why}`,
} as const;

export function openHistoryDialog(controller: StorageController, status: (text: string) => void): void {
  const d = openDialog(HISTORY_TEXT.title, 'history-dialog wide-dialog');
  const list = el('div', { class: 'history-list' });
  const preview = el('div', { class: 'history-preview' });
  const fail = (e: unknown) => d.say(HISTORY_TEXT.failed(e instanceof Error ? e.message : String(e)));
  d.body.append(el('p', { class: 'dialog-hint' }, HISTORY_TEXT.intro), list, preview);

  const load = async () => {
    const snaps = await controller.history();
    if (!snaps.length) return list.replaceChildren(el('p', { class: 'cmp-none' }, HISTORY_TEXT.none));
    const rows = snaps.map((s) => {
      const time = formatTime(s.createdAt);
      const view = button(HISTORY_TEXT.view, 'btn-view-snapshot', () =>
        controller.previewSnapshot(s.id).then((c) => {
          preview.replaceChildren(el('p', { class: 'cmp-intro' }, HISTORY_TEXT.viewing(s.label, time)), renderComparison(c, { left: HISTORY_TEXT.snapshot, right: HISTORY_TEXT.current }));
        }, fail),
      );
      const restore = button(HISTORY_TEXT.restore, 'btn-restore-snapshot', async () => {
        if (!(await confirmAction(HISTORY_TEXT.restoreTitle, HISTORY_TEXT.restoreConfirm(s.label, time), HISTORY_TEXT.restore))) return;
        try {
          await controller.restoreSnapshot(s.id);
          status(HISTORY_TEXT.restored(time));
          d.close();
        } catch (e) {
          fail(e);
        }
      });
      restore.disabled = controller.opened?.readOnly != null;
      return el('tr', { 'data-snapshot': s.id, 'data-reason': s.reason }, el('td', { class: 'num' }, time), el('td', {}, s.label), el('td', { class: 'row-actions' }, view, restore));
    });
    list.replaceChildren(
      el('table', { class: 'compare-table history-table' }, el('thead', {}, el('tr', {}, el('th', {}, HISTORY_TEXT.time), el('th', {}, HISTORY_TEXT.what), el('th', {}))), el('tbody', {}, ...rows)),
    );
  };

  const keep = button(HISTORY_TEXT.keep, 'btn-keep-version', () =>
    controller.keepVersion(HISTORY_TEXT.keepLabel).then(() => {
      d.say(HISTORY_TEXT.kept, 'ok');
      return load();
    }, fail),
  );
  d.footer.append(keep, button(KIT_TEXT.close, 'btn-close', () => d.close()));
  load().catch(fail);
}
