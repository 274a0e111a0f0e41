// Any XLSX or XLS (not only ours) as plain text cells, sheet by sheet: for 导入科目表 and for a
// foreign table's sheet pasted into a workbook. The same guards as our import (size, zip bomb);
// an .xls (BIFF8) is read by xls-sheets.ts.
import type { CellValue, Workbook } from 'exceljs';
import { loadExcelJS } from './xlsx-common';
import { ZipGuardError, inflateZip } from './zip-guard';
import { isCfb } from './cfb';
import { readXlsSheets, XlsReadError } from './xls-sheets';

export class SheetReadError extends Error {
  override name = 'SheetReadError';
}

const MAX_BYTES = 30 * 1024 * 1024;
/** Rows and columns read per sheet: a code list has a few thousand rows. */
const MAX_ROWS = 20_000;
const MAX_COLS = 60;

export const SHEET_READ_TEXT = {
  empty: '文件是空的，无法读取',
  tooLarge: '文件过大（超过 30 MB），无法读取',
  notXlsx: '这不是 Excel 文件（.xlsx 或 .xls），无法读取',
  corrupt: '文件已损坏或不是有效的 XLSX 文件',
} as const;

export interface SheetText {
  name: string;
  rows: string[][];
}

function textOf(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('error' in v) return '';
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return textOf((v.result ?? null) as CellValue);
  }
  return '';
}

/** Every worksheet's cells as text (merged children blank, formulas as their cached results), from an .xlsx or an .xls. */
export async function readSheets(bytes: ArrayBuffer | Uint8Array): Promise<SheetText[]> {
  const u8 = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (u8.byteLength === 0) throw new SheetReadError(SHEET_READ_TEXT.empty);
  if (u8.byteLength > MAX_BYTES) throw new SheetReadError(SHEET_READ_TEXT.tooLarge);
  if (isCfb(u8)) {
    try {
      return readXlsSheets(u8, MAX_ROWS, MAX_COLS);
    } catch (e) {
      if (e instanceof XlsReadError) throw new SheetReadError(e.message);
      throw e;
    }
  }
  const magic = Array.from(u8.subarray(0, 4)).join();
  if (magic !== [0x50, 0x4b, 0x03, 0x04].join()) throw new SheetReadError(SHEET_READ_TEXT.notXlsx);
  let stored: Uint8Array;
  try {
    stored = await inflateZip(u8);
  } catch (e) {
    if (e instanceof ZipGuardError) throw new SheetReadError(SHEET_READ_TEXT.corrupt);
    throw e;
  }
  const ExcelJS = await loadExcelJS();
  const wb: Workbook = new ExcelJS.Workbook();
  try {
    // The guard's copy, entries stored: ExcelJS does not inflate them again.
    await wb.xlsx.load(stored.buffer as ArrayBuffer);
  } catch {
    throw new SheetReadError(SHEET_READ_TEXT.corrupt);
  }
  return wb.worksheets.map((ws) => {
    const rows: string[][] = [];
    const height = Math.min(ws.rowCount, MAX_ROWS);
    const width = Math.min(ws.columnCount, MAX_COLS);
    for (let r = 1; r <= height; r++) {
      const row: string[] = [];
      for (let c = 1; c <= width; c++) {
        const cell = ws.getCell(r, c);
        row.push(cell.isMerged && cell.master !== cell ? '' : textOf(cell.value).trim());
      }
      rows.push(row);
    }
    return { name: ws.name, rows };
  });
}
