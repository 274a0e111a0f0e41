import type { TwoSidedTableDef } from '../../src/model/template';

const amount = (formula: string) => ({ amount: { formula } });

export const T01: TwoSidedTableDef = {
  kind: 'two-sided',
  id: 't01',
  contentId: 'incomeExpenditure',
  publicNo: '公开01表',
  title: '部门收支决算总表',
  note: '注：本表反映部门本年度的总收支和年末结转结余情况。',
  zero: 'blank',
  colWidths: [34, 6, 14, 34, 6, 14],
  headerRows: 3,
  header: [
    { text: '收入', r: 0, c: 0, cs: 3 },
    { text: '支出', r: 0, c: 3, cs: 3 },
    { text: '项    目', r: 1, c: 0 },
    { text: '行次', r: 1, c: 1 },
    { text: '决算数', r: 1, c: 2 },
    { text: '项    目', r: 1, c: 3 },
    { text: '行次', r: 1, c: 4 },
    { text: '决算数', r: 1, c: 5 },
    { text: '栏    次', r: 2, c: 0 },
    { text: '', r: 2, c: 1 },
    { text: '1', r: 2, c: 2 },
    { text: '栏    次', r: 2, c: 3 },
    { text: '', r: 2, c: 4 },
    { text: '2', r: 2, c: 5 },
  ],
  leftCols: ['amount'],
  rightCols: ['amount'],
  leftHead: [
    // 一般公共预算 = 财政拨款收入 (02表) less 政府性基金 (08表): typed once, in 02 and 08.
    { id: 'inc.gpb', label: '一、一般公共预算财政拨款收入', cells: amount('{t02:sum:fin}-{t08:sum:inc}') },
    { id: 'inc.gf', label: '二、政府性基金预算财政拨款收入', cells: amount('{t08:sum:inc}') },
    { id: 'inc.sup', label: '三、上级补助收入', cells: amount('{t02:sum:sup}') },
    { id: 'inc.biz', label: '四、事业收入', cells: amount('{t02:sum:biz}') },
    { id: 'inc.op', label: '五、经营收入', cells: amount('{t02:sum:op}') },
    { id: 'inc.affil', label: '六、附属单位上缴收入', cells: amount('{t02:sum:affil}') },
    { id: 'inc.oth', label: '七、其他收入', cells: amount('{t02:sum:oth}') },
    { label: '' },
  ],
  leftTail: [
    {
      id: 'inc.total',
      label: '本年收入合计',
      cells: amount(
        '{inc.gpb:amount}+{inc.gf:amount}+{inc.sup:amount}+{inc.biz:amount}+{inc.op:amount}+{inc.affil:amount}+{inc.oth:amount}',
      ),
    },
    { id: 'inc.reserve', label: '用事业基金弥补收支差额', indent: 2, cells: { amount: { input: true } } },
    { id: 'inc.open', label: '年初结转和结余', indent: 2, cells: { amount: { input: true } } },
    { label: '' },
    { id: 'inc.grand', label: '总计', cells: amount('{inc.total:amount}+{inc.reserve:amount}+{inc.open:amount}') },
  ],
  classFunds: ['gpb', 'gf', 'soe'],
  classCells: { amount: { formula: '{?t03:{class}:total}' } },
  minHead: 8,
  rightTail: [
    { id: 'exp.total', label: '本年支出合计', cells: amount('{@classes:amount}') },
    { id: 'exp.alloc', label: '结余分配', indent: 2, cells: { amount: { input: true } } },
    // 年末结转和结余 closes the account: income side total less spending and allocation.
    {
      id: 'exp.close',
      label: '年末结转和结余',
      indent: 2,
      cells: amount('{inc.grand:amount}-{exp.total:amount}-{exp.alloc:amount}'),
    },
    { label: '' },
    { id: 'exp.grand', label: '总计', cells: amount('{exp.total:amount}+{exp.alloc:amount}+{exp.close:amount}') },
  ],
};
