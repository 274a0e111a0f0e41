// The rendered 情况说明: sections → paragraphs → segments. Plain data, so the view, the
// clipboard text and tests read the same thing. No DOM.
import type { AnySheetId } from '../../model/template';

export interface CellAddress {
  sheet: AnySheetId;
  row: string;
  col: string;
}

/** Where a figure comes from: one cell (tooltip names it, click jumps to it) or a formula over cells. */
export type FigureSource =
  | ({ kind: 'cell'; label: string } & CellAddress)
  | { kind: 'formula'; label: string; formula: string; cells: CellAddress[] };

/** An input the narrative needs and the document lacks: a 补充资料 cell or a text of the user. */
export type MissingRef = ({ kind: 'input'; label: string } & CellAddress) | { kind: 'text'; id: string; label: string };

export type Segment =
  | { kind: 'text'; text: string }
  /** Computed: never editable. */
  | { kind: 'figure'; text: string; source: FigureSource; choice?: string; derived?: Derived }
  /** The user's own words, editable (session.setText(textId, …)). */
  | { kind: 'userText'; text: string; textId: string; label: string }
  /** Marked gap, e.g. 【缺：上年收支总计】; `missing` says what to fill in (absent for a 0 denominator). */
  | { kind: 'placeholder'; text: string; missing: MissingRef[]; source?: FigureSource };

/**
 * How a figure was derived from two amounts (2-dp strings; their cells are the source's, in order):
 * a share a ÷ b × 100, a change |a − b| ÷ |b| × 100, a difference |a − b|. A published text is read
 * against it (表文核对: truncated rather than rounded, a rate without a base, a table's printed slip).
 */
export interface Derived {
  kind: 'share' | 'change' | 'diff';
  a: string;
  b: string;
  /** The cell each operand is, when it is one cell. */
  cells: [CellAddress | null, CellAddress | null];
}

export interface RenderedParagraph {
  id: string;
  segments: Segment[];
}

export interface RenderedSection {
  id: string;
  title: string;
  /** 0 for 第…部分, 1 for 一、…, 2 for （一）… */
  depth: number;
  paragraphs: RenderedParagraph[];
  sections: RenderedSection[];
}

export interface MissingInput {
  ref: MissingRef;
  /** Titles of the 一、… sections that need it. */
  where: string[];
  /** What cannot be written without it, e.g. 无法计算增减变化. */
  consequence: string;
}

export interface RenderedNarrative {
  sections: RenderedSection[];
  missing: MissingInput[];
}
