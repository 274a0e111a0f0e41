// 审核 rules shared by template families whose 补充资料 has the same fields.
import type { Fund } from '../../src/model/ids';
import type { AuditRuleDef } from '../../src/model/template';

/** The stated 年初预算数 against the sum of the 项 budgets (rules.md N5): a 提示, the department's figure stands. */
export const BUDGET_SUM: AuditRuleDef = {
  id: 'BUDGET-sum',
  severity: 'warning',
  title: '年初预算数应等于各项年初预算之和',
  left: { expr: '{sup:budget.stated:value}', label: '补充资料一般公共预算财政拨款支出年初预算数' },
  op: '=',
  right: { expr: '{sup:budget.total:value}', label: '各项年初预算之和' },
  source: 'N5',
};

/**
 * A 03 figure typed below its 财政拨款 part would make 非财政拨款 negative: an error, never accepted
 * silently. `t03` is the template's sheet id of 03; `fiscal` the formula of the 财政拨款 part per
 * column; `tables` names the fiscal tables as the template numbers them.
 */
export function nonfiscalRules(t03: string, fiscal: Record<'basic' | 'proj', string>, tables: string): AuditRuleDef[] {
  return (['basic', 'proj'] as const).map((col) => {
    const kind = col === 'basic' ? '基本' : '项目';
    return {
      id: `NF-1-${col}`,
      severity: 'error',
      title: `03表${kind}支出不应小于其中的财政拨款（非财政拨款不能为负数）`,
      forEach: { kind: 'item', funds: ['gpb', 'gf', 'soe'] },
      left: { expr: `{${t03}:{code}:${col}}`, label: `公开03表{code} {name}${kind}支出` },
      op: '>=',
      right: { expr: fiscal[col], label: `${tables}表该项财政拨款${kind}支出` },
      source: '本程序（03表填报数与财政拨款之差）',
    };
  });
}

/** A fund's fiscal table: where 04's column of that fund comes from, per 项 and per 类. */
export interface FundTable {
  fund: Fund;
  /** 04's column of the fund. */
  col04: string;
  /** Sheet id of the fund's own table and its spending column. */
  sheet: string;
  exp: string;
  /** The table's printed number (公开05表). */
  name: string;
}

/** Sheet ids and printed numbers of the tables the links between tables name. */
export interface LinkTables {
  t01: string;
  t02: string;
  t03: string;
  t04: string;
  t05: string;
  t06: string;
  /** Printed numbers (default 公开01表 … 公开06表; sh-2024 renumbers the titles it takes). */
  names?: Record<'t01' | 't02' | 't03' | 't04' | 't05' | 't06', string>;
  /** 04's fund columns, each tied to its table. */
  funds: FundTable[];
  /** Every fiscal table of a 项 (a template may have one with no 04 column: hn-2021's 国有资本经营). */
  fiscal: { sheet: string; exp: string; name: string }[];
}

/**
 * 06 lines paid as one 项 (or 款) of 05's 基本支出: the same money in two tables (rules.md X56; a
 * 提示, since a department may book a line under another 项). Pairs: economic codes ↔ function code.
 */
export const SAME_MONEY_06_05: readonly { econ: string[]; fn: string; what: string }[] = [
  { econ: ['30108'], fn: '2080505', what: '机关事业单位基本养老保险缴费' },
  { econ: ['30109'], fn: '2080506', what: '机关事业单位职业年金缴费' },
  { econ: ['30110', '30111'], fn: '21011', what: '行政事业单位医疗（职工基本医疗保险缴费、公务员医疗补助缴费）' },
  { econ: ['30113'], fn: '2210201', what: '住房公积金' },
];

/**
 * Links between tables by 项 and by 类 (issue #16 item 2), each aware of what legitimately differs:
 * 02 and 03 of one 项 differ by carry-overs only up to the 01 balances; 03 holds at least the fiscal
 * spending of a 项 (05 + the fund tables); 04's fund columns per 类 are their tables' 类 rows; 04 合计
 * is its fund columns; 01 per 类 is 03's, and 04 within it; 06 ↔ 05 for the same money (提示).
 * Rules compare the tables as printed (审查: a printed figure stands for its cell), so they find
 * a 类 printed differently in two tables; otherwise they hold by construction where a cell is a formula.
 */
