// What-if scenarios (情景): a named copy of a workbook to edit freely, compared with its base
// (every changed input, key figures side by side), then discarded or adopted as the new base.
import type { WorkbookEngine } from '../engine';
import { dec, formatAmount, type Decimal } from '../model/amount';
import type { WorkbookDocument } from '../model/document';
import { FUND_LABELS, FUNDS, isInputSheet, type Fund, type SheetId } from '../model/ids';
import type { ValueFormat } from '../model/template';
import { INDICATOR_SHEET } from '../model/part';
import { newRecordId, type SnapshotInfo, type WorkbookInfo, type WorkbookStore } from '../storage';
import { cellLabel } from './cell-labels';
import { takeSnapshot } from './history';

/** Key figures the compare view shows, in order. */
export const COMPARE_FIGURES = ['grandTotal', 'basicTotal', 'personnel', 'public', 'personnelShare', 'publicShare', 'sangongActual'] as const;

export const SCENARIO_TEXT = {
  auditErrors: '审核错误（条）',
  indicator: '绩效自评 ',
  score: '得分',
  auditWarnings: '审核提示（条）',
  percentPoints: '个百分点',
  notScenario: '这不是情景，不能采用或放弃',
  baseMissing: '情景所依据的工作簿已不存在，不能采用',
} as const;

export class ScenarioError extends Error {
  override name = 'ScenarioError';
}

/** Makes a named scenario of a workbook; a scenario of a scenario belongs to the same base. */
export async function createScenario(store: WorkbookStore, fromId: string, name: string): Promise<WorkbookInfo> {
  const from = await store.load(fromId);
  const baseId = from.info.kind === 'scenario' && from.info.baseId ? from.info.baseId : fromId;
  const [info] = await store.create([{ info: { id: newRecordId('wb'), name, kind: 'scenario', baseId }, doc: from.doc }]);
  return info!;
}

/** Live scenarios of a base, newest change first. */
export function scenariosOf(infos: readonly WorkbookInfo[], baseId: string): WorkbookInfo[] {
  return infos.filter((i) => i.kind === 'scenario' && i.baseId === baseId && i.deletedAt === undefined && !i.damaged);
}

/** Discards a scenario (soft delete: recoverable like a deleted workbook). */
export async function discardScenario(store: WorkbookStore, scenarioId: string, now = Date.now()): Promise<WorkbookInfo> {
  const info = await store.info(scenarioId);
  if (info?.kind !== 'scenario') throw new ScenarioError(SCENARIO_TEXT.notScenario);
  return store.updateInfo(scenarioId, { deletedAt: now });
}

/**
 * Makes the scenario's document the base's: snapshots the base first, saves it (revision-checked),
 * then retires the scenario. The base must not be open for writing elsewhere (claim its lock first).
 */
export async function adoptScenario(
  store: WorkbookStore,
  scenarioId: string,
  now = Date.now(),
): Promise<{ base: WorkbookInfo; doc: WorkbookDocument; snapshot: SnapshotInfo }> {
  const scenario = await store.load(scenarioId);
  if (scenario.info.kind !== 'scenario' || !scenario.info.baseId) throw new ScenarioError(SCENARIO_TEXT.notScenario);
  const baseInfo = await store.info(scenario.info.baseId);
  if (!baseInfo) throw new ScenarioError(SCENARIO_TEXT.baseMissing);
  const base = await store.load(baseInfo.id);
  const snapshot = await takeSnapshot(store, base.info.id, base.doc, base.info.revision, 'before-adopt', `采用情景「${scenario.info.name}」前的版本`);
  const saved = await store.save(base.info.id, scenario.doc, base.info.revision);
  await store.updateInfo(scenarioId, { deletedAt: now });
  return { base: saved, doc: scenario.doc, snapshot };
}

export interface InputChange {
  sheet: SheetId;
  row: string;
  col: string;
  /** e.g. 公开06表 30201 办公费 */
  label: string;
  before: string | null;
  after: string | null;
  /** Signed difference for numbers, e.g. "+10.00"; null when one side is blank text. */
  diff: string | null;
}

