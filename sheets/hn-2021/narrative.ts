// 情况说明 of the 湖南 2021 template, sentence by sentence as the reference document prints it
// (shared/seed 蓝山县行政审批服务局 2021, 第一、三、四部分). Every number is a slot bound to a
// cell or key figure; reasons and 部门概况 are the user's own words (document texts).
import type {
  AmountSlot,
  ChooseSlot,
  CompareSlot,
  ConditionDef,
  CountSlot,
  ItemsSlot,
  NarrativeDef,
  OperandDef,
  PctSlot,
  SlotDef,
  UserTextSlot,
} from '../../src/model/narrative';

const amt = (of: OperandDef): AmountSlot => ({ kind: 'amount', of });
const cnt = (of: OperandDef): CountSlot => ({ kind: 'count', of });
const pct = (part: OperandDef, whole: OperandDef): PctSlot => ({ kind: 'pct', part, whole });
const txt = (id: string, label?: string): UserTextSlot => ({ kind: 'text', id, ...(label ? { label } : {}) });
const zero = (...ops: OperandDef[]): ConditionDef => ({ allZero: ops });
const choose = (when: ConditionDef, then: string, otherwise: string): ChooseSlot => ({ kind: 'choose', cases: [{ when, text: then }], else: otherwise });
const named = (of: string, label: string): OperandDef => ({ of, label });
// “主要包括”: the user may choose the lines (document text `choice`); by default the `limit` largest.
const items = (classes: string[], choice: string, limit?: number): ItemsSlot => ({
  kind: 'items',
  table: 't06',
  classes,
  text: '，主要包括{list}等开支',
  none: '',
  choice,
  ...(limit ? { limit } : {}),
});

/** `{key}` amount and `{key}S` share of `whole`: 上级补助收入0万元，占0%. */
function withShare(key: string, of: OperandDef, whole: OperandDef): Record<string, SlotDef> {
  return { [key]: amt(of), [`${key}S`]: pct(of, whole) };
}

interface ChangeWords {
  /** Text before the verb, e.g. 与{prevYear}年相比， */
  lead: string;
  same: string;
  /** Appended when there is a change; may use {reason}. */
  reason: string;
}

/** Year-on-year wording of the reference: 增加/增长, 减少/减少, 持平; 新增 from a zero base (no %). */
function yoy(cur: OperandDef, prior: OperandDef, w: ChangeWords): CompareSlot {
  return {
    kind: 'compare',
    cur,
    base: prior,
    up: `${w.lead}增加{abs}万元，增长{pct}%${w.reason}`,
    down: `${w.lead}减少{abs}万元，减少{pct}%${w.reason}`,
    same: w.same,
    fromZero: `${w.lead}新增{abs}万元${w.reason}`,
    missing: `${w.lead}{missing}`,
  };
}

/** Actual against budget: the reason clause names the direction; equal needs no reason. */
function vsBudget(actual: OperandDef, budget: OperandDef, basis: string): CompareSlot {
  return {
    kind: 'compare',
    cur: actual,
    base: budget,
    up: `，决算数大于${basis}的主要原因是{reasonB}`,
    down: `，决算数小于${basis}的主要原因是{reasonB}`,
    same: '',
    fromZero: `，决算数大于${basis}的主要原因是{reasonB}`,
    // The missing budget is already marked where the budget is printed.
    missing: '',
  };
}

const YEAR_LEAD = '与{prevYear}年相比，';
const T07 = (row: 'bud' | 'act', col: string) => `t07:${row}:${col}`;

/** One 三公 item of 七（一）: budget, actual, completion, reason, change on the prior year. */
function sangongItem(id: string, key: 'abroad' | 'car' | 'recep', name: string): { id: string; text: string; slots: Record<string, SlotDef> } {
  const bud = named(T07('bud', key), `${name}预算数`);
  const act = named(T07('act', key), `${name}决算数`);
  return {
    id,
    text: `${name}支出预算为{bud}万元，支出决算为{act}万元{rate}{vsBudget}{vsPrior}。`,
    slots: {
      bud: amt(bud),
      act: amt(act),
      rate: choose(zero(bud), '', '，完成预算的{ratePct}%'),
      ratePct: pct(act, bud),
      vsBudget: vsBudget(act, bud, '年初预算数'),
      reasonB: txt(`reason.sg.${key}.budget`),
      vsPrior: {
        kind: 'compare',
        cur: act,
        base: `sup:prior.sg.${key}:value`,
        up: '，与上年相比增加{abs}万元，增长{pct}%，增加的主要原因是{reasonP}',
        down: '，与上年相比减少{abs}万元，减少{pct}%，减少的主要原因是{reasonP}',
        same: '。与上年情况一致',
        fromZero: '，与上年相比新增{abs}万元，新增的主要原因是{reasonP}',
        missing: '，与上年相比{missing}',
      },
      reasonP: txt(`reason.sg.${key}.prior`),
    },
  };
}

