// Many workbooks: new (empty / from last year), open, rename, duplicate, delete and recover, reopen.
import { describe, expect, it } from 'vitest';
import { LibraryError, RECOVERY_DAYS, WorkbookLibrary, carryOver, needsReview } from '../../src/app/workbook-library';
import { createScenario } from '../../src/app/scenarios';
import { exampleDocument, openWorkbook, restoreDocument } from '../../src/app/templates';
import { MemoryStore } from '../../src/storage';

const DAY = 86_400_000;

function setup() {
  const clock = { t: Date.UTC(2026, 0, 10) };
  const store = new MemoryStore({ restore: restoreDocument, now: () => clock.t });
  const library = new WorkbookLibrary(store, () => clock.t);
  return { clock, store, library };
}

describe('WorkbookLibrary', () => {
  it('creates an empty workbook from the template, named by 部门 and 年度', async () => {
    const { library, store } = setup();
    const info = await library.createEmpty({ department: ' 某某县财政局 ', year: 2022 });
    expect(info).toMatchObject({ name: '某某县财政局 2022年度决算', department: '某某县财政局', year: 2022, kind: 'base', revision: 1 });
    const { doc } = await store.load(info.id);
    // 2022 and later: the national template by default.
    expect(doc.templateId).toBe('national-2022');
    expect(doc.inputs).toEqual({});
    expect(openWorkbook(doc).figure('grandTotal')?.toFixed(2)).toBe('0.00');
  });

  it('refuses a bad year or an empty name', async () => {
    const { library } = setup();
    await expect(library.createEmpty({ department: '甲', year: 1999 })).rejects.toThrow(new LibraryError('决算年度应为 2000–2100 之间的整数'));
    await expect(library.createEmpty({ department: '甲', year: 2022, name: '  ' })).rejects.toThrow('名称不能为空');
  });

  it('new from last year: this year’s figures become next year’s prior-year inputs', async () => {
    const { library, store } = setup();
    const prior = await library.createFrom(exampleDocument(), '蓝山2021');
    const next = await library.createFromPrior(prior.id);
    expect(next).toMatchObject({ name: '蓝山县行政审批服务局 2022年度决算', year: 2022, department: '蓝山县行政审批服务局' });
    const { doc } = await store.load(next.id);
    expect(doc.codes).toEqual({ gpb: ['2010306'], gf: [], soe: [] });
    // Reference 2021 disclosure: 收支总计 1576.05, 财政拨款收支总计 1576.05, 财政拨款支出 1576.05,
    // 三公 actual: 出国 0, 公务用车 0, 公务接待 6.54.
    expect(doc.inputs).toEqual({
      sup: {
        'prior.grand': { value: '1576.05' },
        'prior.fiscalGrand': { value: '1576.05' },
        'prior.gpbExp': { value: '1576.05' },
        'prior.sg.abroad': { value: '0.00' },
        'prior.sg.car': { value: '0.00' },
        'prior.sg.recep': { value: '6.54' },
      },
    });
    expect(Object.keys(doc.texts)).toEqual(['overview.duties', 'overview.structure']);
    expect(doc.texts['overview.duties']).toMatch(/^蓝山县行政审批服务局为负责行政审批制度改革/);
    // 机构设置 names 2021 and head counts (实有人数64人, 在职62人): marked for review; 职能职责 does not.
    expect(doc.reviewTexts).toEqual(['overview.structure']);
    expect(openWorkbook(doc).amount('sup', 'prior.grand', 'value')?.toFixed(2)).toBe('1576.05');
    // The source workbook is untouched.
    expect((await store.load(prior.id)).doc).toEqual(exampleDocument());
  });

  it('new from last year across families: a Hunan 2021 workbook carries into national-2022 by content id', async () => {
    const { library, store } = setup();
    const prior = await library.createFrom(exampleDocument(), '蓝山2021');
    const next = await library.createFromPrior(prior.id, { templateId: 'national-2022' });
    expect(next.unmapped).toEqual([]);
    const loaded = await store.load(next.id);
    expect(loaded.notes).toEqual([]);
    expect(loaded.doc.templateId).toBe('national-2022');
    expect(loaded.doc.inputs.sup).toEqual({
      'prior.grand': { value: '1576.05' },
      'prior.fiscalGrand': { value: '1576.05' },
      'prior.gpbExp': { value: '1576.05' },
      'prior.sg.abroad': { value: '0.00' },
      'prior.sg.car': { value: '0.00' },
      'prior.sg.recep': { value: '6.54' },
    });
    // The same 2022 workbook in the 2021 template opens with a word on the year.
    const old = await library.createFromPrior(prior.id);
    expect((await store.load(old.id)).notes).toEqual([
      '决算年度 2022 不在模板「湖南省2021年度部门决算公开模板」的适用年度（2019–2021年）内，表样和情况说明可能与该年度的公开要求不符；可新建工作簿时选择适用的模板，再从上年结转',
    ]);
  });

  it('carryOver takes 公务用车 as 购置费 + 运行费', () => {
    const doc = exampleDocument();
    const t07 = { ...doc.inputs.t07, act: { ...doc.inputs.t07?.act, car_buy: '12.30', car_run: '4.25' } };
    const next = carryOver({ ...doc, inputs: { ...doc.inputs, t07 } }, 2022);
    expect(next.inputs.sup?.['prior.sg.car']).toEqual({ value: '16.55' });
    expect(next.meta).toEqual({ department: '蓝山县行政审批服务局', year: 2022, unit: '万元' });
  });

  it('carryOver keeps the names the user gave codes of any level, economic ones too', () => {
    const doc = { ...exampleDocument(), customCodes: { '20406': '司法' }, economicCodes: ['30230'], economicNames: { '30230': '自编公用经费', '30201': '办公费（含印刷）' } };
    const next = carryOver(doc, 2022);
    expect(next.customCodes).toEqual({ '20406': '司法' });
    expect(next.economicCodes).toEqual(['30230']);
    expect(next.economicNames).toEqual({ '30230': '自编公用经费', '30201': '办公费（含印刷）' });
  });

  it('renames and duplicates', async () => {
    const { library, store } = setup();
    const a = await library.createFrom(exampleDocument(), '蓝山2021');
    expect(await library.rename(a.id, ' 蓝山县 2021 定稿 ')).toMatchObject({ name: '蓝山县 2021 定稿' });
    const copy = await library.duplicate(a.id);
    expect(copy.id).not.toBe(a.id);
    expect(copy.name).toBe('蓝山县 2021 定稿（副本）');
    expect((await store.load(copy.id)).doc).toEqual(exampleDocument());
    expect((await library.list()).map((i) => i.name).sort()).toEqual(['蓝山县 2021 定稿', '蓝山县 2021 定稿（副本）']);
  });

  it('deletes recoverably for RECOVERY_DAYS, then purges with its scenarios', async () => {
    const { library, store, clock } = setup();
    const a = await library.createFrom(exampleDocument(), '甲');
    const b = await library.createFrom(exampleDocument(), '乙');
    const scenario = await createScenario(store, a.id, '增加办公费');
    await library.remove(a.id);
    expect((await library.list()).map((i) => i.name)).toEqual(['乙']);
    const deleted = await library.deleted();
    expect(deleted.map((i) => i.id)).toEqual([a.id]);
    expect(library.daysLeft(deleted[0]!)).toBe(RECOVERY_DAYS);

    clock.t += 10 * DAY;
    expect(library.daysLeft((await library.deleted())[0]!)).toBe(20);
    expect(await library.purgeExpired()).toEqual([]);
    await library.restore(a.id);
    expect((await library.list()).map((i) => i.name).sort()).toEqual(['乙', '甲']);

    await library.remove(a.id);
    clock.t += RECOVERY_DAYS * DAY;
    expect(await library.purgeExpired()).toEqual([a.id]);
    expect((await store.list()).map((i) => i.id)).toEqual([b.id]);
    await expect(store.load(scenario.id)).rejects.toThrow('找不到工作簿');
  });

  it('reopens the last opened workbook, else the newest usable one, else none', async () => {
    const { library, clock } = setup();
    expect(await library.lastOpened()).toBeNull();
    const a = await library.createFrom(exampleDocument(), '甲');
    clock.t += 1000;
    const b = await library.createFrom(exampleDocument(), '乙');
    expect((await library.lastOpened())?.id).toBe(b.id);
    await library.open(a.id);
    expect((await library.lastOpened())?.id).toBe(a.id);
    await library.remove(a.id);
    expect((await library.lastOpened())?.id).toBe(b.id);
  });
});

