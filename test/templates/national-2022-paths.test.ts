// The national-2022 example through every path a Hunan workbook takes: storage, JSON backup, a
// scenario compare, and XLSX export/import (the 情况说明 sheet included).
import { describe, expect, it } from 'vitest';
import { exportWorkbook, importBackup } from '../../src/app/backup';
import { compareWorkbooks } from '../../src/app/scenarios';
import { exampleDocument, nationalExampleDocument, openWorkbook, restoreDocument } from '../../src/app/templates';
import { XLSX_IMPORT_DEPS, xlsxExportInput } from '../../src/app/xlsx-export-data';
import { exportXlsx } from '../../src/io/xlsx-export';
import { importXlsx } from '../../src/io/xlsx-import';
import { MemoryStore } from '../../src/storage';

describe('national-2022 on every path', () => {
  it('stores and loads unchanged; a JSON backup names its template and version and imports back', async () => {
    const store = new MemoryStore({ restore: restoreDocument });
    await store.create([{ info: { id: 'n', name: '示范2023', kind: 'base' }, doc: nationalExampleDocument() }]);
    const loaded = await store.load('n');
    expect(loaded.doc).toEqual(nationalExampleDocument());
    expect(loaded.migrated).toEqual([]);
    const out = await exportWorkbook(store, 'n');
    const file = JSON.parse(out.text);
    expect(file.workbooks[0].document).toMatchObject({ templateId: 'national-2022', templateVersion: 2 });
    const other = new MemoryStore({ restore: restoreDocument });
    const { imported } = await importBackup(other, out.text);
    expect((await other.load(imported[0]!.id)).doc).toEqual(nationalExampleDocument());
  });

  it('a scenario compare lists the changed input and the figures that follow', () => {
    const base = openWorkbook(nationalExampleDocument());
    const scenario = openWorkbook(nationalExampleDocument());
    scenario.setInput('basicExpenditure', '30201', 'amount', '70.25');
    const c = compareWorkbooks(base, scenario);
    expect(c.inputs.map((i) => [i.sheet, i.row, i.before, i.after, i.diff])).toEqual([['basicExpenditure', '30201', '60.25', '70.25', '+10.00']]);
    expect(c.figures.find((f) => f.id === 'public')?.diffText).toBe('+10.00');
    base.destroy();
    scenario.destroy();
  });

  it('XLSX export and import: same inputs, template named in the marker', async () => {
    const e = openWorkbook(nationalExampleDocument());
    e.setInput('govFund', '2120801', 'exp_proj', '790.00');
    const bytes = await exportXlsx(xlsxExportInput(e));
    const back = await importXlsx(bytes, XLSX_IMPORT_DEPS);
    expect(back.document).toEqual(e.document());
    expect(back.notes).toEqual([]);
    const again = openWorkbook(back.document);
    expect(again.amount('fiscalIncomeExpenditure', 'close.gf', 'all')?.toFixed(2)).toBe('60.00');
    e.destroy();
    again.destroy();
  });

  it('importing a workbook whose year does not fit its template says so, once', async () => {
    const e = openWorkbook(exampleDocument());
    e.setMeta({ year: 2023 });
    const back = await importXlsx(await exportXlsx(xlsxExportInput(e)), XLSX_IMPORT_DEPS);
    expect(back.notes).toEqual([
      '决算年度 2023 不在模板「湖南省2021年度部门决算公开模板」的适用年度（2019–2021年）内，表样和情况说明可能与该年度的公开要求不符；可新建工作簿时选择适用的模板，再从上年结转',
    ]);
    e.destroy();
  });
});
