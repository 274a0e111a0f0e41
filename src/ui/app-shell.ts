// The workbook screen: toolbar, one tab per table (公开01表…公开09表), 补充资料, tabs added by other
// features, and 审核; one shared grid; status line. Extensible from src/main.ts through
// mountApp's options and the returned AppHandle, so features never edit this file.
import type { WorkbookSession, SessionEvent } from '../app/session';
import type { Finding } from '../engine';
import type { Fund } from '../model/ids';
import type { AnySheetId, TableDef } from '../model/template';
import { AuditPanel } from './audit-panel';
import { cellLabel } from './cell-label';
import { el, setText } from './dom';
import { SheetGrid, type CellAddress, type CellMarks } from './sheet-grid';
import { TextsPanel } from './texts-panel';
import { Toolbar } from './toolbar';
import { UI_TEXT } from './ui-text';
import { FUND_LABELS } from '../model/ids';
import { dec, formatAmount } from '../model/amount';
import { importSheetFromXlsx, pasteCodeBlock, openNameCodeDialog } from './code-paste';
import './app.css';
import './screen-fit.css';

/** A tab contributed by another feature (e.g. 情况说明). */
export interface TabSpec {
  id: string;
  label: string;
  /** Tooltip / longer title. */
  title?: string;
  /** Builds the tab's content, once, the first time the tab is opened. */
  render(container: HTMLElement, app: AppHandle): void;
  /** Called every time the tab is shown (e.g. to refresh from the session). */
  onShow?(): void;
}

export interface MountOptions {
  /** Placed after 补充资料 and before 审核. */
  extraTabs?: TabSpec[];
  /** Appended to the toolbar's button area. */
  toolbarItems?: HTMLElement[];
  /** Tab opened first (default 公开01表). */
  firstTab?: string;
  /** More 审核 findings (e.g. the 情况说明's missing inputs), listed after the engine's. */
  auditSources?: (() => readonly Finding[])[];
  /** The user's own code list of a year (导入科目表): the 添加科目 dialogs search it beside the built-in one. */
  userCodes?: (kind: 'function' | 'economic', year: number) => Promise<Record<string, string>>;
}

export interface AppHandle {
  readonly session: WorkbookSession;
  /** Opens the table holding the cell and selects it; false when no tab shows that cell. */
  goToCell(sheet: AnySheetId, row: string, col: string): boolean;
  /** Opens the table and scrolls the cell into view without moving the selection. */
  revealCell(sheet: AnySheetId, row: string, col: string): boolean;
  showTab(id: string): void;
  currentTab(): string;
  addTab(spec: TabSpec): void;
  addToolbarItem(item: HTMLElement): void;
  /** A short message in the status line (e.g. 已保存). */
  status(text: string): void;
  /** Current 审核 findings. */
  findings(): readonly Finding[];
  /** Asks every 审核 source again, when the page is idle (e.g. a source whose code just loaded). */
  refreshAudit(): void;
  destroy(): void;
}

const AUDIT_TAB = 'audit';
const SUPPLEMENT_TAB = 'sup';

interface TabEntry {
  id: string;
  button: HTMLButtonElement;
  /** Panel for non-grid tabs. */
  panel?: HTMLElement;
  spec?: TabSpec;
  rendered?: boolean;
}

