// HyperFormula 3.5 internals that make row insertion and removal cheap for our workbook (pinned
// version; each step checks what it relies on and otherwise leaves HF's own path, slower, same
// result). Only insert-rows.ts uses this; nothing here knows the layout or the document.
import type { HyperFormula } from 'hyperformula';

// One transformation for every span of inserted rows. HyperFormula queues one per span (45 for a
// 100-code paste) and, past 50 queued, makes every formula of the workbook (30,000) apply each of
// them, copying its whole AST each time: most of a paste. Under HF's own "combined mode" the spans
// become one queue entry whose transform walks an AST once, moves each reference through the spans
// in order (HF's own per-span arithmetic) and copies only nodes that moved; formulas nothing
// reads stay lazy. A reference that becomes #REF (only a removal does that) is left to HF's own
// per-span transforms.

interface Addr {
  sheet: number;
  row: number;
  col: number;
}
interface Ref {
  sheet?: number;
}
interface RowStep {
  readonly sheet?: number;
  transformSingleAst(ast: unknown, address: Addr): [unknown, Addr];
  fixNodeAddress(address: Addr): Addr;
  transformCellAddress?(ref: Ref, at: Addr): Ref | false | string;
  transformCellRange?(start: Ref, end: Ref, at: Addr): [Ref, Ref] | false | string;
  transformRowRange?(start: Ref, end: Ref, at: Addr): [Ref, Ref] | false | string;
  performEagerTransformations(graph: unknown, parser: unknown): void;
}
interface AstNode {
  type: string;
  [k: string]: unknown;
}
interface LazyService {
  version?(): number;
  versionOffset?: number;
  transformations?: RowStep[];
  beginCombinedMode?(sheet: number): void;
  commitCombinedMode?(): number;
  combinedTransformer?: unknown;
}

const MOVED_REF = Symbol('ref');
/** HF's row insertion step (anything else queued in between keeps HF's own transforms). */
const isRowStep = (t: RowStep) => typeof t.transformCellAddress === 'function' && typeof t.transformCellRange === 'function' && typeof t.transformRowRange === 'function';

type Transform = (ast: unknown, address: Addr) => [unknown, Addr];

class RowMoves {
  readonly steps: RowStep[] = [];
  private simple: boolean | undefined;
  /** `fallback`: HF's own transform of these steps, for a formula whose reference becomes #REF. */
  constructor(
    readonly sheet: number,
    private readonly fallback?: Transform,
  ) {}
  add(step: RowStep): void {
    this.steps.push(step);
  }
  performEagerTransformations(graph: unknown, parser: unknown): void {
    for (const t of this.steps) t.performEagerTransformations(graph, parser);
  }
  isIrreversible(): boolean {
    return false;
  }
  transformSingleAst(ast: unknown, address: Addr): [unknown, Addr] {
    const at = [address];
    for (const t of this.steps) at.push(t.fixNodeAddress(at[at.length - 1]!));
    this.simple ??= this.steps.every(isRowStep);
    try {
      if (this.simple) return [this.walk(ast as AstNode, at), at[at.length - 1]!];
    } catch (e) {
      if (e !== MOVED_REF) throw e;
    }
    if (this.fallback) return this.fallback(ast, address);
    let out: [unknown, Addr] = [ast, address];
    for (const t of this.steps) out = t.transformSingleAst(out[0], out[1]);
    return out;
  }
  private walk(ast: AstNode, at: Addr[]): AstNode {
    switch (ast.type) {
      case 'CELL_REFERENCE': {
        let ref = ast.reference as Ref;
        const dep = ref.sheet ?? at[0]!.sheet;
        for (let i = 0; i < this.steps.length; i++) {
          if (this.idle(i, dep, at[0]!.sheet)) continue;
          const r = this.steps[i]!.transformCellAddress!(ref, at[i]!);
          if (typeof r === 'string') throw MOVED_REF;
          if (r) ref = r;
        }
        return ref === ast.reference ? ast : { ...ast, reference: ref };
      }
      case 'CELL_RANGE':
      case 'ROW_RANGE': {
        let start = ast.start as Ref;
        let end = ast.end as Ref;
        const dep = start.sheet ?? at[0]!.sheet;
        for (let i = 0; i < this.steps.length; i++) {
          if (this.idle(i, dep, at[0]!.sheet)) continue;
          const t = this.steps[i]!;
          const r = ast.type === 'CELL_RANGE' ? t.transformCellRange!(start, end, at[i]!) : t.transformRowRange!(start, end, at[i]!);
          if (typeof r === 'string') throw MOVED_REF;
          if (r) [start, end] = r;
        }
        return start === ast.start && end === ast.end ? ast : { ...ast, start, end };
      }
      case 'PERCENT_OP':
      case 'MINUS_UNARY_OP':
      case 'PLUS_UNARY_OP':
        return this.child(ast, 'value', at);
      case 'PARENTHESES':
        return this.child(ast, 'expression', at);
      case 'FUNCTION_CALL': {
        const args = ast.args as AstNode[];
        let next: AstNode[] | null = null;
        for (let i = 0; i < args.length; i++) {
          const a = this.walk(args[i]!, at);
          if (a !== args[i]) (next ??= args.slice())[i] = a;
        }
        return next ? { ...ast, args: next } : ast;
      }
      case 'ARRAY': {
        const rows = ast.args as AstNode[][];
        const next = rows.map((row) => row.map((a) => this.walk(a, at)));
        return next.every((row, i) => row.every((a, j) => a === rows[i]![j])) ? ast : { ...ast, args: next };
      }
      default:
        if (ast.left && ast.right) {
          const left = this.walk(ast.left as AstNode, at);
          const right = this.walk(ast.right as AstNode, at);
          return left === ast.left && right === ast.right ? ast : { ...ast, left, right };
        }
        // Numbers, strings, errors, names, column ranges (rows do not move them).
        return ast;
    }
  }
  /** A step on a sheet that is neither the formula's nor the reference's moves nothing (HF's "case 4/5"). */
  private idle(i: number, dep: number, own: number): boolean {
    const sheet = this.steps[i]!.sheet;
    return sheet !== undefined && sheet !== dep && sheet !== own;
  }
  private child(ast: AstNode, key: string, at: Addr[]): AstNode {
    const next = this.walk(ast[key] as AstNode, at);
    return next === ast[key] ? ast : { ...ast, [key]: next };
  }
}

