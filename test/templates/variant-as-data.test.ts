// A template variant written as data only — national-2022 with a renamed row id (inc.grand →
// inc.all) and an extra table t10 — opens, restores, carries over, exports and imports with no
// code change: nothing outside sheets/ knows a template's sheets or rows.
import { describe, expect, it } from 'vitest';
import { NATIONAL_2022 } from '../../sheets';
import { CATALOGUES, nationalExampleDocument } from '../../src/app/templates';
import { carryOverTo } from '../../src/app/workbook-library';
import { buildSheetLayouts, WorkbookEngine } from '../../src/engine';
import { exportXlsx } from '../../src/io/xlsx-export';
import { importXlsx } from '../../src/io/xlsx-import';
import { restore } from '../../src/model/restore';
import { templateInfos } from '../../src/model/template-info';
import type { FixedTableDef, TemplateDef } from '../../src/model/template';

/** Deep copy with every string rewritten (functions, e.g. migrations, kept as they are). */
function mapStrings<T>(x: T, f: (s: string) => string): T {
  if (typeof x === 'string') return f(x) as T;
  if (Array.isArray(x)) return x.map((v) => mapStrings(v, f)) as T;
  if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, mapStrings(v, f)])) as T;
  return x;
}

const T10: FixedTableDef = {
  kind: 'fixed',
  id: 't10',
  contentId: 'meetingTraining',
  publicNo: '公开10表',
  title: '会议费培训费支出决算表',
  note: '注：本表反映部门本年度会议费、培训费支出情况。',
  zero: 'zero',
  colWidths: [12, 12, 12],
  headerRows: 1,
  header: [
    { text: '合计', r: 0, c: 0 },
    { text: '会议费', r: 0, c: 1 },
    { text: '培训费', r: 0, c: 2 },
  ],
  dataRows: 1,
  cells: [
    { r: 0, c: 0, row: 'act', col: 'total', cell: { formula: '{meeting}+{training}' } },
    { r: 0, c: 1, row: 'act', col: 'meeting', cell: { input: true } },
    { r: 0, c: 2, row: 'act', col: 'training', cell: { input: true } },
  ],
};

// References from other sheets, and 01's own row id (04 keeps its own inc.grand).
const renamed = mapStrings(NATIONAL_2022, (s) => s.replaceAll('{incomeExpenditure:inc.grand:', '{incomeExpenditure:inc.all:'));
const summary = mapStrings(renamed.tables[0]!, (s) => s.replace(/^inc\.grand$/, 'inc.all').replaceAll('{inc.grand:', '{inc.all:'));
const VARIANT: TemplateDef = {
  ...renamed,
  id: 'variant-2024',
  name: '数据变体模板',
  tables: [summary, ...renamed.tables.slice(1), T10],
  figures: [...renamed.figures, { id: 'meetingTraining', label: '会议费培训费合计', formula: '{t10:act:total}', format: 'amount' }],
  carryOver: [
    ...renamed.carryOver.map((c) => (c.from.table === 'incomeExpenditure' && c.from.row === 'inc.grand' ? { ...c, from: { ...c.from, row: 'inc.all' } } : c)),
    { to: 'prior.opex', from: { table: 'meetingTraining', row: 'act', col: 'total' } },
  ],
};
const INFOS = templateInfos(new Map([[VARIANT.id, VARIANT]]));
const open = (doc: Parameters<typeof WorkbookEngine.open>[0]) => WorkbookEngine.open(doc, { template: VARIANT, catalogues: CATALOGUES });

function variantDoc() {
  const base = nationalExampleDocument();
  const raw = { ...base, templateId: VARIANT.id, inputs: { ...base.inputs, t10: { act: { meeting: '4.20', training: '6.8' } }, t99: { x: { y: '1' } } } };
  return restore(JSON.parse(JSON.stringify(raw)), INFOS);
}

describe('a template variant written as data only', () => {
  it('has the renamed row and no trace of the old id', () => {
    expect(JSON.stringify(VARIANT.tables[0])).not.toContain('inc.grand');
    expect(JSON.stringify(VARIANT.figures)).toContain('incomeExpenditure:inc.all:amount');
  });

  it('restores: keeps inputs of its extra table t10, drops a sheet it does not have, with a note', () => {
    const r = variantDoc();
    expect(r.doc.inputs.t10).toEqual({ act: { meeting: '4.20', training: '6.80' } });
    expect(r.doc.inputs.t99).toBeUndefined();
    expect(r.notes).toEqual(['忽略了模板「数据变体模板」没有的表「t99」']);
  });

  it('opens: the renamed row and t10 compute; the rest is the national example', () => {
    const e = open(variantDoc().doc);
    expect(e.amount('incomeExpenditure', 'inc.all', 'amount')?.toFixed(2)).toBe('2590.80');
    expect(e.has('incomeExpenditure', 'inc.grand', 'amount')).toBe(false);
    expect(e.figure('grandTotal')?.toFixed(2)).toBe('2590.80');
    expect(e.amount('t10', 'act', 'total')?.toFixed(2)).toBe('11.00');
    expect(e.sheet('t10').publicNo).toBe('公开10表');
    expect(e.audit()).toEqual([]);
    e.destroy();
  });

  it('carries over by content id, including t10, and lists nothing unmapped', () => {
    const prior = variantDoc().doc;
    const { doc, unmapped } = carryOverTo(prior, 2024, VARIANT, VARIANT);
    expect(unmapped).toEqual([]);
    expect(doc.templateId).toBe('variant-2024');
    expect(doc.inputs.sup?.['prior.grand']).toEqual({ value: '2590.80' });
    expect(doc.inputs.sup?.['prior.opex']).toEqual({ value: '11.00' });
  });

  it('carried from the built-in national template, the renamed row does not map and is listed', () => {
    const { doc, unmapped } = carryOverTo(nationalExampleDocument(), 2024, VARIANT);
    expect(unmapped).toEqual(['补充资料「上年收支总计」', '补充资料「上年机关运行经费」']);
    expect(doc.inputs.sup?.['prior.fiscalGrand']).toEqual({ value: '2512.30' });
  });

  it('exports to XLSX and imports back: same inputs, t10 included', async () => {
    const e = open(variantDoc().doc);
    e.setInput('t10', 'act', 'meeting', '5.20');
    const bytes = await exportXlsx({ document: e.document(), sheets: e.layout.sheets.map((layout) => ({ layout, values: e.sheetValues(layout.id) })) });
    const back = await importXlsx(bytes, { restore: (raw) => restore(raw, INFOS), layoutFor: (doc) => buildSheetLayouts(VARIANT, doc, CATALOGUES) });
    expect(back.document.inputs).toEqual(e.document().inputs);
    expect(back.document.templateId).toBe('variant-2024');
    const again = open(back.document);
    expect(again.amount('t10', 'act', 'total')?.toFixed(2)).toBe('12.00');
    e.destroy();
    again.destroy();
  });
});
