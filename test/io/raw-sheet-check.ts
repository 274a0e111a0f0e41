// What xlsx-raw-sheet reads from a derived sheet's XML, held against what ExcelJS reads from the
// same file: every cell's address, formula, emptiness and merge, for 审核 and 关键数据.
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { scanSheet, sheetParts, type RawSheet } from '../../src/io/xlsx-raw-sheet';
import { inflateEntries } from '../../src/io/zip-guard';

function excelText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'formula' in v) return excelText((v.result ?? null) as ExcelJS.CellValue);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'error' in v) return v.error;
  return String(v);
}

/** Scans each of `names` and expects ExcelJS's reading; returns the scans (null where the scanner gave up). */
export async function expectScanLikeExcelJS(bytes: Uint8Array, names: readonly string[]): Promise<Map<string, RawSheet | null>> {
  const zip = await inflateEntries(bytes);
  const parts = sheetParts(zip);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer);
  const out = new Map<string, RawSheet | null>();
  for (const name of names) {
    const part = parts.get(name);
    expect(part, name).toBeDefined();
    const raw = scanSheet(zip, part!);
    out.set(name, raw);
    if (!raw) continue;
    const ws = wb.getWorksheet(name)!;
    const seen = new Set<string>();
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const fc = raw.at(Number(row.number) - 1, Number(cell.col) - 1);
        const mergedChild = cell.isMerged && cell.master !== cell;
        const want = { formula: cell.formula ?? '', empty: mergedChild || excelText(cell.value) === '', mergedChild };
        if (!fc) {
          // ExcelJS makes cells a row's span implies; the file has none there: nothing to read.
          expect({ address: cell.address, formula: want.formula, empty: want.empty }).toEqual({ address: cell.address, formula: '', empty: true });
          return;
        }
        seen.add(fc.address);
        expect({ address: fc.address, formula: fc.formula, empty: fc.mergedChild || fc.empty, mergedChild: fc.mergedChild }).toEqual({ address: cell.address, ...want });
      }),
    );
    // Every scanned cell with content is one ExcelJS has.
    const extra = raw.cells.filter((c) => (c.formula || !c.empty) && !seen.has(c.address));
    expect(extra.map((c) => c.address)).toEqual([]);
  }
  return out;
}
