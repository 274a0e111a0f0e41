// 全国统一格式 (2022年起) tables 01–09, from shared/reference/templates.md §11 and the Shanghai 2024
// template text where its columns are the national ones. Sheet ids are the tables' content ids,
// so formulas read the same in every template family that shares a table.
// [I] marks what the reference infers rather than reads; correct the data here when a source shows it.
import type { CellDef, EconomicTableDef, FixedCell, FixedTableDef, FunctionTableDef, HeaderCell, TwoSidedTableDef } from '../../src/model/template';

const f = (formula: string): CellDef => ({ formula });
const input: CellDef = { input: true };

/** Standard header: 项目 | columns…, then 功能分类科目编码/科目名称, then 栏次 1…n. */
function header(titles: string[], groups: { title: string; from: number; to: number }[] = []): HeaderCell[] {
  const cells: HeaderCell[] = [
    { text: '项    目', r: 0, c: 0, cs: 2 },
    { text: '功能分类科目编码', r: 1, c: 0, rs: 2 },
    { text: '科目名称', r: 1, c: 1, rs: 2 },
    { text: '栏次', r: 3, c: 0, cs: 2 },
  ];
  titles.forEach((t, i) => {
    const c = i + 2;
    const g = groups.find((x) => i >= x.from && i <= x.to);
    if (g) {
      if (i === g.from) cells.push({ text: g.title, r: 0, c, cs: g.to - g.from + 1 });
      cells.push({ text: t, r: 1, c, rs: 2 });
    } else {
      cells.push({ text: t, r: 0, c, rs: 3 });
    }
    cells.push({ text: String(i + 1), r: 3, c });
  });
  return cells;
}
const widths = (n: number) => [14, 34, ...Array.from({ length: n }, () => 13)];

/** Every 类 of the 2022+ classification as the national 01/04 print them, even when empty (SH-TMPL list of 24). */
export const PRINTED_CLASSES = [
  '201', '202', '203', '204', '205', '206', '207', '208', '210', '211', '212', '213',
  '214', '215', '216', '217', '219', '220', '221', '222', '223', '224', '229', '234',
];

function twoSidedHeader(rightTitles: string[]): HeaderCell[] {
  const cells: HeaderCell[] = [
    { text: '收入', r: 0, c: 0, cs: 3 },
    { text: '支出', r: 0, c: 3, cs: 2 + rightTitles.length },
    { text: '项    目', r: 1, c: 0 },
    { text: '行次', r: 1, c: 1 },
    { text: '决算数', r: 1, c: 2 },
    { text: '项    目', r: 1, c: 3 },
    { text: '行次', r: 1, c: 4 },
    { text: '栏    次', r: 2, c: 0 },
    { text: '', r: 2, c: 1 },
    { text: '1', r: 2, c: 2 },
    { text: '栏    次', r: 2, c: 3 },
    { text: '', r: 2, c: 4 },
  ];
  rightTitles.forEach((t, i) => {
    cells.push({ text: t, r: 1, c: 5 + i });
    cells.push({ text: String(i + 2), r: 2, c: 5 + i });
  });
  return cells;
}

const amount = (formula: string) => ({ amount: f(formula) });

