// The one tolerant load path (IndexedDB, JSON backup, XLSX import): unknown in, valid document
// or a RestoreError with a Chinese message out. Fills defaults and runs migrations first.
import { InputError, parseAmount, parseCount } from './amount';
import {
  APP_ID,
  DEFAULT_AUDIT_TOLERANCE,
  DOC_TYPE,
  MAX_PUBLISHED_TEXT,
  SCHEMA_VERSION,
  emptyCodes,
  type AuditTolerance,
  type InputValues,
  type PrintedValues,
  type PublishedText,
  type ReviewSource,
  type WorkbookDocument,
  type WorkbookUnit,
} from './document';
import { FUNDS, SUPPLEMENT_ID, type SheetId } from './ids';
import { migrate } from './migrations';
import type { TemplateMigration, ValueFormat } from './template';

export class RestoreError extends Error {
  override name = 'RestoreError';
}

/** What restore needs to know about a template, without importing sheets/. */
export interface TemplateInfo {
  id: string;
  version: number;
  name: string;
  years: { from: number; to?: number };
  unit: string;
  /** Sheets that may hold inputs: the template's tables and 补充资料. */
  sheets: readonly SheetId[];
  /** The template's own migrations, by templateVersion. */
  migrations: readonly TemplateMigration[];
  /** Format of an input cell, or undefined when (sheet, row, col) is not an input of this template. */
  inputFormat(sheet: SheetId, row: string, col: string): ValueFormat | undefined;
  /** Human name of a cell for messages, e.g. 公开06表「30201 办公费」. */
  describe(sheet: SheetId, row: string, col: string): string;
}

export interface RestoreResult {
  doc: WorkbookDocument;
  /** Migrations applied, by name. */
  migrated: string[];
  /** Things dropped or normalized, in Chinese, for the user. */
  notes: string[];
}

/**
 * Bounds on a document's codes. A table shows each 项 with its 类 and 款 rows, for up to three
 * funds: 3 × 3,000 items stay well under HyperFormula's 40,000 rows per sheet (a national
 * catalogue has under 2,000 项).
 */
export const MAX_CODES_PER_FUND = 3_000;
export const MAX_ECONOMIC_CODES = 1_000;
/** 部门决算单位构成 lines kept (a department with more units is a 汇总 of several workbooks). */
export const MAX_UNITS = 500;
/** Printed figures kept in a review workbook (every computed cell of a large document is far fewer). */
export const MAX_PRINTED = 20_000;

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

