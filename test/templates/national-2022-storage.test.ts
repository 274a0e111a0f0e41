// #10 item 9: storage (IndexedDB under fake-indexeddb), history, scenarios and compare, JSON
// backup and XLSX export/import all work for a national-2022 workbook, not only for hn-2021.
// Expected figures are worked out by hand from the example's inputs.
import { describe, expect, it } from 'vitest';
import { exportWorkbook, importBackup } from '../../src/app/backup';
import { restoreSnapshot, snapshotBeforeImport } from '../../src/app/history';
import { compareWorkbooks, createScenario } from '../../src/app/scenarios';
import { nationalExampleDocument, openWorkbook } from '../../src/app/templates';
import { importXlsx } from '../../src/io/xlsx-import';
import { exportEngine, IMPORT_DEPS } from '../io/support';
import { STORE_KINDS } from '../storage/store-fixtures';

// 06 (basicExpenditure) 30201 办公费 60.25 → 70.25: 公用经费 254.75 → 264.75, 基本支出 1234.65 → 1244.65,
// share 264.75 ÷ 1244.65 = 21.2710…% → 21.27% (was 254.75 ÷ 1234.65 = 20.633…% → 20.63%).
const EDIT = { sheet: 'basicExpenditure', row: '30201', col: 'amount', raw: '70.25' } as const;

describe.each(STORE_KINDS)('national-2022 in %s', (_name, make) => {
  it('stores, lists and reloads the example unchanged, with its template named', async () => {
    const { store } = make();
    const [info] = await store.create([{ info: { id: 'n1', name: '示范市2023', kind: 'base' }, doc: nationalExampleDocument() }]);
    expect(info).toMatchObject({ id: 'n1', department: '示范市城市管理局', year: 2023 });
    const { doc } = await store.load('n1');
    expect(doc).toEqual(nationalExampleDocument());
    expect(doc.templateId).toBe('national-2022');
    const e = openWorkbook(doc);
    expect([e.figure('public')?.toFixed(2), e.figure('publicShare')?.toFixed(2)]).toEqual(['254.75', '20.63']);
    e.destroy();
  });

  it('a scenario edit compares against the base; a snapshot restores the base figures', async () => {
    const { store } = make();
    await store.create([{ info: { id: 'n1', name: '示范市2023', kind: 'base' }, doc: nationalExampleDocument() }]);
    const s = await createScenario(store, 'n1', '办公费增加10万元');
    const loaded = await store.load(s.id);
    const scenario = openWorkbook(loaded.doc);
    scenario.setInput(EDIT.sheet, EDIT.row, EDIT.col, EDIT.raw);
    await store.save(s.id, scenario.document(), loaded.info.revision);
    const base = openWorkbook((await store.load('n1')).doc);
    const c = compareWorkbooks(base, scenario);
    expect(c.inputs.map((i) => [i.sheet, i.row, i.before, i.after, i.diff])).toEqual([['basicExpenditure', '30201', '60.25', '70.25', '+10.00']]);
    const fig = Object.fromEntries(c.figures.map((f) => [f.id, [f.baseText, f.scenarioText, f.diffText]]));
    expect(fig.public).toEqual(['254.75', '264.75', '+10.00']);
    expect(fig.basicTotal).toEqual(['1,234.65', '1,244.65', '+10.00']);
    expect(fig.publicShare).toEqual(['20.63%', '21.27%', '+0.64个百分点']);
    // 05 基本支出 (1234.65) no longer equals 06 (1244.65): one more 审核 error in the scenario.
    expect(scenario.audit().filter((f) => f.severity === 'error').map((f) => [f.ruleId, f.diff?.toFixed(2)])).toEqual([['X56-1', '-10.00']]);

    const { revision } = (await store.load(s.id)).info;
    const snap = await snapshotBeforeImport(store, s.id, { doc: loaded.doc, revision }, '其他.xlsx');
    const back = await restoreSnapshot(store, s.id, snap.id, { doc: scenario.document(), revision });
    const restored = openWorkbook(back.doc);
    expect(restored.amount('basicExpenditure', 'public', 'amount')?.toFixed(2)).toBe('254.75');
    [base, scenario, restored].forEach((e) => e.destroy());
  });

  it('a JSON backup of the workbook imports into another store as the same document', async () => {
    const a = make();
    await a.store.create([{ info: { id: 'n1', name: '示范市2023', kind: 'base' }, doc: nationalExampleDocument() }]);
    const out = await exportWorkbook(a.store, 'n1', new Date(2026, 11, 2, 9, 0));
    expect(out.fileName).toBe('决算公开备份-示范市城市管理局-2023-20261202-0900.json');
    const b = make();
    const { imported, notes } = await importBackup(b.store, out.text);
    expect(notes).toEqual([]);
    expect(imported.map((i) => i.name)).toEqual(['示范市2023']);
    expect((await b.store.load(imported[0]!.id)).doc).toEqual(nationalExampleDocument());
  });
});

describe('national-2022 XLSX round trip', () => {
  it('exports and imports back to the same document; an edited input comes back with its totals', async () => {
    const e = openWorkbook(nationalExampleDocument());
    const bytes = await exportEngine(e);
    const { document, notes } = await importXlsx(bytes, IMPORT_DEPS);
    expect(notes).toEqual([]);
    expect(document).toEqual(nationalExampleDocument());
    e.setInput(EDIT.sheet, EDIT.row, EDIT.col, EDIT.raw);
    const again = openWorkbook((await importXlsx(await exportEngine(e), IMPORT_DEPS)).document);
    expect(again.amount('basicExpenditure', 'public', 'amount')?.toFixed(2)).toBe('264.75');
    expect(again.figure('publicShare')?.toFixed(2)).toBe('21.27');
    [e, again].forEach((x) => x.destroy());
  });
});
