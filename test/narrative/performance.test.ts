// 第五部分 附件 部门整体支出绩效自评报告 of the Lanshan example against the reference document
// (shared/seed 000_70df7f16e64b8dde.txt, after 第四部分 名词解释): each derived figure, the indicator
// sheet's subtotals and total, edits that change them live, gaps marked 【缺】 and listed by the 审核.
import { describe, expect, it } from 'vitest';
import { type WorkbookEngine } from '../../src/engine';
import { exampleDocument, openWorkbook } from '../../src/app/templates';
import { indicatorTable, narrativePlainText, partFindings, renderPart, UnknownPartError } from '../../src/engine/narrative';

const open = () => openWorkbook(exampleDocument());
const lines = (e: WorkbookEngine) => narrativePlainText(renderPart(e, 'performance')).split('\n');
const line = (e: WorkbookEngine, start: string) => {
  const found = lines(e).find((l) => l.startsWith(start));
  if (!found) throw new Error(`no line starting ${start}`);
  return found;
};
const perf = (e: WorkbookEngine, row: string, col = 'value') => e.amount('perf', row, col)?.toFixed(2);

describe('绩效自评报告 of the example reproduces the reference', () => {
  const e = open();

  it('prints the reference’s sentences where its figures agree with the tables', () => {
    // Verbatim lines of the reference.
    for (const ref of [
      '核定人员编制83人，实有在职在编人数62人，退休人员2人，公车改革后，现有车辆编制0台。',
      '2021年，我单位积极履职，强化管理，较好地完成了年度工作目标。根据部门整体支出绩效评价指标体系，我单位2021年度评价得分为98分。部门整体支出绩效情况如下：',
      '（一）投入10分。',
      '预算配置得10分。其中：在职人员控制率：在职62人/编制83人*100%=74.70%，得5分；“三公”经费预算数无变动，变动率等于0，得5分。',
      '（二）过程50分。',
      '2、预算管理得30分。政府采购执行率得6分；管理制度健全有相关财务管理制度等得8分；资金使用符合规定得6分；预决算信息公开按规定内容在规定时限在县政府门户网站公开，基础信息完善，得10分。',
      '（三）产出及效率得38分。',
      '1、职责履行得10分。',
      '2、产出指标内容得10分：',
      '指标1：事项办件量≥50000件，得2.5分。',
      '指标2：事项办结率≥99%，得2.5分。',
      '指标3：事项办理时间≤30天，得2.5分。',
      '指标4：培训会议人均经费≤60元/人，得2.5分。',
      '3、效益指标方面得10分：',
      '指标1：事项梳理完成度≥99%，得2.5分。',
      '指标2：“一件事一次办”事项≥210件，得2.5分。',
      '指标3：优化办事效率≥99%，得2.5分。',
      '指标4：提高办事便利度≥99%，得2.5分。',
      '4、社会公众或服务对象满意度得8分：在年度绩效考核中成绩优异，服务对象满意度需进一步提升。',
    ]) {
      expect(lines(e)).toContain(ref);
    }
    expect(lines(e).slice(0, 2)).toEqual(['第五部分 附件', '2021年度部门整体支出绩效评价报告']);
  });

  it('computes the indicators: 74.70%, 三公 change 0, 预算完成率 99.35%, 培训会议人均经费 40元/人 ≤ 60', () => {
    // 在职人员控制率 = 62 ÷ 83 × 100 = 74.6987… → 74.70 (≤ 100: 5 of 5).
    expect(perf(e, 'staffControl')).toBe('74.70');
    expect(perf(e, 'staffControl', 'score')).toBe('5.00');
    // “三公”经费预算 60.00 against last year's 60.00 (the reference: 预算数无变动): 0% (≤ 0: 5).
    expect(perf(e, 'sangongChange')).toBe('0.00');
    // 预算完成率 = 1576.05 ÷ 1586.44 × 100 = 99.345… → 99.35 (≥ 95: 5).
    expect(perf(e, 'budgetRate')).toBe('99.35');
    // 预算控制率 = 机关运行经费 596.17 ÷ 年初预算 745.99 × 100 = 79.92 (≤ 100: 5).
    expect(perf(e, 'budgetControl')).toBe('79.92');
    // 培训会议人均经费 = (0.52 + 1.58)万元 × 10000 ÷ (130 + 395)人 = 21000 ÷ 525 = 40.00 元/人 ≤ 60: 2.5.
    expect(perf(e, 'output4')).toBe('40.00');
    expect(perf(e, 'output4', 'max')).toBe('60.00');
    expect(perf(e, 'output4', 'score')).toBe('2.50');
  });

  it('sums the indicator sheet: 投入 10, 过程 50 (20 + 30), 产出及效率 38 (10 + 10 + 10 + 8), total 98 of 100', () => {
    const score = (row: string) => perf(e, row, 'score');
    expect([score('g.config'), score('s.input')]).toEqual(['10.00', '10.00']);
    expect([score('g.execution'), score('g.management'), score('s.process')]).toEqual(['20.00', '30.00', '50.00']);
    expect([score('g.duties'), score('g.output'), score('g.benefit'), score('g.satisfaction'), score('s.output')]).toEqual(['10.00', '10.00', '10.00', '8.00', '38.00']);
    expect(score('total')).toBe('98.00');
    expect(perf(e, 'total', 'weight')).toBe('100.00');
  });

  it('says where the reference’s report disagrees with its own tables', () => {
    // Reference: “预算完成率100%得5分；预算控制率得5分”. Its own 情况说明 (五（三）) prints
    // 1576.05 ÷ 1586.44 = 99.35%; the report’s 100% is not what the tables give.
    expect(line(e, '1、预算执行得')).toBe('1、预算执行得20分。预算完成率99.35%得5分；预算控制率79.92%得5分；无新建楼堂馆所得10分。');
    // Reference: “全年实际支出1576.05元；结余财政资金0元” — 元 where the tables are in 万元.
    expect(line(e, '我单位2021年收到财政资金')).toBe(
      '我单位2021年收到财政资金1576.05万元。其中基本支出1576.05万元，项目支出0万元；2021年全年实际支出1576.05万元；结余财政资金0万元。基本支出结余0万元，项目支出结余0万元。',
    );
  });

  it('has nothing missing in the example, and lists the indicator sheet with targets and sources', () => {
    expect(partFindings(e)).toEqual([]);
    const table = indicatorTable(e);
    const staff = table.find((r) => r.id === 'staffControl')!;
    expect(staff).toMatchObject({ name: '在职人员控制率', target: '≤ 100', unit: '%', weight: '5' });
    expect(staff.value).toMatchObject({ kind: 'figure', text: '74.70' });
    // Hover names the inputs, a click goes to the first (补充资料 实有在职在编人数).
    expect(staff.value?.kind === 'figure' && staff.value.source).toMatchObject({
      kind: 'formula',
      formula: '在职人数 ÷ 编制人数 × 100%',
      cells: [
        { sheet: 'sup', row: 'staff.actual', col: 'value' },
        { sheet: 'sup', row: 'staff.quota', col: 'value' },
      ],
    });
    expect(table.find((r) => r.id === 'output1')).toMatchObject({ name: '事项办件量', target: '≥ 50000', unit: '件' });
    expect(table.find((r) => r.id === 'total')!.score).toMatchObject({ text: '98' });
    // A score given by hand keeps its reason.
    expect(table.find((r) => r.id === 'procurement')!.override).toMatchObject({ text: '6', reason: '自评报告只列得分，未列实际值' });
  });

  it('refuses an unknown part by name', () => {
    expect(() => renderPart(e, 'nope')).toThrow(UnknownPartError);
  });
});

