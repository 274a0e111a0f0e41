// 上海 2024–2025 tables 一–九 as the Shanghai template prints them (examples/sh-template-2024.txt):
// the national tables where identical (same sheet ids, rows, columns and formulas), with Shanghai's
// titles, notes and headers (no 行次 or 栏次); 七 三公 with 预算数/决算数 side by side per item; 九
// 国有资本经营 with the columns of 八 (收入, carry-overs), so 04 reads its income and opening balance.
import type { FixedCell, FixedTableDef, FunctionTableDef, HeaderCell, SideRow, TwoSidedTableDef } from '../../src/model/template';
import { BASIC, EXPENDITURE, FISCAL, GOV_FUND, GPB, INCOME, PRINTED_CLASSES, SANGONG, STATE_CAPITAL, SUMMARY } from '../national-2022/tables';

/**
 * Shanghai numbers its tables in the contents only (一、…九、); the table pages print the title.
 * Empty cells print blank (the template's); a workbook may print 0.00 instead (WorkbookDocument.zeroStyle).
 */
const numbered = (publicNo: string) => ({ publicNo, printPublicNo: false, zero: 'blank' as const });

/** 项目 {功能分类科目编码 | 科目名称} | columns…; a group spans a second header row. */
function functionHeader(titles: string[], group?: { title: string; from: number; to: number }): HeaderCell[] {
  const cells: HeaderCell[] = [
    { text: '项    目', r: 0, c: 0, cs: 2 },
    { text: '功能分类科目编码', r: 1, c: 0, rs: 2 },
    { text: '科目名称', r: 1, c: 1, rs: 2 },
  ];
  titles.forEach((t, i) => {
    const c = i + 2;
    if (group && i >= group.from && i <= group.to) {
      if (i === group.from) cells.push({ text: group.title, r: 0, c, cs: group.to - group.from + 1 });
      cells.push({ text: t, r: 1, c, rs: 2 });
    } else {
      cells.push({ text: t, r: 0, c, rs: 3 });
    }
  });
  return cells;
}
const widths = (n: number) => [14, 34, ...Array.from({ length: n }, () => 13)];

/** 收入 {项目 | 决算数} | 支出 {项目 | columns…}, no 行次. */
function twoSidedHeader(rightTitles: string[]): HeaderCell[] {
  return [
    { text: '收入', r: 0, c: 0, cs: 2 },
    { text: '支出', r: 0, c: 2, cs: 1 + rightTitles.length },
    { text: '项    目', r: 1, c: 0 },
    { text: '决算数', r: 1, c: 1 },
    { text: '项    目', r: 1, c: 2 },
    ...rightTitles.map((t, i) => ({ text: t, r: 1, c: 3 + i })),
  ];
}

/** A national row list with some rows replaced by id. */
const replaceRows = (rows: SideRow[], by: Record<string, Partial<SideRow>>): SideRow[] =>
  rows.map((r) => (r.id && by[r.id] ? { ...r, ...by[r.id] } : r));

export const SH_SUMMARY: TwoSidedTableDef = {
  ...SUMMARY,
  ...numbered('一、'),
  lineNumbers: false,
  colWidths: [34, 14, 34, 14],
  headerRows: 2,
  header: twoSidedHeader(['决算数']),
  leftTail: replaceRows(SUMMARY.leftTail, { 'inc.reserve': { label: '使用非财政拨款结余' } }),
  printClasses: PRINTED_CLASSES,
};

export const SH_INCOME: FunctionTableDef = {
  ...INCOME,
  ...numbered('二、'),
  headerRows: 3,
  header: functionHeader(['本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入']),
  colWidths: widths(7),
};

export const SH_EXPENDITURE: FunctionTableDef = {
  ...EXPENDITURE,
  ...numbered('三、'),
  headerRows: 3,
  header: functionHeader(['本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出']),
  colWidths: widths(6),
};

export const SH_FISCAL: TwoSidedTableDef = {
  ...FISCAL,
  ...numbered('四、'),
  note: '注：本表反映部门本年度财政拨款总收支和结转结余情况。',
  lineNumbers: false,
  colWidths: [30, 12, 30, 12, 13, 13, 13],
  headerRows: 2,
  header: twoSidedHeader(['合计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款']),
  // 九 prints 国有资本经营 income and carry-overs like 八 does for 政府性基金: typed there, shown here.
  leftHead: replaceRows(FISCAL.leftHead, { 'inc.soe': { cells: { amount: { formula: '{stateCapital:sum:inc}' } } } }),
  leftTail: replaceRows(FISCAL.leftTail, { 'open.soe': { cells: { amount: { formula: '{stateCapital:sum:open}' } } } }),
};

