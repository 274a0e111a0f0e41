// The 500-code workbook passes the same correctness checks as the example.
import { describe, expect, it } from 'vitest';
import { largeWorkbook } from '../../bench/large-workbook';
import { openWorkbook, restoreDocument } from '../../src/app/templates';
import { missingInputs, narrativePlainText, renderNarrative } from '../../src/engine/narrative';

const yuan = (cents: number) => (cents / 100).toFixed(2);
/** The narrative's plain style: 2 dp with trailing zeros dropped (1543.20 → 1543.2, 0.00 → 0). */
const plain = (cents: number) => String(Number(yuan(cents)));
/** part/whole in %, half-up to 2 dp, plain style; exact in integers. */
function pct(part: number, whole: number): string {
  const hundredths = (BigInt(part) * 20000n + BigInt(whole)) / (2n * BigInt(whole));
  return plain(Number(hundredths));
}

describe('500-code workbook', () => {
  const { doc, expected } = largeWorkbook();
  const { doc: restored } = restoreDocument(JSON.parse(JSON.stringify(doc)));
  const e = openWorkbook(restored);

  it('lays out 合计 + 20 classes + 100 款 + 500 项 in 05', () => {
    expect(expected.itemCount).toBe(500);
    const s = e.sheet('t05');
    expect(s.rowKinds.filter((k) => k === 'item').length).toBe(500);
    expect(s.rowKinds.filter((k) => k === 'class').length).toBe(120);
  });

  it('totals equal the generator’s exact sums', () => {
    expect(e.amount('t05', 'sum', 'total')?.toFixed(2)).toBe(yuan(expected.t05Total));
    expect(e.amount('t05', 'sum', 'basic')?.toFixed(2)).toBe(yuan(expected.t05Basic));
    expect(e.amount('t03', 'sum', 'total')?.toFixed(2)).toBe(yuan(expected.t03Total));
    expect(e.amount('t02', 'sum', 'total')?.toFixed(2)).toBe(yuan(expected.t02Total));
    expect(e.amount('t01', 'exp.total', 'amount')?.toFixed(2)).toBe(yuan(expected.t03Total));
    expect(e.amount('t06', 'personnel', 'amount')?.toFixed(2)).toBe(yuan(expected.personnel));
    expect(e.amount('t06', 'public', 'amount')?.toFixed(2)).toBe(yuan(expected.public));
    expect(e.amount('t01', 'inc.grand', 'amount')?.toFixed(2)).toBe(e.amount('t01', 'exp.grand', 'amount')?.toFixed(2));
  });

  it('has no audit finding', () => {
    expect(e.audit()).toEqual([]);
  });

  it('an edit flows to every total', () => {
    const code = doc.codes.gpb[250]!;
    const before = e.amount('t05', 'sum', 'total')!;
    const old = e.amount('t05', code, 'basic')!;
    e.setInput('t05', code, 'basic', old.plus(100).toFixed(2));
    expect(e.amount('t05', 'sum', 'total')?.toFixed(2)).toBe(before.plus(100).toFixed(2));
    // This 项 has 非财政拨款: its 03 figure is typed and stays, so 05 now exceeds it (an error,
    // never a silently negative 非财政拨款); cleared, 03 follows 05 and only 05 vs 06 disagrees.
    expect(e.typeOverState('t03', code, 'basic')).toBe('typed');
    const typed = e.amount('t03', code, 'basic')!;
    expect(typed.lt(old.plus(100))).toBe(true);
    expect(e.audit().map((f) => f.ruleId)).toEqual(['X56-1', 'NF-1-basic', 'X35-1']);
    expect(e.amount('sup', `nonfiscal.basic.${code}`, 'value')?.toFixed(2)).toBe(typed.minus(old.plus(100)).toFixed(2));
    e.setInput('t03', code, 'basic', null);
    expect(e.typeOverState('t03', code, 'basic')).toBe('following');
    expect(e.audit().map((f) => f.ruleId)).toEqual(['X56-1']);
    expect(e.amount('t03', code, 'basic')?.toFixed(2)).toBe(old.plus(100).toFixed(2));
    expect(e.amount('sup', `nonfiscal.basic.${code}`, 'value')?.toFixed(2)).toBe('0.00');
  });

  it('renders the 情况说明 with every figure and no gap', () => {
    const fresh = openWorkbook(restored);
    expect(missingInputs(fresh)).toEqual([]);
    const text = narrativePlainText(renderNarrative(fresh));
    expect(text).not.toMatch(/NaN|Infinity|undefined|null|【/);
    // 收支总计: income (02) plus the opening balance the generator sets (covers 03, plus 15,000.00).
    const grand = expected.t02Total + Math.max(0, expected.t03Total - expected.t02Total) + 1500000;
    expect(text).toContain(`2021年度收、支总计${plain(grand)}万元。`);
    // 六: 基本支出 split 65/35 into 人员经费 and 公用经费 by the generator.
    expect(text).toContain(`2021年度财政拨款基本支出${plain(expected.t05Basic)}万元，其中：人员经费${plain(expected.personnel)}万元，占基本支出的${pct(expected.personnel, expected.t05Basic)}%`);
    expect(text).toContain(`公用经费${plain(expected.public)}万元，占基本支出的${pct(expected.public, expected.t05Basic)}%`);
    // 十一: 机关运行经费 = 80% of 公用经费 against a budget of 90%.
    const opex = Math.floor(expected.public * 0.8);
    const budget = Math.floor(expected.public * 0.9);
    expect(text).toContain(`机关运行经费支出${plain(opex)}万元，比年初预算数减少${plain(budget - opex)}万元，降低${pct(budget - opex, budget)}%。`);
    // 政府采购: 2,500 + 12,000 + 8,300 = 22,800 万元; 中小企业 15,000 = 65.79%.
    expect(text).toContain('政府采购支出总额22800万元');
    expect(text).toContain('授予中小企业合同金额15000万元，占政府采购支出总额的65.79%');
    // Every 项 has its own sentence with budget, actual and the user's reason.
    expect(text.match(/^\d+、.*（项）。$/gm)).toHaveLength(expected.itemCount);
    expect(text.match(/完成年初预算的[\d.]+%，决算数[大小等]/g)?.length).toBeGreaterThanOrEqual(expected.itemCount);
  });
});
