// A workbook being edited: the engine plus undo/redo and change notification. No DOM.
// Every accepted change emits 'change' with the new document, so autosave and views follow it.
import { InputError } from '../model/amount';
import type { PublishedText, WorkbookDocument, WorkbookUnit } from '../model/document';
import type { Fund } from '../model/ids';
import type { AnySheetId } from '../model/template';
import type { BatchInput, CellChange, CodeSpec, EditResult, WorkbookEngine } from '../engine';

export interface CellEdit {
  sheet: AnySheetId;
  row: string;
  col: string;
  raw: unknown;
  /** The printed figure of a computed cell (审查), not an input. */
  printed?: boolean;
}

/** One undoable step: value edits are replayed cell by cell; structural steps swap documents. */
type UndoEntry =
  | { kind: 'values'; label: string; before: CellEdit[]; after: CellEdit[] }
  | { kind: 'document'; label: string; before: WorkbookDocument; after: WorkbookDocument };

export type SessionEvent =
  | { type: 'values'; changes: CellChange[] }
  | { type: 'structure' }
  | { type: 'change'; doc: WorkbookDocument; label: string };

export type SessionListener = (e: SessionEvent) => void;

const UNDO_LIMIT = 200;

export class WorkbookSession {
  private undoStack: UndoEntry[] = [];
  private redoStack: UndoEntry[] = [];
  private listeners = new Set<SessionListener>();
  private readOnlyReason: string | null = null;

  constructor(readonly engine: WorkbookEngine) {}

  /** Why changes are refused (another tab is editing), or null. */
  get readOnly(): string | null {
    return this.readOnlyReason;
  }

  /** Refuses every change with InputError(reason) until called with null; undo/redo do nothing meanwhile. */
  setReadOnly(reason: string | null): void {
    this.readOnlyReason = reason;
  }

  private guard(): void {
    if (this.readOnlyReason) throw new InputError(this.readOnlyReason);
  }

  get doc(): WorkbookDocument {
    return this.engine.document();
  }

