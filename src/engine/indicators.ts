// The indicator score sheet of a template part (绩效评价指标): laid out as a formula sheet
// ('perf') so the engine and an exported XLSX compute the same values, subtotals and total;
// plus what an indicator lacks (for 【缺】 and the 审核). DOM-free; no HyperFormula here.
import type { WorkbookDocument } from '../model/document';
import {
  INDICATOR_SHEET,
  allIndicators,
  indicatorInput,
  indicatorLabel,
  indicatorText,
  type IndicatorDef,
  type IndicatorSheetDef,
  type TemplatePartDef,
} from '../model/part';
import type { TemplateDef, ValueFormat } from '../model/template';
import { referencedCells } from './formula';

export const INDICATOR_COLS = ['min', 'max', 'value', 'weight', 'met', 'score'] as const;
export type IndicatorCol = (typeof INDICATOR_COLS)[number];

/** Column headers of the sheet, and the names of its cells in tooltips. */
export const INDICATOR_HEADERS = ['一级指标', '二级指标', '三级指标', '计算方法或评分标准', '目标下限（≥）', '目标上限（≤）', '实际值', '单位', '分值', '是否达标（1/0）', '得分'];
export const INDICATOR_COL_NAMES: Record<IndicatorCol, string> = {
  min: '目标下限',
  max: '目标上限',
  value: '实际值',
  weight: '分值',
  met: '是否达标',
  score: '得分',
};
/** Physical column of each stable column key. */
export const INDICATOR_COL_AT: Record<IndicatorCol, number> = { min: 4, max: 5, value: 6, weight: 8, met: 9, score: 10 };

/** The part holding the template's indicator sheet (one per template). */
export function indicatorPart(tpl: TemplateDef): (TemplatePartDef & { indicators: IndicatorSheetDef }) | undefined {
  return tpl.parts?.find((p): p is TemplatePartDef & { indicators: IndicatorSheetDef } => p.indicators !== undefined);
}

const sup = (row: string) => `{sup:${row}:value}`;
const ref = (row: string, col: IndicatorCol) => `{${row}:${col}}`;
// `x=""` rather than ISBLANK: true for an empty cell and false for 0 in HyperFormula, Excel and
// LibreOffice alike, and the browser bundle keeps only HF's boolean/aggregation plugins.
const blankGuard = (cells: string[], expr: string) => (cells.length ? `IF(OR(${cells.map((c) => `${c}=""`).join(',')}),"",${expr})` : expr);

/** 补充资料 inputs a formula reads (tables count a blank as 0; a blank 补充资料 input is missing). */
export function supplementInputsOf(formula: string, isInput: (row: string) => boolean): string[] {
  return [...new Set(referencedCells(formula, INDICATOR_SHEET).filter((c) => c.sheet === 'sup' && isInput(c.row)).map((c) => c.row))];
}

export function valueFormat(ind: IndicatorDef): ValueFormat {
  return ind.format ?? (ind.unit === '%' ? 'percent' : 'amount');
}

/** Cells of one indicator row: formula text per column key (absent: no cell). */
export function indicatorFormulas(ind: IndicatorDef, isInput: (row: string) => boolean): Partial<Record<IndicatorCol, string>> {
  const out: Partial<Record<IndicatorCol, string>> = { weight: ind.weight };
  const v = ind.value;
  if (v.kind === 'judged') {
    const j = sup(indicatorInput.judged(ind.id));
    out.score = `IF(${j}="","",${j})`;
    return out;
  }
  if (v.kind === 'formula') {
    const needs = supplementInputsOf(v.formula, isInput).map(sup);
    out.value = blankGuard(needs, v.formula);
  } else {
    const x = sup(indicatorInput.value(ind.id));
    out.value = `IF(${x}="","",${x})`;
  }
  const t = ind.target;
  if (t && 'typed' in t) {
    for (const k of ['min', 'max'] as const) {
      const x = sup(indicatorInput[k](ind.id));
      out[k] = `IF(${x}="","",${x})`;
    }
  } else if (t) {
    if (t.op !== '<=') out.min = t.value;
    if (t.op !== '>=') out.max = t.value;
  }
  const val = ref(ind.id, 'value');
  const lo = out.min ? ref(ind.id, 'min') : null;
  const hi = out.max ? ref(ind.id, 'max') : null;
  const noTarget = [lo, hi].filter((x): x is string => x !== null).map((x) => `${x}=""`);
  const ok = [lo ? `OR(${lo}="",${val}>=${lo})` : null, hi ? `OR(${hi}="",${val}<=${hi})` : null].filter(Boolean);
  // No target at all: nothing to compare with, the score needs a hand-given one.
  out.met = ok.length ? `IF(OR(${val}="",AND(${noTarget.join(',')})),"",IF(AND(${ok.join(',')}),1,0))` : '""';
  const o = sup(indicatorInput.score(ind.id));
  const met = ref(ind.id, 'met');
  out.score = `IF(${o}<>"",${o},IF(${met}="","",IF(${met}=1,${ref(ind.id, 'weight')},0)))`;
  return out;
}