export const SUMMARY: TwoSidedTableDef = {
  kind: 'two-sided',
  id: 'incomeExpenditure',
  contentId: 'incomeExpenditure',
  publicNo: '公开01表',
  title: '收入支出决算总表',
  note: '注：本表反映部门本年度的总收支和年末结转结余情况。',
  zero: 'blank',
  colWidths: [34, 6, 14, 34, 6, 14],
  headerRows: 3,
  header: twoSidedHeader(['决算数']),
  leftCols: ['amount'],
  rightCols: ['amount'],
  leftHead: [
    // 财政拨款收入 (02) is split by fund: 政府性基金 from 07, 国有资本经营 typed in 04, the rest 一般公共预算.
    { id: 'inc.gpb', label: '一、一般公共预算财政拨款收入', cells: amount('{income:sum:fin}-{govFund:sum:inc}-{fiscalIncomeExpenditure:inc.soe:amount}') },
    { id: 'inc.gf', label: '二、政府性基金预算财政拨款收入', cells: amount('{govFund:sum:inc}') },
    { id: 'inc.soe', label: '三、国有资本经营预算财政拨款收入', cells: amount('{fiscalIncomeExpenditure:inc.soe:amount}') },
    { id: 'inc.sup', label: '四、上级补助收入', cells: amount('{income:sum:sup}') },
    { id: 'inc.biz', label: '五、事业收入', cells: amount('{income:sum:biz}') },
    { id: 'inc.op', label: '六、经营收入', cells: amount('{income:sum:op}') },
    { id: 'inc.affil', label: '七、附属单位上缴收入', cells: amount('{income:sum:affil}') },
    { id: 'inc.oth', label: '八、其他收入', cells: amount('{income:sum:oth}') },
  ],
  leftTail: [
    {
      id: 'inc.total',
      label: '本年收入合计',
      cells: amount('{inc.gpb:amount}+{inc.gf:amount}+{inc.soe:amount}+{inc.sup:amount}+{inc.biz:amount}+{inc.op:amount}+{inc.affil:amount}+{inc.oth:amount}'),
    },
    { id: 'inc.reserve', label: '使用非财政拨款结余（含专用结余）', indent: 2, cells: { amount: input } },
    { id: 'inc.open', label: '年初结转和结余', indent: 2, cells: { amount: input } },
    { id: 'inc.grand', label: '总计', cells: amount('{inc.total:amount}+{inc.reserve:amount}+{inc.open:amount}') },
  ],
  classFunds: ['gpb', 'gf', 'soe'],
  classCells: { amount: f('{?expenditure:{class}:total}') },
  minHead: 8,
  printClasses: PRINTED_CLASSES,
  rightTail: [
    { id: 'exp.total', label: '本年支出合计', cells: amount('{@classes:amount}') },
    { id: 'exp.alloc', label: '结余分配', indent: 2, cells: { amount: input } },
    // Typed as the accounts state it: a difference is a 审核 finding (N01-balance), never absorbed here.
    { id: 'exp.close', label: '年末结转和结余', indent: 2, cells: { amount: input } },
    { id: 'exp.grand', label: '总计', cells: amount('{exp.total:amount}+{exp.alloc:amount}+{exp.close:amount}') },
  ],
};

export const INCOME: FunctionTableDef = {
  kind: 'function',
  id: 'income',
  contentId: 'income',
  publicNo: '公开02表',
  title: '收入决算表',
  note: '注：本表反映部门本年度取得的各项收入情况。',
  zero: 'zero',
  funds: ['gpb', 'gf', 'soe'],
  columns: [
    { key: 'total', formula: '{fin}+{sup}+{biz}+{op}+{affil}+{oth}' },
    { key: 'fin' },
    { key: 'sup' },
    { key: 'biz' },
    { key: 'op' },
    { key: 'affil' },
    { key: 'oth' },
  ],
  headerRows: 4,
  header: header(['本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入']),
  colWidths: widths(7),
  padRows: 0,
};

/** 03表 基本/项目支出 of one 项 paid from 财政拨款 (05, 07, 08): what the 03 cell shows until typed over. */
export const EXPENDITURE_FISCAL = {
  basic: '{?gpbExpenditure:{code}:basic}+{?govFund:{code}:exp_basic}+{?stateCapital:{code}:basic}',
  proj: '{?gpbExpenditure:{code}:proj}+{?govFund:{code}:exp_proj}+{?stateCapital:{code}:proj}',
} as const;

