// Names of the cells the narrative reads, for tooltips, formulas and 审核 messages: derived from
// the layout (row label + column header) and the template (补充资料 fields, key figures).
import type { WorkbookEngine } from '../workbook-engine';
import type { SheetLayout } from '../../model/layout';
import { substitute } from '../formula';
import type { AnySheetId } from '../../model/template';
import { INDICATOR_SHEET } from '../../model/part';
import { INDICATOR_COL_NAMES, indicatorPart, indicatorRowRef, type IndicatorCol } from '../indicators';

export interface CellName {
  /** 公开06表, 补充资料; '' for key figures. */
  table: string;
  /** With the table: 公开06表 公用经费合计 */
  full: string;
  /** Without it, for formulas: 公用经费合计 */
  short: string;
}

// Header words that say nothing about one column.
const GENERIC_HEADERS = new Set(['项目', '行次', '栏次', '金额', '收入', '支出', '功能分类科目编码', '科目名称']);

const clean = (s: string) => s.replace(/\s+/g, '');

/** Label text left of a value: the nearest label (with its code) of the same column group. */
function rowLabel(s: SheetLayout, r: number, c: number): string {
  const row = s.cells[r] ?? [];
  for (let x = c - 1; x >= 0; x--) {
    const cell = row[x];
    if (cell === null || cell === undefined) continue; // covered by a merged label
    if (cell.t !== 'text') return '';
    if (cell.role === 'label' || cell.role === 'total') {
      const left = row[x - 1];
      const code = left?.t === 'text' && left.role === 'code' ? `${left.text} ` : '';
      return `${code}${cell.text.trim()}`;
    }
  }
  return '';
}

/** The row prints the same label in two places (总计 | … | 总计). */
function labelTwice(s: SheetLayout, r: number, label: string): boolean {
  return (s.cells[r] ?? []).filter((cell) => cell?.t === 'text' && (cell.role === 'label' || cell.role === 'total') && cell.text.trim() === label).length > 1;
}

/** The text of the first header row over column c (a side of a two-sided table: 收入, 支出). */
function sideHeader(s: SheetLayout, c: number): string {
  const hr = s.rowKinds.indexOf('header');
  if (hr < 0) return '';
  for (let x = c; x >= 0; x--) {
    const cell = s.cells[hr]?.[x];
    if (cell?.t !== 'text') continue;
    const m = s.merges.find((g) => g.row === hr && g.col === x);
    return x === c || (m && x + m.colspan > c) ? clean(cell.text) : '';
  }
  return '';
}

function columnLabel(s: SheetLayout, r: number, c: number): string {
  const parts: string[] = [];
  s.rowKinds.forEach((kind, hr) => {
    if (kind !== 'header' || hr >= r) return;
    for (let x = c; x >= 0; x--) {
      const cell = s.cells[hr]?.[x];
      if (cell?.t !== 'text') continue;
      const m = s.merges.find((g) => g.row === hr && g.col === x);
      if (x === c || (m && x + m.colspan > c)) {
        const t = clean(cell.text);
        if (t && !/^\d+$/.test(t) && !GENERIC_HEADERS.has(t)) parts.push(t);
      }
      break;
    }
  });
  return parts.join(' ');
}

/** Names cells of one engine; memoized per instance of the namer (one render). */
export class CellNamer {
  private memo = new Map<string, CellName>();
  constructor(private readonly engine: WorkbookEngine) {}

  name(sheet: AnySheetId, row: string, col: string): CellName {
    const key = `${sheet}:${row}:${col}`;
    let n = this.memo.get(key);
    if (!n) {
      n = this.derive(sheet, row, col);
      this.memo.set(key, n);
    }
    return n;
  }

  private derive(sheet: AnySheetId, row: string, col: string): CellName {
    const tpl = this.engine.template;
    if (sheet === 'fig') {
      const f = tpl.figures.find((x) => x.id === row);
      const label = f?.label ?? row;
      return { table: '', full: label, short: label };
    }
    if (sheet === 'sup') {
      const label = this.supplementLabel(row);
      return { table: '补充资料', full: `补充资料 ${label}`, short: label };
    }
    if (sheet === INDICATOR_SHEET) {
      const part = indicatorPart(tpl);
      const ref = part && indicatorRowRef(part, this.engine.document(), row);
      const short = `${ref?.name ?? row}${col === 'value' ? '' : (INDICATOR_COL_NAMES[col as IndicatorCol] ?? '')}`;
      return { table: '绩效评分表', full: `绩效评分表 ${short}`, short };
    }
    const s = this.engine.sheet(sheet);
    const p = s.index.get(`${row}|${col}`);
    const def = tpl.tables.find((t) => t.id === sheet);
    // Function tables: code and name in the first two columns. Two-sided: one column per side
    // except 04's expenditure side. Table 06: one amount per group, its header says nothing.
    const manyColumns = def?.kind === 'function' || def?.kind === 'fixed' || (def?.kind === 'two-sided' && def.rightCols.length > 1 && p !== undefined && p.c > def.leftCols.length + (def.lineNumbers === false ? 1 : 2));
    const rowName = p && rowLabel(s, p.r, def?.kind === 'function' ? 2 : p.c);
    // 01/04 print 总计 on both sides of one row: the side's header (收入/支出) tells them apart.
    const side = p && rowName && def?.kind === 'two-sided' && labelTwice(s, p.r, rowName) ? sideHeader(s, p.c) : '';
    const label = p && [side ? `${rowName}（${side}）` : rowName, manyColumns ? columnLabel(s, p.r, p.c) : ''];
    const short = label?.filter(Boolean).join(' ') || row;
    return { table: s.publicNo, full: `${s.publicNo} ${short}`, short };
  }

  supplementLabel(row: string): string {
    for (const [i, section] of this.engine.template.supplement.entries()) {
      const f = section.fields.find((x) => x.id === row);
      if (f) return f.label;
      const p = section.perItem;
      if (!p) continue;
      if (p.totalId === row) return p.totalLabel ?? row;
      const label = this.perItemLabels(i).get(row);
      if (label !== undefined) return label;
    }
    return row;
  }

  /** Row id → label of one section's per-项 rows, built once: a lookup per row was quadratic in codes. */
  private perItem = new Map<number, Map<string, string>>();
  private perItemLabels(section: number): Map<string, string> {
    let m = this.perItem.get(section);
    if (!m) {
      const p = this.engine.template.supplement[section]!.perItem!;
      m = new Map();
      for (const code of this.engine.codes.items(p.funds ?? ['gpb'])) {
        const id = substitute(p.id, { code });
        if (!m.has(id)) m.set(id, substitute(p.label, { code, name: this.engine.codes.narrativeName(code) }));
      }
      this.perItem.set(section, m);
    }
    return m;
  }
}

/** Placeholder formula text ({t06:public:amount}+…) in words: 公开06表 公用经费合计 + … */
export function formulaInWords(text: string, name: (sheet: AnySheetId, row: string, col: string) => string): string {
  const words = text.replace(/\{\??([^{}:]+):([^{}:]+):([^{}:]+)\}/g, (_m, s: string, r: string, c: string) => `\u0000${name(s as AnySheetId, r, c)}\u0000`);
  return words
    .split('\u0000')
    .map((part, i) => (i % 2 ? part : part.replace(/\s*([+\-*/])\s*/g, (_m, op: string) => ` ${{ '+': '+', '-': '−', '*': '×', '/': '÷' }[op]} `)))
    .join('')
    .replace(/^\((.*)\)$/, '$1')
    .trim();
}
