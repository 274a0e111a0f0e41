// 情况说明 of sh-2024: the eleven sections of the Shanghai template (examples/sh-template-2024.txt) in
// its wording, 不涉及的不列 (list slots), and 第一部分 概况 and 第四部分 名词解释. Amounts with two
// decimals and thousands separators (2,995.39), as the template's tables print them.
import type {
  AmountSlot,
  ChooseSlot,
  CompareSlot,
  ConditionDef,
  CountSlot,
  ItemsSlot,
  ListSlot,
  NarrativeDef,
  NarrativeSectionDef,
  OperandDef,
  ParagraphDef,
  PctSlot,
  SlotDef,
  UserTextSlot,
} from '../../src/model/narrative';
import { VEHICLE_KINDS } from './supplement';

const amt = (of: OperandDef): AmountSlot => ({ kind: 'amount', of });
const num = (of: OperandDef): CountSlot => ({ kind: 'count', of });
const pct = (part: OperandDef, whole: OperandDef): PctSlot => ({ kind: 'pct', part, whole });
const txt = (id: string, label?: string): UserTextSlot => ({ kind: 'text', id, ...(label ? { label } : {}) });
const zero = (...ops: OperandDef[]): ConditionDef => ({ allZero: ops });
const choose = (when: ConditionDef, then: string, otherwise: string): ChooseSlot => ({ kind: 'choose', cases: [{ when, text: then }], else: otherwise });
const named = (of: string, label: string): OperandDef => ({ of, label });
const para = (id: string, text: string, slots: Record<string, SlotDef> = {}): ParagraphDef => ({ id, text, slots });
const sup = (id: string, label: string) => named(`sup:${id}:value`, label);
/** Clauses printed only when their figure is not zero (the template's 不涉及的不列). */
const list = (items: [text: string, op: OperandDef][], none = '无'): ListSlot => ({ kind: 'list', items: items.map(([text, op]) => ({ text, skip: zero(op) })), sep: '；', none });
const items = (classes: string[]): ItemsSlot => ({ kind: 'items', table: 'basicExpenditure', classes, text: '，主要包括：{list}', none: '' });

/** 与{prevYear}年度相比，{what}增加（减少）X万元，增长（下降）X%。主要原因：…（如持平作持平表述） */
function yoy(what: string, cur: OperandDef, prior: OperandDef, reason: string): CompareSlot {
  return {
    kind: 'compare',
    cur,
    base: prior,
    up: `与{prevYear}年度相比，${what}增加{abs}万元，增长{pct}%。主要原因：{${reason}}。`,
    down: `与{prevYear}年度相比，${what}减少{abs}万元，下降{pct}%。主要原因：{${reason}}。`,
    same: `与{prevYear}年度相比，${what}持平。`,
    fromZero: `与{prevYear}年度相比，${what}增加{abs}万元。主要原因：{${reason}}。`,
  };
}

/** 决算数大于（小于）预算数的主要原因：…（如持平作持平表述） */
const vsBudget = (cur: OperandDef, budget: OperandDef, reason: string): CompareSlot => ({
  kind: 'compare',
  cur,
  base: budget,
  up: `决算数大于预算数的主要原因：{${reason}}。`,
  down: `决算数小于预算数的主要原因：{${reason}}。`,
  same: '决算数与预算数持平。',
  fromZero: `决算数大于预算数的主要原因：{${reason}}。`,
});

/** 增加（减少）X万元，增长（下降）X% of one 三公 item on the prior year. */
const sgChange = (cur: OperandDef, prior: OperandDef): CompareSlot => ({
  kind: 'compare',
  cur,
  base: prior,
  up: '增加{abs}万元，增长{pct}%',
  down: '减少{abs}万元，下降{pct}%',
  same: '持平',
  fromZero: '增加{abs}万元',
});

