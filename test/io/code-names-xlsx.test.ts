// Names travel through XLSX: a workbook with a named parent and an unnamed 项 exported and
// imported back keeps the names; no cell of the file says 自定义科目; the narrative sheet has 【缺】.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exampleDocument, openWorkbook } from '../../src/app/templates';
import { renderNarrative } from '../../src/engine/narrative';
import { narrativeSections } from '../../src/app/xlsx-export-data';
import { importXlsx } from '../../src/io/xlsx-import';
import { exportEngine, IMPORT_DEPS } from './support';

describe('code names in XLSX', () => {
  it('keep the user’s names, print no made-up name, and come back on import', async () => {
    const e = openWorkbook(exampleDocument());
    e.applyBatch({
      codes: [{ code: '20701', name: '文化和旅游' }, { code: '2070109' }, { kind: 'economic', code: '30230', name: '自编公用经费' }],
      inputs: [{ sheet: 't05', row: '2070109', col: 'basic', raw: '10' }],
    });
    const bytes = await exportEngine(e, narrativeSections(renderNarrative(e)));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.slice().buffer);
    const texts: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => texts.push(String(c.text ?? '')))));
    const all = texts.join('\n');
    expect(all).not.toContain('自定义科目');
    expect(all).toContain('文化和旅游');
    expect(all).toContain('自编公用经费');
    expect(all).toContain('【缺：科目2070109的名称】');
    const back = await importXlsx(bytes, IMPORT_DEPS);
    expect(back.document.customCodes).toEqual({ '20701': '文化和旅游' });
    expect(back.document.economicNames).toEqual({ '30230': '自编公用经费' });
    e.destroy();
  });

  it('a name typed in the file where the workbook has none fills the gap; another name is reported, not taken', async () => {
    const e = openWorkbook(exampleDocument());
    e.applyBatch({ codes: [{ code: '2070109' }, { kind: 'economic', code: '30230' }], inputs: [{ sheet: 't05', row: '2070109', col: 'basic', raw: '10' }] });
    const bytes = await exportEngine(e);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.slice().buffer);
    // Someone fills the blank names in Excel, and renames 办公费 there too.
    const cellRightOf = (sheet: string, code: string) => {
      let found: ExcelJS.Cell | undefined;
      wb.getWorksheet(sheet)!.eachRow((row) => row.eachCell((c) => {
        if (String(c.value).trim() === code) found = row.getCell(Number(c.col) + 1);
      }));
      return found!;
    };
    const t05 = wb.worksheets.find((w) => w.name.includes('05'))!.name;
    const t06 = wb.worksheets.find((w) => w.name.includes('06'))!.name;
    cellRightOf(t05, '2070109').value = '群众文化';
    cellRightOf(t05, '20701').value = '文化和旅游';
    cellRightOf(t06, '30230').value = '自编公用经费';
    cellRightOf(t06, '30201').value = '办公费（改）';
    const back = await importXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), IMPORT_DEPS);
    expect(back.document.customCodes).toEqual({ '20701': '文化和旅游', '2070109': '群众文化' });
    expect(back.document.economicNames).toEqual({ '30230': '自编公用经费' });
    expect(back.notes).toContain('按文件补上了科目名称：20701、2070109、30230');
    expect(back.notes.find((n) => n.startsWith('文件中的科目名称与本工作簿不同'))).toContain('办公费（改）');
    e.destroy();
  });
});
