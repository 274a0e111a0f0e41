// Node side of the floors: what the bare pages get, taken from the app's own output, so that a
// floor does the same amount of library work as the app (same grid size, same workbook).
import ExcelJS from 'exceljs';
import { exampleDocument, openWorkbook } from '../../src/app/templates';
import type { WorkbookDocument } from '../../src/model/document';
import { columnPixelWidths, displayText, toGridValue } from '../../src/ui/cell-view';
import { largeWorkbook } from '../large-workbook';
import { block100 } from '../paste-bench';
import { WorkbookSession } from '../../src/app/session';
import { applyCodePaste, planCodePaste } from '../../src/app/paste-codes';

/** A bare Handsontable grid of the size of 公开06表: texts as shown, widths, merges, frozen rows. */
export interface GridSpec {
  data: string[][];
  readOnly: boolean[][];
  colWidths: number[];
  merges: { row: number; col: number; rowspan: number; colspan: number }[];
  fixedRowsTop: number;
  /** The cell the app's edit loop types into (30201 amount). */
  edit: { row: number; col: number };
}

/** One worksheet as plain cells: value or formula with its cached result, number format, style. */
export interface XlsxSheetSpec {
  name: string;
  state: string;
  columns: (number | null)[];
  merges: string[];
  cells: { a: string; v?: unknown; f?: string; r?: unknown; fmt?: string; s?: unknown }[];
}

/** As src/ui/sheet-grid.ts: header rows stay in view unless a row is wholly covered by merges. */
function frozenRows(layout: ReturnType<ReturnType<typeof openWorkbook>['sheet']>): number {
  const rows = Math.min(layout.dataStart, layout.cells.length);
  for (let r = 0; r < rows; r++) {
    const covered = layout.cells[r]!.every((_, c) => layout.merges.some((m) => m.row < r && r < m.row + m.rowspan && c >= m.col && c < m.col + m.colspan));
    if (covered) return 0;
  }
  return rows;
}

/** The grid of one sheet as the app shows it; `cell` (row id|column key) is the one the bench watches. */
function gridSpec(doc: WorkbookDocument, sheet = 't06', cell = '30201|amount'): GridSpec {
  const e = openWorkbook(doc);
  const layout = e.sheet(sheet);
  const values = e.sheetValues(sheet);
  const p = layout.index.get(cell)!;
  const data = layout.cells.map((row, r) => row.map((cell, c) => displayText(cell, toGridValue(cell, values[r]?.[c] ?? null), layout.zero)));
  const readOnly = layout.cells.map((row) => row.map((cell) => cell?.t !== 'input'));
  const spec: GridSpec = {
    data,
    readOnly,
    colWidths: columnPixelWidths(layout),
    merges: layout.merges.map((m) => ({ row: m.row, col: m.col, rowspan: m.rowspan, colspan: m.colspan })),
    fixedRowsTop: frozenRows(layout),
    edit: { row: p.r, col: p.c },
  };
  e.destroy();
  return spec;
}

/** Every sheet of an exported file as plain data (read back with ExcelJS in Node). */
async function xlsxSpec(bytes: Uint8Array): Promise<XlsxSheetSpec[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const cells: XlsxSheetSpec['cells'] = [];
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.isMerged && cell.master !== cell) return;
        const v = cell.value as unknown;
        const out: XlsxSheetSpec['cells'][number] = { a: cell.address };
        if (v && typeof v === 'object' && 'formula' in v) {
          out.f = (v as { formula: string }).formula;
          out.r = (v as { result?: unknown }).result;
        } else out.v = v;
        if (cell.numFmt) out.fmt = cell.numFmt;
        if (cell.style && Object.keys(cell.style).length) out.s = JSON.parse(JSON.stringify(cell.style));
        cells.push(out);
      }),
    );
    const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).slice();
    const columns = (ws.columns ?? []).map((c) => c?.width ?? null);
    return { name: ws.name, state: ws.state, columns, merges, cells };
  });
}

/** 公开05表 of the 500-code workbook before and after the bench's 100-code paste (its first new row watched). */
export function pasteGridSpecs(): { before: GridSpec; after: GridSpec } {
  const { doc } = largeWorkbook();
  const { text, first } = block100();
  const session = new WorkbookSession(openWorkbook(doc));
  applyCodePaste(session, planCodePaste(session.engine, 't05', text)!);
  const after = session.doc;
  session.engine.destroy();
  return { before: gridSpec(doc, 't05', 'sum|basic'), after: gridSpec(after, 't05', `${first}|basic`) };
}

export default async function floorSpecs(fixtures: { example: Uint8Array; large: Uint8Array }) {
  return {
    grid: { example: gridSpec(exampleDocument()), large: gridSpec(largeWorkbook().doc), paste: pasteGridSpecs() },
    xlsx: { example: await xlsxSpec(fixtures.example), large: await xlsxSpec(fixtures.large) },
  };
}