const GRAND = named('fig:grandTotal:value', '收入支出总计');
const FISCAL_GRAND = named('fig:fiscalGrandTotal:value', '财政拨款收入支出总计');
const GPB_EXP = named('gpbExpenditure:sum:total', '一般公共预算财政拨款支出');
const GPB_BASIC = named('gpbExpenditure:sum:basic', '一般公共预算财政拨款基本支出');
const INCOME = named('incomeExpenditure:inc.total:amount', '本年收入合计');
const EXPENDITURE = named('expenditure:sum:total', '本年支出合计');
const BUDGET = sup('budget.stated', '年初预算数');
const ITEM_TOTAL = named('gpbExpenditure:{code}:total', '{name}（项）支出决算数');
const ITEM_BUDGET = named('sup:budget.{code}:value', '{name}（项）年初预算数');
const CLASS_TOTAL = named('gpbExpenditure:{class}:total', '{classFullName}（类）支出');
const SG = (row: 'bud' | 'act', col: string, label: string) => named(`sangong:${row}:${col}`, `“三公”经费${label}${row === 'bud' ? '预算数' : '决算数'}`);
const SG_BUD = SG('bud', 'total', '');
const SG_ACT = SG('act', 'total', '');
const SG_PRIOR = sup('prior.sg.total', '上年“三公”经费决算合计');
const I = (col: string, label: string) => named(`income:sum:${col}`, label);
const E = (col: string, label: string) => named(`expenditure:sum:${col}`, label);
const share = (key: string, of: OperandDef, whole: OperandDef): Record<string, SlotDef> => ({ [key]: amt(of), [`${key}S`]: pct(of, whole) });

const OVERVIEW: NarrativeSectionDef = {
  id: 'overview',
  title: '第一部分 {dept}概况',
  sections: [
    { id: 'overview.duties', title: '一、主要职能', body: [para('p', '{t}', { t: txt('overview.duties') })] },
    // The 部门决算单位构成 table (the workbook's units) prints after this text (publication.unitsAfter).
    { id: 'overview.structure', title: '二、部门决算单位构成' },
  ],
};

const n5: NarrativeSectionDef = {
  id: 'n5',
  title: '五、一般公共预算财政拨款支出决算情况说明',
  sections: [
    {
      id: 'n5.1',
      title: '（一）一般公共预算财政拨款支出决算总体情况',
      body: [
        para('p', '一般公共预算财政拨款支出{gpb}万元，占本年支出合计的{share}%。{chg}', {
          gpb: amt(GPB_EXP),
          share: pct(GPB_EXP, EXPENDITURE),
          chg: yoy('一般公共预算财政拨款支出', GPB_EXP, sup('prior.gpbExp', '上年一般公共预算财政拨款支出'), 'reason'),
          reason: txt('reason.gpbExp'),
        }),
      ],
    },
    {
      id: 'n5.2',
      title: '（二）一般公共预算财政拨款支出决算结构情况',
      body: [
        para('p', '一般公共预算财政拨款支出{gpb}万元，主要用于以下方面：{classes}。', {
          gpb: amt(GPB_EXP),
          classes: {
            kind: 'each',
            each: { over: 'class', funds: ['gpb'], skip: zero(CLASS_TOTAL) },
            text: '{classFullName}（类）{amount}万元，占{share}%',
            sep: '；',
            none: '无',
            slots: { amount: amt(CLASS_TOTAL), share: pct(CLASS_TOTAL, GPB_EXP) },
          },
        }),
      ],
    },
    {
      id: 'n5.3',
      title: '（三）一般公共预算财政拨款支出决算具体情况',
      body: [
        para('p', '一般公共预算财政拨款支出年初预算为{budget}万元，支出决算为{actual}万元，完成年初预算的{rate}%。{vs}其中：', {
          budget: amt(BUDGET),
          actual: amt(GPB_EXP),
          rate: pct(GPB_EXP, BUDGET),
          vs: vsBudget(GPB_EXP, BUDGET, 'reason'),
          reason: txt('reason.budget'),
        }),
        {
          id: 'items',
          // 按上述格式依次说明到各项级科目: every 项 with spending or a budget.
          each: { over: 'item', funds: ['gpb'], skip: zero(ITEM_TOTAL, ITEM_BUDGET) },
          paragraphs: [
            para('p', '{n}、{classFullName}（类）{kuanName}（款）{name}（项）。主要用于：{use}。年初预算为{budget}万元，支出决算为{actual}万元。{vs}', {
              use: txt('use.item.{code}', '{name}（{code}）主要用途'),
              budget: amt(ITEM_BUDGET),
              actual: amt(ITEM_TOTAL),
              vs: vsBudget(ITEM_TOTAL, ITEM_BUDGET, 'reason'),
              reason: txt('reason.item.{code}', '{name}（{code}）决算数与年初预算数差异原因'),
            }),
          ],
        },
      ],
    },
  ],
};

