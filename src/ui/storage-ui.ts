// Storage in the page: the banner area above the app, the toolbar's 工作簿 / 情景 / 历史版本 /
// 备份 buttons and save status, the 情景对比 tab when a scenario is open, the read-only state of
// a second tab, and flushing pending writes when the page is hidden or closed. The workbook on
// screen is chosen by #wb=<id>; showing another one reloads the page.
import { flushOnPageHide, type SaveStatus } from '../app/autosave';
import type { StorageController } from '../app/storage-controller';
import type { AppHandle, TabSpec } from './app-shell';
import { BannerArea } from './banner';
import { compareTab, COMPARE_TAB } from './compare-view';
import { button, downloadText } from './dialog-kit';
import { el } from './dom';
import { memoryStatus, SaveStatusView } from './save-status';
import { confirmAdopt, confirmDiscard, ScenarioBar } from './scenario-bar';
import './storage.css';

export const STORAGE_UI_TEXT = {
  workbooks: '工作簿',
  workbooksTitle: '工作簿管理：新建、打开、重命名、复制、删除、回收站',
  history: '历史版本',
  historyTitle: '查看和恢复自动保留的历史版本',
  backup: '备份',
  backupTitle: '导出或导入 JSON 备份文件（可在另一台电脑上导入）',
  exportJson: '导出 JSON 备份',
  exportRaw: '导出原始数据',
  openWorkbooks: '打开其他工作簿',
  upgraded: '本工作簿由旧版本程序保存，已自动升级到新的数据格式。升级前的原始内容保留在“历史版本”中。',
  restoreNotes: (notes: string[]) => `读取工作簿时作了以下处理：${notes.join('；')}`,
  reloaded: '已载入另一个标签页保存的内容',
  stale: '另一个标签页保存了此工作簿的新内容，本页尚未保存的修改不会覆盖它。',
  deletedElsewhere: '此工作簿已被删除（可能是在另一个标签页中）。本页的修改仍会保存，也可以恢复它。',
  undelete: '恢复此工作簿',
  scenario: (name: string, base: string) => `正在编辑情景「${name}」（基于「${base}」）。这里的修改只保存在情景中，不影响基础数据。`,
  compare: '情景对比',
  adopt: '采用为基础数据',
  discard: '放弃情景',
  backToBase: '返回基础数据',
  title: (name: string) => `${name} - 决算公开工作簿`,
  failed: '操作未完成：',
} as const;

const WB_HASH = /^#wb=(.+)$/;

/** The workbook id in #wb=<id>, or null. */
export function workbookIdFromHash(hash: string = location.hash): string | null {
  const m = WB_HASH.exec(hash);
  return m ? decodeURIComponent(m[1]!) : null;
}

/** Shows workbook `id` in this tab (an empty id: whatever the app opens on start). */
export function showWorkbook(id: string): void {
  navigating = true;
  history.replaceState(null, '', id ? `#wb=${encodeURIComponent(id)}` : location.pathname + location.search);
  location.reload();
}
let navigating = false;

export interface StorageUi {
  /** Toolbar buttons and the save status, for mountApp's toolbarItems. */
  toolbarItems: HTMLElement[];
  /** 情景对比 when a scenario is open. */
  tabs: TabSpec[];
  /** Puts the banner area above `root` (mount the app into `root` afterwards). */
  frame(root: HTMLElement): HTMLElement;
  attach(app: AppHandle): void;
}

