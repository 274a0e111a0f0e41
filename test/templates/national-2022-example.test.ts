// The national-2022 example (示范市城市管理局 2023) figure by figure. Expected values are worked out
// by hand from the inputs, in cents, here in the test — never read back from the engine.
import { describe, expect, it } from 'vitest';
import { EXAMPLE_NATIONAL_2022 } from '../../sheets';
import { renderNarrative, narrativePlainText } from '../../src/engine/narrative';
import { nationalExampleDocument, openWorkbook, restoreDocument } from '../../src/app/templates';

/** Sum of 2-dp amounts in integer cents, back to a 2-dp string. */
const sum = (...xs: string[]) => {
  const c = xs.reduce((a, x) => a + Math.round(Number(x) * 100), 0);
  return `${c < 0 ? '-' : ''}${Math.floor(Math.abs(c) / 100)}.${String(Math.abs(c) % 100).padStart(2, '0')}`;
};
const minus = (a: string, ...bs: string[]) => sum(a, ...bs.map((b) => `-${b}`));
/** Half-up share in % of two cent amounts, 2 dp (integer arithmetic: no float ties). */
const share = (part: string, whole: string) => {
  const p = BigInt(Math.round(Number(part) * 100));
  const w = BigInt(Math.round(Number(whole) * 100));
  const x = (p * 1000000n) / w; // part/whole × 10^6 = % × 10^4
  const r = (x + 50n) / 100n; // % × 100, half-up
  return `${r / 100n}.${String(r % 100n).padStart(2, '0')}`;
};

// The inputs of the example, as typed (per fund).
const GPB = { basic: ['120.00', '45.60', '980.25', '88.80'], proj: ['356.40'] };
const GPB_BASIC = sum(...GPB.basic); // 1234.65
const GPB_TOTAL = sum(GPB_BASIC, ...GPB.proj); // 1591.05
const GF = { open: '50.00', inc: '800.00', proj: '780.00' };
const SOE = { inc: '60.00', proj: '60.00' };
const FIN = sum('120.00', '45.60', '980.25', '355.35', '88.80', GF.inc, SOE.inc); // 02 财政拨款收入
const NONFISCAL_INC = { sup: '40.00', oth: '15.50' };
const NONFISCAL_EXP = { basic: '5.00', proj: '48.00' };
const OPEN = { gpb: '12.30', all: '82.30' };
const RESERVE = '3.00';
const ALLOC = '1.50';
const CLOSE = '105.25';

const INC_GPB = minus(FIN, GF.inc, SOE.inc);
const INC_TOTAL = sum(FIN, NONFISCAL_INC.sup, NONFISCAL_INC.oth);
const EXP_BASIC = sum(GPB_BASIC, NONFISCAL_EXP.basic);
const EXP_PROJ = sum(...GPB.proj, GF.proj, SOE.proj, NONFISCAL_EXP.proj);
const EXP_TOTAL = sum(EXP_BASIC, EXP_PROJ);
const GRAND = sum(INC_TOTAL, RESERVE, OPEN.all);
const FISCAL_INC = sum(INC_GPB, GF.inc, SOE.inc);
const FISCAL_OPEN = sum(OPEN.gpb, GF.open, '0');
const FISCAL_EXP = sum(GPB_TOTAL, GF.proj, SOE.proj);
const CLOSE_GPB = minus(sum(OPEN.gpb, INC_GPB), GPB_TOTAL);
const CLOSE_GF = minus(sum(GF.open, GF.inc), GF.proj);
const CLOSE_SOE = minus(SOE.inc, SOE.proj);
const PERSONNEL = sum('420.00', '210.50', '60.00', '120.00', '45.60', '88.80', '35.00');
const PUBLIC = sum('60.25', '8.00', '26.50', '18.00', '4.20', '6.80', '3.60', '22.40', '12.00', '21.00', '48.00', '24.00');