export const EXPENDITURE: FunctionTableDef = {
  kind: 'function',
  id: 'expenditure',
  contentId: 'expenditure',
  publicNo: '公开03表',
  title: '支出决算表',
  note: '注：本表反映部门本年度各项支出情况。',
  zero: 'zero',
  funds: ['gpb', 'gf', 'soe'],
  columns: [
    { key: 'total', formula: '{basic}+{proj}+{up}+{op}+{affil}' },
    // 基本/项目支出 follow 财政拨款 by fund (05, 07, 08) while blank, so a purely fiscal department
    // types each figure once; typed over, 补充资料 shows the difference as 非财政拨款 (审核 NF-1).
    { key: 'basic', formula: EXPENDITURE_FISCAL.basic, typeOver: true },
    { key: 'proj', formula: EXPENDITURE_FISCAL.proj, typeOver: true },
    { key: 'up' },
    { key: 'op' },
    { key: 'affil' },
  ],
  headerRows: 4,
  header: header(['本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出']),
  colWidths: widths(6),
  padRows: 0,
};

const byFund = (gpb: string, gf: string, soe: string): Record<string, CellDef> => ({
  all: f('{gpb}+{gf}+{soe}'),
  gpb: f(gpb),
  gf: f(gf),
  soe: f(soe),
});

export const FISCAL: TwoSidedTableDef = {
  kind: 'two-sided',
  id: 'fiscalIncomeExpenditure',
  contentId: 'fiscalIncomeExpenditure',
  publicNo: '公开04表',
  title: '财政拨款收入支出决算总表',
  note: '注：本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支和年末结转结余情况。',
  zero: 'blank',
  colWidths: [30, 6, 12, 30, 6, 12, 13, 13, 13],
  headerRows: 3,
  header: twoSidedHeader(['合计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款']),
  leftCols: ['amount'],
  rightCols: ['all', 'gpb', 'gf', 'soe'],
  leftHead: [
    { id: 'inc.gpb', label: '一、一般公共预算财政拨款', cells: { amount: f('{incomeExpenditure:inc.gpb:amount}') } },
    { id: 'inc.gf', label: '二、政府性基金预算财政拨款', cells: { amount: f('{govFund:sum:inc}') } },
    // 08 国有资本经营 prints spending only, so its income is typed here, once.
    { id: 'inc.soe', label: '三、国有资本经营预算财政拨款', cells: { amount: input } },
  ],
  leftTail: [
    { id: 'inc.total', label: '本年收入合计', cells: { amount: f('{inc.gpb:amount}+{inc.gf:amount}+{inc.soe:amount}') } },
    { id: 'open.total', label: '年初财政拨款结转和结余', cells: { amount: f('{open.gpb:amount}+{open.gf:amount}+{open.soe:amount}') } },
    { id: 'open.gpb', label: '一、一般公共预算财政拨款', cells: { amount: input } },
    // 政府性基金 opening balance is typed in 07 (年初结转和结余) and only shown here.
    { id: 'open.gf', label: '二、政府性基金预算财政拨款', cells: { amount: f('{govFund:sum:open}') } },
    { id: 'open.soe', label: '三、国有资本经营预算财政拨款', cells: { amount: input } },
    { id: 'inc.grand', label: '总计', cells: { amount: f('{inc.total:amount}+{open.total:amount}') } },
  ],
  classFunds: ['gpb', 'gf', 'soe'],
  classCells: byFund('{?gpbExpenditure:{class}:total}', '{?govFund:{class}:exp}', '{?stateCapital:{class}:total}'),
  minHead: 8,
  printClasses: PRINTED_CLASSES,
  rightTail: [
    { id: 'exp.total', label: '本年支出合计', cells: { all: f('{@classes:all}'), gpb: f('{@classes:gpb}'), gf: f('{@classes:gf}'), soe: f('{@classes:soe}') } },
    // Per fund: opening + income − spending, so each fund balances by construction.
    {
      id: 'close.total',
      label: '年末财政拨款结转和结余',
      cells: { all: f('{close.gpb:all}+{close.gf:all}+{close.soe:all}') },
      // Printed by fund in its own row by some (上海市普陀区财政局 2024), in the rows below by others.
      partsBeside: { gpb: { row: 'close.gpb', col: 'all' }, gf: { row: 'close.gf', col: 'all' }, soe: { row: 'close.soe', col: 'all' } },
    },
    { id: 'close.gpb', label: '一、一般公共预算财政拨款', cells: { all: f('{open.gpb:amount}+{inc.gpb:amount}-{exp.total:gpb}') } },
    { id: 'close.gf', label: '二、政府性基金预算财政拨款', cells: { all: f('{open.gf:amount}+{inc.gf:amount}-{exp.total:gf}') } },
    { id: 'close.soe', label: '三、国有资本经营预算财政拨款', cells: { all: f('{open.soe:amount}+{inc.soe:amount}-{exp.total:soe}') } },
    {
      id: 'exp.grand',
      label: '总计',
      cells: {
        all: f('{exp.total:all}+{close.total:all}'),
        gpb: f('{exp.total:gpb}+{close.gpb:all}'),
        gf: f('{exp.total:gf}+{close.gf:all}'),
        soe: f('{exp.total:soe}+{close.soe:all}'),
      },
    },
  ],
};

