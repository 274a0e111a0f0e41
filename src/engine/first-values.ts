// Values of a formula workbook before HyperFormula is built: a small evaluator of exactly the
// formula subset the templates use (references and ranges, + - * /, comparisons, "" and numbers,
// SUM MAX MIN IF OR AND ABS ROUND), with HyperFormula's own arithmetic (its epsilon rules, its
// coercions, the rounding of exported values). The app paints the first table with it and builds
// HyperFormula right after (docs/performance.md); anything outside the subset throws
// UnsupportedFormula and the caller builds the engine instead. Uses no HyperFormula API (only the
// ROUND of round-plugin.ts, the same function HyperFormula calls).
import { roundHalfUpNumber } from './round-plugin';

/** What a sheet holds for the evaluator: HyperFormula's raw contents (the engine gives numbers, null or '=formula'). */
export type RawContent = unknown;

/** A cell's value as the engine reports it (booleans as 1/0, errors by their code). */
export type PreviewValue = number | string | null | { error: string };

export class UnsupportedFormula extends Error {
  constructor(what: string) {
    super(`first-values: ${what}`);
    this.name = 'UnsupportedFormula';
  }
}

const EMPTY = Symbol('empty');
class Err {
  constructor(readonly code: string) {}
}
type Value = number | string | boolean | typeof EMPTY | Err;

type Node =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 'ref'; sheet: string; r: number; c: number }
  | { k: 'range'; sheet: string; r0: number; c0: number; r1: number; c1: number }
  | { k: 'neg'; a: Node }
  | { k: 'bin'; op: string; a: Node; b: Node }
  | { k: 'fn'; name: string; args: Node[] };

// HyperFormula's defaults (precisionEpsilon) and the engine's precisionRounding (workbook-engine.ts).
const EPS = 1e-13;
const PRECISION_ROUNDING = 14;

const TOKEN = /\s*(?:('(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?(?:(\$?[A-Z]{1,3}\$?\d+)(?::(\$?[A-Z]{1,3}\$?\d+))?|(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|"((?:[^"]|"")*)"|([A-Z][A-Z0-9.]*)\(|(<>|<=|>=|[-+*/(),=<>]))/y;

function cellPos(a1: string): { r: number; c: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a1)!;
  let c = 0;
  for (const ch of m[1]!) c = c * 26 + ch.charCodeAt(0) - 64;
  return { r: Number(m[2]) - 1, c: c - 1 };
}

/** Parses one formula (without '='); `sheet` is the sheet it sits on. */
export function parseFormula(text: string, sheet: string): Node {
  type Tok = { t: 'ref' | 'num' | 'str' | 'fn' | 'op'; v: string; sheet?: string; to?: string };
  const toks: Tok[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m || TOKEN.lastIndex === start) throw new UnsupportedFormula(text);
    const [, sh, ref, to, num, str, fn, op] = m;
    if (ref) toks.push({ t: 'ref', v: ref, to, sheet: sh ? (sh.startsWith("'") ? sh.slice(1, -1).replace(/''/g, "'") : sh) : sheet });
    else if (sh) throw new UnsupportedFormula(text);
    else if (num !== undefined) toks.push({ t: 'num', v: num });
    else if (str !== undefined) toks.push({ t: 'str', v: str.replace(/""/g, '"') });
    else if (fn) toks.push({ t: 'fn', v: fn });
    else toks.push({ t: 'op', v: op! });
  }
  let i = 0;
  const peek = () => toks[i];
  const isOp = (...ops: string[]) => peek()?.t === 'op' && ops.includes(peek()!.v);
  const expect = (op: string) => {
    if (!isOp(op)) throw new UnsupportedFormula(text);
    i++;
  };
  const binary = (next: () => Node, ...ops: string[]) => (): Node => {
    let a = next();
    while (isOp(...ops)) {
      const op = toks[i++]!.v;
      a = { k: 'bin', op, a, b: next() };
    }
    return a;
  };
  const primary = (): Node => {
    const t = toks[i++];
    if (!t) throw new UnsupportedFormula(text);
    if (t.t === 'num') return { k: 'num', v: Number(t.v) };
    if (t.t === 'str') return { k: 'str', v: t.v };
    if (t.t === 'ref') {
      const a = cellPos(t.v);
      if (!t.to) return { k: 'ref', sheet: t.sheet!, ...a };
      const b = cellPos(t.to);
      return { k: 'range', sheet: t.sheet!, r0: Math.min(a.r, b.r), c0: Math.min(a.c, b.c), r1: Math.max(a.r, b.r), c1: Math.max(a.c, b.c) };
    }
    if (t.t === 'fn') {
      const args: Node[] = [];
      if (!isOp(')')) {
        args.push(comparison());
        while (isOp(',')) {
          i++;
          args.push(comparison());
        }
      }
      expect(')');
      return { k: 'fn', name: t.v, args };
    }
    if (t.v === '(') {
      const e = comparison();
      expect(')');
      return e;
    }
    if (t.v === '-') return { k: 'neg', a: primary() };
    if (t.v === '+') return primary();
    throw new UnsupportedFormula(text);
  };
  const term = binary(primary, '*', '/');
  const additive = binary(term, '+', '-');
  const comparison = binary(additive, '=', '<>', '<', '>', '<=', '>=');
  const ast = comparison();
  if (i !== toks.length) throw new UnsupportedFormula(text);
  return ast;
}

