// 第五部分 附件: 部门整体支出绩效自评报告 of the 湖南 2021 template, as the reference document prints
// it (shared/seed 蓝山县行政审批服务局 2021, after the 名词解释): its outline bound to cells, the
// indicator score sheet (投入 / 过程 / 产出及效率) and the inputs it adds to 补充资料.
import type { AmountSlot, ChooseSlot, CountSlot, NarrativeDef, OperandDef, UserTextSlot } from '../../src/model/narrative';
import type { IndicatorDef, TemplatePartDef } from '../../src/model/part';
import type { FigureDef, SupplementSection, TextField } from '../../src/model/template';

const amt = (of: OperandDef): AmountSlot => ({ kind: 'amount', of });
const fixed = (of: OperandDef): AmountSlot => ({ kind: 'amount', of, fixed: true });
const cnt = (of: OperandDef): CountSlot => ({ kind: 'count', of });
const txt = (id: string, label?: string): UserTextSlot => ({ kind: 'text', id, ...(label ? { label } : {}) });
const ifZero = (of: OperandDef, then: string, otherwise: string): ChooseSlot => ({ kind: 'choose', cases: [{ when: { allZero: [of] }, text: then }], else: otherwise });
/** Prints `withValue` when the indicator's value is there, `scoreOnly` when its score was given by hand. */
const ifValue = (of: OperandDef, withValue: string, scoreOnly: string): ChooseSlot => ({ kind: 'choose', cases: [{ when: { anyMissing: [of] }, text: scoreOnly }], else: withValue });

const P = (row: string, col: 'value' | 'score' | 'min' | 'max' | 'weight' = 'value') => `perf:${row}:${col}`;
const SUP = (row: string) => `sup:${row}:value`;
const score = (id: string): AmountSlot => amt(P(id, 'score'));

/** A department's own 产出/效益 indicator: named, unit, target and value typed (2.5 points each, as the reference). */
const own = (id: string): IndicatorDef => ({ id, weight: '2.5', value: { kind: 'typed' }, target: { typed: true } });

const FISCAL_BASIC = '{t05:sum:basic}+{t08:sum:exp_basic}+{t09:sum:basic}';
const FISCAL_PROJ = '{t05:sum:proj}+{t08:sum:exp_proj}+{t09:sum:proj}';

/** 产出指标: the department's own, except 培训会议人均经费, computed from 补充资料 (万元 → 元). */
const OUTPUT: IndicatorDef[] = [
  own('output1'),
  own('output2'),
  own('output3'),
  {
    id: 'output4',
    name: '培训会议人均经费',
    unit: '元/人',
    weight: '2.5',
    value: {
      kind: 'formula',
      formula: 'ROUND(({sup:meeting.amount:value}+{sup:training.amount:value})*10000/({sup:meeting.people:value}+{sup:training.people:value}),2)',
      words: '（会议费 + 培训费）× 10000 ÷（会议人数 + 培训人数），元/人',
    },
    target: { typed: true },
  },
];
const BENEFIT: IndicatorDef[] = [own('benefit1'), own('benefit2'), own('benefit3'), own('benefit4')];

export const PERFORMANCE_INPUTS: SupplementSection[] = [
  {
    id: 'perf.staff',
    title: '绩效自评：人员与车辆（第五部分 一（二））',
    fields: [
      { id: 'staff.quota', label: '核定人员编制（人）', format: 'count', unit: '人' },
      { id: 'staff.actual', label: '实有在职在编人数（人）', format: 'count', unit: '人' },
      { id: 'staff.retired', label: '退休人员（人）', format: 'count', unit: '人' },
      { id: 'veh.quota', label: '车辆编制（台）', format: 'count', unit: '台' },
    ],
  },
  {
    id: 'perf.budget',
    title: '绩效自评：预算执行（第五部分 二、三）',
    fields: [
      { id: 'prior.sg.budget', label: '上年“三公”经费预算', format: 'amount' },
      { id: 'perf.newBuildings', label: '新建楼堂馆所（个）', format: 'count', unit: '个' },
      { id: 'proc.budget', label: '政府采购预算', format: 'amount' },
      { id: 'perf.close.basic', label: '年末基本支出结转结余', format: 'amount' },
      { id: 'perf.close.proj', label: '年末项目支出结转结余', format: 'amount' },
    ],
  },
];

