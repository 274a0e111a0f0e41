// Tables 02, 03, 05, 08, 09: one row per 功能分类 类/款/项, laid out from the workbook's codes.
import type { FunctionTableDef, HeaderCell } from '../../src/model/template';

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

/** 03表 基本/项目支出 of one 项 paid from 财政拨款 (05, 08, 09): what the 03 cell shows until typed over. */
export const T03_FISCAL = {
  basic: '{?t05:{code}:basic}+{?t08:{code}:exp_basic}+{?t09:{code}:basic}',
  proj: '{?t05:{code}:proj}+{?t08:{code}:exp_proj}+{?t09:{code}:proj}',
} as const;

const widths = (n: number) => [14, 34, ...Array.from({ length: n }, () => 13)];

export const T02: FunctionTableDef = {
  kind: 'function',
  id: 't02',
  contentId: 'income',
  publicNo: '公开02表',
  title: '部门收入决算表',
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
  padRows: 3,
};

export const T03: FunctionTableDef = {
  kind: 'function',
  id: 't03',
  contentId: 'expenditure',
  publicNo: '公开03表',
  title: '部门支出决算表',
  note: '注：本表反映部门本年度各项支出情况。',
  zero: 'zero',
  funds: ['gpb', 'gf', 'soe'],
  columns: [
    { key: 'total', formula: '{basic}+{proj}+{up}+{op}+{affil}' },
    // 基本/项目支出 follow 财政拨款 (05, 08, 09, typed there), so a purely fiscal department types
    // each figure once; a department with 非财政拨款 types the whole figure over them, and
    // 补充资料 shows the difference as 非财政拨款 (审核 NF-1: never negative).
    { key: 'basic', formula: T03_FISCAL.basic, typeOver: true },
    { key: 'proj', formula: T03_FISCAL.proj, typeOver: true },
    { key: 'up' },
    { key: 'op' },
    { key: 'affil' },
  ],
  headerRows: 4,
  header: header(['本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出']),
  colWidths: widths(6),
  padRows: 3,
};

export const T05: FunctionTableDef = {
  kind: 'function',
  id: 't05',
  contentId: 'gpbExpenditure',
  publicNo: '公开05表',
  title: '一般公共预算财政拨款支出决算表',
  note: '注：本表反映部门本年度一般公共预算财政拨款支出情况。',
  zero: 'zero',
  funds: ['gpb'],
  columns: [{ key: 'total', formula: '{basic}+{proj}' }, { key: 'basic' }, { key: 'proj' }],
  headerRows: 4,
  header: header(['小计', '基本支出', '项目支出'], [{ title: '本年支出', from: 0, to: 2 }]),
  colWidths: widths(3),
  padRows: 3,
};

export const T08: FunctionTableDef = {
  kind: 'function',
  id: 't08',
  contentId: 'govFund',
  publicNo: '公开08表',
  title: '政府性基金预算财政拨款收入支出决算表',
  note: '注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况',
  emptyNote: '({dept}没有政府性基金收入，也没有使用政府性基金安排的支出，故本表无数据)。',
  zero: 'zero',
  funds: ['gf'],
  columns: [
    { key: 'open' },
    { key: 'inc' },
    { key: 'exp', formula: '{exp_basic}+{exp_proj}' },
    { key: 'exp_basic' },
    { key: 'exp_proj' },
    // 年末 = 年初 + 收入 − 支出 (rules.md T08-2, medium): derived so it cannot disagree.
    { key: 'close', formula: '{open}+{inc}-{exp}' },
  ],
  headerRows: 4,
  header: header(
    ['年初结转和结余', '本年收入', '小计', '基本支出', '项目支出', '年末结转和结余'],
    [{ title: '本年支出', from: 2, to: 4 }],
  ),
  colWidths: widths(6),
  padRows: 6,
};

export const T09: FunctionTableDef = {
  kind: 'function',
  id: 't09',
  contentId: 'stateCapital',
  publicNo: '公开09表',
  title: '国有资本经营预算财政拨款支出决算表',
  note: '注：本表反映部门本年度国有资本经营预算财政拨款支出情况。',
  zero: 'zero',
  funds: ['soe'],
  columns: [{ key: 'total', formula: '{basic}+{proj}' }, { key: 'basic' }, { key: 'proj' }],
  headerRows: 4,
  header: header(['合计', '基本支出', '项目支出'], [{ title: '本年支出', from: 0, to: 2 }]),
  colWidths: widths(3),
  padRows: 6,
};
