// Writes the workbook as a live .xlsx: the official layout of every sheet, every computed cell as
// its formula (sheet ids renamed to 公开0X表 …) with a half-up cached result, inputs as numbers,
// text always as text, and a very hidden marker so the importer can rebuild the layout.
// Takes plain data (layouts, values, document); never the engine. ExcelJS is loaded lazily.
import type { Alignment, Borders, Cell, CellErrorValue, Font, Workbook, Worksheet } from 'exceljs';
import type { LayoutCell, SheetLayout, TextRole } from '../model/layout';
import { roundHalfUp } from '../model/amount';
import type { WorkbookDocument, WorkbookMeta } from '../model/document';
import type { ValueFormat, ZeroStyle } from '../model/template';
import {
  MARKER_CHUNK,
  MARKER_SHEET,
  MARKER_TYPE,
  MARKER_VERSION,
  NARRATIVE_SHEET,
  loadExcelJS,
  renameSheetRefs,
  xlsxSheetName,
  type ExportValue,
  type XlsxMarker,
} from './xlsx-common';

export interface XlsxSheetData {
  layout: SheetLayout;
  /** Rectangular values of this sheet, as `engine.sheetValues(layout.id)` returns them. */
  values: readonly (readonly ExportValue[])[];
}

export interface NarrativeSection {
  heading: string;
  paragraphs: string[];
}

/**
 * 工作底稿: every sheet, the marker, import reads it back. 公开表: what is sent or published — the
 * tables and a 情况说明 sheet laid out as paragraphs; no 补充资料/关键数据/审核, no marker.
 */
export type XlsxKind = 'working' | 'public';

export interface XlsxExportInput {
  /** Default 'working'. For 'public', pass only the tables in `sheets`. */
  kind?: XlsxKind;
  /** The document: its meta and structure go into the marker (its inputs are in the sheets). */
  document: WorkbookDocument;
  /** Every sheet of the engine layout, in workbook order (t01…t09, sup, fig, audit). */
  sheets: readonly XlsxSheetData[];
  /** The rendered 情况说明; written as text cells only. */
  narrative?: readonly NarrativeSection[];
}

const FONT_NAME = '宋体';
/** GB2312 charset, so Excel/WPS pick the CJK face even where 宋体 is substituted. */
const FONT: Partial<Font> = { name: FONT_NAME, size: 10, charset: 134 };
const THIN = { style: 'thin' } as const;
const GRID: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } } as const;
const BORDERED = new Set(['header', 'total', 'class', 'section', 'item', 'pad', 'footer']);
/** Points per wrapped text line at size 10; the title (size 16) gets its own height. */
const LINE_PT = 14;
const ROW_PT = 18;
const TITLE_PT = 32;
const MARGINS = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 };

/** `#,##0.00`, counts `0`, percentages `0.00`; 'blank' tables hide zeros but keep them numbers. */
export function numberFormat(format: ValueFormat, zero: ZeroStyle): string {
  const base = format === 'count' ? '0' : format === 'percent' ? '0.00' : '#,##0.00';
  return zero === 'blank' ? `${base};-${base};` : base;
}

const EXCEL_ERRORS = new Set(['#N/A', '#REF!', '#NAME?', '#DIV/0!', '#NULL!', '#VALUE!', '#NUM!']);

/** Cached result of a formula: half-up at the cell's precision; a blank reference computes to 0 in Excel. */
function cachedResult(v: ExportValue | undefined, format: ValueFormat): number | string | CellErrorValue {
  if (typeof v === 'number') return roundedNumber(v, format);
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object') return { error: (EXCEL_ERRORS.has(v.error) ? v.error : '#VALUE!') as CellErrorValue['error'] };
  return 0;
}

function roundedNumber(v: number, format: ValueFormat): number {
  return Number(roundHalfUp(v, format === 'count' ? 0 : 2).toString());
}

/** Width of text in Excel column units (width of '0' in the default font): a 10 pt CJK character is ~1.85. */
function textUnits(text: string, indent = 0): number {
  let n = indent * 1.5;
  for (const ch of text) n += ch.codePointAt(0)! > 0xff ? 1.85 : 1;
  return n;
}