describe('edits change the indicator, the score and the sentence live', () => {
  it('在职人数 above 编制: control rate 108.43% misses ≤ 100, scores 0, total 93', () => {
    const e = open();
    e.setInput('sup', 'staff.actual', 'value', '90');
    // 90 ÷ 83 × 100 = 108.433… → 108.43
    expect(perf(e, 'staffControl')).toBe('108.43');
    expect(perf(e, 'staffControl', 'met')).toBe('0.00');
    expect(perf(e, 'staffControl', 'score')).toBe('0.00');
    expect(perf(e, 's.input', 'score')).toBe('5.00');
    expect(perf(e, 'total', 'score')).toBe('93.00');
    expect(line(e, '预算配置得')).toBe('预算配置得5分。其中：在职人员控制率：在职90人/编制83人*100%=108.43%，得0分；“三公”经费预算数无变动，变动率等于0，得5分。');
    expect(line(e, '2021年，我单位')).toContain('评价得分为93分');
  });

  it('培训费 3.00: (0.52 + 3.00) × 10000 ÷ 525 = 67.05 元/人 > 60, indicator 4 scores 0, total 95.5', () => {
    const e = open();
    e.setInput('sup', 'training.amount', 'value', '3');
    expect(perf(e, 'output4')).toBe('67.05');
    expect(perf(e, 'output4', 'score')).toBe('0.00');
    expect(perf(e, 'g.output', 'score')).toBe('7.50');
    expect(perf(e, 'total', 'score')).toBe('95.50');
    expect(lines(e)).toContain('指标4：培训会议人均经费≤60元/人，得0分。');
    expect(lines(e)).toContain('2、产出指标内容得7.5分：');
  });

  it('a score by hand replaces the rule’s; without a reason the 审核 asks for one; above the weight it is an error', () => {
    const e = open();
    e.setInput('sup', 'staff.actual', 'value', '90');
    e.setInput('sup', 'perf.score.staffControl', 'value', '4');
    expect(perf(e, 'staffControl', 'score')).toBe('4.00');
    expect(perf(e, 'total', 'score')).toBe('97.00');
    expect(partFindings(e).map((f) => f.rowId)).toEqual(['P-score:reason:staffControl']);
    e.setText('perf.reason.staffControl', '年中机构改革划入人员');
    expect(partFindings(e)).toEqual([]);
    e.setInput('sup', 'perf.judged.satisfaction', 'value', '12');
    expect(partFindings(e)).toMatchObject([{ rowId: 'P-score:satisfaction', severity: 'error', message: '绩效评价指标“社会公众或服务对象满意度”得分12分，应在0至10分之间' }]);
  });
});

