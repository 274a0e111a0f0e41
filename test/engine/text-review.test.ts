// 表文核对 (issue #16 item 3): a published 情况说明 read against the workbook. The recorded text
// inconsistencies of both Shanghai examples (shared/reference/examples/*.json `inconsistencies`)
// are found one by one, the Lanshan reference's one slip is its only finding, the workbook's own
// generated text checks clean, and an error of every class planted in a real text is found.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkbook, restoreDocument } from '../../src/app/templates';
import { narrativePlainText, renderNarrative } from '../../src/engine/narrative';
import { readPublishedText, readText, reviewNarrativeText, TEXT_FINDING_CLASS, type TextFinding } from '../../src/engine/text-review';
import { EXAMPLES } from '../../sheets/examples';
import { REFERENCE_PART3 } from '../narrative/reference-part3';

const engineOf = (id: string) => openWorkbook(restoreDocument(EXAMPLES.find((x) => x.id === id)!.doc).doc);
const published = (slug: string) => readFileSync(join(__dirname, '..', 'fixtures', 'text-review', `${slug}.txt`), 'utf8');
/** class, then what is marked (blanks and page markers squeezed out). */
const brief = (f: TextFinding) => `${f.class} ${f.written.replace(/\s+/g, '').replace(/=+page\d+\/\d+=+/g, '')}`;

function review(id: string, text: string): TextFinding[] {
  const e = engineOf(id);
  const out = reviewNarrativeText(e, text);
  e.destroy();
  return out;
}

describe('reading a text', () => {
  it('finds headings, sentences and numbers with their units; skips years, dates and item numbers', () => {
    const r = readText('一、收入支出决算总体情况说明\n2024年度收入支出总计2,995.39万元，占 99.79 %；车辆9辆。\n1、截至2024年12月31日，单价100万元设备2台（套）。');
    expect(r.headings.map((h) => [h.title, h.depth])).toEqual([['一、收入支出决算总体情况说明', 1]]);
    expect(r.numbers.map((n) => [n.written, n.unit, n.label])).toEqual([
      ['2,995.39', 'amount', 'Y年度收入支出总计'],
      ['99.79', 'pct', 'Y年度收入支出总计#万元，占'],
      ['9', 'count', '车辆'],
      ['100', 'amount', '#、截至Y年#月#日，单价'],
      ['2', 'count', '#、截至Y年#月#日，单价#万元设备'],
    ]);
    expect(r.sentences.filter((s) => !s.heading).map((s) => s.body)).toEqual(['2024年度收入支出总计2,995.39万元，占 99.79 %；', '车辆9辆。', '1、截至2024年12月31日，单价100万元设备2台（套）。']);
  });

  it('reads a sentence across a PDF line wrap and a page break, marking the number in place', () => {
    const text = '人员经费2152.26万元，主要包括：基本工资、劳\n\n===== page 26 / 31 =====\n务费；公用经费\n184.65\n万元。';
    const r = readText(text);
    expect(r.sentences.map((s) => s.body.replace(/\s+/g, ''))).toEqual(['人员经费2152.26万元，主要包括：基本工资、劳务费；', '公用经费184.65万元。']);
    const n = r.numbers[1]!;
    expect([n.written, n.label, text.slice(n.start, n.unitEnd)]).toEqual(['184.65', '公用经费', '184.65\n万元']);
  });

  it('reads no number in the tables’ part of a whole document, none across two lines, no page number', () => {
    const r = readText('第二部分 某局2024年度部门决算表\n本年收入合计\n1,576.05\n12.50\n第三部分 某局2024年度部门决算情况说明\n本年收入合计\n1,576.05\n12.50\n- 21 -\n');
    expect(r.numbers.map((n) => [n.written, n.label])).toEqual([
      ['1,576.05', '本年收入合计'],
      ['12.50', '本年收入合计#'],
    ]);
  });

  it('takes the direction of a change from the words before it', () => {
    const r = readText('收入支出总计减少56.95万元，下降1.87%；机关运行经费比上年增加2.55万元，增长1.40%。');
    expect(r.numbers.map((n) => n.direction)).toEqual(['-', '-', '+', '+']);
  });
});