function alignmentFor(role: TextRole, indent?: number): Partial<Alignment> {
  switch (role) {
    case 'title':
      return { horizontal: 'center', vertical: 'middle' };
    case 'publicNo':
      return { horizontal: 'right', vertical: 'middle' };
    case 'meta':
      return { horizontal: 'left', vertical: 'middle' };
    case 'header':
    case 'lineNo':
    case 'total':
      return { horizontal: 'center', vertical: 'middle', wrapText: true };
    case 'note':
      return { horizontal: 'left', vertical: 'top', wrapText: true };
    default:
      return { horizontal: 'left', vertical: 'middle', wrapText: true, ...(indent ? { indent } : {}) };
  }
}

function styleText(xc: Cell, cell: Extract<LayoutCell, { t: 'text' }>, isLastCol: boolean): void {
  const role = cell.role === 'meta' && isLastCol ? 'publicNo' : cell.role;
  xc.alignment = alignmentFor(role, cell.indent);
  if (cell.role === 'title') xc.font = { ...FONT, size: 16, bold: true };
  else if (cell.role === 'header' || cell.role === 'section' || cell.role === 'total') xc.font = { ...FONT, bold: true };
  else xc.font = FONT;
  if (cell.role === 'header') xc.fill = HEADER_FILL;
}

/** Renames sheet ids in a formula; null when it refers to a sheet the file does not contain. */
type Rename = (formula: string) => string | null;

function writeCell(
  xc: Cell,
  cell: LayoutCell,
  v: ExportValue | undefined,
  zero: ZeroStyle,
  rename: Rename,
  isLastCol: boolean,
  typed: boolean,
  /** A table of the 公开表 file. */
  published: boolean,
): void {
  if (!cell) {
    xc.font = FONT;
    return;
  }
  if (cell.t === 'text') {
    // A plain JS string is always a text cell in ExcelJS (shared string), never a formula,
    // whatever it starts with (= + - @): user names and labels stay inert.
    if (cell.text !== '') xc.value = cell.text;
    styleText(xc, cell, isLastCol);
    return;
  }
  xc.font = FONT;
  xc.numFmt = numberFormat(cell.format, zero);
  // Numbers right; a formula that yields text (审核 结果 通过/错误) centred.
  xc.alignment = { horizontal: typeof v === 'string' ? 'center' : 'right', vertical: 'middle' };
  if (cell.t === 'input' && (!cell.follow || typed)) {
    // A table that prints zeros shows an empty input as 0.00: the 公开表 prints the same. The
    // 工作底稿 keeps it empty, so that importing it back gives the same document (empty ≠ 0.00).
    xc.value = typeof v === 'number' ? roundedNumber(v, cell.format) : zero === 'zero' && published ? 0 : null;
  } else {
    // A typeOver cell nobody typed in is its live formula (Excel/LibreOffice recalculate it).
    const formula = rename(cell.t === 'input' ? cell.follow!.formula : cell.formula);
    // A 公开表 has no 补充资料: a formula reading it is written as its value.
    xc.value = formula === null ? cachedResult(v, cell.format) : { formula, result: cachedResult(v, cell.format) };
  }
}

/** Row heights from wrapped text: each text cell needs ceil(width of text / width of its span) lines. */
function rowHeights(layout: SheetLayout): number[] {
  const heights = layout.rowKinds.map(() => ROW_PT);
  const spans = new Map(layout.merges.map((m) => [`${m.row}|${m.col}`, m]));
  const colWidth = (c: number): number => layout.colWidths[c] ?? 10;
  layout.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell?.t !== 'text' || cell.text === '') return;
      const m = spans.get(`${r}|${c}`);
      const rows = m?.rowspan ?? 1;
      let width = 0;
      for (let i = 0; i < (m?.colspan ?? 1); i++) width += colWidth(c + i);
      if (cell.role === 'title') {
        heights[r] = Math.max(heights[r]!, TITLE_PT);
        return;
      }
      if (cell.role === 'meta' || cell.role === 'publicNo') return;
      const lines = Math.ceil(textUnits(cell.text, cell.indent) / Math.max(1, width));
      const need = Math.ceil((lines * LINE_PT + 4) / rows);
      for (let i = 0; i < rows; i++) heights[r + i] = Math.max(heights[r + i]!, need);
    }),
  );
  return heights;
}

/** Whether the document holds a typed value for a cell (typeOver cells: value, else formula). */
type Typed = (row: string, col: string) => boolean;

