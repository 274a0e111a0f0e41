// 导出PDF: the Publication as a dedicated print document (cover, 目录, text on portrait A4, each
// table on landscape A4 with its header rows repeated), placed under <body> and handed to the
// browser's own print, whose 另存为 PDF writes the file. No PDF library, no font to ship, nothing
// leaves the machine. DOM by textContent only.
import type { Publication, PublicationCell, PublicationRow, PublicationTable } from '../model/publication';
import { el } from './dom';
import './publication-print.css';

export const PRINT_ROOT_CLASS = 'print-root pub-print-root';

function cell(tag: 'th' | 'td', c: PublicationCell): HTMLTableCellElement {
  const node = el(tag, { class: `pp-${c.align}${c.bold ? ' pp-bold' : ''}${c.indent ? ` pp-indent-${Math.min(c.indent, 3)}` : ''}${c.numeric ? ' pp-num' : ''}` }, c.text);
  if (c.colspan > 1) node.colSpan = c.colspan;
  if (c.rowspan > 1) node.rowSpan = c.rowspan;
  return node;
}

function rows(list: readonly PublicationRow[], tag: 'th' | 'td'): HTMLTableRowElement[] {
  return list.map((r) => el('tr', { class: `pp-r-${r.kind}` }, ...r.cells.map((c) => (c ? cell(tag, c) : null))));
}

function table(t: PublicationTable, lead: HTMLElement[]): HTMLElement {
  const total = t.colWidths.reduce((a, b) => a + b, 0) || 1;
  const cols = el('colgroup', {}, ...t.colWidths.map(() => el('col')));
  // Column widths as percentages through the CSSOM (the CSP forbids style attributes in HTML text, not this).
  [...cols.children].forEach((c, i) => ((c as HTMLElement).style.width = `${((t.colWidths[i]! / total) * 100).toFixed(2)}%`));
  return el(
    'section',
    { class: `pp-table-page${t.colWidths.length > 8 ? ' pp-wide' : ''}`, 'data-table': t.id },
    ...lead,
    el('h3', { class: 'pp-table-title' }, t.title),
    el('div', { class: 'pp-public-no' }, t.publicNo),
    el('div', { class: 'pp-meta' }, el('span', {}, t.department), el('span', {}, t.unit)),
    el('table', { class: 'pp-table' }, cols, el('thead', {}, ...rows(t.header, 'th')), el('tbody', {}, ...rows(t.body, 'td'))),
    ...t.notes.map((n) => el('p', { class: 'pp-note' }, n)),
  );
}

/** The print document of a publication (not yet in the page). */
export function publicationDocument(pub: Publication): HTMLElement {
  const root = el('div', { class: PRINT_ROOT_CLASS, lang: 'zh-CN' });
  root.append(
    el('section', { class: 'pp-cover' }, el('h1', {}, pub.cover.department), el('h1', {}, `${pub.cover.year}年度部门决算`)),
    el(
      'section',
      { class: 'pp-toc' },
      el('h2', {}, '目录'),
      ...pub.toc.map((e) => el('p', { class: `pp-toc-${Math.min(e.level, 2)}` }, e.text)),
    ),
  );
  for (const part of pub.parts) {
    const title = el('h2', { class: 'pp-part' }, part.title);
    let text: HTMLElement | null = null;
    let lead: HTMLElement[] = [title];
    for (const b of part.blocks) {
      if (b.kind === 'table') {
        root.append(table(b.table, lead));
        lead = [];
        text = null;
        continue;
      }
      if (!text) {
        text = el('section', { class: 'pp-text' }, ...lead);
        lead = [];
        root.append(text);
      }
      text.append(b.kind === 'heading' ? el(b.level <= 1 ? 'h3' : 'h4', { class: `pp-h pp-h${b.level}` }, b.text) : el('p', { class: 'pp-p' }, b.text));
    }
    if (lead.length) root.append(el('section', { class: 'pp-text' }, ...lead));
  }
  return root;
}

const removeRoots = () => document.querySelectorAll('body > .pub-print-root').forEach((n) => n.remove());

/**
 * Puts the print document under <body> (the print stylesheet then hides the app) and opens the
 * browser's print dialog; the copy is removed after printing.
 */
export function printPublication(pub: Publication): HTMLElement {
  removeRoots();
  const root = publicationDocument(pub);
  document.body.append(root);
  window.addEventListener('afterprint', removeRoots, { once: true });
  window.print();
  return root;
}