describe('national-2022 example: 示范市城市管理局 2023', () => {
  const e = openWorkbook(nationalExampleDocument());
  const a = (sheet: string, row: string, col: string) => e.amount(sheet, row, col)?.toFixed(2);

  it('restores without notes or migrations, in the national template', () => {
    const r = restoreDocument(EXAMPLE_NATIONAL_2022);
    expect(r.notes).toEqual([]);
    expect(r.migrated).toEqual([]);
    expect(r.doc.templateId).toBe('national-2022');
    expect(e.layout.sheets.slice(0, 9).map((s) => `${s.publicNo} ${s.title}`)).toEqual([
      '公开01表 收入支出决算总表',
      '公开02表 收入决算表',
      '公开03表 支出决算表',
      '公开04表 财政拨款收入支出决算总表',
      '公开05表 一般公共预算财政拨款支出决算表',
      '公开06表 一般公共预算财政拨款基本支出决算明细表',
      '公开07表 政府性基金预算财政拨款收入支出决算表',
      '公开08表 国有资本经营预算财政拨款支出决算表',
      '公开09表 财政拨款“三公”经费支出决算表',
    ]);
  });

  it('01: eight income lines, each fund in its own line; the balance holds', () => {
    expect(INC_GPB).toBe('1590.00');
    expect(a('incomeExpenditure', 'inc.gpb', 'amount')).toBe(INC_GPB);
    expect(a('incomeExpenditure', 'inc.gf', 'amount')).toBe('800.00');
    expect(a('incomeExpenditure', 'inc.soe', 'amount')).toBe('60.00');
    expect(a('incomeExpenditure', 'inc.sup', 'amount')).toBe('40.00');
    expect(a('incomeExpenditure', 'inc.oth', 'amount')).toBe('15.50');
    expect(a('incomeExpenditure', 'inc.total', 'amount')).toBe(INC_TOTAL);
    expect(INC_TOTAL).toBe('2505.50');
    expect(a('incomeExpenditure', 'inc.grand', 'amount')).toBe(GRAND);
    expect(GRAND).toBe('2590.80');
    expect(a('incomeExpenditure', 'exp.total', 'amount')).toBe(EXP_TOTAL);
    expect(EXP_TOTAL).toBe('2484.05');
    // 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余 = 本年支出合计 + 结余分配 + 年末结转和结余
    expect(sum(EXP_TOTAL, ALLOC, CLOSE)).toBe(GRAND);
    expect(a('incomeExpenditure', 'exp.grand', 'amount')).toBe(GRAND);
  });

  it('01: every 类 of the year printed with its name, even when empty', () => {
    const s = e.sheet('incomeExpenditure');
    const labels = s.cells.flatMap((row) => row.filter((c) => c?.t === 'text' && /^[一二三四五六七八九十]+、.*支出$/.test(c.text)).map((c) => (c as { text: string }).text));
    expect(labels).toHaveLength(24);
    expect(labels[0]).toBe('一、一般公共服务支出');
    expect(labels).toContain('二十一、国有资本经营预算支出');
    expect(a('incomeExpenditure', '201', 'amount')).toBe('0.00');
    expect(a('incomeExpenditure', '212', 'amount')).toBe(sum('980.25', NONFISCAL_EXP.basic, '356.40', NONFISCAL_EXP.proj, GF.proj));
    expect(a('incomeExpenditure', '223', 'amount')).toBe(SOE.proj);
  });

  it('03: 基本/项目支出 = 05 + 07 + 08 + 非财政拨款', () => {
    expect(a('expenditure', 'sum', 'basic')).toBe(EXP_BASIC);
    expect(a('expenditure', 'sum', 'proj')).toBe(EXP_PROJ);
    expect(a('expenditure', '2120102', 'proj')).toBe('404.40');
  });

  it('04: three fund columns, openings and closings by fund, 合计 = the fund columns', () => {
    expect(a('fiscalIncomeExpenditure', 'inc.total', 'amount')).toBe(FISCAL_INC);
    expect(a('fiscalIncomeExpenditure', 'open.total', 'amount')).toBe(FISCAL_OPEN);
    expect(a('fiscalIncomeExpenditure', 'open.gf', 'amount')).toBe(GF.open);
    expect(a('fiscalIncomeExpenditure', 'exp.total', 'gpb')).toBe(GPB_TOTAL);
    expect(a('fiscalIncomeExpenditure', 'exp.total', 'gf')).toBe(GF.proj);
    expect(a('fiscalIncomeExpenditure', 'exp.total', 'soe')).toBe(SOE.proj);
    expect(a('fiscalIncomeExpenditure', 'exp.total', 'all')).toBe(FISCAL_EXP);
    expect(a('fiscalIncomeExpenditure', 'close.gpb', 'all')).toBe(CLOSE_GPB);
    expect(CLOSE_GPB).toBe('11.25');
    expect(a('fiscalIncomeExpenditure', 'close.gf', 'all')).toBe(CLOSE_GF);
    expect(a('fiscalIncomeExpenditure', 'close.soe', 'all')).toBe('0.00');
    expect(a('fiscalIncomeExpenditure', 'close.total', 'all')).toBe(sum(CLOSE_GPB, CLOSE_GF, CLOSE_SOE));
    expect(a('fiscalIncomeExpenditure', 'inc.grand', 'amount')).toBe(sum(FISCAL_INC, FISCAL_OPEN));
    expect(a('fiscalIncomeExpenditure', 'exp.grand', 'all')).toBe(sum(FISCAL_INC, FISCAL_OPEN));
    expect(a('fiscalIncomeExpenditure', '212', 'gf')).toBe(GF.proj);
    expect(a('fiscalIncomeExpenditure', '223', 'soe')).toBe(SOE.proj);
  });

  it('06/07/08/09 and the key figures', () => {
    expect(a('basicExpenditure', 'personnel', 'amount')).toBe(PERSONNEL);
    expect(a('basicExpenditure', 'public', 'amount')).toBe(PUBLIC);
    expect(sum(PERSONNEL, PUBLIC)).toBe(GPB_BASIC);
    // 307/399 are printed only where used: this department has none.
    expect(e.has('basicExpenditure', '399', 'amount')).toBe(false);
    expect(e.has('basicExpenditure', '307', 'amount')).toBe(false);
    expect(a('govFund', 'sum', 'close')).toBe(CLOSE_GF);
    expect(a('stateCapital', 'sum', 'total')).toBe(SOE.proj);
    expect(a('sangong', 'bud', 'total')).toBe(sum('25.00', '5.00'));
    expect(a('sangong', 'act', 'total')).toBe(sum('21.00', '3.60'));
    expect(e.figure('personnelShare')?.toFixed(2)).toBe(share(PERSONNEL, GPB_BASIC));
    expect(e.figure('publicShare')?.toFixed(2)).toBe(share(PUBLIC, GPB_BASIC));
    expect(share(PUBLIC, GPB_BASIC)).toBe('20.63');
    expect(e.figure('sangongRate')?.toFixed(2)).toBe('82.00');
    expect(e.figure('budgetRate')?.toFixed(2)).toBe(share(GPB_TOTAL, '1580.00'));
  });

  it('every 审核 rule passes', () => {
    expect(e.audit()).toEqual([]);
  });

  it('the 情况说明 follows the national outline with two decimals and thousands separators', () => {
    const text = narrativePlainText(renderNarrative(e));
    const headings = text.split('\n').filter((l) => /^[一二三四五六七八九十]+、/.test(l));
    expect(headings.slice(2).map((h) => h.replace(/、.*/, ''))).toEqual(['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四']);
    expect(headings[8]).toBe('七、政府性基金预算财政拨款收入支出决算情况说明');
    expect(headings[10]).toBe('九、财政拨款“三公”经费支出决算情况说明');
    expect(text).toContain(`2023年度收、支总计2,590.80万元。与上年相比，增加${minus(GRAND, '2401.36')}万元，增长${share(minus(GRAND, '2401.36'), '2401.36')}%`);
    expect(text).toContain(`一般公共预算财政拨款收入1,590.00万元，占${share(INC_GPB, INC_TOTAL)}%；政府性基金预算财政拨款收入800.00万元，占${share('800.00', INC_TOTAL)}%；国有资本经营预算财政拨款收入60.00万元，占${share('60.00', INC_TOTAL)}%`);
    expect(text).toContain('人员经费979.90万元，占79.37%');
    expect(text).toContain('2023年度政府性基金预算财政拨款收入800.00万元，支出780.00万元，年末结转和结余70.00万元。');
    expect(text).toContain('2023年度国有资本经营预算财政拨款支出60.00万元。');
    expect(text).toContain('完成年初预算的100.70%，决算数大于年初预算数的主要原因是年中追加城市管理专项经费');
    // 三公 决算 24.60 against last year's 0 + 23.50 + 4.10 = 27.60.
    expect(text).toContain(`支出决算为24.60万元，完成预算的82.00%，决算数小于预算数的主要原因是厉行节约，压减公务用车运行维护和公务接待支出。与上年相比，减少${minus(sum('0.00', '23.50', '4.10'), '24.60')}万元，下降${share(minus('27.60', '24.60'), '27.60')}%。`);
    expect(text).not.toContain('【');
  });

  it('a 0.01 residue between the two sides is a 提示 naming the cells, not a silent 年末结转', () => {
    e.setInput('incomeExpenditure', 'exp.close', 'amount', '105.24');
    const f = e.audit().find((x) => x.ruleId === 'N01-balance');
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('相差 0.01');
    expect(f?.cells).toContainEqual({ sheet: 'incomeExpenditure', row: 'inc.grand', col: 'amount' });
    e.setInput('incomeExpenditure', 'exp.close', 'amount', '100.00');
    expect(e.audit().find((x) => x.ruleId === 'N01-balance')?.severity).toBe('error');
    e.setInput('incomeExpenditure', 'exp.close', 'amount', CLOSE);
    expect(e.audit()).toEqual([]);
  });

  it('年初预算 is the stated figure; the 项 budgets summing to another is a 提示', () => {
    e.setInput('sup', 'budget.2120101', 'value', '976.00');
    const f = e.audit().find((x) => x.ruleId === 'BUDGET-sum');
    expect(f?.severity).toBe('warning');
    expect(e.figure('budgetTotal')?.toFixed(2)).toBe('1580.00');
    e.setInput('sup', 'budget.2120101', 'value', '975.00');
  });
});

describe('national-2022 asks only for what it uses', () => {
  it('every 补充资料 input and text is read by its narrative, figures, 审核 or 从上年结转', async () => {
    const { NATIONAL_2022: t } = await import('../../sheets');
    const used = JSON.stringify([t.narrative, t.figures, t.audit, t.carryOver, t.supplement.flatMap((s) => s.fields.map((f) => f.formula ?? ''))]);
    const inputs = t.supplement.flatMap((s) => s.fields.filter((f) => !f.formula).map((f) => f.id));
    expect(inputs.filter((id) => !used.includes(`sup:${id}:`) && !used.includes(`{${id}:`) && !used.includes(`"${id}"`))).toEqual([]);
    const texts = t.texts.map((x) => x.id);
    expect(texts.filter((id) => !JSON.stringify(t.narrative).includes(`"${id}"`))).toEqual([]);
  });
});
