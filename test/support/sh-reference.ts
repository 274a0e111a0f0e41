// The published Shanghai documents as transcribed (test/fixtures/sh-2024/*.json: every printed
// figure, null for a printed blank) and the workbook cell that shows each figure: shared by the
// example tests and the PDF review tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkbookEngine } from '../../src/engine';
import type { AnySheetId } from '../../src/model/template';

/** The published 上海市普陀区财政局 2024 PDF (shared/reference/examples, beside the repository). */
export const REAL_PDF = join(__dirname, '..', '..', '..', 'shared', 'reference', 'examples', 'sh-putuo-czj-2024.pdf');

export type Value = number | null;
type Row = Record<string, Value | string>;
export interface Printed {
  narrative_figures: { text: string; value: number; what: string }[];
  meta: { department: string; year: number; units: { 序号: number; 单位名称: string; 备注: string | null }[] };
  tables: {
    '01': { 收入: Record<string, Value>; 支出: Record<string, Value> };
    '02': { rows: Record<string, Row>; 合计: Row };
    '03': { rows: Record<string, Row>; 合计: Row };
    '04': { 收入: Record<string, Value>; 支出: Record<string, Record<string, Value>> };
    '05': { rows: Record<string, Row>; 合计: Row };
    '06': Record<string, { 科目名称: string; 决算数: Value } | number>;
    '07': Record<string, Value>;
    '08': { empty: boolean; note: string };
    '09': { empty: boolean; note: string };
  };
}

export const load = (slug: string): Printed => JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'sh-2024', `${slug}.json`), 'utf8'));
export const cents = (v: Value | string | undefined): number => (typeof v === 'number' ? Math.round(v * 100) : 0);
export const yuan = (c: number) => (c / 100).toFixed(2);

/** One printed figure: where it is printed, where the workbook has it. */
export interface Figure {
  /** e.g. 02 2010601 其他收入 */
  key: string;
  printed: Value;
  cell: [AnySheetId, string, string] | null;
}

const COLS_02: Record<string, string> = { 本年收入合计: 'total', 财政拨款收入: 'fin', 上级补助收入: 'sup', 事业收入: 'biz', 经营收入: 'op', 附属单位上缴收入: 'affil', 其他收入: 'oth' };
const COLS_03: Record<string, string> = { 本年支出合计: 'total', 基本支出: 'basic', 项目支出: 'proj', 上缴上级支出: 'up', 经营支出: 'op', 对附属单位补助支出: 'affil' };
const COLS_05: Record<string, string> = { 合计: 'total', 基本支出: 'basic', 项目支出: 'proj' };
const COLS_04: Record<string, string> = { 合计: 'all', 一般公共预算财政拨款: 'gpb', 政府性基金预算财政拨款: 'gf', 国有资本经营预算财政拨款: 'soe' };
const INC_01: Record<string, string> = {
  '一、一般公共预算财政拨款收入': 'inc.gpb',
  '二、政府性基金预算财政拨款收入': 'inc.gf',
  '三、国有资本经营预算财政拨款收入': 'inc.soe',
  '四、上级补助收入': 'inc.sup',
  '五、事业收入': 'inc.biz',
  '六、经营收入': 'inc.op',
  '七、附属单位上缴收入': 'inc.affil',
  '八、其他收入': 'inc.oth',
  本年收入合计: 'inc.total',
  使用非财政拨款结余: 'inc.reserve',
  '使用非财政拨款结余（含专用结余）': 'inc.reserve',
  年初结转和结余: 'inc.open',
  总计: 'inc.grand',
};
const EXP_TAIL_01: Record<string, string> = { 本年支出合计: 'exp.total', 结余分配: 'exp.alloc', 年末结转和结余: 'exp.close', 总计: 'exp.grand' };
const INC_04: Record<string, string> = {
  '一、一般公共预算财政拨款': 'inc.gpb',
  '二、政府性基金预算财政拨款': 'inc.gf',
  '三、国有资本经营预算财政拨款': 'inc.soe',
  本年收入合计: 'inc.total',
  年初财政拨款结转和结余: 'open.total',
  '年初财政拨款结转和结余.一、一般公共预算财政拨款': 'open.gpb',
  '年初财政拨款结转和结余.二、政府性基金预算财政拨款': 'open.gf',
  '年初财政拨款结转和结余.三、国有资本经营预算财政拨款': 'open.soe',
  总计: 'inc.grand',
};
const SANGONG_07: Record<string, string> = {
  合计: 'total',
  '因公出国（境）费': 'abroad',
  公务用车购置及运行维护费: 'car',
  公务用车购置费: 'car_buy',
  公务用车运行维护费: 'car_run',
  公务接待费: 'recep',
};