describe('上海市普陀区财政局 2024: the published 情况说明 against its tables', () => {
  const text = published('sh-putuo-czj-2024');
  const findings = review('sh-putuo-czj-2024', text);

  it('finds each recorded text inconsistency, one by one', () => {
    const has = (cls: string, written: string) => findings.some((f) => brief(f) === `${cls} ${written}`);
    // 8. 四 gives 财政拨款收入支出总计 as 0.3万元; 04 总计 2,961.68.
    const f8 = findings.find((f) => brief(f) === 'wrong-value 0.3万元')!;
    expect([f8.severity, f8.expected, f8.figure?.label]).toEqual(['error', '2,961.69万元', '财政拨款收入支出总计']);
    expect(f8.message).toContain('表中印刷为 2,961.68万元');
    // 9. 四 says 持平, then gives a reason for a decrease.
    expect(has('contradiction', '持平')).toBe(true);
    // 10. 一般公共服务支出 share 71.73% (71.65%); the four shares sum to 100.07.
    expect(findings.find((f) => brief(f) === 'wrong-value 71.73%')?.expected).toBe('71.65%');
    expect(findings.find((f) => f.class === 'share-sum')?.message).toContain('100.07%');
    // 11. the 11 item budgets sum to 2,993.93 against the stated 2,993.92.
    expect(findings.find((f) => f.class === 'sum' && f.written.startsWith('2993.92'))?.message).toContain('11 项之和 2,993.93万元');
    // 12. item 2 (2010602) described as 基本支出; its 10.00 is all 项目支出.
    expect(findings.find((f) => f.class === 'mention')?.message).toContain('2010602');
    // 13. 六 lists 个人农业生产补贴 (30310 blank) and omits 奖励金 (30309 0.31).
    expect(has('items', '个人农业生产补贴')).toBe(true);
    expect(findings.some((f) => f.class === 'items' && f.message.includes('奖励金') && f.message.includes('0.31'))).toBe(true);
    // 14. completion rates for blank budgets (因公出国, 公务用车).
    expect(findings.filter((f) => f.class === 'no-base').map((f) => f.figure?.cells[0]?.col)).toEqual(['abroad', 'car']);
    // 15. 政府采购 251.25 against 4.79 + 0 + 246.47 = 251.26.
    expect(findings.find((f) => f.class === 'sum' && f.written.startsWith('251.25'))?.message).toContain('4.79 + 0.00 + 246.47 = 251.26万元');
  });

  it('lists nothing else but the text quoting the tables’ own printed slips (once per figure)', () => {
    expect(findings.map(brief)).toEqual([
      'table-slip 2995.39万元',
      'table-slip 2946.25万元',
      'table-slip 2940.05万元',
      'table-slip 2940.05万元',
      'table-slip 2336.91万元',
      'wrong-value 0.3万元',
      'contradiction 持平',
      'table-slip 2940.05万元',
      'share-sum 71.73%',
      'wrong-value 71.73%',
      'sum 2993.92万元',
      'mention 基本支出',
      'table-slip 2336.91万元',
      'table-slip 2152.26万元',
      'items 主要包括',
      'items 个人农业生产补贴',
      'table-slip 184.65万元',
      'no-base 0%',
      'no-base 0%',
      'sum 251.25万元',
    ]);
    // 02 ≠ 03 (其他收入 unspent), 01 收入 ≠ 支出: legitimate, not text errors; 56.95 and 63.14 follow
    // the printed totals (2,995.39, 2,940.05), so they are not reported apart from those slips.
    expect(findings.filter((f) => f.class === 'wrong-value').map((f) => f.written)).toEqual(['0.3万元', '71.73%']);
  });

  it('matches nearly every number of the text to a figure of the workbook', () => {
    const e = engineOf('sh-putuo-czj-2024');
    const r = readPublishedText(e, text);
    e.destroy();
    expect(r.matches.length).toBe(101);
    // Unmatched: 单价100万元 (words of the template, not a figure).
    expect(r.matches.filter((m) => !m.figure).map((m) => m.number.written)).toEqual(['100']);
  });
});