const n7: NarrativeSectionDef = {
  id: 'n7',
  title: '七、财政拨款“三公”经费支出决算情况说明',
  sections: [
    {
      id: 'n7.1',
      title: '（一）“三公”经费财政拨款支出决算总体情况说明。',
      body: [
        para('p', '{main}', {
          main: choose(
            zero(SG_BUD, SG_ACT),
            '{dept}{year}年度无“三公”经费财政拨款支出。',
            '“三公”经费财政拨款支出年初预算为{bud}万元，支出决算为{act}万元，完成预算的{rate}%，其中：因公出国（境）费决算为{abroad}万元{abroadRate}；' +
              '公务用车购置及运行维护费支出决算为{car}万元{carRate}；公务接待费支出决算为{recep}万元{recepRate}。{year}年度“三公”经费支出决算数{vs}',
          ),
          bud: amt(SG_BUD),
          act: amt(SG_ACT),
          rate: pct(SG_ACT, SG_BUD),
          abroad: amt(SG('act', 'abroad', '因公出国（境）费')),
          abroadR: pct(SG('act', 'abroad', '因公出国（境）费'), SG('bud', 'abroad', '因公出国（境）费')),
          car: amt(SG('act', 'car', '公务用车购置及运行维护费')),
          carR: pct(SG('act', 'car', '公务用车购置及运行维护费'), SG('bud', 'car', '公务用车购置及运行维护费')),
          recep: amt(SG('act', 'recep', '公务接待费')),
          recepR: pct(SG('act', 'recep', '公务接待费'), SG('bud', 'recep', '公务接待费')),
          // No budget, no completion rate (rules.md N5.4): the clause is left out.
          abroadRate: choose(zero(SG('bud', 'abroad', '因公出国（境）费')), '', '，完成预算的{abroadR}%'),
          carRate: choose(zero(SG('bud', 'car', '公务用车购置及运行维护费')), '', '，完成预算的{carR}%'),
          recepRate: choose(zero(SG('bud', 'recep', '公务接待费')), '', '，完成预算的{recepR}%'),
          vs: {
            kind: 'compare',
            cur: SG_ACT,
            base: SG_BUD,
            up: '大于预算数的主要原因：{reason}。',
            down: '小于预算数的主要原因：{reason}。',
            same: '与预算数持平。',
            fromZero: '大于预算数的主要原因：{reason}。',
          },
          reason: txt('reason.sangong'),
        }),
        para('chg', '{year}年度“三公”经费财政拨款支出决算数{chg}，其中：因公出国（境）费支出决算{c1}；公务用车购置及运行维护费支出决算{c2}；公务接待费支出决算{c3}。', {
          chg: {
            kind: 'compare',
            cur: SG_ACT,
            base: SG_PRIOR,
            up: '比{prevYear}年度增加{abs}万元，增长{pct}%',
            down: '比{prevYear}年度减少{abs}万元，下降{pct}%',
            same: '与{prevYear}年度持平',
            fromZero: '比{prevYear}年度增加{abs}万元',
          },
          c1: sgChange(SG('act', 'abroad', '因公出国（境）费'), sup('prior.sg.abroad', '上年因公出国（境）费决算')),
          c2: sgChange(SG('act', 'car', '公务用车购置及运行维护费'), sup('prior.sg.car', '上年公务用车购置及运行维护费决算')),
          c3: sgChange(SG('act', 'recep', '公务接待费'), sup('prior.sg.recep', '上年公务接待费决算')),
        }),
      ],
    },
    {
      id: 'n7.2',
      title: '（二）“三公”经费财政拨款支出决算具体情况说明。',
      body: [
        para('p', '{main}', {
          main: choose(
            zero(SG_ACT),
            '{dept}{year}年度无“三公”经费财政拨款支出。',
            '“三公”经费财政拨款支出决算中，因公出国（境）费支出决算{abroad}万元，占{abroadS}%；公务用车购置及运行维护费支出决算{car}万元，占{carS}%；公务接待费支出决算{recep}万元，占{recepS}%。具体情况如下：',
          ),
          ...share('abroad', SG('act', 'abroad', '因公出国（境）费'), SG_ACT),
          ...share('car', SG('act', 'car', '公务用车购置及运行维护费'), SG_ACT),
          ...share('recep', SG('act', 'recep', '公务接待费'), SG_ACT),
        }),
        para('p1', '{t}', { t: choose(zero(SG_ACT), '', '1、因公出国（境）费支出{abroad}万元。'), abroad: amt(SG('act', 'abroad', '因公出国（境）费')) }),
        para('p2', '{t}', {
          t: choose(
            zero(SG_ACT),
            '',
            '2、公务用车购置及运行维护费支出{car}万元。其中：公务用车购置支出为{buy}万元；公务用车运行维护支出{run}万元。{year}年，{dept}所属各预算单位开支财政拨款的公务用车保有量为{veh}辆。',
          ),
          car: amt(SG('act', 'car', '公务用车购置及运行维护费')),
          buy: amt(SG('act', 'car_buy', '公务用车购置费')),
          run: amt(SG('act', 'car_run', '公务用车运行维护费')),
          veh: num(sup('veh.sangong', '开支财政拨款的公务用车保有量')),
        }),
        para('p3', '{t}', {
          t: choose(zero(SG_ACT), '', '3、公务接待费支出{recep}万元。其中：国内公务接待支出{recep}万元（含外宾接待支出{foreign}万元）。'),
          recep: amt(SG('act', 'recep', '公务接待费')),
          foreign: amt(sup('recep.foreign', '外宾接待支出')),
        }),
      ],
    },
  ],
};

