import type { FixedCell, FixedTableDef, HeaderCell } from '../../src/model/template';

function block(row: 'bud' | 'act', c0: number): FixedCell[] {
  const at = (c: number, col: string, cell: FixedCell['cell']): FixedCell => ({ r: 0, c: c0 + c, row, col, cell });
  return [
    at(0, 'total', { formula: '{abroad}+{car}+{recep}' }),
    at(1, 'abroad', { input: true }),
    at(2, 'car', { formula: '{car_buy}+{car_run}' }),
    at(3, 'car_buy', { input: true }),
    at(4, 'car_run', { input: true }),
    at(5, 'recep', { input: true }),
  ];
}

function headerBlock(title: string, c0: number): HeaderCell[] {
  return [
    { text: title, r: 0, c: c0, cs: 6 },
    { text: '合计', r: 1, c: c0, rs: 2 },
    { text: '因公出国（境）费', r: 1, c: c0 + 1, rs: 2 },
    { text: '公务用车购置及运行费', r: 1, c: c0 + 2, cs: 3 },
    { text: '公务\n接待费', r: 1, c: c0 + 5, rs: 2 },
    { text: '小计', r: 2, c: c0 + 2 },
    { text: '公务用车\n购置费', r: 2, c: c0 + 3 },
    { text: '公务用车\n运行费', r: 2, c: c0 + 4 },
    ...Array.from({ length: 6 }, (_, i) => ({ text: String(c0 + i + 1), r: 3, c: c0 + i })),
  ];
}

export const T07: FixedTableDef = {
  kind: 'fixed',
  id: 't07',
  contentId: 'sangong',
  publicNo: '公开07表',
  title: '一般公共预算财政拨款“三公”经费支出决算表',
  note:
    '注：本表反映部门本年度“三公”经费支出预决算情况。其中，预算数为“三公”经费全年预算数，反映按规定程序调整后的预算数；决算数是包括当年一般公共预算财政拨款和以前年度结转资金安排的实际支出。',
  zero: 'zero',
  colWidths: Array.from({ length: 12 }, () => 11),
  headerRows: 4,
  header: [...headerBlock('预算数', 0), ...headerBlock('决算数', 6)],
  dataRows: 1,
  cells: [...block('bud', 0), ...block('act', 6)],
};
