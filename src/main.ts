// Composition root: the only file that wires every layer together.
// First, for its side effect: the database opens while the modules below evaluate.
import './storage/open-early';
// Then the example a first visit opens starts loading (both run before the modules below evaluate).
import './app/example-early';
import { StorageController } from './app/storage-controller';
import { restoreDocument } from './app/templates';
import { browserTabApis, TabCoordinator } from './app/tab-coordination';
import { IndexedDbCatalogueStore, IndexedDbStore, PendingJournal } from './storage';
import { codeListAction } from './ui/code-list-dialog';
import { showWorkbook, storageUi, workbookIdFromHash } from './ui/storage-ui';
import { mountApp } from './ui/app-shell';
import { afterThisFrame } from './ui/dom';
import { narrativeTab } from './ui/narrative-tab';
import { textReviewBadge, textReviewTab } from './ui/text-review-tab';
import { partTabs } from './ui/part-tab';
import { publicationActions } from './ui/publication-actions';
import { xlsxActions } from './ui/xlsx-actions';
import { startOffline } from './ui/offline';
import { printTables } from './ui/print-tables';
import { pdfReviewAction } from './ui/pdf-review-actions';
import { reviewTabs } from './ui/review-tab';

// Start-up phases for the bench's cold-open breakdown (bench/browser-bench.mjs reads app:* marks).
performance.mark('app:script');
// The workbook of this tab (#wb=<id>, else the last one; a first visit stores the example).
// Without IndexedDB the example runs in memory and the page says so.
const catalogues = new IndexedDbCatalogueStore();
const controller = await StorageController.start(
  { store: new IndexedDbStore({ restore: restoreDocument }), tabs: new TabCoordinator(browserTabApis()), journal: PendingJournal.browser(), navigate: showWorkbook, catalogues },
  workbookIdFromHash(),
);
performance.mark('app:opened');
// The page's "scripts did not run" notice (index.html): the app runs, so it goes, before the grid
// measures the page (its removal would resize the grid and render it again).
document.getElementById('boot-msg')?.remove();
const session = controller.session;
const storage = storageUi(controller);
// The 情况说明 renderer is fetched after the first table is on screen; its 审核 findings follow.
let narrative: typeof import('./engine/narrative') | undefined;
const app = mountApp(storage.frame(document.getElementById('app')!), session, {
  extraTabs: [narrativeTab(session), textReviewTab(session), ...partTabs(session), ...reviewTabs(session), ...storage.tabs],
  // A review workbook (审查 of a published PDF) is checked as printed: the 情况说明 this app would
  // write from it, and its missing inputs, are not the document under review.
  auditSources: [() => (session.doc.review ? [] : (narrative?.missingInputs(session.engine) ?? [])), () => (session.doc.review ? [] : (narrative?.partFindings(session.engine) ?? []))],
  userCodes: async (kind, year) => {
    const { catalogues: lists } = await catalogues.list();
    return Object.assign({}, ...lists.filter((c) => c.kind === kind && c.year === year).map((c) => c.names)) as Record<string, string>;
  },
  // Read once below; the store keeps what this tab imports (导入科目表, backups) current.
  ownCodes: (year) => ({ function: catalogues.names('function', year), economic: catalogues.names('economic', year) }),
  toolbarItems: [
    // First: right after the 审核 counts.
    textReviewBadge(session, () => app.showTab('text-review')),
    // Replace: 'before-import' snapshot, undoable replace, saved. New: stored and shown.
    xlsxActions({
      session: () => session,
      replaceCurrent: (doc, label) => controller.actions.replaceCurrentWorkbook(doc, label),
      openAsNew: (doc, name) => controller.actions.openAsNewWorkbook(doc, name),
      status: (text) => app.status(text),
    }),
    pdfReviewAction({ openAsNew: (doc, name) => controller.actions.openAsNewWorkbook(doc, name), status: (text) => app.status(text) }),
    codeListAction({ session: () => session, catalogues, status: (text) => app.status(text) }),
    publicationActions({ session: () => session, status: (text) => app.status(text) }),
    ...storage.toolbarItems,
    printTables({ session: () => session, currentTab: () => app.currentTab() }),
  ],
});
storage.attach(app);
performance.mark('app:mounted');
// Not before the first table's frame is out: it would compete with it for the network and the CPU.
// First, so that the fetch overlaps the engine's build below.
afterThisFrame(() => {
  void import('./engine/narrative').then((m) => {
    narrative = m;
    app.refreshAudit();
  });
  // The user's code lists, for pasted blocks (ownCodes above).
  void catalogues.list().catch(() => undefined);
});
// The first table was painted from the document's inputs by the engine's small evaluator: the
// formula engine is built once that frame is out. An edit typed before then builds it at once.
afterThisFrame(() => session.finishOpen());
// Hosted: an offline copy, registered after that frame too (then when the page is idle); an update
// waits until nothing is unsaved.
afterThisFrame(() => void startOffline({ isSaved: () => controller.opened?.autosave.status.state === 'saved' }));

/**
 * Test hook for the end-to-end page models (test/e2e/pages): selecting and revealing cells by
 * stable id. Not an API for features; they get the AppHandle from mountApp.
 */
declare global {
  interface Window {
    __workbook?: Pick<typeof app, 'goToCell' | 'revealCell' | 'currentTab'> & { engineBuilt(): boolean };
  }
}
window.__workbook = { goToCell: app.goToCell, revealCell: app.revealCell, currentTab: app.currentTab, engineBuilt: () => session.engine.engineBuilt };
