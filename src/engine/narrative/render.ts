// Renders the template's 情况说明 from the live workbook: every number is read from the engine and
// rounded half-up (decimal.js) here, so the text is right by construction. DOM-free.
import type { Decimal } from '../../model/amount';
import { dec, formatStyled, pct as percent } from '../../model/amount';
import type {
  BlockDef,
  CellPath,
  CompareSlot,
  ConditionDef,
  EachSlot,
  ItemsSlot,
  NarrativeDef,
  NarrativeSectionDef,
  OperandDef,
  ParagraphDef,
  PctSlot,
  RepeatDef,
  SlotDef,
  TemplateText,
  UserTextSlot,
} from '../../model/narrative';
import type { AnySheetId } from '../../model/template';
import { indicatorInput, INDICATOR_SHEET } from '../../model/part';
import { referencedCells, substitute, TemplateError } from '../formula';
import { INDICATOR_COL_NAMES, indicatorPart, indicatorRowRef, missingRows, type IndicatorCol } from '../indicators';
import type { WorkbookEngine } from '../workbook-engine';
import { CellNamer, formulaInWords } from './sources';
import type { CellAddress, Derived, FigureSource, MissingInput, MissingRef, RenderedNarrative, RenderedParagraph, RenderedSection, Segment } from './types';

/** A number read from the workbook: its value (null when a needed input is missing) and where it comes from. */
interface Operand {
  value: Decimal | null;
  source: FigureSource;
  /** Short name for formulas. */
  name: string;
  missing: MissingRef[];
}

type Vars = Record<string, string>;

/** Slots visible to a template: the paragraph's, then enclosing ones; locals of a variant first. */
interface Scope {
  slots: Record<string, SlotDef>;
  vars: Vars;
  locals?: Record<string, Segment[]>;
  parent?: Scope;
}

const TOKEN = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;

const CONSEQUENCE: Record<'amount' | 'count' | 'pct' | 'compare', string> = {
  amount: '无法写出该数字',
  count: '无法写出该数字',
  pct: '无法计算比例',
  compare: '无法计算增减变化',
};

function mergeText(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    const last = out[out.length - 1];
    if (s.kind === 'text' && s.text === '') continue;
    if (s.kind === 'text' && last?.kind === 'text') out[out.length - 1] = { kind: 'text', text: last.text + s.text };
    else out.push(s);
  }
  return out;
}

class Renderer {
  private readonly names: CellNamer;
  private readonly missing = new Map<string, MissingInput>();
  /** Title of the 一、… section being rendered, for 审核 messages. */
  private where = '';

  constructor(
    private readonly engine: WorkbookEngine,
    private readonly def: NarrativeDef | undefined,
  ) {
    this.names = new CellNamer(engine);
  }

  run(): RenderedNarrative {
    const def = this.def;
    const sections = (def?.sections ?? []).map((s) => this.section(s, 0));
    return { sections, missing: [...this.missing.values()] };
  }

  private builtins(): Vars {
    const { year, department } = this.engine.document().meta;
    return { year: String(year), prevYear: String(year - 1), dept: department };
  }

  private section(def: NarrativeSectionDef, depth: number): RenderedSection {
    const title = this.plain(def.title, this.builtins());
    if (depth <= (this.def?.whereDepth ?? 1)) this.where = title;
    const scope: Scope = { slots: {}, vars: this.builtins() };
    const paragraphs = (def.body ?? []).flatMap((b) => this.block(b, scope));
    const sections = (def.sections ?? []).map((s) => this.section(s, depth + 1));
    return { id: def.id, title, depth, paragraphs, sections };
  }

  /** Headings: built-in tokens only. */
  private plain(text: TemplateText, vars: Vars): string {
    return text.replace(TOKEN, (m, k: string) => {
      const v = vars[k];
      if (v === undefined) throw new TemplateError(`情况说明标题中的 ${m} 无法替换`);
      return v;
    });
  }