function writeLayoutSheet(wb: Workbook, data: XlsxSheetData, rename: Rename, typed: Typed, published = false): void {
  const { layout, values } = data;
  const headerRows = layout.rowKinds.flatMap((k, r) => (k === 'header' ? [r + 1] : []));
  const ws = wb.addWorksheet(xlsxSheetName(layout), {
    properties: { defaultRowHeight: ROW_PT },
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: MARGINS,
      ...(headerRows.length ? { printTitlesRow: `${headerRows[0]}:${headerRows[headerRows.length - 1]}` } : {}),
    },
  });
  ws.columns = layout.colWidths.map((w) => ({ width: w + 1 }));
  const heights = rowHeights(layout);
  layout.cells.forEach((row, r) => {
    const xr = ws.getRow(r + 1);
    xr.height = heights[r]!;
    const bordered = BORDERED.has(layout.rowKinds[r]!);
    row.forEach((cell, c) => {
      const xc = xr.getCell(c + 1);
      writeCell(xc, cell, values[r]?.[c], layout.zero, rename, c === layout.width - 1, cell?.t === 'input' && typed(cell.row, cell.col), published);
      if (bordered) xc.border = GRID;
    });
  });
  // After the cells: ExcelJS gives merged children their master's style object (shared, not copied),
  // so styling a child after merging would overwrite the master's font and fill.
  for (const m of layout.merges) ws.mergeCells(m.row + 1, m.col + 1, m.row + m.rowspan, m.col + m.colspan);
}

function writeNarrative(wb: Workbook, sections: readonly NarrativeSection[], meta: WorkbookMeta): void {
  const WIDTH = 75;
  const ws = wb.addWorksheet(NARRATIVE_SHEET, {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: MARGINS },
  });
  ws.columns = [{ width: WIDTH }];
  const add = (text: string, font: Partial<Font>, height: number): void => {
    const row = ws.addRow([]);
    // Strings only: a paragraph starting with = + - @ stays text.
    row.getCell(1).value = text;
    row.getCell(1).font = font;
    row.getCell(1).alignment = { wrapText: true, vertical: 'top', horizontal: 'left' };
    row.height = height;
  };
  add(`${meta.department}${meta.year}年度部门决算情况说明`, { ...FONT, size: 14, bold: true }, TITLE_PT);
  for (const s of sections) {
    add(s.heading, { ...FONT, bold: true }, ROW_PT);
    for (const p of s.paragraphs) add(p, FONT, Math.max(ROW_PT, Math.ceil(textUnits(p) / (WIDTH - 2)) * LINE_PT + 4));
  }
}

/** Characters a line must not start with (避头): they join the line before. */
const NO_LINE_START = new Set([...'，。、；：！？）》」』”’%…·,.;:!?)]']);

