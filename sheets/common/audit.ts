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