/** Label of the row, from the document's texts for department-named indicators. */
export function rowName(ind: IndicatorDef, groupName: string, index: number, doc: Pick<WorkbookDocument, 'texts'>): string {
  return indicatorLabel(ind, doc.texts, `${groupName}${index + 1}`);
}

/** Unit of an indicator: fixed, or typed by the department. */
export function unitOf(ind: IndicatorDef, texts: Record<string, string>): string {
  return ind.unit ?? texts[indicatorText.unit(ind.id)]?.trim() ?? '';
}

export interface IndicatorRowPlan {
  kind: 'indicator' | 'group' | 'section' | 'total';
  id: string;
  section: string;
  group: string;
  name: string;
  method: string;
  unit: string;
  cells: Partial<Record<IndicatorCol, { formula: string; format: ValueFormat }>>;
}

/** The sheet's rows in order, with formulas in placeholder form (the layout resolves them). */
export function indicatorRows(def: IndicatorSheetDef, doc: Pick<WorkbookDocument, 'texts'>, isInput: (row: string) => boolean, a1Of: (rowIndex: number, col: IndicatorCol) => string): IndicatorRowPlan[] {
  const rows: IndicatorRowPlan[] = [];
  const sectionRows: number[] = [];
  for (const s of def.sections) {
    const groupRows: number[] = [];
    for (const g of s.groups) {
      const first = rows.length;
      g.indicators.forEach((ind, i) => {
        const f = indicatorFormulas(ind, isInput);
        const cells: IndicatorRowPlan['cells'] = {};
        for (const k of INDICATOR_COLS) {
          const text = f[k];
          if (text === undefined) continue;
          const format: ValueFormat = k === 'value' || k === 'min' || k === 'max' ? valueFormat(ind) : k === 'met' ? 'count' : 'amount';
          cells[k] = { formula: text, format };
        }
        const method = ind.value.kind === 'formula' ? ind.value.words : ind.value.kind === 'judged' ? ind.value.basis : '填报实际值';
        rows.push({ kind: 'indicator', id: ind.id, section: s.name, group: g.name, name: rowName(ind, g.name, i, doc), method, unit: unitOf(ind, doc.texts), cells });
      });
      const last = rows.length - 1;
      const range = (col: IndicatorCol) => (last >= first ? `SUM(${a1Of(first, col)}:${a1Of(last, col)})` : '0');
      groupRows.push(rows.length);
      rows.push({ kind: 'group', id: `g.${g.id}`, section: s.name, group: g.name, name: `${g.name}小计`, method: '', unit: '分', cells: { weight: { formula: range('weight'), format: 'amount' }, score: { formula: range('score'), format: 'amount' } } });
    }
    const sum = (col: IndicatorCol) => groupRows.map((r) => a1Of(r, col)).join('+') || '0';
    sectionRows.push(rows.length);
    rows.push({ kind: 'section', id: `s.${s.id}`, section: s.name, group: '', name: `${s.name}合计`, method: '', unit: '分', cells: { weight: { formula: sum('weight'), format: 'amount' }, score: { formula: sum('score'), format: 'amount' } } });
  }
  const total = (col: IndicatorCol) => sectionRows.map((r) => a1Of(r, col)).join('+') || '0';
  rows.push({ kind: 'total', id: 'total', section: '', group: '', name: '总分', method: '', unit: '分', cells: { weight: { formula: total('weight'), format: 'amount' }, score: { formula: total('score'), format: 'amount' } } });
  return rows;
}