describe('上海市普陀区生态环境局 2025: the published 情况说明 against its tables', () => {
  const findings = review('sh-putuo-sthj-2025', published('sh-putuo-sthj-2025'));

  it('finds each recorded text inconsistency, one by one', () => {
    const has = (cls: string, written: string) => findings.some((f) => brief(f) === `${cls} ${written}`);
    // 5. 六 lists 咨询费 (06 has no 30203).
    expect(has('items', '咨询费')).toBe(true);
    // 6. item budgets 4,628.16 against the stated 4,628.17.
    expect(findings.find((f) => f.class === 'sum')?.message).toContain('20 项之和 4,628.16万元');
    // 7. 人员经费 lists 其他对个人和家庭的补助 (0.00), omits 其他工资福利支出 (81.77); 公用经费 lists
    // 手续费, 专用材料费, 劳务费, 委托业务费 (0.00).
    expect(has('items', '其他对个人和家庭的补助')).toBe(true);
    expect(findings.some((f) => f.class === 'items' && f.message.includes('其他工资福利支出') && f.message.includes('81.77'))).toBe(true);
    for (const name of ['手续费', '专用材料费', '劳务费', '委托业务费']) expect(has('items', name), name).toBe(true);
    // 8. 因公出国（境）费 completion rate 0.00% against a 0.00 budget.
    expect(findings.filter((f) => f.class === 'no-base').map(brief)).toEqual(['no-base 0.00%']);
    // 9. 公务接待费 减少为 0.00 万元，与 2024 年持平.
    expect(findings.find((f) => f.class === 'contradiction')?.message).toContain('公务接待费支出决算减少为0.00万元，与2024年持平');
    // 10. 机关运行经费 growth 2.60% (4.68 / 180.73 = 2.59%).
    expect(findings.find((f) => brief(f) === 'wrong-value 2.60%')?.expected).toBe('2.59%');
    // 11. 三 quotes 项目支出 1,367.76 (03's printed 合计; its 类 and 05 give 1,367.75).
    expect(findings.find((f) => brief(f) === 'table-slip 1367.76万元')?.expected).toBe('1,367.75万元');
  });

  it('lists nothing else but quotes of the 2111101 cent the tables carry', () => {
    expect(findings.map(brief)).toEqual([
      'table-slip 4733.14万元',
      'table-slip 1367.76万元',
      'table-slip 4733.14万元',
      'table-slip 3742.47万元',
      'sum 4628.17万元',
      'table-slip 1493.39万元',
      'items 主要包括',
      'items 其他对个人和家庭的补助',
      'items 咨询费',
      'items 手续费',
      'items 专用材料费',
      'items 劳务费',
      'items 委托业务费',
      'no-base 0.00%',
      'contradiction 持平',
      'wrong-value 2.60%',
    ]);
    // 机关运行经费 185.41 < 公用经费 416.36 (only 行政/参公 units) is no text error.
    expect(findings.some((f) => f.message.includes('185.41'))).toBe(false);
  });
});

describe('蓝山县行政审批服务局 2021 (the reference document)', () => {
  it('its one slip is its only finding: 公务接待费 down 0.49 from 7.03 is 6.97%, printed 6.91%', () => {
    const findings = review('lanshan-2021', REFERENCE_PART3.join('\n'));
    expect(findings.map((f) => [f.class, f.group, f.severity, f.written, f.expected])).toEqual([['wrong-value', '表文', 'error', '6.91%', '6.97%']]);
    expect(findings[0]!.figure?.cells).toEqual([
      { sheet: 't07', row: 'act', col: 'recep' },
      { sheet: 'sup', row: 'prior.sg.recep', col: 'value' },
    ]);
  });
});

describe('one reading per document version', () => {
  it('asks twice, reads once; an edit reads again', () => {
    const e = engineOf('lanshan-2021');
    const text = REFERENCE_PART3.join('\n');
    const first = readPublishedText(e, text);
    expect(readPublishedText(e, text)).toBe(first);
    e.setInput('sup', 'prior.sg.recep', 'value', 7.5); // 上年 公务接待费 7.03 → 7.50
    const second = readPublishedText(e, text);
    expect(second).not.toBe(first);
    expect(second.findings.map((f) => [f.written, f.expected])).toEqual([
      ['0.49万元', '0.96万元'],
      ['6.91%', '12.80%'],
    ]);
    e.destroy();
  });
});

