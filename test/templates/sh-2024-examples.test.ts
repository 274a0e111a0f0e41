// The two Shanghai examples (sh-2024) against the published documents, figure by figure: every
// amount printed in tables 一–九 (test/fixtures/sh-2024/*.json, transcribed as printed) is compared
// in cents with the figure the workbook computes from its inputs. A difference is allowed only when
// it is listed below with the recorded inconsistency that explains it; an unlisted difference, or a
// listed one that no longer occurs, fails. Each such computed cell holds its printed figure in the
// example (审查), so the 审核 finds the slip: listed one by one at the end.
import { describe, expect, it } from 'vitest';
import { openWorkbook, shExampleDocument, SH_EXAMPLES } from '../../src/app/templates';
import { PRINTED_RULE } from '../../src/engine';
import { narrativePlainText, renderNarrative } from '../../src/engine/narrative';
import { cents, load, printedFigures, yuan } from '../support/sh-reference';

/** Printed figures the workbook shows differently (or not at all), each with its recorded reason. */
const EXPLAINED: Record<keyof typeof SH_EXAMPLES, Record<string, string>> = {
  'sh-putuo-czj-2024': {
    // 社会保障和就业支出 is 326.71 in 01 and 04 but 326.72 in 02/03/05 (its 项 sum to 326.72): the
    // 01/04 totals follow 326.71, the 02/03/05 合计 rows are a cent below their own 类 rows.
    '01 八、社会保障和就业支出': 'printed 326.71; 02/03/05 and its 项 give 326.72',
    '01 本年收入合计': '02 合计 printed a cent below the sum of its 类 (2,946.26)',
    '01 一、一般公共预算财政拨款收入': '02 合计.财政拨款收入 printed a cent below its 类 (2,940.06)',
    '01 本年支出合计': 'follows 326.71 (sum of 类 with 326.72: 2,940.06)',
    '01 总计': 'income side 2,946.26 + 49.14',
    '02 合计 本年收入合计': '02 合计 one cent below the sum of its 类',
    '02 合计 财政拨款收入': '02 合计 one cent below the sum of its 类',
    '03 合计 本年支出合计': '03 合计 one cent below the sum of its 类',
    '03 合计 基本支出': '03 合计 one cent below the sum of its 类',
    '04 一、一般公共预算财政拨款': 'follows the 02 合计 slip (2,940.06)',
    '04 本年收入合计': 'follows the 02 合计 slip',
    '04 总计': 'follows the 02 合计 slip (2,940.06 + 21.63)',
    '04 八、社会保障和就业支出 合计': 'printed 326.71; 05 208 is 326.72',
    '04 八、社会保障和就业支出 一般公共预算财政拨款': 'printed 326.71; 05 208 is 326.72',
    '04 本年支出合计 合计': 'follows 326.71',
    '04 本年支出合计 一般公共预算财政拨款': 'follows 326.71',
    '04 总计 合计': 'follows 326.71',
    '04 总计 一般公共预算财政拨款': 'follows 326.71',
    '05 合计 合计': '05 合计 one cent below the sum of its 类',
    '05 合计 基本支出': '05 合计 one cent below the sum of its 类',
    '06 301': '301 printed 2,082.85; its 款 sum to 2,082.86',
    '06 302': '302 printed 171.07; its 款 sum to 171.09',
    '06 人员经费合计': '301 + 303 with the printed 301 (2,082.85)',
    '06 公用经费合计': '302 + 310 with the printed 302 (171.07)',
    // 01/04 print 债务还本/付息支出 (blank) before 抗疫特别国债: sh-2024 prints the template's 24 classes
    // and others only where the department uses them.
    '01 二十四、债务还本支出': 'blank class not in the template list',
    '01 二十五、债务付息支出': 'blank class not in the template list',
    '04 二十四、债务还本支出 合计': 'blank class not in the template list',
    '04 二十四、债务还本支出 一般公共预算财政拨款': 'blank class not in the template list',
    '04 二十四、债务还本支出 政府性基金预算财政拨款': 'blank class not in the template list',
    '04 二十四、债务还本支出 国有资本经营预算财政拨款': 'blank class not in the template list',
    '04 二十五、债务付息支出 合计': 'blank class not in the template list',
    '04 二十五、债务付息支出 一般公共预算财政拨款': 'blank class not in the template list',
    '04 二十五、债务付息支出 政府性基金预算财政拨款': 'blank class not in the template list',
    '04 二十五、债务付息支出 国有资本经营预算财政拨款': 'blank class not in the template list',
  },
  'sh-putuo-sthj-2025': {
    // 2111101 生态环境监测与信息 prints 合计 1,493.39 (as 02 does) but 基本 1,101.78 + 项目 391.60 =
    // 1,493.38 in 03 and 05; the cent carries to 21111, 211, the 合计 rows and 01/04.
    '03 2111101 本年支出合计': '合计 1,493.39 ≠ 基本 + 项目 1,493.38',
    '03 21111 本年支出合计': 'carries the 2111101 cent',
    '03 211 本年支出合计': 'carries the 2111101 cent',
    '03 合计 本年支出合计': 'carries the 2111101 cent',
    '03 合计 项目支出': 'printed 1,367.76; its 类 sum to 1,367.75 (05 prints 1,367.75)',
    '05 2111101 合计': '合计 1,493.39 ≠ 基本 + 项目 1,493.38',
    '05 21111 合计': 'carries the 2111101 cent',
    '05 211 合计': 'carries the 2111101 cent',
    '05 合计 合计': '4,733.14 ≠ 3,365.38 + 1,367.75',
    '01 十、节能环保支出': 'carries the 2111101 cent (3,742.46)',
    '01 本年支出合计': 'carries the 2111101 cent',
    '01 总计': 'expenditure side 4,733.13 (the income side prints 4,733.14)',
    '04 十、节能环保支出 合计': 'carries the 2111101 cent',
    '04 十、节能环保支出 一般公共预算财政拨款': 'carries the 2111101 cent',
    '04 本年支出合计 合计': 'carries the 2111101 cent',
    '04 本年支出合计 一般公共预算财政拨款': 'carries the 2111101 cent',
    '04 年末财政拨款结转和结余 合计': 'the workbook keeps the unspent cent as 年末 (0.01)',
    '04 年末财政拨款结转和结余 一般公共预算财政拨款': 'the workbook keeps the unspent cent as 年末 (0.01)',
    '06 310': '310 printed 14.44; its 款 sum to 14.43',
  },
};