export const SH_GPB: FunctionTableDef = {
  ...GPB,
  ...numbered('五、'),
  headerRows: 3,
  header: functionHeader(['合计', '基本支出', '项目支出']),
  colWidths: widths(3),
  totalLast: true,
};

export const SH_BASIC = { ...BASIC, ...numbered('六、'), title: '一般公共预算财政拨款基本支出决算表' };

/** 合计 … 公务接待费, each as 预算数 | 决算数 (the national keys, so figures and carry-over read the same). */
const SANGONG_ITEMS: [col: string, cell: 'input' | string][] = [
  ['total', '{abroad}+{car}+{recep}'],
  ['abroad', 'input'],
  ['car', '{car_buy}+{car_run}'],
  ['car_buy', 'input'],
  ['car_run', 'input'],
  ['recep', 'input'],
];

export const SH_SANGONG: FixedTableDef = {
  ...SANGONG,
  ...numbered('七、'),
  note: '注：本表反映部门本年度“三公”经费支出预决算情况。',
  headerRows: 4,
  header: [
    { text: '财政拨款“三公”经费', r: 0, c: 0, cs: 12 },
    { text: '合计', r: 1, c: 0, cs: 2, rs: 2 },
    { text: '因公出国（境）费', r: 1, c: 2, cs: 2, rs: 2 },
    { text: '公务用车购置及运行维护费', r: 1, c: 4, cs: 6 },
    { text: '公务接待费', r: 1, c: 10, cs: 2, rs: 2 },
    { text: '小计', r: 2, c: 4, cs: 2 },
    { text: '公务用车购置费', r: 2, c: 6, cs: 2 },
    { text: '公务用车运行维护费', r: 2, c: 8, cs: 2 },
    ...Array.from({ length: 12 }, (_, c) => ({ text: c % 2 ? '决算数' : '预算数', r: 3, c })),
  ],
  cells: SANGONG_ITEMS.flatMap(([col, cell], i): FixedCell[] =>
    (['bud', 'act'] as const).map((row, j) => ({ r: 0, c: 2 * i + j, row, col, cell: cell === 'input' ? { input: true } : { formula: cell } })),
  ),
};

const CARRY_HEADER = functionHeader(['年初结转和结余', '本年收入', '合计', '基本支出', '项目支出', '年末结转和结余'], { title: '本年支出', from: 2, to: 4 });

export const SH_GOV_FUND: FunctionTableDef = {
  ...GOV_FUND,
  ...numbered('八、'),
  note: '注：本表反映部门本年度政府性基金预算财政拨款收入支出及结转和结余情况。',
  headerRows: 3,
  header: CARRY_HEADER,
};

export const SH_STATE_CAPITAL: FunctionTableDef = {
  ...STATE_CAPITAL,
  ...numbered('九、'),
  title: '国有资本经营预算财政拨款收入支出决算表',
  note: '注：本表反映部门本年度国有资本经营预算财政拨款收入支出及结转和结余情况。',
  emptyNote: '说明：{dept}本年度没有国有资本经营预算财政拨款收入和支出，故本表无数据。',
  // The 八 columns; 本年支出 keeps the national keys (total/basic/proj) that 03 and 04 read.
  columns: [
    { key: 'open' },
    { key: 'inc' },
    { key: 'total', formula: '{basic}+{proj}' },
    { key: 'basic' },
    { key: 'proj' },
    { key: 'close', formula: '{open}+{inc}-{total}' },
  ],
  headerRows: 3,
  header: CARRY_HEADER,
  colWidths: widths(6),
};

/** In the Shanghai order: 七 三公 before 八 政府性基金 and 九 国有资本经营. */
export const SH_TABLES = [SH_SUMMARY, SH_INCOME, SH_EXPENDITURE, SH_FISCAL, SH_GPB, SH_BASIC, SH_SANGONG, SH_GOV_FUND, SH_STATE_CAPITAL];
