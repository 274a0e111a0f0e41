// What the 情况说明 lacks, as 审核 findings (提示) the app lists with the engine's own.
import type { Finding } from '../workbook-engine';
import type { WorkbookEngine } from '../workbook-engine';
import { renderNarrative } from './render';
import type { MissingInput, RenderedNarrative } from './types';

export const MISSING_INPUT_RULE = 'N-input';
export const MISSING_TEXT_RULE = 'N-text';

function finding(m: MissingInput): Finding {
  const where = m.where.map((w) => `“${w}”`).join('、');
  const base = { severity: 'warning' as const, left: null, right: null, diff: null };
  if (m.ref.kind === 'text') {
    return {
      ...base,
      ruleId: MISSING_TEXT_RULE,
      rowId: `${MISSING_TEXT_RULE}:${m.ref.id}`,
      title: '情况说明缺少文字',
      message: `缺少${m.ref.label}，请在情况说明${where}中填写`,
      cells: [],
    };
  }
  const { sheet, row, col } = m.ref;
  return {
    ...base,
    ruleId: MISSING_INPUT_RULE,
    rowId: `${MISSING_INPUT_RULE}:${sheet}:${row}:${col}`,
    title: '情况说明缺少数据',
    message: `缺少${m.ref.label}，情况说明${where}${m.consequence}`,
    cells: [{ sheet, row, col }],
  };
}

/** Missing inputs of the narrative (提示), in the order the text needs them. Pass a render to reuse it. */
export function missingInputs(engine: WorkbookEngine, rendered: RenderedNarrative = renderNarrative(engine)): Finding[] {
  return rendered.missing.map(finding);
}
