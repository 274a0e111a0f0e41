// 情况说明 of national-2022, in the central outline (templates.md §11, 岳阳 2022 order): 一 收支总体 …
// 七 政府性基金 · 八 国有资本经营 · 九 三公 · 十 机关运行经费 … 十四 预算绩效. Amounts print with two
// decimals and thousands separators (19,044.27; 306.90), as the national documents do.
import type { AmountSlot, ChooseSlot, CompareSlot, ConditionDef, ItemsSlot, NarrativeDef, OperandDef, PctSlot, SlotDef, UserTextSlot } from '../../src/model/narrative';

const amt = (of: OperandDef): AmountSlot => ({ kind: 'amount', of });
const pct = (part: OperandDef, whole: OperandDef): PctSlot => ({ kind: 'pct', part, whole });
const txt = (id: string, label?: string): UserTextSlot => ({ kind: 'text', id, ...(label ? { label } : {}) });
const zero = (...ops: OperandDef[]): ConditionDef => ({ allZero: ops });
const choose = (when: ConditionDef, then: string, otherwise: string): ChooseSlot => ({ kind: 'choose', cases: [{ when, text: then }], else: otherwise });
const named = (of: string, label: string): OperandDef => ({ of, label });
// “主要包括”: the user may choose the lines (document text `choice`); by default the `limit` largest.
const items = (classes: string[], choice: string, limit?: number): ItemsSlot => ({
  kind: 'items',
  table: 'basicExpenditure',
  classes,
  text: '，主要包括{list}',
  none: '',
  choice,
  ...(limit ? { limit } : {}),
});
const share = (key: string, of: OperandDef, whole: OperandDef): Record<string, SlotDef> => ({ [key]: amt(of), [`${key}S`]: pct(of, whole) });

/** Change on the prior year: 增加/减少 with the %, 持平, or 新增 from zero. */
function yoy(cur: OperandDef, prior: OperandDef, reason: string): CompareSlot {
  return {
    kind: 'compare',
    cur,
    base: prior,
    up: `与上年相比，增加{abs}万元，增长{pct}%${reason}`,
    down: `与上年相比，减少{abs}万元，下降{pct}%${reason}`,
    same: '与上年持平',
    fromZero: `与上年相比，增加{abs}万元${reason}`,
    missing: '与上年相比{missing}',
  };
}

const GRAND = named('fig:grandTotal:value', '收支总计');
const FISCAL_GRAND = named('fig:fiscalGrandTotal:value', '财政拨款收支总计');
const GPB_EXP = named('fig:gpbExpenditure:value', '一般公共预算财政拨款支出');
const INCOME = named('incomeExpenditure:inc.total:amount', '本年收入合计');
const EXPENDITURE = named('expenditure:sum:total', '本年支出合计');
const BASIC = named('fig:basicTotal:value', '基本支出');
const BUDGET = named('sup:budget.stated:value', '年初预算数');
const GF_INC = named('govFund:sum:inc', '政府性基金预算财政拨款收入');
const GF_EXP = named('govFund:sum:exp', '政府性基金预算财政拨款支出');
const SOE_EXP = named('stateCapital:sum:total', '国有资本经营预算财政拨款支出');
const SG_BUD = named('sangong:bud:total', '“三公”经费预算数');
const SG_ACT = named('sangong:act:total', '“三公”经费决算数');
const OPEX = named('sup:opex.actual:value', '机关运行经费');
const I = (row: string, label: string) => named(`incomeExpenditure:${row}:amount`, label);
const E = (col: string, label: string) => named(`expenditure:sum:${col}`, label);

const para = (id: string, text: string, slots: Record<string, SlotDef>) => ({ id, text, slots });