describe('a workbook without 补充资料 (a PDF under review): the text fills the gaps, the rest is checked', () => {
  /** The example with its 补充资料 (年初预算, 上年数, 政府采购 …) removed, as a PDF's review workbook has it. */
  const bare = (id: string) => {
    const doc = restoreDocument(EXAMPLES.find((x) => x.id === id)!.doc).doc;
    return openWorkbook({ ...doc, inputs: { ...doc.inputs, sup: {} } });
  };
  const readBare = (id: string, text: string) => {
    const e = bare(id);
    const r = readPublishedText(e, text);
    e.destroy();
    return r;
  };

  it('财政局 2024: exactly the findings of the workbook with its 补充资料, 年初预算 and 政府采购 taken from the text', () => {
    const text = published('sh-putuo-czj-2024');
    const r = readBare('sh-putuo-czj-2024', text);
    expect(r.findings.map(brief)).toEqual(review('sh-putuo-czj-2024', text).map(brief));
    // 年初预算为2993.92万元 is the stated budget (not 一般公共预算财政拨款支出: no two values, no 错误).
    expect(r.findings.filter((f) => f.severity === 'error').map(brief)).toEqual(['wrong-value 0.3万元', 'wrong-value 71.73%']);
    const taken = new Map(r.taken.map((t) => [t.cell.row, t.written]));
    expect(taken.get('budget.stated')).toBe('2993.92');
    expect([...taken].filter(([k]) => /^budget\.\d{7}$/.test(k)).map(([, v]) => v)).toEqual(['1560.05', '10.00', '135.90', '450.52', '85.55', '161.62', '80.81', '0.94', '62.29', '187.75', '258.50']);
    // Two gaps named alike (中小企业 winning reserved and other projects) are taken in the text's order.
    expect(['proc.stated', 'proc.goods', 'proc.works', 'proc.services', 'proc.won.sme', 'proc.won.other'].map((k) => taken.get(k))).toEqual(['251.25', '4.79', '0', '246.47', '246.47', '4.79']);
    // The recorded text-only slips: 11 项 budgets 2,993.93 against 2,993.92, 政府采购 251.26 against 251.25.
    const sums = r.findings.filter((f) => f.class === 'sum');
    expect(sums.map((f) => [f.group, f.severity, f.expected])).toEqual([
      ['文内', 'warning', '2,993.93万元'],
      ['文内', 'warning', '251.26万元'],
    ]);
  });

  it('生态环境局 2025: the same findings, 2.60% (上年数 unknown) checked from the text alone', () => {
    const text = published('sh-putuo-sthj-2025');
    const r = readBare('sh-putuo-sthj-2025', text);
    const full = review('sh-putuo-sthj-2025', text).map(brief);
    expect(r.findings.map(brief)).toEqual(full.map((b) => (b === 'wrong-value 2.60%' ? 'change-rate 2.60%' : b)));
    const rate = r.findings.find((f) => f.class === 'change-rate')!;
    expect([rate.group, rate.severity, rate.expected]).toEqual(['文内', 'warning', '2.59%']);
    expect(rate.message).toContain('上年应为 180.73万元');
    expect(r.findings.find((f) => f.class === 'sum')?.message).toContain('20 项之和 4,628.16万元');
    expect(r.taken.find((t) => t.cell.row === 'budget.stated')?.written).toBe('4628.17');
  });

  it('a gap the text does not fill is not checkable; what the text states is checked against the rest', () => {
    const lead = '（三）一般公共预算财政拨款支出决算具体情况\n一般公共预算财政拨款支出年初预算为2993.92万元，支出决算为2940.05万元，完成年初预算的';
    expect(readBare('sh-putuo-czj-2024', `${lead}98.20%。`).findings.map(brief)).toEqual(['table-slip 2940.05万元']);
    const wrong = readBare('sh-putuo-czj-2024', `${lead}97.20%。`).findings.find((f) => f.class === 'wrong-value');
    expect([wrong?.written, wrong?.severity, wrong?.expected]).toEqual(['97.20%', 'error', '98.20%']);
    // Without the budget in the text, its rate has no base to be checked against: nothing is said.
    expect(readBare('sh-putuo-czj-2024', '（三）一般公共预算财政拨款支出决算具体情况\n一般公共预算财政拨款支出决算为2940.05万元，完成年初预算的97.20%。').findings).toEqual([]);
  });
});