  private block(b: BlockDef, scope: Scope): RenderedParagraph[] {
    if (!('each' in b)) return [this.paragraph(b, scope, b.id)];
    const codes = this.codes(b.each, scope.vars);
    if (!codes.length) return b.none ? [this.paragraph(b.none, scope, `${b.id}:none`)] : [];
    return codes.flatMap((vars) => b.paragraphs.map((p) => this.paragraph(p, { ...scope, vars }, `${b.id}:${vars.code}:${p.id}`)));
  }

  private paragraph(p: ParagraphDef, parent: Scope, id: string): RenderedParagraph {
    return { id, segments: mergeText(this.expand(p.text, { slots: p.slots ?? {}, vars: parent.vars, parent })) };
  }

  /** The codes of a repetition with their template variables, numbered after skipping. */
  private codes(r: RepeatDef, outer: Vars): Vars[] {
    const book = this.engine.codes;
    const list = r.over === 'class' ? book.classes(r.funds) : book.items(r.funds);
    const out: Vars[] = [];
    for (const code of list) {
      const cls = code.slice(0, 3);
      const vars: Vars = {
        ...outer,
        code,
        class: cls,
        name: book.narrativeName(code),
        className: book.shortClassName(cls),
        classFullName: book.narrativeName(cls),
        kuanName: book.narrativeName(code.slice(0, 5)),
      };
      if (r.skip && this.holds(r.skip, vars)) continue;
      out.push({ ...vars, n: String(out.length + 1) });
    }
    return out;
  }

  private expand(text: TemplateText, scope: Scope): Segment[] {
    const out: Segment[] = [];
    let at = 0;
    for (const m of text.matchAll(TOKEN)) {
      out.push({ kind: 'text', text: text.slice(at, m.index) });
      out.push(...this.token(m[1]!, scope));
      at = m.index + m[0].length;
    }
    out.push({ kind: 'text', text: text.slice(at) });
    return out;
  }

  private token(name: string, scope: Scope): Segment[] {
    for (let s: Scope | undefined = scope; s; s = s.parent) {
      const local = s.locals?.[name];
      if (local) return local;
      const slot = s.slots[name];
      if (slot) return this.slot(slot, { ...s, vars: scope.vars, locals: undefined });
    }
    const v = scope.vars[name];
    if (v !== undefined) return [{ kind: 'text', text: v }];
    throw new TemplateError(`情况说明模板中的 {${name}} 没有定义`);
  }

  /** Amounts and shares in the template's number style (default: the Hunan reference's trimmed style). */
  private num(d: Decimal.Value, places = 2): string {
    return formatStyled(d, this.engine.template.narrative?.numbers ?? { decimals: 'trim', grouping: false }, places);
  }

  private slot(slot: SlotDef, scope: Scope): Segment[] {
    switch (slot.kind) {
      case 'amount':
      case 'count': {
        const o = this.operand(slot.of, scope.vars);
        if (o.value === null) return [this.gap(o.missing, slot.kind, o.source)];
        const numbers = this.engine.template.narrative?.numbers ?? { decimals: 'trim' as const, grouping: false };
        // A slot marked fixed keeps its trailing zeros (74.70) whatever the template's style.
        const text = slot.kind === 'amount' && slot.fixed ? formatStyled(o.value, { ...numbers, decimals: 'fixed' }, 2) : this.num(o.value, slot.kind === 'count' ? 0 : 2);
        return [{ kind: 'figure', text, source: o.source }];
      }
      case 'pct':
        return this.pct(slot, scope);
      case 'compare':
        return this.compare(slot, scope);
      case 'choose': {
        const hit = slot.cases.find((c) => this.holds(c.when, scope.vars));
        return this.expand(hit ? hit.text : slot.else, scope);
      }
      case 'text':
        return [this.userText(slot, scope.vars)];
      case 'items':
        return this.items(slot, scope);
      case 'each':
        return this.each(slot, scope);
      case 'list': {
        const kept = slot.items.filter((it) => !it.skip || !this.holds(it.skip, scope.vars));
        if (!kept.length) return this.expand(slot.none, scope);
        return kept.flatMap((it, i) => [...(i ? [{ kind: 'text' as const, text: slot.sep }] : []), ...this.expand(it.text, scope)]);
      }
    }
  }