describe('missing inputs are marked 【缺】 and listed by the 审核', () => {
  it('no 编制人数: the rate, its score, the subtotals and the total wait for it', () => {
    const e = open();
    e.setInput('sup', 'staff.quota', 'value', '');
    expect(e.value('perf', 'staffControl', 'value')).toBe('');
    expect(line(e, '预算配置得')).toBe(
      '预算配置得【缺：核定人员编制（人）】分。其中：在职人员控制率：在职62人/编制【缺：核定人员编制（人）】人*100%=【缺：核定人员编制（人）】%，得【缺：核定人员编制（人）】分；“三公”经费预算数无变动，变动率等于0，得5分。',
    );
    expect(line(e, '2021年，我单位')).toContain('评价得分为【缺：核定人员编制（人）】分');
    const findings = partFindings(e);
    expect(findings.find((f) => f.ruleId === 'P-indicator')).toMatchObject({
      severity: 'warning',
      message: '绩效评价指标“在职人员控制率”缺少核定人员编制（人），无法评分（标为【缺】）',
      cells: [{ sheet: 'sup', row: 'staff.quota', col: 'value' }],
    });
    expect(findings.find((f) => f.ruleId === 'P-input')?.message).toContain('缺少核定人员编制（人），部门整体支出绩效自评报告');
  });

  it('a new workbook lists every indicator it cannot score, and its own texts', () => {
    const e = open();
    const doc = e.document();
    e.replaceDocument({ ...doc, inputs: { ...doc.inputs, sup: {} }, texts: {} });
    const indicators = partFindings(e).filter((f) => f.ruleId === 'P-indicator');
    // 2 投入 + 7 过程 + 10 产出及效率: every one lacks an input (or, judged, its score).
    expect(indicators).toHaveLength(19);
    expect(partFindings(e).some((f) => f.ruleId === 'P-text' && f.message.includes('存在的问题'))).toBe(true);
  });
});
