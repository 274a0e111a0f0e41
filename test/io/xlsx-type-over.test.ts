// 03表 基本/项目支出 (typeOver cells) through XLSX: a following cell is written as its live formula,
// a typed one as its value; import reads back which is which, also after another program edited it.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exampleDocument, nationalExampleDocument, openWorkbook } from '../../src/app/templates';
import { importXlsx } from '../../src/io/xlsx-import';
import { exportEngine, IMPORT_DEPS } from './support';

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer);
  return wb;
}

/** The file cell of a layout cell (sheet name as exported). */
function cellOf(wb: ExcelJS.Workbook, engine: ReturnType<typeof openWorkbook>, sheet: string, name: string, row: string, col: string): ExcelJS.Cell {
  const p = engine.sheet(sheet).index.get(`${row}|${col}`)!;
  return wb.getWorksheet(name)!.getCell(p.r + 1, p.c + 1);
}

describe('typeOver cells in XLSX', () => {
  it('hn-2021: typed is a value, following is the 05 formula; both read back as they were', async () => {
    const e = openWorkbook(exampleDocument());
    e.addCode('gpb', '2010301');
    e.setInput('t05', '2010301', 'basic', '8.00');
    e.setInput('t03', '2010306', 'basic', '1581.05');
    const bytes = await exportEngine(e);
    const wb = await load(bytes);
    const typed = cellOf(wb, e, 't03', '公开03表', '2010306', 'basic');
    expect(typed.value).toBe(1581.05);
    const following = cellOf(wb, e, 't03', '公开03表', '2010301', 'basic');
    expect(following.formula).toMatch(/公开05表/);
    expect(following.result).toBe(8);
    const nf = cellOf(wb, e, 'sup', '补充资料', 'nonfiscal.basic.2010306', 'value');
    expect(nf.formula).toMatch(/公开03表/);
    expect(nf.result).toBe(5);

    const back = await importXlsx(bytes, IMPORT_DEPS);
    expect(back.notes).toEqual([]);
    expect(back.document).toEqual(e.document());
    expect(back.document.inputs.t03).toEqual({ '2010306': { basic: '1581.05' } });
    e.destroy();
  });

  it('edited elsewhere: a number typed over the formula is typed; a typed cell emptied follows again', async () => {
    const e = openWorkbook(exampleDocument());
    e.addCode('gpb', '2010301');
    e.setInput('t05', '2010301', 'basic', '8.00');
    e.setInput('t03', '2010306', 'basic', '1581.05');
    const wb = await load(await exportEngine(e));
    cellOf(wb, e, 't03', '公开03表', '2010301', 'basic').value = 10.5;
    cellOf(wb, e, 't03', '公开03表', '2010306', 'basic').value = null;
    const back = await importXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), IMPORT_DEPS);
    expect(back.notes).toEqual([]);
    expect(back.document.inputs.t03).toEqual({ '2010301': { basic: '10.50' } });
    const again = openWorkbook(back.document);
    expect(again.amount('t03', '2010306', 'basic')?.toFixed(2)).toBe('1576.05');
    expect(again.amount('sup', 'nonfiscal.basic.2010301', 'value')?.toFixed(2)).toBe('2.50');
    expect(again.amount('t03', 'sum', 'basic')?.toFixed(2)).toBe('1586.55');
    again.destroy();
    e.destroy();
  });

  it('national-2022: the example (typed 03 cells and following ones) exports and imports unchanged', async () => {
    const e = openWorkbook(nationalExampleDocument());
    const bytes = await exportEngine(e);
    const wb = await load(bytes);
    expect(cellOf(wb, e, 'expenditure', '公开03表', '2120101', 'basic').value).toBe(985.25);
    expect(cellOf(wb, e, 'expenditure', '公开03表', '2120801', 'proj').formula).toMatch(/公开07表/);
    const back = await importXlsx(bytes, IMPORT_DEPS);
    expect(back.notes).toEqual([]);
    expect(back.document).toEqual(nationalExampleDocument());
    e.destroy();
  });
});