export function storageUi(controller: StorageController): StorageUi {
  const banners = new BannerArea();
  const saveStatus = new SaveStatusView();
  const frameEl = el('div', { class: 'page-frame' });
  let app: AppHandle | null = null;
  const say = (text: string) => app?.status(text);
  /** Runs a toolbar/banner action; a refusal or failure becomes a dismissible banner. */
  const attempt = (fn: () => Promise<unknown>) => {
    fn().catch((e: unknown) =>
      banners.show({ id: 'action', kind: 'error', message: `${STORAGE_UI_TEXT.failed}${e instanceof Error ? e.message : String(e)}`, dismissible: true }),
    );
  };
  // Dialogs are fetched when first opened: none is needed to show the workbook.
  const exportNow = () => attempt(async () => (await import('./backup-actions')).exportCurrentBackup(controller));
  const openWorkbooks = () => attempt(async () => (await import('./workbook-dialog')).openWorkbookDialog(controller));

  const workbooksBtn = button(STORAGE_UI_TEXT.workbooks, 'btn-workbooks', openWorkbooks, STORAGE_UI_TEXT.workbooksTitle);
  const historyBtn = button(STORAGE_UI_TEXT.history, 'btn-history', () => attempt(async () => (await import('./history-dialog')).openHistoryDialog(controller, say)), STORAGE_UI_TEXT.historyTitle);
  const backupBtn = button(STORAGE_UI_TEXT.backup, 'btn-backup', () => attempt(async () => (await import('./backup-actions')).openBackupDialog(controller)), STORAGE_UI_TEXT.backupTitle);
  const items: HTMLElement[] = [];
  const group = el('div', { class: 'storage-tools' });
  if (controller.stored) {
    const scenarios = new ScenarioBar(controller, attempt);
    group.append(workbooksBtn, scenarios.element, historyBtn);
  }
  group.append(backupBtn, saveStatus.element);
  items.push(group);

  // ---- save status and failures ------------------------------------------------------------
  const onStatus = (s: SaveStatus) => {
    saveStatus.show(s);
    if (s.state === 'failed') {
      banners.show({ id: 'save', kind: 'error', message: s.reason ?? s.text, actions: [{ label: STORAGE_UI_TEXT.exportJson, run: exportNow, cls: 'btn-export-json' }] });
    } else banners.hide('save');
    if (s.state === 'saved') banners.hide('recovery-failed');
    if (s.state === 'readonly') banners.show({ id: 'readonly', kind: 'warning', message: s.text });
    else banners.hide('readonly');
    frameEl.classList.toggle('is-readonly', s.state === 'readonly');
  };
  const opened = controller.opened;
  if (opened) {
    onStatus(opened.autosave.status);
    opened.autosave.onStatus(onStatus);
    // IndexedDB writes started while the page unloads may be lost: the journal keeps a copy.
    const flushAll = () => {
      opened.keepUnsaved();
      return opened.autosave.flush();
    };
    flushOnPageHide({ flush: flushAll }, window, document, () => document.visibilityState === 'hidden');
    if (opened.recovered) banners.show({ id: 'recovered', kind: 'info', message: opened.recovered, dismissible: true });
    const recoveryFailed = (message: string) =>
      banners.show({ id: 'recovery-failed', kind: 'error', message, actions: [{ label: STORAGE_UI_TEXT.exportJson, run: exportNow, cls: 'btn-export-json' }] });
    if (opened.recoveryError) recoveryFailed(opened.recoveryError);
    opened.on((e) => {
      if (e.type === 'reloaded') say(STORAGE_UI_TEXT.reloaded);
      else if (e.type === 'recoveryFailed') recoveryFailed(e.message);
      else if (e.type === 'writable' || e.type === 'recovered') banners.show({ id: e.type, kind: 'info', message: e.message, dismissible: true });
      else banners.show({ id: 'stale', kind: 'warning', message: STORAGE_UI_TEXT.stale, dismissible: true });
    });
  } else if (controller.storageError) {
    onStatus(memoryStatus(controller.storageError.message));
  }

  // Work that exists only in this page: the browser asks before the page is closed.
  let memoryEdited = false;
  controller.session.subscribe((e) => {
    if (e.type === 'change') memoryEdited = true;
  });
  window.addEventListener('beforeunload', (e) => {
    if (navigating) return;
    const unsaved = opened ? opened.mustWarnOnLeave() : memoryEdited;
    if (unsaved) e.preventDefault();
  });
  window.addEventListener('hashchange', () => {
    const id = workbookIdFromHash();
    if (!navigating && id && id !== opened?.id) attempt(() => controller.show(id));
  });

  // ---- start-up messages ---------------------------------------------------------------------
  for (const [n, p] of controller.problems.entries()) {
    const damaged = p.damagedId;
    banners.show({
      id: `problem-${n}`,
      kind: 'error',
      message: p.message,
      dismissible: true,
      actions: [
        ...(damaged ? [{ label: STORAGE_UI_TEXT.exportRaw, run: () => attempt(async () => { const out = await controller.exportDamaged(damaged); downloadText(out.fileName, out.text); }), cls: 'btn-export-raw' }] : []),
        ...(controller.stored ? [{ label: STORAGE_UI_TEXT.openWorkbooks, run: openWorkbooks }] : []),
      ],
    });
  }
  if (opened?.migrated.length) banners.show({ id: 'upgraded', kind: 'info', message: STORAGE_UI_TEXT.upgraded, dismissible: true });
  if (opened?.notes.length) banners.show({ id: 'notes', kind: 'info', message: STORAGE_UI_TEXT.restoreNotes(opened.notes), dismissible: true });
  // Banners that arrive after start-up shift the page; <html data-settled> says they have arrived.
  const settling: Promise<unknown>[] = [];
  if (controller.stored) {
    void settling.push(controller.persistence().then((p) => {
      if (p.state !== 'granted') saveStatus.setNote(p.message);
      if (p.tell) banners.show({ id: 'persist', kind: 'info', message: p.message, dismissible: true });
    }));
  }

  // ---- scenario on screen ----------------------------------------------------------------------
  const tabs: TabSpec[] = [];
  const info = controller.info;
  if (info?.kind === 'scenario') {
    tabs.push(compareTab(controller));
    void settling.push(controller.scenarioChoices().then(({ base }) =>
      banners.show({
        id: 'scenario',
        kind: 'scenario',
        message: STORAGE_UI_TEXT.scenario(info.name, base?.name ?? ''),
        actions: [
          { label: STORAGE_UI_TEXT.compare, run: () => app?.showTab(COMPARE_TAB), cls: 'btn-compare' },
          { label: STORAGE_UI_TEXT.adopt, run: () => attempt(() => confirmAdopt(controller, info.name, base?.name ?? '')), cls: 'btn-adopt' },
          { label: STORAGE_UI_TEXT.discard, run: () => attempt(() => confirmDiscard(controller, info.name)), cls: 'btn-discard' },
        ],
      }),
    ));
  }
  void Promise.allSettled(settling).then(() => (document.documentElement.dataset.settled = 'true'));
  const onLibrary = () => {
    if (controller.info) document.title = STORAGE_UI_TEXT.title(controller.info.name);
    const current = controller.info;
    if (current?.deletedAt !== undefined) {
      banners.show({
        id: 'deleted',
        kind: 'warning',
        message: STORAGE_UI_TEXT.deletedElsewhere,
        actions: [{ label: STORAGE_UI_TEXT.undelete, run: () => attempt(() => controller.restoreDeleted(current.id)), cls: 'btn-undelete' }],
      });
    }
    else banners.hide('deleted');
  };
  onLibrary();
  controller.onLibrary(onLibrary);

  return {
    toolbarItems: items,
    tabs,
    frame(root) {
      root.replaceWith(frameEl);
      frameEl.append(banners.element, root);
      return root;
    },
    attach(handle) {
      app = handle;
      if (opened) history.replaceState(null, '', `#wb=${encodeURIComponent(opened.id)}`);
    },
  };
}
