// 审核 of national-2022 (rules.md ids where the rule is the same as Hunan's). Money flows by fund:
// 04's three fund columns each tie to their own table (05, 07, 08).
import type { Fund } from '../../src/model/ids';
import type { AuditRuleDef } from '../../src/model/template';
import { BUDGET_SUM, nonfiscalRules, tableLinkRules } from '../common/audit';
import { EXPENDITURE_FISCAL } from './tables';

const TOL = '0.01';
const eq = (id: string, title: string, l: [string, string], r: [string, string], extra: Partial<AuditRuleDef> = {}): AuditRuleDef => ({
  id,
  severity: 'error',
  title,
  left: { expr: l[0], label: l[1] },
  op: '=',
  right: { expr: r[0], label: r[1] },
  ...extra,
});
const nonNegative = (id: string, title: string, expr: string, label: string): AuditRuleDef => ({
  id,
  severity: 'warning',
  title,
  left: { expr: '0', label: '零' },
  op: '<=',
  right: { expr, label },
});

const FUND_CLOSE: [Fund, string][] = [
  ['gpb', '一般公共预算'],
  ['gf', '政府性基金预算'],
  ['soe', '国有资本经营预算'],
];

export const AUDIT: AuditRuleDef[] = [
  // 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余 = 本年支出合计 + 结余分配 + 年末结转和结余. Both
  // closing figures are typed, so a 0.01 residue is a 提示 naming the cells, never absorbed in 年末结转.
  eq('N01-balance', '01表收入总计应等于支出总计（本年收入合计＋使用非财政拨款结余＋年初结转和结余＝本年支出合计＋结余分配＋年末结转和结余）', ['{incomeExpenditure:inc.grand:amount}', '公开01表收入总计'], ['{incomeExpenditure:exp.grand:amount}', '公开01表支出总计'], { tolerance: TOL, source: 'T01-5' }),
  eq('X12-1', '01表本年收入合计应等于02表合计', ['{incomeExpenditure:inc.total:amount}', '公开01表本年收入合计'], ['{income:sum:total}', '公开02表合计行本年收入合计'], { source: 'X12-1' }),
  eq('X13-1', '01表本年支出合计应等于03表合计', ['{incomeExpenditure:exp.total:amount}', '公开01表本年支出合计'], ['{expenditure:sum:total}', '公开03表合计行本年支出合计'], { source: 'X13-1' }),
  eq('X24-1', '02表财政拨款收入应等于04表本年收入合计', ['{income:sum:fin}', '公开02表合计行财政拨款收入'], ['{fiscalIncomeExpenditure:inc.total:amount}', '公开04表本年收入合计'], { source: 'X24-1' }),
  eq('T04-7', '04表收入总计应等于支出总计', ['{fiscalIncomeExpenditure:inc.grand:amount}', '公开04表收入总计'], ['{fiscalIncomeExpenditure:exp.grand:all}', '公开04表支出总计'], { source: 'T04-7' }),
  eq('X45-1', '04表一般公共预算财政拨款支出应等于05表合计', ['{fiscalIncomeExpenditure:exp.total:gpb}', '公开04表本年支出合计（一般公共预算财政拨款）'], ['{gpbExpenditure:sum:total}', '公开05表合计行本年支出'], { source: 'X45-1' }),
  eq('X47-1', '04表政府性基金预算财政拨款支出应等于07表本年支出', ['{fiscalIncomeExpenditure:exp.total:gf}', '公开04表本年支出合计（政府性基金预算财政拨款）'], ['{govFund:sum:exp}', '公开07表合计行本年支出'], { source: 'X48-1' }),
  eq('X48-1', '04表国有资本经营预算财政拨款支出应等于08表本年支出', ['{fiscalIncomeExpenditure:exp.total:soe}', '公开04表本年支出合计（国有资本经营预算财政拨款）'], ['{stateCapital:sum:total}', '公开08表合计行本年支出'], { source: 'X49-1' }),
  eq('X56-1', '05表基本支出合计应等于06表人员经费与公用经费之和', ['{gpbExpenditure:sum:basic}', '公开05表合计行基本支出'], ['{basicExpenditure:personnel:amount}+{basicExpenditure:public:amount}', '公开06表人员经费合计与公用经费合计之和'], { tolerance: TOL, source: 'X56-1' }),
  BUDGET_SUM,
  {
    id: 'OPEX-1',
    severity: 'error',
    title: '机关运行经费不应大于公用经费',
    left: { expr: '{sup:opex.actual:value}', label: '补充资料机关运行经费支出' },
    op: '<=',
    right: { expr: '{basicExpenditure:public:amount}', label: '公开06表公用经费合计' },
    source: 'rules.md §5',
  },
  {
    id: 'X14-2-open',
    severity: 'warning',
    title: '年初财政拨款结转和结余不应大于年初结转和结余',
    left: { expr: '{fiscalIncomeExpenditure:open.total:amount}', label: '公开04表年初财政拨款结转和结余' },
    op: '<=',
    right: { expr: '{incomeExpenditure:inc.open:amount}', label: '公开01表年初结转和结余' },
    source: 'X14-2',
  },
  {
    id: 'X14-2-close',
    severity: 'warning',
    title: '年末财政拨款结转和结余不应大于年末结转和结余',
    left: { expr: '{fiscalIncomeExpenditure:close.total:all}', label: '公开04表年末财政拨款结转和结余' },
    op: '<=',
    right: { expr: '{incomeExpenditure:exp.close:amount}', label: '公开01表年末结转和结余' },
    source: 'X14-2',
  },
  ...FUND_CLOSE.map(([fund, name]) =>
    nonNegative(`T04-close-${fund}`, `${name}财政拨款年末结转和结余不应为负数`, `{fiscalIncomeExpenditure:close.${fund}:all}`, `公开04表年末${name}财政拨款结转和结余`),
  ),
  ...nonfiscalRules('expenditure', EXPENDITURE_FISCAL, '05、07、08'),
  {
    id: 'X35-1',
    severity: 'warning',
    title: '一般公共预算财政拨款支出不应大于同科目的全部支出',
    forEach: { kind: 'item', funds: ['gpb'] },
    left: { expr: '{gpbExpenditure:{code}:total}', label: '公开05表{code}本年支出' },
    op: '<=',
    right: { expr: '{expenditure:{code}:total}', label: '公开03表{code}本年支出合计' },
    source: 'X35-1',
  },
  ...(
    [
      ['30212', 'abroad', '因公出国（境）费用', '因公出国（境）费'],
      ['30217', 'recep', '公务接待费', '公务接待费'],
      ['30231', 'car_run', '公务用车运行维护费', '公务用车运行维护费'],
      ['31013', 'car_buy', '公务用车购置', '公务用车购置费'],
    ] as const
  ).map(
    ([code, col, name6, name9]): AuditRuleDef => ({
      id: `X69-1-${code}`,
      severity: 'error',
      title: `06表${name6}不应大于09表${name9}决算数`,
      left: { expr: `{basicExpenditure:${code}:amount}`, label: `公开06表${code} ${name6}` },
      op: '<=',
      right: { expr: `{sangong:act:${col}}`, label: `公开09表${name9}决算数` },
      source: 'X67-1',
    }),
  ),
  {
    id: 'N12-sme',
    severity: 'error',
    title: '授予中小企业合同金额不应大于政府采购支出总额',
    left: { expr: '{sup:proc.sme:value}', label: '授予中小企业合同金额' },
    op: '<=',
    right: { expr: '{sup:proc.total:value}', label: '政府采购支出总额' },
    source: 'N11.3',
  },
  ...tableLinkRules({
    t01: 'incomeExpenditure',
    t02: 'income',
    t03: 'expenditure',
    t04: 'fiscalIncomeExpenditure',
    t05: 'gpbExpenditure',
    t06: 'basicExpenditure',
    funds: [
      { fund: 'gpb', col04: 'gpb', sheet: 'gpbExpenditure', exp: 'total', name: '公开05表' },
      { fund: 'gf', col04: 'gf', sheet: 'govFund', exp: 'exp', name: '公开07表' },
      { fund: 'soe', col04: 'soe', sheet: 'stateCapital', exp: 'total', name: '公开08表' },
    ],
    fiscal: [
      { sheet: 'gpbExpenditure', exp: 'total', name: '公开05表' },
      { sheet: 'govFund', exp: 'exp', name: '公开07表' },
      { sheet: 'stateCapital', exp: 'total', name: '公开08表' },
    ],
  }),
  {
    id: 'X14-3',
    severity: 'warning',
    title: '04表各类财政拨款支出不应大于01表该类支出',
    forEach: { kind: 'class', funds: ['gpb', 'gf', 'soe'] },
    left: { expr: '{fiscalIncomeExpenditure:{class}:all}', label: '公开04表{name}合计' },
    op: '<=',
    right: { expr: '{?incomeExpenditure:{class}:amount}', label: '公开01表{name}' },
    source: 'X14-3',
  },
];
