// Named migrations: each one before/after on a frozen fixture, and meta-tests that fail when a
// migration has no before/after test run or no frozen fixture of its input version (tldraw style).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleDocument, nationalExampleDocument, openWorkbook, restoreDocument } from '../../src/app/templates';
import { MIGRATIONS, SCHEMA_VERSION, migrate } from '../../src/model';
import { exampleBeforeReport } from '../support/example-before-report';
import { TEMPLATE_LIST } from '../../sheets';
import { HN_2021_MIGRATIONS } from '../../sheets/hn-2021/migrations';

const FIXTURES = join(__dirname, '..', 'fixtures');
const fixtureFiles = readdirSync(FIXTURES).filter((f) => /^workbook-v\d+\.json$/.test(f));
const readFixture = (file: string): Record<string, unknown> => JSON.parse(readFileSync(join(FIXTURES, file), 'utf8'));

function deepFreeze<T>(x: T): T {
  if (typeof x === 'object' && x !== null) {
    for (const v of Object.values(x)) deepFreeze(v);
    Object.freeze(x);
  }
  return x;
}

/** Names of migrations whose up() ran inside a before/after test of this file. */
const exercised = new Set<string>();
const TEMPLATE_MIGRATIONS = TEMPLATE_LIST.flatMap((t) => t.migrations ?? []);
const exercise = (name: string) => {
  const m = [...MIGRATIONS, ...TEMPLATE_MIGRATIONS].find((x) => x.name.startsWith(name));
  if (!m) throw new Error(`no migration ${name}`);
  return { ...m, up: (doc: Record<string, unknown>) => (exercised.add(m.name), m.up(doc)) };
};

describe('v1-to-v2: supplementary into inputs.sup, codes split by fund', () => {
  const m = exercise('v1-to-v2');

  it('moves 补充资料 into inputs.sup and the flat code list into codes.gpb', () => {
    const before = deepFreeze(readFixture('workbook-v1.json'));
    const after = m.up(before);
    expect(after.schemaVersion).toBe(2);
    expect('supplementary' in after).toBe(false);
    expect('functionCodes' in after).toBe(false);
    expect(after.codes).toEqual({ gpb: ['2010306'], gf: [], soe: [] });
    expect(after.customCodes).toEqual({});
    expect(after.economicCodes).toEqual([]);
    const inputs = after.inputs as Record<string, Record<string, Record<string, string>>>;
    expect(inputs.sup!['prior.grand']).toEqual({ value: '1712.46' });
    expect(inputs.sup!['recep.people']).toEqual({ value: '680' });
    expect(inputs.sup!['budget.2010306']).toEqual({ value: '1586.44' });
    expect(Object.keys(inputs.sup!)).toHaveLength(31);
    // Table inputs are carried over unchanged.
    expect(inputs.t06!['30201']).toEqual({ amount: '21.34' });
    expect(inputs.t07).toEqual({ bud: { recep: '60.00' }, act: { recep: '6.54' } });
  });

  it('handles a v1 document without 补充资料 or codes', () => {
    const before = deepFreeze({ type: 'juesuan-workbook', schemaVersion: 1, templateId: 'hn-2021', meta: { department: '甲', year: 2020 } });
    expect(m.up(before)).toEqual({
      type: 'juesuan-workbook',
      schemaVersion: 2,
      templateId: 'hn-2021',
      meta: { department: '甲', year: 2020 },
      inputs: {},
      codes: { gpb: [], gf: [], soe: [] },
      customCodes: {},
      economicCodes: [],
    });
  });

  it('restores the v1 fixture to exactly the built-in 2021 example, with the reference figures', () => {
    const result = restoreDocument(readFixture('workbook-v1.json'));
    expect(result.migrated).toEqual([m.name, MIGRATIONS[1]!.name, MIGRATIONS[2]!.name, MIGRATIONS[3]!.name, ...HN_2021_MIGRATIONS.map((x) => x.name)]);
    expect(result.notes).toEqual([]);
    expect(result.doc).toEqual(exampleBeforeReport(exampleDocument()));
    const e = openWorkbook(result.doc);
    expect(e.figure('grandTotal')?.toFixed(2)).toBe('1576.05');
    expect(e.figure('personnel')?.toFixed(2)).toBe('979.88');
    expect(e.figure('public')?.toFixed(2)).toBe('596.17');
    expect(e.figure('publicShare')?.toFixed(2)).toBe('37.83');
    expect(e.audit()).toEqual([]);
    e.destroy();
  });
});

