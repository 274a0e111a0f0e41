// The workbook's own 情况说明 as the reference a published text is read against: the template's
// narrative (data in sheets/) rendered from the workbook, read like any text, each number with the
// figure it stands for (its cells, its value, for a share its part and whole). The words before a
// figure in the template are what name it: nothing here knows a template.
import { dec, pct, type Decimal } from '../../model/amount';
import type { ItemsSlot, NarrativeSectionDef, OperandDef, SlotDef } from '../../model/narrative';
import type { WorkbookEngine } from '../workbook-engine';
import { renderNarrative } from '../narrative';
import type { CellAddress, Derived, FigureSource, MissingRef, RenderedSection, Segment } from '../narrative';
import { SUPPLEMENT_ID } from '../../model/ids';
import { cleanWords, readText, type TextNumber, type TextReading } from './reading';

export interface ReferenceFigure {
  number: TextNumber;
  source: FigureSource;
  /** A share, a change or a difference: its two amounts (b 0: no rate exists) and the exact rate. */
  derived?: { kind: Derived['kind']; a: Decimal; b: Decimal; exact: Decimal | null };
  /** The printed figure of its cell when the document prints another one (审查). */
  printed?: Decimal;
  /** A derived figure computed from the printed figures of its cells, where they differ (审查). */
  asPrinted?: Decimal;
  /**
   * A reference gap: the workbook lacks the 补充资料 input(s) this figure needs (a PDF under review has
   * no 补充资料; 年初预算 and 政府采购 are stated in its text only). Its value is unknown: a number it
   * names takes it, never a finding.
   */
  gap?: true;
}

/** A “主要包括” list of the reference: its economic lines and where it sits. */
export interface ReferenceList {
  paragraph: number;
  /** Words before the list (人员经费#万元，主要包括). */
  label: string;
  table: string;
  classes: string[];
  /** The slot lists every non-zero line (no limit, no choice of the user's). */
  complete: boolean;
}

export interface Reference {
  reading: TextReading;
  figures: ReferenceFigure[];
  lists: ReferenceList[];
  /**
   * Rates the template writes of a part whose whole is 0 here (a 三公 item without a budget): by
   * the part's cell, the whole's name. The narrative leaves them out; a text that gives one is wrong.
   */
  baseless: BaselessRate[];
}

export interface BaselessRate {
  /** The part's cell path (sheet:row:col). */
  part: string;
  /** The template's words before the rate, cleaned (完成预算的). */
  words: string;
  /** The whole's name. */
  whole: string;
}

export function cellsOf(s: FigureSource): CellAddress[] {
  return s.kind === 'cell' ? [{ sheet: s.sheet, row: s.row, col: s.col }] : s.cells;
}

/** The rendered narrative as text (a blank line between paragraphs) with its figures' offsets. */
export function referenceOf(engine: WorkbookEngine): Reference {
  const rendered = renderNarrative(engine);
  let text = '';
  const at: { start: number; source: FigureSource; derived?: Derived; gap?: true }[] = [];
  const listAt: { start: number; source: FigureSource }[] = [];
  const visit = (s: RenderedSection) => {
    text += `${s.title}\n\n`;
    for (const p of s.paragraphs) {
      for (const [i, seg] of p.segments.entries()) {
        if (seg.kind === 'placeholder' && seg.source && isSupplementGap(seg.missing) && UNIT_NEXT.test(textAfter(p.segments, i))) {
          // A number stands in for the gap, so the words before it name it like any figure.
          at.push({ start: text.length, source: seg.source, gap: true });
          text += '0';
          continue;
        }
        if (seg.kind === 'figure') {
          if (/^-?[\d,]+(\.\d+)?$/.test(seg.text)) at.push({ start: text.length, source: seg.source, ...(seg.derived ? { derived: seg.derived } : {}) });
          else listAt.push({ start: text.length, source: seg.source });
        }
        text += seg.text;
      }
      text += '\n\n';
    }
    s.sections.forEach(visit);
  };
  rendered.sections.forEach(visit);
  const reading = readText(text);
  const byStart = new Map(reading.numbers.map((n) => [n.start, n]));
  const printed = engine.document().printed;
  const printedOf = (c: CellAddress | null | undefined): Decimal | undefined => {
    const p = c ? printed?.[c.sheet as keyof typeof printed]?.[c.row]?.[c.col] : undefined;
    // A cell printed blank ('') reads as 0.
    return p === undefined ? undefined : dec(p === '' ? 0 : p);
  };
  const figures: ReferenceFigure[] = [];
  for (const f of at) {
    const number = byStart.get(f.start);
    if (!number) continue;
    const p = f.source.kind === 'cell' ? printedOf(f.source) : undefined;
    const fig: ReferenceFigure = { number, source: f.source, ...(p !== undefined ? { printed: p } : {}), ...(f.gap ? { gap: true as const } : {}) };
    if (f.derived) {
      const d = f.derived;
      const [a, b] = [dec(d.a), dec(d.b)];
      fig.derived = { kind: d.kind, a, b, exact: exactOf(d.kind, a, b) };
      const [pa, pb] = [printedOf(d.cells[0]) ?? a, printedOf(d.cells[1]) ?? b];
      if (!pa.eq(a) || !pb.eq(b)) {
        const alt = d.kind === 'diff' ? pa.minus(pb).abs() : d.kind === 'share' ? pct(pa, pb) : pct(pa.minus(pb).abs(), pb.abs());
        if (alt) fig.asPrinted = alt;
      }
    }
    figures.push(fig);
  }
  return { reading, figures, lists: listsOf(engine, reading, listAt), baseless: baselessRates(engine) };
}

