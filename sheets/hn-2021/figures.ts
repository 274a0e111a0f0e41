// Key figures, named so that the narrative, the audit and the UI read them by id.
import type { FigureDef } from '../../src/model/template';

const share = (part: string, whole: string) => `IF(${whole}=0,"",ROUND(${part}/${whole}*100,2))`;

const BASIC = '({t06:personnel:amount}+{t06:public:amount})';

export const FIGURES: FigureDef[] = [
  { id: 'grandTotal', label: '收支总计', formula: '{t01:inc.grand:amount}', format: 'amount' },
  { id: 'incomeTotal', label: '本年收入合计', formula: '{t01:inc.total:amount}', format: 'amount' },
  { id: 'expenditureTotal', label: '本年支出合计', formula: '{t01:exp.total:amount}', format: 'amount' },
  { id: 'fiscalGrandTotal', label: '财政拨款收支总计', formula: '{t04:inc.grand:amount}', format: 'amount' },
  { id: 'gpbExpenditure', label: '一般公共预算财政拨款支出', formula: '{t05:sum:total}', format: 'amount' },
  { id: 'basicTotal', label: '基本支出合计（06表）', formula: BASIC, format: 'amount' },
  { id: 'personnel', label: '人员经费合计', formula: '{t06:personnel:amount}', format: 'amount' },
  { id: 'public', label: '公用经费合计', formula: '{t06:public:amount}', format: 'amount' },
  { id: 'personnelShare', label: '人员经费占基本支出比例（%）', formula: share('{t06:personnel:amount}', BASIC), format: 'percent' },
  { id: 'publicShare', label: '公用经费占基本支出比例（%）', formula: share('{t06:public:amount}', BASIC), format: 'percent' },
  { id: 'sangongBudget', label: '“三公”经费预算', formula: '{t07:bud:total}', format: 'amount' },
  { id: 'sangongActual', label: '“三公”经费决算', formula: '{t07:act:total}', format: 'amount' },
  { id: 'sangongRate', label: '“三公”经费完成预算比例（%）', formula: share('{t07:act:total}', '{t07:bud:total}'), format: 'percent' },
  { id: 'budgetTotal', label: '年初预算合计', formula: '{sup:budget.stated:value}', format: 'amount' },
  { id: 'budgetRate', label: '完成年初预算比例（%）', formula: share('{t05:sum:total}', '{sup:budget.stated:value}'), format: 'percent' },
  { id: 'procurementTotal', label: '政府采购支出总额', formula: '{sup:proc.total:value}', format: 'amount' },
];