/** 八 and 九: income and spending of a fund, or the template's 无…的部门 sentence. */
function fundSection(id: string, title: string, fund: 'gf' | 'soe', table: string, expCol: string, name: string): NarrativeSectionDef {
  const inc = named(`${table}:sum:inc`, `${name}预算财政拨款收入`);
  const exp = named(`${table}:sum:${expCol}`, `${name}预算财政拨款支出`);
  const itemExp = named(`${table}:{code}:${expCol}`, '{name}（项）支出决算数');
  return {
    id,
    title,
    body: [
      para('p', '{main}', {
        main: choose(
          zero(inc, exp, named(`${table}:sum:open`, `${name}年初结转和结余`)),
          `{dept}{year}年度无${name}预算财政拨款收入和支出。`,
          `${name}预算财政拨款收入{inc}万元，支出{exp}万元，支出具体情况如下：`,
        ),
        inc: amt(inc),
        exp: amt(exp),
      }),
      {
        id: 'items',
        each: { over: 'item', funds: [fund], skip: zero(itemExp) },
        paragraphs: [
          para('p', '{n}、{classFullName}（类）{kuanName}（款）{name}（项）。主要用于：{use}。支出决算为{actual}万元。', {
            use: txt(`use.${fund}.{code}`, '{name}（{code}）主要用途'),
            actual: amt(itemExp),
          }),
        ],
      },
    ],
  };
}

