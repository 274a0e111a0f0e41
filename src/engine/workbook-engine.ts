// The only owner of HyperFormula: builds one formula workbook from template + document, applies
// edits addressed by stable ids, reports what changed, evaluates 审核 and key figures. Headless.
import { DetailedCellError, HyperFormula, type ExportedChange, type RawCellContent } from 'hyperformula';
import { centsOf, centsText, dec, formatAmount, formatCents, InputError, parseAmount, parseCount, roundHalfUp, type Decimal } from '../model/amount';
import { MAX_PUBLISHED_TEXT, withInputs, withPrinted, type PublishedText, type WorkbookDocument, type WorkbookUnit } from '../model/document';
import { FUNDS, type Fund, type SheetId, isFunctionItemCode } from '../model/ids';
import type { AnySheetId, AuditSeverity, TemplateDef, ValueFormat } from '../model/template';
import { CodeBook, type Catalogues } from './code-book';
import { substitute } from './formula';
import type { ExpandedRule, LayoutCell, SheetLayout, WorkbookLayout } from '../model/layout';
import { auditBands, buildLayout } from './layout';
import { registerDecimalRound } from './round-plugin';
import { expandParts, INDICATOR_SHEET, isIndicatorLayoutText } from '../model/part';
import { CellNamer } from './narrative/sources';
import { applyRowPatch, cellContent, planRowPatch, sheetInputs } from './insert-rows';
import { FirstValues, UnsupportedFormula } from './first-values';
import { fastTopSort } from './hf-topsort';
import { fastFormulaParse } from './hf-parse-cache';

export type CellValue = number | string | null | { error: string };

export interface CellChange {
  sheet: AnySheetId;
  row: string;
  col: string;
  value: CellValue;
}

export interface EditResult {
  changes: CellChange[];
  /** Rows were added/removed: every view must re-read its layout. */
  structural: boolean;
}

export interface Finding {
  ruleId: string;
  rowId: string;
  severity: AuditSeverity;
  title: string;
  message: string;
  left: Decimal | null;
  right: Decimal | null;
  diff: Decimal | null;
  cells: { sheet: string; row: string; col: string }[];
  /** The bands the finding was judged by (rules allowing rounding: the workbook's 审核 tolerance). */
  tolerance?: { rounding: Decimal; error: Decimal };
}

/** A code to add or name in a batch (see WorkbookEngine.addCodes). */
export type CodeSpec = { kind?: 'function'; code: string; name?: string; fund?: Fund } | { kind: 'economic'; code: string; name?: string };

export interface BatchInput {
  codes?: readonly CodeSpec[];
  inputs?: readonly { sheet: AnySheetId; row: string; col: string; raw: unknown }[];
}

/** 审核 rule id of "this code has no name" findings. */
export const CODE_NAME_RULE = 'code-name';
/** 审核 rule id of "a printed figure differs from the recomputed cell" findings (审查). */
export const PRINTED_RULE = 'printed';

/** A computed cell whose printed figure differs from the recomputed one. */
export interface PrintedDifference {
  /** A printed blank reads as 0 (blank: true). */
  printed: Decimal;
  blank: boolean;
  computed: Decimal;
  /** printed − computed */
  diff: Decimal;
  severity: AuditSeverity;
}

/** 审核 rule id of "a text carried from last year waits for review" findings. */
export const CARRIED_TEXT_RULE = 'carried-text';

export interface EngineInput {
  template: TemplateDef;
  catalogues: Catalogues;
}

// undoLimit 0: the session keeps undo by ids; HF's own stack would only hold old formulas in memory.
const HF_CONFIG = { licenseKey: 'gpl-v3', precisionRounding: 14, useArrayArithmetic: false, undoLimit: 0 } as const;

export interface OpenOptions {
  /**
   * Build the tables and 补充资料 first and the sheets no table reads (key figures, 审核, 绩效
   * indicators: two thirds of a template's formulas) on their first use or complete(): the app's
   * cold open shows the first table sooner (docs/performance.md). Default: every sheet at once.
   */
  firstTableFirst?: boolean;
  /**
   * Build no HyperFormula yet: a sheet's values are computed by the small evaluator of
   * first-values.ts (the same values, tested cell by cell) until anything else is asked — an edit,
   * 审核, a figure, a formula outside its subset — or finishOpen() builds the engine. The app's cold
   * open paints its first table this way and builds the engine right after (docs/performance.md).
   */
  deferEngine?: boolean;
}

/** Sheets the engine adds itself, read by no table: the candidates for a later build. */
const LATE_SHEETS: readonly string[] = ['fig', 'audit', INDICATOR_SHEET];

/** The late sheets of `sheets` that no other sheet's formula names (a reference must resolve in the first build). */
function lateSheets(sheets: Record<string, RawCellContent[][]>): Map<string, RawCellContent[][]> {
  const late = new Map(LATE_SHEETS.filter((id) => sheets[id]).map((id) => [id, sheets[id]!]));
  for (const [id, cells] of Object.entries(sheets)) {
    if (late.has(id)) continue;
    for (const row of cells) for (const v of row) if (typeof v === 'string') for (const l of late.keys()) if (v.includes(`'${l}'!`)) late.delete(l);
  }
  return late;
}

function toCellValue(v: unknown): CellValue {
  if (v instanceof DetailedCellError) return { error: v.value };
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return null;
}

/**
 * HF over the laid-out sheets, recalculating in HF's own order without its per-visit copies
 * (hf-topsort.ts), and writing formulas of a known shape without lexing them (hf-parse-cache.ts).
 */
function buildHF(sheets: Record<string, RawCellContent[][]>): HyperFormula {
  const hf = HyperFormula.buildFromSheets(sheets, HF_CONFIG);
  fastTopSort(hf);
  fastFormulaParse(hf);
  return hf;
}

