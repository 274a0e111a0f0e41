// Reads back a workbook this app exported, also after Excel, WPS or LibreOffice edited and saved
// it: only the inputs are taken, at the positions the layout (rebuilt from the hidden marker) gives;
// formulas are compared with the template's and never trusted. Every refusal is an ImportError
// with a Chinese message. Takes plain data and callbacks (`ImportDeps`); never imports the engine.
import type { Cell, CellValue as XlsxValue, Workbook, Worksheet } from 'exceljs';
import type { LayoutCell, SheetLayout } from '../model/layout';
import { InputError, parseAmount, parseCount } from '../model/amount';
import type { InputValues, WorkbookDocument } from '../model/document';
import { isInputSheet, type SheetId } from '../model/ids';
import { DERIVED_SHEET_NAMES, MARKER_SHEET, MARKER_TYPE, NARRATIVE_SHEET, MARKER_VERSION, loadExcelJS, normalizeFormula, renameSheetRefs, xlsxSheetName } from './xlsx-common';
import { EMPTY_SHEET_XML, type RawSheet, scanSheet, sheetParts } from './xlsx-raw-sheet';
import { type InflatedZip, ZIP_LIMITS, ZipGuardError, inflateEntries, replaceEntry, storedZip } from './zip-guard';

export class ImportError extends Error {
  override name = 'ImportError';
}

export const MAX_XLSX_BYTES = 20 * 1024 * 1024;
/** How many cells a note names before it says 等 N 处. */
const NOTE_LIST = 8;

/** Every message the importer shows, in one place. */
export const IMPORT_MESSAGES = {
  empty: '文件是空的，无法导入',
  tooLarge: (mb: string) => `文件过大（${mb} MB），超过 ${MAX_XLSX_BYTES / 1024 / 1024} MB 的导入上限`,
  oldXls: '这是旧版 Excel（.xls）文件，请在 Excel 或 WPS 中另存为 .xlsx 格式后再导入',
  notZip: '不是 xlsx 文件，请选择本程序导出的 .xlsx 工作簿',
  corrupt: '文件已损坏，无法读取（xlsx 压缩包不完整或内容有误）',
  bomb: '文件解压后异常庞大（疑似“压缩炸弹”），为安全起见已拒绝导入',
  tooBigPart: (part: string, mb: string, limitMb: number) =>
    `文件中的「${part}」解压后有 ${mb} MB，超过单个部件 ${limitMb} MB 的上限：这不是本程序导出的决算公开工作簿，无法导入`,
  extraSheet: (name: string) => `文件中的工作表「${name}」不属于本工作簿，其内容未导入`,
  notOurs: '这不是本程序导出的决算公开工作簿（缺少导出标记），无法导入',
  markerBroken: '工作簿中的导出标记已损坏，无法导入',
  markerNewer: '该工作簿由较新版本的程序导出，请更新程序后再导入',
  markerInvalid: (why: string) => `工作簿中的导出标记无效：${why}`,
  missingSheet: (name: string) => `缺少工作表「${name}」，无法导入`,
  structure: (at: string, want: string, got: string) =>
    `${at} 应为「${want}」，文件中为「${got}」：表格结构被改动（插入、删除或移动了行列），无法按位置读取数据`,
  badValue: (at: string, why: string) => `${at}：${why}`,
  noResult: '单元格中是公式且没有计算结果，请改为直接填写数字',
  notNumber: (text: string) => `「${text}」不是数字`,
  formulaChanged: (cells: string) => `公式被修改，已按模板公式重新计算：${cells}`,
  formulaInInput: (cells: string) => `以下输入单元格中填写的是公式，已取其计算结果：${cells}`,
  ignored: (cells: string) => `忽略了表格以外或非输入单元格中的内容：${cells}`,
  sheetRebuilt: (name: string) => `文件中缺少工作表「${name}」，已按模板重建`,
  namesFilled: (codes: string) => `按文件补上了科目名称：${codes}`,
  namesDiffer: (cells: string) => `文件中的科目名称与本工作簿不同，未采用（需要时请用“科目命名”修改）：${cells}`,
} as const;

export interface ImportDeps {
  /** The tolerant restore path (restoreDocument): validates and migrates; throws with a Chinese message. */
  restore(raw: unknown): { doc: WorkbookDocument; notes: string[] };
  /** Every sheet layout for a document (the engine's layout), in workbook order. */
  layoutFor(doc: WorkbookDocument): readonly SheetLayout[];
}

