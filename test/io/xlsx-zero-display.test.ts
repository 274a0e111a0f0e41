// The XLSX shows every table cell as the grid does: blank where the table prints empty and zero
// figures blank, 0.00 where it prints zeros, in every row of every table of every built-in
// example. The 公开表 prints empty inputs of a zero-printing table as 0.00 too; the 工作底稿
// keeps them empty so that it imports back to the same document (there only they differ).
// Excel's display is computed from each cell's value (or cached formula result) and number format.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_LIST, exampleById, openWorkbook } from '../../src/app/templates';
import { xlsxExportInput } from '../../src/app/xlsx-export-data';
import { displayText, toGridValue } from '../../src/engine/display-text';
import { xlsxSheetName } from '../../src/io/xlsx-common';
import { exportXlsx } from '../../src/io/xlsx-export';
import { importXlsx } from '../../src/io/xlsx-import';
import { formatAmount, roundHalfUp } from '../../src/model/amount';
import { IMPORT_DEPS } from './support';

/** What Excel shows for a number under the formats the export writes (pos;neg;zero sections). */
function excelText(value: ExcelJS.CellValue, numFmt: string | undefined): string {
  // ExcelJS leaves out a cached result of 0 (Excel recalculates on load): a formula without one is 0.
  const v = value !== null && typeof value === 'object' && 'formula' in value ? (value.result ?? 0) : value;
  if (v === null || v === undefined || v === '') return '';
  if (typeof v !== 'number') return String(v);
  const sections = (numFmt ?? 'General').split(';');
  if (v === 0 && sections.length >= 3) return sections[2]!;
  const decimals = /0\.(0+)/.exec(sections[0]!)?.[1]?.length ?? 0;
  if (decimals === 0) return roundHalfUp(v, 0).toFixed(0);
  return sections[0]!.includes(',') ? formatAmount(roundHalfUp(v)) : roundHalfUp(v).toFixed(decimals);
}

describe('XLSX blank versus 0.00 follows the grid', () => {
  for (const { id } of EXAMPLE_LIST) {
    it(`${id}: every value cell of every table, 工作底稿 and 公开表`, async () => {
      const engine = openWorkbook(exampleById(id));
      try {
        const zeroTables = engine.layout.sheets.filter((s) => s.contentId !== undefined && s.zero === 'zero').length;
        let compared = 0;
        const wrong: string[] = [];
        for (const kind of ['working', 'public'] as const) {
          const book = new ExcelJS.Workbook();
          await book.xlsx.load((await exportXlsx(xlsxExportInput(engine, kind))) as never);
          for (const layout of engine.layout.sheets.filter((s) => s.contentId !== undefined)) {
            const ws = book.getWorksheet(xlsxSheetName(layout))!;
            const values = engine.sheetValues(layout.id);
            layout.cells.forEach((row, r) =>
              row.forEach((cell, c) => {
                if (!cell || cell.t === 'text') return;
                const emptyInput = cell.t === 'input' && (values[r]?.[c] ?? null) === null;
                if (kind === 'working' && emptyInput && layout.zero === 'zero') {
                  if (ws.getCell(r + 1, c + 1).value !== null) wrong.push(`${kind} ${layout.publicNo} ${cell.row}|${cell.col}: an empty input written as a figure`);
                  return;
                }
                const xc = ws.getCell(r + 1, c + 1);
                const grid = displayText(cell, toGridValue(cell, values[r]?.[c] ?? null), layout.zero);
                const excel = excelText(xc.value, xc.numFmt);
                compared++;
                if (grid !== excel) wrong.push(`${kind} ${layout.publicNo} ${xc.address} ${cell.row}|${cell.col}: grid「${grid}」 excel「${excel}」`);
              }),
            );
          }
        }
        expect(wrong).toEqual([]);
        expect(compared).toBeGreaterThan(200);
        // The working file reads back to the same inputs.
        const { document } = await importXlsx(await exportXlsx(xlsxExportInput(engine, 'working')), IMPORT_DEPS);
        expect(document.inputs).toEqual(engine.document().inputs);
        if (id === 'sh-putuo-sthj-2025') expect(zeroTables).toBeGreaterThan(0);
      } finally {
        engine.destroy();
      }
    });
  }
});