export const PERFORMANCE_TEXTS: TextField[] = [
  { id: 'perf5.basis', label: '绩效自评依据', section: '第五部分 绩效自评报告', multiline: true },
  { id: 'perf5.overview', label: '部门基本情况', section: '第五部分 绩效自评报告', multiline: true },
  { id: 'perf5.summary', label: '年度工作总体评价', section: '第五部分 绩效自评报告' },
  { id: 'perf5.duties.basis', label: '职责履行评分说明', section: '第五部分 绩效自评报告' },
  { id: 'perf5.satisfaction', label: '满意度评价说明', section: '第五部分 绩效自评报告' },
  { id: 'perf5.rules', label: '管理制度健全性说明', section: '第五部分 绩效自评报告' },
  { id: 'perf5.compliance', label: '资金使用合规性说明', section: '第五部分 绩效自评报告' },
  { id: 'perf5.disclosure', label: '预决算信息公开说明', section: '第五部分 绩效自评报告' },
  { id: 'perf5.duties', label: '部门职责履行情况分析', section: '第五部分 绩效自评报告', multiline: true },
  { id: 'perf5.benefit', label: '社会经济效益分析', section: '第五部分 绩效自评报告', multiline: true },
  { id: 'perf5.efficiency', label: '行政效能分析', section: '第五部分 绩效自评报告', multiline: true },
  { id: 'perf5.problems', label: '存在的问题', section: '第五部分 绩效自评报告', multiline: true },
  { id: 'perf5.plans', label: '改进措施（后续工作计划）', section: '第五部分 绩效自评报告', multiline: true },
];

/** Figures of 二、部门整体收支结余情况 (财政拨款, 万元). */
export const PERFORMANCE_FIGURES: FigureDef[] = [
  { id: 'fiscal.received', label: '收到财政资金（财政拨款本年收入）', formula: '{t04:inc.total:amount}', format: 'amount' },
  { id: 'fiscal.basic', label: '财政拨款基本支出', formula: FISCAL_BASIC, format: 'amount' },
  { id: 'fiscal.proj', label: '财政拨款项目支出', formula: FISCAL_PROJ, format: 'amount' },
  { id: 'fiscal.spent', label: '财政拨款全年实际支出', formula: '{t04:exp.total:all}', format: 'amount' },
  { id: 'fiscal.close', label: '结余财政资金（年末财政拨款结转和结余）', formula: '{t04:close:all}', format: 'amount' },
];

