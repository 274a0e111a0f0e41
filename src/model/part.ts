// Types of a template part beyond the 情况说明 (e.g. 第五部分 附件 部门整体支出绩效自评报告): its own
// outline (narrative types), an indicator score sheet, and the inputs and phrases it adds to
// 补充资料 and the document texts. Data types plus expandParts(), which folds a part's inputs into
// the template once so that every layer sees one 补充资料. Imports nothing outside model/.
import type { NarrativeDef } from './narrative';
import type { FigureDef, SupplementField, SupplementSection, TemplateDef, TextField } from './template';

/** Engine id of the indicator sheet (one per template; formulas name it, XLSX titles it). */
export const INDICATOR_SHEET = 'perf' as const;

/** Where an indicator's actual value comes from. */
export type IndicatorValueDef =
  /** Computed over cells ({sheet:row:col}); `words` is the 计算方法 as printed in the sheet. */
  | { kind: 'formula'; formula: string; words: string }
  /** Typed by the user (补充资料 `perf.value.<id>`). */
  | { kind: 'typed' }
  /** Judged: the user types the score itself (补充资料 `perf.judged.<id>`), 0 … weight. */
  | { kind: 'judged'; basis: string };

/** ≥, ≤ or =; full marks when the value meets it. */
export type TargetOp = '>=' | '<=' | '=';

/**
 * The target: a fixed one (`value`) or one the department sets (`typed`: 补充资料
 * `perf.min.<id>` / `perf.max.<id>`, 目标下限 ≥ and 目标上限 ≤; both equal means =).
 */
export type TargetDef = { op: TargetOp; value: string } | { typed: true };

export interface IndicatorDef {
  /** Row id on the indicator sheet: {perf:<id>:value}, …:score. */
  id: string;
  /** 三级指标; absent: the department names it (document text `perf.name.<id>`). */
  name?: string;
  /** Unit as printed after the value (%, 元/人, 件); absent: typed (text `perf.unit.<id>`). */
  unit?: string;
  /** 分值 */
  weight: string;
  value: IndicatorValueDef;
  /** Absent for judged indicators. */
  target?: TargetDef;
  /** Counts (件, 人) are whole numbers; others 2 dp. */
  format?: 'count' | 'amount';
}

/** 二级指标 (预算配置, 预算执行, …). */
export interface IndicatorGroupDef {
  id: string;
  name: string;
  indicators: IndicatorDef[];
}

/** 一级指标 (投入, 过程, 产出及效率). */
export interface IndicatorSectionDef {
  id: string;
  name: string;
  groups: IndicatorGroupDef[];
}

export interface IndicatorSheetDef {
  /** Title of the sheet (and its XLSX tab). */
  title: string;
  sections: IndicatorSectionDef[];
  /** Title of the 补充资料 section holding the indicators' typed values, targets and scores. */
  inputTitle: string;
}

/** A part of the publication declared by a template (its own tab, its own outline). */
export interface TemplatePartDef {
  id: string;
  /** Tab label, e.g. 绩效自评 */
  tab: string;
  /** Longer title (tooltip, export headings). */
  title: string;
  narrative: NarrativeDef;
  indicators?: IndicatorSheetDef;
  /** Figures of the part laid out under the indicators ({perf:<id>:value}). */
  figures?: FigureDef[];
  /** Extra 补充资料 sections (人员情况, 上年预算, …). */
  inputs?: SupplementSection[];
  /** The user's own words the part uses. */
  texts?: TextField[];
}

/** 补充资料 row ids of an indicator's inputs. */
export const indicatorInput = {
  value: (id: string) => `perf.value.${id}`,
  judged: (id: string) => `perf.judged.${id}`,
  min: (id: string) => `perf.min.${id}`,
  max: (id: string) => `perf.max.${id}`,
  /** Score given by hand instead of the rule (with the reason in text `perf.reason.<id>`). */
  score: (id: string) => `perf.score.${id}`,
} as const;

/** Document text ids of an indicator. */
export const indicatorText = {
  name: (id: string) => `perf.name.${id}`,
  unit: (id: string) => `perf.unit.${id}`,
  reason: (id: string) => `perf.reason.${id}`,
} as const;

/** Texts the indicator sheet's layout prints (a change rebuilds it). */
export function isIndicatorLayoutText(id: string): boolean {
  return id.startsWith('perf.name.') || id.startsWith('perf.unit.');
}

export function allIndicators(def: IndicatorSheetDef): IndicatorDef[] {
  return def.sections.flatMap((s) => s.groups.flatMap((g) => g.indicators));
}

/** The name as a label (a department-named indicator reads 产出指标1 until named). */
export function indicatorLabel(ind: IndicatorDef, texts: Record<string, string>, fallback: string): string {
  return ind.name ?? (texts[indicatorText.name(ind.id)]?.trim() || fallback);
}

function indicatorInputs(def: IndicatorSheetDef): SupplementSection {
  const fields: SupplementField[] = [];
  def.sections.forEach((s) =>
    s.groups.forEach((g) =>
      g.indicators.forEach((ind, i) => {
        const name = ind.name ?? `${g.name}${i + 1}`;
        const unit = ind.unit ?? '';
        const format = ind.format ?? 'amount';
        if (ind.value.kind === 'judged') {
          fields.push({ id: indicatorInput.judged(ind.id), label: `${name}得分（满分${ind.weight}分）`, format: 'amount', unit: '分' });
          return;
        }
        if (ind.value.kind === 'typed') fields.push({ id: indicatorInput.value(ind.id), label: `${name}实际值`, format, unit });
        if (ind.target && 'typed' in ind.target) {
          fields.push({ id: indicatorInput.min(ind.id), label: `${name}目标下限（≥，可空）`, format, unit });
          fields.push({ id: indicatorInput.max(ind.id), label: `${name}目标上限（≤，可空）`, format, unit });
        }
        fields.push({ id: indicatorInput.score(ind.id), label: `${name}调整得分（空则按目标评分）`, format: 'amount', unit: '分' });
      }),
    ),
  );
  return { id: 'perf.indicators', title: def.inputTitle, fields };
}

const EXPANDED = new WeakMap<TemplateDef, TemplateDef>();

/**
 * The template with its parts' inputs appended to 补充资料 and their texts to the texts: the
 * engine, restore() and the XLSX reader all see the same cells. Idempotent and cached.
 */
export function expandParts(tpl: TemplateDef): TemplateDef {
  if (!tpl.parts?.length || tpl.partsExpanded) return tpl;
  let out = EXPANDED.get(tpl);
  if (!out) {
    const parts = tpl.parts;
    out = {
      ...tpl,
      partsExpanded: true,
      supplement: [...tpl.supplement, ...parts.flatMap((p) => [...(p.inputs ?? []), ...(p.indicators ? [indicatorInputs(p.indicators)] : [])])],
      texts: [...tpl.texts, ...parts.flatMap((p) => p.texts ?? [])],
    };
    EXPANDED.set(tpl, out);
  }
  return out;
}
