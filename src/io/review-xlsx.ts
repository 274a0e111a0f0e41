// The batch 审查's summary as an .xlsx a 财政局 can sort and filter: 汇总 (one row per document),
// 问题清单 (every finding), 未读入 (what could not be read). Plain text and numbers, no formulas.
// Takes plain rows; ExcelJS is loaded on demand as for the workbook export.
import type { Worksheet } from 'exceljs';
import { loadExcelJS } from './xlsx-common';

export interface ReviewXlsxInput {
  summary: { header: readonly string[]; rows: readonly (readonly (string | number)[])[] };
  findings: { header: readonly string[]; rows: readonly (readonly string[])[] };
  unread: { header: readonly string[]; rows: readonly (readonly string[])[] };
}

const FONT = { name: '宋体', size: 10, charset: 134 } as const;

function fill(ws: Worksheet, header: readonly string[], rows: readonly (readonly (string | number)[])[], widths: readonly number[]): void {
  ws.addRow([...header]).font = { ...FONT, bold: true };
  // Text is written as text: a message starting with = or + stays a string, never a formula.
  for (const r of rows) ws.addRow(r.map((v) => (typeof v === 'number' ? v : String(v)))).font = FONT;
  ws.columns.forEach((c, i) => {
    c.width = widths[i] ?? 12;
    c.alignment = { vertical: 'top', wrapText: (widths[i] ?? 12) > 40 };
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  if (rows.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: header.length } };
}

export async function writeReviewXlsx(input: ReviewXlsxInput): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  wb.creator = '决算公开工作簿';
  fill(wb.addWorksheet('汇总'), input.summary.header, input.summary.rows, [36, 28, 8, 30, ...input.summary.header.slice(4).map(() => 8)]);
  fill(wb.addWorksheet('问题清单'), input.findings.header, input.findings.rows, [36, 28, 8, 8, 30, 100]);
  fill(wb.addWorksheet('未读入'), input.unread.header, input.unread.rows, [36, 28, 100]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
