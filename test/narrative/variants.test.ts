// The narrative follows every edit: sentence variants by sign and zero, placeholders for missing
// inputs (listed as 审核 提示), repetition over codes. Expected values computed by hand.
import { describe, expect, it } from 'vitest';
import { WorkbookEngine } from '../../src/engine';
import { CATALOGUES, exampleDocument, openWorkbook } from '../../src/app/templates';
import { missingInputs, paragraphText, renderNarrative, type RenderedSection } from '../../src/engine/narrative';
import { TemplateError } from '../../src/engine/formula';
import type { NarrativeDef } from '../../src/model/narrative';
import { HN_2021 } from '../../sheets';

/** Text of the paragraphs of one section (by id, any depth). */
function section(e: WorkbookEngine, id: string): string[] {
  const find = (list: RenderedSection[]): RenderedSection | undefined => {
    for (const s of list) {
      if (s.id === id) return s;
      const hit = find(s.sections);
      if (hit) return hit;
    }
    return undefined;
  };
  const s = find(renderNarrative(e).sections);
  if (!s) throw new Error(`no section ${id}`);
  return s.paragraphs.map(paragraphText);
}

const REASON = '厉行勤俭节约，支出减少';

describe('六 follows 公开06表 in the same step', () => {
  it('30201 21.34 → 31.34: 公用经费606.17万元，占基本支出的38.22%; 人员经费 61.78%', () => {
    const e = openWorkbook(exampleDocument());
    e.setInput('t06', '30201', 'amount', '31.34');
    const [p] = section(e, 'n6');
    // 606.17 ÷ 1586.05 = 38.2188…; 979.88 ÷ 1586.05 = 61.7811…
    expect(p).toContain('财政拨款基本支出1586.05万元');
    expect(p).toContain('人员经费979.88万元，占基本支出的61.78%');
    expect(p).toContain('公用经费606.17万元，占基本支出的38.22%');
  });

  it('no non-zero 人员经费 line: the item clause is left out, not left empty', () => {
    const e = openWorkbook(exampleDocument());
    const codes = ['30101', '30102', '30103', '30106', '30107', '30108', '30109', '30110', '30112', '30113', '30199'];
    e.setInputs(codes.map((row) => ({ sheet: 't06', row, col: 'amount', raw: '' })));
    const [p] = section(e, 'n6');
    // 0 ÷ 596.17 = 0%; 596.17 ÷ 596.17 = 100%.
    expect(p).toContain('其中：人员经费0万元，占基本支出的0%；公用经费596.17万元，占基本支出的100%，主要包括办公费、');
  });
});

describe('一 year on year, by the sign of the change', () => {
  const grand = (prior: string | null) => {
    const e = openWorkbook(exampleDocument());
    e.setInput('sup', 'prior.grand', 'value', prior);
    return { e, text: section(e, 'n1')[0] };
  };

  it('a cleared prior-year figure shows the placeholder and is listed for the 审核', () => {
    const { e, text } = grand(null);
    expect(text).toBe('2021年度收、支总计1576.05万元。与2020年相比，【缺：上年收支总计】。');
    const findings = missingInputs(e);
    expect(findings).toEqual([
      {
        ruleId: 'N-input',
        rowId: 'N-input:sup:prior.grand:value',
        severity: 'warning',
        title: '情况说明缺少数据',
        message: '缺少上年收支总计，情况说明“一、收入支出决算总体情况说明”无法计算增减变化',
        left: null,
        right: null,
        diff: null,
        cells: [{ sheet: 'sup', row: 'prior.grand', col: 'value' }],
      },
    ]);
    // The other sections keep their own prior-year figures.
    expect(section(e, 'n4')[0]).toContain('减少136.41万元，减少7.97%');
  });

  it('equal → 持平, without a reason', () => {
    expect(grand('1576.05').text).toBe('2021年度收、支总计1576.05万元。与2020年持平。');
  });

  it('prior 0 → 新增, without a percentage', () => {
    expect(grand('0').text).toBe(`2021年度收、支总计1576.05万元。与2020年相比，新增1576.05万元，主要是因为${REASON}。`);
  });

  it('an increase says 增加 and 增长 (76.05 ÷ 1500 = 5.07%)', () => {
    expect(grand('1500').text).toBe(`2021年度收、支总计1576.05万元。与2020年相比，增加76.05万元，增长5.07%，主要是因为${REASON}。`);
  });

  it('trailing zeros are dropped: Δ 1.50 ÷ 1574.55 = 0.0952…% → 增加1.5万元，增长0.1%', () => {
    const e = openWorkbook(exampleDocument());
    e.setInput('sup', 'prior.grand', 'value', '1574.55');
    expect(section(e, 'n1')[0]).toContain('增加1.5万元，增长0.1%');
  });

  it('rates round half-up on exact decimals: 2.01 ÷ 200 × 100 = 1.005 → 1.01 (float gives 1.00)', () => {
    const e = openWorkbook(exampleDocument());
    e.setInputs([
      { sheet: 'sup', row: 'opex.actual', col: 'value', raw: '202.01' },
      { sheet: 'sup', row: 'opex.budget', col: 'value', raw: '200' },
    ]);
    expect(section(e, 'n11.1')[0]).toBe(`本部门2021年度机关运行经费支出202.01万元，比年初预算数增加2.01万元，增长1.01%。主要原因是${REASON}。`);
  });

  it('an empty reason is a marked placeholder and a 审核 提示', () => {
    const e = openWorkbook(exampleDocument());
    e.setText('reason.grand', '');
    expect(section(e, 'n1')[0]).toBe('2021年度收、支总计1576.05万元。与2020年相比，减少136.41万元，减少7.97%，主要是因为【待填写：收支总计变动原因】。');
    expect(missingInputs(e)).toEqual([
      expect.objectContaining({
        ruleId: 'N-text',
        rowId: 'N-text:reason.grand',
        severity: 'warning',
        message: '缺少收支总计变动原因，请在情况说明“一、收入支出决算总体情况说明”中填写',
        cells: [],
      }),
    ]);
  });
});