export const NARRATIVE: NarrativeDef = {
  numbers: { decimals: 'fixed', grouping: true },
  sections: [
    {
      id: 'overview',
      title: '第一部分 {dept}概况',
      sections: [
        { id: 'overview.duties', title: '一、主要职能', body: [para('p', '{t}', { t: txt('overview.duties') })] },
        { id: 'overview.structure', title: '二、部门决算单位构成', body: [para('p', '{t}', { t: txt('overview.structure') })] },
      ],
    },
    {
      id: 'explain',
      title: '第三部分 {dept}{year}年度部门决算情况说明',
      sections: [
        {
          id: 'n1',
          title: '一、收入支出决算总体情况说明',
          body: [
            para('p', '{year}年度收、支总计{total}万元。{chg}。', {
              total: amt(GRAND),
              chg: yoy(GRAND, 'sup:prior.grand:value', '，主要原因是{reason}'),
              reason: txt('reason.grand'),
            }),
          ],
        },
        {
          id: 'n2',
          title: '二、收入决算情况说明',
          body: [
            para(
              'p',
              '本年收入合计{total}万元，其中：一般公共预算财政拨款收入{gpb}万元，占{gpbS}%；政府性基金预算财政拨款收入{gf}万元，占{gfS}%；' +
                '国有资本经营预算财政拨款收入{soe}万元，占{soeS}%；上级补助收入{sup}万元，占{supS}%；事业收入{biz}万元，占{bizS}%；' +
                '经营收入{op}万元，占{opS}%；附属单位上缴收入{affil}万元，占{affilS}%；其他收入{oth}万元，占{othS}%。',
              {
                total: amt(INCOME),
                ...share('gpb', I('inc.gpb', '一般公共预算财政拨款收入'), INCOME),
                ...share('gf', I('inc.gf', '政府性基金预算财政拨款收入'), INCOME),
                ...share('soe', I('inc.soe', '国有资本经营预算财政拨款收入'), INCOME),
                ...share('sup', I('inc.sup', '上级补助收入'), INCOME),
                ...share('biz', I('inc.biz', '事业收入'), INCOME),
                ...share('op', I('inc.op', '经营收入'), INCOME),
                ...share('affil', I('inc.affil', '附属单位上缴收入'), INCOME),
                ...share('oth', I('inc.oth', '其他收入'), INCOME),
              },
            ),
          ],
        },
        {
          id: 'n3',
          title: '三、支出决算情况说明',
          body: [
            para(
              'p',
              '本年支出合计{total}万元，其中：基本支出{basic}万元，占{basicS}%；项目支出{proj}万元，占{projS}%；' +
                '上缴上级支出{up}万元，占{upS}%；经营支出{op}万元，占{opS}%；对附属单位补助支出{affil}万元，占{affilS}%。',
              {
                total: amt(EXPENDITURE),
                ...share('basic', E('basic', '基本支出'), EXPENDITURE),
                ...share('proj', E('proj', '项目支出'), EXPENDITURE),
                ...share('up', E('up', '上缴上级支出'), EXPENDITURE),
                ...share('op', E('op', '经营支出'), EXPENDITURE),
                ...share('affil', E('affil', '对附属单位补助支出'), EXPENDITURE),
              },
            ),
          ],
        },
        {
          id: 'n4',
          title: '四、财政拨款收入支出决算总体情况说明',
          body: [
            para('p', '{year}年度财政拨款收、支总计{total}万元。{chg}。', {
              total: amt(FISCAL_GRAND),
              chg: yoy(FISCAL_GRAND, 'sup:prior.fiscalGrand:value', '，主要原因是{reason}'),
              reason: txt('reason.fiscalGrand'),
            }),
          ],
        },
        {
          id: 'n5',
          title: '五、一般公共预算财政拨款支出决算情况说明',
          body: [
            para('p', '{year}年度一般公共预算财政拨款支出{gpb}万元，占本年支出合计的{share}%。{chg}。', {
              gpb: amt(GPB_EXP),
              share: pct(GPB_EXP, EXPENDITURE),
              chg: yoy(GPB_EXP, 'sup:prior.gpbExp:value', '，主要原因是{reason}'),
              reason: txt('reason.gpbExp'),
            }),
            para('budget', '年初预算为{budget}万元，支出决算为{gpb}万元{rate}。', {
              budget: amt(BUDGET),
              gpb: amt(GPB_EXP),
              rate: choose(zero(BUDGET), '', '，完成年初预算的{ratePct}%{why}'),
              ratePct: pct(GPB_EXP, BUDGET),
              why: { kind: 'compare', cur: GPB_EXP, base: BUDGET, up: '，决算数大于年初预算数的主要原因是{reasonB}', down: '，决算数小于年初预算数的主要原因是{reasonB}', same: '', fromZero: '', missing: '' },
              reasonB: txt('reason.budget'),
            }),
          ],
        },
        {
          id: 'n6',
          title: '六、一般公共预算财政拨款基本支出决算情况说明',
          body: [
            para('p', '{main}', {
              main: choose(
                zero(BASIC),
                '{year}年度无一般公共预算财政拨款基本支出。',
                '{year}年度一般公共预算财政拨款基本支出{basic}万元，其中：人员经费{personnel}万元，占{personnelS}%{personnelItems}；公用经费{public}万元，占{publicS}%{publicItems}。',
              ),
              basic: amt(BASIC),
              ...share('personnel', named('basicExpenditure:personnel:amount', '人员经费合计'), BASIC),
              ...share('public', named('basicExpenditure:public:amount', '公用经费合计'), BASIC),
              personnelItems: items(['301', '303'], 'items.personnel', 10),
              publicItems: items(['302', '307', '310', '399'], 'items.public', 10),
            }),
          ],
        },
        {
          id: 'n7',
          title: '七、政府性基金预算财政拨款收入支出决算情况说明',
          body: [
            para('p', '{main}', {
              main: choose(
                zero(GF_INC, GF_EXP, named('govFund:sum:open', '政府性基金年初结转和结余')),
                '{dept}{year}年度没有政府性基金预算财政拨款收入和支出。',
                '{year}年度政府性基金预算财政拨款收入{inc}万元，支出{exp}万元，年末结转和结余{close}万元。',
              ),
              inc: amt(GF_INC),
              exp: amt(GF_EXP),
              close: amt(named('govFund:sum:close', '政府性基金年末结转和结余')),
            }),
          ],
        },
        {
          id: 'n8',
          title: '八、国有资本经营预算财政拨款支出决算情况说明',
          body: [
            para('p', '{main}', {
              main: choose(zero(SOE_EXP), '{dept}{year}年度没有国有资本经营预算财政拨款支出。', '{year}年度国有资本经营预算财政拨款支出{exp}万元。'),
              exp: amt(SOE_EXP),
            }),
          ],
        },
        {
          id: 'n9',
          title: '九、财政拨款“三公”经费支出决算情况说明',
          body: [
            para(
              'p',
              '{year}年度“三公”经费财政拨款支出预算为{bud}万元，支出决算为{act}万元{rate}。{chg}。其中：因公出国（境）费{abroad}万元；公务用车购置及运行维护费{car}万元（公务用车购置费{buy}万元，公务用车运行维护费{run}万元）；公务接待费{recep}万元。',
              {
                bud: amt(SG_BUD),
                act: amt(SG_ACT),
                rate: choose(zero(SG_BUD), '', '，完成预算的{ratePct}%{why}'),
                ratePct: pct(SG_ACT, SG_BUD),
                why: { kind: 'compare', cur: SG_ACT, base: SG_BUD, up: '，决算数大于预算数的主要原因是{reason}', down: '，决算数小于预算数的主要原因是{reason}', same: '', fromZero: '', missing: '' },
                reason: txt('reason.sangong'),
                chg: yoy(SG_ACT, named('sup:prior.sg.total:value', '上年“三公”经费决算合计'), ''),
                abroad: amt(named('sangong:act:abroad', '因公出国（境）费决算数')),
                car: amt(named('sangong:act:car', '公务用车购置及运行维护费决算数')),
                buy: amt(named('sangong:act:car_buy', '公务用车购置费决算数')),
                run: amt(named('sangong:act:car_run', '公务用车运行维护费决算数')),
                recep: amt(named('sangong:act:recep', '公务接待费决算数')),
              },
            ),
          ],
        },
        {
          id: 'n10',
          title: '十、机关运行经费支出情况说明',
          body: [
            para('p', '{year}年度机关运行经费支出{opex}万元。{chg}。', {
              opex: amt(OPEX),
              chg: yoy(OPEX, 'sup:prior.opex:value', '，主要原因是{reason}'),
              reason: txt('reason.opex'),
            }),
          ],
        },
        {
          id: 'n11',
          title: '十一、一般性支出情况说明',
          body: [para('p', '{year}年度会议费支出{meeting}万元，培训费支出{training}万元。', { meeting: amt('sup:meeting.amount:value'), training: amt('sup:training.amount:value') })],
        },
        {
          id: 'n12',
          title: '十二、政府采购支出情况说明',
          body: [
            para('p', '{year}年度政府采购支出总额{total}万元，其中：政府采购货物支出{goods}万元，政府采购工程支出{works}万元，政府采购服务支出{services}万元。授予中小企业合同金额{sme}万元，占政府采购支出总额的{smeS}%。', {
              total: amt(named('sup:proc.total:value', '政府采购支出总额')),
              goods: amt('sup:proc.goods:value'),
              works: amt('sup:proc.works:value'),
              services: amt('sup:proc.services:value'),
              sme: amt('sup:proc.sme:value'),
              smeS: pct('sup:proc.sme:value', named('sup:proc.total:value', '政府采购支出总额')),
            }),
          ],
        },
        {
          id: 'n13',
          title: '十三、国有资产占用情况说明',
          body: [para('p', '截至{year}年12月31日，共有公务用车{veh}辆，单位价值100万元以上设备{equip}台（套）。', { veh: { kind: 'count', of: 'sup:veh.total:value' }, equip: { kind: 'count', of: 'sup:equip.special100:value' } })],
        },
        { id: 'n14', title: '十四、预算绩效情况说明', body: [para('p', '{t}', { t: txt('perf.result') })] },
      ],
    },
  ],
};