const EXPLAIN: NarrativeSectionDef = {
  id: 'explain',
  title: '第三部分 {dept}{year}年度部门决算情况说明',
  sections: [
    {
      id: 'n1',
      title: '一、收入支出决算总体情况说明',
      body: [
        para('p', '{dept}{year}年度收入支出总计{total}万元。{chg}', {
          total: amt(GRAND),
          chg: yoy('收入支出总计', GRAND, sup('prior.grand', '上年收入支出总计'), 'reason'),
          reason: txt('reason.grand'),
        }),
      ],
    },
    {
      id: 'n2',
      title: '二、收入决算情况说明',
      body: [
        para('p', '本年收入合计{total}万元，其中：{parts}。', {
          total: amt(INCOME),
          parts: list([
            ['财政拨款收入{fin}万元，占{finS}%', I('fin', '财政拨款收入')],
            ['上级补助收入{sup}万元，占{supS}%', I('sup', '上级补助收入')],
            ['事业收入{biz}万元，占{bizS}%', I('biz', '事业收入')],
            ['经营收入{op}万元，占{opS}%', I('op', '经营收入')],
            ['附属单位上缴收入{affil}万元，占{affilS}%', I('affil', '附属单位上缴收入')],
            ['其他收入{oth}万元，占{othS}%', I('oth', '其他收入')],
          ]),
          ...share('fin', I('fin', '财政拨款收入'), INCOME),
          ...share('sup', I('sup', '上级补助收入'), INCOME),
          ...share('biz', I('biz', '事业收入'), INCOME),
          ...share('op', I('op', '经营收入'), INCOME),
          ...share('affil', I('affil', '附属单位上缴收入'), INCOME),
          ...share('oth', I('oth', '其他收入'), INCOME),
        }),
      ],
    },
    {
      id: 'n3',
      title: '三、支出决算情况说明',
      body: [
        para('p', '本年支出合计{total}万元，其中：{parts}。', {
          total: amt(EXPENDITURE),
          parts: list([
            ['基本支出{basic}万元，占{basicS}%', E('basic', '基本支出')],
            ['项目支出{proj}万元，占{projS}%', E('proj', '项目支出')],
            ['上缴上级支出{up}万元，占{upS}%', E('up', '上缴上级支出')],
            ['经营支出{op}万元，占{opS}%', E('op', '经营支出')],
            ['对附属单位补助支出{affil}万元，占{affilS}%', E('affil', '对附属单位补助支出')],
          ]),
          ...share('basic', E('basic', '基本支出'), EXPENDITURE),
          ...share('proj', E('proj', '项目支出'), EXPENDITURE),
          ...share('up', E('up', '上缴上级支出'), EXPENDITURE),
          ...share('op', E('op', '经营支出'), EXPENDITURE),
          ...share('affil', E('affil', '对附属单位补助支出'), EXPENDITURE),
        }),
      ],
    },
    {
      id: 'n4',
      title: '四、财政拨款收入支出决算总体情况说明',
      body: [
        para('p', '{dept}{year}年度财政拨款收入支出总计{total}万元。{chg}', {
          total: amt(FISCAL_GRAND),
          chg: yoy('财政拨款收入支出总计', FISCAL_GRAND, sup('prior.fiscalGrand', '上年财政拨款收入支出总计'), 'reason'),
          reason: txt('reason.fiscalGrand'),
        }),
      ],
    },
    n5,
    {
      id: 'n6',
      title: '六、一般公共预算财政拨款基本支出决算情况说明',
      body: [
        para('p', '{main}', {
          main: choose(
            zero(GPB_BASIC),
            '{dept}{year}年度无一般公共预算财政拨款基本支出。',
            '一般公共预算财政拨款基本支出{basic}万元。其中：人员经费{personnel}万元{personnelItems}；公用经费{public}万元{publicItems}。',
          ),
          basic: amt(GPB_BASIC),
          personnel: amt(named('basicExpenditure:personnel:amount', '人员经费合计')),
          public: amt(named('basicExpenditure:public:amount', '公用经费合计')),
          personnelItems: items(['301', '303']),
          publicItems: items(['302', '307', '310', '399']),
        }),
      ],
    },
    n7,
    fundSection('n8', '八、政府性基金预算财政拨款收入支出决算情况说明', 'gf', 'govFund', 'exp', '政府性基金'),
    fundSection('n9', '九、国有资本经营预算财政拨款收入支出决算情况说明', 'soe', 'stateCapital', 'total', '国有资本经营'),
    {
      id: 'n10',
      title: '十、预算绩效管理情况',
      body: [
        para(
          'p',
          '{dept}{year}年度预算绩效管理工作开展情况如下：{systems}全过程绩效管理实施情况：编报绩效目标的{year}年度项目{tn}个，涉及预算金额{ta}万元；绩效跟踪评价的{year}年度项目{kn}个，涉及预算金额{ka}万元；' +
            '绩效自评的{year}年度项目{sn}个，涉及预算金额{sa}万元，平均得分{score}分（其中，绩效评级为“优”的项目{g1}个；绩效评级为“良”的项目{g2}个；绩效评级为“合格”的项目{g3}个；' +
            '绩效评级为“不合格”的项目{g4}个。绩效自评中共发现问题{i}个，已经完成整改的{f}个，正在整改的{o}个）。',
          {
            systems: txt('perf.systems'),
            tn: num(sup('perf.target.n', '编报绩效目标的项目')),
            ta: amt(sup('perf.target.amount', '编报绩效目标的项目涉及预算金额')),
            kn: num(sup('perf.track.n', '绩效跟踪评价的项目')),
            ka: amt(sup('perf.track.amount', '绩效跟踪评价的项目涉及预算金额')),
            sn: num(sup('perf.self.n', '绩效自评的项目')),
            sa: amt(sup('perf.self.amount', '绩效自评的项目涉及预算金额')),
            score: amt(sup('perf.self.score', '绩效自评平均得分')),
            g1: num(sup('perf.grade.excellent', '绩效评级为“优”的项目')),
            g2: num(sup('perf.grade.good', '绩效评级为“良”的项目')),
            g3: num(sup('perf.grade.pass', '绩效评级为“合格”的项目')),
            g4: num(sup('perf.grade.fail', '绩效评级为“不合格”的项目')),
            i: num(sup('perf.issues', '绩效自评中发现的问题')),
            f: num(sup('perf.issues.fixed', '已经完成整改的问题')),
            o: num(sup('perf.issues.open', '正在整改的问题')),
          },
        ),
      ],
    },
    {
      id: 'n11',
      title: '十一、其他重要事项的情况说明',
      sections: [
        {
          id: 'n11.1',
          title: '（一）机关运行经费支出情况',
          body: [
            para('p', '{main}', {
              main: choose(zero(sup('opex.actual', '机关运行经费支出')), '{dept}{year}年度无机关运行经费支出。', '机关运行经费支出{opex}万元，{chg}'),
              opex: amt(sup('opex.actual', '机关运行经费支出')),
              chg: {
                kind: 'compare',
                cur: sup('opex.actual', '机关运行经费支出'),
                base: sup('prior.opex', '上年机关运行经费'),
                up: '比{prevYear}年度增加{abs}万元，增长{pct}%。主要原因是{reason}。',
                down: '比{prevYear}年度减少{abs}万元，下降{pct}%。主要原因是{reason}。',
                same: '与{prevYear}年度持平。',
                fromZero: '比{prevYear}年度增加{abs}万元。主要原因是{reason}。',
              },
              reason: txt('reason.opex'),
            }),
          ],
        },
        {
          id: 'n11.2',
          title: '（二）政府采购支出情况',
          body: [
            para('p', '{dept}{year}年度政府采购金额（以合同签订为准）为{total}万元，其中：货物采购金额{goods}万元、工程采购金额{works}万元、服务采购金额{services}万元。', {
              total: amt(sup('proc.stated', '政府采购金额')),
              goods: amt(sup('proc.goods', '货物采购金额')),
              works: amt(sup('proc.works', '工程采购金额')),
              services: amt(sup('proc.services', '服务采购金额')),
            }),
            para(
              'sme',
              '{year}年度本部门面向中小企业预留政府采购项目预算金额{rs}万元，面向小微企业预留政府采购项目预算金额{rm}万元。在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额{ws}万元；' +
                '在面向小微企业预留政府采购项目中，由小微企业供应商中标或成交的，采购金额{wm}万元；在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额{wo}万元。',
              {
                rs: amt(sup('proc.reserved.sme', '面向中小企业预留政府采购项目预算金额')),
                rm: amt(sup('proc.reserved.micro', '面向小微企业预留政府采购项目预算金额')),
                ws: amt(sup('proc.won.sme', '预留项目中由中小企业供应商中标或成交的采购金额')),
                wm: amt(sup('proc.won.micro', '预留项目中由小微企业供应商中标或成交的采购金额')),
                wo: amt(sup('proc.won.other', '其他政府采购项目中由中小企业供应商中标或成交的采购金额')),
              },
            ),
          ],
        },
        {
          id: 'n11.3',
          title: '（三）国有资产占有使用情况说明',
          body: [
            para(
              'p',
              `截至{year}年12月31日，{dept}共有车辆{total}辆，其中：${VEHICLE_KINDS.map(([id, label]) => `${label}{${id}}辆`).join('、')}。单价100万元（含）以上设备（不含车辆）{equip}台（套）。`,
              {
                total: num(sup('veh.total', '车辆合计')),
                ...Object.fromEntries(VEHICLE_KINDS.map(([id, label]) => [id, num(sup(`veh.${id}`, label))])),
                equip: num(sup('equip.special100', '单价100万元（含）以上设备')),
              },
            ),
          ],
        },
      ],
    },
  ],
};