  private pct(slot: PctSlot, scope: Scope): Segment[] {
    const part = this.operand(slot.part, scope.vars);
    const whole = this.operand(slot.whole, scope.vars);
    const source: FigureSource = {
      kind: 'formula',
      label: `${part.name}占${whole.name}的比例（%）`,
      formula: `${part.name} ÷ ${whole.name} × 100`,
      cells: uniqueCells([...cellsOf(part.source), ...cellsOf(whole.source)]),
    };
    if (part.value === null || whole.value === null) return [this.gap([...part.missing, ...whole.missing], 'pct', source)];
    const p = percent(part.value, whole.value);
    const derived: Derived = { kind: 'share', a: part.value.toFixed(2), b: whole.value.toFixed(2), cells: [oneCell(part.source), oneCell(whole.source)] };
    if (p !== null) return [{ kind: 'figure', text: this.num(p), source, derived }];
    // 0 of 0 is printed 0% as the reference does for empty income types; a share of nothing is not a number.
    if (part.value.isZero()) return [{ kind: 'figure', text: this.num(0), source, derived }];
    return [{ kind: 'placeholder', text: `【无法计算：${whole.name}为0】`, missing: [], source }];
  }

  private compare(slot: CompareSlot, scope: Scope): Segment[] {
    const cur = this.operand(slot.cur, scope.vars);
    const base = this.operand(slot.base, scope.vars);
    const cells = uniqueCells([...cellsOf(cur.source), ...cellsOf(base.source)]);
    if (cur.value === null || base.value === null) {
      const gap = this.gap([...cur.missing, ...base.missing], 'compare', cur.source);
      return this.expand(slot.missing ?? '{missing}', { ...scope, locals: { missing: [gap] } });
    }
    const diff = cur.value.minus(base.value);
    const abs = diff.abs();
    const pair = { a: cur.value.toFixed(2), b: base.value.toFixed(2), cells: [oneCell(cur.source), oneCell(base.source)] as Derived['cells'] };
    const locals: Record<string, Segment[]> = {
      abs: [
        {
          kind: 'figure',
          text: this.num(abs),
          derived: { kind: 'diff', ...pair },
          source: { kind: 'formula', label: `${cur.name}与${base.name}之差`, formula: `${cur.name} − ${base.name}`, cells },
        },
      ],
    };
    const p = percent(abs, base.value.abs());
    if (p !== null) {
      locals.pct = [
        {
          kind: 'figure',
          text: this.num(p),
          derived: { kind: 'change', ...pair },
          source: {
            kind: 'formula',
            label: `${cur.name}比${base.name}增减的比例（%）`,
            formula: `(${cur.name} − ${base.name}) ÷ ${base.name} × 100`,
            cells,
          },
        },
      ];
    }
    const text = diff.isZero() ? slot.same : base.value.isZero() ? slot.fromZero : diff.isPositive() ? slot.up : slot.down;
    return this.expand(text, { ...scope, locals });
  }

  private userText(slot: UserTextSlot, vars: Vars): Segment {
    const id = substituteVars(slot.id, vars);
    const label = slot.label
      ? this.plain(slot.label, vars)
      : (this.engine.template.texts.find((t) => t.id === id)?.label ?? id);
    const text = this.engine.text(id);
    if (text.trim()) return { kind: 'userText', text, textId: id, label };
    const ref: MissingRef = { kind: 'text', id, label };
    this.note(ref, '');
    return { kind: 'placeholder', text: `【待填写：${label}】`, missing: [ref] };
  }

  /** The listed items of the slot's economic table (see listedItems), in code order, each name linked to its cell. */
  private items(slot: ItemsSlot, scope: Scope): Segment[] {
    const table = slot.table;
    const list: Segment[] = [];
    for (const { code } of listedItems(this.engine, slot).filter((o) => o.listed)) {
      if (list.length) list.push({ kind: 'text', text: '、' });
      const { full } = this.names.name(table, code, 'amount');
      const source: FigureSource = { kind: 'cell', sheet: table, row: code, col: 'amount', label: full };
      list.push({ kind: 'figure', text: this.engine.codes.economicNarrativeName(code), source, ...(slot.choice ? { choice: slot.choice } : {}) });
    }
    if (!list.length) return this.expand(slot.none, scope);
    return this.expand(slot.text, { ...scope, locals: { list } });
  }

