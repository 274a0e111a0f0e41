// 审查: printed figures of computed cells travel through the 工作底稿 XLSX (in the hidden marker),
// and the imported workbook finds the same 印刷数 slips.
import { describe, expect, it } from 'vitest';
import { exampleDocument, openWorkbook } from '../../src/app/templates';
import { PRINTED_RULE } from '../../src/engine';
import { importXlsx } from '../../src/io/xlsx-import';
import { exportEngine, IMPORT_DEPS } from './support';

describe('XLSX round trip of printed figures', () => {
  it('keeps every printed figure and the findings they give', async () => {
    const printed = { t06: { public: { amount: '596.71' }, personnel: { amount: '979.88' } }, t02: { sum: { fin: '1576.03' } } };
    const e = openWorkbook({ ...exampleDocument(), printed });
    const bytes = await exportEngine(e);
    e.destroy();
    const { document, notes } = await importXlsx(bytes, IMPORT_DEPS);
    expect(notes).toEqual([]);
    expect(document.printed).toEqual(printed);
    const back = openWorkbook(document);
    expect(back.audit().filter((f) => f.ruleId === PRINTED_RULE).map((f) => [f.rowId, f.severity, f.diff?.toFixed(2)])).toEqual([
      ['printed:t02:sum:fin', 'warning', '-0.02'],
      ['printed:t06:public:amount', 'error', '0.54'],
    ]);
    back.destroy();
  });

  it('a workbook without printed figures imports without them', async () => {
    const e = openWorkbook(exampleDocument());
    const { document } = await importXlsx(await exportEngine(e), IMPORT_DEPS);
    e.destroy();
    expect('printed' in document).toBe(false);
  });
});