export const PERFORMANCE_NARRATIVE: NarrativeDef = {
  whereDepth: 2,
  sections: [
    {
      id: 'perf5',
      title: '第五部分 附件',
      sections: [
        {
          id: 'report',
          title: '{year}年度部门整体支出绩效评价报告',
          body: [{ id: 'basis', text: '{t}', slots: { t: txt('perf5.basis') } }],
          sections: [
            {
              id: 'p1',
              title: '一、部门概况',
              sections: [
                { id: 'p1.1', title: '（一）部门基本情况。', body: [{ id: 'p', text: '{t}', slots: { t: txt('perf5.overview') } }] },
                {
                  id: 'p1.2',
                  title: '（二）人员情况。',
                  body: [
                    {
                      id: 'p',
                      text: '核定人员编制{quota}人，实有在职在编人数{actual}人，退休人员{retired}人，公车改革后，现有车辆编制{cars}台。',
                      slots: { quota: cnt(SUP('staff.quota')), actual: cnt(SUP('staff.actual')), retired: cnt(SUP('staff.retired')), cars: cnt(SUP('veh.quota')) },
                    },
                  ],
                },
              ],
            },
            {
              id: 'p2',
              title: '二、部门整体收支结余情况',
              body: [
                {
                  id: 'p',
                  // The reference prints 实际支出 and 结余 in 元 (1576.05元); the tables are in 万元.
                  text:
                    '我单位{year}年收到财政资金{received}万元。其中基本支出{basic}万元，项目支出{proj}万元；{year}年全年实际支出{spent}万元；' +
                    '结余财政资金{close}万元。基本支出结余{closeBasic}万元，项目支出结余{closeProj}万元。',
                  slots: {
                    received: amt(P('fiscal.received')),
                    basic: amt(P('fiscal.basic')),
                    proj: amt(P('fiscal.proj')),
                    spent: amt(P('fiscal.spent')),
                    close: amt(P('fiscal.close')),
                    closeBasic: amt(SUP('perf.close.basic')),
                    closeProj: amt(SUP('perf.close.proj')),
                  },
                },
              ],
            },
            {
              id: 'p3',
              title: '三、预算执行与管理情况',
              body: [
                {
                  id: 'lead',
                  text: '{year}年，我单位{summary}根据部门整体支出绩效评价指标体系，我单位{year}年度评价得分为{total}分。部门整体支出绩效情况如下：',
                  slots: { summary: txt('perf5.summary'), total: score('total') },
                },
                { id: 'in', text: '（一）投入{s}分。', slots: { s: score('s.input') } },
                {
                  id: 'in.cfg',
                  text: '预算配置得{g}分。其中：在职人员控制率：在职{actual}人/编制{quota}人*100%={rate}%，得{rateS}分；“三公”经费{sg}，得{sgS}分。',
                  slots: {
                    g: score('g.config'),
                    actual: cnt(SUP('staff.actual')),
                    quota: cnt(SUP('staff.quota')),
                    rate: fixed(P('staffControl')),
                    rateS: score('staffControl'),
                    sg: ifZero(P('sangongChange'), '预算数无变动，变动率等于0', '预算变动率{sgRate}%'),
                    sgRate: amt(P('sangongChange')),
                    sgS: score('sangongChange'),
                  },
                },
                { id: 'proc', text: '（二）过程{s}分。', slots: { s: score('s.process') } },
                {
                  id: 'proc.exec',
                  text: '1、预算执行得{g}分。预算完成率{br}%得{brS}分；预算控制率{bc}%得{bcS}分；{nb}得{nbS}分。',
                  slots: {
                    g: score('g.execution'),
                    br: amt(P('budgetRate')),
                    brS: score('budgetRate'),
                    bc: amt(P('budgetControl')),
                    bcS: score('budgetControl'),
                    nb: ifZero(P('newBuildings'), '无新建楼堂馆所', '新建楼堂馆所{nbN}个'),
                    nbN: cnt(P('newBuildings')),
                    nbS: score('newBuildings'),
                  },
                },
                {
                  id: 'proc.mgmt',
                  text: '2、预算管理得{g}分。政府采购执行率{pr}得{prS}分；{rules}得{rulesS}分；{comp}得{compS}分；{disc}得{discS}分。',
                  slots: {
                    g: score('g.management'),
                    pr: ifValue(P('procurement'), '{prV}%', ''),
                    prV: amt(P('procurement')),
                    prS: score('procurement'),
                    rules: txt('perf5.rules'),
                    rulesS: score('rules'),
                    comp: txt('perf5.compliance'),
                    compS: score('compliance'),
                    disc: txt('perf5.disclosure'),
                    discS: score('disclosure'),
                  },
                },
                { id: 'out', text: '（三）产出及效率得{s}分。', slots: { s: score('s.output') } },
                { id: 'out.duty', text: '1、职责履行得{s}分。', slots: { s: score('g.duties') } },
                { id: 'out.duty.basis', text: '职责履行内容：{t}', slots: { t: txt('perf5.duties.basis') } },
                { id: 'out.output', text: '2、产出指标内容得{s}分：', slots: { s: score('g.output') } },
                ...OUTPUT.map((ind, i) => indicatorLine(`out.output.${i + 1}`, ind, i + 1)),
                { id: 'out.benefit', text: '3、效益指标方面得{s}分：', slots: { s: score('g.benefit') } },
                ...BENEFIT.map((ind, i) => indicatorLine(`out.benefit.${i + 1}`, ind, i + 1)),
                { id: 'out.sat', text: '4、社会公众或服务对象满意度得{s}分：{t}', slots: { s: score('g.satisfaction'), t: txt('perf5.satisfaction') } },
              ],
            },
            {
              id: 'p4',
              title: '四、绩效情况',
              sections: [
                { id: 'p4.1', title: '（一）部门职责履行情况分析。', body: [{ id: 'p', text: '{t}', slots: { t: txt('perf5.duties') } }] },
                { id: 'p4.2', title: '（二）社会经济效益分析。', body: [{ id: 'p', text: '{t}', slots: { t: txt('perf5.benefit') } }] },
                { id: 'p4.3', title: '（三）行政效能分析。', body: [{ id: 'p', text: '{t}', slots: { t: txt('perf5.efficiency') } }] },
              ],
            },
            { id: 'p5', title: '五、存在的问题', body: [{ id: 'p', text: '{t}', slots: { t: txt('perf5.problems') } }] },
            { id: 'p6', title: '六、后续的工作计划', body: [{ id: 'p', text: '{t}', slots: { t: txt('perf5.plans') } }] },
          ],
        },
      ],
    },
  ],
};

/** 指标n：事项办件量≥50000件，得2.5分。 — a department's own indicator has its name and unit typed. */
function indicatorLine(id: string, def: IndicatorDef, n: number) {
  const ind = def.id;
  return {
    id,
    text: `指标${n}：${def.name ?? '{name}'}{target}${def.unit ?? '{unit}'}，得{s}分。`,
    slots: {
      name: txt(`perf.name.${ind}`, `指标名称（${ind}）`),
      unit: txt(`perf.unit.${ind}`, `指标单位（${ind}）`),
      target: {
        kind: 'choose' as const,
        cases: [
          { when: { anyMissing: [P(ind, 'min')] }, text: '≤{hi}' },
          { when: { anyMissing: [P(ind, 'max')] }, text: '≥{lo}' },
        ],
        else: '{lo}～{hi}',
      },
      lo: amt(P(ind, 'min')),
      hi: amt(P(ind, 'max')),
      s: score(ind),
    },
  };
}