describe('v2-to-v3: template migrations by templateVersion', () => {
  const m = exercise('v2-to-v3');

  it('bumps the schema and keeps the document as it was for its template to migrate', () => {
    const before = deepFreeze(readFixture('workbook-v2.json'));
    const after = m.up(before);
    expect(after).toEqual({ ...before, schemaVersion: 3, templateVersion: 1 });
    expect(m.up(deepFreeze({ schemaVersion: 2, templateId: 'hn-2021' }))).toEqual({ schemaVersion: 3, templateId: 'hn-2021', templateVersion: 1 });
  });
});

describe('hn-2021 v1-to-v2: 03表基本/项目支出 derived; typed remainder kept as 非财政拨款', () => {
  const m = exercise('hn-2021 v1-to-v2');
  const schema = MIGRATIONS[1]!;

  it('drops 03 figures that 05 already holds, and keeps the example equal to the built-in one', () => {
    const before = deepFreeze(readFixture('workbook-v2.json'));
    expect((before.inputs as Record<string, unknown>).t03).toEqual({ '2010306': { basic: '1576.05' } });
    const after = m.up(schema.up(before));
    expect(after.schemaVersion).toBe(3);
    expect(after.templateVersion).toBe(2);
    const inputs = after.inputs as Record<string, Record<string, Record<string, string>> | undefined>;
    expect(inputs.t03).toBeUndefined();
    expect(Object.keys(inputs.sup!).filter((k) => k.startsWith('nonfiscal.'))).toEqual([]);
    const result = restoreDocument(before);
    expect(result.migrated).toEqual([schema.name, MIGRATIONS[2]!.name, MIGRATIONS[3]!.name, ...HN_2021_MIGRATIONS.map((x) => x.name)]);
    expect(result.notes).toEqual([]);
    expect(result.doc).toEqual(exampleBeforeReport(exampleDocument()));
  });

  it('keeps the 非财政拨款 remainder (03 − 05 − 08 − 09) and the other 03 columns, so 03 is unchanged', () => {
    const before = deepFreeze({
      type: 'juesuan-workbook',
      schemaVersion: 2,
      templateId: 'hn-2021',
      meta: { department: '乙', year: 2021 },
      codes: { gpb: ['2010306'], gf: ['2120801'], soe: [] },
      customCodes: { '2120801': '征地和拆迁补偿支出' },
      inputs: {
        t03: { '2010306': { basic: '120.00', proj: '30.00', op: '5.00' }, '2120801': { proj: '40.00' } },
        t05: { '2010306': { basic: '100.00', proj: '30.00' } },
        t08: { '2120801': { inc: '50.00', exp_proj: '40.00' } },
      },
    });
    const after = m.up(schema.up(before));
    const inputs = after.inputs as Record<string, Record<string, Record<string, string>>>;
    expect(inputs.t03).toEqual({ '2010306': { op: '5.00' } });
    expect(inputs.sup).toEqual({ 'nonfiscal.basic.2010306': { value: '20.00' } });
    const e = openWorkbook(restoreDocument(before).doc);
    expect(e.amount('t03', '2010306', 'basic')?.toFixed(2)).toBe('120.00');
    expect(e.amount('t03', '2010306', 'total')?.toFixed(2)).toBe('155.00');
    expect(e.amount('t03', '2120801', 'proj')?.toFixed(2)).toBe('40.00');
    expect(e.amount('t03', 'sum', 'total')?.toFixed(2)).toBe('195.00');
    e.destroy();
  });
});

