// 表文核对: a published 情况说明 read sentence by sentence against the workbook. Every number is
// matched to the figure of the workbook's own 情况说明 whose words (and paragraph, and heading) it
// shares, then compared; the text is also checked in itself (shares, sums, one figure twice,
// template residue, former names). Headless: `reviewNarrativeText(engine, text)`.
import Decimal from 'decimal.js';
import { dec, formatAmount } from '../../model/amount';
import type { CellPath } from '../../model/narrative';
import type { TextReviewDef } from '../../model/text-review';
import type { AuditSeverity } from '../../model/template';
import type { CellAddress } from '../narrative';
import { SUPPLEMENT_ID } from '../../model/ids';
import type { WorkbookDocument } from '../../model/document';
import type { WorkbookEngine } from '../workbook-engine';
import { cleanWords, neutral, readText, type Span, type TextNumber, type TextReading, type TextSentence } from './reading';
import { cellsOf, referenceOf, type Reference, type ReferenceFigure, type ReferenceList } from './reference';

/** What kind of slip a finding is. */
export type TextFindingClass =
  | 'wrong-value'
  | 'table-slip'
  | 'truncated'
  | 'missing-percent'
  | 'forced-100'
  | 'share-sum'
  | 'no-base'
  | 'direction'
  | 'contradiction'
  | 'two-values'
  | 'sum'
  | 'change-rate'
  | 'residue'
  | 'former-name'
  | 'items'
  | 'mention';

/** 表文: the text against the tables; 文内: the text against itself. */
export type TextFindingGroup = '表文' | '文内';

export interface TextFinding {
  /** Unique in one review: class and offset. */
  id: string;
  group: TextFindingGroup;
  class: TextFindingClass;
  severity: AuditSeverity;
  /** Chinese, naming the figure, what is written and what the tables give. */
  message: string;
  /** The sentence, as offsets into the text. */
  sentence: Span;
  /** What to mark in it (the number with its unit, or the phrase). */
  span: Span;
  /** The number or phrase as written. */
  written: string;
  /** The figure it was matched to: its name and cells (sheet/row/col; the first is the figure's own). */
  figure?: { label: string; cells: CellAddress[] };
  /** What the tables give, as it should be written. */
  expected?: string;
}

export interface NumberMatch {
  number: TextNumber;
  figure: ReferenceFigure | null;
  /**
   * The words name the figure beyond doubt (the same last two clauses): only then is a number that
   * disagrees with it reported. A weaker match only confirms a number that agrees.
   */
  strong: boolean;
  /** 补充资料 gaps the words name beyond doubt, in the reference's order (see takenFromText). */
  gaps?: ReferenceFigure[];
}

export interface TextReview {
  reading: TextReading;
  matches: NumberMatch[];
  findings: TextFinding[];
  /**
   * 补充资料 inputs the workbook lacks that the text states (a PDF under review: 年初预算, 政府采购):
   * taken from the text, then the rest of the text is checked against them.
   */
  taken: TakenFigure[];
}

/** A 补充资料 figure read from the text: its cell, its name, the number as written. */
export interface TakenFigure {
  cell: CellAddress;
  label: string;
  value: Decimal;
  written: string;
}

/** Class names as lists and counts show them. */
export const TEXT_FINDING_CLASS: Record<TextFindingClass, string> = {
  'wrong-value': '数字与表不符',
  'table-slip': '引用了表中的尾差',
  truncated: '比例截断未四舍五入',
  'missing-percent': '比例缺少%',
  'forced-100': '占比凑成100%',
  'share-sum': '占比之和不为100%',
  'no-base': '没有基数的比例',
  direction: '增减方向不符',
  contradiction: '增减表述矛盾',
  'two-values': '同一数字两处不同',
  sum: '分项之和不等于总数',
  'change-rate': '增减幅度与增减额不符',
  residue: '模板残留',
  'former-name': '旧科目名称',
  items: '列举的科目与表不符',
  mention: '说明与表不符',
};

const GROUP: Record<TextFindingClass, TextFindingGroup> = {
  'wrong-value': '表文',
  'table-slip': '表文',
  truncated: '表文',
  'missing-percent': '文内',
  'forced-100': '表文',
  'share-sum': '文内',
  'no-base': '表文',
  direction: '表文',
  contradiction: '文内',
  'two-values': '文内',
  sum: '文内',
  'change-rate': '文内',
  residue: '文内',
  'former-name': '文内',
  items: '表文',
  mention: '表文',
};

/** Residue and aliases every family shares when its template declares none. */
const NO_REVIEW: TextReviewDef = { aliases: [], residue: [], sums: [] };

const yuan = (d: Decimal) => formatAmount(d);
const pctText = (d: Decimal) => `${d.toFixed(2)}%`;

/** The published text's findings (see readPublishedText). */
export function reviewNarrativeText(engine: WorkbookEngine, text: string): TextFinding[] {
  return readPublishedText(engine, text).findings;
}