describe('texts carried from last year, marked for review', () => {
  it('needsReview: last year (or earlier), head counts and dates; not this year, not 人民', () => {
    expect(needsReview('本单位2021年部门决算汇总公开单位构成包括本级。', 2021)).toBe(true);
    expect(needsReview('2019年成立。', 2021)).toBe(true);
    expect(needsReview('在职62人，退休2人。', 2021)).toBe(true);
    expect(needsReview('编制3名。', 2021)).toBe(true);
    expect(needsReview('于3月1日挂牌。', 2021)).toBe(true);
    expect(needsReview('负责2022年度及以后的审批工作。', 2021)).toBe(false);
    expect(needsReview('为人民服务，负责行政审批制度改革。', 2021)).toBe(false);
  });

  it('a 提示 per marked text until edited or confirmed; both keep the text', async () => {
    const { library, store } = setup();
    const prior = await library.createFrom(exampleDocument(), '蓝山2021');
    const { doc } = await store.load((await library.createFromPrior(prior.id)).id);
    const e = openWorkbook(doc);
    const review = () => e.audit().filter((f) => f.ruleId === 'carried-text').map((f) => [f.severity, f.message]);
    expect(review()).toEqual([['warning', '「机构设置及决算单位构成」从上年结转，写有上年的年份、人数或日期：请在情况说明中核对，修改或点“确认”']]);
    e.confirmText('overview.structure');
    expect(review()).toEqual([]);
    expect(e.document().reviewTexts).toBeUndefined();
    expect(e.document().texts['overview.structure']).toBe(doc.texts['overview.structure']);
    const again = openWorkbook(doc);
    again.setText('overview.structure', '内设机构3个，在职63人。');
    expect(again.audit().filter((f) => f.ruleId === 'carried-text')).toEqual([]);
    [e, again].forEach((x) => x.destroy());
  });
});
