// Reads the figures of one located table: rows keyed by their code (功能分类 类/款/项 in one cell
// or split over 类|款|项 columns, 经济分类 类|款) or by their label as the template prints it (01/04),
// columns by position in the template's column order. A printed blank stays apart from a printed
// 0.00. Whatever cannot be placed is said in Chinese, never dropped silently.
import type { GridCell, PdfGrid } from '../io/pdf-grid';
import { InputError, parseAmount } from '../model/amount';
import type { Fund } from '../model/ids';
import type { EconomicTableDef, FixedTableDef, FunctionTableDef, SideRow, TwoSidedTableDef } from '../model/template';
import { squash, type TablePlace } from './pdf-locate';

/** One printed figure and the workbook cell it belongs to. */
export interface PrintedFigure {
  sheet: string;
  row: string;
  col: string;
  /** 2-dp amount, or null for a printed blank (a dash counts as blank). */
  value: string | null;
  /** Where it is printed, for messages: 第8页「收入决算表」2010601 行政运行. */
  where: string;
}

export interface FoundCode {
  code: string;
  name: string;
  /** The fund of the table it was found in (single-fund tables only). */
  fund?: Fund;
}

export interface TableReading {
  figures: PrintedFigure[];
  /** 功能分类 codes of function tables (any level) with their printed names. */
  codes: FoundCode[];
  /** 经济分类 codes of table 06 with their printed names. */
  economic: FoundCode[];
  /** What could not be read or placed, in Chinese. */
  unread: string[];
  /** Rows read (data rows with a code or a matched label). */
  rows: number;
}

export interface ReadContext {
  /** 类 code of a printed class name (一般公共服务支出 → 201), or null. */
  classCode(name: string): string | null;
}

const hasCjk = (t: string) => /[\u3400-\u9fff]/.test(t);
const digits = (t: string) => t.replace(/\s+/g, '');
const isCodePart = (t: string) => /^\d{2,7}$/.test(digits(t));
/** An amount as printed (decimals or thousands separators); plain small integers are 行次/栏次. */
const looksAmount = (t: string) => /^[(（-]?[\d,]*\.\d+[)）]?$|^[(（-]?\d{1,3}(,\d{3})+[)）]?$/.test(digits(t));
const isDash = (t: string) => /^[-—–－]+$/.test(digits(t));

type Parsed = { ok: true; value: string | null } | { ok: false; why: string };

function parseValue(text: string): Parsed {
  const t = digits(text);
  if (t === '' || isDash(t)) return { ok: true, value: null };
  try {
    return { ok: true, value: parseAmount(t) };
  } catch (e) {
    if (e instanceof InputError) return { ok: false, why: e.message };
    throw e;
  }
}

/** Cells of each grid row, left to right (every cell once, at the row where it starts). */
function rowsOf(grid: PdfGrid): GridCell[][] {
  const rows: GridCell[][] = Array.from({ length: grid.rowCount }, () => []);
  for (const c of grid.cells) rows[c.r]!.push(c);
  return rows.map((r) => r.sort((a, b) => a.c - b.c));
}

/** The most frequent value (first seen wins a tie), or undefined. */
function mode(values: number[]): number | undefined {
  const count = new Map<number, number>();
  for (const v of values) count.set(v, (count.get(v) ?? 0) + 1);
  let best: number | undefined;
  for (const [v, n] of count) if (best === undefined || n > count.get(best)!) best = v;
  return best;
}

class Reader {
  readonly out: TableReading = { figures: [], codes: [], economic: [], unread: [], rows: 0 };
  constructor(readonly place: TablePlace) {}

  at(grid: PdfGrid, label: string): string {
    return `第${grid.page}页「${this.place.def.title}」${label}`;
  }
  unread(text: string): void {
    if (!this.out.unread.includes(text)) this.out.unread.push(text);
  }
  /** Places one cell's printed text at (row, col); a bad value is reported, not guessed. */
  put(grid: PdfGrid, label: string, row: string, col: string, cell: GridCell | undefined): void {
    const text = cell?.text ?? '';
    const p = parseValue(text);
    const where = this.at(grid, label);
    if (!p.ok) {
      this.unread(`${where}：「${text}」不是金额（${p.why}），未读入`);
      return;
    }
    this.out.figures.push({ sheet: this.place.def.id, row, col, value: p.value, where });
  }
}