describe.each(Object.keys(SH_EXAMPLES) as (keyof typeof SH_EXAMPLES)[])('%s reproduces the published tables', (slug) => {
  const printed = load(slug);
  const doc = shExampleDocument(slug);
  const e = openWorkbook(doc);

  it('opens as sh-2024 with its department, year and 部门决算单位构成 as printed', () => {
    expect(doc.templateId).toBe('sh-2024');
    expect(doc.meta.department).toBe(printed.meta.department);
    expect(doc.meta.year).toBe(printed.meta.year);
    expect(doc.units).toEqual(printed.meta.units.map((u) => ({ name: u.单位名称, note: u.备注 ?? '' })));
  });

  it('every printed figure of tables 一–七 equals the computed one, or is an explained slip', () => {
    const figures = printedFigures(printed, e);
    expect(figures.length).toBeGreaterThan(slug === 'sh-putuo-czj-2024' ? 560 : 740);
    const differ: Record<string, string> = {};
    for (const f of figures) {
      const got = f.cell ? cents(e.amount(...f.cell)?.toNumber() ?? null) : null;
      if (got === cents(f.printed)) continue;
      differ[f.key] = `printed ${f.printed === null ? '(blank)' : yuan(cents(f.printed))}, computed ${got === null ? '(no cell)' : yuan(got)}`;
    }
    expect(Object.keys(differ).sort()).toEqual(Object.keys(EXPLAINED[slug]).sort());
    // No explained slip is more than a cent or two (a real difference would be a bug, not a slip).
    for (const f of figures.filter((x) => x.key in differ && x.cell)) {
      expect(Math.abs(cents(e.amount(...f.cell!)?.toNumber() ?? null) - cents(f.printed)), f.key).toBeLessThanOrEqual(2);
    }
  });

  it('holds the printed figure of every computed cell that differs (审查), and of no other', () => {
    const figures = printedFigures(printed, e);
    const held: string[] = [];
    for (const f of figures) {
      if (!f.cell) continue;
      const d = e.printedDifference(...f.cell);
      const got = cents(e.amount(...f.cell)?.toNumber() ?? null);
      if (got === cents(f.printed)) {
        expect(d, f.key).toBeUndefined();
        continue;
      }
      expect(d?.printed.toFixed(2), f.key).toBe(yuan(cents(f.printed)));
      held.push(f.key);
    }
    // Every explained slip with a cell is held as printed: its cell is computed (inputs are entered as printed).
    expect([...new Set(held)].sort()).toEqual(Object.keys(EXPLAINED[slug]).filter((k) => !/债务(还本|付息)支出/.test(k)).sort());
    const count = Object.values(doc.printed ?? {}).flatMap((rows) => Object.values(rows ?? {}).flatMap((cols) => Object.keys(cols))).length;
    expect(count).toBe(held.length);
  });

  it('八 and 九 print no data and the template’s 说明, as both documents do', () => {
    for (const id of ['govFund', 'stateCapital'] as const) {
      const s = e.sheet(id);
      expect(s.rowKinds.filter((k) => k === 'item' || k === 'class')).toEqual([]);
      const notes = s.cells.flat().flatMap((c) => (c?.t === 'text' && c.role === 'note' ? [c.text] : []));
      const what = id === 'govFund' ? '政府性基金' : '国有资本经营';
      expect(notes).toContain(`说明：${printed.meta.department}本年度没有${what}预算财政拨款收入和支出，故本表无数据。`);
    }
  });
});

