// Lays out every sheet (tables 01–09, 补充资料, key figures, 审核) from template + document:
// a rectangular grid of cells with stable (row id, column key) addresses (types in src/model/layout).
// No HyperFormula here, so the UI and the XLSX writer can use the same layout.
import type { AuditTolerance, WorkbookDocument } from '../model/document';
import type { SheetId } from '../model/ids';
import type {
  AnySheetId,
  AuditRuleDef,
  CellDef,
  EconomicTableDef,
  FixedTableDef,
  FunctionTableDef,
  SideRow,
  TableDef,
  TemplateDef,
  TwoSidedTableDef,
  ValueFormat,
  ZeroStyle,
} from '../model/template';
import type { ExpandedRule, LayoutCell, Merge, Position, RowKind, SheetLayout, TextRole, WorkbookLayout } from '../model/layout';
import { a1, referencedCells, resolveFormula, substitute, type ResolveContext } from './formula';
import { CodeBook } from './code-book';
import { expandParts, INDICATOR_SHEET } from '../model/part';
import { INDICATOR_COL_AT, INDICATOR_COLS, INDICATOR_HEADERS, indicatorPart, indicatorRows } from './indicators';

const ORDINALS = '一二三四五六七八九十';
export function chineseOrdinal(n: number): string {
  if (n <= 10) return ORDINALS[n - 1] ?? String(n);
  if (n < 20) return `十${ORDINALS[n - 11] ?? ''}`;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${ORDINALS[tens - 1] ?? ''}十${ones ? (ORDINALS[ones - 1] ?? '') : ''}`;
}

type Pending = { t: 'formula'; row: string; source: string; formula: string } | { source: string; formula: string; row?: undefined };

/** A grid under construction; formulas keep their placeholder text until every index exists. */
class Grid {
  cells: LayoutCell[][] = [];
  merges: Merge[] = [];
  rowKinds: RowKind[] = [];
  index = new Map<string, Position>();
  /**
   * What to resolve once every index exists: the formula cells (and typeOver inputs' `follow`,
   * with their row in `followRows`), each resolved from its `source` (tens of thousands per
   * layout: no entry object each).
   */
  pending: Pending[] = [];
  followRows = new Map<object, string>();
  /** {@classes} ranges of a two-sided table, for every formula of the grid. */
  classRange?: (col: string) => string | null;
  /** Pending formulas that read printed figures in place of their cells (审查: the 审核's sides). */
  asPrinted?: Set<object>;
  constructor(readonly width: number) {}

  addRow(kind: RowKind): number {
    this.cells.push(new Array<LayoutCell>(this.width).fill(null));
    this.rowKinds.push(kind);
    return this.cells.length - 1;
  }
  text(r: number, c: number, text: string, role: TextRole, span = 1, indent?: number): void {
    this.cells[r]![c] = indent ? { t: 'text', text, role, indent } : { t: 'text', text, role };
    if (span > 1) this.merges.push({ row: r, col: c, rowspan: 1, colspan: span });
  }
  input(r: number, c: number, row: string, col: string, format: ValueFormat = 'amount'): void {
    this.cells[r]![c] = { t: 'input', row, col, format };
    this.index.set(`${row}|${col}`, { r, c });
  }
  /** An input that shows `text` (a formula) until something is typed in it. */
  following(r: number, c: number, row: string, col: string, text: string, format: ValueFormat = 'amount'): void {
    const follow = { source: text, formula: '' };
    this.cells[r]![c] = { t: 'input', row, col, format, follow };
    this.index.set(`${row}|${col}`, { r, c });
    this.pending.push(follow);
    this.followRows.set(follow, row);
  }
  /** A formula cell; returns it (the 审核 marks its sides as read as printed). */
  formula(r: number, c: number, row: string, col: string, text: string, format: ValueFormat = 'amount'): object {
    // A formula without placeholders (a SUM over its own rows, the 审核's 差额) is final already.
    const placeholders = text.includes('{');
    const cell = { t: 'formula' as const, row, col, format, source: text, formula: placeholders ? '' : text };
    this.cells[r]![c] = cell;
    this.index.set(`${row}|${col}`, { r, c });
    if (placeholders) this.pending.push(cell);
    return cell;
  }
  cell(r: number, c: number, row: string, col: string, def: CellDef): void {
    if ('input' in def) this.input(r, c, row, col, def.format ?? 'amount');
    else this.formula(r, c, row, col, def.formula, def.format ?? 'amount');
  }
}

function titleBlock(g: Grid, t: { title: string; publicNo: string; printPublicNo?: boolean }, dept: string, unit: string): void {
  g.text(g.addRow('title'), 0, t.title, 'title', g.width);
  const r1 = g.addRow('title');
  if (t.printPublicNo !== false) g.text(r1, g.width - 1, t.publicNo, 'publicNo');
  const r2 = g.addRow('title');
  g.text(r2, 0, `部门：${dept}`, 'meta', Math.max(1, g.width - 1));
  g.text(r2, g.width - 1, `单位：${unit}`, 'meta');
}

function headerBlock(g: Grid, def: TableDef): void {
  const base = g.cells.length;
  for (let i = 0; i < def.headerRows; i++) g.addRow('header');
  for (const h of def.header) {
    g.text(base + h.r, h.c, h.text, 'header');
    if ((h.rs ?? 1) > 1 || (h.cs ?? 1) > 1) g.merges.push({ row: base + h.r, col: h.c, rowspan: h.rs ?? 1, colspan: h.cs ?? 1 });
  }
}

function noteRows(g: Grid, def: TableDef, dept: string, empty: boolean): void {
  g.text(g.addRow('note'), 0, def.note, 'note', g.width);
  if (empty && def.emptyNote) g.text(g.addRow('note'), 0, def.emptyNote.replace('{dept}', dept), 'note', g.width);
}

function layoutFunction(def: FunctionTableDef, doc: WorkbookDocument, book: CodeBook): { g: Grid; empty: boolean } {
  const cols = def.columns;
  const g = new Grid(2 + cols.length);
  titleBlock(g, def, doc.meta.department, doc.meta.unit);
  headerBlock(g, def);
  const tree = book.tree(def.funds);
  const addSum = () => {
    const r = g.addRow('total');
    g.text(r, 0, '合计', 'total', 2);
    return r;
  };
  const topSum = def.totalLast ? -1 : addSum();
  const classRows: number[] = [];
  for (const cls of tree) {
    const cr = g.addRow('class');
    classRows.push(cr);
    g.text(cr, 0, cls.code, 'code');
    g.text(cr, 1, book.name(cls.code), 'label');
    const kuanRows: number[] = [];
    for (const kuan of cls.children) {
      const kr = g.addRow('class');
      kuanRows.push(kr);
      g.text(kr, 0, kuan.code, 'code');
      g.text(kr, 1, book.name(kuan.code), 'label', 1, 1);
      const first = g.cells.length;
      for (const item of kuan.children) {
        const ir = g.addRow('item');
        g.text(ir, 0, item.code, 'code');
        g.text(ir, 1, book.name(item.code), 'label', 1, 2);
        cols.forEach((col, i) => {
          const text = col.formula ? substitute(col.formula, { code: item.code }) : null;
          if (text !== null && col.typeOver) g.following(ir, 2 + i, item.code, col.key, text);
          else if (text !== null) g.formula(ir, 2 + i, item.code, col.key, text);
          else g.input(ir, 2 + i, item.code, col.key);
        });
      }
      const last = g.cells.length - 1;
      // 款 = SUM over its contiguous 项 rows (fast path; no SUMIF).
      cols.forEach((col, i) => g.formula(kr, 2 + i, kuan.code, col.key, `SUM(${a1({ r: first, c: 2 + i })}:${a1({ r: last, c: 2 + i })})`));
    }
    cols.forEach((col, i) =>
      g.formula(cr, 2 + i, cls.code, col.key, kuanRows.map((kr) => a1({ r: kr, c: 2 + i })).join('+') || '0'),
    );
  }
  const sumRow = def.totalLast ? addSum() : topSum;
  cols.forEach((col, i) => g.formula(sumRow, 2 + i, 'sum', col.key, classRows.map((cr) => a1({ r: cr, c: 2 + i })).join('+') || '0'));
  for (let i = 0; i < def.padRows; i++) g.addRow('pad');
  const empty = tree.length === 0;
  noteRows(g, def, doc.meta.department, empty);
  return { g, empty };
}

function layoutTwoSided(def: TwoSidedTableDef, doc: WorkbookDocument, book: CodeBook): Grid {
  // ln: the 行次 column after each side's label (0 where the print has none).
  const ln = def.lineNumbers === false ? 0 : 1;
  const lw = 1 + ln + def.leftCols.length;
  const g = new Grid(lw + 1 + ln + def.rightCols.length);
  titleBlock(g, def, doc.meta.department, doc.meta.unit);
  headerBlock(g, def);
  const classes = [...new Set([...(def.printClasses ?? []), ...book.classes(def.classFunds)])].sort();
  const head = Math.max(def.leftHead.length, def.minHead, classes.length);
  if (def.leftTail.length !== def.rightTail.length) throw new Error(`${def.id}: tails differ in length`);
  const start = g.cells.length;
  const leftRows: (SideRow | undefined)[] = [...def.leftHead, ...Array.from({ length: head - def.leftHead.length }, () => undefined), ...def.leftTail];
  const rightRows: (SideRow | { cls: string } | undefined)[] = [
    ...classes.map((cls) => ({ cls })),
    ...Array.from({ length: head - classes.length }, () => undefined),
    ...def.rightTail,
  ];
  g.classRange = (col: string): string | null => {
    const ci = def.rightCols.indexOf(col);
    if (ci < 0) return null;
    const c = lw + 1 + ln + ci;
    return `${a1({ r: start, c })}:${a1({ r: start + head - 1, c })}`;
  };
  const total = leftRows.length;
  for (let i = 0; i < total; i++) {
    const r = g.addRow(i < head ? 'item' : 'total');
    const left = leftRows[i];
    g.text(r, 0, left?.label ?? '', left?.label && i >= head ? 'total' : 'label', 1, left?.indent);
    if (ln) g.text(r, 1, String(i + 1), 'lineNo');
    def.leftCols.forEach((col, ci) => {
      const cell = left?.id ? left.cells?.[col] : undefined;
      if (left?.id && cell) g.cell(r, 1 + ln + ci, left.id, col, cell);
    });
    const right = rightRows[i];
    if (ln) g.text(r, lw + 1, String(total + i + 1), 'lineNo');
    if (right && 'cls' in right) {
      g.rowKinds[r] = 'class';
      g.text(r, lw, `${chineseOrdinal(i + 1)}、${book.name(right.cls)}`, 'label');
      def.rightCols.forEach((col, ci) => {
        const cell = def.classCells[col];
        if (!cell) return;
        const text = 'formula' in cell ? substitute(cell.formula, { class: right.cls }) : '';
        g.cell(r, lw + 1 + ln + ci, right.cls, col, 'formula' in cell ? { formula: text } : cell);
      });
    } else {
      g.text(r, lw, right?.label ?? '', right?.label && i >= head ? 'total' : 'label', 1, right?.indent);
      def.rightCols.forEach((col, ci) => {
        const cell = right?.id ? right.cells?.[col] : undefined;
        if (right?.id && cell) g.cell(r, lw + 1 + ln + ci, right.id, col, cell);
      });
    }
  }
  noteRows(g, def, doc.meta.department, false);
  return g;
}

function layoutEconomic(def: EconomicTableDef, doc: WorkbookDocument, book: CodeBook): Grid {
  const g = new Grid(def.groups.length * 3);
  titleBlock(g, def, doc.meta.department, doc.meta.unit);
  headerBlock(g, def);
  const codes = [...new Set([...def.codes, ...doc.economicCodes])].sort();
  const used = (cls: string) => !def.optionalClasses?.includes(cls) || codes.some((c) => c.startsWith(cls));
  const columns = def.groups.map((classes) =>
    classes.filter(used).flatMap((cls) => [{ code: cls, cls: true }, ...codes.filter((c) => c.startsWith(cls)).map((code) => ({ code, cls: false }))]),
  );
  const height = Math.max(...columns.map((c) => c.length));
  const start = g.cells.length;
  for (let i = 0; i < height; i++) g.addRow('item');
  columns.forEach((entries, gi) => {
    const c0 = gi * 3;
    entries.forEach((e, i) => {
      const r = start + i;
      g.text(r, c0, e.code, 'code');
      g.text(r, c0 + 1, book.economicName(e.code), 'label', 1, e.cls ? undefined : 1);
      if (e.cls) {
        const n = codes.filter((c) => c.startsWith(e.code)).length;
        g.formula(r, c0 + 2, e.code, 'amount', n ? `SUM(${a1({ r: r + 1, c: c0 + 2 })}:${a1({ r: r + n, c: c0 + 2 })})` : '0');
      } else {
        g.input(r, c0 + 2, e.code, 'amount');
      }
    });
  });
  const fr = g.addRow('footer');
  for (const f of def.footer) {
    // Placement is the template's (the print differs between families).
    g.text(fr, f.labelCol, f.label, 'total', f.valueCol - f.labelCol);
    g.formula(fr, f.valueCol, f.id, 'amount', f.formula);
  }
  noteRows(g, def, doc.meta.department, false);
  return g;
}

function layoutFixed(def: FixedTableDef, doc: WorkbookDocument): Grid {
  const g = new Grid(def.colWidths.length);
  titleBlock(g, def, doc.meta.department, doc.meta.unit);
  headerBlock(g, def);
  const start = g.cells.length;
  for (let i = 0; i < def.dataRows; i++) g.addRow('item');
  for (const c of def.cells) g.cell(start + c.r, c.c, c.row, c.col, c.cell);
  noteRows(g, def, doc.meta.department, false);
  return g;
}

function layoutSupplement(tpl: TemplateDef, doc: WorkbookDocument, book: CodeBook): Grid {
  const g = new Grid(3);
  titleBlock(g, { title: '补充资料（情况说明所需数据）', publicNo: '补充资料' }, doc.meta.department, doc.meta.unit);
  const h = g.addRow('header');
  g.text(h, 0, '项    目', 'header');
  g.text(h, 1, '数值', 'header');
  g.text(h, 2, '单位', 'header');
  const unit = (f: ValueFormat) => (f === 'amount' ? doc.meta.unit : f === 'percent' ? '%' : '');
  for (const s of tpl.supplement) {
    g.text(g.addRow('section'), 0, s.title, 'section', 3);
    for (const f of s.fields) {
      const r = g.addRow(f.formula ? 'total' : 'item');
      g.text(r, 0, f.label, f.formula ? 'total' : 'label');
      if (f.formula) g.formula(r, 1, f.id, 'value', f.formula, f.format);
      else g.input(r, 1, f.id, 'value', f.format);
      g.text(r, 2, f.unit ?? unit(f.format), 'label');
    }
    if (s.perItem) {
      const p = s.perItem;
      const first = g.cells.length;
      for (const code of book.items(p.funds ?? ['gpb'])) {
        const r = g.addRow('item');
        g.text(r, 0, substitute(p.label, { code, name: book.name(code) }), 'label');
        if (p.formula) g.formula(r, 1, substitute(p.id, { code }), 'value', substitute(p.formula, { code }), p.format);
        else g.input(r, 1, substitute(p.id, { code }), 'value', p.format);
        g.text(r, 2, unit(p.format), 'label');
      }
      const last = g.cells.length - 1;
      if (p.totalId) {
        const r = g.addRow('total');
        g.text(r, 0, p.totalLabel ?? '合计', 'total');
        g.formula(r, 1, p.totalId, 'value', last >= first ? `SUM(${a1({ r: first, c: 1 })}:${a1({ r: last, c: 1 })})` : '0', p.format);
        g.text(r, 2, unit(p.format), 'label');
      }
    }
  }
  return g;
}

function layoutFigures(tpl: TemplateDef): Grid {
  const g = new Grid(2);
  const h = g.addRow('header');
  g.text(h, 0, '关键数据', 'header');
  g.text(h, 1, '数值', 'header');
  for (const f of tpl.figures) {
    const r = g.addRow('item');
    g.text(r, 0, f.label, 'label');
    g.formula(r, 1, f.id, 'value', f.formula, f.format);
  }
  return g;
}

/** Whether a 补充资料 row is an input (a field without formula, or a per-项 row). */
function supplementIsInput(tpl: TemplateDef): (row: string) => boolean {
  const inputs = new Set(tpl.supplement.flatMap((s) => s.fields.filter((f) => !f.formula).map((f) => f.id)));
  const perItem = tpl.supplement.flatMap((s) => (s.perItem && !s.perItem.formula ? [new RegExp(`^${s.perItem.id.replaceAll('.', '\\.').replace('{code}', '\\d{7}')}$`)] : []));
  return (row) => inputs.has(row) || perItem.some((re) => re.test(row));
}

/** The indicator score sheet of the template's part (see indicators.ts), then the part's figures. */
function layoutIndicators(tpl: TemplateDef, doc: WorkbookDocument): { g: Grid; title: string } | null {
  const part = indicatorPart(tpl);
  if (!part) return null;
  const def = part.indicators;
  const g = new Grid(INDICATOR_HEADERS.length);
  g.text(g.addRow('title'), 0, def.title, 'title', g.width);
  const h = g.addRow('header');
  INDICATOR_HEADERS.forEach((t, c) => g.text(h, c, t, 'header'));
  const start = g.cells.length;
  const rows = indicatorRows(def, doc, supplementIsInput(tpl), (i, col) => a1({ r: start + i, c: INDICATOR_COL_AT[col] }));
  for (const plan of rows) {
    const r = g.addRow(plan.kind === 'indicator' ? 'item' : 'total');
    const role = plan.kind === 'indicator' ? 'label' : 'total';
    if (plan.kind === 'indicator') {
      g.text(r, 0, plan.section, 'label');
      g.text(r, 1, plan.group, 'label');
      g.text(r, 2, plan.name, 'label');
      g.text(r, 3, plan.method, 'label');
    } else g.text(r, plan.kind === 'group' ? 1 : 0, plan.name, role, plan.kind === 'group' ? 2 : 3);
    g.text(r, 7, plan.kind === 'indicator' ? plan.unit : '', 'label');
    for (const col of INDICATOR_COLS) {
      const cell = plan.cells[col];
      if (cell) g.formula(r, INDICATOR_COL_AT[col], plan.id, col, cell.formula, cell.format);
    }
  }
  if (part.figures?.length) {
    g.text(g.addRow('section'), 0, `${part.title}引用的数据`, 'section', g.width);
    for (const f of part.figures) {
      const r = g.addRow('item');
      g.text(r, 0, f.label, 'label', INDICATOR_COL_AT.value);
      g.formula(r, INDICATOR_COL_AT.value, f.id, 'value', f.formula, f.format);
    }
  }
  return { g, title: def.title };
}

export const AUDIT_COLS = ['left', 'right', 'diff'] as const;

// Expanded rules by template rule, code and the code's name: a paste lays out the same rules again
// for every code already there. An expanded rule is never changed afterwards, so layouts share them.
const EXPANDED_RULES = new WeakMap<AuditRuleDef, Map<string, ExpandedRule>>();
const EXPANDED_MAX = 50_000;

function expandRules(tpl: TemplateDef, book: CodeBook): ExpandedRule[] {
  const out: ExpandedRule[] = [];
  const used = book.items(['gpb', 'gf', 'soe']);
  for (const def of tpl.audit) {
    if (def.ifCodes && !used.some((c) => def.ifCodes!.some((p) => c.startsWith(p)))) continue;
    const vars: Record<string, string>[] = !def.forEach
      ? [{}]
      : def.forEach.kind === 'item'
        ? book.items(def.forEach.funds).map((code) => ({ code }))
        : book.classes(def.forEach.funds).map((cls) => ({ class: cls }));
    let cache = EXPANDED_RULES.get(def);
    if (!cache) EXPANDED_RULES.set(def, (cache = new Map()));
    for (const v of vars) {
      const suffix = v.code ?? v.class;
      const name = suffix ? book.name(suffix) : '';
      const key = suffix ? `${suffix}|${name}` : '';
      let rule = cache.get(key);
      if (!rule) {
        if (cache.size >= EXPANDED_MAX) cache.clear();
        cache.set(key, (rule = expandRule(def, v, suffix, name)));
      }
      out.push(rule);
    }
  }
  return out;
}

function expandRule(def: AuditRuleDef, v: Record<string, string>, suffix: string | undefined, name: string): ExpandedRule {
  const named = suffix ? { ...v, name } : v;
  const left = substitute(def.left.expr, v);
  const right = substitute(def.right.expr, v);
  return {
    rowId: suffix ? `${def.id}:${suffix}` : def.id,
    def: { ...def, left: { ...def.left, expr: left }, right: { ...def.right, expr: right } },
    title: def.title,
    // {name} only in labels: a user's name never enters a formula.
    leftLabel: substitute(def.left.label, named),
    rightLabel: substitute(def.right.label, named),
    cells: referencedCells(left, 'audit').concat(referencedCells(right, 'audit')),
  };
}

/**
 * The bands a rule allowing rounding is judged by: the workbook's, never narrower than the rule's own
 * tolerance. Numbers in 万元.
 */
export function auditBands(rule: AuditRuleDef, tol: AuditTolerance): { rounding: number; error: number } {
  const own = Number(rule.tolerance ?? '0');
  const rounding = Math.max(own, Number(tol.rounding));
  return { rounding, error: Math.max(rounding, Number(tol.error)) };
}

function layoutAudit(rules: ExpandedRule[], tol: AuditTolerance): Grid {
  const g = new Grid(6);
  g.asPrinted = new Set();
  const h = g.addRow('header');
  ['编号', '审核内容', '左值', '右值', '差额', '结果'].forEach((t, c) => g.text(h, c, t, 'header'));
  for (const rule of rules) {
    const r = g.addRow('item');
    g.text(r, 0, rule.rowId, 'code');
    g.text(r, 1, rule.title, 'label');
    // Rules compare the tables as printed (审查): a printed figure stands for its computed cell.
    g.asPrinted!.add(g.formula(r, 2, rule.rowId, 'left', rule.def.left.expr));
    g.asPrinted!.add(g.formula(r, 3, rule.rowId, 'right', rule.def.right.expr));
    // 差额: for "=" the signed difference; for "≤"/"≥" only the amount by which the rule is
    // broken, so a passing rule shows 0 in the exported 审核 sheet too.
    const raw = `ROUND(${a1({ r, c: 2 })}-${a1({ r, c: 3 })},2)`;
    const diff = rule.def.op === '=' ? raw : rule.def.op === '<=' ? `MAX(0,${raw})` : `MIN(0,${raw})`;
    g.formula(r, 4, rule.rowId, 'diff', diff);
    const d = a1({ r, c: 4 });
    const fail = rule.def.severity === 'error' ? '错误' : '提示';
    const test = rule.def.op === '=' ? `ABS(${d})<0.005` : rule.def.op === '<=' ? `${d}<0.005` : `${d}>-0.005`;
    // A rule that allows rounding is a 提示 up to the workbook's error bound (as the findings say).
    const bound = rule.def.op === '=' && rule.def.tolerance !== undefined ? auditBands(rule.def, tol).error + 0.005 : null;
    const result = bound === null ? `IF(${test},"通过","${fail}")` : `IF(${test},"通过",IF(ABS(${d})<${bound},"提示","${fail}"))`;
    g.formula(r, 5, rule.rowId, 'result', result, 'count');
  }
  return g;
}

function finish(
  g: Grid,
  id: AnySheetId,
  meta: { title: string; publicNo: string; printPublicNo?: boolean; contentId?: string; zero: ZeroStyle; colWidths: number[]; dataStart: number },
): SheetLayout {
  return {
    id,
    title: meta.title,
    publicNo: meta.publicNo,
    ...(meta.printPublicNo === false ? { printPublicNo: false } : {}),
    ...(meta.contentId ? { contentId: meta.contentId } : {}),
    cells: g.cells,
    width: g.width,
    merges: g.merges,
    colWidths: meta.colWidths,
    rowKinds: g.rowKinds,
    zero: meta.zero,
    index: g.index,
    dataStart: meta.dataStart,
  };
}

/** Builds every sheet's layout and resolves all formulas to A1. */
export function buildLayout(template: TemplateDef, doc: WorkbookDocument, book: CodeBook): WorkbookLayout {
  const tpl = expandParts(template);
  const grids: { id: AnySheetId; g: Grid; meta: Parameters<typeof finish>[2] }[] = [];
  for (const def of tpl.tables) {
    const g =
      def.kind === 'function'
        ? layoutFunction(def, doc, book).g
        : def.kind === 'two-sided'
          ? layoutTwoSided(def, doc, book)
          : def.kind === 'economic'
            ? layoutEconomic(def, doc, book)
            : layoutFixed(def, doc);
    grids.push({
      id: def.id,
      g,
      meta: { title: def.title, publicNo: def.publicNo, ...(def.printPublicNo === false ? { printPublicNo: false } : {}), contentId: def.contentId, zero: doc.zeroStyle ?? def.zero, colWidths: def.colWidths, dataStart: 3 + def.headerRows },
    });
  }
  grids.push({
    id: 'sup',
    g: layoutSupplement(tpl, doc, book),
    meta: { title: '补充资料', publicNo: '补充资料', zero: 'zero', colWidths: [44, 16, 8], dataStart: 4 },
  });
  grids.push({ id: 'fig', g: layoutFigures(tpl), meta: { title: '关键数据', publicNo: '关键数据', zero: 'zero', colWidths: [40, 16], dataStart: 1 } });
  const perf = layoutIndicators(tpl, doc);
  if (perf) {
    grids.push({
      id: INDICATOR_SHEET,
      g: perf.g,
      meta: { title: perf.title, publicNo: '绩效评分表', zero: 'zero', colWidths: [8, 10, 18, 30, 10, 10, 10, 6, 6, 8, 8], dataStart: 2 },
    });
  }
  const rules = expandRules(tpl, book);
  grids.push({
    id: 'audit',
    g: layoutAudit(rules, doc.auditTolerance),
    meta: { title: '审核', publicNo: '审核', zero: 'zero', colWidths: [14, 48, 14, 14, 12, 8], dataStart: 1 },
  });

  const index = new Map<string, Map<string, Position>>(grids.map(({ id, g }) => [id, g.index]));
  // A cell printed blank ('') reads as 0, as a blank input does.
  const printedOf = (sheet: string, row: string, col: string) => {
    const p = doc.printed?.[sheet as SheetId]?.[row]?.[col];
    return p === '' ? '0' : p;
  };
  for (const { id, g } of grids) {
    // One context per sheet, set for each formula (tens of thousands: no object each).
    const ctx: ResolveContext = { sheet: id, index, classRange: g.classRange };
    for (const target of g.pending) {
      ctx.row = (target.row ?? g.followRows.get(target)) || undefined;
      ctx.printed = g.asPrinted?.has(target) ? printedOf : undefined;
      target.formula = resolveFormula(target.source, ctx);
    }
  }
  const sheets = grids.map(({ id, g, meta }) => finish(g, id, meta));
  return { sheets, byId: new Map(sheets.map((s) => [s.id, s])), rules };
}