describe('五 budget and 项 repetition', () => {
  it('budget 0: no completion rate; the reason says 大于', () => {
    const e = openWorkbook(exampleDocument());
    e.setInputs([
      { sheet: 'sup', row: 'budget.2010306', col: 'value', raw: '0' },
      { sheet: 'sup', row: 'budget.stated', col: 'value', raw: '0' },
    ]);
    const [head, name, item] = section(e, 'n5.3');
    expect(head).toBe('2021年度财政拨款支出年初预算数为0万元，支出决算数为1576.05万元，其中：');
    expect(name).toBe('1、一般公共服务（类）政府办公厅（室）及相关机构事务（款）政务公开审批（项）。');
    expect(item).toBe(`年初预算为0万元，支出决算为1576.05万元，决算数大于年初预算数的主要原因是${REASON}。`);
  });

  it('a 项 budget missing: its placeholders; the stated total stands; the sum differs: a 提示', () => {
    const e = openWorkbook(exampleDocument());
    e.setInput('sup', 'budget.2010306', 'value', null);
    const [head, , item] = section(e, 'n5.3');
    const gap = '【缺：政务公开审批（2010306）年初预算】';
    expect(head).toBe('2021年度财政拨款支出年初预算数为1586.44万元，支出决算数为1576.05万元，完成年初预算的99.35%，其中：');
    expect(item).toBe(`年初预算为${gap}万元，支出决算为1576.05万元，完成年初预算的${gap}%。`);
    expect(missingInputs(e).map((f) => [f.rowId, f.message])).toEqual([
      ['N-input:sup:budget.2010306:value', '缺少政务公开审批（2010306）年初预算，情况说明“五、一般公共预算财政拨款支出决算情况说明”无法写出该数字'],
    ]);
    const sum = e.audit().filter((f) => f.ruleId === 'BUDGET-sum');
    expect(sum.map((f) => [f.severity, f.left?.toFixed(2), f.right?.toFixed(2)])).toEqual([['warning', '1586.44', '0.00']]);
  });

  it('the stated 年初预算数 missing: placeholders in the total and the rate; the 项 still prints', () => {
    const e = openWorkbook(exampleDocument());
    e.setInput('sup', 'budget.stated', 'value', null);
    const [head, , item] = section(e, 'n5.3');
    const gap = '【缺：一般公共预算财政拨款支出年初预算数】';
    expect(head).toBe(`2021年度财政拨款支出年初预算数为${gap}万元，支出决算数为1576.05万元，完成年初预算的${gap}%，其中：`);
    expect(item).toContain('年初预算为1586.44万元，支出决算为1576.05万元，完成年初预算的99.35%');
    expect(missingInputs(e).map((f) => f.rowId)).toEqual(['N-input:sup:budget.stated:value']);
  });

  it('a second 项 code: classes with shares, items numbered, its budget asked for, then used', () => {
    const e = openWorkbook(exampleDocument());
    e.addCode('gpb', '2080505');
    e.setInput('t05', '2080505', 'basic', '10');
    // 1576.05 ÷ 1586.05 = 99.3695…%; 10 ÷ 1586.05 = 0.6305…%
    expect(section(e, 'n5.2')[0]).toBe(
      '2021年度财政拨款支出1586.05万元，主要用于以下方面：一般公共服务（类）支出1576.05万元，占99.37%；社会保障和就业（类）支出10万元，占0.63%。',
    );
    let p = section(e, 'n5.3');
    expect(p).toHaveLength(5);
    expect(p[3]).toBe('2、社会保障和就业（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）。');
    expect(p[4]).toContain('年初预算为【缺：机关事业单位基本养老保险缴费支出（2080505）年初预算】万元');
    // Its reason is asked for only once budget and actual can be compared.
    expect(missingInputs(e).map((f) => f.rowId)).toEqual(['N-input:sup:budget.2080505:value']);

    e.setInput('sup', 'budget.2080505', 'value', '10');
    // The 项 budgets now sum to 1596.44, the stated total is still 1586.44: a 提示 until restated.
    expect(e.audit().filter((f) => f.ruleId === 'BUDGET-sum').map((f) => [f.severity, f.left?.toFixed(2), f.right?.toFixed(2)])).toEqual([['warning', '1586.44', '1596.44']]);
    e.setInput('sup', 'budget.stated', 'value', '1596.44');
    expect(e.audit().filter((f) => f.ruleId === 'BUDGET-sum')).toEqual([]);
    p = section(e, 'n5.3');
    // 1586.05 ÷ 1596.44 = 99.3492…%; 10 of 10 = 100%, equal: no reason needed.
    expect(p[0]).toBe('2021年度财政拨款支出年初预算数为1596.44万元，支出决算数为1586.05万元，完成年初预算的99.35%，其中：');
    expect(p[4]).toBe('年初预算为10万元，支出决算为10万元，完成年初预算的100%。');
    expect(missingInputs(e)).toEqual([]);
  });

  it('a 项 with neither spending nor budget is left out', () => {
    const e = openWorkbook(exampleDocument());
    e.addCode('gpb', '2080505');
    e.setInput('sup', 'budget.2080505', 'value', '0');
    expect(section(e, 'n5.3')).toHaveLength(3);
    expect(section(e, 'n5.2')[0]).not.toContain('社会保障和就业');
  });
});