describe('hn-2021 v2-to-v3: 年初预算数 typed; older documents state the sum of their 项 budgets', () => {
  const m = exercise('hn-2021 v2-to-v3');

  it('states the sum of the 项 budgets, in cents, when the document has none', () => {
    const before = deepFreeze({
      schemaVersion: 4,
      templateId: 'hn-2021',
      templateVersion: 2,
      inputs: { sup: { 'budget.2010306': { value: '1586.44' }, 'budget.2080505': { value: '10.1' }, 'budget.2130101': { value: '' }, 'prior.grand': { value: '1712.46' } } },
    });
    const after = m.up(before);
    expect(after.templateVersion).toBe(3);
    const sup = (after.inputs as Record<string, Record<string, Record<string, string>>>).sup!;
    expect(sup['budget.stated']).toEqual({ value: '1596.54' });
    expect(sup['prior.grand']).toEqual({ value: '1712.46' });
  });

  it('keeps a stated figure, and states nothing when no 项 has a budget', () => {
    const stated = deepFreeze({ templateVersion: 2, inputs: { sup: { 'budget.stated': { value: '99.00' }, 'budget.2010306': { value: '1.00' } } } });
    expect((m.up(stated).inputs as Record<string, Record<string, unknown>>).sup!['budget.stated']).toEqual({ value: '99.00' });
    const none = deepFreeze({ templateVersion: 2, inputs: { t05: { '2010306': { basic: '1.00' } } } });
    expect(m.up(none)).toEqual({ templateVersion: 3, inputs: { t05: { '2010306': { basic: '1.00' } } } });
  });

  it('a templateVersion-2 example opens with the same figures and no 审核 finding', () => {
    const doc = exampleDocument();
    const sup = { ...doc.inputs.sup };
    delete sup['budget.stated'];
    const r = restoreDocument({ ...doc, templateVersion: 2, inputs: { ...doc.inputs, sup } });
    expect(r.migrated).toEqual([m.name, HN_2021_MIGRATIONS[2]!.name]);
    expect(r.doc).toEqual(doc);
    const e = openWorkbook(r.doc);
    expect(e.figure('budgetRate')?.toFixed(2)).toBe('99.35');
    expect(e.audit()).toEqual([]);
    e.destroy();
  });
});

describe('hn-2021 v3-to-v4: 补充资料非财政拨款支出 becomes the typed 03表基本/项目支出', () => {
  const m = exercise('hn-2021 v3-to-v4');
  // A templateVersion-3 document as saved before this step: 非财政拨款 typed in 补充资料.
  const before = deepFreeze({
    type: 'juesuan-workbook',
    schemaVersion: 4,
    app: 'juesuan-gongkai',
    templateId: 'hn-2021',
    templateVersion: 3,
    meta: { department: '甲', year: 2021, unit: '万元' },
    codes: { gpb: ['2010306', '2010350'], gf: ['2120801'], soe: [] },
    customCodes: {},
    economicCodes: [],
    economicNames: {},
    inputs: {
      t03: { '2010306': { op: '5.00' } },
      t05: { '2010306': { basic: '100.00' }, '2010350': { proj: '7.00' } },
      t08: { '2120801': { inc: '30.00', exp_proj: '30.00' } },
      sup: {
        'nonfiscal.basic.2010306': { value: '20.00' },
        'nonfiscal.proj.2120801': { value: '10.00' },
        'nonfiscal.proj.2010350': { value: '0.00' },
        'prior.grand': { value: '1.00' },
      },
    },
    texts: {},
  });

  it('types 03 = 财政拨款 + 非财政拨款 over the cell, drops the 补充资料 inputs, and every figure stays', () => {
    const after = m.up(before);
    expect(after.templateVersion).toBe(4);
    const inputs = after.inputs as Record<string, Record<string, Record<string, string>>>;
    expect(inputs.t03).toEqual({ '2010306': { op: '5.00', basic: '120.00' }, '2120801': { proj: '40.00' } });
    expect(inputs.sup).toEqual({ 'prior.grand': { value: '1.00' } });
    expect(inputs.t05).toEqual(before.inputs.t05);
    const r = restoreDocument(before);
    expect(r.migrated).toEqual([MIGRATIONS[3]!.name, m.name]);
    expect(r.notes).toEqual([]);
    const e = openWorkbook(r.doc);
    expect(e.amount('t03', '2010306', 'basic')?.toFixed(2)).toBe('120.00');
    expect(e.amount('t03', '2010306', 'total')?.toFixed(2)).toBe('125.00');
    expect(e.amount('t03', '2120801', 'proj')?.toFixed(2)).toBe('40.00');
    expect(e.amount('t03', '2010350', 'proj')?.toFixed(2)).toBe('7.00');
    expect(e.amount('t03', 'sum', 'total')?.toFixed(2)).toBe('172.00');
    expect(e.typeOverState('t03', '2010350', 'proj')).toBe('following');
    // The 非财政拨款 is now shown, derived: the same figures as were typed.
    expect(e.amount('sup', 'nonfiscal.basic.2010306', 'value')?.toFixed(2)).toBe('20.00');
    expect(e.amount('sup', 'nonfiscal.proj.2120801', 'value')?.toFixed(2)).toBe('10.00');
    expect(e.amount('sup', 'nonfiscal.proj.2010350', 'value')?.toFixed(2)).toBe('0.00');
    expect(e.isInput('sup', 'nonfiscal.basic.2010306', 'value')).toBe(false);
    e.destroy();
  });
});