describe('文内 sums from the text alone: a total and the parts its 其中 lists', () => {
  const sums = (text: string, tolerance?: { rounding: string; error: string }) => {
    const doc = restoreDocument(EXAMPLES.find((x) => x.id === 'lanshan-2021')!.doc).doc;
    const e = openWorkbook(tolerance ? { ...doc, auditTolerance: tolerance } : doc);
    const out = reviewNarrativeText(e, text).filter((f) => f.class === 'sum');
    e.destroy();
    return out.map((f) => [f.group, f.severity, f.written, f.expected, f.message]);
  };
  const text = (b: string) => `十一、其他重要事项\n本部门培训费合计10.00万元，其中：业务培训4.00万元、干部培训${b}万元。`;

  it('parts over the total: 尾差 up to 0.03 a 提示, above 0.05 an 错误; short of it a 提示 (a 其中 need not list all)', () => {
    expect(sums(text('6.00'))).toEqual([]);
    expect(sums(text('6.02'))).toEqual([['文内', 'warning', '10.00万元', '10.02万元', '本部门培训费合计写作 10.00万元，其后“其中”所列各项 4.00 + 6.02 = 10.02万元，相差 0.02，可能是尾差']]);
    expect(sums(text('6.04'))[0]?.slice(1, 4)).toEqual(['warning', '10.00万元', '10.04万元']);
    expect(sums(text('6.40'))[0]?.slice(1, 4)).toEqual(['error', '10.00万元', '10.40万元']);
    expect(sums(text('5.40'))[0]?.[4]).toContain('相差 0.60（若“其中”未列全，可不理会）');
  });

  it('the bands are the document’s 审核 tolerance', () => {
    expect(sums(text('6.02'), { rounding: '0.01', error: '0.01' })[0]?.slice(1, 3)).toEqual(['error', '10.00万元']);
  });

  it('numbered items after 其中： each give the total’s figure; a part’s own breakdown in brackets is not a part', () => {
    const items = '五、支出\n项目支出年初预算为30.00万元，支出决算为29.00万元。其中：\n1、甲项目。年初预算为10.00万元，支出决算为9.00万元。\n2、乙项目。年初预算为20.01万元，支出决算为20.00万元。\n';
    expect(sums(items).map((f) => [f[1], f[2], f[3]])).toEqual([['warning', '30.00万元', '30.01万元']]);
    expect(sums('十一、其他\n公务用车费用合计21.00万元，其中：公务用车购置费5.00万元（含税款1.00万元），公务用车运行维护费16.00万元。')).toEqual([]);
  });
});

describe('the workbook’s own 情况说明 checks clean', () => {
  it.each(EXAMPLES.map((x) => x.id))('%s: no 表文 finding but the example’s own inconsistent inputs', (id) => {
    const e = engineOf(id);
    const text = narrativePlainText(renderNarrative(e));
    const findings = reviewNarrativeText(e, text);
    e.destroy();
    const own: Record<string, string[]> = {
      // The department's own 主要用于 text of 2010602 says 基本支出 (its 10.00 is 项目支出).
      'sh-putuo-czj-2024': ['mention 基本支出'],
    };
    expect(findings.filter((f) => f.group === '表文').map(brief)).toEqual(own[id] ?? []);
    // 文内: only the sums the example's inputs state as printed (年初预算 and 政府采购 a cent off).
    const sums: Record<string, string[]> = { 'sh-putuo-czj-2024': ['sum 2,993.92万元', 'sum 251.25万元'], 'sh-putuo-sthj-2025': ['sum 4,628.17万元'] };
    expect(findings.filter((f) => f.group === '文内').map(brief)).toEqual(sums[id] ?? []);
  });
});

