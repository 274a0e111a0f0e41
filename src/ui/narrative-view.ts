// The 情况说明 tab: the narrative as a document. Figures are marked, name their source on hover and
// jump to their cell on click; the user's own words are edited in place (session.setText);
// 复制全文 and an A4 print view. Plain DOM, built with textContent only (no HTML strings).
import { narrativeOutline } from '../app/publication';
import type { WorkbookSession } from '../app/session';
import type { WorkbookEngine } from '../engine';
import { narrativePlainText, renderNarrative, type FigureSource, type RenderedNarrative, type RenderedSection, type Segment } from '../engine/narrative';
import type { AnySheetId } from '../model/template';
import { el } from './dom';
import { ITEMS_CHOICE_TEXT, openItemsChoice } from './items-choice-dialog';
import { NARRATIVE_TEXT } from './narrative-tab';
import './narrative.css';

export interface NarrativeNav {
  goToCell(sheet: AnySheetId, row: string, col: string): void;
}

/** Another outline in the same view (a template part, e.g. 第五部分 绩效自评报告). */
export interface NarrativeViewOptions {
  render?: (engine: WorkbookEngine) => RenderedNarrative;
  /** aria-label of the document. */
  label?: string;
}

export interface NarrativeView {
  readonly element: HTMLElement;
  /** Re-renders from the session now (the view also follows session events by itself). */
  refresh(): void;
  /** Current text as copied by 复制全文. */
  plainText(): string;
  destroy(): void;
}

const PRINT_ROOT = 'print-root';

function firstCell(s: FigureSource): { sheet: AnySheetId; row: string; col: string } | undefined {
  return s.kind === 'cell' ? s : s.cells[0];
}

function tooltip(s: FigureSource): string {
  return s.kind === 'cell' ? s.label : `${s.label}\n= ${s.formula}`;
}