export function restore(raw: unknown, templates: ReadonlyMap<string, TemplateInfo>): RestoreResult {
  let input: unknown = raw;
  if (typeof input === 'string') {
    try {
      input = JSON.parse(input);
    } catch {
      throw new RestoreError('文件内容不是有效的 JSON，无法读取工作簿');
    }
  }
  if (!isObj(input)) throw new RestoreError('数据不是工作簿对象，无法读取');
  if (input.type !== DOC_TYPE) throw new RestoreError('这不是决算公开工作簿数据（缺少或错误的类型标记）');
  const version = input.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new RestoreError('工作簿缺少有效的版本号');
  }
  if (version > SCHEMA_VERSION) {
    throw new RestoreError(`该工作簿由较新版本的程序保存（数据版本 ${version}，本程序支持到 ${SCHEMA_VERSION}），请更新程序后再打开`);
  }
  const { doc: m, applied } = migrate(input, version);
  const notes: string[] = [];

  const templateId = m.templateId;
  if (typeof templateId !== 'string') throw new RestoreError('工作簿没有指明模板');
  const tpl = templates.get(templateId);
  if (!tpl) throw new RestoreError(`未知的模板「${templateId}」，本程序无法打开`);
  // The template upgrades its own documents (its sheets, rows and columns), keyed by templateVersion.
  const tv = m.templateVersion ?? 1;
  if (typeof tv !== 'number' || !Number.isInteger(tv) || tv < 1) throw new RestoreError('工作簿的模板版本号无效');
  if (tv > tpl.version) {
    throw new RestoreError(`该工作簿使用较新的模板「${tpl.name}」（模板版本 ${tv}，本程序支持到 ${tpl.version}），请更新程序后再打开`);
  }
  let td = m;
  for (const tm of tpl.migrations) {
    if (tm.from >= tv && tm.from < tpl.version) {
      td = tm.up(td);
      applied.push(tm.name);
    }
  }

  const metaIn = isObj(td.meta) ? td.meta : {};
  const department = typeof metaIn.department === 'string' ? metaIn.department.trim().slice(0, 100) : '';
  const year = Number(metaIn.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new RestoreError('决算年度无效（应为 2000–2100 之间的整数）');
  const { from, to } = tpl.years;
  if (year < from || (to !== undefined && year > to)) {
    const range = to === undefined ? `${from}年起` : from === to ? `${from}年` : `${from}–${to}年`;
    notes.push(`决算年度 ${year} 不在模板「${tpl.name}」的适用年度（${range}）内，表样和情况说明可能与该年度的公开要求不符；可新建工作簿时选择适用的模板，再从上年结转`);
  }

  const codes = emptyCodes();
  const codesIn = isObj(td.codes) ? td.codes : {};
  for (const fund of FUNDS) {
    const list = codesIn[fund] ?? [];
    if (!Array.isArray(list)) throw new RestoreError('科目编码列表格式错误');
    // Before the engine builds rows for them: HyperFormula stops at 40,000 rows per sheet.
    if (list.length > MAX_CODES_PER_FUND) throw new RestoreError(`功能分类科目过多（${list.length} 个，每类资金最多 ${MAX_CODES_PER_FUND} 个），本程序无法打开`);
    for (const c of list) {
      if (typeof c !== 'string' || !/^\d{7}$/.test(c)) throw new RestoreError(`功能分类科目编码「${String(c)}」无效（应为7位数字）`);
    }
    codes[fund] = [...new Set(list as string[])].sort();
  }

  const customCodes: Record<string, string> = {};
  if (isObj(td.customCodes)) {
    for (const [code, name] of Object.entries(td.customCodes)) {
      if (!/^\d{3}(\d{2}){0,2}$/.test(code) || typeof name !== 'string' || !name.trim()) {
        throw new RestoreError(`科目「${code}」的名称无效`);
      }
      customCodes[code] = name.trim().slice(0, 60);
    }
  }

  const economicNames: Record<string, string> = {};
  if (isObj(td.economicNames)) {
    for (const [code, name] of Object.entries(td.economicNames)) {
      // Drop the bad part, keep the rest: a bad name is noted, the workbook still opens.
      if (!/^\d{3}(\d{2})?$/.test(code) || typeof name !== 'string' || !name.trim()) {
        notes.push(`忽略了无效的经济分类科目名称「${code}」`);
        continue;
      }
      economicNames[code] = name.trim().slice(0, 60);
    }
  }

  const economicCodes = Array.isArray(td.economicCodes) ? td.economicCodes : [];
  if (economicCodes.length > MAX_ECONOMIC_CODES) throw new RestoreError(`经济分类科目过多（${economicCodes.length} 个，最多 ${MAX_ECONOMIC_CODES} 个），本程序无法打开`);
  for (const c of economicCodes) {
    if (typeof c !== 'string' || !/^\d{5}$/.test(c)) throw new RestoreError(`经济分类科目编码「${String(c)}」无效（应为5位数字）`);
  }

  const inputs: InputValues = {};
  const inputsIn = isObj(td.inputs) ? td.inputs : {};
  for (const [sheet, rows] of Object.entries(inputsIn)) {
    if (!tpl.sheets.includes(sheet)) {
      notes.push(`忽略了模板「${tpl.name}」没有的表「${sheet}」`);
      continue;
    }
    const sid = sheet as SheetId;
    if (!isObj(rows)) throw new RestoreError(`表「${sheet}」的数据格式错误`);
    for (const [row, cols] of Object.entries(rows)) {
      if (!isObj(cols)) throw new RestoreError(`表「${sheet}」行「${row}」的数据格式错误`);
      for (const [col, value] of Object.entries(cols)) {
        const format = tpl.inputFormat(sid, row, col);
        if (!format) {
          notes.push(`忽略了不是输入单元格的值：${tpl.describe(sid, row, col)}`);
          continue;
        }
        let parsed: string | null;
        try {
          parsed = format === 'count' ? parseCount(value) : parseAmount(value);
        } catch (e) {
          // Drop the bad value, keep the rest: one bad amount must not make a workbook unopenable.
          if (!(e instanceof InputError)) throw e;
          notes.push(`已忽略${tpl.describe(sid, row, col)}的值：${e.message}`);
          continue;
        }
        if (parsed === null) continue;
        ((inputs[sid] ??= {})[row] ??= {})[col] = parsed;
      }
    }
  }

  const texts: Record<string, string> = {};
  if (isObj(td.texts)) {
    for (const [k, v] of Object.entries(td.texts)) {
      if (typeof v === 'string') texts[k] = v.slice(0, 5000);
    }
  }

  const units: WorkbookUnit[] = [];
  if (Array.isArray(td.units)) {
    for (const u of td.units) {
      const name = isObj(u) && typeof u.name === 'string' ? u.name.trim().slice(0, 100) : '';
      if (!name) {
        notes.push('忽略了部门决算单位构成中没有单位名称的一行');
        continue;
      }
      if (units.length >= MAX_UNITS) {
        notes.push(`部门决算单位构成超过 ${MAX_UNITS} 个单位，其余未读取`);
        break;
      }
      units.push({ name, note: isObj(u) && typeof u.note === 'string' ? u.note.trim().slice(0, 200) : '' });
    }
  }

  const auditTolerance = restoreTolerance(td.auditTolerance, notes);
  const zeroStyle = td.zeroStyle === 'blank' || td.zeroStyle === 'zero' ? td.zeroStyle : undefined;
  // Only texts the document still has can wait for review.
  const reviewTexts = Array.isArray(td.reviewTexts) ? [...new Set(td.reviewTexts.filter((id): id is string => typeof id === 'string' && id in texts))].sort() : [];
  const printed = restorePrinted(td.printed, tpl, notes);
  const publishedText = restorePublishedText(td.publishedText, notes);
  const review = restoreReview(td.review, publishedText?.text ?? '', notes);

  return {
    doc: {
      type: DOC_TYPE,
      schemaVersion: SCHEMA_VERSION,
      app: APP_ID,
      templateId,
      templateVersion: tpl.version,
      meta: { department, year, unit: tpl.unit },
      codes,
      customCodes,
      economicCodes: [...new Set(economicCodes as string[])].sort(),
      economicNames,
      inputs,
      texts,
      units,
      auditTolerance,
      ...(zeroStyle ? { zeroStyle } : {}),
      ...(reviewTexts.length ? { reviewTexts } : {}),
      ...(printed ? { printed } : {}),
      ...(publishedText ? { publishedText } : {}),
      ...(review ? { review } : {}),
    },
    migrated: applied,
    notes,
  };
}