export class WorkbookEngine {
  private hfBuilt: HyperFormula | null = null;
  /** A build put off by OpenOptions.deferEngine: HF's contents, and the evaluator answering meanwhile. */
  private deferred: { sheets: Record<string, RawCellContent[][]>; first: FirstValues; shown: Set<AnySheetId> } | null = null;
  /** Cells whose early value differed from HyperFormula's (never, if first-values.ts is right): for the views. */
  private corrections: CellChange[] = [];
  /**
   * Sheets open() left out of the first build (see OpenOptions.firstTableFirst), by id, with their
   * HF contents; added by complete() on their first use.
   */
  private pendingSheets: Map<string, RawCellContent[][]> | null = null;
  private doc!: WorkbookDocument;
  private book!: CodeBook;
  layout!: WorkbookLayout;
  /** The document relayout() last moved away from, with its layout (see stepTo). */
  private left: { doc: WorkbookDocument; book: CodeBook; layout: WorkbookLayout } | null = null;
  private sheetNum = new Map<AnySheetId, number>();
  private sheetById = new Map<number, SheetLayout>();
  /** Audit findings by rule row id; refreshed only for rules whose 审核 cells changed. */
  private findings: Map<string, Finding | null> | null = null;
  private ruleByRow = new Map<string, ExpandedRule>();
  /** "No name" findings; names change only with a rebuild. */
  private nameFindings: Finding[] | null = null;
  /** Names of printed cells for their findings: the layout's, so kept until the next build. */
  private printedNamer: CellNamer | null = null;
  /** Printed-figure findings by cell (see printedFindings); null until the first audit of a build. */
  private printedCache: Map<string, Finding | null> | null = null;
  /** The last audit() answer, until a finding changes. */
  private auditList: Finding[] | null = null;

  private readonly env: EngineInput;
  private constructor(env: EngineInput) {
    // A template's parts add 补充资料 inputs and texts: every reader of engine.template sees them.
    this.env = { ...env, template: expandParts(env.template) };
  }

  static open(doc: WorkbookDocument, env: EngineInput, options: OpenOptions = {}): WorkbookEngine {
    registerDecimalRound();
    const e = new WorkbookEngine(env);
    e.build(doc, undefined, options.firstTableFirst === true, options.deferEngine === true);
    return e;
  }

  /** The HF workbook as built so far (a deferred build happens here, on first need). */
  private get hfCore(): HyperFormula {
    if (this.deferred) this.buildDeferred();
    return this.hfBuilt!;
  }

  private buildDeferred(): void {
    const { sheets, first, shown } = this.deferred!;
    this.deferred = null;
    const before = new Map(this.sheetNum);
    this.hfBuilt = buildHF(sheets);
    this.mapSheets();
    // Positions handed out before the build (addr()) must stay true after it.
    for (const [id, n] of before) if (this.sheetNum.get(id) !== n) throw new Error(`sheet ${id} numbered ${n} before the build`);
    for (const id of shown) {
      const early = first.sheetValues(id);
      const s = this.sheet(id);
      this.sheetValues(id).forEach((row, r) =>
        row.forEach((v, c) => {
          const cell = s.cells[r]?.[c];
          if ((cell?.t === 'formula' || cell?.t === 'input') && JSON.stringify(v) !== JSON.stringify(early[r]![c])) this.corrections.push({ sheet: id, row: cell.row, col: cell.col, value: v });
        }),
      );
    }
  }

  /**
   * Builds the formula engine now if open() deferred it (and the sheets left for later): call once
   * the first table is on screen. Returns the cells whose values shown until now were not the
   * engine's (none while first-values.ts agrees with HyperFormula), for the views to patch.
   */
  finishOpen(): CellChange[] {
    this.complete();
    return this.takeCorrections();
  }

  /** False while open()'s deferEngine build has not happened yet. */
  get engineBuilt(): boolean {
    return this.deferred === null;
  }

  private takeCorrections(): CellChange[] {
    const out = this.corrections;
    this.corrections = [];
    return out;
  }

  /**
   * A value of the early evaluator while the build is deferred; undefined once HF answers. Callers
   * test `deferred` first: value() runs twice per 审核 rule, and the closure would cost each read.
   */
  private earlyValues<T>(sheet: AnySheetId, read: (first: FirstValues) => T): T | undefined {
    const d = this.deferred;
    if (!d || this.pendingSheets?.has(sheet) || !d.first.has(sheet)) return undefined;
    try {
      const v = read(d.first);
      d.shown.add(sheet);
      return v;
    } catch (e) {
      if (!(e instanceof UnsupportedFormula)) throw e;
      // Outside the evaluator's subset: HyperFormula answers from now on.
      this.buildDeferred();
      return undefined;
    }
  }

  /** The HF workbook with every sheet (complete() first). */
  private get hf(): HyperFormula {
    this.complete();
    return this.hfCore;
  }

  /** The HF workbook, complete only where `sheet` needs it: a table's values need no 审核 sheet. */
  private hfFor(sheet: AnySheetId): HyperFormula {
    return this.pendingSheets?.has(sheet) ? this.hf : this.hfCore;
  }

  /**
   * Adds the sheets a `firstTableFirst` open left out (key figures, 审核, 绩效 indicators). Runs
   * by itself on their first use; the app calls it once the first table is on screen, so that
   * the first edit does not wait for it. A no-op when nothing is pending.
   */
  complete(): void {
    // A deferred build first: it numbers the sheets it has, the pending ones not among them.
    const hf = this.hfCore;
    const pending = this.pendingSheets;
    if (!pending) return;
    this.pendingSheets = null;
    hf.batch(() => {
      // All named first: one late sheet's formulas may read another.
      for (const id of pending.keys()) hf.addSheet(id);
      for (const [id, cells] of pending) hf.setSheetContent(hf.getSheetId(id)!, cells);
    });
    this.mapSheets();
  }

  get template(): TemplateDef {
    return this.env.template;
  }
  get codes(): CodeBook {
    return this.book;
  }

  private build(doc: WorkbookDocument, pre?: { book: CodeBook; layout: WorkbookLayout }, firstTableFirst = false, deferEngine = false): void {
    this.doc = doc;
    this.book = pre?.book ?? new CodeBook(doc, this.env.catalogues);
    this.layout = pre?.layout ?? buildLayout(this.env.template, doc, this.book);
    const sheets: Record<string, RawCellContent[][]> = {};
    for (const s of this.layout.sheets) {
      const inputs = sheetInputs(doc, s.id);
      sheets[s.id] = s.cells.map((row) => row.map((cell) => cellContent(cell, inputs)));
    }
    this.hfBuilt?.destroy();
    this.hfBuilt = null;
    this.deferred = null;
    this.corrections = [];
    this.pendingSheets = firstTableFirst ? lateSheets(sheets) : null;
    for (const id of this.pendingSheets?.keys() ?? []) delete sheets[id];
    if (deferEngine) this.deferred = { sheets, first: new FirstValues(sheets), shown: new Set() };
    else this.hfBuilt = buildHF(sheets);
    this.indexLayout();
  }

  /** Forgets what was derived from the previous layout (findings, cell positions) and indexes this one. */
  private indexLayout(): void {
    this.findings = null;
    this.nameFindings = null;
    this.printedNamer = null;
    this.printedCache = null;
    this.auditList = null;
    this.ruleByRow = new Map(this.layout.rules.map((r) => [r.rowId, r]));
    this.mapSheets();
  }