describe('planted errors of every class are found', () => {
  /** The 财政局 text with each replacement made once (the words must be found). */
  function plant(edits: [string, string][]): string {
    let t = published('sh-putuo-czj-2024');
    for (const [from, to] of edits) {
      expect(t.includes(from), from).toBe(true);
      t = t.replace(from, to);
    }
    return t;
  }
  const planted = plant([
    ['603.14万元，占20.51%', '630.14万元，占20.51'], // wrong value, missing %
    ['占79.49%', '占79.48%'], // truncated: 2,336.92 ÷ 2,940.06 = 79.4855%
    ['占71.73%', '占71.66%'], // forced to 100: 71.66 + 11.11 + 2.07 + 15.16
    ['收入\n支出总计减少56.95万元，下降1.87%', '收入\n支出总计增加56.95万元，增长1.87%'], // direction
    ['增长1.40%', '增长（下降）1.40%'], // residue
    ['下降2.10%', '下降（增长）2.10%'], // residue
    ['比2023年度增加2.55万元', '比2023年度减增加2.55万元'], // residue
    ['卫生健康支出（类）60.99万元', '医疗卫生与计划生育支出（类）60.99万元'], // former name
    ['支出决算为2940.05万元', '支出决算为2904.05万元'], // one figure, two values
    ['共有车辆0辆', '共有车辆2辆'], // a count
  ]);
  const findings = review('sh-putuo-czj-2024', planted);
  const at = (cls: string, written: string) => findings.find((f) => f.class === cls && f.written.replace(/\s+/g, '') === written);

  it('each planted error, in its class and group', () => {
    expect(at('wrong-value', '630.14万元')?.expected).toBe('603.14万元');
    expect(at('missing-percent', '20.51')?.group).toBe('文内');
    expect(at('truncated', '79.48%')?.message).toContain('79.4855% 应四舍五入为 79.49%');
    expect(at('forced-100', '71.66%')?.message).toContain('凑成100%');
    expect(at('wrong-value', '71.66%')).toBeUndefined();
    expect(at('direction', '56.95万元')?.message).toContain('文中写作“增加”，按表中数字应为“减少”');
    expect(at('direction', '1.87%')).toBeDefined();
    expect(['增长（下降）', '下降（增长）', '减增加'].map((w) => at('residue', w)?.severity)).toEqual(['error', 'error', 'error']);
    expect(at('former-name', '医疗卫生与计划生育支出')?.message).toContain('2024年应为“卫生健康支出”');
    expect(at('two-values', '2904.05万元')?.message).toContain('前文');
    expect(at('wrong-value', '2904.05万元')?.severity).toBe('error');
    expect(at('wrong-value', '2辆')?.expected).toBe('0');
  });

  it('every class of finding occurs in the planted or the published texts', () => {
    const bare = restoreDocument(EXAMPLES.find((x) => x.id === 'sh-putuo-sthj-2025')!.doc).doc;
    const e = openWorkbook({ ...bare, inputs: { ...bare.inputs, sup: {} } });
    // change-rate: a rate whose 上年数 only the text gives.
    const noPrior = reviewNarrativeText(e, published('sh-putuo-sthj-2025'));
    e.destroy();
    const seen = new Set([...findings, ...review('sh-putuo-sthj-2025', published('sh-putuo-sthj-2025')), ...noPrior].map((f) => f.class));
    expect([...seen].sort()).toEqual(Object.keys(TEXT_FINDING_CLASS).sort());
  });

  it('each finding carries its sentence, its mark inside it, and the cell it was matched to', () => {
    const f = at('wrong-value', '630.14万元')!;
    expect(planted.slice(f.sentence.start, f.sentence.end).replace(/\s+/g, '')).toBe('项目支出630.14万元，占20.51；');
    const g = at('two-values', '2904.05万元')!;
    expect(g.span.start).toBeGreaterThanOrEqual(g.sentence.start);
    expect(g.span.end).toBeLessThanOrEqual(g.sentence.end);
    expect(f.figure?.cells).toEqual([{ sheet: 'expenditure', row: 'sum', col: 'proj' }]);
  });
});

describe('the published text is kept with the workbook', () => {
  it('setPublishedText stores it (a JSON round trip restores it) and null removes it', () => {
    const e = engineOf('lanshan-2021');
    e.setPublishedText({ text: REFERENCE_PART3.join('\n'), source: 'paste' });
    const saved = restoreDocument(JSON.parse(JSON.stringify(e.document()))).doc;
    expect(saved.publishedText?.text).toBe(REFERENCE_PART3.join('\n'));
    const again = openWorkbook(saved);
    expect(reviewNarrativeText(again, again.document().publishedText!.text).map((f) => f.written)).toEqual(['6.91%']);
    again.destroy();
    e.setPublishedText(null);
    expect('publishedText' in e.document()).toBe(false);
    e.destroy();
  });
});
