// 情景: make one, edit it, compare with the base (inputs + key figures), discard or adopt.
import { describe, expect, it } from 'vitest';
import { adoptScenario, compareWorkbooks, createScenario, discardScenario, scenariosOf, ScenarioError } from '../../src/app/scenarios';
import { exampleDocument, openWorkbook, restoreDocument } from '../../src/app/templates';
import { MemoryStore } from '../../src/storage';

async function setup() {
  const store = new MemoryStore({ restore: restoreDocument });
  const [base] = await store.create([{ info: { id: 'base', name: '蓝山2021', kind: 'base' }, doc: exampleDocument() }]);
  return { store, base: base! };
}

/** Opens a stored record, applies edits, stores it (as the scenario's own session would). */
async function editStored(store: MemoryStore, id: string, edit: (e: ReturnType<typeof openWorkbook>) => void) {
  const { info, doc } = await store.load(id);
  const engine = openWorkbook(doc);
  edit(engine);
  await store.save(id, engine.document(), info.revision);
  return engine;
}

describe('scenarios', () => {
  it('compare after changing 30201 by +10: 公用经费 +10.00, its share 37.83% → 38.22%, 审核 errors 0 → 1', async () => {
    const { store } = await setup();
    const s = await createScenario(store, 'base', '办公费增加10万元');
    expect(s).toMatchObject({ kind: 'scenario', baseId: 'base', name: '办公费增加10万元', revision: 1 });
    const scenario = await editStored(store, s.id, (e) => e.setInput('t06', '30201', 'amount', '31.34'));
    const base = openWorkbook((await store.load('base')).doc);

    const c = compareWorkbooks(base, scenario);
    expect(c.inputs).toEqual([
      { sheet: 't06', row: '30201', col: 'amount', label: '公开06表 30201 办公费', before: '21.34', after: '31.34', diff: '+10.00' },
    ]);
    expect(c.codes).toEqual([]);
    expect(c.texts).toEqual([]);
    const fig = Object.fromEntries(c.figures.map((f) => [f.id, [f.baseText, f.scenarioText, f.diffText]]));
    // Reference: 基本支出 1576.05 = 人员经费 979.88 + 公用经费 596.17 (62.17% / 37.83%).
    // After +10: 公用经费 606.17 / 1586.05 = 38.22%; 人员经费 979.88 / 1586.05 = 61.78%.
    expect(fig).toEqual({
      grandTotal: ['1,576.05', '1,576.05', '0.00'],
      basicTotal: ['1,576.05', '1,586.05', '+10.00'],
      personnel: ['979.88', '979.88', '0.00'],
      public: ['596.17', '606.17', '+10.00'],
      personnelShare: ['62.17%', '61.78%', '-0.39个百分点'],
      publicShare: ['37.83%', '38.22%', '+0.39个百分点'],
      sangongActual: ['6.54', '6.54', '0.00'],
      // 绩效自评: the total score is always shown; nothing else of the indicator sheet moved.
      'perf:total:score': ['98.00', '98.00', '0.00'],
      auditErrors: ['0', '1', '+1'],
      auditWarnings: ['0', '0', '0'],
    });
    expect(c.figures.map((f) => f.label).slice(0, 7)).toEqual([
      '收支总计',
      '基本支出合计（06表）',
      '人员经费合计',
      '公用经费合计',
      '人员经费占基本支出比例（%）',
      '公用经费占基本支出比例（%）',
      '“三公”经费决算',
    ]);
  });

  it('a what-if 在职人数 of 90 shows the 绩效自评 indicator, its score and the total moving', async () => {
    const { store } = await setup();
    const s = await createScenario(store, 'base', '增编');
    const scenario = await editStored(store, s.id, (e) => e.setInput('sup', 'staff.actual', 'value', '90'));
    const c = compareWorkbooks(openWorkbook((await store.load('base')).doc), scenario);
    const perf = c.figures.filter((f) => f.id.startsWith('perf:')).map((f) => [f.label, f.baseText, f.scenarioText, f.diffText]);
    // 62 ÷ 83 = 74.70% → 90 ÷ 83 = 108.43% (> 100: 5 → 0); groups and total follow (98 → 93).
    expect(perf).toEqual([
      ['绩效自评 在职人员控制率', '74.70%', '108.43%', '+33.73个百分点'],
      ['绩效自评 在职人员控制率得分', '5.00', '0.00', '-5.00'],
      ['绩效自评 预算配置小计得分', '10.00', '5.00', '-5.00'],
      ['绩效自评 投入合计得分', '10.00', '5.00', '-5.00'],
      ['绩效自评 总分', '98.00', '93.00', '-5.00'],
    ]);
  });

  it('lists changed codes, texts and cleared inputs', async () => {
    const { store } = await setup();
    const s = await createScenario(store, 'base', '调整');
    const scenario = await editStored(store, s.id, (e) => {
      e.addCode('gpb', '2010301');
      e.setInput('t02', '2010301', 'fin', '5');
      e.setInput('t06', '30202', 'amount', '');
      e.setInput('sup', 'recep.people', 'value', '700');
      e.setText('perf.result', '良好');
    });
    const c = compareWorkbooks(openWorkbook(exampleDocument()), scenario);
    expect(c.codes).toEqual([{ fund: 'gpb', code: '2010301', name: '行政运行', change: 'added', label: '一般公共预算 2010301 行政运行' }]);
    expect(c.inputs.map((i) => [i.label, i.before, i.after, i.diff])).toEqual([
      ['公开02表 2010301 行政运行 财政拨款收入', null, '5.00', '+5.00'],
      ['公开06表 30202 印刷费', '2.61', null, '-2.61'],
      ['补充资料 接待来宾人次', '680', '700', '+20'],
    ]);
    expect(c.texts).toEqual([{ id: 'perf.result', label: '绩效自评结论', before: '整体运行良好', after: '良好' }]);
  });

  it('discard leaves the base unchanged and hides the scenario', async () => {
    const { store } = await setup();
    const s = await createScenario(store, 'base', '试算');
    await editStored(store, s.id, (e) => e.setInput('t06', '30201', 'amount', '31.34'));
    await discardScenario(store, s.id, 5000);
    const base = await store.load('base');
    expect(base.doc).toEqual(exampleDocument());
    expect(base.info.revision).toBe(1);
    expect(scenariosOf(await store.list(), 'base')).toEqual([]);
    expect((await store.info(s.id))?.deletedAt).toBe(5000);
    await expect(discardScenario(store, 'base')).rejects.toThrow(ScenarioError);
  });

  it('adopt makes the scenario the base, after snapshotting the old base', async () => {
    const { store } = await setup();
    const s = await createScenario(store, 'base', '办公费增加');
    await editStored(store, s.id, (e) => e.setInput('t06', '30201', 'amount', '31.34'));
    const { base, snapshot } = await adoptScenario(store, s.id);
    expect(base).toMatchObject({ id: 'base', revision: 2, kind: 'base', name: '蓝山2021' });
    const loaded = await store.load('base');
    expect(loaded.doc.inputs.t06?.['30201']).toEqual({ amount: '31.34' });
    expect(snapshot).toMatchObject({ reason: 'before-adopt', label: '采用情景「办公费增加」前的版本', revision: 1 });
    const old = await store.loadSnapshot('base', snapshot.id);
    expect(old.doc.inputs.t06?.['30201']).toEqual({ amount: '21.34' });
    expect((await store.info(s.id))?.deletedAt).toBeDefined();
    await expect(adoptScenario(store, 'base')).rejects.toThrow('这不是情景');
  });

  it('a scenario made from a scenario belongs to the same base', async () => {
    const { store } = await setup();
    const s1 = await createScenario(store, 'base', '一');
    const s2 = await createScenario(store, s1.id, '二');
    expect(s2.baseId).toBe('base');
    expect(scenariosOf(await store.list(), 'base').map((i) => i.name).sort()).toEqual(['一', '二']);
  });
});