export interface CodeChange {
  fund: Fund;
  code: string;
  name: string;
  change: 'added' | 'removed';
  /** e.g. 一般公共预算 2010306 政务公开审批 */
  label: string;
}

export interface TextChange {
  id: string;
  label: string;
  before: string;
  after: string;
}

export interface FigureComparison {
  id: string;
  label: string;
  format: ValueFormat;
  base: Decimal | null;
  scenario: Decimal | null;
  diff: Decimal | null;
  /** Display texts: 1,576.05 / 37.83% / 2; diff +10.00 / +0.39个百分点 / -1. */
  baseText: string;
  scenarioText: string;
  diffText: string;
}

export interface Comparison {
  inputs: InputChange[];
  codes: CodeChange[];
  texts: TextChange[];
  /** COMPARE_FIGURES, then the 审核 error and warning counts. */
  figures: FigureComparison[];
}

function valueText(v: Decimal | null, format: ValueFormat): string {
  if (v === null) return '';
  if (format === 'percent') return `${v.toFixed(2)}%`;
  if (format === 'count') return v.toFixed(0);
  return formatAmount(v);
}

function diffText(d: Decimal | null, format: ValueFormat): string {
  if (d === null) return '';
  const sign = d.isPositive() && !d.isZero() ? '+' : '';
  if (format === 'percent') return `${sign}${d.toFixed(2)}${SCENARIO_TEXT.percentPoints}`;
  if (format === 'count') return `${sign}${d.toFixed(0)}`;
  return `${sign}${formatAmount(d)}`;
}

function figureRow(id: string, label: string, format: ValueFormat, a: Decimal | null, b: Decimal | null): FigureComparison {
  const diff = a === null && b === null ? null : (b ?? dec(0)).minus(a ?? dec(0));
  return { id, label, format, base: a, scenario: b, diff, baseText: valueText(a, format), scenarioText: valueText(b, format), diffText: diffText(diff, format) };
}

const isNumber = (s: string | null): boolean => s === null || /^-?\d+(\.\d+)?$/.test(s);

function compareInputs(base: WorkbookEngine, scenario: WorkbookEngine): InputChange[] {
  const a = base.document().inputs;
  const b = scenario.document().inputs;
  const out: (InputChange & { order: number })[] = [];
  // The template's sheet order (both sides share a template), then any sheet only one side has.
  const order: SheetId[] = [
    ...new Set([...base.layout.sheets.map((l) => l.id).filter(isInputSheet), ...Object.keys(a), ...Object.keys(b)]),
  ];
  order.forEach((sheet, sheetIndex) => {
    const rowsA = a[sheet] ?? {};
    const rowsB = b[sheet] ?? {};
    for (const row of new Set([...Object.keys(rowsA), ...Object.keys(rowsB)])) {
      for (const col of new Set([...Object.keys(rowsA[row] ?? {}), ...Object.keys(rowsB[row] ?? {})])) {
        const before = rowsA[row]?.[col] ?? null;
        const after = rowsB[row]?.[col] ?? null;
        if (before === after) continue;
        // Label and order from whichever side still lays the cell out.
        const engine = scenario.has(sheet, row, col) ? scenario : base;
        const pos = engine.has(sheet, row, col) ? engine.sheet(sheet).index.get(`${row}|${col}`) : undefined;
        const numeric = isNumber(before) && isNumber(after);
        const format = engine.has(sheet, row, col) ? engine.format(sheet, row, col) : 'amount';
        const d = numeric ? dec(after ?? 0).minus(dec(before ?? 0)) : null;
        out.push({
          sheet,
          row,
          col,
          label: cellLabel(engine, sheet, row, col),
          before,
          after,
          diff: d === null ? null : diffText(d, format === 'count' ? 'count' : 'amount'),
          order: sheetIndex * 1e9 + (pos ? pos.r * 1e4 + pos.c : 1e8),
        });
      }
    }
  });
  return out.sort((x, y) => x.order - y.order).map(({ order: _order, ...change }) => change);
}