  private each(slot: EachSlot, scope: Scope): Segment[] {
    const codes = this.codes(slot.each, scope.vars);
    if (!codes.length) return this.expand(slot.none, scope);
    return codes.flatMap((vars, i) => [
      ...(i ? [{ kind: 'text' as const, text: slot.sep }] : []),
      ...this.expand(slot.text, { slots: slot.slots ?? {}, vars, parent: scope }),
    ]);
  }

  private holds(cond: ConditionDef, vars: Vars): boolean {
    const zero = (cond.allZero ?? []).every((op) => {
      const v = this.operand(op, vars).value;
      return v !== null && v.isZero();
    });
    const missing = !cond.anyMissing || cond.anyMissing.some((op) => this.operand(op, vars).value === null);
    return zero && missing;
  }

  private gap(missing: MissingRef[], kind: keyof typeof CONSEQUENCE, source: FigureSource): Segment {
    for (const ref of missing) this.note(ref, CONSEQUENCE[kind]);
    const labels = [...new Set(missing.map((m) => m.label))];
    const shown = labels.length > 2 ? `${labels.slice(0, 2).join('、')}等` : labels.join('、');
    return { kind: 'placeholder', text: `【缺：${shown || source.label}】`, missing, source };
  }

  private note(ref: MissingRef, consequence: string): void {
    const key = ref.kind === 'text' ? `text:${ref.id}` : `input:${ref.sheet}:${ref.row}:${ref.col}`;
    const m = this.missing.get(key);
    if (!m) this.missing.set(key, { ref, where: [this.where], consequence });
    else if (!m.where.includes(this.where)) m.where.push(this.where);
  }

  /** Reads a cell: table blanks are 0; a blank 补充资料 input (or a total over one) is missing. */
  private operand(def: OperandDef, vars: Vars): Operand {
    const path = substituteVars(typeof def === 'string' ? def : def.of, vars);
    const label = typeof def === 'string' ? undefined : this.plain(def.label, vars);
    const [sheet, row, col] = splitPath(path);
    if (sheet === 'fig') {
      const f = this.engine.template.figures.find((x) => x.id === row);
      if (!f) throw new TemplateError(`情况说明引用了不存在的关键数据 ${row}`);
      // A figure that is one cell stands for that cell: the tooltip and the click go there.
      const single = /^\{([^{}?@]+:[^{}]+:[^{}]+)\}$/.exec(f.formula.trim());
      if (single) return this.operand(label ? { of: single[1]!, label } : single[1]!, vars);
      const cells = referencedCells(f.formula, 'fig');
      const words = formulaInWords(f.formula, (s, r, c) => this.names.name(s, r, c).full);
      return {
        value: this.engine.amount('fig', row, 'value') ?? null,
        source: { kind: 'formula', label: label ?? f.label, formula: words, cells: cells as CellAddress[] },
        name: label ?? f.label,
        missing: [],
      };
    }
    if (!this.engine.has(sheet, row, col)) throw new TemplateError(`情况说明引用了不存在的单元格 ${path}`);
    if (sheet === INDICATOR_SHEET) return this.indicatorOperand(row, col, label);
    const n = this.names.name(sheet, row, col);
    const name = label ?? n.short;
    const source: FigureSource = { kind: 'cell', sheet, row, col, label: label ? `${n.table} ${label}` : n.full };
    const raw = this.engine.value(sheet, row, col);
    const blank = raw === null || raw === '';
    if (sheet === 'sup') {
      const missing = this.missingSupplement(row, blank, typeof raw === 'object' && raw !== null);
      if (missing.length) return { value: null, source, name, missing };
    } else if (typeof raw === 'object' && raw !== null) {
      return { value: null, source, name, missing: [{ kind: 'input', sheet, row, col, label: n.full }] };
    }
    return { value: (blank ? null : this.engine.amount(sheet, row, col)) ?? ZERO, source, name, missing: [] };
  }