// ---- HyperFormula's value rules (ArithmeticHelper, NumericAggregationPlugin, Exporter) ----------

function addEps(left: number, right: number): number {
  const ret = left + right;
  return Math.abs(ret) < EPS * Math.abs(left) ? 0 : ret;
}

function subEps(left: number, right: number): number {
  const ret = left - right;
  return Math.abs(ret) < EPS * Math.abs(left) ? 0 : ret;
}

function toNumber(v: Value): number | Err {
  if (v instanceof Err || typeof v === 'number') return v;
  if (v === EMPTY || v === '') return 0;
  if (typeof v === 'boolean') return Number(v);
  throw new UnsupportedFormula(`text "${v}" as a number`);
}

function floatCmp(left: number, right: number): number {
  const mod = 1 + EPS;
  if (right >= 0 && left * mod >= right && left <= right * mod) return 0;
  if (right <= 0 && left * mod <= right && left >= right * mod) return 0;
  return left > right ? 1 : -1;
}

const TYPE_ORDER = (v: Value): number => (v === EMPTY ? 0 : typeof v === 'number' ? 1 : typeof v === 'string' ? 2 : 3);

/** HyperFormula's compare(); null for two different texts (only equality is decided then). */
function compare(left: Value, right: Value): number | null {
  if (left === EMPTY && right !== EMPTY) left = typeof right === 'string' ? '' : typeof right === 'boolean' ? false : 0;
  else if (right === EMPTY && left !== EMPTY) right = typeof left === 'string' ? '' : typeof left === 'boolean' ? false : 0;
  if (typeof left === 'string' && typeof right === 'string') return left === right ? 0 : null;
  if (typeof left === 'number' && typeof right === 'number') return floatCmp(left, right);
  if (typeof left === 'boolean' && typeof right === 'boolean') return Number(left) - Number(right);
  if (left === EMPTY && right === EMPTY) return 0;
  // A text that reads as a number or a date would compare as one in HyperFormula.
  for (const s of [left, right]) if (typeof s === 'string' && s !== '' && /\d/.test(s)) throw new UnsupportedFormula(`text "${s}" compared`);
  return TYPE_ORDER(left as Value) - TYPE_ORDER(right as Value);
}