describe('sh-2024 审核 on the examples lists only real slips', () => {
  const all = (slug: keyof typeof SH_EXAMPLES) => {
    const e = openWorkbook(shExampleDocument(slug));
    const out = e.audit().map((f) => ({ rule: f.ruleId, rowId: f.rowId, severity: f.severity, diff: f.diff?.toFixed(2) ?? null, message: f.message }));
    e.destroy();
    return out;
  };
  /** Rules between figures (the printed-figure findings are listed below). */
  const findings = (slug: keyof typeof SH_EXAMPLES) => all(slug).filter((f) => f.rule !== PRINTED_RULE);
  /** Printed-figure findings: cell (sheet:row:col) → [severity, printed − computed]. */
  const printedSlips = (slug: keyof typeof SH_EXAMPLES) =>
    Object.fromEntries(all(slug).flatMap((f) => (f.rule === PRINTED_RULE ? [[f.rowId.slice(PRINTED_RULE.length + 1), [f.severity, f.diff]]] : [])));

  // Each recorded arithmetic inconsistency in the tables (shared/reference/examples/*.json
  // `inconsistencies`), one by one, as the 印刷数 findings that show it; the other findings of
  // the list are the same slip carried into the totals that print it (01/04 follow 02/03/05).
  it('财政局 2024: each recorded table slip is a 印刷数 finding (尾差, a cent or two)', () => {
    const f = printedSlips('sh-putuo-czj-2024');
    const w = (diff: string) => ['warning', diff];
    // 1. 02 合计.本年收入合计 2,946.25 ≠ its 类 2,946.26; 2. 02 合计.财政拨款收入 2,940.05 ≠ 2,940.06.
    expect(f['income:sum:total']).toEqual(w('-0.01'));
    expect(f['income:sum:fin']).toEqual(w('-0.01'));
    // 3. 03 合计.本年支出合计 2,940.05 and 合计.基本支出 2,336.91, a cent below their 类.
    expect(f['expenditure:sum:total']).toEqual(w('-0.01'));
    expect(f['expenditure:sum:basic']).toEqual(w('-0.01'));
    // 4. 05 合计.合计 and 合计.基本支出, the same cent.
    expect(f['gpbExpenditure:sum:total']).toEqual(w('-0.01'));
    expect(f['gpbExpenditure:sum:basic']).toEqual(w('-0.01'));
    // 5. 社会保障和就业支出 326.71 in 01 and 04 (合计, 一般公共预算) against its 项 326.72.
    expect(f['incomeExpenditure:208:amount']).toEqual(w('-0.01'));
    expect(f['fiscalIncomeExpenditure:208:all']).toEqual(w('-0.01'));
    expect(f['fiscalIncomeExpenditure:208:gpb']).toEqual(w('-0.01'));
    // 6. 06 301 2,082.85 ≠ its 款 2,082.86; 7. 06 302 171.07 ≠ 171.09 (人员/公用经费合计 follow them).
    expect(f['basicExpenditure:301:amount']).toEqual(w('-0.01'));
    expect(f['basicExpenditure:302:amount']).toEqual(w('-0.02'));
    expect(f['basicExpenditure:personnel:amount']).toEqual(w('-0.01'));
    expect(f['basicExpenditure:public:amount']).toEqual(w('-0.02'));
    // The same cents carried: 01 and 04 totals print 2,940.05 / 2,946.25 / 2,995.39 / 2,961.68.
    const carried = ['incomeExpenditure:inc.gpb:amount', 'incomeExpenditure:inc.total:amount', 'incomeExpenditure:inc.grand:amount', 'incomeExpenditure:exp.total:amount', 'incomeExpenditure:exp.grand:amount', 'fiscalIncomeExpenditure:inc.gpb:amount', 'fiscalIncomeExpenditure:inc.total:amount', 'fiscalIncomeExpenditure:inc.grand:amount', 'fiscalIncomeExpenditure:exp.total:all', 'fiscalIncomeExpenditure:exp.total:gpb', 'fiscalIncomeExpenditure:exp.grand:all', 'fiscalIncomeExpenditure:exp.grand:gpb'];
    for (const k of carried) expect(f[k], k).toEqual(w('-0.01'));
    expect(Object.keys(f)).toHaveLength(13 + carried.length);
    const msg = all('sh-putuo-czj-2024').find((x) => x.rowId === 'printed:basicExpenditure:302:amount')!.message;
    expect(msg).toBe('尾差：六、一般公共预算财政拨款基本支出决算表 302 商品和服务支出印刷为 171.07，按公式重算为 171.09：印刷数 171.07 − 计算数 171.09 = -0.02，相差 0.02，在尾差容差 0.03 以内，可能是四舍五入差，请核实');
  });

  it('生态环境局 2025: each recorded table slip is a 印刷数 finding (尾差)', () => {
    const f = printedSlips('sh-putuo-sthj-2025');
    const w = (diff: string) => ['warning', diff];
    // 1. 03 合计.项目支出 1,367.76 ≠ its 类 1,367.75.
    expect(f['expenditure:sum:proj']).toEqual(w('0.01'));
    // 2. 05 合计.合计 4,733.14 ≠ 基本 + 项目 4,733.13.
    expect(f['gpbExpenditure:sum:total']).toEqual(w('0.01'));
    // 3. 2111101 1,493.39 ≠ 基本 + 项目 1,493.38 in 03 and 05, with its parents 21111 and 211.
    for (const s of ['expenditure', 'gpbExpenditure']) {
      for (const code of ['2111101', '21111', '211']) expect(f[`${s}:${code}:total`], `${s} ${code}`).toEqual(w('0.01'));
    }
    // 4. 06 310 14.44 ≠ 31002 + 31003 14.43; 5. 公用经费合计 416.36 ≠ 302 + the printed 310: the
    // finding is on 310 (公用经费合计 agrees with the 款, so it is not flagged itself).
    expect(f['basicExpenditure:310:amount']).toEqual(w('0.01'));
    expect(f['basicExpenditure:public:amount']).toBeUndefined();
    // The 2111101 cent carried into 03 合计, 01 and 04 (节能环保, 本年支出合计, 总计) and 04 年末 (0.00 printed, 0.01 kept).
    const carried = ['expenditure:sum:total', 'incomeExpenditure:211:amount', 'incomeExpenditure:exp.total:amount', 'incomeExpenditure:exp.grand:amount', 'fiscalIncomeExpenditure:211:all', 'fiscalIncomeExpenditure:211:gpb', 'fiscalIncomeExpenditure:exp.total:all', 'fiscalIncomeExpenditure:exp.total:gpb'];
    for (const k of carried) expect(f[k], k).toEqual(w('0.01'));
    for (const k of ['fiscalIncomeExpenditure:close.total:all', 'fiscalIncomeExpenditure:close.gpb:all']) expect(f[k], k).toEqual(w('-0.01'));
    expect(Object.keys(f)).toHaveLength(9 + carried.length + 2);
  });

  it('a dropped digit in a printed total of an example is an 错误 naming the cell', () => {
    const doc = shExampleDocument('sh-putuo-czj-2024');
    const e = openWorkbook({ ...doc, printed: { ...doc.printed, income: { sum: { total: '294.25', fin: '2940.05' } } } });
    const f = e.audit().find((x) => x.rowId === 'printed:income:sum:total')!;
    expect([f.severity, f.diff?.toFixed(2)]).toEqual(['error', '-2652.01']);
    expect(f.message).toContain('印刷数 294.25 − 计算数 2,946.26 = -2,652.01');
    e.destroy();
  });

  // Rules between tables compare the tables as printed: a slip inside one table (06 parents, a 合计
  // a cent off) is its 印刷数 finding above, not a difference between tables.
  it('财政局 2024: 社会保障和就业支出 printed 326.71 in 01/04 against 326.72 in 03/05, the 年初预算 and 政府采购 sums; not 其他收入 or 02 ≠ 03', () => {
    const f = findings('sh-putuo-czj-2024');
    expect(f.map(({ rowId, severity, diff }) => ({ rowId, severity, diff }))).toEqual([
      // 11 item budgets 2,993.93 against the stated 2,993.92.
      { rowId: 'BUDGET-sum', severity: 'warning', diff: '-0.01' },
      // 01 八 (326.71) against 03 208 (326.72); 04 八 一般公共预算 (326.71) against 05 208.
      { rowId: 'X13-2:208', severity: 'warning', diff: '-0.01' },
      { rowId: 'X4F-gpb:208', severity: 'warning', diff: '-0.01' },
      // 政府采购 251.25 against 4.79 + 0 + 246.47.
      { rowId: 'SH-proc-sum', severity: 'warning', diff: '-0.01' },
    ]);
    expect(f[1]!.message).toBe('尾差：表一社会保障和就业支出（326.71）与表三社会保障和就业支出本年支出合计（326.72）相差 0.01，在尾差容差 0.03 以内，可能是四舍五入差，请核实');
  });

  it('生态环境局 2025: the 年初预算 sum; as printed the 01 sides agree and 04 年末 is 0.00; not 机关运行经费 < 公用经费', () => {
    const f = findings('sh-putuo-sthj-2025');
    expect(f.map(({ rule, severity, diff }) => ({ rule, severity, diff }))).toEqual([{ rule: 'BUDGET-sum', severity: 'warning', diff: '0.01' }]);
  });
});

