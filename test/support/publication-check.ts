// Checks the text of an exported publication (Word → LibreOffice → PDF, or the print PDF) against
// the engine: every table figure on its table's pages (as a multiset, read from engine.amount,
// not from the publication model), and every 情况说明 paragraph verbatim. Node-only.
import { spawn } from 'node:child_process';
import { formatAmount } from '../../src/model/amount';
import type { WorkbookEngine } from '../../src/engine';
import { paragraphText, renderNarrative, type RenderedSection } from '../../src/engine/narrative';

/**
 * pdftotext of a whole file, one string per page. `raw` keeps the content-stream order: Chromium
 * writes a line's Latin and CJK runs separately, and the layout order then misplaces a figure
 * that starts a line.
 */
export function pdfPages(pdfPath: string, opts: { raw?: boolean } = {}): Promise<string[]> {
  return new Promise((ok, fail) => {
    const child = spawn('pdftotext', ['-enc', 'UTF-8', ...(opts.raw ? ['-raw'] : []), pdfPath, '-'], { stdio: ['ignore', 'pipe', 'pipe'] });
    // Buffers joined before decoding: a chunk boundary may split a UTF-8 character.
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? ok(Buffer.concat(out).toString('utf8').split('\f').slice(0, -1)) : fail(new Error(`pdftotext exited ${code}: ${err}`))));
  });
}

const squash = (s: string): string => s.replace(/\s+/g, '');

const AMOUNT = /-?\d{1,3}(?:,\d{3})*\.\d{2}/g;

/** The figures a table prints, from the engine: 2-dp amounts with separators, zeros per the table's style. */
export function tableFigures(engine: WorkbookEngine, sheet: string): string[] {
  const layout = engine.sheet(sheet as never);
  const out: string[] = [];
  for (const row of layout.cells) {
    for (const cell of row) {
      if (!cell || cell.t === 'text' || cell.format === 'count') continue;
      const v = engine.amount(sheet as never, cell.row, cell.col);
      if (v === null || v.isZero()) {
        if (layout.zero === 'zero') out.push('0.00');
      } else out.push(formatAmount(v));
    }
  }
  return out.sort();
}

export interface PublicationCheck {
  tables: { id: string; pages: number[]; expected: number; missing: string[]; extra: string[] }[];
  paragraphs: number;
  missingParagraphs: string[];
  headings: number;
  missingHeadings: string[];
}

function sectionTexts(s: RenderedSection, out: { headings: string[]; paragraphs: string[] }): void {
  out.headings.push(s.title);
  out.paragraphs.push(...s.paragraphs.map(paragraphText));
  s.sections.forEach((x) => sectionTexts(x, out));
}

/** Compares the PDF text with the engine; empty `missing`/`extra` lists mean everything is there. */
export function checkPublicationPdf(engine: WorkbookEngine, pages: string[]): PublicationCheck {
  const squashed = pages.map(squash);
  const dept = squash(`部门：${engine.document().meta.department}`);
  const tableDefs = engine.template.tables;
  // A table's pages: from the page with its title and 部门： line (not the 目录) to the next table's.
  const starts = tableDefs.map((t) => squashed.findIndex((p) => p.includes(squash(t.title)) && p.includes(squash(t.publicNo)) && p.includes(dept)));
  const texts = { headings: [] as string[], paragraphs: [] as string[] };
  const rendered = renderNarrative(engine);
  rendered.sections.forEach((s) => sectionTexts(s, texts));
  const partTitles = rendered.sections.map((s) => squash(s.title));
  const tables = tableDefs.map((t, i) => {
    const start = starts[i]!;
    const later = starts.slice(i + 1).filter((s) => s > start);
    let end = start + 1;
    if (later.length) end = Math.min(...later);
    // The last table runs until the page where the next part (a 情况说明 part) begins.
    else while (end < pages.length && !partTitles.some((title) => squashed[end]!.includes(title))) end++;
    const range = start < 0 ? [] : Array.from({ length: end - start }, (_, k) => start + k);
    const found = range.flatMap((p) => pages[p]!.match(AMOUNT) ?? []);
    const expected = tableFigures(engine, t.id);
    const pool = [...found];
    const missing: string[] = [];
    for (const e of expected) {
      const at = pool.indexOf(e);
      if (at < 0) missing.push(e);
      else pool.splice(at, 1);
    }
    return { id: t.id, pages: range.map((p) => p + 1), expected: expected.length, missing, extra: pool };
  });
  // Page footers (— 12 —) sit between the halves of a paragraph that runs over a page break.
  const all = squashed.map((p) => p.replace(/—\d+—/g, '')).join('');
  return {
    tables,
    paragraphs: texts.paragraphs.length,
    missingParagraphs: texts.paragraphs.filter((p) => !all.includes(squash(p))),
    headings: texts.headings.length,
    missingHeadings: texts.headings.filter((h) => !all.includes(squash(h))),
  };
}
