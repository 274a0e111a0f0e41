// What the 情况说明 lacks, as 审核 findings (提示) the app lists with the engine's own.
import type { Finding } from '../workbook-engine';
import type { WorkbookEngine } from '../workbook-engine';
import { renderNarrative } from './render';
import type { MissingInput, RenderedNarrative } from './types';

export const MISSING_INPUT_RULE = 'N-input';
export const MISSING_TEXT_RULE = 'N-text';

function finding(m: MissingInput, docName: string, rules: { input: string; text: string }): Finding {
  const where = m.where.map((w) => `“${w}”`).join('、');
  const base = { severity: 'warning' as const, left: null, right: null, diff: null };
  if (m.ref.kind === 'text') {
    return {
      ...base,
      ruleId: rules.text,
      rowId: `${rules.text}:${m.ref.id}`,
      title: `${docName}缺少文字`,
      message: `缺少${m.ref.label}，请在${docName}${where}中填写`,
      cells: [],
    };
  }
  const { sheet, row, col } = m.ref;
  return {
    ...base,
    ruleId: rules.input,
    rowId: `${rules.input}:${sheet}:${row}:${col}`,
    title: `${docName}缺少数据`,
    message: `缺少${m.ref.label}，${docName}${where}${m.consequence}`,
    cells: [{ sheet, row, col }],
  };
}

/** Missing inputs of the narrative (提示), in the order the text needs them. Pass a render to reuse it. */
export function missingInputs(engine: WorkbookEngine, rendered: RenderedNarrative = renderNarrative(engine)): Finding[] {
  return rendered.missing.map((m) => finding(m, '情况说明', { input: MISSING_INPUT_RULE, text: MISSING_TEXT_RULE }));
}

/** The same for another rendered outline (a template part), under its own name and rule ids. */
export function missingInputsOf(rendered: RenderedNarrative, docName: string, rules: { input: string; text: string }): Finding[] {
  return rendered.missing.map((m) => finding(m, docName, rules));
}
