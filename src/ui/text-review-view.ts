// The 表文核对 tab: the published 情况说明 (pasted, or read from a .docx/.txt) with its findings.
// Findings are listed by group with counts; each one's sentence is marked in the text; a click on
// a finding selects its sentence and scrolls to it, “到单元格” opens the matched cell, a click on a
// mark selects its finding. The text is kept with the workbook (session.setPublishedText); the
// findings are computed again from it and the tables. Plain DOM, textContent only.
import type { WorkbookSession } from '../app/session';
import { readPublishedText, TEXT_FINDING_CLASS, type TextFinding, type TextReview } from '../engine/text-review';
import { MAX_PUBLISHED_TEXT, type PublishedTextSource } from '../model/document';
import type { AnySheetId } from '../model/template';
import { el, setText } from './dom';
import { TEXT_REVIEW_TEXT as T } from './text-review-tab';
import './text-review.css';

export interface TextReviewNav {
  goToCell(sheet: AnySheetId, row: string, col: string): void;
  status(text: string): void;
}

export interface TextReviewView {
  readonly element: HTMLElement;
  refresh(): void;
  /** Reads a text as the published one (as pasting it does). */
  load(text: string, source: PublishedTextSource, name?: string): void;
  destroy(): void;
}

/** A piece of the shown text between two finding boundaries. */
interface Chunk {
  start: number;
  end: number;
  node: HTMLElement;
}

/** The text of a chosen file: .docx through the DOCX reader, .txt as UTF-8 (or GB18030). */
async function readFileText(file: File): Promise<{ text: string; source: PublishedTextSource }> {
  const name = file.name.toLowerCase();
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (name.endsWith('.docx')) {
    const { readDocxText } = await import('../io/docx-text');
    return { text: await readDocxText(bytes), source: 'docx' };
  }
  if (name.endsWith('.txt')) {
    const utf8 = new TextDecoder('utf-8').decode(bytes);
    return { text: utf8.includes('\uFFFD') ? new TextDecoder('gb18030').decode(bytes) : utf8, source: 'paste' };
  }
  throw new Error(T.notText);
}