describe('national-2022 v1-to-v2: 补充资料非财政拨款支出 becomes the typed 03表基本/项目支出', () => {
  const m = exercise('national-2022 v1-to-v2');

  it('turns the frozen v1 example into the built-in one, with the same 03 figures', () => {
    const before = deepFreeze(JSON.parse(readFileSync(join(FIXTURES, 'national-2022-v1.json'), 'utf8')) as Record<string, unknown>);
    const sup = (before.inputs as Record<string, Record<string, unknown>>).sup!;
    expect(sup['nonfiscal.basic.2120101']).toEqual({ value: '5.00' });
    const after = m.up(before);
    expect(after.templateVersion).toBe(2);
    const inputs = after.inputs as Record<string, Record<string, Record<string, string>>>;
    // 05 980.25 + 5.00 and 05 356.40 + 48.00.
    expect(inputs.expenditure).toEqual({ '2120101': { basic: '985.25' }, '2120102': { proj: '404.40' } });
    expect(Object.keys(inputs.sup!).filter((k) => k.startsWith('nonfiscal.'))).toEqual([]);
    const r = restoreDocument(before);
    expect(r.migrated).toEqual([MIGRATIONS[3]!.name, m.name]);
    expect(r.doc).toEqual(nationalExampleDocument());
  });
});

describe('v3-to-v4: placeholder 自定义科目 names dropped, economic code names', () => {
  const m = exercise('v3-to-v4');

  it('drops the invented parent name and adds empty economic names; real names stay', () => {
    const before = deepFreeze(readFixture('workbook-v3.json'));
    expect((before.customCodes as Record<string, string>)['20701']).toBe('（自定义科目）');
    const after = m.up(before);
    expect(after.schemaVersion).toBe(4);
    expect(after.customCodes).toEqual({ '2070109': '群众文化' });
    expect(after.economicNames).toEqual({});
    expect(after.inputs).toEqual(before.inputs);
  });

  it('the restored fixture names 20701 from the catalogue or reports it, and never prints 自定义科目', () => {
    const result = restoreDocument(readFixture('workbook-v3.json'));
    // Saved before hn-2021 had template versions: its template steps run too (no-ops on these inputs).
    expect(result.migrated).toEqual([m.name, MIGRATIONS[3]!.name, ...HN_2021_MIGRATIONS.map((x) => x.name)]);
    const e = openWorkbook(result.doc);
    const t05 = JSON.stringify(e.sheet('t05').cells);
    expect(t05).not.toContain('自定义科目');
    expect(t05).toContain('群众文化');
    // 20701 is not in the built-in catalogue: an unnamed 款 is an error of the 审核, not a made-up name.
    const unnamed = e.audit().filter((f) => f.ruleId === 'code-name').map((f) => f.rowId);
    expect(unnamed).toEqual(['code-name:20701']);
    expect(e.amount('t05', '20701', 'basic')?.toFixed(2)).toBe('120.50');
    expect(e.amount('t05', 'sum', 'total')?.toFixed(2)).toBe('165.75');
    e.destroy();
  });
});