/** Tables 02/03/05/08/09: 合计 and 类/款/项 rows, amounts in the template's column order. */
export function readFunctionTable(place: TablePlace, def: FunctionTableDef): TableReading {
  const rd = new Reader(place);
  const fund = def.funds.length === 1 ? def.funds[0] : undefined;
  for (const grid of place.grids) {
    const rows = rowsOf(grid);
    // The name column: where rows that carry a code print their text.
    const nameCol = mode(rows.flatMap((cells) => (cells.some((c) => isCodePart(c.text)) ? cells.filter((c) => hasCjk(c.text)).slice(0, 1).map((c) => c.c) : [])));
    for (const cells of rows) {
      const name = nameCol === undefined ? cells.find((c) => hasCjk(c.text)) : cells.find((c) => c.c <= nameCol && nameCol < c.c + c.cs);
      if (!name) continue;
      const codeCells = cells.filter((c) => c.c < name.c);
      const code = codeCells.every((c) => c.text.trim() === '' || isCodePart(c.text)) ? codeCells.map((c) => digits(c.text)).join('') : '';
      const label = squash(name.text);
      const values = cells.filter((c) => c.c >= name.c + name.cs);
      let row: string;
      if (/^\d{3}(\d{2}){0,2}$/.test(code)) row = code;
      else if (label === '合计' || (!code && codeCells.some((c) => squash(c.text) === '合计'))) row = 'sum';
      else {
        if (values.some((c) => looksAmount(c.text))) rd.unread(`${rd.at(grid, label || '一行')}：没有可识别的科目编码，该行数字未读入`);
        continue;
      }
      const shown = row === 'sum' ? '合计' : `${row} ${name.text.replace(/\s+/g, '')}`;
      if (values.length !== def.columns.length) {
        rd.unread(`${rd.at(grid, shown)}：印有 ${values.length} 个金额栏，模板「${def.title}」有 ${def.columns.length} 个，按位置无法对应，该行未读入`);
        continue;
      }
      rd.out.rows++;
      if (row !== 'sum') rd.out.codes.push({ code: row, name: name.text.replace(/\s+/g, ''), ...(fund && row.length === 7 ? { fund } : {}) });
      def.columns.forEach((col, k) => rd.put(grid, shown, row, col.key, values[k]));
    }
  }
  return rd.out;
}

/** Table 06: column groups of (code parts, name, amount) side by side, then the 合计 footer. */
export function readEconomicTable(place: TablePlace, def: EconomicTableDef): TableReading {
  const rd = new Reader(place);
  for (const grid of place.grids) {
    for (const cells of rowsOf(grid)) {
      let code = '';
      let name: GridCell | null = null;
      const flush = (value: GridCell | undefined) => {
        if (!name) return;
        const label = squash(name.text);
        const footer = def.footer.find((f) => squash(f.label) === label);
        if (footer) {
          rd.out.rows++;
          rd.put(grid, footer.label, footer.id, 'amount', value);
        } else if (/^\d{3}(\d{2})?$/.test(code)) {
          rd.out.rows++;
          rd.out.economic.push({ code, name: name.text.replace(/\s+/g, '') });
          rd.put(grid, `${code} ${name.text.replace(/\s+/g, '')}`, code, 'amount', value);
        } else if (value && looksAmount(value.text)) {
          rd.unread(`${rd.at(grid, label)}：没有可识别的经济分类科目编码，其数字未读入`);
        }
        code = '';
        name = null;
      };
      for (let i = 0; i < cells.length; i++) {
        const cell = cells[i]!;
        if (!name) {
          if (isCodePart(cell.text)) code += digits(cell.text);
          else if (hasCjk(cell.text)) name = cell;
          else if (looksAmount(cell.text)) rd.unread(`${rd.at(grid, '一行')}：数字「${cell.text}」前没有科目，未读入`);
          continue;
        }
        // The cell right after a name is its amount (blank or not); the next code or name starts anew.
        flush(cell);
      }
      flush(undefined);
    }
  }
  return rd.out;
}

/** The right-hand label column of a two-sided grid: where rows print their second label. */
function rightLabelColumn(rows: GridCell[][]): number | undefined {
  const second = rows.flatMap((cells) => {
    const labels = cells.filter((c) => hasCjk(c.text));
    return labels.length >= 2 ? [labels[1]!.c] : [];
  });
  if (second.length) return mode(second);
  return mode(rows.flatMap((cells) => cells.filter((c) => hasCjk(c.text)).slice(0, 1).map((c) => c.c)).filter((c) => c > 0));
}

/** Labels compared as printed, or with a parenthetical note the other lacks (（含专用结余）). */
function sameLabel(printed: string, template: string): boolean {
  const a = squash(printed);
  const b = squash(template);
  if (a === b) return true;
  const bare = (s: string) => s.replace(/（[^（）]*）$/, '');
  return bare(a) === b || a === bare(b);
}

