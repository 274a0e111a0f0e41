import type { EconomicTableDef } from '../../src/model/template';

const range = (prefix: string, items: number[]) => items.map((n) => `${prefix}${String(n).padStart(2, '0')}`);

export const T06: EconomicTableDef = {
  kind: 'economic',
  id: 't06',
  contentId: 'basicExpenditure',
  publicNo: '公开06表',
  title: '一般公共预算财政拨款基本支出决算表',
  note: '注：本表反映部门年度一般公共预算财政拨款基本支出明细情况。',
  zero: 'blank',
  colWidths: [10, 26, 12, 10, 26, 12, 10, 30, 12],
  headerRows: 1,
  header: [0, 3, 6].flatMap((c) => [
    { text: '经济分类科目编码', r: 0, c },
    { text: '科目名称', r: 0, c: c + 1 },
    { text: '决算数', r: 0, c: c + 2 },
  ]),
  // 人员经费 classes left, 商品和服务 middle, the rest of 公用经费 right — as the 2021 Hunan print.
  groups: [['301', '303'], ['302'], ['307', '310', '399']],
  codes: [
    ...range('301', [1, 2, 3, 6, 7, 8, 9, 10, 11, 12, 13, 14, 99]),
    ...range('303', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 99]),
    ...range('302', [1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 17, 18, 24, 25, 26, 27, 28, 29, 31, 39, 40, 99]),
    ...range('307', [1, 2]),
    ...range('310', [1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 19, 21, 22, 99]),
    ...range('399', [6, 7, 8, 99]),
  ],
  // 人员经费 under the first group, 公用经费 at the right edge, as the 2021 print has them.
  footer: [
    // 人员经费 = 工资福利支出 + 对个人和家庭的补助 (rules.md T06-2).
    { id: 'personnel', label: '人员经费合计', formula: '{301:amount}+{303:amount}', labelCol: 0, valueCol: 2 },
    // 公用经费 = everything else in basic expenditure (T06-3/3b): 302 + 307 + 310 + 399.
    { id: 'public', label: '公用经费合计', formula: '{302:amount}+{307:amount}+{310:amount}+{399:amount}', labelCol: 3, valueCol: 8 },
  ],
};
