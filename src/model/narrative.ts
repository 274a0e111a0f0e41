// Types of the 情况说明 template (data in sheets/<template>/narrative.ts): sections of sentences
// whose numbers are slots bound to workbook cells. Data only; src/engine/narrative evaluates it.
// Imports nothing outside model/.
import type { Fund } from './ids';

/**
 * A cell by stable ids, `sheet:row:col` (the template's own sheet, row and column ids),
 * 'fig:grandTotal:value'. Inside a repetition, {code} and {class} are replaced.
 */
export type CellPath = string;

/** A number read from the workbook; `label` overrides the derived name in tooltips and formulas. */
export type OperandDef = CellPath | { of: CellPath; label: string };

/**
 * `allZero`: every operand is 0 or blank (a missing 补充资料 input is neither, so the test fails).
 * `anyMissing`: some operand lacks an input (e.g. an indicator whose score was given by hand).
 * Both given: both must hold.
 */
export interface ConditionDef {
  allZero?: OperandDef[];
  anyMissing?: OperandDef[];
}

/**
 * Text templates use `{token}` for: a slot of the paragraph, the built-ins {year} {prevYear}
 * {dept}, and inside repetitions {n} {code} {name} {class} {className} (一般公共服务) {classFullName}
 * (一般公共服务支出) {kuanName}.
 */
export type TemplateText = string;

/** An amount in 万元 as the reference prints it: 2 dp, trailing zeros dropped (60, 10.9, 1576.05). */
export interface AmountSlot {
  kind: 'amount';
  of: OperandDef;
  /** Keep trailing zeros (74.70), as a rate in a score sheet is printed. */
  fixed?: boolean;
}

/** A whole number from 补充资料 (人数, 团组, 辆). */
export interface CountSlot {
  kind: 'count';
  of: OperandDef;
}

/** pct(part, whole): half-up, 2 dp, without the % sign. */
export interface PctSlot {
  kind: 'pct';
  part: OperandDef;
  whole: OperandDef;
}

/**
 * Compares `cur` with `base` (prior year or budget) and picks a variant by the sign of the
 * difference. Variant templates may use {abs} (|cur − base|), {pct} (|cur − base| ÷ base × 100)
 * and any slot of the paragraph. `fromZero` is used when base is 0 and cur is not (no % then).
 * `missing` (default: the placeholders) when either side is a missing input.
 */
export interface CompareSlot {
  kind: 'compare';
  cur: OperandDef;
  base: OperandDef;
  up: TemplateText;
  down: TemplateText;
  same: TemplateText;
  fromZero: TemplateText;
  missing?: TemplateText;
}

/** The first case whose condition holds, else `else`. */
export interface ChooseSlot {
  kind: 'choose';
  cases: { when: ConditionDef; text: TemplateText }[];
  else: TemplateText;
}

/** The user's own words (document texts), editable in the narrative; label names it when missing. */
export interface UserTextSlot {
  kind: 'text';
  id: string;
  label?: string;
}

/** Names of the non-zero economic items of these classes in the template's `table`, joined with 、. */
export interface ItemsSlot {
  kind: 'items';
  /** Sheet id of the economic table whose 款 lines are listed (基本支出明细表). */
  table: string;
  classes: string[];
  /** Used when at least one item is non-zero; {list} is the joined names. */
  text: TemplateText;
  none: TemplateText;
  /** At most this many: the largest amounts (ties by code), printed in code order. */
  limit?: number;
  /** Document text holding the user's own choice of codes (comma-separated); blank = the default list. */
  choice?: string;
}

/** Repeats over the department's 功能分类 classes or 项 codes of some funds. */
export interface RepeatDef {
  over: 'class' | 'item';
  funds: Fund[];
  /** Leave out a code when this holds (e.g. no spending and no budget). */
  skip?: ConditionDef;
}

/** The same clause once per code, inline, joined by `sep`; `none` when there is no code. */
export interface EachSlot {
  kind: 'each';
  each: RepeatDef;
  text: TemplateText;
  sep: string;
  none: TemplateText;
  slots?: Record<string, SlotDef>;
}

/**
 * Clauses of one sentence, each left out when its `skip` holds (“不涉及的不列”), joined by `sep`;
 * `none` when every clause is left out. Clauses use the paragraph's slots.
 */
export interface ListSlot {
  kind: 'list';
  items: { text: TemplateText; skip?: ConditionDef }[];
  sep: string;
  none: TemplateText;
}

export type SlotDef = AmountSlot | CountSlot | PctSlot | CompareSlot | ChooseSlot | UserTextSlot | ItemsSlot | EachSlot | ListSlot;

export interface ParagraphDef {
  id: string;
  text: TemplateText;
  slots?: Record<string, SlotDef>;
}

/** A group of paragraphs repeated per code; {n} numbers them 1, 2, … */
export interface RepeatBlockDef {
  id: string;
  each: RepeatDef;
  paragraphs: ParagraphDef[];
  none?: ParagraphDef;
}

export type BlockDef = ParagraphDef | RepeatBlockDef;

export interface NarrativeSectionDef {
  id: string;
  /** Heading as printed: 第三部分 {year}年度部门决算情况说明, 一、…, （一）… */
  title: TemplateText;
  body?: BlockDef[];
  sections?: NarrativeSectionDef[];
}

/**
 * How the narrative prints amounts and shares: 'trim' drops trailing zeros (60, 10.9, 1576.05),
 * 'fixed' always prints two decimals; `grouping` adds thousands separators (19,044.27).
 */
export interface NumberStyle {
  decimals: 'trim' | 'fixed';
  grouping: boolean;
}

export interface NarrativeDef {
  /** Number style of this family's published text (default: trimmed, no grouping). */
  numbers?: NumberStyle;
  /** Top-level parts of the published document (第一部分 …). */
  sections: NarrativeSectionDef[];
  /** Depth of the headings 审核 messages name (default 1: 一、…; 2 when a report title sits between). */
  whereDepth?: number;
}