describe('七 三公 and the empty-table statements', () => {
  it('no 三公 at all: the 无 statement; 公务接待费 down 100% on the prior year', () => {
    const e = openWorkbook(exampleDocument());
    e.setInputs([
      { sheet: 't07', row: 'bud', col: 'recep', raw: '' },
      { sheet: 't07', row: 'act', col: 'recep', raw: '' },
    ]);
    const p71 = section(e, 'n7.1');
    expect(p71[0]).toBe('2021年度无“三公”经费财政拨款支出，“三公”经费财政拨款支出预算为0万元，支出决算为0万元。');
    expect(p71[2]).toBe(`公务接待费支出预算为0万元，支出决算为0万元，与上年相比减少7.03万元，减少100%，减少的主要原因是${REASON}。`);
    const p72 = section(e, 'n7.2');
    expect(p72[0]).toBe('2021年度“三公”经费财政拨款支出决算为0万元。其中：');
    expect(p72[2]).toBe('2、公务接待费支出决算为0万元，全年共接待来访团组136个、来宾680人次。');
  });

  it('a 三公 item new this year (prior 0): 新增, and its reasons are asked for', () => {
    const e = openWorkbook(exampleDocument());
    e.setInputs([
      { sheet: 't07', row: 'bud', col: 'abroad', raw: '5' },
      { sheet: 't07', row: 'act', col: 'abroad', raw: '4' },
    ]);
    // 4 ÷ 5 = 80%; total 65 → 10.54 ÷ 65 = 16.2153…%
    expect(section(e, 'n7.1')[0]).toBe('“三公”经费财政拨款支出预算为65万元，支出决算为10.54万元，完成预算的16.22%，其中：');
    expect(section(e, 'n7.1')[1]).toBe(
      '因公出国（境）费支出预算为5万元，支出决算为4万元，完成预算的80%，决算数小于年初预算数的主要原因是【待填写：因公出国（境）费决算与预算差异原因】，' +
        '与上年相比新增4万元，新增的主要原因是【待填写：因公出国（境）费同比变动原因】。',
    );
    expect(missingInputs(e).map((f) => f.rowId)).toEqual(['N-text:reason.sg.abroad.budget', 'N-text:reason.sg.abroad.prior']);
  });

  it('政府性基金 with a code and amounts: figures from 08表 and no 无 statement', () => {
    const e = openWorkbook(exampleDocument());
    e.addCode('gf', '2120101');
    e.setInputs([
      { sheet: 't08', row: '2120101', col: 'inc', raw: '50' },
      { sheet: 't08', row: '2120101', col: 'exp_proj', raw: '40' },
    ]);
    expect(section(e, 'n8')[0]).toBe(
      '2021年度政府性基金预算财政拨款收入50万元；年初结转和结余0万元；支出40万元，其中基本支出0万元，项目支出40万元；年末结转和结余10万元。',
    );
  });

  it('机关运行经费 and 政府采购 with nothing: their 无 statements', () => {
    const e = openWorkbook(exampleDocument());
    e.setInputs(
      ['opex.actual', 'opex.budget', 'proc.goods', 'proc.services'].map((row) => ({ sheet: 'sup' as const, row, col: 'value', raw: '0' })),
    );
    expect(section(e, 'n11.1')[0]).toBe('本部门2021年度无机关运行经费支出。');
    expect(section(e, 'n11.3')[0]).toBe('本部门2021年度无政府采购支出。');
  });

  it('a missing 补充资料 count is a placeholder; a missing part of a total marks the total too', () => {
    const e = openWorkbook(exampleDocument());
    e.setInputs([
      { sheet: 'sup', row: 'veh.other', col: 'value', raw: '' },
      { sheet: 'sup', row: 'proc.works', col: 'value', raw: '' },
    ]);
    expect(section(e, 'n11.4')[0]).toContain('本单位共有车辆【缺：其他用车（辆）】辆');
    expect(section(e, 'n11.4')[0]).toContain('其他用车【缺：其他用车（辆）】辆');
    expect(section(e, 'n11.3')[0]).toContain('政府采购支出总额【缺：政府采购工程支出】万元');
    expect(missingInputs(e).map((f) => f.rowId)).toEqual(['N-input:sup:proc.works:value', 'N-input:sup:veh.other:value']);
  });
});

