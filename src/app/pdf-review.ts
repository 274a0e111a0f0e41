// 审查 of a published PDF: its page layouts become a review workbook of the chosen template — the
// inputs as printed, the printed figure of every computed cell (document.printed) — through the one
// restore() path, with a report of what could not be read. The 审核 of that workbook then finds the
// slips. No DOM and no pdf.js here: the pages come from src/io (read in a worker or in Node).
import { layoutPage, type PageLayout } from '../io/pdf-grid';
import type { PdfContent } from '../io/pdf-read';
import { DEFAULT_AUDIT_TOLERANCE, DOC_TYPE, APP_ID, SCHEMA_VERSION, emptyCodes, type WorkbookDocument } from '../model/document';
import { CodeBook } from '../engine';
import { isInputSheet, type Fund } from '../model/ids';
import type { LayoutCell } from '../model/layout';
import type { TemplateDef } from '../model/template';
import { readEconomicTable, readFixedTable, readFunctionTable, readTwoSidedTable, type FoundCode, type PrintedFigure, type TableReading } from './pdf-figures';
import { documentText } from './pdf-text';
import { guessMeta, locateTables, proposeTemplate, squash, type TablePlace, type TemplateProposal } from './pdf-locate';
import { CATALOGUES, documentLayout, restoreDocument, TEMPLATE_LIST, templateById } from './templates';

export const PDF_REVIEW_TEXT = {
  noTables: (name: string) => `在 PDF 中没有找到模板「${name}」的任何一张表（按表名查找），无法审查。请确认所选模板与文件一致。`,
  tableMissing: (title: string) => `没有找到表「${title}」（按模板的表名查找），该表未读入`,
  tableEmpty: (title: string, pages: string) => `表「${title}」（${pages}）没有读到表格线或数据，按空表处理`,
  unit: (title: string, unit: string, want: string) => `表「${title}」的金额单位为「${unit}」，与模板的「${want}」不同，该表未读入`,
  noCell: (where: string, value: string) => `${where}：印有 ${value}，但工作簿中没有对应的单元格（该科目或行未出现在相关表中），未读入`,
  noYear: '没有从 PDF 中读到决算年度，请在工具栏中填写年度',
  noDepartment: '没有从 PDF 中读到部门名称，请在工具栏中填写',
} as const;

/** What the review read from each table. */
export interface TableReport {
  id: string;
  title: string;
  pages: number[];
  found: boolean;
  rows: number;
  figures: number;
}

export interface PdfReview {
  /** The review workbook (restored), opened like any workbook. */
  doc: WorkbookDocument;
  tables: TableReport[];
  /** What could not be read or placed, and restore's notes, in Chinese. */
  unread: string[];
  /** The document's text outside the tables, page by page (the 情况说明 for 表文核对). */
  pages: PageLayout[];
}

/** The pages of a read PDF as tables and lines (plain geometry). */
export function pdfLayouts(content: PdfContent): PageLayout[] {
  return content.pages.map(layoutPage);
}

export interface PdfProposal {
  department: string;
  year: number | null;
  /** Templates by fit, best first. */
  templates: TemplateProposal[];
}

/** What to propose before the user picks: 部门, 年度 and the template whose table titles the PDF prints. */
export function proposeReview(pages: readonly PageLayout[], pdfTitle: string, templates: readonly TemplateDef[] = TEMPLATE_LIST): PdfProposal {
  const meta = guessMeta(pages, pdfTitle);
  return { ...meta, templates: proposeTemplate(pages, meta.year, templates) };
}

/** A 类 code by its printed name in the workbook's year (renamed classes by any of their names). */
function classLookup(year: number): (name: string) => string | null {
  const cat = CATALOGUES.functionCatalog;
  const byName = new Map<string, string>();
  for (const info of cat.codes(year)) if (info.level === 1) byName.set(squash(info.name), info.code);
  for (const c of CATALOGUES.functionCodes) if (c.level === 1 && !byName.has(squash(c.name))) byName.set(squash(c.name), c.code);
  return (name) => {
    const n = squash(name);
    return byName.get(n) ?? [...byName.values()].find((code) => cat.knowsName(code, n)) ?? null;
  };
}