  /** Engine sheet numbers of every sheet in HF (a cell's ids are its layout cell's). */
  private mapSheets(): void {
    this.sheetNum.clear();
    this.sheetById.clear();
    // Before a deferred build: HF numbers the sheets of buildFromSheets in their order (checked after it).
    const order = this.deferred && Object.keys(this.deferred.sheets);
    for (const s of this.layout.sheets) {
      if (this.pendingSheets?.has(s.id)) continue;
      const n = order ? order.indexOf(s.id) : this.hfBuilt!.getSheetId(s.id);
      if (n === undefined || n < 0) throw new Error(`sheet ${s.id} missing`);
      this.sheetNum.set(s.id, n);
      this.sheetById.set(n, s);
    }
  }

  /**
   * Moves to a document whose layout differs from the current one by added rows or names (codes,
   * a paste): rows are inserted into the formula workbook and only changed cells written
   * (insert-rows.ts); a rebuild only when the layouts cannot be aligned that way.
   */
  private relayout(doc: WorkbookDocument, pre?: { book: CodeBook; layout: WorkbookLayout }): EditResult {
    const book = pre?.book ?? new CodeBook(doc, this.env.catalogues);
    const layout = pre?.layout ?? buildLayout(this.env.template, doc, book);
    const patch = planRowPatch(this.layout, this.doc, layout, doc);
    if (!patch) return this.rebuild(doc, { book, layout });
    let changes: ExportedChange[];
    try {
      changes = applyRowPatch(this.hf, patch, (id) => this.sheetNum.get(id as AnySheetId)!);
    } catch {
      // HF refused part of it (a sheet size limit): the formula workbook is built afresh instead.
      return this.rebuild(doc, { book, layout });
    }
    const before = { findings: this.findings, rules: this.ruleByRow, tolerance: this.doc.auditTolerance };
    // The document left behind keeps its layout for an undo right after (documents never change in place).
    this.left = { doc: this.doc, book: this.book, layout: this.layout };
    this.doc = doc;
    this.book = book;
    this.layout = layout;
    this.indexLayout();
    this.carryFindings(before, changes);
    return { changes: [], structural: true };
  }

  /**
   * After rows moved in place, the 审核 findings of the rules that are the same (the expanded rule
   * is shared between layouts: same template rule, code and name) and whose 审核 cells HF did not
   * report changed are kept; only new rules and changed ones are evaluated (as an edit does).
   */
  private carryFindings(
    before: { findings: Map<string, Finding | null> | null; rules: ReadonlyMap<string, ExpandedRule>; tolerance: WorkbookDocument['auditTolerance'] },
    changes: ExportedChange[],
  ): void {
    const tol = this.doc.auditTolerance;
    if (!before.findings || before.tolerance.rounding !== tol.rounding || before.tolerance.error !== tol.error) return;
    // The 审核 rows HF names (thousands of changes elsewhere: no CellChange made for them).
    const changed = new Set<string>();
    const audit = this.sheetNum.get('audit');
    const cells = audit === undefined ? undefined : this.sheetById.get(audit)?.cells;
    for (const ch of changes) {
      const at = 'address' in ch && ch.address?.sheet === audit ? cells?.[ch.address.row]?.[ch.address.col] : undefined;
      if (at?.t === 'formula' || at?.t === 'input') changed.add(at.row);
    }
    const findings = new Map<string, Finding | null>();
    for (const rule of this.layout.rules) {
      const kept = before.rules.get(rule.rowId) === rule && !changed.has(rule.rowId) ? before.findings.get(rule.rowId) : undefined;
      findings.set(rule.rowId, kept === undefined ? this.evaluateRule(rule) : kept);
    }
    this.findings = findings;
  }

  destroy(): void {
    this.deferred = null;
    this.hfBuilt?.destroy();
  }

  /** The current document (inputs only). */
  document(): WorkbookDocument {
    return this.doc;
  }

  sheet(id: AnySheetId): SheetLayout {
    const s = this.layout.byId.get(id);
    if (!s) throw new Error(`unknown sheet ${id}`);
    return s;
  }

  private addr(sheet: AnySheetId, row: string, col: string) {
    if (this.pendingSheets?.has(sheet)) this.complete();
    const s = this.sheet(sheet);
    const p = s.index.get(`${row}|${col}`);
    if (!p) return undefined;
    return { sheet: this.sheetNum.get(sheet)!, row: p.r, col: p.c, cell: s.cells[p.r]![p.c] as LayoutCell };
  }

  has(sheet: AnySheetId, row: string, col: string): boolean {
    return this.addr(sheet, row, col) !== undefined;
  }

  /** Raw engine value (float). Prefer amount() for anything shown or compared. */
  value(sheet: AnySheetId, row: string, col: string): CellValue {
    const a = this.addr(sheet, row, col);
    if (!a) throw new Error(`unknown cell ${sheet}:${row}:${col}`);
    const early = this.deferred ? this.earlyValues(sheet, (first) => first.value(sheet, a.row, a.col)) : undefined;
    if (early !== undefined) return early;
    return toCellValue(this.hfFor(sheet).getCellValue(a));
  }

  /** Value rounded half-up to 2 dp (counts: 0 dp); null when blank, text or error. */
  amount(sheet: AnySheetId, row: string, col: string): Decimal | null {
    const v = this.value(sheet, row, col);
    if (typeof v !== 'number') return null;
    const a = this.addr(sheet, row, col);
    const format = a?.cell && a.cell.t !== 'text' ? a.cell.format : 'amount';
    return roundHalfUp(v, format === 'count' ? 0 : 2);
  }

  figure(id: string): Decimal | null {
    return this.amount('fig', id, 'value');
  }

  format(sheet: AnySheetId, row: string, col: string): ValueFormat | undefined {
    const c = this.addr(sheet, row, col)?.cell;
    return c && c.t !== 'text' ? c.format : undefined;
  }

  isInput(sheet: AnySheetId, row: string, col: string): boolean {
    return this.addr(sheet, row, col)?.cell?.t === 'input';
  }

  /**
   * For a cell that follows a formula until typed over (a typeOver column): 'typed' when the
   * user's figure is in it, 'following' when it shows the formula; undefined for other cells.
   */
  typeOverState(sheet: AnySheetId, row: string, col: string): 'typed' | 'following' | undefined {
    const cell = this.addr(sheet, row, col)?.cell;
    if (cell?.t !== 'input' || !cell.follow) return undefined;
    return this.doc.inputs[sheet as SheetId]?.[row]?.[col] === undefined ? 'following' : 'typed';
  }

