// The rendered 情况说明 as plain text (复制全文): headings and paragraphs, one per line.
import type { RenderedNarrative, RenderedParagraph, RenderedSection } from './types';

export function paragraphText(p: RenderedParagraph): string {
  return p.segments.map((s) => s.text).join('');
}

function sectionLines(s: RenderedSection): string[] {
  return [s.title, ...s.paragraphs.map(paragraphText), ...s.sections.flatMap(sectionLines)];
}

/** Whole narrative; parts (第…部分) are separated by a blank line. */
export function narrativePlainText(n: RenderedNarrative): string {
  return n.sections.map((s) => sectionLines(s).join('\n')).join('\n\n') + '\n';
}