/** Mounts the narrative into `container`; it re-renders on every accepted change of the session. */
export function mountNarrative(container: HTMLElement, session: WorkbookSession, nav: NarrativeNav, opts: NarrativeViewOptions = {}): NarrativeView {
  const renderDoc = opts.render ?? ((engine: WorkbookEngine) => renderNarrative(engine));
  const status = el('span', { class: 'nv-status', role: 'status', 'aria-live': 'polite' });
  const copyButton = el('button', { type: 'button', class: 'btn nv-copy' }, NARRATIVE_TEXT.copy);
  const printButton = el('button', { type: 'button', class: 'btn nv-print' }, NARRATIVE_TEXT.print);
  const legend = el(
    'span',
    { class: 'nv-legend' },
    el('span', { class: 'nv-fig' }, NARRATIVE_TEXT.legendFigure),
    el('span', { class: 'nv-user' }, NARRATIVE_TEXT.legendUser),
    el('span', { class: 'nv-missing' }, NARRATIVE_TEXT.legendMissing),
  );
  const bar = el('div', { class: 'nv-bar' }, copyButton, printButton, legend, status);
  const doc = el('article', { class: 'nv-doc', 'aria-label': opts.label ?? NARRATIVE_TEXT.tab });
  const element = el('div', { class: 'narrative' }, bar, el('p', { class: 'nv-hint' }, NARRATIVE_TEXT.hint), doc);
  container.append(element);

  /** A phrase being typed: re-rendering would drop the caret, so its blur renders instead. */
  let editing: HTMLElement | null = null;

  const multiline = new Set(session.engine.template.texts.filter((t) => t.multiline).map((t) => t.id));

  function render(): void {
    if (editing) return;
    const rendered: RenderedNarrative = renderDoc(session.engine);
    if (opts.render) {
      doc.replaceChildren(...rendered.sections.flatMap((s) => section(s)));
      return;
    }
    // The 情况说明 reads in the publication's order, with 第二部分 (the tables) in its place.
    const byId = new Map(rendered.sections.map((s) => [s.id, s]));
    const { department, year } = session.doc.meta;
    doc.replaceChildren(
      ...narrativeOutline(session.engine.template, { dept: department, year }).flatMap((o) => {
        if (o.kind === 'tables') return tablesPart(o.title, o.tables);
        const s = byId.get(o.id);
        return s ? section(s) : [];
      }),
    );
  }

  function tablesPart(title: string, tables: { id: string; publicNo: string; title: string }[]): HTMLElement[] {
    const items = tables.map((t) => {
      const link = el('button', { type: 'button', class: 'nv-table-link', 'data-table': t.id, title: NARRATIVE_TEXT.tableJump }, `${t.publicNo} ${t.title}`);
      const first = firstValueCell(t.id);
      if (first) link.addEventListener('click', () => nav.goToCell(t.id as AnySheetId, first.row, first.col));
      return el('li', {}, link);
    });
    return [el('h2', { class: 'nv-h nv-h0', 'data-section': 'tables' }, title), el('p', { class: 'nv-p' }, NARRATIVE_TEXT.tablesLead), el('ol', { class: 'nv-tables' }, ...items)];
  }

  function chooseButton(textId: string): HTMLElement {
    const b = el('button', { type: 'button', class: 'nv-choose', 'data-choice': textId, title: ITEMS_CHOICE_TEXT.buttonTitle }, ITEMS_CHOICE_TEXT.button);
    b.addEventListener('click', () => openItemsChoice(session, textId));
    return b;
  }

  function firstValueCell(sheet: string): { row: string; col: string } | undefined {
    for (const row of session.engine.sheet(sheet as AnySheetId).cells) for (const c of row) if (c && c.t !== 'text') return { row: c.row, col: c.col };
    return undefined;
  }

  function section(s: RenderedSection): HTMLElement[] {
    const tag = s.depth === 0 ? 'h2' : s.depth === 1 ? 'h3' : 'h4';
    const heading = el(tag, { class: `nv-h nv-h${s.depth}`, 'data-section': s.id }, s.title);
    const paragraphs = s.paragraphs.map((p) => {
      const node = el('p', { class: 'nv-p', 'data-paragraph': `${s.id}/${p.id}` });
      p.segments.forEach((g, i) => {
        node.append(segment(g));
        // After the last name of a “主要包括” list the user may choose: a 选择项目 button.
        const choice = g.kind === 'figure' ? g.choice : undefined;
        if (choice && !p.segments.slice(i + 1).some((x) => x.kind === 'figure' && x.choice === choice)) node.append(chooseButton(choice));
      });
      return node;
    });
    return [heading, ...paragraphs, ...s.sections.flatMap(section)];
  }

  function segment(g: Segment): Node {
    switch (g.kind) {
      case 'text':
        return document.createTextNode(g.text);
      case 'figure': {
        const span = el('span', { class: 'nv-fig', role: 'link', tabindex: '0', title: `${tooltip(g.source)}\n${NARRATIVE_TEXT.figureJump}` }, g.text);
        const cell = firstCell(g.source);
        if (cell) {
          span.dataset.sheet = cell.sheet;
          span.dataset.row = cell.row;
          span.dataset.col = cell.col;
          jumpOn(span, cell);
        }
        return span;
      }
      case 'userText': {
        const node = editable(g.textId, g.label, g.text, false);
        if (!(session.doc.reviewTexts ?? []).includes(g.textId)) return node;
        // Carried from last year and likely out of date: marked, with 确认 beside it.
        node.classList.add('nv-review');
        node.title = `${NARRATIVE_TEXT.review}\n${node.title}`;
        const ok = el('button', { type: 'button', class: 'nv-confirm', 'data-confirm': g.textId, title: NARRATIVE_TEXT.confirmTitle }, NARRATIVE_TEXT.confirm);
        ok.addEventListener('click', () => session.confirmText(g.textId));
        return el('span', { class: 'nv-review-wrap' }, node, ok);
      }
      case 'placeholder': {
        const text = g.missing.find((m) => m.kind === 'text');
        if (text && text.kind === 'text') return editable(text.id, text.label, g.text, true);
        const input = g.missing.find((m) => m.kind === 'input');
        const span = el('span', { class: 'nv-missing', title: input ? NARRATIVE_TEXT.missingInput(input.label) : g.source ? tooltip(g.source) : '' }, g.text);
        const cell = input && input.kind === 'input' ? input : g.source ? firstCell(g.source) : undefined;
        if (cell) {
          span.setAttribute('role', 'link');
          span.tabIndex = 0;
          span.dataset.sheet = cell.sheet;
          span.dataset.row = cell.row;
          span.dataset.col = cell.col;
          jumpOn(span, cell);
        }
        return span;
      }
    }
  }

  function jumpOn(node: HTMLElement, cell: { sheet: AnySheetId; row: string; col: string }): void {
    node.addEventListener('click', () => nav.goToCell(cell.sheet, cell.row, cell.col));
    node.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        nav.goToCell(cell.sheet, cell.row, cell.col);
      }
    });
  }

  /** A phrase of the user, typed in place; a missing one shows its placeholder until focused. */
  function editable(id: string, label: string, text: string, missing: boolean): HTMLElement {
    const span = el('span', {
      class: missing ? 'nv-user nv-missing' : 'nv-user',
      contenteditable: 'plaintext-only',
      spellcheck: 'false',
      role: 'textbox',
      'aria-label': label,
      title: NARRATIVE_TEXT.editable(label),
      'data-text-id': id,
    });
    span.textContent = text;
    let cancelled = false;
    span.addEventListener('focus', () => {
      editing = span;
      cancelled = false;
      // A placeholder is selected whole, so typing replaces it (after the click placed the caret);
      // not once the user has typed, or a busy main thread would select their first characters.
      if (missing) setTimeout(() => document.activeElement === span && span.textContent === text && window.getSelection()?.selectAllChildren(span));
    });
    span.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        cancelled = true;
        span.blur();
      } else if (e.key === 'Enter' && !(multiline.has(id) && e.shiftKey)) {
        e.preventDefault();
        span.blur();
      }
    });
    span.addEventListener('blur', () => {
      editing = null;
      const value = (span.textContent ?? '').trim();
      const changed = missing ? value !== '' && value !== text : value !== text.trim();
      // setText emits 'change', which renders; otherwise restore the rendered text.
      if (!cancelled && changed) {
        try {
          session.setText(id, value);
        } catch (err) {
          // Refused (a read-only tab): show the stored text again, and why.
          render();
          status.textContent = err instanceof Error ? err.message : String(err);
        }
      } else render();
    });
    return span;
  }

  function plainText(): string {
    return narrativePlainText(renderDoc(session.engine));
  }

  copyButton.addEventListener('click', () => {
    const text = plainText();
    navigator.clipboard.writeText(text).then(
      () => (status.textContent = NARRATIVE_TEXT.copied(text.replace(/\s/g, '').length)),
      () => (status.textContent = NARRATIVE_TEXT.copyFailed),
    );
  });

  // Print a copy placed directly under <body>: the print stylesheet hides every other child of
  // body while a print root exists, so the app chrome is not printed and other views are untouched.
  const removePrintRoot = () => document.querySelectorAll(`body > .${PRINT_ROOT}.nv-print-root`).forEach((n) => n.remove());
  printButton.addEventListener('click', () => {
    removePrintRoot();
    const copy = doc.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('[contenteditable]').forEach((n) => n.removeAttribute('contenteditable'));
    copy.querySelectorAll('.nv-choose, .nv-confirm').forEach((n) => n.remove());
    copy.querySelectorAll('[tabindex]').forEach((n) => n.removeAttribute('tabindex'));
    document.body.append(el('div', { class: `${PRINT_ROOT} nv-print-root` }, copy));
    window.addEventListener('afterprint', removePrintRoot, { once: true });
    window.print();
  });

  const unsubscribe = session.subscribe((e) => {
    // 'change' follows every accepted edit (values, structure, texts, undo): one render per step,
    // but not behind another tab (a render costs 3–50 ms of an edit); refresh() renders on show.
    if (e.type === 'change' && !container.closest('[hidden]')) render();
  });

  render();
  return {
    element,
    refresh: render,
    plainText,
    destroy() {
      unsubscribe();
      removePrintRoot();
      element.remove();
    },
  };
}