/** Tables 01/04: income on the left, expenditure (类 rows, then totals) on the right. */
export function readTwoSidedTable(place: TablePlace, def: TwoSidedTableDef, ctx: ReadContext): TableReading {
  const rd = new Reader(place);
  const left = [...def.leftHead, ...def.leftTail].filter((r): r is SideRow & { id: string } => !!r.id);
  const right = def.rightTail.filter((r): r is SideRow & { id: string } => !!r.id);
  let li = 0;
  let ri = 0;
  const withLineNo = def.lineNumbers !== false;
  const side = (grid: PdfGrid, cells: GridCell[], isLeft: boolean) => {
    const labelCell = cells.find((c) => hasCjk(c.text));
    if (!labelCell) {
      const stray = cells.find((c) => looksAmount(c.text));
      if (stray) rd.unread(`${rd.at(grid, isLeft ? '收入方' : '支出方')}：数字「${stray.text}」所在行没有项目名称，未读入`);
      return;
    }
    // 行次 columns print small integers after the label.
    const values = cells.filter((c) => c.c > labelCell.c && !(withLineNo && /^\d{1,3}$/.test(digits(c.text))));
    const label = squash(labelCell.text);
    const cols = isLeft ? def.leftCols : def.rightCols;
    let row: SideRow | undefined;
    if (isLeft) {
      const k = left.findIndex((r, i) => i >= li && sameLabel(labelCell.text, r.label));
      if (k >= 0) {
        row = left[k];
        li = k + 1;
      }
    } else {
      const k = right.findIndex((r, i) => i >= ri && sameLabel(labelCell.text, r.label));
      if (k >= 0) {
        row = right[k];
        ri = k + 1;
      } else {
        const code = ctx.classCode(label);
        if (code) row = { id: code, label, cells: def.classCells };
      }
    }
    if (!row?.id) {
      if (values.some((c) => looksAmount(c.text))) rd.unread(`${rd.at(grid, labelCell.text.replace(/\s+/g, ''))}：模板中没有这一行，其数字未读入`);
      return;
    }
    rd.out.rows++;
    const shown = labelCell.text.replace(/\s+/g, '');
    cols.forEach((col, k) => {
      const cell = row.cells?.[col] ? { row: row.id!, col } : row.partsBeside?.[col];
      if (!cell) {
        if (values[k] && parseValue(values[k].text).ok && digits(values[k].text) !== '') rd.unread(`${rd.at(grid, shown)}：第 ${k + 1} 个金额栏「${values[k].text}」在模板中没有对应单元格，未读入`);
        return;
      }
      rd.put(grid, shown, cell.row, cell.col, values[k]);
    });
    for (const extra of values.slice(cols.length)) {
      if (looksAmount(extra.text)) rd.unread(`${rd.at(grid, shown)}：多出的数字「${extra.text}」无法按位置对应，未读入`);
    }
  };
  for (const grid of place.grids) {
    const rows = rowsOf(grid);
    const split = rightLabelColumn(rows) ?? 1 + def.leftCols.length + (withLineNo ? 1 : 0);
    for (const cells of rows) {
      side(
        grid,
        cells.filter((c) => c.c < split),
        true,
      );
      side(
        grid,
        cells.filter((c) => c.c >= split),
        false,
      );
    }
  }
  return rd.out;
}

/** Table 三公: data rows of amounts under the header, cells in the template's column order. */
export function readFixedTable(place: TablePlace, def: FixedTableDef): TableReading {
  const rd = new Reader(place);
  const width = Math.max(...def.cells.map((c) => c.c)) + 1;
  let dataRow = 0;
  for (const grid of place.grids) {
    const rows = rowsOf(grid);
    const lastHeader = rows.reduce((last, cells, r) => (cells.some((c) => hasCjk(c.text)) ? r : last), -1);
    for (const cells of rows.slice(lastHeader + 1)) {
      if (dataRow >= def.dataRows) break;
      // 栏次 rows print 1, 2, 3 …
      if (cells.length && cells.every((c) => /^\d{1,2}$/.test(digits(c.text)))) continue;
      if (cells.length !== width) {
        if (cells.some((c) => looksAmount(c.text))) rd.unread(`${rd.at(grid, '数据行')}：印有 ${cells.length} 栏，模板有 ${width} 栏，按位置无法对应，未读入`);
        continue;
      }
      rd.out.rows++;
      for (const fc of def.cells.filter((c) => c.r === dataRow)) rd.put(grid, `第 ${dataRow + 1} 行`, fc.row, fc.col, cells[fc.c]);
      dataRow++;
    }
  }
  return rd.out;
}