export const GPB: FunctionTableDef = {
  kind: 'function',
  id: 'gpbExpenditure',
  contentId: 'gpbExpenditure',
  publicNo: '公开05表',
  title: '一般公共预算财政拨款支出决算表',
  note: '注：本表反映部门本年度一般公共预算财政拨款支出情况。',
  zero: 'zero',
  funds: ['gpb'],
  columns: [{ key: 'total', formula: '{basic}+{proj}' }, { key: 'basic' }, { key: 'proj' }],
  headerRows: 4,
  header: header(['合计', '基本支出', '项目支出'], [{ title: '本年支出', from: 0, to: 2 }]),
  colWidths: widths(3),
  padRows: 0,
};

const range = (prefix: string, items: number[]) => items.map((n) => `${prefix}${String(n).padStart(2, '0')}`);

export const BASIC: EconomicTableDef = {
  kind: 'economic',
  id: 'basicExpenditure',
  contentId: 'basicExpenditure',
  publicNo: '公开06表',
  title: '一般公共预算财政拨款基本支出决算明细表',
  note: '注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。',
  zero: 'blank',
  colWidths: [10, 28, 12, 10, 30, 12],
  headerRows: 1,
  header: [0, 3].flatMap((c) => [
    { text: '经济分类科目编码', r: 0, c },
    { text: '科目名称', r: 0, c: c + 1 },
    { text: '决算数', r: 0, c: c + 2 },
  ]),
  // 人员经费 (301, 303) left, 公用经费 (302, 310; 307/399 only where used) right [V: templates.md §11].
  groups: [['301', '303'], ['302', '307', '310', '399']],
  optionalClasses: ['307', '399'],
  codes: [
    ...range('301', [1, 2, 3, 6, 7, 8, 9, 10, 11, 12, 13, 14, 99]),
    ...range('303', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 99]),
    ...range('302', [1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 17, 18, 24, 25, 26, 27, 28, 29, 31, 39, 40, 99]),
    // The Shanghai 2024 list of 310 lines; the national list is assumed the same [I].
    ...range('310', [1, 2, 3, 7, 13, 19, 21, 22, 99]),
  ],
  footer: [
    { id: 'personnel', label: '人员经费合计', formula: '{301:amount}+{303:amount}', labelCol: 0, valueCol: 2 },
    { id: 'public', label: '公用经费合计', formula: '{302:amount}+{?307:amount}+{310:amount}+{?399:amount}', labelCol: 3, valueCol: 5 },
  ],
};