/** What a gap's number would be followed by: an amount or a rate (not a clause such as a change). */
const UNIT_NEXT = /^\s*(万元|%)/;

function textAfter(segments: readonly Segment[], i: number): string {
  const next = segments[i + 1];
  return next && next.kind !== 'placeholder' ? next.text : '';
}

/** Every input the placeholder lacks is a 补充资料 cell (not a text of the user, not a table cell). */
function isSupplementGap(missing: readonly MissingRef[]): boolean {
  return missing.length > 0 && missing.every((m) => m.kind === 'input' && m.sheet === SUPPLEMENT_ID);
}

/**
 * Rates the template would write over a whole that is 0 or blank here, each by its part's cell and
 * the words just before it in the template (完成预算的), so a share of the same part (占) is told apart.
 */
function baselessRates(engine: WorkbookEngine): BaselessRate[] {
  const out: BaselessRate[] = [];
  const pathOf = (op: OperandDef) => (typeof op === 'string' ? op : op.of);
  const visit = (rec: Record<string, SlotDef> | undefined, texts: string[]) => {
    const all = [...texts, ...Object.values(rec ?? {}).flatMap(slotTexts)];
    for (const [key, s] of Object.entries(rec ?? {})) {
      if (s.kind === 'each') visit(s.slots, all);
      if (s.kind !== 'pct') continue;
      const [part, whole] = [pathOf(s.part), pathOf(s.whole)];
      if (/\{(code|class)\}/.test(part + whole) || part.startsWith('fig:') || whole.startsWith('fig:')) continue;
      const [ws, wr, wc] = whole.split(':') as [CellAddress['sheet'], string, string];
      if (!engine.has(ws, wr, wc)) continue;
      const v = engine.amount(ws, wr, wc);
      // A blank 补充资料 input is unknown (a gap), not 0.
      if ((v !== null && !v.isZero()) || (v === null && ws === SUPPLEMENT_ID)) continue;
      for (const t of all) {
        const at = t.indexOf(`{${key}}`);
        if (at < 0) continue;
        const words = cleanWords(t.slice(0, at).replace(/\{[A-Za-z]\w*\}/g, '')).split(/[，。；：、]/).pop() ?? '';
        if (words) out.push({ part, words, whole: typeof s.whole === 'string' ? whole : s.whole.label });
      }
    }
  };
  const walk = (list: readonly NarrativeSectionDef[]) => {
    for (const sec of list) {
      for (const b of sec.body ?? []) {
        for (const p of 'paragraphs' in b ? b.paragraphs : [b]) visit(p.slots, [p.text]);
      }
      walk(sec.sections ?? []);
    }
  };
  walk(engine.template.narrative?.sections ?? []);
  return out;
}

/** The template texts a slot may print. */
function slotTexts(s: SlotDef): string[] {
  switch (s.kind) {
    case 'choose':
      return [...s.cases.map((c) => c.text), s.else];
    case 'compare':
      return [s.up, s.down, s.same, s.fromZero];
    case 'list':
      return s.items.map((i) => i.text);
    case 'each':
      return [s.text];
    default:
      return [];
  }
}

/** The unrounded rate (%) of a share or a change; null for a difference or a zero base. */
function exactOf(kind: Derived['kind'], a: Decimal, b: Decimal): Decimal | null {
  if (kind === 'diff' || b.isZero()) return null;
  return (kind === 'share' ? a : a.minus(b).abs()).div(b.abs()).times(100);
}

/** Each rendered “主要包括” list: the paragraph it is in, the words before it, its slot. */
function listsOf(engine: WorkbookEngine, reading: TextReading, names: { start: number; source: FigureSource }[]): ReferenceList[] {
  const slots = itemsSlots(engine.template.narrative?.sections ?? []);
  const out: ReferenceList[] = [];
  let last = -1;
  for (const n of names) {
    if (n.source.kind !== 'cell') continue;
    const sentence = reading.sentences.find((s) => s.start <= n.start && n.start < s.end);
    if (!sentence || n.start <= last) continue;
    // The list runs to the end of its clause; the next name of the same list is skipped.
    last = sentence.end;
    const { sheet, row } = n.source;
    const slot = slots.find((s) => s.table === sheet && s.classes.includes(row.slice(0, 3)));
    if (!slot) continue;
    const before = reading.text.slice(sentence.start, n.start);
    out.push({
      paragraph: sentence.paragraph,
      label: before.replace(/\s+/g, '').replace(/主要包括[：:]?$/, ''),
      table: slot.table,
      classes: slot.classes,
      complete: slot.limit === undefined && !(slot.choice && engine.text(slot.choice).trim()),
    });
  }
  return out;
}

function itemsSlots(sections: readonly NarrativeSectionDef[]): ItemsSlot[] {
  const out: ItemsSlot[] = [];
  const slots = (rec: Record<string, SlotDef> | undefined) => {
    for (const s of Object.values(rec ?? {})) {
      if (s.kind === 'items') out.push(s);
      if (s.kind === 'each') slots(s.slots);
    }
  };
  const visit = (list: readonly NarrativeSectionDef[]) => {
    for (const s of list) {
      for (const b of s.body ?? []) {
        if ('paragraphs' in b) b.paragraphs.forEach((p) => slots(p.slots));
        else slots(b.slots);
      }
      visit(s.sections ?? []);
    }
  };
  visit(sections);
  return out;
}