/**
 * Starts collecting the row insertions that follow into one HF transformation; `commit` queues it.
 * Null (HF's per-span path) when a HyperFormula upgrade moved the internals this relies on.
 */
export function combineRowMoves(hf: HyperFormula): { commit(): void } | null {
  const svc = hf.lazilyTransformingAstService as unknown as LazyService;
  if (typeof svc.beginCombinedMode !== 'function' || typeof svc.commitCombinedMode !== 'function' || svc.combinedTransformer !== undefined) return null;
  svc.beginCombinedMode(0);
  if (svc.combinedTransformer === undefined) return null;
  const steps = new RowMoves(0);
  svc.combinedTransformer = steps;
  return {
    commit() {
      if (steps.steps.length) svc.commitCombinedMode!();
      else svc.combinedTransformer = undefined;
    },
  };
}

/**
 * Removed rows cannot share one transformation while HF removes them (it reads the formulas of
 * removed cells between spans, which must have seen the spans before). Once removed, the spans
 * queued since `version` become one: the first entry transforms through all of them and the rest
 * do nothing, so every version number keeps its meaning. Formulas HF brought part-way meanwhile
 * are brought to the end first. Only with HF's undo off (a removal step otherwise records each
 * formula for undo).
 */
export function combineRowRemovals(hf: HyperFormula, version: number): boolean {
  const svc = hf.lazilyTransformingAstService as unknown as LazyService;
  const list = svc.transformations;
  const graph = (hf.dependencyGraph as unknown as { graph?: { getNodes?: () => Iterable<unknown> } }).graph;
  if (!Array.isArray(list) || typeof svc.versionOffset !== 'number' || typeof graph?.getNodes !== 'function' || hf.getConfig().undoLimit !== 0) return false;
  const from = version - svc.versionOffset;
  const steps = list.slice(from);
  if (from < 0 || steps.length < 2 || !steps.every(isRowStep)) return false;
  const end = version + steps.length;
  for (const v of graph.getNodes()) {
    const f = v as { version?: unknown; ensureRecentData?: (s: unknown) => void };
    if (typeof f.version === 'number' && f.version > version && f.version < end) f.ensureRecentData?.(svc);
  }
  const moves = new RowMoves(0);
  for (const t of steps) moves.add(t);
  list.splice(from, steps.length, moves as unknown as RowStep, ...steps.slice(1).map(() => NO_STEP));
  return true;
}

/**
 * While rows are removed, each span's transformation is queued lighter: it copies only the AST
 * nodes it moves, and (HF's undo being off) skips the undo record of each formula, an unparse per
 * formula per span, that HF makes for a removal even with nothing to keep. HF transforms every
 * removed formula through the spans before it, so this is most of a removal's own time.
 */
export function lightRowRemovals(hf: HyperFormula): { end(): void } | null {
  const svc = hf.lazilyTransformingAstService as unknown as LazyService & { addTransformation?: (t: RowStep) => number };
  const add = svc.addTransformation;
  if (typeof add !== 'function' || hf.getConfig().undoLimit !== 0 || Object.hasOwn(svc, 'addTransformation')) return null;
  svc.addTransformation = (t: RowStep) => {
    if (isRowStep(t)) {
      const moves = new RowMoves(0, t.transformSingleAst.bind(t));
      moves.add(t);
      t.transformSingleAst = (ast, address) => moves.transformSingleAst(ast, address);
      Object.assign(t, { isIrreversible: () => false });
    }
    return add.call(svc, t);
  };
  return { end: () => delete svc.addTransformation };
}

/** A queue entry that moves nothing. */
const NO_STEP: RowStep = {
  transformSingleAst: (ast, address) => [ast, address],
  fixNodeAddress: (address) => address,
  performEagerTransformations: () => undefined,
};
Object.assign(NO_STEP, { sheet: 0, isIrreversible: () => false });

interface GraphInternals {
  arrayFormulaNodes?: () => Iterable<unknown>;
  arrayMapping?: { arrayMapping?: unknown };
}
const SCANS_SKIPPED = new WeakSet<object>();

/**
 * HyperFormula 3.5 walks every vertex of the workbook looking for array formulas at each span of
 * inserted rows (Transformer.performEagerTransformations): 45 spans × 30,000 vertices was a third of
 * a 100-code paste. Array formulas are all registered in its array mapping, and our formulas are
 * scalar: while that mapping is empty the walk is skipped. If a HyperFormula upgrade renames
 * these internals nothing is patched (test/engine/insert-rows.test.ts says so), only slower.
 */
export function skipEmptyArrayScans(hf: HyperFormula): boolean {
  const graph = hf.dependencyGraph as unknown as GraphInternals;
  if (SCANS_SKIPPED.has(graph)) return true;
  const scan = graph.arrayFormulaNodes;
  const arrays = () => graph.arrayMapping?.arrayMapping;
  if (typeof scan !== 'function' || !(arrays() instanceof Map)) return false;
  graph.arrayFormulaNodes = function* () {
    if ((arrays() as Map<unknown, unknown>).size) yield* scan.call(graph);
  };
  SCANS_SKIPPED.add(graph);
  return true;
}