describe('headings and built-ins follow the document meta', () => {
  it('year 2022: 第三部分 2022年度…, 与2021年相比', () => {
    const e = openWorkbook(exampleDocument());
    e.setMeta({ year: 2022, department: '某某局' });
    const r = renderNarrative(e);
    expect(r.sections.map((s) => s.title)).toEqual(['第一部分 某某局部门概况', '第三部分 2022年度部门决算情况说明', '第四部分 名词解释']);
    expect(section(e, 'n1')[0]).toContain('2022年度收、支总计1576.05万元。与2021年相比，');
    expect(section(e, 'n10')).toHaveLength(1);
  });
});

describe('template mistakes are reported, not printed', () => {
  const withNarrative = (narrative: NarrativeDef) =>
    WorkbookEngine.open(exampleDocument(), { template: { ...HN_2021, narrative }, catalogues: CATALOGUES });
  const one = (text: string, slots: NonNullable<NarrativeDef['sections'][number]['body']>[number] extends infer B ? (B extends { slots?: infer S } ? S : never) : never) =>
    withNarrative({ sections: [{ id: 's', title: 'T', body: [{ id: 'p', text, slots }] }] });

  it('an undefined token throws TemplateError', () => {
    expect(() => renderNarrative(one('收入{nope}万元', {}))).toThrow(TemplateError);
    expect(() => renderNarrative(one('收入{nope}万元', {}))).toThrow('{nope}');
  });

  it('a bad cell path or unknown figure throws', () => {
    expect(() => renderNarrative(one('{x}', { x: { kind: 'amount', of: 't06:public' } }))).toThrow('表:行:列');
    expect(() => renderNarrative(one('{x}', { x: { kind: 'amount', of: 'fig:nope:value' } }))).toThrow('nope');
    expect(() => renderNarrative(one('{x}', { x: { kind: 'amount', of: 't05:{code}:total' } }))).toThrow('{code}');
  });

  it('a share of a zero whole is a marked placeholder, 0 of 0 is 0', () => {
    const r = renderNarrative(
      one('{a}|{b}', {
        a: { kind: 'pct', part: 't06:30201:amount', whole: 't06:30203:amount' },
        b: { kind: 'pct', part: 't06:30204:amount', whole: 't06:30203:amount' },
      }),
    );
    expect(r.sections[0]!.paragraphs.map(paragraphText)).toEqual(['【无法计算：30203 咨询费为0】|0']);
  });

  it('an empty repetition uses its none text', () => {
    const r = renderNarrative(
      one('{list}', { list: { kind: 'each', each: { over: 'item', funds: ['soe'] }, text: '{name}', sep: '、', none: '（无）' } }),
    );
    expect(paragraphText(r.sections[0]!.paragraphs[0]!)).toBe('（无）');
  });
});