/**
 * Each engine's last reading, by document version: the toolbar badge and the 表文核对 tab both ask
 * after an edit, and an engine never changes its document in place (every change makes a new one).
 */
const readings = new WeakMap<WorkbookEngine, { doc: WorkbookDocument; text: string; review: TextReview }>();

/** Reads a published 情况说明 against the workbook: each number's match and every finding, in text order. */
export function readPublishedText(engine: WorkbookEngine, text: string): TextReview {
  const doc = engine.document();
  const last = readings.get(engine);
  if (last?.doc === doc && last.text === text) return last.review;
  const review = readAgainst(engine, text);
  readings.set(engine, { doc, text, review });
  return review;
}

function readAgainst(engine: WorkbookEngine, text: string): TextReview {
  const def = engine.template.textReview ?? NO_REVIEW;
  const reading = readText(text);
  let ref = referenceOf(engine);
  let matches = matchNumbers(reading, ref, def);
  // Gaps the text fills: read again with them, so what depends on them (完成年初预算的98.20%, the
  // 项 budgets' sum) is checked too.
  const taken = takenFromText(matches);
  if (taken.length) {
    const view = withInputs(engine, taken);
    ref = referenceOf(view);
    matches = matchNumbers(reading, ref, def);
  }
  // A gap left is not checkable: its number names it, and nothing is said about it.
  matches = matches.map((m) => (m.figure?.gap ? { ...m, figure: null, strong: false } : m));
  const out = new Findings(reading, engine);
  checkFigures(out, matches);
  checkBaseless(out, matches, ref);
  checkShares(out, matches);
  checkTwoValues(out, matches);
  checkSums(out, matches, ref, def);
  checkListedSums(out, matches);
  checkChangeRates(out, matches);
  checkLists(out, engine, reading, ref);
  checkMentions(out, engine, reading, matches, def);
  checkWords(out, engine, reading, def);
  return { reading, matches, findings: out.sorted(), taken };
}

/** Per 补充资料 gap, the first number that names it beyond doubt. */
function takenFromText(matches: NumberMatch[]): TakenFigure[] {
  const out = new Map<string, TakenFigure>();
  for (const { number: n, gaps } of matches) {
    if (n.unit !== 'amount') continue;
    // Two gaps named by the same words (中小企业 winning in reserved and in other projects): the
    // best not taken yet; of equals, the first, as the text follows the template's order.
    const f = gaps?.find((g) => g.source.kind === 'cell' && !out.has(cellKey(g.source)));
    if (!f || f.source.kind !== 'cell') continue;
    out.set(cellKey(f.source), { cell: { sheet: f.source.sheet, row: f.source.row, col: f.source.col }, label: nameOf(f), value: n.value, written: n.written });
  }
  return [...out.values()];
}

/** The workbook as read by the narrative, with the taken inputs in place (the engine is not changed). */
function withInputs(engine: WorkbookEngine, taken: TakenFigure[]): WorkbookEngine {
  const values = new Map(taken.map((t) => [cellKey(t.cell), t.value.toNumber()]));
  const view = Object.create(engine) as WorkbookEngine;
  view.value = (sheet, row, col) => values.get(`${sheet}:${row}:${col}`) ?? engine.value(sheet, row, col);
  return view;
}

class Findings {
  private readonly list: TextFinding[] = [];
  readonly tolerance: Decimal;
  /** The 审核 bands (尾差 up to rounding; 错误 above error). */
  readonly bands: { rounding: Decimal; error: Decimal };
  constructor(
    readonly reading: TextReading,
    engine: WorkbookEngine,
  ) {
    const t = engine.document().auditTolerance;
    this.bands = { rounding: dec(t.rounding), error: dec(t.error) };
    this.tolerance = this.bands.rounding;
  }
  sentenceOf(at: number): Span {
    const s = this.reading.sentences.find((x) => x.start <= at && at < x.end);
    return s ? { start: s.start, end: s.end } : { start: at, end: at };
  }
  add(cls: TextFindingClass, severity: AuditSeverity, span: Span, message: string, extra: Partial<TextFinding> = {}): void {
    const id = extra.id ?? `${cls}:${span.start}`;
    if (this.list.some((f) => f.id === id)) return;
    this.list.push({
      id,
      group: GROUP[cls],
      class: cls,
      severity,
      message,
      sentence: this.sentenceOf(span.start),
      span,
      written: this.reading.text.slice(span.start, span.end),
      ...extra,
    });
  }
  /** Replaces a number's finding (a share adjusted to make 100 is that, not just a wrong share). */
  drop(cls: TextFindingClass, start: number): void {
    const i = this.list.findIndex((f) => f.class === cls && f.span.start === start);
    if (i >= 0) this.list.splice(i, 1);
  }
  sorted(): TextFinding[] {
    return [...this.list].sort((a, b) => a.span.start - b.span.start || a.class.localeCompare(b.class));
  }
}

// ---- matching -------------------------------------------------------------------------------

const LABEL_CAP = 16;