/**
 * A printed 情况说明 figure is found in the rendered text when its label (the words just before it,
 * e.g. 公用经费, 年初预算为) is followed there by the same amount (cents). The number format may differ
 * (2995.39 printed, 2,995.39 rendered; 0% and 0.00%).
 */
function narrativeMisses(slug: keyof typeof SH_EXAMPLES): Record<string, string> {
  const e = openWorkbook(shExampleDocument(slug));
  const text = narrativePlainText(renderNarrative(e)).replace(/\s+/g, '');
  e.destroy();
  const toCents = (s: string) => Math.round(Number(s.replace(/,/g, '')) * 100);
  const out: Record<string, string> = {};
  for (const f of load(slug).narrative_figures) {
    const t = f.text.replace(/\s+/g, '');
    const tail = t.slice(t.lastIndexOf('…') + 1);
    const hit = [...tail.matchAll(/\d[\d,]*(?:\.\d+)?/g)].find((m) => toCents(m[0]) === Math.round(f.value * 100));
    if (!hit) throw new Error(`no ${f.value} in ${f.text}`);
    // The label: the words before the figure back to the previous punctuation, without a year.
    const label = tail.slice(0, hit.index).split(/[，。；：、]/).pop()!.replace(/\d{4}$/, '');
    const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const shown = [...text.matchAll(new RegExp(`${escaped}(-?\\d[\\d,]*(?:\\.\\d+)?)`, 'g'))].map((m) => toCents(m[1]!));
    if (!shown.includes(Math.round(f.value * 100))) out[f.text] = `${label}: rendered ${shown.map((c) => (c / 100).toFixed(2)).join(' / ') || '(none)'}`;
  }
  return out;
}