/** Every indicator with its group, in sheet order. */
export function indicatorList(def: IndicatorSheetDef): { ind: IndicatorDef; group: string; section: string; index: number }[] {
  return def.sections.flatMap((s) => s.groups.flatMap((g) => g.indicators.map((ind, index) => ({ ind, group: g.name, section: s.name, index }))));
}

export { allIndicators };

export type IndicatorRowRef =
  | { kind: 'indicator'; ind: IndicatorDef; name: string }
  | { kind: 'group' | 'section' | 'total'; members: IndicatorDef[]; name: string }
  | { kind: 'figure'; formula: string; name: string };

/** What a row id of the indicator sheet stands for. */
export function indicatorRowRef(part: TemplatePartDef & { indicators: IndicatorSheetDef }, doc: Pick<WorkbookDocument, 'texts'>, row: string): IndicatorRowRef | undefined {
  const def = part.indicators;
  for (const s of def.sections) {
    if (row === `s.${s.id}`) return { kind: 'section', members: s.groups.flatMap((g) => g.indicators), name: s.name };
    for (const g of s.groups) {
      if (row === `g.${g.id}`) return { kind: 'group', members: g.indicators, name: g.name };
      const i = g.indicators.findIndex((x) => x.id === row);
      if (i >= 0) return { kind: 'indicator', ind: g.indicators[i]!, name: rowName(g.indicators[i]!, g.name, i, doc) };
    }
  }
  if (row === 'total') return { kind: 'total', members: allIndicators(def), name: '总分' };
  const f = part.figures?.find((x) => x.id === row);
  return f ? { kind: 'figure', formula: f.formula, name: f.label } : undefined;
}

/**
 * 补充资料 rows (blank inputs) a cell of the indicator sheet lacks: a value lacks the inputs of
 * its formula; a score lacks nothing when given by hand, else its value and target; subtotals
 * lack what their indicators lack.
 */
export function missingRows(ref: IndicatorRowRef, col: string, isInput: (row: string) => boolean, isBlank: (row: string) => boolean): string[] {
  const blank = (rows: string[]) => rows.filter(isBlank);
  const valueNeeds = (ind: IndicatorDef): string[] =>
    ind.value.kind === 'formula' ? blank(supplementInputsOf(ind.value.formula, isInput)) : ind.value.kind === 'typed' ? blank([indicatorInput.value(ind.id)]) : [];
  const targetNeeds = (ind: IndicatorDef): string[] => {
    if (!ind.target || !('typed' in ind.target)) return [];
    const both = [indicatorInput.min(ind.id), indicatorInput.max(ind.id)];
    return both.every(isBlank) ? [both[0]!] : [];
  };
  const scoreNeeds = (ind: IndicatorDef): string[] => {
    if (ind.value.kind === 'judged') return blank([indicatorInput.judged(ind.id)]);
    if (!isBlank(indicatorInput.score(ind.id))) return [];
    return [...valueNeeds(ind), ...targetNeeds(ind)];
  };
  switch (ref.kind) {
    case 'figure':
      return blank(supplementInputsOf(ref.formula, isInput));
    case 'indicator':
      if (col === 'value') return valueNeeds(ref.ind);
      if (col === 'min' || col === 'max') return targetNeeds(ref.ind);
      if (col === 'met') return [...valueNeeds(ref.ind), ...targetNeeds(ref.ind)];
      if (col === 'score') return scoreNeeds(ref.ind);
      return [];
    default:
      return col === 'score' ? [...new Set(ref.members.flatMap(scoreNeeds))] : [];
  }
}