function suffixScore(a: string, b: string): number {
  let k = 0;
  while (k < a.length && k < b.length && a[a.length - 1 - k] === b[b.length - 1 - k]) k++;
  return Math.min(k, LABEL_CAP) / Math.min(Math.max(b.length, 1), LABEL_CAP);
}

const lastClause = (s: string) => s.split(/[，：；]/).pop() ?? '';

const clauseSim = (a: string, b: string) => (a === b ? 1 : dice(bigrams(a), bigrams(b)));

/** The same words before the number, or the same last clause and nearly the same one before it. */
function isStrong(a: string, b: string): boolean {
  // A long enough ending of the template's words (支出 alone names too many figures).
  if (a === b || (b.length >= 6 && suffixScore(a, b) >= 0.99)) return true;
  const [pa, pb] = [a.split(/[，：；]/), b.split(/[，：；]/)];
  return clauseSim(pa[pa.length - 1]!, pb[pb.length - 1]!) >= 0.8 && clauseSim(pa[pa.length - 2] ?? '', pb[pb.length - 2] ?? '') >= 0.7;
}

/** How well the words before a number name a reference figure: the same ending, or nearly the same last clause (局部门共有车辆 for 局共有车辆). */
function labelScore(a: string, b: string): number {
  const clause = lastClause(b);
  return Math.max(suffixScore(a, b), clause.length >= 4 ? 0.9 * dice(bigrams(lastClause(a)), bigrams(clause)) : 0);
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  const t = s.replace(/[#，。；：、%（）“”Y]/g, '');
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}

function dice(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return (2 * n) / (a.size + b.size);
}

function applyAliases(label: string, def: TextReviewDef): string {
  let out = label;
  for (const [pub, tpl] of def.aliases) out = out.split(cleanWords(pub)).join(cleanWords(tpl));
  return out;
}

const sameKind = (n: TextNumber, f: ReferenceFigure): number => {
  const k = f.number.unit;
  if (n.unit === k) return 0;
  if (n.unit === 'none' && (k === 'pct' || k === 'amount' || k === 'count')) return 0.3;
  return Infinity;
};

/**
 * The words name a gap, whose value the number then gives: the same last clause (年初预算为), or one
 * ending in the same six characters or more. Stricter than isStrong, as nothing checks a taken value
 * (支出决算为 is not 年初预算为, however alike the rest).
 */
function namesGap(a: string, b: string): boolean {
  const [ca, cb] = [lastClause(a), lastClause(b)];
  if (ca === cb) return true;
  let k = 0;
  while (k < ca.length && k < cb.length && ca[ca.length - 1 - k] === cb[cb.length - 1 - k]) k++;
  return k >= 6;
}

const CHANGE_WORD = /(增加|减少|增长|下降|降低|上升|提高|增减)了?$/;
/** The words right before the number say it is a change (增加#, 下降#), not a level (减少为#). */
const isChange = (n: TextNumber) => CHANGE_WORD.test(lastClause(n.label));

/** Each number of the text with the reference figure it names (null: none is named clearly). */
function matchNumbers(reading: TextReading, ref: Reference, def: TextReviewDef): NumberMatch[] {
  const refLabels = ref.figures.map((f) => neutral(applyAliases(f.number.label, def)));
  const refParas = ref.reading.paragraphs.map((p) => bigrams(p.words));
  const refHeads = ref.reading.paragraphs.map((p) => bigrams(p.headings.slice(1).join('')));
  const paraCache = new Map<string, number>();
  const headCache = new Map<string, number>();
  const pubParas = reading.paragraphs.map((p) => bigrams(p.words));
  const pubHeads = reading.paragraphs.map((p) => bigrams(p.headings.slice(1).join('')));
  return reading.numbers.map((n) => {
    const label = neutral(applyAliases(n.label, def));
    const scored: { f: ReferenceFigure; score: number; label: string }[] = [];
    const change = isChange(n);
    ref.figures.forEach((f, i) => {
      const penalty = sameKind(n, f);
      // A change (增加5.07万元) never stands for a level (支出决算为16.95万元).
      if (penalty === Infinity || (change && !isChange(f.number))) return;
      const l = labelScore(label, refLabels[i]!);
      if (l < 0.6) return;
      const rp = f.number.paragraph;
      const pk = `${n.paragraph}|${rp}`;
      const para = paraCache.get(pk) ?? dice(pubParas[n.paragraph]!, refParas[rp]!);
      paraCache.set(pk, para);
      const head = headCache.get(pk) ?? dice(pubHeads[n.paragraph]!, refHeads[rp]!);
      headCache.set(pk, head);
      scored.push({ f, score: 3 * l + 2 * para + head - penalty, label: refLabels[i]! });
    });
    if (!scored.length) return { number: n, figure: null, strong: false };
    scored.sort((a, b) => b.score - a.score);
    const best = scored[0]!;
    if (best.score < 2.6) return { number: n, figure: null, strong: false };
    // Among figures the words name about as well, the one the number agrees with (never a
    // finding from a near tie).
    const near = scored.filter((s) => s.score >= best.score - 0.25);
    const agrees = near.find((s) => !s.f.gap && (s.f.number.value.eq(n.value) || s.f.printed?.eq(n.value)));
    const hit = agrees ?? best;
    // Gaps the words name as well, best first (a tie in the reference's order): the text takes them in turn.
    const gaps = near.filter((s) => s.f.gap && namesGap(label, s.label)).map((s) => s.f);
    return { number: n, figure: hit.f, strong: isStrong(label, hit.label), ...(gaps.length ? { gaps } : {}) };
  });
}

// ---- checks ---------------------------------------------------------------------------------

const markOf = (n: TextNumber): Span => ({ start: n.start, end: n.unitEnd });
/** A figure's name without its table's number (收入支出总计, not 一、 收入支出总计). */
const nameOf = (f: ReferenceFigure) => (f.source.kind === 'cell' && f.source.label.includes(' ') ? f.source.label.slice(f.source.label.indexOf(' ') + 1) : f.source.label);
const figureOf = (f: ReferenceFigure) => ({ label: nameOf(f), cells: cellsOf(f.source) });
const isShare = (f: ReferenceFigure) => f.number.unit === 'pct' && f.derived?.kind === 'share';
const shown = (f: ReferenceFigure, d: Decimal) => (f.number.unit === 'pct' ? pctText(d) : f.number.unit === 'count' ? d.toFixed(0) : `${yuan(d)}万元`);

function checkFigures(out: Findings, matches: NumberMatch[]): void {
  for (const { number: n, figure: f, strong } of matches) {
    if (!f) continue;
    if (!strong && !n.value.eq(f.number.value)) continue;
    const name = nameOf(f);
    const extra = { figure: figureOf(f) };
    const mark = markOf(n);
    const pct = f.number.unit === 'pct';
    if (pct && f.derived?.b.isZero()) {
      out.add('no-base', 'warning', mark, `${name}：其基数为0（或空白），比例无从计算，不应写“${n.written}%”，应删去或说明无预算`, extra);
      continue;
    }
    if (pct && n.unit === 'none') out.add('missing-percent', 'warning', mark, `${name}写作“${n.written}”，缺少百分号%`, { ...extra, expected: pctText(f.number.value) });
    const expected = f.number.value;
    // A derived figure that follows a table's printed slip is that slip, found in the tables.
    if (!n.value.eq(expected) && !f.asPrinted?.eq(n.value)) {
      const diff = n.value.minus(expected);
      const withExpected = { ...extra, expected: shown(f, expected) };
      if (f.printed?.eq(n.value)) {
        // Once per cell: the slip is the table's, however often the text quotes it.
        const id = `table-slip:${f.source.kind === 'cell' ? `${f.source.sheet}:${f.source.row}:${f.source.col}` : f.source.label}`;
        out.add('table-slip', 'warning', mark, `${name}：文中 ${n.written} 与表中印刷数一致，但该表的明细合计为 ${shown(f, expected)}（表中尾差），请核实`, { ...withExpected, id });
      } else if (pct) {
        const exact = f.derived?.exact ?? null;
        const truncated = exact?.toDecimalPlaces(2, Decimal.ROUND_DOWN);
        if (truncated && !truncated.eq(expected) && n.value.eq(truncated)) {
          out.add('truncated', 'warning', mark, `${name}：${exact!.toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed(4)}% 应四舍五入为 ${pctText(expected)}，文中截断为 ${n.written}%`, withExpected);
        } else {
          out.add('wrong-value', diff.abs().lte('0.01') ? 'warning' : 'error', mark, `${name}：文中为 ${n.written}%，按表中数字应为 ${pctText(expected)}`, withExpected);
        }
      } else {
        const small = f.number.unit === 'amount' && diff.abs().lte(out.tolerance);
        const printed = f.printed ? `（表中印刷为 ${shown(f, f.printed)}）` : '';
        const words = small ? `，相差 ${yuan(diff.abs())}，可能是尾差，请核实` : `，相差 ${f.number.unit === 'amount' ? yuan(diff.abs()) : diff.abs().toFixed(0)}`;
        out.add('wrong-value', small ? 'warning' : 'error', mark, `${name}：文中为 ${n.written}${unitWord(n)}，表中为 ${shown(f, expected)}${printed}${words}`, withExpected);
      }
    }
    const said = n.direction;
    const truth = f.number.direction;
    if (said && truth && said !== truth) {
      out.add('direction', 'error', mark, `${name}：文中写作“${DIRECTION_WORD[said]}”，按表中数字应为“${DIRECTION_WORD[truth]}”`, extra);
    }
  }
}

/** A rate written right after a figure whose base is 0 (完成预算的0% for a 三公 item without budget). */
function checkBaseless(out: Findings, matches: NumberMatch[], ref: Reference): void {
  if (!ref.baseless.length) return;
  matches.forEach((m, i) => {
    if (m.number.unit !== 'pct') return;
    const prev = matches[i - 1];
    const f = prev?.figure;
    if (!f || prev.number.sentence !== m.number.sentence || f.source.kind !== 'cell') return;
    const part = `${f.source.sheet}:${f.source.row}:${f.source.col}`;
    const words = m.number.label.split(/[，。；：、]/).pop() ?? '';
    const whole = ref.baseless.find((b) => b.part === part && words.endsWith(b.words))?.whole;
    if (whole === undefined) return;
    out.add('no-base', 'warning', markOf(m.number), `${nameOf(f)}的比例：${whole}为0（或空白），比例无从计算，不应写“${m.number.written}%”，应删去或说明无预算`, { figure: figureOf(f) });
  });
}

const DIRECTION_WORD = { '+': '增加', '-': '减少', '=': '持平' } as const;
const unitWord = (n: TextNumber) => (n.unit === 'amount' ? '万元' : n.unit === 'pct' ? '%' : '');

/** Shares of one whole in one paragraph: adjusted to make 100, or not adding up. */
function checkShares(out: Findings, matches: NumberMatch[]): void {
  const groups = new Map<string, NumberMatch[]>();
  for (const m of matches) {
    const f = m.figure;
    if (!f || !isShare(f) || f.derived!.b.isZero()) continue;
    const key = `${m.number.paragraph}|${f.derived!.b.toFixed(2)}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  for (const g of groups.values()) {
    const parts = new Map(g.map((m) => [m.figure!.source.label, m]));
    if (parts.size < 2 || parts.size !== g.length) continue;
    const whole = g[0]!.figure!.derived!.b;
    const complete = g.reduce((s, m) => s.plus(m.figure!.derived!.a), dec(0)).eq(whole);
    if (!complete) continue;
    const written = g.reduce((s, m) => s.plus(m.number.value), dec(0));
    const expected = g.reduce((s, m) => s.plus(m.figure!.number.value), dec(0));
    const off = g.filter((m) => !m.number.value.eq(m.figure!.number.value));
    if (written.eq(100) && !expected.eq(100) && off.length) {
      for (const m of off) {
        for (const c of ['wrong-value', 'truncated'] as const) out.drop(c, m.number.start);
        out.add('forced-100', 'warning', markOf(m.number), `${nameOf(m.figure!)}：按表中数字应为 ${pctText(m.figure!.number.value)}，文中写作 ${m.number.written}%，使各项占比之和凑成100%（按四舍五入，各项之和为 ${expected.toFixed(2)}%，不必等于100%）`, { figure: figureOf(m.figure!), expected: pctText(m.figure!.number.value) });
      }
    } else if (!written.minus(100).abs().lte(expected.minus(100).abs().plus('0.005'))) {
      const first = g[0]!.number;
      out.add('share-sum', 'warning', markOf(first), `本段各项占比之和为 ${written.toFixed(2)}%，按表中数字各项之和应为 ${expected.toFixed(2)}%：${g.map((m) => `${m.number.written}%`).join(' + ')}`);
    }
  }
}

/** One figure written with two values in one text. */
function checkTwoValues(out: Findings, matches: NumberMatch[]): void {
  const first = new Map<string, NumberMatch>();
  for (const m of matches) {
    const f = m.figure;
    if (!f || !m.strong || f.number.unit !== 'amount') continue;
    const key = f.source.kind === 'cell' ? `${f.source.sheet}:${f.source.row}:${f.source.col}` : f.source.label;
    const seen = first.get(key);
    if (!seen) {
      first.set(key, m);
      continue;
    }
    if (!seen.number.value.eq(m.number.value)) {
      const at = out.reading.text.slice(Math.max(0, seen.number.start - 12), seen.number.start).replace(/\s+/g, '');
      out.add('two-values', 'error', markOf(m.number), `${nameOf(f)}在文中有两个数：前文（…${at}）为 ${seen.number.written}，此处为 ${m.number.written}`, { figure: figureOf(f) });
    }
  }
}

const cellKey = (c: CellAddress) => `${c.sheet}:${c.row}:${c.col}`;

function pathPattern(path: CellPath): RegExp {
  const esc = path.replace(/[.*+?^${}()|[\]\\]/g, (c) => (c === '{' || c === '}' ? c : `\\${c}`));
  return new RegExp(`^${esc.replace(/\{code\}/g, '\\d{7}').replace(/\{class\}/g, '\\d{3}')}$`);
}

/** Totals of the text against its parts as written (政府采购 251.25 against 4.79 + 0 + 246.47). */
function checkSums(out: Findings, matches: NumberMatch[], ref: Reference, def: TextReviewDef): void {
  const single = (f: ReferenceFigure) => (f.source.kind === 'cell' ? cellKey(f.source) : null);
  for (const sum of def.sums) {
    const total = matches.find((m) => m.figure && single(m.figure) === sum.total);
    if (!total) continue;
    const patterns = sum.parts.map(pathPattern);
    const isPart = (f: ReferenceFigure) => f.number.unit === 'amount' && patterns.some((p) => p.test(single(f) ?? ''));
    const needed = new Set(ref.figures.filter(isPart).map((f) => single(f)!));
    const written = new Map<string, Decimal>();
    for (const m of matches) if (m.figure && isPart(m.figure) && !written.has(single(m.figure)!)) written.set(single(m.figure)!, m.number.value);
    if (!needed.size || [...needed].some((k) => !written.has(k))) continue;
    const parts = [...needed].map((k) => written.get(k)!);
    const s = parts.reduce((a, b) => a.plus(b), dec(0));
    const diff = total.number.value.minus(s);
    if (diff.isZero()) continue;
    const shownParts = parts.length > 6 ? `${parts.length} 项之和 ${yuan(s)}` : `${parts.map(yuan).join(' + ')} = ${yuan(s)}`;
    out.add('sum', diff.abs().lte(out.tolerance) ? 'warning' : 'error', markOf(total.number), `${sum.what}写作 ${total.number.written}万元，文中各分项 ${shownParts}万元，相差 ${yuan(diff.abs())}`, { figure: figureOf(total.figure!), expected: `${yuan(s)}万元` });
  }
}

/**
 * 文内 from the text alone: a total stated before 其中 and its parts listed after it, to the end of
 * the sentence (政府采购251.25万元，其中：货物4.79万元、工程0万元、服务246.47万元), or over the numbered
 * items that follow (年初预算为2993.92万元…其中： 1、…年初预算为1560.05万元 2、…). A total quoting a
 * table's printed slip is that slip, and figures that all quote the tables are the tables' matter
 * (found by the 审核). A 其中 need not list everything: parts
 * short of the total by more than the 审核 band are a 提示, parts over it an 错误.
 */
function checkListedSums(out: Findings, matches: NumberMatch[]): void {
  const { reading, bands } = out;
  const text = reading.text;
  const slip = new Set(matches.filter(({ number: n, figure: f }) => f?.printed?.eq(n.value) && !f.number.value.eq(n.value)).map((m) => m.number));
  const summable = (n: TextNumber) => n.unit === 'amount' && !n.direction;
  // Figures that all quote the tables as they are: a difference is the tables' own (审核 表内/表间).
  const byNumber = new Map(matches.map((m) => [m.number, m.figure]));
  const quotesTables = (n: TextNumber) => {
    const f = byNumber.get(n);
    return !!f && !cellsOf(f.source).some((c) => c.sheet === SUPPLEMENT_ID) && (f.number.value.eq(n.value) || !!f.printed?.eq(n.value));
  };
  const clause = (n: TextNumber) => lastClause(n.label).replace(/#/g, '');
  reading.paragraphs.forEach((p, pi) => {
    const numbers = reading.numbers.filter((n) => n.paragraph === pi);
    for (const m of text.slice(p.start, p.end).matchAll(/其\s*中/g)) {
      const at = p.start + m.index;
      const total = numbers.filter((n) => n.start < at && summable(n)).pop();
      if (!total) continue;
      const stop = text.slice(at, p.end).search(/[。]/);
      const end = stop < 0 ? p.end : at + stop;
      // A part's own breakdown in brackets (公务用车购置费…，公务用车运行维护费…) is not a part.
      const nested = (n: TextNumber) => (text.slice(at, n.start).match(/[（(]/g)?.length ?? 0) > (text.slice(at, n.start).match(/[）)]/g)?.length ?? 0);
      const listed = numbers.filter((n) => n.start > at && n.start < end && summable(n) && !nested(n));
      if (listed.length) {
        // Parts named as the total is (…决算为) when the list gives more than one figure per part.
        const tail = clause(total).slice(-3);
        const same = listed.filter((n) => tail.length === 3 && clause(n).endsWith(tail));
        const parts = same.length ? same : listed;
        if (parts.length >= 2 && !slip.has(total) && !(quotesTables(total) && parts.every(quotesTables))) addListedSum(out, total, parts, clause(total), bands);
        continue;
      }
      if (text.slice(at, p.end).replace(/其\s*中[：:]?/, '').trim()) continue;
      // 其中： ends the paragraph: the numbered items after it, each giving the total's figure.
      const items: number[] = [];
      for (let i = pi + 1; i < reading.paragraphs.length && /^\d{1,2}[、．.]/.test(text.slice(reading.paragraphs[i]!.start, reading.paragraphs[i]!.end).trim()); i++) items.push(i);
      if (items.length < 2) continue;
      for (const lead of numbers.filter((n) => n.start < at && summable(n) && !slip.has(n))) {
        const parts = items.map((i) => reading.numbers.find((n) => n.paragraph === i && summable(n) && clause(n).length >= 3 && clause(lead).endsWith(clause(n))));
        if (!parts.every((x): x is TextNumber => x !== undefined) || (quotesTables(lead) && parts.every(quotesTables))) continue;
        addListedSum(out, lead, parts, clause(parts[0]!), bands);
      }
    }
  });
}

function addListedSum(out: Findings, total: TextNumber, parts: TextNumber[], what: string, tolerance: { rounding: Decimal; error: Decimal }): void {
  const s = parts.reduce((a, n) => a.plus(n.value), dec(0));
  const diff = total.value.minus(s);
  if (diff.isZero()) return;
  const show = yuan;
  const unit = '万元';
  const band = diff.abs().lte(tolerance.rounding) ? '，可能是尾差' : '';
  const severity = diff.abs().gt(tolerance.error) && diff.isNegative() ? 'error' : 'warning';
  const short = diff.abs().gt(tolerance.error) && !diff.isNegative() ? '（若“其中”未列全，可不理会）' : '';
  const shownParts = parts.length > 6 ? `${parts.length} 项之和 ${show(s)}` : `${parts.map((n) => show(n.value)).join(' + ')} = ${show(s)}`;
  const name = what.replace(/^Y年度?/, '').replace(/[为是]$/, '') || '总数';
  out.add('sum', severity, markOf(total), `${name}写作 ${total.written}${unit}，其后“其中”所列各项 ${shownParts}${unit}，相差 ${show(diff.abs())}${band}${short}`, { expected: `${show(s)}${unit}` });
}

/**
 * 文内 from the text alone, where the tables cannot say (no 上年数): a level, its change and the
 * change's rate in one sentence (185.41万元，比上年增加4.68万元，增长2.60%) agree — the rate over the
 * level before the change (180.73): 2.59%.
 */
function checkChangeRates(out: Findings, matches: NumberMatch[]): void {
  const nums = out.reading.numbers;
  matches.forEach((m, i) => {
    const rate = m.number;
    if (m.figure || rate.unit !== 'pct' || !isChange(rate) || !rate.direction || rate.direction === '=') return;
    const [level, change] = [nums[i - 2], nums[i - 1]];
    const one = (n: TextNumber | undefined): n is TextNumber => n?.sentence === rate.sentence && n.unit === 'amount';
    if (!one(level) || !one(change) || level.direction || change.direction !== rate.direction || !isChange(change)) return;
    const before = rate.direction === '+' ? level.value.minus(change.value) : level.value.plus(change.value);
    if (before.lte(0)) return;
    const places = rate.written.split('.')[1]?.length ?? 0;
    const expected = change.value.div(before).times(100).toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
    if (expected.eq(rate.value)) return;
    const word = rate.direction === '+' ? '增长' : '下降';
    const severity = expected.minus(rate.value).abs().lte('0.01') ? 'warning' : 'error';
    out.add('change-rate', severity, markOf(rate), `本年 ${level.written}万元、${rate.direction === '+' ? '增加' : '减少'} ${change.written}万元，上年应为 ${yuan(before)}万元，${word}幅度应为 ${expected.toFixed(places)}%，文中为 ${rate.written}%`, { expected: `${expected.toFixed(places)}%` });
  });
}

/** “主要包括：…” lists of economic lines against the table. */
function checkLists(out: Findings, engine: WorkbookEngine, reading: TextReading, ref: Reference): void {
  if (!ref.lists.length) return;
  for (const s of reading.sentences) {
    if (s.heading) continue;
    const body = s.body;
    const m = /主要包括[：:]?/.exec(body.replace(/\s+/g, ''));
    if (!m) continue;
    const flat = body.replace(/\s+/g, '');
    const label = cleanWords(flat.slice(0, m.index));
    const list = bestList(label, ref.lists);
    if (!list) continue;
    const names = flat
      .slice(m.index + m[0].length)
      .replace(/[。；;，,]$/, '')
      .replace(/等(开支|支出|费用)?$/, '')
      .split(/[、，,]/)
      .map((x) => x.trim())
      .filter(Boolean);
    const rows = [...engine.sheet(list.table).index.keys()].map((k) => k.split('|')).filter(([row, col]) => col === 'amount' && /^\d{5}$/.test(row!) && list.classes.includes(row!.slice(0, 3))).map(([row]) => row!);
    const listed = new Set<string>();
    for (const name of names) {
      const at = spanOfWords(s, name);
      const code = rows.find((r) => engine.codes.economicNameMatches(r, name));
      // A name no code of the table has (水电费 for 水费 and 电费) says nothing sure.
      if (!code) continue;
      listed.add(code);
      const amount = engine.amount(list.table, code, 'amount');
      if (amount === null || amount.isZero()) {
        out.add('items', 'warning', at, `列出的“${name}”（${code}）在表中为0或空白，不应列举`, { figure: { label: name, cells: [{ sheet: list.table as CellAddress['sheet'], row: code, col: 'amount' }] } });
      }
    }
    if (!list.complete) continue;
    const lead = spanOfWords(s, '主要包括');
    for (const code of rows) {
      const amount = engine.amount(list.table, code, 'amount');
      if (amount === null || amount.isZero() || listed.has(code)) continue;
      const name = engine.codes.economicNarrativeName(code);
      const figure = { label: name, cells: [{ sheet: list.table as CellAddress['sheet'], row: code, col: 'amount' }] };
      out.add('items', 'warning', lead, `未列出表中不为0的“${name}”（${code}，${yuan(amount)}万元）`, { id: `items:${lead.start}:${code}`, figure });
    }
  }
}

function bestList(label: string, lists: ReferenceList[]): ReferenceList | undefined {
  let best: ReferenceList | undefined;
  let score = 0.5;
  for (const l of lists) {
    const s = suffixScore(neutral(label), neutral(cleanWords(l.label)));
    if (s > score) [best, score] = [l, s];
  }
  return best;
}

/** Where words stand in a sentence (blanks and line breaks between their characters allowed). */
function spanOfWords(s: TextSentence, words: string): Span {
  const m = wordsPattern(words).exec(s.body);
  return m ? { start: s.at[m.index]!, end: s.at[m.index + m[0].length - 1]! + 1 } : { start: s.start, end: s.end };
}

/** Words as a pattern that allows blanks and line breaks between their characters. */
function wordsPattern(words: string, flags = ''): RegExp {
  return new RegExp(words.split('').map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*'), flags);
}

/** 主要用于…基本支出 in a 项's paragraph where the 项 has no 基本支出. */
function checkMentions(out: Findings, engine: WorkbookEngine, reading: TextReading, matches: NumberMatch[], def: TextReviewDef): void {
  if (!def.mentions?.length) return;
  reading.paragraphs.forEach((_, i) => {
    const codes = new Map<string, number>();
    for (const m of matches) {
      if (m.number.paragraph !== i || !m.figure) continue;
      for (const c of cellsOf(m.figure.source)) if (/^\d{7}$/.test(c.row)) codes.set(c.row, (codes.get(c.row) ?? 0) + 1);
    }
    const code = [...codes].sort((a, b) => b[1] - a[1])[0]?.[0];
    if (!code) return;
    for (const s of reading.sentences.filter((x) => x.paragraph === i)) {
      if (reading.numbers.some((n) => n.sentence === reading.sentences.indexOf(s))) continue;
      for (const w of def.mentions!) {
        if (!s.body.replace(/\s+/g, '').includes(w.words)) continue;
        const at = spanOfWords(s, w.words);
        const [sheet, row, col] = w.cell.replace(/\{code\}/g, code).split(':') as [CellAddress['sheet'], string, string];
        if (!engine.has(sheet, row, col)) continue;
        const v = engine.amount(sheet, row, col);
        if (v === null || v.isZero()) {
          out.add('mention', 'warning', at, `${engine.codes.narrativeName(code)}（${code}）的说明写了“${w.words}”，但表中该项${w.what}为0`, { figure: { label: `${code} ${w.what}`, cells: [{ sheet, row, col }] } });
        }
      }
    }
  });
}

const UP_DOWN = /增加|减少|增长|下降|降低/;

/** Template residue, 持平 beside a change, former names. */
function checkWords(out: Findings, engine: WorkbookEngine, reading: TextReading, def: TextReviewDef): void {
  const text = reading.text;
  const find = (words: string, fn: (at: Span) => void) => {
    for (const m of text.matchAll(wordsPattern(words, 'g'))) fn({ start: m.index, end: m.index + m[0].length });
  };
  for (const r of def.residue) find(r.text, (at) => out.add('residue', 'error', at, `模板残留“${r.text}”：${r.hint}`));
  reading.sentences.forEach((s, i) => {
    if (s.heading) return;
    const words = s.body.replace(/\s+/g, '');
    if (!words.includes('持平')) return;
    const at = spanOfWords(s, '持平');
    // The whole may change while a part (其中：…) stays level.
    const part = words.split(/其中[：:]?/).find((x) => x.includes('持平')) ?? '';
    if (UP_DOWN.test(part.replace(/增减/g, ''))) {
      out.add('contradiction', 'warning', at, `同一句既写增减又写“持平”：${words.length > 40 ? `${words.slice(0, 40)}…` : words}`);
      return;
    }
    const next = reading.sentences[i + 1];
    const nextWords = next && !next.heading ? next.body.replace(/\s+/g, '') : '';
    if (nextWords.startsWith('主要原因') && UP_DOWN.test(nextWords)) {
      out.add('contradiction', 'warning', at, `写“持平”，却又说明了增减的原因（${nextWords.slice(0, 30)}…）：持平时按模板只写持平，否则应写出增减额和幅度`);
    }
  });
  const former = [...engine.codes.formerNames().map((x) => [x.former, x.current] as const), ...(def.formerNames ?? [])];
  for (const [old, current] of former) {
    find(old, (at) => {
      // The current name may contain the former one (a longer, newer name): not out of date then.
      const around = text.slice(Math.max(0, at.start - current.length), at.end + current.length).replace(/\s+/g, '');
      if (current.includes(old) && around.includes(current)) return;
      out.add('former-name', 'warning', at, `“${old}”是旧的科目名称，${engine.document().meta.year}年应为“${current}”`);
    });
  }
}
