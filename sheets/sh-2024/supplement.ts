// 补充资料 of sh-2024: what its 情况说明 reports that tables 一–九 do not hold. The national sections
// where the same (上年数, 年初预算, 非财政拨款 by 项, 机关运行经费); no 会议费/培训费 (not reported in
// Shanghai); 政府采购 with the 中小企业/小微企业 lines and 国有资产 by vehicle kind, as the template asks.
import type { SupplementField, SupplementSection, TextField } from '../../src/model/template';
import { SUPPLEMENT, TEXTS } from '../national-2022/supplement';

const amount = (id: string, label: string, hint?: string): SupplementField => ({ id, label, format: 'amount', ...(hint ? { hint } : {}) });
const count = (id: string, label: string, unit: string): SupplementField => ({ id, label, format: 'count', unit });
const national = (id: string): SupplementSection => SUPPLEMENT.find((s) => s.id === id)!;

/** The eight vehicle kinds of 十一（三）, in the template's order. */
export const VEHICLE_KINDS: [id: string, label: string][] = [
  ['minister', '部级领导干部用车'],
  ['leader', '主要领导干部用车'],
  ['confidential', '机要通信用车'],
  ['emergency', '应急保障用车'],
  ['enforcement', '执法执勤用车'],
  ['special', '特种专业技术用车'],
  ['retired', '离退休干部用车'],
  ['other', '其他用车'],
];

export const SUPPLEMENT_SH: SupplementSection[] = [
  { ...national('prior'), title: '上年决算数（一、四、五、七、十一同比）' },
  national('budget'),
  national('nonfiscal-basic'),
  national('nonfiscal-proj'),
  {
    id: 'sangong',
    title: '“三公”经费（七）',
    fields: [count('veh.sangong', '开支财政拨款的公务用车保有量', '辆'), amount('recep.foreign', '公务接待费中的外宾接待支出')],
  },
  {
    id: 'perf',
    title: '预算绩效管理（十）',
    fields: [
      count('perf.target.n', '编报绩效目标的项目', '个'),
      amount('perf.target.amount', '编报绩效目标的项目涉及预算金额'),
      count('perf.track.n', '绩效跟踪评价的项目', '个'),
      amount('perf.track.amount', '绩效跟踪评价的项目涉及预算金额'),
      count('perf.self.n', '绩效自评的项目', '个'),
      amount('perf.self.amount', '绩效自评的项目涉及预算金额'),
      amount('perf.self.score', '绩效自评平均得分', '分，两位小数'),
      count('perf.grade.excellent', '绩效评级为“优”的项目', '个'),
      count('perf.grade.good', '绩效评级为“良”的项目', '个'),
      count('perf.grade.pass', '绩效评级为“合格”的项目', '个'),
      count('perf.grade.fail', '绩效评级为“不合格”的项目', '个'),
      count('perf.issues', '绩效自评中发现的问题', '个'),
      count('perf.issues.fixed', '已经完成整改的问题', '个'),
      count('perf.issues.open', '正在整改的问题', '个'),
    ],
  },
  { ...national('opex'), title: '机关运行经费（十一（一））' },
  {
    id: 'procurement',
    title: '政府采购（十一（二），以合同签订为准）',
    fields: [
      amount('proc.goods', '货物采购金额'),
      amount('proc.works', '工程采购金额'),
      amount('proc.services', '服务采购金额'),
      amount('proc.stated', '政府采购金额（所述）', '情况说明所述的总额；与三项之和不同时审核提示'),
      { id: 'proc.total', label: '政府采购金额（三项之和）', format: 'amount', formula: '{proc.goods:value}+{proc.works:value}+{proc.services:value}' },
      amount('proc.reserved.sme', '面向中小企业预留政府采购项目预算金额'),
      amount('proc.reserved.micro', '面向小微企业预留政府采购项目预算金额'),
      amount('proc.won.sme', '预留项目中由中小企业供应商中标或成交的采购金额'),
      amount('proc.won.micro', '预留项目中由小微企业供应商中标或成交的采购金额'),
      amount('proc.won.other', '其他政府采购项目中由中小企业供应商中标或成交的采购金额'),
      {
        id: 'proc.sme',
        label: '授予中小企业合同金额',
        format: 'amount',
        formula: '{proc.won.sme:value}+{proc.won.other:value}',
      },
    ],
  },
  {
    id: 'assets',
    title: '国有资产占有使用（十一（三），截至年末）',
    fields: [
      ...VEHICLE_KINDS.map(([id, label]) => count(`veh.${id}`, label, '辆')),
      { id: 'veh.total', label: '车辆合计', format: 'count', unit: '辆', formula: VEHICLE_KINDS.map(([id]) => `{veh.${id}:value}`).join('+') },
      count('equip.special100', '单价100万元（含）以上设备（不含车辆）', '台（套）'),
    ],
  },
];

const nationalText = (id: string): TextField => TEXTS.find((t) => t.id === id)!;

export const TEXTS_SH: TextField[] = [
  nationalText('overview.duties'),
  { id: 'reason.grand', label: '收支总计变动原因', section: '一、收入支出决算总体情况说明' },
  { id: 'reason.fiscalGrand', label: '财政拨款收支总计变动原因', section: '四、财政拨款收入支出决算总体情况说明' },
  { id: 'reason.gpbExp', label: '一般公共预算财政拨款支出变动原因', section: '五、一般公共预算财政拨款支出决算情况说明' },
  { id: 'reason.budget', label: '决算数与年初预算数差异原因', section: '五、一般公共预算财政拨款支出决算情况说明' },
  { id: 'reason.sangong', label: '“三公”经费决算与预算差异原因', section: '七、财政拨款“三公”经费支出决算情况说明' },
  { id: 'reason.opex', label: '机关运行经费变动原因', section: '十一、其他重要事项的情况说明' },
  { id: 'perf.systems', label: '预算绩效管理制度与工作机制', section: '十、预算绩效管理情况', multiline: true },
];