export interface ImportResult {
  /** Restored document: the marker's structure and texts, the file's inputs. */
  document: WorkbookDocument;
  /** What was ignored or repaired, in Chinese, for the user. */
  notes: string[];
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
/** Text roles that pin the layout to the file; labels only where no code or line number does. */
const ANCHOR_ROLES = new Set(['code', 'lineNo', 'header', 'section', 'total']);

function listCells(cells: string[]): string {
  const shown = cells.slice(0, NOTE_LIST).join('、');
  return cells.length > NOTE_LIST ? `${shown} 等 ${cells.length} 处` : shown;
}

const squash = (s: string): string => s.replace(/\s+/g, '');

/** Plain text of any cell value, for comparisons and messages. */
function textOf(v: XlsxValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('error' in v) return v.error;
  if ('text' in v && typeof v.text === 'string') return v.text;
  if ('result' in v) return textOf((v.result ?? null) as XlsxValue);
  return '';
}

const isMergedChild = (c: Cell): boolean => c.isMerged && c.master !== c;
const hasFormula = (c: Cell): boolean => typeof c.formula === 'string' && c.formula !== '';

/** A1 address of a zero-based position (for messages; ExcelJS's getCell would create a missing cell). */
function a1(r: number, c: number): string {
  let letters = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${r + 1}`;
}

/** 公开06表 I33（公用经费合计）: the sheet, the address and what the cell is, for a note. */
function cellRef(layout: SheetLayout, r: number, c: number): string {
  const label = cellLabel(layout, r, c);
  return `${xlsxSheetName(layout)} ${a1(r, c)}${label ? `（${label}）` : ''}`;
}

/** 30201 办公费, or 2010306 行政运行 · 基本支出 where the row has several value columns. */
function cellLabel(layout: SheetLayout, r: number, c: number): string {
  const row = layout.cells[r] ?? [];
  // Merged labels (人员经费合计 over A:B) leave nulls right of their master: resolve through the merge.
  const mergeAt = (rr: number, cc: number) =>
    layout.merges.find((x) => x.row <= rr && rr < x.row + x.rowspan && x.col <= cc && cc < x.col + x.colspan);
  const masterCol = (cc: number): number => mergeAt(r, cc)?.col ?? cc;
  const parts: string[] = [];
  let i = masterCol(c - 1);
  // Skip the row's other value columns (05表: 合计 before 基本支出) to reach its code and name.
  while (i >= 0 && row[i] && row[i]?.t !== 'text') i = masterCol(i - 1);
  for (; i >= 0; i = masterCol(i - 1)) {
    const cell = row[i];
    if (cell?.t !== 'text') break;
    if (cell.role !== 'lineNo' && cell.text) parts.unshift(cell.text);
  }
  const right = row[c + 1];
  const several = row[masterCol(c - 1)]?.t !== 'text' || (right !== undefined && right !== null && right.t !== 'text');
  if (several) {
    let header = '';
    layout.rowKinds.forEach((k, hr) => {
      const m = mergeAt(hr, c);
      const cell = k === 'header' ? (m ? layout.cells[m.row]?.[m.col] : layout.cells[hr]?.[c]) : undefined;
      // The deepest header naming the column; 栏次 numbers (1, 2, …) are not names.
      if (cell?.t === 'text' && cell.text && !/^\d+$/.test(cell.text)) header = cell.text;
    });
    if (header) parts.push(`· ${squash(header)}`);
  }
  return parts.join(' ');
}

/**
 * The guard, then ExcelJS. The derived sheets are scanned from their XML and ExcelJS gets an empty
 * sheet in their place; 情况说明 (written from the figures, never read back) is left out the same way.
 */
async function loadWorkbook(u8: Uint8Array): Promise<{ wb: Workbook; raw: Map<string, RawSheet> }> {
  if (u8.byteLength === 0) throw new ImportError(IMPORT_MESSAGES.empty);
  if (u8.byteLength > MAX_XLSX_BYTES) throw new ImportError(IMPORT_MESSAGES.tooLarge((u8.byteLength / 1024 / 1024).toFixed(1)));
  const magic = Array.from(u8.subarray(0, 4));
  if (magic.join() === [0xd0, 0xcf, 0x11, 0xe0].join()) throw new ImportError(IMPORT_MESSAGES.oldXls);
  if (magic.join() !== [0x50, 0x4b, 0x03, 0x04].join()) throw new ImportError(IMPORT_MESSAGES.notZip);
  let zip: InflatedZip;
  try {
    zip = await inflateEntries(u8);
  } catch (e) {
    if (e instanceof ZipGuardError && e.reason === 'too-big' && e.entry) {
      throw new ImportError(IMPORT_MESSAGES.tooBigPart(e.entry.name, (e.entry.size / 1024 / 1024).toFixed(1), ZIP_LIMITS.maxEntry / 1024 / 1024));
    }
    if (e instanceof ZipGuardError) throw new ImportError(e.reason === 'bomb' ? IMPORT_MESSAGES.bomb : IMPORT_MESSAGES.corrupt);
    throw e;
  }
  const raw = new Map<string, RawSheet>();
  const parts = sheetParts(zip);
  for (const name of DERIVED_SHEET_NAMES) {
    const part = parts.get(name);
    const sheet = part ? scanSheet(zip, part) : null;
    if (!part || !sheet) continue;
    raw.set(name, sheet);
    replaceEntry(zip, part, EMPTY_SHEET_XML);
  }
  const narrative = parts.get(NARRATIVE_SHEET);
  if (narrative) replaceEntry(zip, narrative, EMPTY_SHEET_XML);
  const stored = storedZip(zip);
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  try {
    // An ArrayBuffer works in Node and in the browser alike (ExcelJS hands it to JSZip). The
    // checked copy, entries stored: ExcelJS reads exactly what the guard inflated, once.
    await wb.xlsx.load(stored.buffer as ArrayBuffer);
  } catch {
    throw new ImportError(IMPORT_MESSAGES.corrupt);
  }
  return { wb, raw };
}

function readMarker(wb: Workbook): Record<string, unknown> {
  const ws = wb.getWorksheet(MARKER_SHEET);
  if (!ws) throw new ImportError(IMPORT_MESSAGES.notOurs);
  let json = '';
  for (let r = 1; r <= ws.rowCount; r++) json += textOf(ws.getCell(r, 1).value);
  let marker: unknown;
  try {
    marker = JSON.parse(json);
  } catch {
    throw new ImportError(IMPORT_MESSAGES.markerBroken);
  }
  if (!isObj(marker) || marker.type !== MARKER_TYPE || !isObj(marker.document)) throw new ImportError(IMPORT_MESSAGES.markerBroken);
  if (typeof marker.markerVersion !== 'number' || marker.markerVersion > MARKER_VERSION) throw new ImportError(IMPORT_MESSAGES.markerNewer);
  return marker.document;
}

/** restore(), its refusal turned into an ImportError (`wrap` says what was being restored). */
function restoreOrThrow(deps: ImportDeps, raw: unknown, wrap: (why: string) => string): { doc: WorkbookDocument; notes: string[] } {
  try {
    return deps.restore(raw);
  } catch (e) {
    throw new ImportError(wrap(e instanceof Error ? e.message : String(e)));
  }
}

/** The value of an input cell as something parseAmount/parseCount accept, or an error message. */
function inputRaw(xc: Cell): { raw: unknown; formula?: boolean } | { error: string } {
  const v = xc.value;
  if (v === null || v === undefined || typeof v === 'number' || typeof v === 'string') return { raw: v };
  if (typeof v === 'boolean' || v instanceof Date || 'error' in v) return { error: IMPORT_MESSAGES.notNumber(textOf(v)) };
  if ('formula' in v || 'sharedFormula' in v) {
    const result = v.result;
    if (result === undefined || result === null) return { error: IMPORT_MESSAGES.noResult };
    if (typeof result !== 'number' && typeof result !== 'string') return { error: IMPORT_MESSAGES.notNumber(textOf(v)) };
    return { raw: result, formula: true };
  }
  return { raw: textOf(v) };
}

/**
 * A file's formula against the template's. The text this app writes (`written`: the template's
 * with sheet names for ids) needs no normalizing; anything else (Excel, WPS, LibreOffice rewrote
 * it) is compared in canonical form.
 */
function sameFormula(file: string, template: string, nameToId: ReadonlyMap<string, string>, written: (f: string) => string): boolean {
  // Without a '!' the template names no other sheet: this app wrote it as it is.
  if (file === template || (template.includes('!') && file === written(template))) return true;
  return normalizeFormula(file, nameToId) === normalizeFormula(template, nameToId);
}

interface SheetReport {
  changedFormulas: string[];
  formulaInputs: string[];
  ignored: string[];
  /** Names typed in the file where the workbook has none (code → name), per kind. */
  names: { function: Record<string, string>; economic: Record<string, string> };
  namesDiffer: string[];
}

function readSheet(
  ws: Worksheet,
  layout: SheetLayout,
  nameToId: ReadonlyMap<string, string>,
  idToName: ReadonlyMap<string, string>,
  inputs: InputValues,
  report: SheetReport,
): void {
  const name = xlsxSheetName(layout);
  const at = (r: number, c: number): string => cellRef(layout, r, c);
  const readsInputs = isInputSheet(layout.id);
  const written = (f: string): string => renameSheetRefs(f, (id) => idToName.get(id) ?? id);
  layout.cells.forEach((row, r) => {
    const anchored = row.some((cell) => cell?.t === 'text' && (cell.role === 'code' || cell.role === 'lineNo'));
    // The file's row once (ws.findCell decodes an A1 address per cell).
    const xr = ws.findRow(r + 1);
    row.forEach((cell: LayoutCell, c) => {
      if (!cell) return;
      // Undefined where the file has nothing at this position.
      const xc = xr?.findCell(c + 1);
      if (cell.t === 'text') {
        if (readsInputs && cell.role === 'label' && !(xc && isMergedChild(xc))) readName(row[c - 1], cell.text, textOf(xc?.value ?? null), () => at(r, c), report);
        if (!readsInputs || !(ANCHOR_ROLES.has(cell.role) || (cell.role === 'label' && !anchored))) return;
        if (xc && isMergedChild(xc)) return;
        const got = textOf(xc?.value ?? null);
        if (squash(got) !== squash(cell.text)) throw new ImportError(IMPORT_MESSAGES.structure(`${name} ${a1(r, c)}`, cell.text, got));
        return;
      }
      if (cell.t === 'formula') {
        const same = xc !== undefined && hasFormula(xc) && !isMergedChild(xc) && sameFormula(xc.formula, cell.formula, nameToId, written);
        if (!same) report.changedFormulas.push(at(r, c));
        return;
      }
      if (!readsInputs || (xc && isMergedChild(xc))) return;
      // A typeOver cell still holding its template formula follows it: nothing was typed.
      if (xc && cell.follow && hasFormula(xc) && sameFormula(xc.formula, cell.follow.formula, nameToId, written)) return;
      const got = xc ? inputRaw(xc) : { raw: null };
      if ('error' in got) throw new ImportError(IMPORT_MESSAGES.badValue(at(r, c), got.error));
      let value: string | null;
      try {
        value = cell.format === 'count' ? parseCount(got.raw) : parseAmount(got.raw);
      } catch (e) {
        if (e instanceof InputError) throw new ImportError(IMPORT_MESSAGES.badValue(at(r, c), e.message));
        throw e;
      }
      if ('formula' in got && got.formula) report.formulaInputs.push(at(r, c));
      if (value !== null) ((inputs[layout.id as SheetId] ??= {})[cell.row] ??= {})[cell.col] = value;
    });
  });
  // Anything typed where the layout has nothing (or outside it) is not an input: say so, ignore it.
  ws.eachRow((xr, rn) => {
    const row = layout.cells[rn - 1];
    xr.eachCell((xc, cn) => {
      if (row?.[cn - 1] || isMergedChild(xc) || xc.value === null || textOf(xc.value) === '') return;
      report.ignored.push(`${name} ${xc.address}`);
    });
  });
}

/**
 * readSheet for a derived sheet read from its XML: its formulas against the template's, and any
 * content where the layout has nothing (the same notes as readSheet gives; no inputs to read).
 */
function readDerivedSheet(file: RawSheet, layout: SheetLayout, nameToId: ReadonlyMap<string, string>, idToName: ReadonlyMap<string, string>, report: SheetReport): void {
  const name = xlsxSheetName(layout);
  const written = (f: string): string => renameSheetRefs(f, (id) => idToName.get(id) ?? id);
  layout.cells.forEach((row, r) =>
    row.forEach((cell: LayoutCell, c) => {
      if (cell?.t !== 'formula') return;
      const fc = file.at(r, c);
      if (fc?.formula && !fc.mergedChild && sameFormula(fc.formula, cell.formula, nameToId, written)) return;
      report.changedFormulas.push(cellRef(layout, r, c));
    }),
  );
  for (const fc of file.cells) {
    if (layout.cells[fc.row]?.[fc.col] || fc.mergedChild || fc.empty) continue;
    report.ignored.push(`${name} ${fc.address}`);
  }
}

/**
 * The name cell right of a code cell (tables 02–09, 06's groups): a name typed in the file where
 * the workbook prints none fills that gap; another name than the workbook's is reported, not taken.
 */
function readName(codeCell: LayoutCell | undefined, shown: string, got: string, at: () => string, report: SheetReport): void {
  if (codeCell?.t !== 'text' || codeCell.role !== 'code') return;
  const code = codeCell.text.trim();
  const name = got.trim().slice(0, 60);
  if (!name || squash(name) === squash(shown)) return;
  if (shown.trim()) {
    report.namesDiffer.push(`${at()}「${name}」`);
    return;
  }
  const kind = /^3\d\d(\d\d)?$/.test(code) ? 'economic' : /^2\d\d(\d\d){0,2}$/.test(code) ? 'function' : null;
  if (kind) report.names[kind][code] ??= name;
}

/**
 * Reads an .xlsx exported by this app. Throws ImportError (Chinese message) for anything that is
 * not such a workbook or holds an invalid input; changed formulas and stray content become notes.
 */
export async function importXlsx(bytes: ArrayBuffer | Uint8Array, deps: ImportDeps): Promise<ImportResult> {
  const u8 = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const { wb, raw } = await loadWorkbook(u8);
  const skeleton = { ...readMarker(wb), inputs: {} };
  const base = restoreOrThrow(deps, skeleton, IMPORT_MESSAGES.markerInvalid);
  const layouts = deps.layoutFor(base.doc);

  const nameToId = new Map<string, string>();
  const idToName = new Map(layouts.map((l) => [l.id as string, xlsxSheetName(l)]));
  for (const l of layouts) {
    nameToId.set(xlsxSheetName(l).toUpperCase(), l.id);
    nameToId.set(l.id.toUpperCase(), l.id);
  }
  const inputs: InputValues = {};
  const report: SheetReport = { changedFormulas: [], formulaInputs: [], ignored: [], names: { function: {}, economic: {} }, namesDiffer: [] };
  const notes: string[] = [];
  for (const layout of layouts) {
    const name = xlsxSheetName(layout);
    const scanned = raw.get(name);
    if (scanned && !isInputSheet(layout.id)) {
      readDerivedSheet(scanned, layout, nameToId, idToName, report);
      continue;
    }
    const ws = wb.getWorksheet(name);
    if (!ws) {
      if (isInputSheet(layout.id)) throw new ImportError(IMPORT_MESSAGES.missingSheet(name));
      notes.push(IMPORT_MESSAGES.sheetRebuilt(name));
      continue;
    }
    readSheet(ws, layout, nameToId, idToName, inputs, report);
  }
  // 情况说明 is written from the figures, never read back.
  const known = new Set([...layouts.map(xlsxSheetName), MARKER_SHEET, NARRATIVE_SHEET]);
  for (const ws of wb.worksheets) if (!known.has(ws.name)) notes.push(IMPORT_MESSAGES.extraSheet(ws.name));
  if (report.changedFormulas.length) notes.push(IMPORT_MESSAGES.formulaChanged(listCells(report.changedFormulas)));
  if (report.formulaInputs.length) notes.push(IMPORT_MESSAGES.formulaInInput(listCells(report.formulaInputs)));
  if (report.ignored.length) notes.push(IMPORT_MESSAGES.ignored(listCells(report.ignored)));

  const filled = [...Object.keys(report.names.function), ...Object.keys(report.names.economic)];
  if (filled.length) notes.push(IMPORT_MESSAGES.namesFilled(filled.join('、')));
  if (report.namesDiffer.length) notes.push(IMPORT_MESSAGES.namesDiffer(listCells(report.namesDiffer)));
  const named = {
    customCodes: { ...report.names.function, ...base.doc.customCodes },
    economicNames: { ...report.names.economic, ...base.doc.economicNames },
  };
  const final = restoreOrThrow(deps, { ...base.doc, ...named, inputs }, (why) => why);
  // Both restores see the same structure: a note on it (e.g. the year outside the template's) once.
  return { document: final.doc, notes: [...new Set([...base.notes, ...notes, ...final.notes])] };
}