  /**
   * A cell of the indicator sheet: missing when an input it needs is blank (a score given by hand
   * needs nothing else); its source names the inputs, so a click goes where the user types.
   */
  private indicatorOperand(row: string, col: string, label: string | undefined): Operand {
    const part = indicatorPart(this.engine.template);
    const ref = part && indicatorRowRef(part, this.engine.document(), row);
    if (!ref) throw new TemplateError(`绩效评分表没有行 ${row}`);
    const supHas = (r: string) => this.engine.has('sup', r, 'value');
    const isInput = (r: string) => supHas(r) && this.engine.isInput('sup', r, 'value');
    const isBlank = (r: string) => supHas(r) && (this.engine.value('sup', r, 'value') ?? '') === '';
    const supRef = (r: string): MissingRef => ({ kind: 'input', sheet: 'sup', row: r, col: 'value', label: this.names.supplementLabel(r) });
    const missing = missingRows(ref, col, isInput, isBlank).map(supRef);
    const colName = INDICATOR_COL_NAMES[col as IndicatorCol] ?? '';
    const name = label ?? (ref.kind === 'figure' || col === 'value' ? ref.name : `${ref.name}${colName}`);
    let cells: CellAddress[] = [];
    let formula: string;
    if (ref.kind === 'figure') {
      cells = referencedCells(ref.formula, INDICATOR_SHEET) as CellAddress[];
      formula = formulaInWords(ref.formula, (s, r, c) => this.names.name(s, r, c).full);
    } else if (ref.kind === 'indicator') {
      const ind = ref.ind;
      const valueCells = ind.value.kind === 'formula' ? (referencedCells(ind.value.formula, INDICATOR_SHEET) as CellAddress[]) : [{ sheet: 'sup' as const, row: indicatorInput.value(ind.id), col: 'value' }];
      if (ind.value.kind === 'judged') {
        cells = [{ sheet: 'sup', row: indicatorInput.judged(ind.id), col: 'value' }];
        formula = `自评打分（满分${ind.weight}分）：${ind.value.basis}`;
      } else if (col === 'score') {
        cells = [{ sheet: 'sup', row: indicatorInput.score(ind.id), col: 'value' }, ...valueCells];
        formula = `达到目标得${ind.weight}分，未达到得0分；填写了调整得分时取调整得分`;
      } else {
        cells = valueCells;
        formula = ind.value.kind === 'formula' ? ind.value.words : `填报的${ref.name}`;
      }
    } else {
      formula = `${ref.name}各指标得分之和`;
    }
    const source: FigureSource = { kind: 'formula', label: `绩效评分表 ${name}`, formula, cells: uniqueCells(cells.filter((c) => this.engine.has(c.sheet, c.row, c.col))) };
    if (missing.length) return { value: null, source, name, missing };
    const value = this.engine.amount(INDICATOR_SHEET, row, col);
    if (value !== null) return { value, source, name, missing: [] };
    // Blank without a blank input: a score of an indicator with no target at all needs one by
    // hand; a one-sided target's other bound is simply absent.
    const need = col === 'score' && ref.kind === 'indicator' && ref.ind.value.kind !== 'judged' ? [supRef(indicatorInput.score(ref.ind.id))] : [];
    return { value: null, source, name, missing: need };
  }

  /** A 补充资料 input is missing when blank; a derived total when any of its inputs is. */
  private missingSupplement(row: string, blank: boolean, error: boolean): MissingRef[] {
    const self = (): MissingRef => ({ kind: 'input', sheet: 'sup', row, col: 'value', label: this.names.supplementLabel(row) });
    if (this.engine.isInput('sup', row, 'value')) return blank || error ? [self()] : [];
    const inputs: string[] = [];
    for (const section of this.engine.template.supplement) {
      const f = section.fields.find((x) => x.id === row);
      if (f?.formula) inputs.push(...referencedCells(f.formula, 'sup').map((c) => c.row));
      const p = section.perItem;
      if (p?.totalId === row) inputs.push(...this.engine.codes.items(p.funds ?? ['gpb']).map((code) => substitute(p.id, { code })));
    }
    const out = inputs
      .filter((r) => this.engine.has('sup', r, 'value') && this.engine.value('sup', r, 'value') === null)
      .map((r): MissingRef => ({ kind: 'input', sheet: 'sup', row: r, col: 'value', label: this.names.supplementLabel(r) }));
    return out.length || !error ? out : [self()];
  }
}