/** Breaks a paragraph into lines of at most `width` units, never starting a line with 。，、 etc. and never inside a number (37.83%). */
export function breakLines(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let units = 0;
  for (const token of text.match(/[0-9A-Za-z.,%]+|[\s\S]/gu) ?? []) {
    const w = textUnits(token);
    if (units + w > width && line !== '' && !NO_LINE_START.has(token[0]!)) {
      lines.push(line);
      line = '';
      units = 0;
    }
    line += token;
    units += w;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Printable height of a portrait A4 page in points (margins and header/footer taken off). */
const PAGE_PT = 740;

/**
 * 公开表's 情况说明: one paragraph per cell, first line indented by two characters, lines broken
 * here (so no line starts with ，), 仿宋 body and 黑体 headings, and a page break before a heading
 * that would otherwise be left alone at the bottom of a page.
 */
function writePublicNarrative(wb: Workbook, sections: readonly NarrativeSection[], meta: WorkbookMeta): void {
  const WIDTH = 80;
  const LINE_UNITS = 70;
  const BODY: Partial<Font> = { name: '仿宋', size: 12, charset: 134 };
  const HEAD: Partial<Font> = { name: '黑体', size: 12, charset: 134 };
  const BODY_LINE_PT = 20;
  const ws = wb.addWorksheet(NARRATIVE_SHEET, {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: MARGINS, horizontalCentered: true },
    views: [{ showGridLines: false }],
  });
  ws.columns = [{ width: WIDTH }];
  let used = 0;
  const add = (lines: string[], font: Partial<Font>, align: 'left' | 'center' = 'left') => {
    const row = ws.addRow([]);
    // Strings only: a paragraph starting with = + - @ stays text.
    row.getCell(1).value = lines.join('\n');
    row.getCell(1).font = font;
    row.getCell(1).alignment = { wrapText: true, vertical: 'top', horizontal: align };
    row.height = lines.length * BODY_LINE_PT + 6;
    used += row.height;
    return row;
  };
  add([`${meta.department}${meta.year}年度部门决算情况说明`], { ...HEAD, size: 16 }, 'center');
  const flat = sections.map((s) => ({ heading: s.heading, paragraphs: s.paragraphs.map((p) => breakLines(`\u3000\u3000${p.trim()}`, LINE_UNITS)) }));
  flat.forEach((s, i) => {
    const headLines = breakLines(s.heading, LINE_UNITS);
    const next = s.paragraphs[0] ?? flat[i + 1]?.paragraphs[0] ?? [];
    // Keep with next. A row never splits over pages, so the heading and the whole paragraph after
    // it must fit, or the heading goes to the next page with it.
    const need = Math.min(PAGE_PT, (headLines.length + next.length) * BODY_LINE_PT + 12);
    if (used > 0 && used + need > PAGE_PT && ws.rowCount > 0) {
      ws.getRow(ws.rowCount).addPageBreak();
      used = 0;
    }
    if (used + headLines.length * BODY_LINE_PT + 6 > PAGE_PT) used = 0;
    add(headLines, HEAD);
    for (const p of s.paragraphs) {
      const h = p.length * BODY_LINE_PT + 6;
      if (used + h > PAGE_PT) used = 0; // the row moves to the next page whole
      add(p, BODY);
    }
  });
}

function writeMarker(wb: Workbook, doc: WorkbookDocument): void {
  const { inputs: _inputs, ...document } = doc;
  const marker: XlsxMarker = { type: MARKER_TYPE, markerVersion: MARKER_VERSION, document };
  const json = JSON.stringify(marker);
  const ws: Worksheet = wb.addWorksheet(MARKER_SHEET, { state: 'veryHidden' });
  for (let i = 0, r = 1; i < json.length; i += MARKER_CHUNK, r++) ws.getCell(r, 1).value = json.slice(i, i + MARKER_CHUNK);
}

/** Writes the .xlsx; resolves to its bytes. */
export async function exportXlsx(input: XlsxExportInput): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  wb.creator = '决算公开工作簿';
  wb.created = new Date();
  // Excel and WPS recompute on open; the cached results are already right for viewers that do not.
  wb.calcProperties = { fullCalcOnLoad: true };

  const names = new Map(input.sheets.map((s) => [s.layout.id as string, xlsxSheetName(s.layout)]));
  const rename: Rename = (f) => {
    let missing = false;
    const out = renameSheetRefs(f, (id) => {
      const name = names.get(id);
      if (name === undefined) missing = true;
      return name ?? id;
    });
    return missing ? null : out;
  };
  const inputs = input.document.inputs as Partial<Record<string, Record<string, Record<string, string>>>>;
  const typedIn = (sheet: string): Typed => (row, col) => inputs[sheet]?.[row]?.[col] !== undefined;
  if (input.kind === 'public') {
    for (const s of input.sheets) writeLayoutSheet(wb, s, rename, typedIn(s.layout.id), true);
    if (input.narrative) writePublicNarrative(wb, input.narrative, input.document.meta);
  } else {
    for (const s of input.sheets) {
      writeLayoutSheet(wb, s, rename, typedIn(s.layout.id));
      if (s.layout.id === 'sup' && input.narrative) writeNarrative(wb, input.narrative, input.document.meta);
    }
    if (input.narrative && !names.has('sup')) writeNarrative(wb, input.narrative, input.document.meta);
    writeMarker(wb, input.document);
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

/**
 * 蓝山县行政审批服务局2021年度部门决算公开表.xlsx, or …部门决算工作底稿.xlsx for the working file
 * (characters file systems reject become _).
 */
export function xlsxFileName(meta: Pick<WorkbookMeta, 'department' | 'year'>, kind: XlsxKind = 'public'): string {
  const dept = [...meta.department].map((ch) => (ch < ' ' || '\\/:*?"<>|'.includes(ch) ? '_' : ch)).join('').trim();
  return `${dept}${meta.year}年度部门决算${kind === 'public' ? '公开表' : '工作底稿'}.xlsx`;
}