  /** The figure a typed-over cell would show if cleared (its formula's value); undefined for other cells. */
  followValue(sheet: AnySheetId, row: string, col: string): CellValue | undefined {
    const a = this.addr(sheet, row, col);
    if (a?.cell?.t !== 'input' || !a.cell.follow) return undefined;
    if (this.doc.inputs[sheet as SheetId]?.[row]?.[col] === undefined) return this.value(sheet, row, col);
    // A typed-over cell's tooltip on the first table: no engine build for it.
    const follow = a.cell.follow.formula;
    const early = this.deferred ? this.earlyValues(sheet, (first) => first.evaluate(follow, sheet)) : undefined;
    if (early !== undefined) return early;
    return toCellValue(this.hfFor(sheet).calculateFormula(`=${a.cell.follow.formula}`, a.sheet));
  }

  /** Rectangular values of one sheet (HF trims trailing blanks; views need full rows). */
  sheetValues(id: AnySheetId): CellValue[][] {
    const s = this.sheet(id);
    const early = this.deferred ? this.earlyValues(id, (first) => first.sheetValues(id)) : undefined;
    if (early) return early;
    const hf = this.hfFor(id);
    const raw = hf.getSheetValues(this.sheetNum.get(id)!);
    return s.cells.map((row, r) => row.map((_, c) => toCellValue(raw[r]?.[c] ?? null)));
  }

  private mapChanges(changes: ExportedChange[]): CellChange[] {
    const out: CellChange[] = [];
    for (const ch of changes) {
      if (!('address' in ch) || !ch.address) continue;
      const s = this.sheetById.get(ch.address.sheet);
      const at = s?.cells[ch.address.row]?.[ch.address.col];
      if (s && (at?.t === 'formula' || at?.t === 'input')) out.push({ sheet: s.id, row: at.row, col: at.col, value: toCellValue(ch.newValue) });
    }
    return out;
  }

  /** Parses what the user typed for an input cell; throws InputError with a Chinese message. */
  parse(sheet: AnySheetId, row: string, col: string, raw: unknown): string | null {
    const a = this.addr(sheet, row, col);
    if (!a) throw new InputError('该单元格不存在');
    if (a.cell?.t !== 'input') throw new InputError('该单元格由公式自动计算，不能直接修改');
    return a.cell.format === 'count' ? parseCount(raw) : parseAmount(raw);
  }

  /** Sets one input. `raw` is what was typed; it is validated and normalized first. */
  setInput(sheet: AnySheetId, row: string, col: string, raw: unknown): EditResult {
    return this.setInputs([{ sheet, row, col, raw }]);
  }

  /** Sets several inputs in one recalculation. All are validated before any is applied. */
  setInputs(edits: { sheet: AnySheetId; row: string; col: string; raw: unknown }[]): EditResult {
    const parsed = edits.map((e) => ({ ...e, value: this.parse(e.sheet, e.row, e.col, e.raw) }));
    const put = (e: (typeof parsed)[number]) => {
      const a = this.addr(e.sheet, e.row, e.col)!;
      // A cleared typeOver cell follows its formula again.
      const follow = a.cell?.t === 'input' ? a.cell.follow : undefined;
      const content = e.value !== null ? Number(e.value) : follow ? `=${follow.formula}` : null;
      return this.hf.setCellContents({ sheet: a.sheet, row: a.row, col: a.col }, content);
    };
    // One cell (a typed value) needs no batch: suspending and resuming evaluation costs as much again.
    const changes = parsed.length === 1 ? put(parsed[0]!) : this.hf.batch(() => parsed.forEach(put));
    this.doc = withInputs(this.doc, parsed.map((e) => ({ sheet: e.sheet as SheetId, row: e.row, col: e.col, value: e.value })));
    const mapped = this.mapChanges(changes);
    // A typeOver cell typed with (or cleared to) the figure it showed changes state, not value:
    // views still need it to restyle.
    for (const e of parsed) {
      if (this.typeOverState(e.sheet, e.row, e.col) === undefined) continue;
      if (!mapped.some((c) => c.sheet === e.sheet && c.row === e.row && c.col === e.col)) {
        mapped.push({ sheet: e.sheet, row: e.row, col: e.col, value: this.value(e.sheet, e.row, e.col) });
      }
    }
    if (this.findings) {
      // Left and right of one rule often change together: evaluate each rule once.
      const rules = new Set<ExpandedRule>();
      for (const c of mapped) {
        const rule = c.sheet === 'audit' ? this.ruleByRow.get(c.row) : undefined;
        if (rule) rules.add(rule);
      }
      for (const rule of rules) {
        const next = this.evaluateRule(rule);
        const prev: Finding | null = this.findings.get(rule.rowId) ?? null;
        this.findings.set(rule.rowId, next);
        if (next === null && prev === null) continue;
        // A failing rule that still fails (new figures) takes its old place in a copy of the list:
        // rebuilding it walks every rule (2,654 for 500 codes) after each edit.
        const at = next && prev && this.auditList ? this.auditList.indexOf(prev) : -1;
        if (at < 0) {
          this.auditList = null;
          continue;
        }
        const list = this.auditList!.slice();
        list[at] = next!;
        this.auditList = list;
      }
    }
    this.refreshPrinted(mapped);
    // The edit built a deferred engine: a cell shown before that with another value is patched too.
    mapped.push(...this.takeCorrections().filter((c) => !mapped.some((m) => m.sheet === c.sheet && m.row === c.row && m.col === c.col)));
    return { changes: mapped, structural: false };
  }

  /** The printed figure (审查) stored for a computed cell; null when it has none. */
  printedValue(sheet: AnySheetId, row: string, col: string): string | null {
    return this.doc.printed?.[sheet as SheetId]?.[row]?.[col] ?? null;
  }

  /**
   * Parses a printed figure typed for a computed amount cell (审查: the figure as the document
   * prints it); null clears it. Throws InputError with a Chinese message for other cells.
   */
  parsePrinted(sheet: AnySheetId, row: string, col: string, raw: unknown): string | null {
    const a = this.addr(sheet, row, col);
    if (!a) throw new InputError('该单元格不存在');
    if (a.cell?.t === 'input') throw new InputError('填报单元格直接按印刷数填写，不另录印刷数');
    // Only the published tables print figures (not 补充资料, key figures or the 审核 sheet).
    if (a.cell?.t !== 'formula' || a.cell.format !== 'amount' || !this.env.template.tables.some((t) => t.id === sheet)) {
      throw new InputError('只有表中自动计算的金额可以录入印刷数');
    }
    return parseAmount(raw);
  }