const ZERO = dec(0);

function cellsOf(s: FigureSource): CellAddress[] {
  return s.kind === 'cell' ? [{ sheet: s.sheet, row: s.row, col: s.col }] : s.cells;
}

function oneCell(s: FigureSource): CellAddress | null {
  return s.kind === 'cell' ? { sheet: s.sheet, row: s.row, col: s.col } : null;
}

function uniqueCells(cells: CellAddress[]): CellAddress[] {
  const seen = new Set<string>();
  return cells.filter((c) => {
    const k = `${c.sheet}:${c.row}:${c.col}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
}

function substituteVars(path: CellPath, vars: Vars): string {
  return path.replace(/\{(code|class)\}/g, (m, k: string) => {
    const v = vars[k];
    if (v === undefined) throw new TemplateError(`${m} 只能用在按科目重复的句子中`);
    return v;
  });
}

function splitPath(path: string): [AnySheetId, string, string] {
  const parts = path.split(':');
  if (parts.length !== 3 || parts.some((p) => !p)) throw new TemplateError(`单元格路径 ${path} 应为 表:行:列`);
  return parts as [AnySheetId, string, string];
}

/** The 情况说明 of the engine's template (or another outline, e.g. a part's), computed from the current workbook. */
export function renderNarrative(engine: WorkbookEngine, def: NarrativeDef | undefined = engine.template.narrative): RenderedNarrative {
  return new Renderer(engine, def).run();
}

/** A line that a “主要包括” list may name: its amount, and whether the list names it now. */
export interface ItemOption {
  code: string;
  name: string;
  amount: Decimal;
  listed: boolean;
}

/**
 * The non-zero 款 lines of the slot's classes in code order. Listed: the user's choice when the
 * document holds one (codes no longer non-zero drop out), else the `limit` largest (ties by code), else all.
 */
export function listedItems(engine: WorkbookEngine, slot: ItemsSlot): ItemOption[] {
  const table = slot.table;
  const options = [...engine.sheet(table).index.keys()]
    .map((k) => k.split('|'))
    .filter(([row, col]) => col === 'amount' && /^\d{5}$/.test(row!) && slot.classes.includes(row!.slice(0, 3)))
    .map(([row]) => row!)
    .sort()
    .flatMap((code) => {
      const amount = engine.amount(table, code, 'amount');
      return amount === null || amount.isZero() ? [] : [{ code, name: engine.codes.economicNarrativeName(code), amount, listed: false }];
    });
  const chosen = slot.choice ? engine.text(slot.choice).split(/[,，、\s]+/).filter(Boolean) : [];
  let keep: Set<string>;
  if (chosen.length) keep = new Set(chosen);
  else if (slot.limit !== undefined) {
    const largest = [...options].sort((a, b) => b.amount.comparedTo(a.amount) || a.code.localeCompare(b.code)).slice(0, slot.limit);
    keep = new Set(largest.map((o) => o.code));
  } else keep = new Set(options.map((o) => o.code));
  return options.map((o) => ({ ...o, listed: keep.has(o.code) }));
}

/** The “主要包括” slot whose choice is stored under `textId`, in the template's 情况说明 (or undefined). */
export function itemsSlotOf(engine: WorkbookEngine, textId: string): ItemsSlot | undefined {
  const found: ItemsSlot[] = [];
  const visitSlots = (slots: Record<string, SlotDef> | undefined) => {
    for (const s of Object.values(slots ?? {})) {
      if (s.kind === 'items' && s.choice === textId) found.push(s);
      if (s.kind === 'each') visitSlots(s.slots);
    }
  };
  const visitBody = (body: readonly BlockDef[]) => {
    for (const b of body) {
      if ('paragraphs' in b) visitBody([...b.paragraphs, ...(b.none ? [b.none] : [])]);
      else visitSlots(b.slots);
    }
  };
  const visit = (sections: readonly NarrativeSectionDef[]) => {
    for (const s of sections) {
      visitBody(s.body ?? []);
      visit(s.sections ?? []);
    }
  };
  visit(engine.template.narrative?.sections ?? []);
  return found[0];
}