  subscribe(fn: SessionListener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private emit(e: SessionEvent): void {
    for (const fn of this.listeners) fn(e);
  }

  /**
   * Builds the formula engine an open deferred (the first table was painted from the evaluator's
   * values): call once that table is on screen. Views get any value the engine computed otherwise.
   */
  finishOpen(): void {
    const corrections = this.engine.finishOpen();
    if (corrections.length) this.emit({ type: 'values', changes: corrections });
  }

  private stored(e: Pick<CellEdit, 'sheet' | 'row' | 'col' | 'printed'>): string | null {
    if (e.printed) return this.engine.printedValue(e.sheet, e.row, e.col);
    if (e.sheet === 'fig' || e.sheet === 'audit' || e.sheet === 'perf') return null;
    return this.doc.inputs[e.sheet]?.[e.row]?.[e.col] ?? null;
  }

  private publish(result: EditResult, label: string): void {
    if (result.structural) this.emit({ type: 'structure' });
    else this.emit({ type: 'values', changes: result.changes });
    this.emit({ type: 'change', doc: this.doc, label });
  }

  private push(entry: UndoEntry): void {
    this.undoStack.push(entry);
    if (this.undoStack.length > UNDO_LIMIT) this.undoStack.shift();
    this.redoStack = [];
  }

  /**
   * Applies edits of inputs and of printed figures (审查), validated all-or-nothing; throws
   * InputError naming the bad value.
   */
  edit(edits: CellEdit[], label = '修改数值'): EditResult {
    this.guard();
    const before = edits.map((e) => ({ sheet: e.sheet, row: e.row, col: e.col, printed: e.printed, raw: this.stored(e) }));
    const result = this.write(edits);
    const after = edits.map((e) => ({ ...e, raw: this.stored(e) }));
    if (after.every((a, i) => a.raw === before[i]!.raw)) return result;
    this.push({ kind: 'values', label, before, after });
    this.publish(result, label);
    return result;
  }

  /** Inputs through the engine's recalculation, printed figures beside them; nothing applied if any is bad. */
  private write(edits: readonly CellEdit[]): EditResult {
    const printed = edits.filter((e) => e.printed);
    if (!printed.length) return this.engine.setInputs(edits as CellEdit[]);
    for (const e of printed) this.engine.parsePrinted(e.sheet, e.row, e.col, e.raw);
    const inputs = edits.filter((e) => !e.printed);
    const a = inputs.length ? this.engine.setInputs(inputs) : { changes: [], structural: false };
    const b = this.engine.setPrinted(printed);
    return { changes: [...a.changes, ...b.changes], structural: false };
  }

  /** A structural change (codes, meta, import): the whole document is the undo unit. */
  private structural(label: string, fn: () => EditResult): EditResult {
    this.guard();
    const before = this.doc;
    const result = fn();
    this.push({ kind: 'document', label, before, after: this.doc });
    this.publish(result, label);
    return result;
  }

  addCode(fund: Fund, code: string, name?: string): EditResult {
    return this.structural(`添加科目 ${code}`, () => this.engine.addCode(fund, code, name));
  }
  /** Many codes (with names) in one rebuild and one undo step. */
  addCodes(specs: readonly CodeSpec[], label = `添加 ${specs.length} 个科目`): EditResult {
    return this.structural(label, () => this.engine.addCodes(specs));
  }
  /** Names or renames a code of any level (blank: back to the catalogue's name). */
  setCodeName(code: string, name: string, kind: 'function' | 'economic' = 'function'): EditResult {
    return this.structural(`科目命名 ${code}`, () => this.engine.setCodeName(code, name, kind));
  }
  /** Codes, names and values (a pasted block) in one rebuild and one undo step. */
  applyBatch(batch: BatchInput, label: string): ReturnType<WorkbookEngine['applyBatch']> {
    let out: ReturnType<WorkbookEngine['applyBatch']> | undefined;
    this.structural(label, () => (out = this.engine.applyBatch(batch)));
    return out!;
  }
  removeCode(fund: Fund, code: string): EditResult {
    return this.structural(`删除科目 ${code}`, () => this.engine.removeCode(fund, code));
  }
  addEconomicCode(code: string): EditResult {
    return this.structural(`添加经济分类科目 ${code}`, () => this.engine.addEconomicCode(code));
  }
  removeEconomicCode(code: string): EditResult {
    return this.structural(`删除经济分类科目 ${code}`, () => this.engine.removeEconomicCode(code));
  }
  setMeta(meta: { department?: string; year?: number }): EditResult {
    return this.structural('修改部门或年度', () => this.engine.setMeta(meta));
  }
  replaceDocument(doc: WorkbookDocument, label: string): EditResult {
    return this.structural(label, () => this.engine.replaceDocument(doc));
  }

  /**
   * Shows a document someone else stored (another tab's save). Not this user's step: undo/redo
   * are cleared, since their entries describe the document being replaced. Allowed when read-only.
   */
  reload(doc: WorkbookDocument, label: string): EditResult {
    const result = this.engine.replaceDocument(doc);
    this.undoStack = [];
    this.redoStack = [];
    this.publish(result, label);
    return result;
  }

  /** 部门决算单位构成, saved like free text (one step, not undoable line by line). */
  setUnits(units: readonly WorkbookUnit[]): void {
    this.guard();
    this.engine.setUnits(units);
    this.emit({ type: 'change', doc: this.doc, label: '修改部门决算单位构成' });
  }

  /** The 审核 bands (尾差, 错误界限): one undoable step; throws InputError for a bad pair. */
  setAuditTolerance(rounding: unknown, error: unknown): EditResult {
    return this.structural('修改审核容差', () => this.engine.setAuditTolerance(rounding, error));
  }

  /** Free text is not undoable cell by cell; it is saved like any other change. */
  setText(id: string, text: string): void {
    this.guard();
    this.engine.setText(id, text);
    this.emit({ type: 'change', doc: this.doc, label: '修改文字' });
  }

  /** The published 情况说明 under review (表文核对), saved with the workbook; null removes it. */
  setPublishedText(published: PublishedText | null): void {
    this.guard();
    this.engine.setPublishedText(published);
    this.emit({ type: 'change', doc: this.doc, label: published ? '表文核对：读入文字' : '表文核对：清除文字' });
  }

  /** Confirms a text carried from last year (its review mark and 提示 go); saved like text. */
  confirmText(id: string): void {
    this.guard();
    this.engine.confirmText(id);
    this.emit({ type: 'change', doc: this.doc, label: '确认上年结转的文字' });
  }

  canUndo(): boolean {
    return !this.readOnlyReason && this.undoStack.length > 0;
  }
  canRedo(): boolean {
    return !this.readOnlyReason && this.redoStack.length > 0;
  }

  undo(): string | null {
    if (this.readOnlyReason) return null;
    const entry = this.undoStack.pop();
    if (!entry) return null;
    this.apply(entry, 'undo');
    this.redoStack.push(entry);
    return entry.label;
  }

  redo(): string | null {
    if (this.readOnlyReason) return null;
    const entry = this.redoStack.pop();
    if (!entry) return null;
    this.apply(entry, 'redo');
    this.undoStack.push(entry);
    return entry.label;
  }

  private apply(entry: UndoEntry, dir: 'undo' | 'redo'): void {
    const label = `${dir === 'undo' ? '撤销' : '重做'}：${entry.label}`;
    if (entry.kind === 'document') {
      this.publish(this.engine.stepTo(dir === 'undo' ? entry.before : entry.after), label);
      return;
    }
    this.publish(this.write(dir === 'undo' ? entry.before : entry.after), label);
  }
}