  /**
   * Sets the printed figures of computed cells (审查), all validated before any is applied; null
   * clears one. No figure is recalculated: the 审核 re-judges these cells, and the cells come
   * back as changes (with their computed values) so that views restyle them.
   */
  setPrinted(edits: readonly { sheet: AnySheetId; row: string; col: string; raw: unknown }[]): EditResult {
    const parsed = edits.map((e) => ({ ...e, value: this.parsePrinted(e.sheet, e.row, e.col, e.raw) }));
    let doc = this.doc;
    for (const e of parsed) doc = withPrinted(doc, e.sheet as SheetId, e.row, e.col, e.value);
    this.doc = doc;
    const cache = this.printedCache;
    for (const e of parsed) {
      const key = cellKey(e.sheet, e.row, e.col);
      if (!cache) break;
      if (e.value === null) cache.delete(key);
      else cache.set(key, this.printedFinding(e.sheet, e.row, e.col));
    }
    this.auditList = null;
    const ruleChanges = this.relinkPrintedRules();
    const cells = parsed.map((e) => ({ sheet: e.sheet, row: e.row, col: e.col, value: this.value(e.sheet, e.row, e.col) }));
    return { changes: [...cells, ...ruleChanges], structural: false };
  }

  /**
   * Rules between tables read a printed figure in place of its cell (they compare the tables as
   * printed), as a constant in the 审核 sheet's formulas: those formulas are written again where a
   * printed figure changed them, and the rules re-judged. Same rows and columns: only formula text differs.
   */
  private relinkPrintedRules(): CellChange[] {
    // The 审核 sheet must be in HF: a pending one holds the formulas of the document before this.
    this.complete();
    const layout = buildLayout(this.env.template, this.doc, this.book);
    const before = this.layout.sheets.find((s) => s.id === 'audit');
    const after = layout.sheets.find((s) => s.id === 'audit');
    const n = this.sheetNum.get('audit');
    if (!before || !after || n === undefined) return [];
    const writes: { row: number; col: number; formula: string }[] = [];
    after.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        const old = before.cells[r]?.[c];
        if (cell?.t === 'formula' && old?.t === 'formula' && cell.formula !== old.formula) writes.push({ row: r, col: c, formula: cell.formula });
      }),
    );
    if (!writes.length) return [];
    this.layout = layout;
    this.ruleByRow = new Map(layout.rules.map((r) => [r.rowId, r]));
    for (const s of layout.sheets) this.sheetById.set(this.sheetNum.get(s.id)!, s);
    const changes = this.hf.batch(() => writes.forEach((w) => this.hf.setCellContents({ sheet: n, row: w.row, col: w.col }, `=${w.formula}`)));
    this.findings = null;
    return this.mapChanges(changes);
  }

  /** Adds a 项 code for a fund (rows appear in every table that shows that fund). */
  addCode(fund: Fund, code: string, name?: string): EditResult {
    if (!isFunctionItemCode(code)) throw new InputError(`「${code}」不是7位的项级功能分类科目编码`);
    if (this.doc.codes[fund].includes(code)) throw new InputError(`科目 ${code} 已在表中`);
    if (!name?.trim() && !this.book.isKnownFunctionCode(code)) throw new InputError(`目录中没有科目 ${code}，请填写科目名称`);
    return this.addCodes([{ fund, code, ...(name?.trim() ? { name } : {}) }]);
  }

  /**
   * Adds and names codes in one rebuild: 7-digit 功能分类 项 codes join `fund` (default
   * 一般公共预算); 3- and 5-digit ones (类/款) and codes already present are only named; economic
   * codes (`kind: 'economic'`) join table 06 or are named. A code already in place is not an
   * error here (a pasted block repeats them). Everything is checked before anything changes;
   * an InputError lists every bad code. Unnamed codes are allowed: the 审核 reports them.
   */
  addCodes(specs: readonly CodeSpec[]): EditResult {
    return this.relayout(this.withCodes(this.doc, specs));
  }

  /** Names (or renames) a code of any level; a blank name removes the user's name (catalogue again). */
  setCodeName(code: string, name: string, kind: 'function' | 'economic' = 'function'): EditResult {
    const valid = kind === 'function' ? /^\d{3}(\d{2}){0,2}$/.test(code) : /^\d{3}(\d{2})?$/.test(code);
    if (!valid) throw new InputError(`「${code}」不是有效的${kind === 'function' ? '功能' : '经济'}分类科目编码`);
    const key = kind === 'function' ? 'customCodes' : 'economicNames';
    const names = { ...this.doc[key] };
    const n = name.trim();
    if (n.length > 60) throw new InputError('科目名称不能超过60个字');
    if (n) names[code] = n;
    else delete names[code];
    return this.relayout({ ...this.doc, [key]: names });
  }

  /**
   * Codes, names and values in one rebuild (a pasted block): the document after `codes` is laid
   * out, then every value is parsed against that layout. Values for cells that are not inputs
   * there are returned as rejected, with the reason; nothing else is lost.
   */
  applyBatch(batch: BatchInput): EditResult & { rejected: { sheet: AnySheetId; row: string; col: string; raw: unknown; reason: string }[] } {
    let doc = this.withCodes(this.doc, batch.codes ?? []);
    const book = new CodeBook(doc, this.env.catalogues);
    const layout = buildLayout(this.env.template, doc, book);
    const rejected: { sheet: AnySheetId; row: string; col: string; raw: unknown; reason: string }[] = [];
    const accepted: { sheet: SheetId; row: string; col: string; value: string | null }[] = [];
    for (const e of batch.inputs ?? []) {
      const s = layout.byId.get(e.sheet);
      const p = s?.index.get(`${e.row}|${e.col}`);
      const cell = p ? s!.cells[p.r]![p.c] : undefined;
      if (!cell || cell.t !== 'input') {
        rejected.push({ ...e, reason: cell ? '该单元格由公式自动计算，不能直接修改' : '该单元格不存在' });
        continue;
      }
      try {
        accepted.push({ sheet: e.sheet as SheetId, row: e.row, col: e.col, value: cell.format === 'count' ? parseCount(e.raw) : parseAmount(e.raw) });
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        rejected.push({ ...e, reason: err.message });
      }
    }
    doc = withInputs(doc, accepted);
    return { ...this.relayout(doc, { book, layout }), rejected };
  }

  /** The document with `specs` applied (validated all first). */
  private withCodes(doc: WorkbookDocument, specs: readonly CodeSpec[]): WorkbookDocument {
    const problems: string[] = [];
    const codes = { gpb: [...doc.codes.gpb], gf: [...doc.codes.gf], soe: [...doc.codes.soe] };
    const customCodes = { ...doc.customCodes };
    const economicNames = { ...doc.economicNames };
    const economicCodes = new Set(doc.economicCodes);
    const econDef = this.env.template.tables.find((t) => t.kind === 'economic');
    for (const spec of specs) {
      const code = spec.code.trim();
      const name = spec.name?.trim().slice(0, 60);
      if (spec.kind === 'economic') {
        if (!/^\d{3}(\d{2})?$/.test(code)) {
          problems.push(`「${code}」不是3位或5位的经济分类科目编码`);
          continue;
        }
        if (code.length === 5) {
          if (!econDef || econDef.kind !== 'economic') {
            problems.push('模板没有经济分类明细表');
            continue;
          }
          if (!econDef.groups.flat().includes(code.slice(0, 3))) {
            problems.push(`本模板的06表不含 ${code.slice(0, 3)} 类科目（${code}）`);
            continue;
          }
          if (!econDef.codes.includes(code)) economicCodes.add(code);
        }
        if (name) economicNames[code] = name;
        continue;
      }
      if (!/^\d{3}(\d{2}){0,2}$/.test(code)) {
        problems.push(`「${code}」不是3、5或7位的功能分类科目编码`);
        continue;
      }
      if (name) customCodes[code] = name;
      if (code.length === 7) {
        const list = codes[spec.fund ?? 'gpb'];
        if (!list.includes(code)) list.push(code);
      }
    }
    if (problems.length) throw new InputError(problems.join('；'));
    for (const f of FUNDS) codes[f].sort();
    return { ...doc, codes, customCodes, economicNames, economicCodes: [...economicCodes].sort() };
  }

  /** Removes a 项 code for a fund, with its inputs in the tables where it no longer appears. */
  removeCode(fund: Fund, code: string): EditResult {
    if (!this.doc.codes[fund].includes(code)) throw new InputError(`科目 ${code} 不在表中`);
    const codes = { ...this.doc.codes, [fund]: this.doc.codes[fund].filter((c) => c !== code) };
    const next = new CodeBook({ codes, customCodes: this.doc.customCodes }, this.env.catalogues);
    const inputs = { ...this.doc.inputs };
    for (const def of this.env.template.tables) {
      if (def.kind === 'function' && !next.items(def.funds).includes(code) && inputs[def.id]?.[code]) {
        const rows = { ...inputs[def.id] };
        delete rows[code];
        inputs[def.id] = rows;
      }
    }
    // 补充资料 rows per 项 (年初预算, 非财政拨款支出) go when their code leaves their funds.
    for (const p of this.env.template.supplement.flatMap((s) => (s.perItem ? [s.perItem] : []))) {
      const id = substitute(p.id, { code });
      if (!next.items(p.funds ?? ['gpb']).includes(code) && inputs.sup?.[id]) {
        const rows = { ...inputs.sup };
        delete rows[id];
        inputs.sup = rows;
      }
    }
    return this.rebuild({ ...this.doc, codes, inputs });
  }

  /** Adds an economic 款 code to table 06 (its class must be one the template prints). */
  addEconomicCode(code: string): EditResult {
    const def = this.env.template.tables.find((t) => t.kind === 'economic');
    if (!def || def.kind !== 'economic') throw new InputError('模板没有经济分类明细表');
    if (!/^\d{5}$/.test(code)) throw new InputError(`「${code}」不是5位的经济分类款级科目编码`);
    if (!def.groups.flat().includes(code.slice(0, 3))) throw new InputError(`本模板的${def.publicNo}不含 ${code.slice(0, 3)} 类科目`);
    if (def.codes.includes(code) || this.doc.economicCodes.includes(code)) throw new InputError(`科目 ${code} 已在表中`);
    if (this.book.economicNameOf(code) === null) throw new InputError(`目录中没有经济分类科目 ${code}`);
    return this.relayout({ ...this.doc, economicCodes: [...this.doc.economicCodes, code].sort() });
  }

  removeEconomicCode(code: string): EditResult {
    if (!this.doc.economicCodes.includes(code)) throw new InputError(`科目 ${code} 是模板规定的科目，不能删除`);
    const inputs = { ...this.doc.inputs };
    for (const def of this.env.template.tables) {
      if (def.kind !== 'economic' || !inputs[def.id]?.[code]) continue;
      const rows = { ...inputs[def.id] };
      delete rows[code];
      inputs[def.id] = rows;
    }
    return this.rebuild({ ...this.doc, economicCodes: this.doc.economicCodes.filter((c) => c !== code), inputs });
  }

  setMeta(meta: Partial<Pick<WorkbookDocument['meta'], 'department' | 'year'>>): EditResult {
    return this.rebuild({ ...this.doc, meta: { ...this.doc.meta, ...meta } });
  }

  setText(id: string, text: string): void {
    const texts = { ...this.doc.texts };
    if (text.trim() === '') delete texts[id];
    else texts[id] = text;
    this.doc = { ...this.doc, texts };
    this.auditList = null;
    // Editing a carried text is reviewing it.
    this.confirmText(id);
    // The indicator sheet prints department-named indicators: keep its layout (and XLSX) current.
    if (isIndicatorLayoutText(id) && this.layout.byId.has(INDICATOR_SHEET)) this.build(this.doc);
  }

  /** Replaces the 部门决算单位构成 list (names trimmed; blank names dropped). */
  setUnits(units: readonly WorkbookUnit[]): void {
    const clean = units.map((u) => ({ name: u.name.trim(), note: u.note.trim() })).filter((u) => u.name !== '');
    this.doc = { ...this.doc, units: clean };
    this.auditList = null;
  }

  /**
   * Sets the 审核 bands (2-dp amounts, rounding ≤ error); throws InputError with a Chinese message
   * otherwise. The 审核 sheet's 结果 column follows, so the workbook is rebuilt.
   */
  setAuditTolerance(rounding: unknown, error: unknown): EditResult {
    const r = parseAmount(rounding);
    const e = parseAmount(error);
    if (r === null || e === null || r.startsWith('-') || e.startsWith('-')) throw new InputError('审核容差应为非负金额');
    if (Number(r) > Number(e)) throw new InputError('尾差容差不应大于错误界限');
    return this.rebuild({ ...this.doc, auditTolerance: { rounding: r, error: e } });
  }

  /** The published 情况说明 under review (表文核对); null removes it. Derived findings follow it. */
  setPublishedText(published: PublishedText | null): void {
    const { publishedText: _gone, ...doc } = this.doc;
    this.doc = published && published.text.trim() ? { ...doc, publishedText: { ...published, text: published.text.slice(0, MAX_PUBLISHED_TEXT) } } : doc;
  }

  /** The user has checked a text carried from last year: it no longer waits for review. */
  confirmText(id: string): void {
    const rest = (this.doc.reviewTexts ?? []).filter((x) => x !== id);
    if (rest.length === (this.doc.reviewTexts ?? []).length) return;
    const { reviewTexts: _gone, ...doc } = this.doc;
    this.doc = rest.length ? { ...doc, reviewTexts: rest } : doc;
    this.auditList = null;
  }

  text(id: string): string {
    return this.doc.texts[id] ?? this.env.template.texts.find((t) => t.id === id)?.default ?? '';
  }

  /** Replaces the whole document (import, scenario switch, another tab's save). */
  replaceDocument(doc: WorkbookDocument): EditResult {
    return this.rebuild(doc);
  }

  /**
   * Goes back or forth to another version of this workbook's document (undo/redo of a structural
   * step): in place when its rows are the current ones plus or minus some (a paste undone), else
   * rebuilt. The document just left is laid out already, so an undo right after a paste and its
   * redo skip the layout as well.
   */
  stepTo(doc: WorkbookDocument): EditResult {
    const known = this.left?.doc === doc ? this.left : undefined;
    return this.relayout(doc, known);
  }

  private rebuild(doc: WorkbookDocument, pre?: { book: CodeBook; layout: WorkbookLayout }): EditResult {
    this.build(doc, pre);
    return { changes: [], structural: true };
  }

  /** Live 审核 findings (failing rules only). */
  audit(): readonly Finding[] {
    // A rule depends only on its own 审核 row, so edits refresh just the rules whose row
    // changed (see setInputs); a full pass happens once per build.
    this.findings ??= new Map(this.layout.rules.map((rule) => [rule.rowId, this.evaluateRule(rule)]));
    this.nameFindings ??= this.unnamedFindings();
    // Views ask after every edit; most edits change no finding, so the list is kept until one does.
    return (this.auditList ??= [...this.nameFindings, ...this.reviewFindings(), ...[...this.findings.values()].filter((f): f is Finding => f !== null), ...this.printedFindings()]);
  }

  /** One 提示 per text carried from last year that still waits for review. */
  private reviewFindings(): Finding[] {
    return (this.doc.reviewTexts ?? []).map((id) => {
      const label = this.env.template.texts.find((t) => t.id === id)?.label ?? id;
      return {
        ruleId: CARRIED_TEXT_RULE,
        rowId: `${CARRIED_TEXT_RULE}:${id}`,
        severity: 'warning' as const,
        title: '上年结转的文字待核对',
        message: `「${label}」从上年结转，写有上年的年份、人数或日期：请在情况说明中核对，修改或点“确认”`,
        left: null,
        right: null,
        diff: null,
        cells: [],
      };
    });
  }

  /**
   * The printed figure of a computed cell when it differs from the recomputed one (审查), with the
   * severity the workbook's 审核 bands give it; undefined for equal, unprinted or non-computed cells.
   */
  printedDifference(sheet: AnySheetId, row: string, col: string): PrintedDifference | undefined {
    const raw = this.doc.printed?.[sheet as SheetId]?.[row]?.[col];
    if (raw === undefined) return undefined;
    const a = this.addr(sheet, row, col);
    if (a?.cell?.t !== 'formula' || a.cell.format !== 'amount') return undefined;
    const blank = raw === '';
    const printed = dec(blank ? 0 : raw);
    const computed = this.amount(sheet, row, col) ?? dec(0);
    const diff = printed.minus(computed);
    if (diff.isZero()) return undefined;
    const tol = this.doc.auditTolerance;
    return { printed, blank, computed, diff, severity: diff.abs().gt(dec(tol.error)) ? 'error' : 'warning' };
  }

  /**
   * One finding (or null) per printed computed cell, in layout order. Built once per build like the
   * rule findings; an edit re-evaluates only the printed cells whose value it changed (setInputs).
   */
  private printedFindings(): Finding[] {
    const printed = this.doc.printed;
    if (!printed) return [];
    if (!this.printedCache) {
      this.printedCache = new Map();
      for (const s of this.layout.sheets) {
        const rows = printed[s.id as SheetId];
        if (!rows) continue;
        for (const [row, cols] of Object.entries(rows)) {
          for (const col of Object.keys(cols)) this.printedCache.set(cellKey(s.id, row, col), this.printedFinding(s.id, row, col));
        }
      }
    }
    return [...this.printedCache.values()].filter((f): f is Finding => f !== null);
  }

  /** Re-evaluates the cached printed findings of cells an edit changed. */
  private refreshPrinted(changes: readonly { sheet: AnySheetId; row: string; col: string }[]): void {
    const cache = this.printedCache;
    if (!cache) return;
    for (const c of changes) {
      const key = cellKey(c.sheet, c.row, c.col);
      if (!cache.has(key)) continue;
      const next = this.printedFinding(c.sheet, c.row, c.col);
      if (next !== null || cache.get(key) !== null) this.auditList = null;
      cache.set(key, next);
    }
  }

  private printedFinding(sheet: AnySheetId, row: string, col: string): Finding | null {
    const d = this.printedDifference(sheet, row, col);
    if (!d) return null;
    const s = this.layout.sheets.find((x) => x.id === sheet)!;
    const namer = (this.printedNamer ??= new CellNamer(this));
    const tol = { rounding: dec(this.doc.auditTolerance.rounding), error: dec(this.doc.auditTolerance.error) };
    // A bare number (Shanghai prints 六、) says little in a list: the table's title goes with it.
    const tableName = s.publicNo.includes('表') ? s.publicNo : `${s.publicNo}${s.title}`;
    const name = `${tableName} ${namer.name(sheet, row, col).short}`;
    const P = d.blank ? '空白' : formatAmount(d.printed);
    const C = formatAmount(d.computed);
    const arithmetic = `印刷数 ${d.blank ? '空白（按 0.00）' : P} − 计算数 ${C} = ${formatAmount(d.diff)}`;
    const gap = formatAmount(d.diff.abs());
    const message =
      d.severity === 'error'
        ? `${name}印刷为 ${P}，按公式重算为 ${C}：${arithmetic}，相差 ${gap}，超出错误界限 ${formatAmount(tol.error)}，可能漏印、错印或颠倒了数字`
        : d.diff.abs().lte(tol.rounding)
          ? `尾差：${name}印刷为 ${P}，按公式重算为 ${C}：${arithmetic}，相差 ${gap}，在尾差容差 ${formatAmount(tol.rounding)} 以内，可能是四舍五入差，请核实`
          : `${name}印刷为 ${P}，按公式重算为 ${C}：${arithmetic}，相差 ${gap}，超出尾差容差 ${formatAmount(tol.rounding)}（错误界限 ${formatAmount(tol.error)}），请核实`;
    return {
      ruleId: PRINTED_RULE,
      rowId: `${PRINTED_RULE}:${sheet}:${row}:${col}`,
      severity: d.severity,
      title: '印刷数与计算数不符',
      message,
      left: d.printed,
      right: d.computed,
      diff: d.diff,
      cells: [{ sheet, row, col }],
      tolerance: tol,
    };
  }

  /** One 错误 per code shown in a table without a name (user's or catalogue's). */
  private unnamedFindings(): Finding[] {
    const out: Finding[] = [];
    const base = { ruleId: CODE_NAME_RULE, severity: 'error' as const, title: '科目缺少名称', left: null, right: null, diff: null };
    const seen = new Set<string>();
    for (const def of this.env.template.tables) {
      if (def.kind === 'function') {
        const col = def.columns.find((c) => !c.formula)?.key ?? def.columns[0]!.key;
        for (const code of this.book.unnamed(def.funds)) {
          if (seen.has(code)) continue;
          seen.add(code);
          out.push({ ...base, rowId: `${CODE_NAME_RULE}:${code}`, message: `科目 ${code} 没有名称：请导入科目表，或选中该行后点“科目命名”填写`, cells: [{ sheet: def.id, row: code, col }] });
        }
      } else if (def.kind === 'economic') {
        const codes = [...new Set([...def.groups.flat(), ...def.codes, ...this.doc.economicCodes])].sort();
        for (const code of codes) {
          if (this.book.economicNameOf(code) !== null) continue;
          out.push({ ...base, rowId: `${CODE_NAME_RULE}:e${code}`, message: `经济分类科目 ${code} 没有名称：请导入科目表，或选中该行后点“科目命名”填写`, cells: [{ sheet: def.id, row: code, col: 'amount' }] });
        }
      }
    }
    return out;
  }

  private evaluateRule(rule: ExpandedRule): Finding | null {
    const lv = this.value('audit', rule.rowId, 'left');
    const rv = this.value('audit', rule.rowId, 'right');
    const asNum = (v: CellValue) => (v === null || v === '' ? 0 : v);
    const l = asNum(lv);
    const r = asNum(rv);
    // Rounding keeps order, so raw values that already pass pass rounded too (no decimal.js work).
    if (typeof l === 'number' && typeof r === 'number' && (rule.def.op === '=' ? l === r : rule.def.op === '<=' ? l <= r : l >= r)) return null;
    if (typeof l !== 'number' || typeof r !== 'number') {
      return ruleFinding(rule, 'error', `${rule.title}：参与审核的单元格有错误或非数字内容，无法比较`, null, null, null);
    }
    const { L, R, diff, sign, text } = auditAmounts(l, r);
    let severity: AuditSeverity = rule.def.severity;
    let message: string;
    if (rule.def.op === '=') {
      if (sign === 0) return null;
      // Rules between independently entered figures allow rounding: the workbook's bands.
      const bands = rule.def.tolerance === undefined ? null : toleranceOf(auditBands(rule.def, this.doc.auditTolerance));
      const both = `${rule.leftLabel}（${text.L}）与${rule.rightLabel}（${text.R}）`;
      const gap = bands && diff.abs();
      if (bands && gap!.lte(bands.rounding)) {
        severity = 'warning';
        message = `尾差：${both}相差 ${text.gap}，在尾差容差 ${bands.text.rounding} 以内，可能是四舍五入差，请核实`;
      } else if (bands && gap!.lte(bands.error)) {
        severity = 'warning';
        message = `${both}相差 ${text.gap}，超出尾差容差 ${bands.text.rounding}（错误界限 ${bands.text.error}），请核实`;
      } else {
        message = `${both}不相等，差额 ${text.diff}`;
      }
      if (bands) return { ...ruleFinding(rule, severity, message, L, R, diff), tolerance: { rounding: bands.rounding, error: bands.error } };
    } else if (rule.def.op === '<=') {
      if (sign <= 0) return null;
      message = `${rule.leftLabel}（${text.L}）大于${rule.rightLabel}（${text.R}），超出 ${text.diff}`;
    } else {
      if (sign >= 0) return null;
      message = `${rule.leftLabel}（${text.L}）小于${rule.rightLabel}（${text.R}），相差 ${text.gap}`;
    }
    return ruleFinding(rule, severity, message, L, R, diff);
  }
}