export function mountTextReview(container: HTMLElement, session: WorkbookSession, nav: TextReviewNav): TextReviewView {
  const status = el('span', { class: 'tr-status', role: 'status', 'aria-live': 'polite' });
  const pasteButton = el('button', { type: 'button', class: 'btn tr-paste-open' }, T.paste);
  const fileInput = el('input', { type: 'file', accept: '.docx,.txt', class: 'tr-file', 'aria-label': T.open });
  const openButton = el('button', { type: 'button', class: 'btn tr-open' }, T.open);
  const clearButton = el('button', { type: 'button', class: 'btn tr-clear' }, T.clear);
  const counts = el('span', { class: 'tr-counts' });
  const bar = el('div', { class: 'tr-bar' }, pasteButton, openButton, fileInput, clearButton, counts, status);

  const area = el('textarea', { class: 'tr-input', rows: '14', 'aria-label': T.pasteLabel, placeholder: T.pastePlaceholder });
  const checkButton = el('button', { type: 'button', class: 'btn tr-check' }, T.check);
  const cancelButton = el('button', { type: 'button', class: 'btn tr-cancel' }, T.cancel);
  const pastePanel = el('div', { class: 'tr-paste' }, area, el('div', { class: 'tr-paste-actions' }, checkButton, cancelButton));

  const empty = el('p', { class: 'tr-empty' }, T.empty);
  const list = el('section', { class: 'tr-findings', 'aria-label': T.findingsLabel });
  const doc = el('article', { class: 'tr-text', 'aria-label': T.textLabel });
  const body = el('div', { class: 'tr-body' }, list, doc);
  const element = el('div', { class: 'text-review' }, bar, el('p', { class: 'tr-hint' }, T.hint), pastePanel, empty, body);
  container.append(element);

  let review: TextReview | null = null;
  let chunks: Chunk[] = [];
  const items = new Map<string, HTMLElement>();
  let current: string | null = null;
  let shownFor: string | null = null;

  const say = (t: string) => setText(status, t);

  function showPaste(open: boolean): void {
    pastePanel.hidden = !open;
    if (open) {
      area.value = session.doc.publishedText?.text ?? '';
      area.focus();
    }
  }

  function load(text: string, source: PublishedTextSource, name?: string): void {
    if (session.readOnly) {
      say(session.readOnly);
      return;
    }
    if (text.length > MAX_PUBLISHED_TEXT) say(T.tooLong(MAX_PUBLISHED_TEXT.toLocaleString('en-US')));
    session.setPublishedText(text.trim() ? { text, source, ...(name ? { name } : {}) } : null);
    showPaste(false);
    refresh(true);
    if (text.trim()) say(T.read(Math.min(text.length, MAX_PUBLISHED_TEXT)));
  }

  pasteButton.addEventListener('click', () => showPaste(pastePanel.hidden !== false));
  cancelButton.addEventListener('click', () => showPaste(false));
  checkButton.addEventListener('click', () => load(area.value, 'paste'));
  openButton.addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    fileInput.value = '';
    if (!file) return;
    readFileText(file).then(
      ({ text, source }) => load(text, source, file.name),
      (e: unknown) => say(e instanceof Error ? e.message : String(e)),
    );
  });
  clearButton.addEventListener('click', () => {
    if (!session.doc.publishedText) return;
    load('', 'paste');
    say(T.cleared);
  });

  function renderFindings(r: TextReview): void {
    items.clear();
    const groups: ['表文' | '文内', TextFinding[]][] = [
      ['表文', r.findings.filter((f) => f.group === '表文')],
      ['文内', r.findings.filter((f) => f.group === '文内')],
    ];
    const blocks: HTMLElement[] = [];
    if (!r.findings.length) blocks.push(el('p', { class: 'tr-none' }, T.none));
    for (const [group, fs] of groups) {
      if (!fs.length) continue;
      const ul = el('ul', { class: 'tr-list' });
      for (const f of fs) {
        const cell = f.figure?.cells[0];
        const jump = cell ? el('button', { type: 'button', class: 'btn tr-cell', title: T.toCellTitle(f.figure!.label) }, T.toCell) : null;
        jump?.addEventListener('click', (e) => {
          e.stopPropagation();
          nav.goToCell(cell!.sheet, cell!.row, cell!.col);
        });
        const li = el(
          'li',
          { class: `tr-finding tr-${f.severity}`, 'data-finding': f.id, 'data-class': f.class, tabindex: '0' },
          el('span', { class: 'tr-sev' }, T.severity[f.severity]),
          el('span', { class: 'tr-class' }, TEXT_FINDING_CLASS[f.class]),
          el('span', { class: 'tr-msg' }, f.message),
          jump,
        );
        li.addEventListener('click', () => select(f.id, true));
        li.addEventListener('keydown', (e) => {
          if (e.key === 'Enter') select(f.id, true);
        });
        items.set(f.id, li);
        ul.append(li);
      }
      blocks.push(el('h3', { class: 'tr-group' }, `${group}（${fs.length}）`), ul);
    }
    list.replaceChildren(...blocks);
  }

  function renderText(r: TextReview): void {
    const text = r.reading.text;
    const cuts = new Set([0, text.length]);
    for (const f of r.findings) [f.sentence.start, f.sentence.end, f.span.start, f.span.end].forEach((x) => cuts.add(x));
    const points = [...cuts].sort((a, b) => a - b);
    chunks = [];
    const nodes: HTMLElement[] = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const [start, end] = [points[i]!, points[i + 1]!];
      const marks = r.findings.filter((f) => f.span.start <= start && end <= f.span.end && f.span.start < f.span.end);
      const inSentence = r.findings.some((f) => f.sentence.start <= start && end <= f.sentence.end);
      const worst = marks.find((f) => f.severity === 'error') ?? marks[0];
      const cls = ['tr-chunk', inSentence ? 'tr-sent' : '', worst ? `tr-mark tr-mark-${worst.severity}` : ''].filter(Boolean).join(' ');
      const node = el('span', { class: cls, ...(worst ? { 'data-finding': worst.id, title: worst.message } : {}) }, text.slice(start, end));
      if (worst) node.addEventListener('click', () => select(worst.id, false));
      chunks.push({ start, end, node });
      nodes.push(node);
    }
    doc.replaceChildren(...nodes);
  }

  /** Marks a finding's sentence, selects it as text and scrolls to it (and to its list entry). */
  function select(id: string, toText: boolean): void {
    const f = review?.findings.find((x) => x.id === id);
    if (!f) return;
    current = id;
    for (const [k, li] of items) li.toggleAttribute('aria-current', k === id);
    const inside = chunks.filter((c) => f.sentence.start <= c.start && c.end <= f.sentence.end);
    for (const c of chunks) c.node.classList.toggle('tr-current', inside.includes(c));
    const first = inside[0]?.node;
    const last = inside[inside.length - 1]?.node;
    if (first && last) {
      const range = document.createRange();
      range.setStartBefore(first);
      range.setEndAfter(last);
      const sel = window.getSelection();
      sel?.removeAllRanges();
      sel?.addRange(range);
      if (toText) first.scrollIntoView({ block: 'center' });
    }
    if (!toText) items.get(id)?.scrollIntoView({ block: 'nearest' });
  }

  function refresh(force = false): void {
    const published = session.doc.publishedText;
    const key = published ? `${published.text.length}:${published.text.slice(0, 64)}` : null;
    empty.hidden = published !== undefined;
    body.hidden = published === undefined;
    clearButton.disabled = published === undefined;
    if (!published) {
      review = null;
      list.replaceChildren();
      doc.replaceChildren();
      setText(counts, '');
      shownFor = null;
      return;
    }
    if (!force && key === shownFor && review) return;
    review = readPublishedText(session.engine, published.text);
    shownFor = key;
    renderFindings(review);
    renderText(review);
    const fs = review.findings;
    const from = T.source(T.sourceWords[published.source], published.name);
    setText(counts, `${T.counts(fs.filter((f) => f.group === '表文').length, fs.filter((f) => f.group === '文内').length, fs.filter((f) => f.severity === 'error').length, fs.filter((f) => f.severity === 'warning').length)} · ${T.coverage(review.matches.length, review.matches.filter((m) => m.figure).length)} · ${from}`);
    if (current && fs.some((f) => f.id === current)) select(current, false);
  }

  // A changed table changes what the text is checked against: check again when the tab is shown.
  const unsubscribe = session.subscribe((e) => {
    if (e.type === 'change' && element.isConnected && !element.closest('[hidden]')) refreshSoon();
    else if (e.type === 'change') shownFor = null;
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  function refreshSoon(): void {
    clearTimeout(timer);
    timer = setTimeout(() => refresh(true), 300);
  }

  showPaste(false);
  refresh(true);
  return {
    element,
    refresh: () => refresh(shownFor === null),
    load,
    destroy() {
      clearTimeout(timer);
      unsubscribe();
      element.remove();
    },
  };
}
