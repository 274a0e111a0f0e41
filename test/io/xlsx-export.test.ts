// The .xlsx writer, read back with ExcelJS and as raw XML: sheet names, live formulas with cached
// results, number formats, layout, print setup, the hidden marker, and text that stays text.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type SheetLayout } from '../../src/engine';
import { exampleDocument, openWorkbook } from '../../src/app/templates';
import { MARKER_SHEET } from '../../src/io/xlsx-common';
import { exportXlsx, numberFormat, xlsxFileName } from '../../src/io/xlsx-export';
import { exportEngine } from './support';
import { readZip } from './zip-tools';

const TABLES = ['公开01表', '公开02表', '公开03表', '公开04表', '公开05表', '公开06表', '公开07表', '公开08表', '公开09表'];

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer);
  return wb;
}

/** Path of each sheet's XML inside the zip, by sheet name. */
function sheetXml(files: Map<string, string>): Map<string, string> {
  const book = files.get('xl/workbook.xml')!;
  const rels = files.get('xl/_rels/workbook.xml.rels')!;
  const out = new Map<string, string>();
  for (const m of book.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${m[2]}"`).exec(rels)!;
    out.set(m[1]!, files.get(`xl/${(target[1] ?? target[2])!.replace(/^\/?xl\//, '')}`)!);
  }
  return out;
}

