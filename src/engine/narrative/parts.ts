// Template parts beyond the 情况说明 (第五部分 附件 绩效自评报告 …): their outline rendered like the
// 情况说明, their indicator sheet as rows for a view, and what they lack as 审核 findings. DOM-free.
import { formatPlain } from '../../model/amount';
import { indicatorInput, indicatorText, INDICATOR_SHEET, type IndicatorDef, type TemplatePartDef } from '../../model/part';
import { indicatorList, indicatorPart, unitOf } from '../indicators';
import type { Finding, WorkbookEngine } from '../workbook-engine';
import { missingInputsOf } from './missing';
import { renderNarrative } from './render';
import type { FigureSource, MissingRef, RenderedNarrative, Segment } from './types';

export const PART_INPUT_RULE = 'P-input';
export const PART_TEXT_RULE = 'P-text';
export const INDICATOR_MISSING_RULE = 'P-indicator';
export const INDICATOR_SCORE_RULE = 'P-score';

export class UnknownPartError extends Error {
  override name = 'UnknownPartError';
}

export function templateParts(engine: WorkbookEngine): readonly TemplatePartDef[] {
  return engine.template.parts ?? [];
}

function partOf(engine: WorkbookEngine, id: string): TemplatePartDef {
  const p = templateParts(engine).find((x) => x.id === id);
  if (!p) throw new UnknownPartError(`模板没有“${id}”部分`);
  return p;
}

/** One part's outline computed from the current workbook (same segments as the 情况说明). */
export function renderPart(engine: WorkbookEngine, id: string): RenderedNarrative {
  return renderNarrative(engine, partOf(engine, id).narrative);
}

/** A cell of the indicator table: its figure, or the gap with what to fill in. */
export type IndicatorCell = Segment | null;

export interface IndicatorRow {
  kind: 'indicator' | 'group' | 'section' | 'total';
  id: string;
  section: string;
  group: string;
  name: string;
  method: string;
  unit: string;
  /** ≥ 50000, ≤ 60, = 0, or '' (judged / no target). */
  target: string;
  value: IndicatorCell;
  weight: string;
  score: IndicatorCell;
  /** A score given by hand (补充资料 perf.score.<id>) and its reason text id. */
  override?: { row: string; text: string | null; reasonId: string; reason: string };
}

/**
 * The indicator sheet as rows for a view: each value and score rendered by the same renderer as
 * the text (so 【缺】 and sources agree), subtotals after their indicators.
 */
export function indicatorTable(engine: WorkbookEngine): IndicatorRow[] {
  const part = indicatorPart(engine.template);
  if (!part) return [];
  const doc = engine.document();
  const cell = (row: string, col: string, fixed: boolean): IndicatorCell => {
    const rendered = renderNarrative(engine, {
      sections: [{ id: 'x', title: '', body: [{ id: 'p', text: '{v}', slots: { v: { kind: 'amount', of: `${INDICATOR_SHEET}:${row}:${col}`, fixed } } }] }],
    });
    return rendered.sections[0]?.paragraphs[0]?.segments[0] ?? null;
  };
  const num = (row: string, col: string) => {
    const v = engine.amount(INDICATOR_SHEET, row, col);
    return v === null ? '' : formatPlain(v);
  };
  const rows: IndicatorRow[] = [];
  for (const s of part.indicators.sections) {
    for (const g of s.groups) {
      g.indicators.forEach((ind, i) => {
        const judged = ind.value.kind === 'judged';
        const o = indicatorInput.score(ind.id);
        const ov = judged ? undefined : engine.amount('sup', o, 'value');
        rows.push({
          kind: 'indicator',
          id: ind.id,
          section: s.name,
          group: g.name,
          name: ind.name ?? (doc.texts[indicatorText.name(ind.id)]?.trim() || `${g.name}${i + 1}`),
          method: ind.value.kind === 'formula' ? ind.value.words : ind.value.kind === 'judged' ? `自评打分：${ind.value.basis}` : '填报实际值',
          unit: unitOf(ind, doc.texts),
          target: targetText(engine, ind),
          value: judged ? null : cell(ind.id, 'value', valueIsRate(ind)),
          weight: ind.weight,
          score: cell(ind.id, 'score', false),
          ...(judged
            ? {}
            : {
                override: {
                  row: o,
                  text: ov === null || ov === undefined ? null : formatPlain(ov),
                  reasonId: indicatorText.reason(ind.id),
                  reason: engine.text(indicatorText.reason(ind.id)),
                },
              }),
        });
      });
      rows.push(subtotal('group', `g.${g.id}`, s.name, g.name, `${g.name}小计`));
    }
    rows.push(subtotal('section', `s.${s.id}`, s.name, '', `${s.name}合计`));
  }
  rows.push(subtotal('total', 'total', '', '', '总分'));
  return rows;

  function subtotal(kind: IndicatorRow['kind'], id: string, section: string, group: string, name: string): IndicatorRow {
    return { kind, id, section, group, name, method: '', unit: '分', target: '', value: null, weight: num(id, 'weight'), score: cell(id, 'score', false) };
  }
}