/** Where the template asks for the department's own 主要是：…收入等 (kept blank where there is no such income). */
const mainly = (col: string, id: string, label: string): SlotDef =>
  choose(zero(I(col, label)), '', `主要是：{${id}}收入等。`);

const GLOSSARY: NarrativeSectionDef = {
  id: 'glossary',
  title: '第四部分 名词解释',
  body: [
    para('g1', '一、财政拨款收入：指单位本年度从本级财政部门取得的财政拨款，包括一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款。'),
    para('g2', '二、事业收入：指事业单位开展专业业务活动及其辅助活动取得的收入。{m}', { m: mainly('biz', 'b', '事业收入'), b: txt('glossary.biz', '事业收入的主要内容') }),
    para('g3', '三、经营收入：指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动取得的收入。{m}', { m: mainly('op', 'o', '经营收入'), o: txt('glossary.op', '经营收入的主要内容') }),
    para('g4', '四、其他收入：指单位取得的除“财政拨款收入”、“事业收入”、“经营收入”等以外的收入。{m}', { m: mainly('oth', 't', '其他收入'), t: txt('glossary.oth', '其他收入的主要内容') }),
    para('g5', '五、年初结转和结余：指以前年度尚未完成、结转到本年按有关规定继续使用的资金。'),
    para('g6', '六、年末结转和结余：指本年度或以前年度预算安排、因客观条件发生变化无法按原计划实施，需延迟到以后年度按有关规定继续使用的资金。'),
    para('g7', '七、基本支出：指单位为保障机构正常运转、完成日常工作任务而发生的各项支出。'),
    para('g8', '八、项目支出：指单位为完成特定的行政工作任务或事业发展目标，在基本支出之外发生的各项支出。'),
    para('g9', '九、经营支出：指事业单位在专业活动及辅助活动之外开展非独立核算经营活动发生的支出。'),
    para(
      'g10',
      '十、“三公”经费：指单位使用本级财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。其中：因公出国（境）费反映单位参加国际合作交流、重大项目洽谈、境外培训研修等的国际旅费、国外城市间交通费、住宿费、伙食费、培训费、公杂费等支出；' +
        '公务接待费反映全国性专业会议、国家重大政策调研、专项检查以及外事团组接待交流等执行公务或开展业务所需住宿费、交通费、伙食费等支出；公务用车购置及运行维护费反映编制内公务车辆的报废更新，以及用于安排市内因公出差、公务文件交换、日常工作开展等所需公务用车燃料费、维修费、过路过桥费、保险费等支出。',
    ),
    para('g11', '十一、机关运行经费：指行政单位和参照公务员法管理的事业单位使用一般公共预算财政拨款安排的基本支出中的日常公用经费支出。'),
  ],
};

export const NARRATIVE_SH: NarrativeDef = {
  numbers: { decimals: 'fixed', grouping: true },
  sections: [OVERVIEW, EXPLAIN, GLOSSARY],
};