const GRAND = named('fig:grandTotal:value', '收支总计');
const FISCAL_GRAND = named('fig:fiscalGrandTotal:value', '财政拨款收支总计');
const GPB_EXP = named('fig:gpbExpenditure:value', '一般公共预算财政拨款支出');
const INCOME = named('t01:inc.total:amount', '本年收入合计');
const EXPENDITURE = named('t03:sum:total', '本年支出合计');
const BASIC = named('fig:basicTotal:value', '基本支出');
const BUDGET = named('sup:budget.stated:value', '年初预算数');
const SANGONG_ACT = named(T07('act', 'total'), '“三公”经费决算数');
const SANGONG_BUD = named(T07('bud', 'total'), '“三公”经费预算数');
const CLASS_TOTAL = named('t05:{class}:total', '{className}（类）支出');
const ITEM_TOTAL = named('t05:{code}:total', '{name}（项）支出决算数');
const ITEM_BUDGET = named('sup:budget.{code}:value', '{name}（项）年初预算数');

export const NARRATIVE: NarrativeDef = {
  sections: [
    {
      id: 'overview',
      title: '第一部分 {dept}部门概况',
      sections: [
        { id: 'overview.duties', title: '一、部门职能职责', body: [{ id: 'p', text: '{t}', slots: { t: txt('overview.duties') } }] },
        {
          id: 'overview.structure',
          title: '二、机构设置及决算单位构成',
          body: [{ id: 'p', text: '{t}', slots: { t: txt('overview.structure') } }],
        },
      ],
    },
    {
      id: 'explain',
      title: '第三部分 {year}年度部门决算情况说明',
      sections: [
        {
          id: 'n1',
          title: '一、收入支出决算总体情况说明',
          body: [
            {
              id: 'p',
              text: '{year}年度收、支总计{total}万元。{chg}。',
              slots: {
                total: amt(GRAND),
                chg: yoy(GRAND, 'sup:prior.grand:value', { lead: YEAR_LEAD, same: '与{prevYear}年持平', reason: '，主要是因为{reason}' }),
                reason: txt('reason.grand'),
              },
            },
          ],
        },
        {
          id: 'n2',
          title: '二、收入决算情况说明',
          body: [
            {
              id: 'p',
              text:
                '本年收入合计{total}万元，其中：财政拨款收入{fin}万元，占{finS}%；上级补助收入{sup}万元，占{supS}%；' +
                '事业收入{biz}万元，占{bizS}%；经营收入{op}万元，占{opS}%；附属单位上缴收入{affil}万元，占{affilS}%；' +
                '其他收入{oth}万元，占{othS}%。',
              slots: {
                total: amt(INCOME),
                ...withShare('fin', named('t02:sum:fin', '财政拨款收入'), INCOME),
                ...withShare('sup', named('t01:inc.sup:amount', '上级补助收入'), INCOME),
                ...withShare('biz', named('t01:inc.biz:amount', '事业收入'), INCOME),
                ...withShare('op', named('t01:inc.op:amount', '经营收入'), INCOME),
                ...withShare('affil', named('t01:inc.affil:amount', '附属单位上缴收入'), INCOME),
                ...withShare('oth', named('t01:inc.oth:amount', '其他收入'), INCOME),
              },
            },
          ],
        },
        {
          id: 'n3',
          title: '三、支出决算情况说明',
          body: [
            {
              id: 'p',
              text:
                '本年支出合计{total}万元，其中：基本支出{basic}万元，占{basicS}%；项目支出{proj}万元，占{projS}%；' +
                '上缴上级支出{up}万元，占{upS}%；经营支出{op}万元，占{opS}%；对附属单位补助支出{affil}万元，占{affilS}%。',
              slots: {
                total: amt(EXPENDITURE),
                ...withShare('basic', named('t03:sum:basic', '基本支出'), EXPENDITURE),
                ...withShare('proj', named('t03:sum:proj', '项目支出'), EXPENDITURE),
                ...withShare('up', named('t03:sum:up', '上缴上级支出'), EXPENDITURE),
                ...withShare('op', named('t03:sum:op', '经营支出'), EXPENDITURE),
                ...withShare('affil', named('t03:sum:affil', '对附属单位补助支出'), EXPENDITURE),
              },
            },
          ],
        },
        {
          id: 'n4',
          title: '四、财政拨款收入支出决算总体情况说明',
          body: [
            {
              id: 'p',
              text: '{year}年度财政拨款收、支总计{total}万元，{chg}。',
              slots: {
                total: amt(FISCAL_GRAND),
                chg: yoy(FISCAL_GRAND, 'sup:prior.fiscalGrand:value', {
                  lead: YEAR_LEAD,
                  same: '与{prevYear}年持平',
                  reason: '，主要是因为{reason}',
                }),
                reason: txt('reason.fiscalGrand'),
              },
            },
          ],
        },
        {
          id: 'n5',
          title: '五、一般公共预算财政拨款支出决算情况说明',
          sections: [
            {
              id: 'n5.1',
              title: '（一）财政拨款支出决算总体情况',
              body: [
                {
                  id: 'p',
                  text: '{year}年度财政拨款支出{gpb}万元，占本年支出合计的{share}%，{chg}。',
                  slots: {
                    gpb: amt(GPB_EXP),
                    share: pct(GPB_EXP, named('t01:exp.total:amount', '本年支出合计')),
                    chg: yoy(GPB_EXP, 'sup:prior.gpbExp:value', {
                      lead: `${YEAR_LEAD}财政拨款支出`,
                      same: `${YEAR_LEAD}财政拨款支出持平`,
                      reason: '，主要是因为{reason}',
                    }),
                    reason: txt('reason.gpbExp'),
                  },
                },
              ],
            },
            {
              id: 'n5.2',
              title: '（二）财政拨款支出决算结构情况',
              body: [
                {
                  id: 'p',
                  text: '{main}',
                  slots: {
                    main: choose(zero(GPB_EXP), '{year}年度无一般公共预算财政拨款支出。', '{year}年度财政拨款支出{gpb}万元，主要用于以下方面：{classes}。'),
                    gpb: amt(GPB_EXP),
                    classes: {
                      kind: 'each',
                      each: { over: 'class', funds: ['gpb'], skip: zero('t05:{class}:total') },
                      text: '{className}（类）支出{amount}万元，占{share}%',
                      sep: '；',
                      none: '（无）',
                      slots: { amount: amt(CLASS_TOTAL), share: pct(CLASS_TOTAL, GPB_EXP) },
                    },
                  },
                },
              ],
            },
            {
              id: 'n5.3',
              title: '（三）财政拨款支出决算具体情况',
              body: [
                {
                  id: 'p',
                  text: '{year}年度财政拨款支出年初预算数为{budget}万元，支出决算数为{actual}万元{rate}，其中：',
                  slots: {
                    budget: amt(BUDGET),
                    actual: amt(GPB_EXP),
                    rate: choose(zero(BUDGET), '', '，完成年初预算的{ratePct}%'),
                    ratePct: pct(GPB_EXP, BUDGET),
                  },
                },
                {
                  id: 'items',
                  // Every 项 with spending or a budget (rules.md N5.3); budget 0 → no completion rate (N5.4).
                  each: { over: 'item', funds: ['gpb'], skip: zero(ITEM_TOTAL, ITEM_BUDGET) },
                  paragraphs: [
                    { id: 'name', text: '{n}、{className}（类）{kuanName}（款）{name}（项）。' },
                    {
                      id: 'p',
                      text: '年初预算为{budget}万元，支出决算为{actual}万元{rate}{vsBudget}。',
                      slots: {
                        budget: amt(ITEM_BUDGET),
                        actual: amt(ITEM_TOTAL),
                        rate: choose(zero(ITEM_BUDGET), '', '，完成年初预算的{ratePct}%'),
                        ratePct: pct(ITEM_TOTAL, ITEM_BUDGET),
                        vsBudget: vsBudget(ITEM_TOTAL, ITEM_BUDGET, '年初预算数'),
                        reasonB: txt('reason.item.{code}', '{name}（{code}）决算数与年初预算数差异原因'),
                      },
                    },
                  ],
                },
              ],
            },
          ],
        },
        {
          id: 'n6',
          title: '六、一般公共预算财政拨款基本支出决算情况说明',
          body: [
            {
              id: 'p',
              text: '{main}',
              slots: {
                main: choose(
                  zero(BASIC),
                  '{year}年度无一般公共预算财政拨款基本支出。',
                  '{year}年度财政拨款基本支出{basic}万元，其中：人员经费{personnel}万元，占基本支出的{personnelS}%{personnelItems}；' +
                    '公用经费{public}万元，占基本支出的{publicS}%{publicItems}。',
                ),
                basic: amt(BASIC),
                ...withShare('personnel', named('t06:personnel:amount', '人员经费合计'), BASIC),
                ...withShare('public', named('t06:public:amount', '公用经费合计'), BASIC),
                // 人员经费 = 301 + 303, 公用经费 = the other classes of 06 (rules.md §5).
                personnelItems: items(['301', '303'], 'items.personnel'),
                // The reference lists ten 公用经费 lines.
                publicItems: items(['302', '307', '310', '399'], 'items.public', 10),
              },
            },
          ],
        },
        {
          id: 'n7',
          title: '七、一般公共预算财政拨款三公经费支出决算情况说明',
          sections: [
            {
              id: 'n7.1',
              title: '（一）“三公”经费财政拨款支出决算总体情况说明',
              body: [
                {
                  id: 'p',
                  text: '{main}',
                  slots: {
                    main: choose(
                      zero(SANGONG_BUD, SANGONG_ACT),
                      '{year}年度无“三公”经费财政拨款支出，“三公”经费财政拨款支出预算为0万元，支出决算为0万元。',
                      '“三公”经费财政拨款支出预算为{bud}万元，支出决算为{act}万元{rate}，其中：',
                    ),
                    bud: amt(SANGONG_BUD),
                    act: amt(SANGONG_ACT),
                    rate: choose(zero(SANGONG_BUD), '', '，完成预算的{ratePct}%'),
                    ratePct: pct(SANGONG_ACT, SANGONG_BUD),
                  },
                },
                sangongItem('abroad', 'abroad', '因公出国（境）费'),
                sangongItem('recep', 'recep', '公务接待费'),
                sangongItem('car', 'car', '公务用车购置费及运行维护费'),
              ],
            },
            {
              id: 'n7.2',
              title: '（二）“三公”经费财政拨款支出决算具体情况说明',
              body: [
                {
                  id: 'p',
                  text: '{main}',
                  slots: {
                    main: choose(
                      zero(SANGONG_ACT),
                      '{year}年度“三公”经费财政拨款支出决算为0万元。其中：',
                      '{year}年度“三公”经费财政拨款支出决算中，公务接待费支出决算{recep}万元，占{recepS}%，' +
                        '因公出国（境）费支出决算{abroad}万元，占{abroadS}%，公务用车购置费及运行维护费支出决算{car}万元，占{carS}%。其中：',
                    ),
                    ...withShare('recep', named(T07('act', 'recep'), '公务接待费决算数'), SANGONG_ACT),
                    ...withShare('abroad', named(T07('act', 'abroad'), '因公出国（境）费决算数'), SANGONG_ACT),
                    ...withShare('car', named(T07('act', 'car'), '公务用车购置费及运行维护费决算数'), SANGONG_ACT),
                  },
                },
                {
                  id: 'abroad',
                  text: '1、因公出国（境）费支出决算为{act}万元，全年安排因公出国（境）团组{groups}个，累计{people}人次。',
                  slots: { act: amt(T07('act', 'abroad')), groups: cnt('sup:abroad.groups:value'), people: cnt('sup:abroad.people:value') },
                },
                {
                  id: 'recep',
                  text: '2、公务接待费支出决算为{act}万元，全年共接待来访团组{groups}个、来宾{people}人次{purpose}。',
                  slots: {
                    act: amt(T07('act', 'recep')),
                    groups: cnt('sup:recep.groups:value'),
                    people: cnt('sup:recep.people:value'),
                    purpose: choose(zero(T07('act', 'recep')), '', '，主要是{purposeText}'),
                    purposeText: txt('recep.purpose'),
                  },
                },
                {
                  id: 'car',
                  text: '3、公务用车购置费及运行维护费支出决算为{act}万元，其中：公务用车购置费{buy}万元，更新公务用车{bought}辆。公务用车运行维护费{run}万元。',
                  slots: {
                    act: amt(T07('act', 'car')),
                    buy: amt(T07('act', 'car_buy')),
                    bought: cnt('sup:car.bought:value'),
                    run: amt(T07('act', 'car_run')),
                  },
                },
              ],
            },
          ],
        },
        {
          id: 'n8',
          title: '八、政府性基金预算收入支出决算情况',
          body: [
            {
              id: 'p',
              text:
                '{year}年度政府性基金预算财政拨款收入{inc}万元；年初结转和结余{open}万元；支出{exp}万元，其中基本支出{basic}万元，' +
                '项目支出{proj}万元；年末结转和结余{close}万元。{none}',
              slots: {
                inc: amt('t08:sum:inc'),
                open: amt('t08:sum:open'),
                exp: amt('t08:sum:exp'),
                basic: amt('t08:sum:exp_basic'),
                proj: amt('t08:sum:exp_proj'),
                close: amt('t08:sum:close'),
                none: choose(zero('t08:sum:inc', 't08:sum:open', 't08:sum:exp', 't08:sum:close'), '本单位无政府性基金收支。', ''),
              },
            },
          ],
        },
        {
          id: 'n9',
          title: '九、国有资本经营预算财政拨款支出决算情况',
          body: [
            {
              id: 'p',
              text: '{year}年度国有资本经营预算财政拨款支出{total}万元，其中基本支出{basic}万元，项目支出{proj}万元。{none}',
              slots: {
                total: amt('t09:sum:total'),
                basic: amt('t09:sum:basic'),
                proj: amt('t09:sum:proj'),
                none: choose(zero('t09:sum:total'), '本单位无国有资本经营预算支出。', ''),
              },
            },
          ],
        },
        {
          id: 'n10',
          title: '十、关于{year}年度预算绩效情况说明',
          body: [
            {
              id: 'p',
              text: '根据预算绩效管理要求，我单位组织对{year}年度部门整体支出进行了绩效自评，涉及一般公共预算支出{gpb}万元。从评价情况来看，{result}。',
              slots: { gpb: amt(GPB_EXP), result: txt('perf.result') },
            },
          ],
        },
        {
          id: 'n11',
          title: '十一、其他重要事项情况说明',
          sections: [
            {
              id: 'n11.1',
              title: '（一）机关运行经费支出情况',
              body: [
                {
                  id: 'p',
                  text: '{main}',
                  slots: {
                    main: choose(
                      zero('sup:opex.actual:value', 'sup:opex.budget:value'),
                      '本部门{year}年度无机关运行经费支出。',
                      '本部门{year}年度机关运行经费支出{actual}万元{vsBudget}。',
                    ),
                    actual: amt('sup:opex.actual:value'),
                    vsBudget: {
                      kind: 'compare',
                      cur: 'sup:opex.actual:value',
                      base: 'sup:opex.budget:value',
                      up: '，比年初预算数增加{abs}万元，增长{pct}%。主要原因是{reason}',
                      down: '，比年初预算数减少{abs}万元，降低{pct}%。主要原因是{reason}',
                      same: '，与年初预算数持平',
                      fromZero: '，年初预算数为0万元。主要原因是{reason}',
                      missing: '，比年初预算数{missing}',
                    },
                    reason: txt('reason.opex'),
                  },
                },
              ],
            },
            {
              id: 'n11.2',
              title: '（二）一般性支出情况',
              body: [
                {
                  id: 'p',
                  text: '{year}年本部门{meeting}；{training}。',
                  slots: {
                    meeting: choose(
                      zero('sup:meeting.amount:value'),
                      '未开支会议费',
                      '开支会议费{mAmount}万元，用于{mPurpose}，人数{mPeople}人，内容为会议期间的各项开支',
                    ),
                    mAmount: amt('sup:meeting.amount:value'),
                    mPurpose: txt('meeting.purpose'),
                    mPeople: cnt('sup:meeting.people:value'),
                    training: choose(
                      zero('sup:training.amount:value'),
                      '未开支培训费',
                      '开支培训费{tAmount}万元，用于{tPurpose}，人数{tPeople}人，内容为培训期间发生的各项开支',
                    ),
                    tAmount: amt('sup:training.amount:value'),
                    tPurpose: txt('training.purpose'),
                    tPeople: cnt('sup:training.people:value'),
                  },
                },
              ],
            },
            {
              id: 'n11.3',
              title: '（三）政府采购支出情况',
              body: [
                {
                  id: 'p',
                  text: '{main}',
                  slots: {
                    main: choose(
                      zero('sup:proc.total:value'),
                      '本部门{year}年度无政府采购支出。',
                      '本部门{year}年度政府采购支出总额{total}万元，其中：政府采购货物支出{goods}万元、政府采购工程支出{works}万元、' +
                        '政府采购服务支出{services}万元。授予中小企业合同金额{sme}万元，占政府采购支出总额的{smeS}%，' +
                        '其中：授予小微企业合同金额{micro}万元，占政府采购支出总额的{microS}%。',
                    ),
                    total: amt('sup:proc.total:value'),
                    goods: amt('sup:proc.goods:value'),
                    works: amt('sup:proc.works:value'),
                    services: amt('sup:proc.services:value'),
                    ...withShare('sme', 'sup:proc.sme:value', 'sup:proc.total:value'),
                    ...withShare('micro', named('sup:proc.micro:value', '授予小微企业合同金额'), 'sup:proc.total:value'),
                  },
                },
              ],
            },
            {
              id: 'n11.4',
              title: '（四）国有资产占用情况',
              body: [
                {
                  id: 'p',
                  text:
                    '截至{year}年12月31日，本单位共有车辆{total}辆，其中，领导干部用车{leader}辆、机要通信用车{confidential}辆、' +
                    '应急保障用车{emergency}辆、执法执勤用车{enforcement}辆、特种专业技术用车{special}辆、其他用车{other}辆；' +
                    '单位价值50万元以上通用设备{general50}台（套）；单位价值100万元以上专用设备{special100}台（套）。',
                  slots: {
                    total: cnt('sup:veh.total:value'),
                    leader: cnt('sup:veh.leader:value'),
                    confidential: cnt('sup:veh.confidential:value'),
                    emergency: cnt('sup:veh.emergency:value'),
                    enforcement: cnt('sup:veh.enforcement:value'),
                    special: cnt('sup:veh.special:value'),
                    other: cnt('sup:veh.other:value'),
                    general50: cnt('sup:equip.general50:value'),
                    special100: cnt('sup:equip.special100:value'),
                  },
                },
              ],
            },
          ],
        },
      ],
    },
    {
      id: 'terms',
      title: '第四部分 名词解释',
      body: [
        {
          id: 'opex',
          text:
            '（一）机关运行经费。是指各部门的公用经费，包括办公及印刷费、邮电费、差旅费、会议费、福利费、日常维修费、专用资料及一般设备购置费、' +
            '办公用房水电费、办公用房取暖费、办公用房物业管理费、公务用车运行维护费以及其他费用。',
        },
        {
          id: 'sangong',
          text:
            '（二）“三公”经费。一般公共预算“三公”经费，是指用一般公共预算拨款安排的公务接待费、公务用车购置及运行维护费和因公出国（境）费。' +
            '其中，公务接待费反映单位按规定开支的各类公务接待支出；公务用车购置及运行费反映单位公务用车车辆购置支出（含车辆购置税），' +
            '以及燃料费、维修费、保险费等支出；因公出国（境）费反映单位公务出国（境）的国际旅费、国外城市间交通费、食宿费等支出。',
        },
        { id: 'basic', text: '（三）基本支出。指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。' },
        { id: 'project', text: '（四）项目支出。指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。' },
      ],
    },
  ],
};