describe('exportXlsx on the example (蓝山县行政审批服务局 2021)', () => {
  let wb: ExcelJS.Workbook;
  let bytes: Uint8Array;
  const engine = openWorkbook(exampleDocument());
  beforeAll(async () => {
    bytes = await exportEngine(engine, [{ heading: '一、部门概况', paragraphs: ['（一）部门职责。'] }]);
    wb = await load(bytes);
  });

  it('names the sheets like the publication, with the marker very hidden at the end', () => {
    expect(wb.worksheets.map((s) => s.name)).toEqual([...TABLES, '补充资料', '情况说明', '关键数据', '绩效评分表', '审核', MARKER_SHEET]);
    expect(wb.getWorksheet(MARKER_SHEET)!.state).toBe('veryHidden');
    expect(wb.worksheets.filter((s) => s.name !== MARKER_SHEET).every((s) => s.state === 'visible')).toBe(true);
  });

  it('writes computed cells as formulas with the published figures as cached results', () => {
    const t06 = wb.getWorksheet('公开06表')!;
    // 公用经费合计 and 人员经费合计 of the reference table 06; 302 商品和服务支出 494.62.
    const footer = t06.getRow(33);
    expect(footer.getCell(1).value).toBe('人员经费合计');
    expect(footer.getCell(3).formula).toBeTruthy();
    expect(footer.getCell(3).result).toBe(979.88);
    expect(footer.getCell(4).value).toBe('公用经费合计');
    expect(footer.getCell(9).result).toBe(596.17);
    expect(t06.getCell('F5').result).toBe(494.62);
    // 30201 办公费 is an input: a plain number.
    expect(t06.getCell('D6').value).toBe('30201');
    expect(t06.getCell('F6').value).toBe(21.34);
    const t01 = wb.getWorksheet('公开01表')!;
    // 一般公共预算财政拨款收入 comes from tables 02 and 08.
    expect(t01.getCell('C7').formula).toBe("'公开02表'!D8-'公开08表'!D8");
    expect(t01.getCell('C7').result).toBe(1576.05);
    expect(t01.getCell('A19').value).toBe('总计');
    expect(t01.getCell('C19').result).toBe(1576.05);
  });

  it('renames engine sheet ids in formulas to the sheet names', () => {
    const fig = wb.getWorksheet('关键数据')!;
    expect(fig.getCell('A8').value).toBe('人员经费合计');
    expect(fig.getCell('B8').formula).toBe("'公开06表'!C33");
    expect(fig.getCell('B8').result).toBe(979.88);
    // 人员经费占基本支出比例 62.17 %, 公用经费 37.83 % (reference narrative).
    expect(fig.getCell('B10').result).toBe(62.17);
    expect(fig.getCell('B11').result).toBe(37.83);
    let formulas = 0;
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (!cell.formula) return;
          formulas++;
          expect(cell.formula, `${ws.name}!${cell.address}`).not.toMatch(/'(t0\d|sup|fig|audit)'!/);
        }),
      );
    }
    // Formula cells, and typeOver cells nobody typed in (03 基本/项目支出 following 05): their live formula.
    const inFile = (id: (typeof engine.layout.sheets)[number]['id'], c: (typeof engine.layout.sheets)[number]['cells'][number][number]) =>
      c?.t === 'formula' || (c?.t === 'input' && c.follow !== undefined && engine.typeOverState(id, c.row, c.col) === 'following');
    const expected = engine.layout.sheets.reduce((n, s) => n + s.cells.flat().filter((c) => inFile(s.id, c)).length, 0);
    expect(engine.layout.sheets.flatMap((s) => s.cells.flat()).filter((c) => c?.t === 'input' && c.follow).length).toBe(2);
    expect(formulas).toBe(expected);
  });

  it('puts the identity checks on 审核 as formulas showing 差额 and 结果', () => {
    const audit = wb.getWorksheet('审核')!;
    expect(audit.getRow(1).values).toEqual([undefined, '编号', '审核内容', '左值', '右值', '差额', '结果']);
    const x56 = audit.getRow(2);
    expect(x56.getCell(1).value).toBe('X56-1');
    expect(x56.getCell(3).formula).toBe("'公开05表'!D8");
    expect(x56.getCell(4).formula).toBe("'公开06表'!C33+'公开06表'!I33");
    expect(x56.getCell(5).formula).toBe('ROUND(C2-D2,2)');
    expect(x56.getCell(5).result).toBe(0);
    expect(x56.getCell(6).result).toBe('通过');
  });

  it('formats amounts #,##0.00 (zeros blank where the table prints them blank), counts 0', () => {
    expect(wb.getWorksheet('公开06表')!.getCell('F6').numFmt).toBe('#,##0.00;-#,##0.00;');
    expect(wb.getWorksheet('公开02表')!.getCell('C8').numFmt).toBe('#,##0.00');
    const sup = wb.getWorksheet('补充资料')!;
    expect(sup.getCell('A23').value).toBe('接待来访团组数（个）');
    expect(sup.getCell('B23').value).toBe(136);
    expect(sup.getCell('B23').numFmt).toBe('0');
    expect(wb.getWorksheet('关键数据')!.getCell('B10').numFmt).toBe('0.00');
  });

  it('keeps the official layout: merged title and headers, widths, borders, 宋体, A4 landscape fit to width', () => {
    const t07 = wb.getWorksheet('公开07表')!;
    const merges = (t07.model as unknown as { merges: string[] }).merges;
    expect(merges).toEqual(expect.arrayContaining(['A1:L1', 'A4:F4', 'G4:L4', 'A5:A6', 'C5:E5']));
    expect(t07.getCell('A4').value).toBe('预算数');
    expect(t07.getCell('A4').font.bold).toBe(true);
    expect(t07.getCell('A1').font).toMatchObject({ name: '宋体', bold: true });
    expect(t07.getCell('A8').font.name).toBe('宋体');
    expect(t07.getCell('A8').border).toMatchObject({ top: { style: 'thin' }, bottom: { style: 'thin' } });
    expect(t07.getCell('A9').border ?? {}).not.toHaveProperty('top');
    const t06 = wb.getWorksheet('公开06表')!;
    // 科目名称 columns are wider than the code columns, as in the print.
    expect(t06.getColumn(2).width).toBeGreaterThanOrEqual(26);
    expect(t06.getColumn(1).width).toBeLessThan(t06.getColumn(2).width!);
    expect(t06.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  });

  it('hides a marker with the structure and texts but no amounts', () => {
    const json = String(wb.getWorksheet(MARKER_SHEET)!.getCell('A1').value);
    const marker = JSON.parse(json);
    expect(marker).toMatchObject({ type: 'juesuan-xlsx', markerVersion: 1 });
    expect(marker.document).toMatchObject({
      templateId: 'hn-2021',
      meta: { department: '蓝山县行政审批服务局', year: 2021 },
      codes: { gpb: ['2010306'] },
    });
    expect(marker.document.texts['perf.result']).toBe('整体运行良好');
    expect(marker.document).not.toHaveProperty('inputs');
    expect(json).not.toContain('344.02');
  });

  it('names the file after department and year', () => {
    expect(xlsxFileName({ department: '蓝山县行政审批服务局', year: 2021 })).toBe('蓝山县行政审批服务局2021年度部门决算公开表.xlsx');
    expect(xlsxFileName({ department: 'a/b:c*?', year: 2022 })).toBe('a_b_c__2022年度部门决算公开表.xlsx');
    expect(xlsxFileName({ department: '蓝山县行政审批服务局', year: 2021 }, 'working')).toBe('蓝山县行政审批服务局2021年度部门决算工作底稿.xlsx');
  });
});