/**
 * The two sides of a failing 审核 comparison rounded half-up to cents, their difference and the
 * texts a message quotes. Figures within two decimals (nearly all) are done in whole cents, the
 * rest with decimal.js: the same values and texts either way, at a fraction of the cost per edit.
 */
function auditAmounts(l: number, r: number): { L: Decimal; R: Decimal; diff: Decimal; sign: number; text: { L: string; R: string; diff: string; gap: string } } {
  const lc = centsOf(l);
  const rc = centsOf(r);
  if (lc !== null && rc !== null) {
    const dc = lc - rc;
    return {
      L: dec(centsText(lc)),
      R: dec(centsText(rc)),
      diff: dec(centsText(dc)),
      sign: Math.sign(dc),
      text: { L: formatCents(lc), R: formatCents(rc), diff: formatCents(dc), gap: formatCents(Math.abs(dc)) },
    };
  }
  const L = roundHalfUp(l);
  const R = roundHalfUp(r);
  const diff = L.minus(R);
  return { L, R, diff, sign: diff.isZero() ? 0 : diff.isNegative() ? -1 : 1, text: { L: formatAmount(L), R: formatAmount(R), diff: formatAmount(diff), gap: formatAmount(diff.abs()) } };
}

/** A rule's finding, built in one literal: spreading a shared base into it cost more than the rest of a judgement. */
function ruleFinding(rule: ExpandedRule, severity: AuditSeverity, message: string, left: Decimal | null, right: Decimal | null, diff: Decimal | null): Finding {
  return { ruleId: rule.def.id, rowId: rule.rowId, title: rule.title, cells: rule.cells, severity, message, left, right, diff };
}

type Tolerance = { rounding: Decimal; error: Decimal; text: { rounding: string; error: string } };
/** The workbook's 审核 bands, rounded and printed once per pair of values (a few per workbook). */
const tolerances = new Map<string, Tolerance>();
function toleranceOf(bands: { rounding: number; error: number }): Tolerance {
  const key = `${bands.rounding}|${bands.error}`;
  let t = tolerances.get(key);
  if (!t) {
    const rounding = roundHalfUp(bands.rounding);
    const error = roundHalfUp(bands.error);
    t = { rounding, error, text: { rounding: formatAmount(rounding), error: formatAmount(error) } };
    if (tolerances.size < 64) tolerances.set(key, t);
  }
  return t;
}

/** Map key of one cell by ids. */
function cellKey(sheet: string, row: string, col: string): string {
  return `${sheet}\u0000${row}\u0000${col}`;
}
