// Layouts share what does not change between builds (parsed formula texts, expanded 审核 rules):
// a rule is only reused for the same template rule, code and name, so a rename still shows.
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../sheets';
import { openWorkbook, restoreDocument } from '../../src/app/templates';

const national = EXAMPLES.find((x) => x.id === 'national-2022')!;

describe('expanded 审核 rules across layouts', () => {
  it('reuses the rules of unchanged codes and relabels a renamed one', () => {
    const e = openWorkbook(restoreDocument(national.doc).doc);
    try {
      const cls = e.document().codes.gpb[0]!.slice(0, 3);
      const other = e.layout.rules.find((r) => r.rowId.startsWith('X14-3:') && r.rowId !== `X14-3:${cls}`)!;
      const before = e.layout.rules.find((r) => r.rowId === `X14-3:${cls}`)!;
      const catalogueName = e.codes.name(cls);
      expect(before.leftLabel).toBe(`公开04表${catalogueName}合计`);

      e.setCodeName(cls, '改过的类名');
      const renamed = e.layout.rules.find((r) => r.rowId === `X14-3:${cls}`)!;
      expect(renamed.leftLabel).toBe('公开04表改过的类名合计');
      expect(renamed.rightLabel).toBe('公开01表改过的类名');
      expect(e.layout.rules.find((r) => r.rowId === other.rowId)).toBe(other);

      e.setCodeName(cls, '');
      expect(e.layout.rules.find((r) => r.rowId === `X14-3:${cls}`)!.leftLabel).toBe(`公开04表${catalogueName}合计`);
      expect(e.layout.rules.find((r) => r.rowId === `X14-3:${cls}`)!.def.left.expr).toBe(`{fiscalIncomeExpenditure:${cls}:all}`);
    } finally {
      e.destroy();
    }
  });
});