describe('text that looks like a formula', () => {
  it('is written as a shared string, never as <f>, in tables, narrative and marker', async () => {
    const doc = exampleDocument();
    const engine = openWorkbook({ ...doc, meta: { ...doc.meta, department: '=1+1' }, texts: { ...doc.texts, 'reason.grand': '=1+1' } });
    engine.addCode('gpb', '2019999', '=1+1');
    const bytes = await exportEngine(engine, [{ heading: '@SUM(1)', paragraphs: ['=1+1', '+2', '-3', '@A1'] }]);
    const xml = sheetXml(readZip(bytes));
    const strings = readZip(bytes).get('xl/sharedStrings.xml')!;
    for (const s of ['=1+1', '+2', '-3', '@A1', '@SUM(1)', '部门：=1+1']) expect(strings).toContain(`<t>${s}</t>`);
    expect(xml.get('情况说明')).not.toContain('<f>');
    // 公开02表 B13 is the custom code's name; it must be a shared-string cell (t="s"), no formula.
    expect(xml.get('公开02表')).toMatch(/<c r="B13"[^>]* t="s"[^>]*>(?:(?!<\/c>).)*<\/c>/);
    expect(/<c r="B13"[^>]*>((?:(?!<\/c>).)*)<\/c>/.exec(xml.get('公开02表')!)![1]).not.toContain('<f>');
    const wb = await load(bytes);
    expect(wb.getWorksheet('公开02表')!.getCell('B13').value).toBe('=1+1');
    expect(wb.getWorksheet('情况说明')!.getCell('A3').value).toBe('=1+1');
    // Formula count per table equals the layout's: no text became a formula.
    const layout = engine.sheet('t02');
    const fCount = layout.cells.flat().filter((c) => c?.t === 'formula').length;
    expect(xml.get('公开02表')!.match(/<f>/g)!.length).toBe(fCount);
  });
});

describe('cached results', () => {
  /** A hand-made one-row layout: the writer takes plain data, so no engine is needed. */
  function tiny(zero: 'blank' | 'zero'): SheetLayout {
    return {
      id: 't01',
      title: 'x',
      publicNo: '公开01表',
      cells: [
        [
          { t: 'formula', row: 'a', col: 'amount', format: 'amount', source: '', formula: '1.005' },
          { t: 'formula', row: 'b', col: 'amount', format: 'count', source: '', formula: '2.5' },
          { t: 'formula', row: 'c', col: 'amount', format: 'amount', source: '', formula: "'t01'!A1*0" },
          { t: 'input', row: 'd', col: 'amount', format: 'amount' },
        ],
      ],
      width: 4,
      merges: [],
      colWidths: [10, 10, 10, 10],
      rowKinds: ['item'],
      zero,
      index: new Map(),
      dataStart: 0,
    };
  }

  it('are rounded half-up (1.005 → 1.01, count 2.5 → 3), blank references cache 0', async () => {
    const layout = tiny('blank');
    const bytes = await exportXlsx({ document: exampleDocument(), sheets: [{ layout, values: [[1.005, 2.5, null, 0.1 + 0.2]] }] });
    const ws = (await load(bytes)).getWorksheet('公开01表')!;
    expect(ws.getCell('A1').result).toBe(1.01);
    expect(ws.getCell('B1').result).toBe(3);
    expect(ws.getCell('C1').result).toBe(0);
    expect(ws.getCell('C1').formula).toBe("'公开01表'!A1*0");
    expect(ws.getCell('D1').value).toBe(0.3);
    expect(ws.getCell('B1').numFmt).toBe('0;-0;');
  });

  it('number formats per value format and zero style', () => {
    expect(numberFormat('amount', 'zero')).toBe('#,##0.00');
    expect(numberFormat('amount', 'blank')).toBe('#,##0.00;-#,##0.00;');
    expect(numberFormat('count', 'zero')).toBe('0');
    expect(numberFormat('percent', 'zero')).toBe('0.00');
  });
});
