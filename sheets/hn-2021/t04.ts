import type { CellDef, TwoSidedTableDef } from '../../src/model/template';

const f = (formula: string): CellDef => ({ formula });
const byFund = (gpb: string, gf: string): Record<string, CellDef> => ({
  all: f('{gpb}+{gf}'),
  gpb: f(gpb),
  gf: f(gf),
});

export const T04: TwoSidedTableDef = {
  kind: 'two-sided',
  id: 't04',
  contentId: 'fiscalIncomeExpenditure',
  publicNo: '公开04表',
  title: '财政拨款收支决算总表',
  note: '注：本表反映部门本年度一般公共预算财政拨款和政府性基金预算财政拨款的总收支和年末结转结余情况。',
  zero: 'blank',
  colWidths: [30, 6, 12, 30, 6, 12, 14, 14],
  headerRows: 3,
  header: [
    { text: '收入', r: 0, c: 0, cs: 3 },
    { text: '支出', r: 0, c: 3, cs: 5 },
    { text: '项    目', r: 1, c: 0 },
    { text: '行次', r: 1, c: 1 },
    { text: '金额', r: 1, c: 2 },
    { text: '项    目', r: 1, c: 3 },
    { text: '行次', r: 1, c: 4 },
    { text: '合计', r: 1, c: 5 },
    { text: '一般公共预算财政拨款', r: 1, c: 6 },
    { text: '政府性基金预算财政拨款', r: 1, c: 7 },
    { text: '栏    次', r: 2, c: 0 },
    { text: '', r: 2, c: 1 },
    { text: '1', r: 2, c: 2 },
    { text: '栏    次', r: 2, c: 3 },
    { text: '', r: 2, c: 4 },
    { text: '2', r: 2, c: 5 },
    { text: '3', r: 2, c: 6 },
    { text: '4', r: 2, c: 7 },
  ],
  leftCols: ['amount'],
  rightCols: ['all', 'gpb', 'gf'],
  leftHead: [
    { id: 'inc.gpb', label: '一、一般公共预算财政拨款', cells: { amount: f('{t01:inc.gpb:amount}') } },
    { id: 'inc.gf', label: '二、政府性基金预算财政拨款', cells: { amount: f('{t01:inc.gf:amount}') } },
    { label: '' },
    { label: '' },
    { label: '' },
    { label: '' },
    { label: '' },
    { label: '' },
  ],
  leftTail: [
    { id: 'inc.total', label: '本年收入合计', cells: { amount: f('{inc.gpb:amount}+{inc.gf:amount}') } },
    { id: 'open.total', label: '年初财政拨款结转和结余', cells: { amount: f('{open.gpb:amount}+{open.gf:amount}') } },
    { id: 'open.gpb', label: '一、一般公共预算财政拨款', cells: { amount: { input: true } } },
    // 政府性基金 opening balance is typed in 08表 (年初结转和结余) and only shown here.
    { id: 'open.gf', label: '二、政府性基金预算财政拨款', cells: { amount: f('{t08:sum:open}') } },
    { label: '' },
    { id: 'inc.grand', label: '总计', cells: { amount: f('{inc.total:amount}+{open.total:amount}') } },
  ],
  classFunds: ['gpb', 'gf'],
  classCells: byFund('{?t05:{class}:total}', '{?t08:{class}:exp}'),
  minHead: 8,
  rightTail: [
    {
      id: 'exp.total',
      label: '本年支出合计',
      cells: { all: f('{@classes:all}'), gpb: f('{@classes:gpb}'), gf: f('{@classes:gf}') },
    },
    {
      id: 'close',
      label: '年末财政拨款结转和结余',
      // Per fund: opening + income − spending (T04-8), so the balance holds by construction.
      cells: byFund('{open.gpb:amount}+{inc.gpb:amount}-{exp.total:gpb}', '{open.gf:amount}+{inc.gf:amount}-{exp.total:gf}'),
    },
    { label: '' },
    { label: '' },
    { label: '' },
    {
      id: 'exp.grand',
      label: '总计',
      cells: {
        all: f('{exp.total:all}+{close:all}'),
        gpb: f('{exp.total:gpb}+{close:gpb}'),
        gf: f('{exp.total:gf}+{close:gf}'),
      },
    },
  ],
};
