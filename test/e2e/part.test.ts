// The 绩效自评 tab (第五部分 附件 部门整体支出绩效自评报告) in real Chromium against the built app:
// the example's report as the reference prints it, the indicator sheet's 98 points, hover source and
// jump to the input, and edits of 在职人数 and 培训费 in 补充资料 that change the indicator, the
// score and the sentence live; a score by hand with its reason; gaps listed by the 审核.
import { describe, expect, it } from 'vitest';
import { useAppFixture } from './pages/app-fixture';
import { PartPage } from './pages/part-page';

const app = useAppFixture();

async function open(): Promise<PartPage> {
  const part = new PartPage(await app.open());
  await part.open();
  return part;
}

describe('绩效自评 tab', () => {
  it('shows the example’s report and indicator sheet: 74.70%, 40元/人 ≤ 60, 98 points', async () => {
    const p = await open();
    expect(await p.paragraph('p3/in.cfg')).toBe('预算配置得10分。其中：在职人员控制率：在职62人/编制83人*100%=74.70%，得5分；“三公”经费预算数无变动，变动率等于0，得5分。');
    expect(await p.paragraph('p3/lead')).toContain('我单位2021年度评价得分为98分。');
    expect(await p.paragraph('p3/out.output.4')).toBe('指标4：培训会议人均经费≤60元/人，得2.5分。');
    expect(await p.indicator('staffControl')).toEqual({ name: '在职人员控制率', target: '≤ 100', value: '74.70', score: '5' });
    expect(await p.indicator('output4')).toEqual({ name: '培训会议人均经费', target: '≤ 60', value: '40', score: '2.5' });
    expect((await p.indicator('total')).score).toBe('98');
    const text = await p.documentText();
    expect(text).not.toMatch(/NaN|Infinity|undefined|【/);
    await p.scrollTo('p3/lead');
    await p.wb.screenshot('part-performance-example');
    await p.scrollTo('sheet');
    await p.wb.screenshot('part-performance-sheet');
  });

  it('hover names the formula; a click opens 补充资料 at 在职人数', async () => {
    const p = await open();
    const fig = p.valueFigure('staffControl');
    expect(await fig.getAttribute('title')).toContain('在职人数 ÷ 编制人数 × 100%');
    await fig.click();
    expect(await p.wb.currentTab()).toBe('sup');
    expect(await p.wb.selectedCell()).toBe('staff.actual|value');
    await p.wb.screenshot('part-performance-jump-to-supplement');
  });

  it('在职人数 90 and 培训费 3.00 in 补充资料 change the indicators, the scores and the sentences live', async () => {
    const p = await open();
    await p.wb.edit('sup', 'staff.actual', 'value', '90');
    await p.open();
    // 90 ÷ 83 × 100 = 108.43% > 100: 0 of 5, total 93.
    expect(await p.paragraph('p3/in.cfg')).toBe('预算配置得5分。其中：在职人员控制率：在职90人/编制83人*100%=108.43%，得0分；“三公”经费预算数无变动，变动率等于0，得5分。');
    expect(await p.indicator('staffControl')).toMatchObject({ value: '108.43', score: '0' });
    expect((await p.indicator('total')).score).toBe('93');
    await p.wb.edit('sup', 'training.amount', 'value', '3');
    await p.open();
    // (0.52 + 3.00) × 10000 ÷ (130 + 395) = 67.05 元/人 > 60: 0 of 2.5, total 90.5.
    expect(await p.indicator('output4')).toMatchObject({ value: '67.05', score: '0' });
    expect(await p.paragraph('p3/out.output.4')).toBe('指标4：培训会议人均经费≤60元/人，得0分。');
    expect(await p.paragraph('p3/lead')).toContain('评价得分为90.5分。');
    await p.scrollTo('p3/in.cfg');
    await p.wb.screenshot('part-performance-edited');
  });

  it('a score by hand needs a reason (审核 提示 until given); a blank 编制 is 【缺】 and listed', async () => {
    const p = await open();
    await p.wb.edit('sup', 'staff.actual', 'value', '90');
    await p.open();
    await p.override('staffControl', '4');
    expect((await p.indicator('total')).score).toBe('97');
    // The 审核 follows when the page is idle after the edit.
    await expect.poll(async () => (await p.wb.auditRows()).map((r) => r.title)).toContain('调整得分缺少理由');
    await p.open();
    await p.override('staffControl', '4', '年中机构改革划入人员');
    await expect.poll(async () => (await p.wb.auditRows()).map((r) => r.title)).not.toContain('调整得分缺少理由');

    await p.wb.select('sup', 'staff.quota', 'value');
    await p.page.keyboard.press('Delete');
    await p.open();
    expect(await p.paragraph('p1.2/p')).toBe('核定人员编制【缺：核定人员编制（人）】人，实有在职在编人数90人，退休人员2人，公车改革后，现有车辆编制0台。');
    // The hand-given score stands; the rate itself cannot be computed.
    expect(await p.indicator('staffControl')).toMatchObject({ value: '【缺】', score: '4' });
    await expect
      .poll(async () => (await p.wb.auditRows()).map((r) => r.message))
      .toContain('缺少核定人员编制（人），部门整体支出绩效自评报告“一、部门概况”、“三、预算执行与管理情况”无法写出该数字');
    await p.open();
    await p.scrollTo('p1.2/p');
    await p.wb.screenshot('part-performance-missing');
  });
});