/** The class code a printed 01/04 label names (一、一般公共服务支出 → 201), from the workbook's own names. */
function classOf(e: WorkbookEngine, label: string): string | null {
  const name = label.replace(/^[一二三四五六七八九十]+、/, '');
  for (let c = 201; c <= 240; c++) if (e.codes.name(String(c)) === name) return String(c);
  return null;
}

/** Every figure printed in tables 一–九 with the workbook cell that shows it (null: the workbook prints no such cell). */
export function printedFigures(p: Printed, e: WorkbookEngine): Figure[] {
  const out: Figure[] = [];
  const at = (sheet: AnySheetId, row: string, col: string): Figure['cell'] => (e.has(sheet, row, col) ? [sheet, row, col] : null);
  const t = p.tables;
  for (const [label, v] of Object.entries(t['01'].收入)) out.push({ key: `01 ${label}`, printed: v, cell: at('incomeExpenditure', INC_01[label]!, 'amount') });
  for (const [label, v] of Object.entries(t['01'].支出)) {
    const row = EXP_TAIL_01[label] ?? classOf(e, label);
    out.push({ key: `01 ${label}`, printed: v, cell: row ? at('incomeExpenditure', row, 'amount') : null });
  }
  const fn = (no: '02' | '03' | '05', sheet: AnySheetId, cols: Record<string, string>) => {
    const tb = t[no];
    for (const [code, row] of [...Object.entries(tb.rows), ['sum', tb.合计] as const]) {
      for (const [h, col] of Object.entries(cols)) out.push({ key: `${no} ${code === 'sum' ? '合计' : code} ${h}`, printed: row[h] as Value, cell: at(sheet, code, col) });
    }
  };
  fn('02', 'income', COLS_02);
  fn('03', 'expenditure', COLS_03);
  for (const [label, v] of Object.entries(t['04'].收入)) out.push({ key: `04 ${label}`, printed: v, cell: at('fiscalIncomeExpenditure', INC_04[label]!, 'amount') });
  for (const [label, cols] of Object.entries(t['04'].支出)) {
    for (const [h, v] of Object.entries(cols)) {
      // 年末财政拨款结转和结余 prints its fund parts beside it; the workbook has them as the rows below it.
      const cell =
        label === '年末财政拨款结转和结余'
          ? at('fiscalIncomeExpenditure', h === '合计' ? 'close.total' : `close.${COLS_04[h]}`, 'all')
          : at('fiscalIncomeExpenditure', label === '本年支出合计' ? 'exp.total' : label === '总计' ? 'exp.grand' : (classOf(e, label) ?? '?'), COLS_04[h]!);
      out.push({ key: `04 ${label} ${h}`, printed: v, cell });
    }
  }
  fn('05', 'gpbExpenditure', COLS_05);
  for (const [code, v] of Object.entries(t['06'])) {
    const row = code === '人员经费合计' ? 'personnel' : code === '公用经费合计' ? 'public' : code;
    out.push({ key: `06 ${code}`, printed: typeof v === 'number' ? v : v.决算数, cell: at('basicExpenditure', row, 'amount') });
  }
  for (const [k, v] of Object.entries(t['07'])) {
    const [block, item] = k.split('.') as [string, string];
    out.push({ key: `07 ${k}`, printed: v, cell: at('sangong', block === '预算数' ? 'bud' : 'act', SANGONG_07[item]!) });
  }
  return out;
}