const PRINTED_ID = /^[0-9A-Za-z_.]{1,40}$/;

/** Bounds on a review's report: a 400-page document's lines fit well within them. */
export const REVIEW_LIMITS = { lines: 100_000, unread: 2_000, tables: 50 } as const;

/** The reviewed document's report, kept as far as it is well-formed; `lines` index into `text` (publishedText). */
function restoreReview(raw: unknown, text: string, notes: string[]): ReviewSource | undefined {
  if (raw === undefined) return undefined;
  const str = (x: unknown, max: number) => (typeof x === 'string' ? x.slice(0, max) : '');
  const nums = (x: unknown) => (Array.isArray(x) ? x.filter((n): n is number => Number.isInteger(n) && n >= 0) : []);
  if (!isObj(raw)) {
    notes.push('审查来源的格式错误，已忽略（表格数据不受影响）');
    return undefined;
  }
  const lines = (Array.isArray(raw.lines) ? raw.lines : [])
    .slice(0, REVIEW_LIMITS.lines)
    .filter((l): l is [number, number, number] => Array.isArray(l) && l.length === 3 && l.every((n) => Number.isInteger(n) && n >= 0) && l[0] <= l[1] && l[1] <= text.length);
  const tables = (Array.isArray(raw.tables) ? raw.tables : []).slice(0, REVIEW_LIMITS.tables).flatMap((t) =>
    isObj(t) && typeof t.title === 'string' ? [{ title: str(t.title, 100), pages: nums(t.pages), rows: nums([t.rows])[0] ?? 0, figures: nums([t.figures])[0] ?? 0 }] : [],
  );
  const unread = (Array.isArray(raw.unread) ? raw.unread : []).filter((u): u is string => typeof u === 'string').slice(0, REVIEW_LIMITS.unread).map((u) => u.slice(0, 500));
  return { file: str(raw.file, 200), tables, unread, lines };
}