/** 情况说明 figures the workbook renders differently, each with its reason (the recorded inconsistencies). */
const NARRATIVE_EXPLAINED: Record<keyof typeof SH_EXAMPLES, Record<string, string>> = {
  'sh-putuo-czj-2024': {
    '收入支出总计2995.39万元': '01 总计 follows the 02 合计 slip: 2,995.40',
    '收入支出总计减少56.95万元': 'prior 3,052.34 − 2,995.40',
    '本年收入合计2946.25万元': '02 合计 slip: 2,946.26',
    '财政拨款收入2940.05万元': '02 合计 slip: 2,940.06',
    '本年支出合计2940.05万元': '03 合计 slip: 2,940.06',
    '基本支出2336.91万元': '03 合计.基本支出 slip: 2,336.92',
    '财政拨款收入支出总计0.3万元': 'printed 0.3; 04 总计 is 2,961.68 (2,961.69 with the 02 slip)',
    '一般公共预算财政拨款支出2940.05万元': '05 合计 slip: 2,940.06',
    '一般公共预算财政拨款支出减少63.14万元': 'prior 3,003.19 − 2,940.06',
    '占71.73%': 'printed 71.73; 2,106.66 / 2,940.06 = 71.65',
    '支出决算为2940.05万元': '05 合计 slip: 2,940.06',
    '一般公共预算财政拨款基本支出2336.91万元': '05 合计.基本支出 slip: 2,336.92',
    '人员经费2152.26万元': '06 301 slip: 301 + 303 from the 款 = 2,152.27',
    '公用经费184.65万元': '06 302 slip: 302 + 310 from the 款 = 184.67',
  },
  'sh-putuo-sthj-2025': {
    '本年支出合计 4733.14 万元': '2111101 cent: 4,733.13',
    '项目支出 1367.76 万元': '03 合计.项目支出 slip: its 类 give 1,367.75',
    '一般公共预算财政拨款支出 4733.14 万元，占本年支出合计的 100.00%': '2111101 cent: 4,733.13',
    '支出决算为 4733.14 万元': '2111101 cent: 4,733.13',
    '17.…生态环境监测与信息（项）…支出决算为 1493.39 万元': '2111101 合计 ≠ 基本 + 项目 (1,493.38)',
    '15.…水体（项）…当年支出决算为 213.10 万元': 'wording: the document writes 当年支出决算为; the template (and the workbook) 支出决算为 213.10',
    '16.…其他污染防治支出（项）…当年支出决算为 30.00 万元': 'wording: 当年支出决算为; the workbook prints 支出决算为 30.00',
    '18.…生态环境执法监察（项）…当年支出决算为 82.80': 'wording: 当年支出决算为; the workbook prints 支出决算为 82.80',
    '增长 2.60%': 'printed 2.60; 4.68 / 180.73 = 2.59',
  },
};