function toBoolean(v: Value): boolean | Err {
  if (v instanceof Err || typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (v === EMPTY) return false;
  throw new UnsupportedFormula('text as a condition');
}

/** A computed value as HyperFormula exports it (overflow, -0, rounding to precisionRounding digits). */
function exported(v: Value): PreviewValue {
  if (v === EMPTY) return null;
  if (v instanceof Err) return { error: v.code };
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') return v;
  if (!Number.isFinite(v)) return { error: '#NUM!' };
  if (v === 0) return 0;
  const places = Math.pow(10, PRECISION_ROUNDING - Math.floor(Math.log10(Math.abs(v))));
  return v < 0 ? -Math.round(-v * places) / places : Math.round(v * places) / places;
}

/**
 * Lazily evaluates the cells asked for and what they read, once each. `sheets` are the contents
 * the engine would give HyperFormula.
 */
export class FirstValues {
  private readonly memo = new Map<string, Value | null>();
  private readonly parsed = new Map<string, Node>();

  constructor(private readonly sheets: Readonly<Record<string, readonly (readonly RawContent[])[]>>) {}

  has(sheet: string): boolean {
    return sheet in this.sheets;
  }

  /** One cell's value; throws UnsupportedFormula outside the subset (or on a cycle). */
  value(sheet: string, r: number, c: number): PreviewValue {
    return exported(this.cell(sheet, r, c));
  }

  /** A formula (without '=') evaluated on `sheet`, as HyperFormula's calculateFormula would. */
  evaluate(formula: string, sheet: string): PreviewValue {
    const v = this.eval(parseFormula(formula, sheet));
    return exported(v === 0 ? 0 : v);
  }

  /** A whole sheet's values, rows as long as the sheet's widest. */
  sheetValues(sheet: string): PreviewValue[][] {
    const rows = this.sheets[sheet];
    if (!rows) throw new UnsupportedFormula(`sheet ${sheet}`);
    return rows.map((row, r) => row.map((_, c) => this.value(sheet, r, c)));
  }

  private cell(sheet: string, r: number, c: number): Value {
    const rows = this.sheets[sheet];
    if (!rows) throw new UnsupportedFormula(`sheet ${sheet}`);
    const raw = rows[r]?.[c] ?? null;
    if (raw === null) return EMPTY;
    if (typeof raw === 'number') return raw;
    if (typeof raw !== 'string' || !raw.startsWith('=')) throw new UnsupportedFormula('content other than a number or a formula');
    const key = `${sheet}\u0000${r}\u0000${c}`;
    const known = this.memo.get(key);
    if (known === null) throw new UnsupportedFormula('cycle');
    if (known !== undefined) return known;
    this.memo.set(key, null);
    let ast = this.parsed.get(key);
    if (!ast) {
      ast = parseFormula(raw.slice(1), sheet);
      this.parsed.set(key, ast);
    }
    let v = this.eval(ast);
    if (v === 0) v = 0; // no -0
    this.memo.set(key, v);
    return v;
  }

  private eval(n: Node): Value {
    switch (n.k) {
      case 'num':
      case 'str':
        return n.v;
      case 'ref':
        return this.cell(n.sheet, n.r, n.c);
      case 'range':
        throw new UnsupportedFormula('range outside a function');
      case 'neg': {
        const a = toNumber(this.eval(n.a));
        return a instanceof Err ? a : -a;
      }
      case 'bin':
        return this.binary(n.op, this.eval(n.a), this.eval(n.b));
      case 'fn':
        return this.call(n.name, n.args);
    }
  }

  private binary(op: string, l: Value, r: Value): Value {
    if (op === '+' || op === '-' || op === '*' || op === '/') {
      const a = toNumber(l);
      const b = toNumber(r);
      if (a instanceof Err) return a;
      if (b instanceof Err) return b;
      if (op === '+') return addEps(a, b);
      if (op === '-') return subEps(a, b);
      if (op === '*') return a * b;
      return b === 0 ? new Err('#DIV/0!') : a / b;
    }
    if (l instanceof Err) return l;
    if (r instanceof Err) return r;
    const cmp = compare(l, r);
    if (cmp === null) {
      if (op === '=') return false;
      if (op === '<>') return true;
      throw new UnsupportedFormula('texts ordered');
    }
    switch (op) {
      case '=':
        return cmp === 0;
      case '<>':
        return cmp !== 0;
      case '<':
        return cmp < 0;
      case '>':
        return cmp > 0;
      case '<=':
        return cmp <= 0;
      default:
        return cmp >= 0;
    }
  }

  private rangeValues(n: Extract<Node, { k: 'range' }>): Value[] {
    const out: Value[] = [];
    for (let r = n.r0; r <= n.r1; r++) for (let c = n.c0; c <= n.c1; c++) out.push(this.cell(n.sheet, r, c));
    return out;
  }

  /** SUM, MAX, MIN: NumericAggregationPlugin.reduce with strictlyNumbers. */
  private aggregate(args: Node[], init: number, fold: (acc: number, v: number) => number): number | Err {
    if (!args.length) return new Err('#N/A');
    let acc = init;
    for (const arg of args) {
      if (arg.k === 'range') {
        let sum = init;
        for (const v of this.rangeValues(arg)) {
          if (v instanceof Err) return v;
          if (typeof v === 'number') sum = fold(sum, v);
        }
        acc = fold(sum, acc);
        continue;
      }
      let v = this.eval(arg);
      if (arg.k !== 'ref') v = toNumber(v);
      if (v instanceof Err) return v;
      if (typeof v === 'number') acc = fold(acc, v);
    }
    return acc;
  }

  private call(name: string, args: Node[]): Value {
    switch (name) {
      case 'SUM':
        return this.aggregate(args, 0, addEps);
      case 'MAX':
      case 'MIN': {
        const v = this.aggregate(args, name === 'MAX' ? -Infinity : Infinity, name === 'MAX' ? Math.max : Math.min);
        return typeof v === 'number' && !Number.isFinite(v) ? 0 : v;
      }
      case 'IF': {
        if (args.length < 2 || args.length > 3) throw new UnsupportedFormula('IF arity');
        const cond = toBoolean(this.eval(args[0]!));
        if (cond instanceof Err) return cond;
        if (cond) return this.eval(args[1]!);
        return args[2] ? this.eval(args[2]) : false;
      }
      case 'OR':
      case 'AND': {
        if (!args.length) throw new UnsupportedFormula(`${name} arity`);
        const values: boolean[] = [];
        for (const arg of args) {
          if (arg.k === 'range') throw new UnsupportedFormula(`${name} of a range`);
          const v = this.eval(arg);
          if (v === EMPTY) continue;
          const b = toBoolean(v);
          if (b instanceof Err) return b;
          values.push(b);
        }
        if (!values.length) return new Err('#VALUE!');
        return name === 'OR' ? values.some(Boolean) : values.every(Boolean);
      }
      case 'ABS': {
        if (args.length !== 1) throw new UnsupportedFormula('ABS arity');
        const v = toNumber(this.eval(args[0]!));
        return v instanceof Err ? v : Math.abs(v);
      }
      case 'ROUND': {
        if (args.length < 1 || args.length > 2) throw new UnsupportedFormula('ROUND arity');
        const x = toNumber(this.eval(args[0]!));
        if (x instanceof Err) return x;
        const p = args[1] ? toNumber(this.eval(args[1])) : 0;
        if (p instanceof Err) return p;
        const v = roundHalfUpNumber(x, p);
        return Number.isNaN(v) ? new Err('#NUM!') : v;
      }
      default:
        throw new UnsupportedFormula(`function ${name}`);
    }
  }
}