function readPlace(place: TablePlace, year: number): TableReading {
  const def = place.def;
  switch (def.kind) {
    case 'function':
      return readFunctionTable(place, def);
    case 'economic':
      return readEconomicTable(place, def);
    case 'two-sided':
      return readTwoSidedTable(place, def, { classCode: classLookup(year) });
    case 'fixed':
      return readFixedTable(place, def);
  }
}

/**
 * Builds the review workbook of `templateId` from the PDF's pages. Department and year default
 * to what the cover prints. Throws an Error with a Chinese message when no table is found at all.
 */
export function buildReview(pages: PageLayout[], templateId: string, meta: { department?: string; year?: number; file?: string } = {}): PdfReview {
  const template = templateById(templateId);
  const guess = guessMeta(pages, '');
  const year = meta.year ?? guess.year ?? template.year;
  const department = (meta.department ?? guess.department).trim() || '（未读到部门名称）';
  const unread: string[] = [];
  if (meta.year === undefined && guess.year === null) unread.push(PDF_REVIEW_TEXT.noYear);
  if (!meta.department && !guess.department) unread.push(PDF_REVIEW_TEXT.noDepartment);

  const places = locateTables(pages, template);
  if (!places.length) throw new Error(PDF_REVIEW_TEXT.noTables(template.name));
  const tables: TableReport[] = [];
  const figures: PrintedFigure[] = [];
  const codes: FoundCode[] = [];
  const economic: FoundCode[] = [];
  for (const def of template.tables) {
    const place = places.find((p) => p.def === def);
    if (!place) {
      unread.push(PDF_REVIEW_TEXT.tableMissing(def.title));
      tables.push({ id: def.id, title: def.title, pages: [], found: false, rows: 0, figures: 0 });
      continue;
    }
    if (place.unit && squash(place.unit) !== squash(template.unit)) {
      unread.push(PDF_REVIEW_TEXT.unit(def.title, place.unit, template.unit));
      tables.push({ id: def.id, title: def.title, pages: place.pages, found: true, rows: 0, figures: 0 });
      continue;
    }
    const r = readPlace(place, year);
    if (!place.grids.length) unread.push(PDF_REVIEW_TEXT.tableEmpty(def.title, place.pages.map((p) => `第${p}页`).join('、')));
    unread.push(...r.unread);
    figures.push(...r.figures);
    codes.push(...r.codes);
    economic.push(...r.economic);
    tables.push({ id: def.id, title: def.title, pages: place.pages, found: true, rows: r.rows, figures: r.figures.filter((f) => f.value !== null).length });
  }

  const skeleton = documentSkeleton(template, { department, year }, codes, economic);
  const layout = new Map(documentLayout(restoreDocument(skeleton).doc).map((s) => [s.id, s]));
  const inputs: Record<string, Record<string, Record<string, string>>> = {};
  const printed: Record<string, Record<string, Record<string, string>>> = {};
  let blanks = 0;
  let zeros = 0;
  const cellOf = (sheet: string, row: string, col: string): LayoutCell | undefined => {
    const s = layout.get(sheet);
    const p = s?.index.get(`${row}|${col}`);
    return p ? s!.cells[p.r]![p.c] : undefined;
  };
  for (const f of figures) {
    const cell = cellOf(f.sheet, f.row, f.col);
    if (!cell || (cell.t !== 'input' && cell.t !== 'formula')) {
      if (f.value !== null) unread.push(PDF_REVIEW_TEXT.noCell(f.where, f.value));
      continue;
    }
    if (f.value === null) blanks++;
    else if (Number(f.value) === 0) zeros++;
    if (cell.t === 'input' && isInputSheet(f.sheet)) {
      if (f.value !== null) ((inputs[f.sheet] ??= {})[f.row] ??= {})[f.col] = f.value;
    } else ((printed[f.sheet] ??= {})[f.row] ??= {})[f.col] = f.value ?? '';
  }
  // An input that follows a formula until typed over (03 基本/项目 following 05, 八, 九) stays
  // following where the print equals what it follows: only a figure that differs is "typed".
  for (const [sheet, rows] of Object.entries(inputs)) {
    for (const [row, cols] of Object.entries(rows)) {
      for (const [col, value] of Object.entries(cols)) {
        const cell = cellOf(sheet, row, col);
        const follows = cell?.t === 'input' && cell.follow ? sumOfInputs(cell.follow.source, sheet, inputs) : null;
        if (follows !== null && follows === Math.round(Number(value) * 100)) delete cols[col];
      }
      if (!Object.keys(cols).length) delete rows[row];
    }
  }
  // The document's own way of printing an empty cell, when it keeps to one.
  const zeroStyle = blanks && !zeros ? 'blank' : zeros && !blanks ? 'zero' : undefined;
  const text = documentText(pages);
  const review = { file: meta.file ?? '', tables: tables.map(({ title, pages: p, rows, figures: n }) => ({ title, pages: p, rows, figures: n })), unread, lines: text.lines.map((l) => [l.start, l.end, l.page]) };
  // The running text is the published text under review: 表文核对 checks it against the tables.
  const publishedText = { text: text.text, source: 'pdf', ...(meta.file ? { name: meta.file } : {}) };
  const restored = restoreDocument({ ...skeleton, inputs, printed, review, ...(text.text.trim() ? { publishedText } : {}), ...(zeroStyle ? { zeroStyle } : {}) });
  unread.push(...restored.notes);
  return { doc: restored.doc, tables, unread, pages };
}