/**
 * Printed figures of computed cells: a table of the template, a cell that is not an input, an
 * amount. A bad entry is dropped with a note (the rest of the review stays); none left: absent.
 */
function restorePrinted(raw: unknown, tpl: TemplateInfo, notes: string[]): PrintedValues | undefined {
  if (raw === undefined) return undefined;
  if (!isObj(raw)) {
    notes.push('印刷数格式错误，已忽略');
    return undefined;
  }
  const out: PrintedValues = {};
  let count = 0;
  let dropped = 0;
  for (const [sheet, rows] of Object.entries(raw)) {
    if (sheet === SUPPLEMENT_ID || !tpl.sheets.includes(sheet) || !isObj(rows)) {
      notes.push(`忽略了模板「${tpl.name}」没有的表「${sheet}」的印刷数`);
      continue;
    }
    const sid = sheet as SheetId;
    for (const [row, cols] of Object.entries(rows)) {
      if (!isObj(cols) || !PRINTED_ID.test(row)) {
        dropped++;
        continue;
      }
      for (const [col, value] of Object.entries(cols)) {
        if (!PRINTED_ID.test(col)) {
          dropped++;
          continue;
        }
        if (tpl.inputFormat(sid, row, col)) {
          notes.push(`忽略了输入单元格的印刷数：${tpl.describe(sid, row, col)}（输入单元格按印刷数填写即可）`);
          continue;
        }
        let parsed: string | null;
        try {
          // '' is a printed blank: kept apart from a printed 0.00 (a blank total under figures is a slip too).
          parsed = value === '' ? '' : parseAmount(value);
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          notes.push(`已忽略${tpl.describe(sid, row, col)}的印刷数：${e.message}`);
          continue;
        }
        if (parsed === null) continue;
        if (count >= MAX_PRINTED) {
          notes.push(`印刷数超过 ${MAX_PRINTED} 个，其余未读取`);
          return out;
        }
        ((out[sid] ??= {})[row] ??= {})[col] = parsed;
        count++;
      }
    }
  }
  if (dropped) notes.push(`忽略了 ${dropped} 个格式错误的印刷数`);
  return count ? out : undefined;
}

/** The published text under review: kept as text (control characters dropped, CRLF as LF), cut to the limit with a note. */
function restorePublishedText(raw: unknown, notes: string[]): PublishedText | undefined {
  if (raw === undefined) return undefined;
  if (!isObj(raw) || typeof raw.text !== 'string') {
    notes.push('表文核对的文字格式错误，已忽略');
    return undefined;
  }
  // eslint-disable-next-line no-control-regex
  let text = raw.text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
  if (!text.trim()) return undefined;
  if (text.length > MAX_PUBLISHED_TEXT) {
    notes.push(`表文核对的文字超过 ${MAX_PUBLISHED_TEXT.toLocaleString('en-US')} 字，其余未读取`);
    text = text.slice(0, MAX_PUBLISHED_TEXT);
  }
  const source = raw.source === 'docx' || raw.source === 'pdf' ? raw.source : 'paste';
  const name = typeof raw.name === 'string' && raw.name.trim() ? raw.name.trim().slice(0, 200) : undefined;
  return { text, source, ...(name ? { name } : {}) };
}

/** The workbook's 审核 bands; a bad one is replaced by the default with a note. */
function restoreTolerance(raw: unknown, notes: string[]): AuditTolerance {
  if (raw === undefined) return { ...DEFAULT_AUDIT_TOLERANCE };
  try {
    if (!isObj(raw)) throw new InputError('格式错误');
    const rounding = parseAmount(raw.rounding);
    const error = parseAmount(raw.error);
    if (rounding === null || error === null || rounding.startsWith('-') || error.startsWith('-') || Number(rounding) > Number(error)) {
      throw new InputError('应为两个非负金额，且尾差不大于错误界限');
    }
    return { rounding, error };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    notes.push(`审核容差无效（${e.message}），已使用默认值：尾差 ${DEFAULT_AUDIT_TOLERANCE.rounding}、错误界限 ${DEFAULT_AUDIT_TOLERANCE.error}`);
    return { ...DEFAULT_AUDIT_TOLERANCE };
  }
}
