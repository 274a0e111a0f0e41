// 补充资料 of national-2022: only the figures its 情况说明 uses that tables 01–09 do not hold.
import type { SupplementSection, TextField } from '../../src/model/template';
import { EXPENDITURE_FISCAL } from './tables';

const amount = (id: string, label: string, hint?: string) => ({ id, label, format: 'amount' as const, ...(hint ? { hint } : {}) });
const count = (id: string, label: string) => ({ id, label, format: 'count' as const });

export const SUPPLEMENT: SupplementSection[] = [
  {
    id: 'prior',
    title: '上年决算数（一、四、五、九、十同比）',
    fields: [
      amount('prior.grand', '上年收支总计'),
      amount('prior.fiscalGrand', '上年财政拨款收支总计'),
      amount('prior.gpbExp', '上年一般公共预算财政拨款支出'),
      amount('prior.sg.abroad', '上年因公出国（境）费决算'),
      amount('prior.sg.car', '上年公务用车购置及运行维护费决算'),
      amount('prior.sg.recep', '上年公务接待费决算'),
      {
        id: 'prior.sg.total',
        label: '上年“三公”经费决算合计',
        format: 'amount',
        formula: '{prior.sg.abroad:value}+{prior.sg.car:value}+{prior.sg.recep:value}',
      },
      amount('prior.opex', '上年机关运行经费'),
    ],
  },
  {
    id: 'budget',
    title: '年初预算（五、一般公共预算财政拨款支出）',
    // The total is the figure the department states; the 项 budgets are summed beside it (审核 提示 when they differ).
    fields: [amount('budget.stated', '一般公共预算财政拨款支出年初预算数')],
    perItem: {
      id: 'budget.{code}',
      label: '{name}（{code}）年初预算',
      format: 'amount',
      totalId: 'budget.total',
      totalLabel: '各项年初预算之和',
    },
  },
  {
    // Derived: 03表 as typed (or following) less 财政拨款; 0 while 03 follows the fiscal tables.
    id: 'nonfiscal-basic',
    title: '非财政拨款基本支出（03表基本支出减05、07、08表财政拨款，按项自动计算）',
    fields: [],
    perItem: {
      id: 'nonfiscal.basic.{code}',
      label: '{name}（{code}）',
      format: 'amount',
      funds: ['gpb', 'gf', 'soe'],
      formula: `{expenditure:{code}:basic}-(${EXPENDITURE_FISCAL.basic})`,
    },
  },
  {
    id: 'nonfiscal-proj',
    title: '非财政拨款项目支出（03表项目支出减05、07、08表财政拨款，按项自动计算）',
    fields: [],
    perItem: {
      id: 'nonfiscal.proj.{code}',
      label: '{name}（{code}）',
      format: 'amount',
      funds: ['gpb', 'gf', 'soe'],
      formula: `{expenditure:{code}:proj}-(${EXPENDITURE_FISCAL.proj})`,
    },
  },
  {
    id: 'opex',
    title: '机关运行经费（十）',
    fields: [amount('opex.actual', '机关运行经费支出', '行政单位和参公事业单位的公用经费，不大于06表公用经费合计')],
  },
  {
    id: 'general',
    title: '一般性支出（十一）',
    fields: [amount('meeting.amount', '会议费'), amount('training.amount', '培训费')],
  },
  {
    id: 'procurement',
    title: '政府采购（十二）',
    fields: [
      amount('proc.goods', '政府采购货物支出'),
      amount('proc.works', '政府采购工程支出'),
      amount('proc.services', '政府采购服务支出'),
      { id: 'proc.total', label: '政府采购支出总额', format: 'amount', formula: '{proc.goods:value}+{proc.works:value}+{proc.services:value}' },
      amount('proc.sme', '授予中小企业合同金额'),
    ],
  },
  {
    id: 'assets',
    title: '国有资产占用（十三）',
    fields: [count('veh.total', '公务用车（辆）'), count('equip.special100', '单位价值100万元以上设备（台套）')],
  },
];

export const TEXTS: TextField[] = [
  { id: 'overview.duties', label: '主要职能', section: '部门概况', multiline: true },
  { id: 'overview.structure', label: '部门决算单位构成', section: '部门概况', multiline: true },
  { id: 'reason.grand', label: '收支总计变动原因', section: '一、收入支出决算总体情况' },
  { id: 'reason.fiscalGrand', label: '财政拨款收支总计变动原因', section: '四、财政拨款收入支出决算总体情况' },
  { id: 'reason.gpbExp', label: '一般公共预算财政拨款支出变动原因', section: '五、一般公共预算财政拨款支出决算情况' },
  { id: 'reason.budget', label: '决算数与年初预算数差异原因', section: '五、一般公共预算财政拨款支出决算情况' },
  { id: 'reason.sangong', label: '“三公”经费决算与预算差异原因', section: '九、财政拨款“三公”经费支出决算情况' },
  { id: 'reason.opex', label: '机关运行经费变动原因', section: '十、机关运行经费支出情况' },
  { id: 'perf.result', label: '预算绩效管理情况', section: '十四、预算绩效情况', multiline: true },
];