export const PERFORMANCE: TemplatePartDef = {
  id: 'performance',
  tab: '绩效自评',
  title: '部门整体支出绩效自评报告',
  narrative: PERFORMANCE_NARRATIVE,
  figures: PERFORMANCE_FIGURES,
  inputs: PERFORMANCE_INPUTS,
  texts: PERFORMANCE_TEXTS,
  indicators: {
    title: '部门整体支出绩效评价指标得分表',
    inputTitle: '绩效自评：评价指标（实际值、目标、调整得分）',
    sections: [
      {
        id: 'input',
        name: '投入',
        groups: [
          {
            id: 'config',
            name: '预算配置',
            indicators: [
              {
                id: 'staffControl',
                name: '在职人员控制率',
                unit: '%',
                weight: '5',
                value: { kind: 'formula', formula: 'ROUND({sup:staff.actual:value}/{sup:staff.quota:value}*100,2)', words: '在职人数 ÷ 编制人数 × 100%' },
                target: { op: '<=', value: '100' },
              },
              {
                id: 'sangongChange',
                name: '“三公”经费变动率',
                unit: '%',
                weight: '5',
                value: {
                  kind: 'formula',
                  formula: 'ROUND(({t07:bud:total}-{sup:prior.sg.budget:value})/{sup:prior.sg.budget:value}*100,2)',
                  words: '（本年“三公”经费预算 − 上年“三公”经费预算）÷ 上年“三公”经费预算 × 100%',
                },
                target: { op: '<=', value: '0' },
              },
            ],
          },
        ],
      },
      {
        id: 'process',
        name: '过程',
        groups: [
          {
            id: 'execution',
            name: '预算执行',
            indicators: [
              {
                id: 'budgetRate',
                name: '预算完成率',
                unit: '%',
                weight: '5',
                value: { kind: 'formula', formula: 'ROUND({t05:sum:total}/{sup:budget.stated:value}*100,2)', words: '一般公共预算财政拨款支出决算 ÷ 年初预算 × 100%' },
                // The template's threshold; the reference prints 100% (its tables give 99.35%) and scores it full.
                target: { op: '>=', value: '95' },
              },
              {
                id: 'budgetControl',
                name: '预算控制率',
                unit: '%',
                weight: '5',
                value: { kind: 'formula', formula: 'ROUND({sup:opex.actual:value}/{sup:opex.budget:value}*100,2)', words: '机关运行经费支出 ÷ 机关运行经费年初预算 × 100%' },
                target: { op: '<=', value: '100' },
              },
              {
                id: 'newBuildings',
                name: '楼堂馆所控制情况（新建个数）',
                unit: '个',
                format: 'count',
                weight: '10',
                value: { kind: 'formula', formula: '{sup:perf.newBuildings:value}', words: '本年新建楼堂馆所个数' },
                target: { op: '=', value: '0' },
              },
            ],
          },
          {
            id: 'management',
            name: '预算管理',
            indicators: [
              {
                id: 'procurement',
                name: '政府采购执行率',
                unit: '%',
                weight: '6',
                value: { kind: 'formula', formula: 'ROUND({sup:proc.total:value}/{sup:proc.budget:value}*100,2)', words: '政府采购支出总额 ÷ 政府采购预算 × 100%' },
                target: { op: '>=', value: '100' },
              },
              { id: 'rules', name: '管理制度健全性', weight: '8', value: { kind: 'judged', basis: '有相关财务管理制度等' } },
              { id: 'compliance', name: '资金使用合规性', weight: '6', value: { kind: 'judged', basis: '资金使用符合规定' } },
              { id: 'disclosure', name: '预决算信息公开性', weight: '10', value: { kind: 'judged', basis: '按规定内容在规定时限公开，基础信息完善' } },
            ],
          },
        ],
      },
      {
        id: 'output',
        name: '产出及效率',
        groups: [
          { id: 'duties', name: '职责履行', indicators: [{ id: 'duties', name: '职责履行', weight: '10', value: { kind: 'judged', basis: '考核计划工作任务的实际完成情况及质量' } }] },
          { id: 'output', name: '产出指标', indicators: OUTPUT },
          { id: 'benefit', name: '效益指标', indicators: BENEFIT },
          { id: 'satisfaction', name: '满意度', indicators: [{ id: 'satisfaction', name: '社会公众或服务对象满意度', weight: '10', value: { kind: 'judged', basis: '服务对象满意度' } }] },
        ],
      },
    ],
  },
};