describe('v4-to-v5: 部门决算单位构成 and 审核 tolerance', () => {
  const m = exercise('v4-to-v5');

  it('adds an empty unit list and the default bands; everything else stays', () => {
    const before = deepFreeze(readFixture('workbook-v4.json'));
    expect('units' in before).toBe(false);
    const after = m.up(before);
    expect(after).toEqual({ ...before, schemaVersion: 5, units: [], auditTolerance: { rounding: '0.03', error: '0.05' } });
  });

  it('restores the v4 fixture to exactly the built-in national example, whose 0.02 residue is now a 尾差', () => {
    const result = restoreDocument(readFixture('workbook-v4.json'));
    expect(result.migrated).toEqual([m.name, TEMPLATE_MIGRATIONS.find((x) => x.name.startsWith('national-2022 v1-to-v2'))!.name]);
    expect(result.notes).toEqual([]);
    expect(result.doc).toEqual(nationalExampleDocument());
    const e = openWorkbook(result.doc);
    expect(e.audit()).toEqual([]);
    // 年末结转和结余 0.02 short: under v4 the rule allowed 0.01 (an 错误 here); the default bands make it a 提示 “尾差”.
    const close = e.amount('incomeExpenditure', 'exp.close', 'amount')!;
    e.setInput('incomeExpenditure', 'exp.close', 'amount', close.minus(0.02).toFixed(2));
    const f = e.audit().find((x) => x.ruleId === 'N01-balance');
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('尾差');
    expect(f?.message).toContain('容差 0.03');
    e.setInput('incomeExpenditure', 'exp.close', 'amount', close.minus(0.04).toFixed(2));
    expect(e.audit().find((x) => x.ruleId === 'N01-balance')?.message).toContain('超出尾差容差 0.03（错误界限 0.05）');
    e.setInput('incomeExpenditure', 'exp.close', 'amount', close.minus(0.06).toFixed(2));
    expect(e.audit().find((x) => x.ruleId === 'N01-balance')?.severity).toBe('error');
    e.destroy();
  });
});

describe('template migrations', () => {
  it('are ordered per template, one step per templateVersion, ending at the template version', () => {
    for (const t of TEMPLATE_LIST) {
      expect((t.migrations ?? []).map((m) => m.from), t.id).toEqual(Array.from({ length: t.version - 1 }, (_, i) => i + 1));
    }
  });

  it('a document of a newer template version is refused with a Chinese message', () => {
    expect(() => restoreDocument({ ...exampleDocument(), templateVersion: 99 })).toThrow('使用较新的模板「湖南省2021年度部门决算公开模板」（模板版本 99');
  });

  it('a schema-3 hn-2021 document of templateVersion 1 (every one saved before) opens unchanged', () => {
    const r = restoreDocument({ ...exampleDocument(), templateVersion: 1 });
    expect(r.migrated).toEqual(HN_2021_MIGRATIONS.map((x) => x.name));
    expect(r.doc).toEqual(exampleDocument());
  });
});

describe('migration list', () => {
  it('is ordered, one step per version, ending at SCHEMA_VERSION', () => {
    expect(MIGRATIONS.map((m) => m.from)).toEqual(Array.from({ length: SCHEMA_VERSION - 1 }, (_, i) => i + 1));
    expect(new Set(MIGRATIONS.map((m) => m.name)).size).toBe(MIGRATIONS.length);
  });

  it('has a frozen fixture of every older version, and each migrates to the current one', () => {
    const versions = fixtureFiles.map((f) => Number(/\d+/.exec(f)![0])).sort((a, b) => a - b);
    expect(versions).toEqual(MIGRATIONS.map((m) => m.from));
    for (const file of fixtureFiles) {
      const doc = deepFreeze(readFixture(file));
      const { doc: out } = migrate(doc, doc.schemaVersion as number);
      expect(out.schemaVersion, file).toBe(SCHEMA_VERSION);
      expect(restoreDocument(doc).doc.schemaVersion, file).toBe(SCHEMA_VERSION);
    }
  });

  // Declared last: runs after every before/after test above.
  it('every migration was run by a before/after test', () => {
    const never = [...MIGRATIONS, ...TEMPLATE_MIGRATIONS].map((m) => m.name).filter((n) => !exercised.has(n));
    expect(never, 'migrations without a before/after test').toEqual([]);
  });
});
