// The running text of a read PDF (everything outside the tables) as paragraphs, each line's place
// in the text kept (page and box), so that a finding on a sentence can show where it is printed.
// Wrapped lines of one paragraph are joined without a break (Chinese has no spaces between words).
import type { Box, PageLayout } from '../io/pdf-grid';

/** Where a stretch of the text is printed. */
export interface TextSpan {
  start: number;
  end: number;
  page: number;
  box: Box;
}

export interface DocumentText {
  /** Paragraphs separated by '\n'. */
  text: string;
  /** One span per printed line, in text order. */
  lines: TextSpan[];
}

/** A line that starts a paragraph by its own words: a heading or a numbered item. */
const STARTS = /^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[、.．](?!\d)|注[:：]|说明[:：])/;

export function documentText(pages: readonly PageLayout[]): DocumentText {
  let text = '';
  const lines: TextSpan[] = [];
  // The previous line and the right edge of its page's text block: a paragraph may run onto the next page.
  let prev: PageLayout['lines'][number] | null = null;
  let prevRight = 0;
  for (const page of pages) {
    const ls = page.lines;
    if (!ls.length) continue;
    // The text block's edges on this page: most lines start at `left` and run to `right`.
    const left = Math.min(...ls.map((l) => l.box.x));
    const right = Math.max(...ls.map((l) => l.box.x + l.box.w));
    for (const l of ls) {
      const t = l.text.trim();
      if (!t || /^[-—\s\d]+$/.test(t)) continue; // page numbers (— 12 —)
      const em = l.size || 12;
      const newParagraph =
        !prev ||
        STARTS.test(t) ||
        l.box.x - left > em * 1.2 ||
        prevRight - (prev.box.x + prev.box.w) > em * 2.5 ||
        Math.abs(l.size - prev.size) > 1.5 ||
        (prev.page === l.page && l.box.y - (prev.box.y + prev.box.h) > em * 1.2);
      if (text && newParagraph) text += '\n';
      const start = text.length;
      text += t;
      lines.push({ start, end: text.length, page: page.page, box: l.box });
      prev = l;
      prevRight = right;
    }
  }
  return { text, lines };
}

/** The printed lines a stretch of the text covers (for showing a sentence on its page). */
export function spansOf(doc: DocumentText, start: number, end: number): TextSpan[] {
  return doc.lines.filter((l) => l.end > start && l.start < end);
}