export const GOV_FUND: FunctionTableDef = {
  kind: 'function',
  id: 'govFund',
  contentId: 'govFund',
  publicNo: '公开07表',
  title: '政府性基金预算财政拨款收入支出决算表',
  note: '注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。',
  emptyNote: '说明：{dept}本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。',
  zero: 'zero',
  funds: ['gf'],
  columns: [
    { key: 'open' },
    { key: 'inc' },
    { key: 'exp', formula: '{exp_basic}+{exp_proj}' },
    { key: 'exp_basic' },
    { key: 'exp_proj' },
    { key: 'close', formula: '{open}+{inc}-{exp}' },
  ],
  headerRows: 4,
  header: header(['年初结转和结余', '本年收入', '合计', '基本支出', '项目支出', '年末结转和结余'], [{ title: '本年支出', from: 2, to: 4 }]),
  colWidths: widths(6),
  padRows: 0,
};

export const STATE_CAPITAL: FunctionTableDef = {
  kind: 'function',
  id: 'stateCapital',
  contentId: 'stateCapital',
  publicNo: '公开08表',
  title: '国有资本经营预算财政拨款支出决算表',
  note: '注：本表反映部门本年度国有资本经营预算财政拨款支出情况。',
  emptyNote: '说明：{dept}本年度没有国有资本经营预算财政拨款支出，故本表无数据。',
  zero: 'zero',
  funds: ['soe'],
  // Title [V]; columns 合计/基本支出/项目支出 are inferred [I] (Shanghai prints the 07 columns instead).
  columns: [{ key: 'total', formula: '{basic}+{proj}' }, { key: 'basic' }, { key: 'proj' }],
  headerRows: 4,
  header: header(['合计', '基本支出', '项目支出'], [{ title: '本年支出', from: 0, to: 2 }]),
  colWidths: widths(3),
  padRows: 0,
};

function block(row: 'bud' | 'act', c0: number): FixedCell[] {
  const at = (c: number, col: string, cell: FixedCell['cell']): FixedCell => ({ r: 0, c: c0 + c, row, col, cell });
  return [
    at(0, 'total', { formula: '{abroad}+{car}+{recep}' }),
    at(1, 'abroad', input),
    at(2, 'car', { formula: '{car_buy}+{car_run}' }),
    at(3, 'car_buy', input),
    at(4, 'car_run', input),
    at(5, 'recep', input),
  ];
}

function sangongHeader(title: string, c0: number): HeaderCell[] {
  return [
    { text: title, r: 0, c: c0, cs: 6 },
    { text: '合计', r: 1, c: c0, rs: 2 },
    { text: '因公出国（境）费', r: 1, c: c0 + 1, rs: 2 },
    { text: '公务用车购置及运行维护费', r: 1, c: c0 + 2, cs: 3 },
    { text: '公务\n接待费', r: 1, c: c0 + 5, rs: 2 },
    { text: '小计', r: 2, c: c0 + 2 },
    { text: '公务用车\n购置费', r: 2, c: c0 + 3 },
    { text: '公务用车\n运行维护费', r: 2, c: c0 + 4 },
    ...Array.from({ length: 6 }, (_, i) => ({ text: String(c0 + i + 1), r: 3, c: c0 + i })),
  ];
}

export const SANGONG: FixedTableDef = {
  kind: 'fixed',
  id: 'sangong',
  contentId: 'sangong',
  publicNo: '公开09表',
  title: '财政拨款“三公”经费支出决算表',
  note:
    '注：本表反映部门本年度财政拨款“三公”经费支出预决算情况。其中，预算数为“三公”经费全年预算数，反映按规定程序调整后的预算数；决算数是包括当年财政拨款和以前年度结转资金安排的实际支出。',
  zero: 'zero',
  colWidths: Array.from({ length: 12 }, () => 11),
  headerRows: 4,
  // 预算数 block then 决算数 block, as Hunan prints it; the national column order is not read [I]
  // (Shanghai interleaves 预算数/决算数 per item).
  header: [...sangongHeader('预算数', 0), ...sangongHeader('决算数', 6)],
  dataRows: 1,
  cells: [...block('bud', 0), ...block('act', 6)],
};

export const TABLES = [SUMMARY, INCOME, EXPENDITURE, FISCAL, GPB, BASIC, GOV_FUND, STATE_CAPITAL, SANGONG];
