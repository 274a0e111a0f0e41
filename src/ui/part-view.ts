// A template part's tab: its outline rendered like the 情况说明 (figures hover and jump, the user's
// phrases edited in place) and, when it has one, the indicator score sheet as a table whose scores
// may be given by hand with a reason. Plain DOM with textContent only.
import type { WorkbookSession } from '../app/session';
import { indicatorTable, renderPart, type FigureSource, type IndicatorCell, type IndicatorRow } from '../engine/narrative';
import type { TemplatePartDef } from '../model/part';
import type { AnySheetId } from '../model/template';
import { el } from './dom';
import { mountNarrative, type NarrativeNav, type NarrativeView } from './narrative-view';
import { PART_TEXT } from './part-tab';
import { NARRATIVE_TEXT } from './narrative-tab';
import './narrative.css';

function firstCell(s: FigureSource | undefined): { sheet: AnySheetId; row: string; col: string } | undefined {
  if (!s) return undefined;
  return s.kind === 'cell' ? s : s.cells[0];
}

function tooltip(s: FigureSource): string {
  return s.kind === 'cell' ? s.label : `${s.label}\n= ${s.formula}`;
}

export function mountPart(container: HTMLElement, session: WorkbookSession, part: TemplatePartDef, nav: NarrativeNav): NarrativeView & { refreshTable(): void } {
  const view = mountNarrative(container, session, nav, { render: (engine) => renderPart(engine, part.id), label: part.title });
  if (!part.indicators) return { ...view, refreshTable() {} };

  const status = el('p', { class: 'pv-status', role: 'status', 'aria-live': 'polite' });
  const body = el('tbody');
  const table = el(
    'table',
    { class: 'pv-table', 'aria-label': PART_TEXT.tableTitle },
    el('thead', {}, el('tr', {}, ...PART_TEXT.headers.map((h) => el('th', { scope: 'col' }, h)))),
    body,
  );
  const section = el('section', { class: 'pv-sheet' }, el('h2', { class: 'nv-h nv-h0' }, PART_TEXT.tableTitle), el('p', { class: 'nv-hint' }, PART_TEXT.tableHint), status, table);
  view.element.append(section);
  let editing = false;

  function jump(node: HTMLElement, cell: { sheet: AnySheetId; row: string; col: string } | undefined): void {
    if (!cell) return;
    node.setAttribute('role', 'link');
    node.tabIndex = 0;
    node.dataset.sheet = cell.sheet;
    node.dataset.row = cell.row;
    node.dataset.col = cell.col;
    node.addEventListener('click', () => nav.goToCell(cell.sheet, cell.row, cell.col));
    node.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        nav.goToCell(cell.sheet, cell.row, cell.col);
      }
    });
  }

  function figure(c: IndicatorCell): Node {
    if (!c) return document.createTextNode('');
    if (c.kind === 'figure') {
      const span = el('span', { class: 'nv-fig', title: `${tooltip(c.source)}\n${NARRATIVE_TEXT.figureJump}` }, c.text);
      jump(span, firstCell(c.source));
      return span;
    }
    if (c.kind === 'placeholder') {
      const input = c.missing.find((m) => m.kind === 'input');
      const span = el('span', { class: 'nv-missing', title: input ? NARRATIVE_TEXT.missingInput(input.label) : '' }, '【缺】');
      jump(span, input && input.kind === 'input' ? input : firstCell(c.source));
      return span;
    }
    return document.createTextNode(c.text);
  }

  function field(value: string, label: string, cls: string, commit: (v: string) => void): HTMLInputElement {
    const input = el('input', { type: 'text', class: cls, 'aria-label': label, title: label });
    input.value = value;
    input.addEventListener('focus', () => (editing = true));
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') input.blur();
      if (e.key === 'Escape') {
        input.value = value;
        input.blur();
      }
    });
    input.addEventListener('blur', () => {
      editing = false;
      if (input.value.trim() === value.trim()) return;
      try {
        status.textContent = '';
        commit(input.value.trim());
      } catch (err) {
        // Refused (not a number, a read-only tab): the stored value again, and why.
        status.textContent = err instanceof Error ? err.message : String(err);
        input.value = value;
      }
    });
    return input;
  }

  function row(r: IndicatorRow): HTMLTableRowElement {
    const cells: (Node | string)[] =
      r.kind === 'indicator'
        ? [r.section, r.group, r.name, r.method, r.target, figure(r.value), r.unit, r.weight, figure(r.score)]
        : ['', '', r.name, '', '', '', '', r.weight, figure(r.score)];
    const tr = el('tr', { class: `pv-${r.kind}`, 'data-indicator': r.id }, ...cells.map((c) => el('td', {}, c)));
    const o = r.override;
    tr.append(
      el('td', {}, o ? field(o.text ?? '', PART_TEXT.override(r.name), 'pv-override', (v) => session.edit([{ sheet: 'sup', row: o.row, col: 'value', raw: v }], '调整得分')) : ''),
      el('td', {}, o ? field(o.reason, PART_TEXT.reason(r.name), 'pv-reason', (v) => session.setText(o.reasonId, v)) : ''),
    );
    return tr;
  }

  function renderTable(): void {
    if (editing) return;
    body.replaceChildren(...indicatorTable(session.engine).map(row));
  }

  const unsubscribe = session.subscribe((e) => {
    if (e.type === 'change' && !container.closest('[hidden]')) renderTable();
  });
  renderTable();
  return {
    ...view,
    refreshTable: renderTable,
    destroy() {
      unsubscribe();
      view.destroy();
    },
  };
}
