// The engine ↔ src/io adapters: the export input is a snapshot of the open workbook with the
// 情况说明 as the reference prints it, and the import callbacks rebuild the engine's exact layout
// without a formula engine (also for added codes), so an export reads back unchanged.
import { describe, expect, it } from 'vitest';
import { documentLayout, exampleDocument, openWorkbook } from '../../src/app/templates';
import { XLSX_IMPORT_DEPS, xlsxExportInput } from '../../src/app/xlsx-export-data';
import { exportXlsx } from '../../src/io/xlsx-export';
import { importXlsx } from '../../src/io/xlsx-import';
import { roundHalfUp } from '../../src/model/amount';

function withCodes() {
  const engine = openWorkbook(exampleDocument());
  engine.addCode('gpb', '2080505');
  engine.addCode('gpb', '2010398', '自定义审批事务');
  engine.addEconomicCode('30311');
  // 03 typed over (05 has nothing for it): the whole figure is 非财政拨款.
  engine.setInput('t03', '2080505', 'basic', '12.5');
  return engine;
}

describe('documentLayout', () => {
  it('is the layout the engine builds, for the example and after codes were added', () => {
    for (const engine of [openWorkbook(exampleDocument()), withCodes()]) {
      expect(documentLayout(engine.document())).toEqual(engine.layout.sheets);
    }
  });
});

describe('xlsxExportInput', () => {
  const engine = openWorkbook(exampleDocument());
  const input = xlsxExportInput(engine);

  it('has every sheet in workbook order with its values', () => {
    expect(input.sheets.map((s) => s.layout.id)).toEqual(['t01', 't02', 't03', 't04', 't05', 't06', 't07', 't08', 't09', 'sup', 'fig', 'perf', 'audit']);
    const t06 = input.sheets[5]!;
    const at = t06.layout.index.get('public|amount')!;
    expect(roundHalfUp(t06.values[at.r]![at.c] as number, 2).toFixed(2)).toBe('596.17');
  });

  it('carries the 情况说明 in reading order, figures as the reference prints them', () => {
    const headings = input.narrative!.map((s) => s.heading);
    expect(headings.indexOf('第一部分 蓝山县行政审批服务局部门概况')).toBeLessThan(headings.indexOf('一、部门职能职责'));
    const six = input.narrative!.find((s) => s.heading === '六、一般公共预算财政拨款基本支出决算情况说明')!;
    expect(six.paragraphs[0]).toContain('人员经费979.88万元，占基本支出的62.17%');
    expect(six.paragraphs[0]).toContain('公用经费596.17万元，占基本支出的37.83%');
    const procurement = input.narrative!.find((s) => s.heading === '（三）政府采购支出情况')!;
    expect(procurement.paragraphs[0]).toContain('政府采购支出总额101.55万元');
  });

  it('carries the 第五部分 绩效自评报告 after the 名词解释, its score as computed', () => {
    const headings = input.narrative!.map((s) => s.heading);
    expect(headings.indexOf('第四部分 名词解释')).toBeLessThan(headings.indexOf('第五部分 附件'));
    const p3 = input.narrative!.find((s) => s.heading === '三、预算执行与管理情况')!;
    expect(p3.paragraphs[0]).toContain('我单位2021年度评价得分为98分');
    expect(p3.paragraphs).toContain('指标4：培训会议人均经费≤60元/人，得2.5分。');
  });

  it('is a snapshot: an edit after it was taken does not change it', () => {
    const e = openWorkbook(exampleDocument());
    const before = xlsxExportInput(e);
    e.setInput('t06', '30201', 'amount', '31.34');
    expect(before.document.inputs.t06?.['30201']?.amount).toBe('21.34');
    const at = before.sheets[5]!.layout.index.get('30201|amount')!;
    expect(before.sheets[5]!.values[at.r]![at.c]).toBe(21.34);
  });
});

describe('XLSX_IMPORT_DEPS', () => {
  it('reads back an export with added codes as the same document, with nothing to report', async () => {
    const engine = withCodes();
    const { document, notes } = await importXlsx(await exportXlsx(xlsxExportInput(engine)), XLSX_IMPORT_DEPS);
    expect(notes).toEqual([]);
    expect(document).toEqual(engine.document());
    expect(document.inputs.t03?.['2080505']?.basic).toBe('12.50');
    expect(document.inputs.sup?.['nonfiscal.basic.2080505']).toBeUndefined();
  });
});
