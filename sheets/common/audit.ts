// 审核 rules shared by template families whose 补充资料 has the same fields.
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
