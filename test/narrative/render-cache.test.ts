// renderNarrative renders once per document state: the 审核, the 情况说明 tab and the exports share it.
import { describe, expect, it } from 'vitest';
import { exampleDocument, openWorkbook } from '../../src/app/templates';
import { narrativePlainText, renderNarrative } from '../../src/engine/narrative';

describe('renderNarrative per document', () => {
  it('returns the same render until the document changes, then the new figures', () => {
    const e = openWorkbook(exampleDocument());
    const first = renderNarrative(e);
    expect(renderNarrative(e)).toBe(first);
    expect(narrativePlainText(first)).toContain('37.83%');
    e.setInput('t06', '30201', 'amount', '31.34');
    const after = renderNarrative(e);
    expect(after).not.toBe(first);
    expect(narrativePlainText(after)).toContain('38.22%');
    e.destroy();
  });
});