export function tableLinkRules(t: LinkTables): AuditRuleDef[] {
  const n = t.names ?? { t01: '公开01表', t02: '公开02表', t03: '公开03表', t04: '公开04表', t05: '公开05表', t06: '公开06表' };
  const funds = t.funds.map((f) => f.fund);
  const all: Fund[] = ['gpb', 'gf', 'soe'];
  const fiscalItem = t.fiscal.map((f) => `{?${f.sheet}:{code}:${f.exp}}`).join('+');
  const fiscalNames = t.fiscal.map((f) => f.name.replace(/^公开|表$/g, '')).join('、');
  const tol = { tolerance: '0.01' } as const;
  const rules: AuditRuleDef[] = [
    {
      id: 'X23-spend',
      severity: 'warning',
      title: `${n.t03}某项支出多于${n.t02}该项收入的部分，不应大于年初结转和结余与使用非财政拨款结余之和`,
      forEach: { kind: 'item', funds: all },
      left: { expr: `{${t.t03}:{code}:total}-{${t.t02}:{code}:total}`, label: `${n.t03}{code} {name}支出减${n.t02}该项收入` },
      op: '<=',
      right: { expr: `{${t.t01}:inc.open:amount}+{${t.t01}:inc.reserve:amount}`, label: `${n.t01}年初结转和结余与使用非财政拨款结余之和` },
      source: '本程序（02/03表按项：差额来自结转结余）',
    },
    {
      id: 'X23-keep',
      severity: 'warning',
      title: `${n.t02}某项收入多于${n.t03}该项支出的部分，不应大于年末结转和结余与结余分配之和`,
      forEach: { kind: 'item', funds: all },
      left: { expr: `{${t.t02}:{code}:total}-{${t.t03}:{code}:total}`, label: `${n.t02}{code} {name}收入减${n.t03}该项支出` },
      op: '<=',
      right: { expr: `{${t.t01}:exp.close:amount}+{${t.t01}:exp.alloc:amount}`, label: `${n.t01}年末结转和结余与结余分配之和` },
      source: '本程序（02/03表按项：差额留作结转结余）',
    },
    {
      id: 'X3F-1',
      severity: 'error',
      title: `${n.t03}某项本年支出合计不应小于该项的财政拨款支出（${fiscalNames}表）`,
      // 一般公共预算 alone is X35-1 (05 ≤ 03 per 项).
      forEach: { kind: 'item', funds: ['gf', 'soe'] },
      left: { expr: `{${t.t03}:{code}:total}`, label: `${n.t03}{code} {name}本年支出合计` },
      op: '>=',
      right: { expr: fiscalItem, label: `${fiscalNames}表该项财政拨款支出之和` },
      source: 'X35-1',
    },
    {
      id: 'X13-2',
      severity: 'error',
      title: `${n.t01}各类支出应等于${n.t03}该类本年支出合计`,
      forEach: { kind: 'class', funds: all },
      left: { expr: `{?${t.t01}:{class}:amount}`, label: `${n.t01}{name}` },
      op: '=',
      right: { expr: `{?${t.t03}:{class}:total}`, label: `${n.t03}{name}本年支出合计` },
      source: 'X13-2',
      ...tol,
    },
    {
      id: 'T04-4',
      severity: 'error',
      title: `${n.t04}各类支出的合计应等于各项财政拨款之和`,
      forEach: { kind: 'class', funds },
      left: { expr: `{${t.t04}:{class}:all}`, label: `${n.t04}{name}合计` },
      op: '=',
      right: { expr: t.funds.map((f) => `{${t.t04}:{class}:${f.col04}}`).join('+'), label: `${n.t04}该类各项财政拨款之和` },
      source: 'T04-4',
      ...tol,
    },
    {
      id: 'T04-4-total',
      severity: 'error',
      title: `${n.t04}本年支出合计应等于各项财政拨款之和`,
      left: { expr: `{${t.t04}:exp.total:all}`, label: `${n.t04}本年支出合计` },
      op: '=',
      right: { expr: t.funds.map((f) => `{${t.t04}:exp.total:${f.col04}}`).join('+'), label: `${n.t04}本年支出合计各项财政拨款之和` },
      source: 'T04-4',
      ...tol,
    },
    ...t.funds.map(
      (f): AuditRuleDef => ({
        id: `X4F-${f.fund}`,
        severity: 'error',
        title: `${n.t04}各类${FUND_WORDS[f.fund]}支出应等于${f.name}该类支出`,
        forEach: { kind: 'class', funds: [f.fund] },
        left: { expr: `{${t.t04}:{class}:${f.col04}}`, label: `${n.t04}{name}（${FUND_WORDS[f.fund]}）` },
        op: '=',
        right: { expr: `{?${f.sheet}:{class}:${f.exp}}`, label: `${f.name}{name}` },
        source: 'X45-2',
        ...tol,
      }),
    ),
    ...SAME_MONEY_06_05.map(
      (p): AuditRuleDef => ({
        id: `X65-${p.econ[0]}`,
        severity: 'warning',
        title: `${n.t06}与${n.t05}的同一笔支出应相等：${p.what}`,
        left: { expr: p.econ.map((c) => `{?${t.t06}:${c}:amount}`).join('+'), label: `${n.t06}${p.econ.join('＋')}` },
        op: '=',
        right: { expr: `{?${t.t05}:${p.fn}:basic}`, label: `${n.t05}${p.fn}基本支出` },
        source: '本程序（06/05表同一笔支出）',
        // Without that 项 the department books the line elsewhere (蓝山 2021: all in 2010306 行政运行).
        ifCodes: [p.fn],
        ...tol,
      }),
    ),
  ];
  return rules;
}

const FUND_WORDS: Record<Fund, string> = { gpb: '一般公共预算财政拨款', gf: '政府性基金预算财政拨款', soe: '国有资本经营预算财政拨款' };
