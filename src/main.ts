// Composition root: the only file that wires every layer together.
import { WorkbookSession } from './app/session';
import { exampleDocument, openWorkbook } from './engine';
import { mountApp } from './ui/app-shell';
import { missingInputs } from './engine/narrative';
import { narrativeTab } from './ui/narrative-view';

const session = new WorkbookSession(openWorkbook(exampleDocument()));
const app = mountApp(document.getElementById('app')!, session, {
  extraTabs: [narrativeTab(session)],
  auditSources: [() => missingInputs(session.engine)],
  toolbarItems: [],
});

/**
 * Test hook for the end-to-end page models (test/e2e/pages): selecting and revealing cells by
 * stable id. Not an API for features; they get the AppHandle from mountApp.
 */
declare global {
  interface Window {
    __workbook?: Pick<typeof app, 'goToCell' | 'revealCell' | 'currentTab'>;
  }
}
window.__workbook = { goToCell: app.goToCell, revealCell: app.revealCell, currentTab: app.currentTab };