function compareCodes(base: WorkbookEngine, scenario: WorkbookEngine): CodeChange[] {
  const out: CodeChange[] = [];
  for (const fund of FUNDS) {
    const a = new Set(base.document().codes[fund]);
    const b = new Set(scenario.document().codes[fund]);
    const row = (code: string, change: CodeChange['change'], engine: WorkbookEngine): CodeChange => {
      const name = engine.codes.name(code);
      return { fund, code, name, change, label: `${FUND_LABELS[fund]} ${code} ${name}` };
    };
    for (const code of b) if (!a.has(code)) out.push(row(code, 'added', scenario));
    for (const code of a) if (!b.has(code)) out.push(row(code, 'removed', base));
  }
  return out;
}

function compareTexts(base: WorkbookEngine, scenario: WorkbookEngine): TextChange[] {
  const a = base.document().texts;
  const b = scenario.document().texts;
  const labels = new Map(scenario.template.texts.map((t) => [t.id, t.label]));
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((id) => (a[id] ?? '') !== (b[id] ?? ''))
    .map((id) => ({ id, label: labels.get(id) ?? id, before: a[id] ?? '', after: b[id] ?? '' }));
}

/**
 * The indicator sheet of a template part (绩效自评): its total score always, and each indicator
 * whose value or score differs, so a what-if edit shows its effect on the score.
 */
function indicatorFigures(base: WorkbookEngine, scenario: WorkbookEngine): FigureComparison[] {
  if (!scenario.layout.byId.has(INDICATOR_SHEET) || !base.layout.byId.has(INDICATOR_SHEET)) return [];
  const sheet = scenario.sheet(INDICATOR_SHEET);
  const name = (r: number): string => {
    const row = sheet.cells[r] ?? [];
    for (const c of [2, 1, 0]) {
      const cell = row[c];
      if (cell?.t === 'text' && cell.text) return cell.text;
    }
    return '';
  };
  const out: { order: number; fig: FigureComparison }[] = [];
  for (const [key, pos] of sheet.index) {
    const [row, col] = key.split('|') as [string, string];
    if (col !== 'value' && col !== 'score') continue;
    const a = base.has(INDICATOR_SHEET, row, col) ? base.amount(INDICATOR_SHEET, row, col) : null;
    const b = scenario.amount(INDICATOR_SHEET, row, col);
    const same = a === null ? b === null : b !== null && a.eq(b);
    if (row !== 'total' && same) continue;
    const label = `${SCENARIO_TEXT.indicator}${name(pos.r)}${col === 'score' && row !== 'total' ? SCENARIO_TEXT.score : ''}`;
    out.push({ order: pos.r * 100 + pos.c, fig: figureRow(`perf:${row}:${col}`, label, scenario.format(INDICATOR_SHEET, row, col) ?? 'amount', a, b) });
  }
  return out.sort((x, y) => x.order - y.order).map((x) => x.fig);
}

/** Everything that differs between a base and a scenario, with key figures side by side. */
export function compareWorkbooks(base: WorkbookEngine, scenario: WorkbookEngine): Comparison {
  const defs = new Map(scenario.template.figures.map((f) => [f.id, f]));
  const figures = COMPARE_FIGURES.map((id) => {
    const def = defs.get(id);
    return figureRow(id, def?.label ?? id, def?.format ?? 'amount', base.figure(id), scenario.figure(id));
  });
  figures.push(...indicatorFigures(base, scenario));
  const count = (e: WorkbookEngine, severity: 'error' | 'warning') => dec(e.audit().filter((f) => f.severity === severity).length);
  figures.push(figureRow('auditErrors', SCENARIO_TEXT.auditErrors, 'count', count(base, 'error'), count(scenario, 'error')));
  figures.push(figureRow('auditWarnings', SCENARIO_TEXT.auditWarnings, 'count', count(base, 'warning'), count(scenario, 'warning')));
  return { inputs: compareInputs(base, scenario), codes: compareCodes(base, scenario), texts: compareTexts(base, scenario), figures };
}