export function mountApp(root: HTMLElement, session: WorkbookSession, opts: MountOptions = {}): AppHandle {
  const template = session.engine.template;
  const tables = new Map<string, TableDef>(template.tables.map((t) => [t.id, t]));
  const gridSheets = new Set<string>([...tables.keys(), SUPPLEMENT_TAB]);
  const sheetLabel = (sheet: string) => (sheet === SUPPLEMENT_TAB ? UI_TEXT.supplementTab : (tables.get(sheet)?.publicNo ?? sheet));

  let findings: Finding[] = [];
  let current = '';

  const toolbar = new Toolbar(session, { undo: () => undo(), redo: () => redo(), openAudit: () => showTab(AUDIT_TAB) });
  for (const item of opts.toolbarItems ?? []) toolbar.slot.append(item);

  const tabBar = el('nav', { class: 'tabs', role: 'tablist' });
  const actions = el('div', { class: 'sheet-actions' });
  const statusLine = el('div', { class: 'status-line', role: 'status' });
  const gridHost = el('div', { class: 'grid-host' });
  const texts = new TextsPanel(session);
  texts.element.hidden = true;
  const gridArea = el('div', { class: 'grid-area' }, actions, el('div', { class: 'grid-row' }, gridHost, texts.element));
  const workspace = el('main', { class: 'workspace' }, gridArea);
  root.classList.add('app-root');
  root.replaceChildren(toolbar.element, tabBar, workspace, statusLine);

  const tabs = new Map<string, TabEntry>();
  const addTabButton = (id: string, label: string, title: string | undefined, sub?: string): HTMLButtonElement => {
    const b = el('button', { type: 'button', role: 'tab', class: 'tab', 'data-tab': id, title: title ?? label }, el('span', { class: 'tab-label' }, label));
    if (sub) b.append(el('span', { class: 'tab-sub' }, sub));
    b.addEventListener('click', () => showTab(id));
    return b;
  };
  for (const def of template.tables) {
    const button = addTabButton(def.id, def.publicNo, `${def.publicNo} ${def.title}`, def.title);
    tabs.set(def.id, { id: def.id, button });
    tabBar.append(button);
  }
  {
    const button = addTabButton(SUPPLEMENT_TAB, UI_TEXT.supplementTab, UI_TEXT.supplementTab, '情况说明所需数据');
    tabs.set(SUPPLEMENT_TAB, { id: SUPPLEMENT_TAB, button });
    tabBar.append(button);
  }
  const auditCount = el('span', { class: 'tab-count' });
  const auditButton = addTabButton(AUDIT_TAB, UI_TEXT.auditTab, UI_TEXT.auditTitle);
  auditButton.querySelector('.tab-label')!.append(auditCount);

  const grid: SheetGrid = new SheetGrid(gridHost, session, (opts.firstTab && gridSheets.has(opts.firstTab) ? opts.firstTab : template.tables[0]!.id) as AnySheetId, {
    onSelect: (cell) => describeSelection(cell),
    onCodeBlock: (block): { title: string; lines: string[] } | null => pasteCodeBlock(session, grid.sheet, block, status),
  });
  const auditPanel = new AuditPanel({
    sheetLabel,
    cellLabel: (sheet, row, col) => cellLabel(session.engine.sheet(sheet), row, col),
    goToCell: (sheet, row, col) => goToCell(sheet, row, col),
  });
  const auditSection = el('section', { class: 'tab-panel', 'data-panel': AUDIT_TAB }, auditPanel.element);
  auditSection.hidden = true;
  workspace.append(auditSection);
  tabs.set(AUDIT_TAB, { id: AUDIT_TAB, button: auditButton, panel: auditSection, rendered: true });

  function addTab(spec: TabSpec): void {
    if (tabs.has(spec.id)) throw new Error(`tab ${spec.id} exists`);
    const button = addTabButton(spec.id, spec.label, spec.title);
    const panel = el('section', { class: 'tab-panel', 'data-panel': spec.id });
    panel.hidden = true;
    workspace.append(panel);
    tabs.set(spec.id, { id: spec.id, button, panel, spec });
    tabBar.insertBefore(button, auditButton);
  }
  tabBar.append(auditButton);
  for (const spec of opts.extraTabs ?? []) addTab(spec);

  function showTab(id: string): void {
    const tab = tabs.get(id);
    if (!tab) return;
    current = id;
    for (const t of tabs.values()) {
      t.button.setAttribute('aria-selected', String(t.id === id));
      if (t.panel) t.panel.hidden = t.id !== id;
    }
    if (id === AUDIT_TAB) {
      catchUpAudit();
      updateAuditPanel();
    }
    const isGrid = gridSheets.has(id);
    gridArea.hidden = !isGrid;
    if (isGrid) {
      texts.element.hidden = id !== SUPPLEMENT_TAB;
      if (id === SUPPLEMENT_TAB) texts.refresh();
      describeSelection(null);
      if (grid.sheet !== id) grid.show(id as AnySheetId);
      renderActions();
      grid.refreshDimensions();
    } else {
      grid.hideNote();
      if (tab.spec && !tab.rendered) {
        tab.spec.render(tab.panel!, handle);
        tab.rendered = true;
      }
      tab.spec?.onShow?.();
      statusLine.textContent = '';
    }
  }

  function goToCell(sheet: AnySheetId, row: string, col: string): boolean {
    if (!gridSheets.has(sheet)) return false;
    showTab(sheet);
    return grid.select(row, col);
  }

  function revealCell(sheet: AnySheetId, row: string, col: string): boolean {
    if (!gridSheets.has(sheet)) return false;
    if (current !== sheet) showTab(sheet);
    return grid.scrollTo(row, col);
  }

  // ---- 审核 -------------------------------------------------------------------------------
  // The engine's findings are cached per rule and cheap; the other sources (the 情况说明's missing
  // inputs render the whole narrative, 3–50 ms) run when the page is idle after a value edit, so
  // the edited figures paint first. Opening the 审核 tab or asking for findings() catches up at once.
  let sourceFindings: Finding[] = [];
  /** Cancels the pending run of the other sources, while one is due. */
  let sourcesDue: (() => void) | null = null;
  let auditPanelStale = true;

  function refreshAudit(sources: 'now' | 'idle' = 'now'): void {
    if (sources === 'now' || !opts.auditSources?.length) runSources();
    else if (sourcesDue === null) {
      sourcesDue = afterNextPaint(() => {
        sourcesDue = null;
        runSources();
        publishFindings();
      });
    }
    publishFindings();
  }

  function runSources(): void {
    sourcesDue?.();
    sourcesDue = null;
    sourceFindings = (opts.auditSources ?? []).flatMap((source) => source());
  }

  /** Sources still due are computed now (the 审核 list is about to be read). */
  function catchUpAudit(): void {
    if (sourcesDue === null) return;
    runSources();
    publishFindings();
  }

  function publishFindings(): void {
    findings = [...session.engine.audit(), ...sourceFindings];
    const marks = new Map<string, { mark: 'error' | 'warning'; messages: string[] }>();
    for (const f of findings) {
      for (const c of f.cells) {
        const key = `${c.sheet}|${c.row}|${c.col}`;
        const m = marks.get(key) ?? { mark: f.severity, messages: [] };
        if (f.severity === 'error') m.mark = 'error';
        m.messages.push(`${UI_TEXT.auditSeverity[f.severity]}：${f.message}`);
        marks.set(key, m);
      }
    }
    grid.setMarks(marks as CellMarks);
    // The list is rebuilt only while it is on screen (it can hold hundreds of rows).
    auditPanelStale = true;
    if (current === AUDIT_TAB) updateAuditPanel();
    toolbar.setFindings(findings);
    const errors = findings.filter((f) => f.severity === 'error').length;
    setText(auditCount, findings.length ? String(findings.length) : '');
    auditCount.classList.toggle('has-errors', errors > 0);
  }

  function updateAuditPanel(): void {
    if (!auditPanelStale) return;
    auditPanel.update(findings);
    auditPanelStale = false;
  }

  // ---- selection / status -----------------------------------------------------------------
  function describeSelection(cell: CellAddress | null): void {
    if (!cell) {
      statusLine.textContent = '';
      return;
    }
    const layout = session.engine.sheet(cell.sheet);
    const typeOver = session.engine.typeOverState(cell.sheet, cell.row, cell.col);
    const printed = grid.reviewMode && tables.has(cell.sheet) ? session.engine.printedValue(cell.sheet, cell.row, cell.col) : undefined;
    const kind = typeOver
      ? UI_TEXT.cellKinds[typeOver]
      : session.engine.isInput(cell.sheet, cell.row, cell.col)
        ? UI_TEXT.cellKinds.input
        : printed !== undefined
          ? UI_TEXT.review.kind(printed === null ? null : formatAmount(dec(printed)))
          : UI_TEXT.cellKinds.formula;
    const parts = [`${sheetLabel(cell.sheet)} · ${cellLabel(layout, cell.row, cell.col)}（${kind}）`];
    for (const f of findings) {
      if (f.cells.some((c) => c.sheet === cell.sheet && c.row === cell.row && c.col === cell.col)) {
        parts.push(`${UI_TEXT.auditSeverity[f.severity]}：${f.message}`);
      }
    }
    setText(statusLine, parts.join('　'));
  }

  function status(text: string): void {
    statusLine.textContent = text;
  }

  // ---- classification rows ------------------------------------------------------------------
  function renderActions(): void {
    actions.replaceChildren();
    const def = tables.get(current);
    const title = el('span', { class: 'sheet-title' }, def ? `${def.publicNo}\u3000${def.title}` : UI_TEXT.supplementTab);
    // The grid hides its title block on screen; its 公开0X表 / 部门 / 单位 texts show here.
    const meta = el('span', { class: 'sheet-meta' }, ...grid.titleLine().filter((t) => !def || t !== def.publicNo).map((t) => el('span', { class: 'sheet-meta-item' }, t)));
    actions.append(title, meta);
    if (def) actions.append(reviewToggle());
    if (def?.kind === 'function') {
      actions.append(actionButton(UI_TEXT.addCode, 'btn-add-code', () => addFunctionCode(def.funds)), actionButton(UI_TEXT.removeCode, 'btn-remove-code', () => removeFunctionCode(def.funds)));
      actions.append(actionButton('科目命名', 'btn-name-code', () => nameCode('function')), actionButton('从XLSX导入本表', 'btn-import-sheet', () => importSheetFromXlsx(session, current, status)));
    } else if (def?.kind === 'economic') {
      actions.append(
        actionButton(UI_TEXT.addEconomicCode, 'btn-add-code', () => addEconomicCode(def.groups.flat())),
        actionButton(UI_TEXT.removeEconomicCode, 'btn-remove-code', () => removeEconomicCode()),
        actionButton('科目命名', 'btn-name-code', () => nameCode('economic')),
        actionButton('从XLSX导入本表', 'btn-import-sheet', () => importSheetFromXlsx(session, current, status)),
      );
    }
  }

  /** 审查模式 on and off; the grid keeps it across tables until turned off. */
  function reviewToggle(): HTMLButtonElement {
    const b = actionButton(UI_TEXT.review.toggle, 'btn-review', () => {
      grid.setReviewMode(!grid.reviewMode);
      b.setAttribute('aria-pressed', String(grid.reviewMode));
      status(grid.reviewMode ? UI_TEXT.review.on : UI_TEXT.review.off);
    });
    b.title = UI_TEXT.review.toggleTitle;
    b.setAttribute('aria-pressed', String(grid.reviewMode));
    return b;
  }

  function actionButton(text: string, cls: string, fn: () => void): HTMLButtonElement {
    const b = el('button', { type: 'button', class: `btn ${cls}` }, text);
    b.addEventListener('click', fn);
    return b;
  }

  function selectNewRow(code: string): void {
    const layout = session.engine.sheet(grid.sheet);
    const input = [...layout.index.keys()].find((k) => k.startsWith(`${code}|`) && session.engine.isInput(grid.sheet, code, k.slice(code.length + 1)));
    if (input) grid.select(code, input.slice(code.length + 1));
    else grid.focus();
  }

  /**
   * While a dialog is open the grid must not take its keys; afterwards typing goes to the grid
   * again. The dialogs (with the catalogue search) are fetched on first use.
   */
  function modal(open: (dialogs: typeof import('./code-dialogs'), userCodes: Record<string, string>) => HTMLDialogElement, kind?: 'function' | 'economic'): void {
    grid.blur();
    // The user's list is read when the dialog opens, so a list imported a moment ago is searched too.
    const none: Promise<Record<string, string>> = Promise.resolve({});
    const own = kind && opts.userCodes ? opts.userCodes(kind, session.doc.meta.year).catch(() => ({})) : none;
    Promise.all([import('./code-dialogs'), own]).then(
      ([dialogs, codes]) => open(dialogs, codes).addEventListener('close', () => grid.focus()),
      () => grid.focus(),
    );
  }

  function addFunctionCode(funds: readonly Fund[]): void {
    modal(({ openAddCodeDialog }, userCodes) =>
      openAddCodeDialog(
        session,
        funds[0]!,
        funds,
        (_fund, code) => {
          status(`已添加科目 ${code} ${session.engine.codes.name(code)}`);
          selectNewRow(code);
        },
        (code) => {
          // Selecting names the cell on the status line: the 已在表中 message comes after it.
          selectNewRow(code);
          status(UI_TEXT.foundInTable(code, session.engine.codes.name(code)));
        },
        userCodes,
      ),
      'function',
    );
  }

  function addEconomicCode(classes: readonly string[]): void {
    modal(({ openAddEconomicDialog }, userCodes) =>
      openAddEconomicDialog(
        session,
        classes,
        (code) => {
          status(`已添加经济分类科目 ${code} ${session.engine.codes.economicName(code)}`);
          selectNewRow(code);
        },
        (code) => {
          selectNewRow(code);
          status(UI_TEXT.foundInTable(code, session.engine.codes.economicName(code)));
        },
        userCodes,
      ),
      'economic',
    );
  }

  function removeFunctionCode(funds: readonly Fund[]): void {
    const code = grid.selectedRowCell()?.row ?? '';
    const owners = funds.filter((f) => session.doc.codes[f].includes(code));
    if (!/^\d{7}$/.test(code) || !owners.length) {
      status(UI_TEXT.selectItemRow);
      return;
    }
    const scope = owners.length === 1 ? `（${FUND_LABELS[owners[0]!]}）` : '';
    const choices = owners.map((f) => ({ value: f, label: FUND_LABELS[f] }));
    modal(({ confirmDialog }) =>
      confirmDialog(UI_TEXT.confirmRemove(code, session.engine.codes.name(code), scope), choices, (fund) => {
        try {
          session.removeCode(fund as Fund, code);
          status(`已删除科目 ${code}（可撤销）`);
        } catch (err) {
          status(err instanceof Error ? err.message : String(err));
        }
      }),
    );
  }

  function removeEconomicCode(): void {
    const code = grid.selectedRowCell()?.row ?? '';
    if (!/^\d{5}$/.test(code)) {
      status(UI_TEXT.selectItemRow);
      return;
    }
    if (!session.doc.economicCodes.includes(code)) {
      status(UI_TEXT.notRemovableEconomic);
      return;
    }
    modal(({ confirmDialog }) =>
      confirmDialog(UI_TEXT.confirmRemove(code, session.engine.codes.economicName(code), `（${session.engine.sheet(current).publicNo}）`), [], () => {
        try {
          session.removeEconomicCode(code);
          status(`已删除经济分类科目 ${code}（可撤销）`);
        } catch (err) {
          status(err instanceof Error ? err.message : String(err));
        }
      }),
    );
  }

  /** Names or renames the selected row's code, any level (类/款/项, 经济分类 类/款). */
  function nameCode(kind: 'function' | 'economic'): void {
    const code = grid.selectedRowCell()?.row ?? '';
    const valid = kind === 'function' ? /^\d{3}(\d{2}){0,2}$/.test(code) : /^\d{3}(\d{2})?$/.test(code);
    if (!valid) {
      status('请先选中要命名的科目所在行');
      return;
    }
    grid.blur();
    openNameCodeDialog(session, code, kind, (name) => status(name ? `已命名科目 ${code} ${name}` : `已恢复科目 ${code} 的目录名称`)).addEventListener('close', () => grid.focus());
  }

  // ---- undo / redo ---------------------------------------------------------------------------
  function undo(): void {
    const label = session.undo();
    status(label ? `已撤销：${label}` : '没有可撤销的操作');
  }
  function redo(): void {
    const label = session.redo();
    status(label ? `已重做：${label}` : '没有可重做的操作');
  }

  const onKeyDown = (e: KeyboardEvent) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    const key = e.key.toLowerCase();
    const isUndo = key === 'z' && !e.shiftKey;
    const isRedo = key === 'y' || (key === 'z' && e.shiftKey);
    if (!isUndo && !isRedo) return;
    const target = e.target;
    // Text boxes outside the grid keep their own undo; so does the grid's open cell editor.
    const textEntry = target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
    if (textEntry && !grid.owns(target)) return;
    if (grid.isEditing()) return;
    if (document.querySelector('dialog[open]')) return;
    e.preventDefault();
    e.stopPropagation();
    if (isUndo) undo();
    else redo();
  };
  document.addEventListener('keydown', onKeyDown, true);

  // ---- session events ------------------------------------------------------------------------
  const unsubscribe = session.subscribe((e: SessionEvent) => {
    if (e.type === 'values') {
      grid.applyChanges(e.changes);
      refreshAudit('idle');
    } else if (e.type === 'structure') {
      grid.reload();
      if (gridSheets.has(current)) renderActions();
      texts.refresh();
      refreshAudit();
    } else {
      toolbar.refresh();
      // Text edits change no cell but can fill or empty what an audit source needs; confirming a
      // carried text drops its own 提示.
      if (e.label === '确认上年结转的文字' || (e.label === '修改文字' && opts.auditSources?.length)) refreshAudit();
    }
  });

  const handle: AppHandle = {
    session,
    goToCell,
    revealCell,
    showTab,
    currentTab: () => current,
    addTab,
    addToolbarItem: (item) => toolbar.slot.append(item),
    status,
    findings: () => {
      catchUpAudit();
      return findings;
    },
    refreshAudit: () => refreshAudit('idle'),
    destroy() {
      unsubscribe();
      sourcesDue?.();
      document.removeEventListener('keydown', onKeyDown, true);
      grid.destroy();
      root.replaceChildren();
    },
  };

  refreshAudit('idle');
  showTab(opts.firstTab && tabs.has(opts.firstTab) ? opts.firstTab : template.tables[0]!.id);
  return handle;
}

/**
 * Runs `fn` when the main thread is idle after the next frame (at the latest 1 s later); returns a
 * cancel function. Waiting for the frame first matters: on an idle page the browser would
 * otherwise run the callback right after the edit's task, before painting the edited figures.
 */
function afterNextPaint(fn: () => void): () => void {
  let idle: number | null = null;
  const frame = requestAnimationFrame(() => {
    idle = typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout: 1000 }) : window.setTimeout(fn, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (idle === null) return;
    if (typeof cancelIdleCallback === 'function') cancelIdleCallback(idle);
    else window.clearTimeout(idle);
  };
}