describe('sh-2024 情况说明 on the examples', () => {
  it.each(Object.keys(SH_EXAMPLES) as (keyof typeof SH_EXAMPLES)[])('%s: every narrative figure is rendered, or is an explained slip', (slug) => {
    expect(Object.keys(narrativeMisses(slug)).sort()).toEqual(Object.keys(NARRATIVE_EXPLAINED[slug]).sort());
  });

  it('leaves a gap only where the document prints no usable figure or text', () => {
    const gaps = (slug: keyof typeof SH_EXAMPLES) => {
      const e = openWorkbook(shExampleDocument(slug));
      const out = [...narrativePlainText(renderNarrative(e)).matchAll(/【[^】]*】/g)].map((m) => m[0]);
      e.destroy();
      return out;
    };
    expect(gaps('sh-putuo-sthj-2025')).toEqual([]);
    // 财政局 prints 上年 财政拨款收支总计 only as “0.3万元 … 持平”, and no content for 其他收入 in 名词解释.
    expect(gaps('sh-putuo-czj-2024')).toEqual(['【缺：上年财政拨款收支总计】', '【待填写：其他收入的主要内容】']);
  });

  it('prints the eleven sections of the Shanghai template, its number format and 不涉及的不列', () => {
    const e = openWorkbook(shExampleDocument('sh-putuo-czj-2024'));
    const r = renderNarrative(e);
    const explain = r.sections.find((s) => s.id === 'explain')!;
    expect(explain.title).toBe('第三部分 上海市普陀区财政局2024年度部门决算情况说明');
    expect(explain.sections.map((s) => s.title)).toEqual([
      '一、收入支出决算总体情况说明',
      '二、收入决算情况说明',
      '三、支出决算情况说明',
      '四、财政拨款收入支出决算总体情况说明',
      '五、一般公共预算财政拨款支出决算情况说明',
      '六、一般公共预算财政拨款基本支出决算情况说明',
      '七、财政拨款“三公”经费支出决算情况说明',
      '八、政府性基金预算财政拨款收入支出决算情况说明',
      '九、国有资本经营预算财政拨款收入支出决算情况说明',
      '十、预算绩效管理情况',
      '十一、其他重要事项的情况说明',
    ]);
    const text = narrativePlainText(r);
    // Thousands separators, two decimals; only the income lines the department has.
    expect(text).toContain('本年收入合计2,946.26万元，其中：财政拨款收入2,940.06万元，占99.79%；其他收入6.20万元，占0.21%。');
    expect(text).toContain('一般公共服务支出（类）2,106.66万元，占71.65%；');
    expect(text).toContain('上海市普陀区财政局2024年度无政府性基金预算财政拨款收入和支出。');
    expect(r.sections.map((s) => s.title)).toEqual(['第一部分 上海市普陀区财政局概况', '第三部分 上海市普陀区财政局2024年度部门决算情况说明', '第四部分 名词解释']);
    // 会议费/培训费 are not reported in Shanghai: no such input is asked for.
    expect(JSON.stringify(e.template.supplement)).not.toMatch(/meeting|training/);
    e.destroy();
  });
});