const valueIsRate = (ind: IndicatorDef) => ind.unit === '%';

function targetText(engine: WorkbookEngine, ind: IndicatorDef): string {
  if (!ind.target) return '';
  const bound = (col: 'min' | 'max') => (engine.has(INDICATOR_SHEET, ind.id, col) ? engine.amount(INDICATOR_SHEET, ind.id, col) : null);
  const lo = bound('min');
  const hi = bound('max');
  const f = (d: NonNullable<typeof lo>) => formatPlain(d);
  if (lo && hi) return lo.eq(hi) ? `= ${f(lo)}` : `${f(lo)} ～ ${f(hi)}`;
  if (lo) return `≥ ${f(lo)}`;
  if (hi) return `≤ ${f(hi)}`;
  return '';
}

function gapOf(c: IndicatorCell): MissingRef[] {
  return c?.kind === 'placeholder' ? c.missing : [];
}

function sourceCells(s: FigureSource | undefined): { sheet: string; row: string; col: string }[] {
  if (!s) return [];
  return s.kind === 'cell' ? [{ sheet: s.sheet, row: s.row, col: s.col }] : s.cells;
}

/**
 * What every part lacks, as 审核 提示: inputs and texts its outline needs, each indicator that
 * cannot be scored (【缺】), and scores above the indicator's weight (错误).
 */
export function partFindings(engine: WorkbookEngine): Finding[] {
  const out: Finding[] = [];
  for (const p of templateParts(engine)) {
    out.push(...missingInputsOf(renderNarrative(engine, p.narrative), p.title, { input: PART_INPUT_RULE, text: PART_TEXT_RULE }));
  }
  const part = indicatorPart(engine.template);
  if (!part) return out;
  const table = new Map(indicatorTable(engine).map((r) => [r.id, r]));
  const base = { left: null, right: null, diff: null };
  for (const { ind } of indicatorList(part.indicators)) {
    const row = table.get(ind.id)!;
    const missing = gapOf(row.score);
    if (missing.length) {
      const labels = [...new Set(missing.map((m) => m.label))].join('、');
      out.push({
        ...base,
        ruleId: INDICATOR_MISSING_RULE,
        rowId: `${INDICATOR_MISSING_RULE}:${ind.id}`,
        severity: 'warning',
        title: '绩效评价指标缺少数据',
        message: `绩效评价指标“${row.name}”缺少${labels}，无法评分（标为【缺】）`,
        cells: missing.flatMap((m) => (m.kind === 'input' ? [{ sheet: m.sheet, row: m.row, col: m.col }] : [])),
      });
    }
    const score = engine.amount(INDICATOR_SHEET, ind.id, 'score');
    if (score !== null && (score.gt(ind.weight) || score.isNegative())) {
      const at = ind.value.kind === 'judged' ? indicatorInput.judged(ind.id) : indicatorInput.score(ind.id);
      out.push({
        ...base,
        ruleId: INDICATOR_SCORE_RULE,
        rowId: `${INDICATOR_SCORE_RULE}:${ind.id}`,
        severity: 'error',
        title: '绩效评价指标得分超出分值',
        message: `绩效评价指标“${row.name}”得分${formatPlain(score)}分，应在0至${ind.weight}分之间`,
        cells: [{ sheet: 'sup', row: at, col: 'value' }],
      });
    }
    if (row.override?.text !== null && row.override && !row.override.reason.trim()) {
      out.push({
        ...base,
        ruleId: INDICATOR_SCORE_RULE,
        rowId: `${INDICATOR_SCORE_RULE}:reason:${ind.id}`,
        severity: 'warning',
        title: '调整得分缺少理由',
        message: `绩效评价指标“${row.name}”的得分由手工调整为${row.override.text}分，请在绩效自评中填写调整理由`,
        cells: sourceCells(row.score?.kind === 'figure' ? row.score.source : undefined).slice(0, 1),
      });
    }
  }
  return out;
}