/** The document before its figures: meta, the codes found with the names the catalogue lacks. */
function documentSkeleton(template: TemplateDef, meta: { department: string; year: number }, codes: FoundCode[], economic: FoundCode[]) {
  const doc = restoreDocument({
    type: DOC_TYPE,
    schemaVersion: SCHEMA_VERSION,
    app: APP_ID,
    templateId: template.id,
    templateVersion: template.version,
    meta: { ...meta, unit: template.unit },
    codes: emptyCodes(),
    customCodes: {},
    economicCodes: [],
    economicNames: {},
    inputs: {},
    texts: {},
    units: [],
    auditTolerance: { ...DEFAULT_AUDIT_TOLERANCE },
  }).doc;
  // Names as the workbook would print them (the catalogue of the year), without building its formulas.
  const book = new CodeBook(doc, CATALOGUES);
  // A 项 belongs to the fund of the single-fund table that prints it (05, 八, 九); one printed only
  // in 02/03 is taken as 一般公共预算, as 添加科目 does.
  const fundOf = new Map<string, Fund>();
  for (const c of codes) if (c.fund && !fundOf.has(c.code)) fundOf.set(c.code, c.fund);
  const byFund = emptyCodes();
  const customCodes: Record<string, string> = {};
  for (const c of codes) {
    if (c.code.length === 7) {
      const f = fundOf.get(c.code) ?? 'gpb';
      if (!byFund[f].includes(c.code)) byFund[f].push(c.code);
    }
    if (c.name && book.nameOf(c.code) === null && !(c.code in customCodes)) customCodes[c.code] = c.name;
  }
  const econ = template.tables.find((t) => t.kind === 'economic');
  const economicCodes = new Set<string>();
  const economicNames: Record<string, string> = {};
  for (const c of economic) {
    if (econ?.kind === 'economic' && c.code.length === 5 && !econ.codes.includes(c.code) && econ.groups.flat().includes(c.code.slice(0, 3))) economicCodes.add(c.code);
    if (c.name && book.economicNameOf(c.code) === null) economicNames[c.code] = c.name;
  }
  for (const f of Object.keys(byFund) as Fund[]) byFund[f].sort();
  return { ...doc, codes: byFund, customCodes, economicCodes: [...economicCodes].sort(), economicNames };
}

/**
 * A formula that only adds cells ({?sheet:row:col}+…), evaluated in cents over the inputs read;
 * null for any other formula (the typed figure is then kept).
 */
function sumOfInputs(formula: string, sheet: string, inputs: Record<string, Record<string, Record<string, string>>>): number | null {
  if (!/^(\{\??[^{}]+\})(\+\{\??[^{}]+\})*$/.test(formula)) return null;
  let total = 0;
  for (const m of formula.matchAll(/\{\??([^{}]+)\}/g)) {
    const parts = m[1]!.split(':');
    if (parts.length !== 3 && parts.length !== 2) return null;
    const [s, r, c] = parts.length === 3 ? parts : [sheet, ...parts];
    total += Math.round(Number(inputs[s!]?.[r!]?.[c!] ?? 0) * 100);
  }
  return total;
}
