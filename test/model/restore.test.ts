import { describe, expect, it } from 'vitest';
import { exampleDocument, restoreDocument } from '../../src/app/templates';
import { RestoreError } from '../../src/model/restore';
import { SCHEMA_VERSION } from '../../src/model/document';

const valid = () => JSON.parse(JSON.stringify(exampleDocument())) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- free-form junk on purpose

describe('restore() refuses junk with a Chinese message', () => {
  it.each([
    ['not an object', 42, '数据不是工作簿对象'],
    ['an array', [1, 2], '数据不是工作簿对象'],
    ['broken JSON text', '{"type":', '不是有效的 JSON'],
    ['another program\'s JSON', { type: 'something-else', schemaVersion: 1 }, '这不是决算公开工作簿数据'],
    ['no version', { ...valid(), schemaVersion: undefined }, '缺少有效的版本号'],
  ])('%s', (_name, input, message) => {
    expect(() => restoreDocument(input)).toThrow(RestoreError);
    expect(() => restoreDocument(input)).toThrow(message);
  });

  it('an unknown template', () => {
    expect(() => restoreDocument({ ...valid(), templateId: 'gd-2024' })).toThrow('未知的模板「gd-2024」');
  });


  it('a document from a newer version', () => {
    expect(() => restoreDocument({ ...valid(), schemaVersion: SCHEMA_VERSION + 1 })).toThrow(
      `该工作簿由较新版本的程序保存（数据版本 ${SCHEMA_VERSION + 1}`,
    );
  });

  it('a bad code and a bad year', () => {
    expect(() => restoreDocument({ ...valid(), codes: { gpb: ['20103'] } })).toThrow('应为7位数字');
    expect(() => restoreDocument({ ...valid(), meta: { department: 'x', year: 1990 } })).toThrow('决算年度无效');
  });
});

describe('restore() tolerates and normalizes', () => {
  it('fills defaults, normalizes amounts and drops values typed over formula cells with a note', () => {
    const doc = valid();
    doc.inputs.t06['30201'].amount = '1,234.5';
    doc.inputs.t06.public = { amount: '999' };
    delete doc.customCodes;
    delete doc.texts;
    const r = restoreDocument(doc);
    expect(r.doc.inputs.t06?.['30201']?.amount).toBe('1234.50');
    expect(r.doc.inputs.t06?.public).toBeUndefined();
    expect(r.notes.join()).toContain('不是输入单元格');
    expect(r.doc.customCodes).toEqual({});
    expect(r.doc.texts).toEqual({});
  });

  it('round-trips the example unchanged', () => {
    const doc = exampleDocument();
    expect(restoreDocument(JSON.parse(JSON.stringify(doc))).doc).toEqual(doc);
  });
});

// House style "drop the bad part, keep the rest" (issue 14, probe 4): one bad amount is left out
// and reported, the rest of the workbook opens.
describe('restore() drops a bad amount with a note and keeps the rest', () => {
  it.each([
    ['text', '二十一', '「二十一」不是有效金额'],
    ['a number above the range', 20000000000000, '「20000000000000」超出金额范围（金额的绝对值须小于 1,000,000,000 万元）'],
    ['1e300', 1e300, '「1e+300」超出金额范围'],
    ['an amount in 元', '120000元', '「120000元」的单位是元'],
  ])('%s', (_name, bad, message) => {
    const doc = valid();
    doc.inputs.t06['30201'].amount = bad;
    const { doc: out, notes } = restoreDocument(doc);
    expect(out.inputs.t06?.['30201']?.amount).toBeUndefined();
    expect(out.inputs.t06?.['30202']?.amount).toBe(exampleDocument().inputs.t06?.['30202']?.amount);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain('已忽略公开06表「30201」的值：');
    expect(notes[0]).toContain(message);
  });
});

describe('restore() of 部门决算单位构成, 审核 tolerance and zero style', () => {
  it('keeps units in order, trims them, drops a line without a name with a note', () => {
    const r = restoreDocument({ ...valid(), units: [{ name: ' 甲局（本级） ', note: '' }, { name: '', note: 'x' }, { name: '甲局财政所', note: '预算不单列，并入本级' }, 'junk'] });
    expect(r.doc.units).toEqual([
      { name: '甲局（本级）', note: '' },
      { name: '甲局财政所', note: '预算不单列，并入本级' },
    ]);
    expect(r.notes.filter((n) => n.includes('部门决算单位构成'))).toHaveLength(2);
  });

  it('fills the default bands, normalizes given ones and replaces bad ones with a note', () => {
    expect(restoreDocument({ ...valid(), auditTolerance: undefined }).doc.auditTolerance).toEqual({ rounding: '0.03', error: '0.05' });
    expect(restoreDocument({ ...valid(), auditTolerance: { rounding: 0.01, error: '0.1' } }).doc.auditTolerance).toEqual({ rounding: '0.01', error: '0.10' });
    const bad = restoreDocument({ ...valid(), auditTolerance: { rounding: '0.09', error: '0.05' } });
    expect(bad.doc.auditTolerance).toEqual({ rounding: '0.03', error: '0.05' });
    expect(bad.notes).toContainEqual(expect.stringContaining('审核容差无效'));
  });

  it('keeps a zero style only when it is one the tables know', () => {
    expect(restoreDocument({ ...valid(), zeroStyle: 'zero' }).doc.zeroStyle).toBe('zero');
    expect('zeroStyle' in restoreDocument({ ...valid(), zeroStyle: 'dots' }).doc).toBe(false);
  });
});

describe('restore() of texts waiting for review (carried from last year)', () => {
  it('keeps ids of texts the document has, sorted and once; drops the rest and non-strings', () => {
    const doc = exampleDocument();
    const r = restoreDocument({ ...doc, reviewTexts: ['overview.structure', 'nope', 3, 'overview.duties', 'overview.structure'] });
    expect(r.doc.reviewTexts).toEqual(['overview.duties', 'overview.structure']);
    expect('reviewTexts' in restoreDocument({ ...doc, reviewTexts: ['nope'] }).doc).toBe(false);
  });
});

describe('restore() of printed figures (审查)', () => {
  it('keeps printed figures of computed cells as 2-dp amounts; absent when none', () => {
    expect('printed' in restoreDocument(valid()).doc).toBe(false);
    const { doc, notes } = restoreDocument({ ...valid(), printed: { t06: { public: { amount: '596.7' }, personnel: { amount: 979.88 } }, t02: { sum: { fin: '1,576.05' } } } });
    expect(doc.printed).toEqual({ t06: { public: { amount: '596.70' }, personnel: { amount: '979.88' } }, t02: { sum: { fin: '1576.05' } } });
    expect(notes).toEqual([]);
    expect(restoreDocument(JSON.parse(JSON.stringify(doc))).doc).toEqual(doc);
  });

  it('drops, with a note each, a printed input cell, a bad amount, an unknown sheet, 补充资料 and bad ids; keeps the rest', () => {
    const { doc, notes } = restoreDocument({
      ...valid(),
      printed: {
        t06: { public: { amount: 'abc' }, personnel: { amount: '979.88' }, '30201': { amount: '10.00' }, 'x y': { amount: '1' } },
        t99: { sum: { total: '1' } },
        sup: { x: { value: '1' } },
      },
    });
    expect(doc.printed).toEqual({ t06: { personnel: { amount: '979.88' } } });
    expect(notes).toHaveLength(5);
    expect(notes.join('\n')).toContain('公开06表「public」的印刷数');
    expect(notes.join('\n')).toContain('忽略了输入单元格的印刷数：公开06表「30201」');
    expect(notes.join('\n')).toContain('「t99」的印刷数');
    expect(notes.join('\n')).toContain('「sup」的印刷数');
    expect(notes.join('\n')).toContain('忽略了 1 个格式错误的印刷数');
    expect('printed' in restoreDocument({ ...valid(), printed: 'junk' }).doc).toBe(false);
    expect(restoreDocument({ ...valid(), printed: 'junk' }).notes).toEqual(['印刷数格式错误，已忽略']);
  });
});

describe('restore() of a review made from a PDF (审查)', () => {
  it('keeps a printed blank apart from a printed 0.00', () => {
    const { doc } = restoreDocument({ ...valid(), printed: { t06: { public: { amount: '' }, personnel: { amount: '0' } } } });
    expect(doc.printed).toEqual({ t06: { public: { amount: '' }, personnel: { amount: '0.00' } } });
  });

  it('keeps the review report; its lines must fall within the published text', () => {
    const review = { file: '财政局.pdf', tables: [{ title: '收入决算表', pages: [8, 9], rows: 20, figures: 45 }], unread: ['第8页「收入决算表」：…'], lines: [[0, 4, 1], [4, 9, 2], [9, 500, 2]] };
    const { doc } = restoreDocument({ ...valid(), publishedText: { text: '一、概况收入支出总计', source: 'pdf', name: '财政局.pdf' }, review });
    expect(doc.review).toEqual({ ...review, lines: [[0, 4, 1], [4, 9, 2]] });
    expect(doc.publishedText?.source).toBe('pdf');
  });

  it('drops a malformed review with a note; the tables stay', () => {
    const { doc, notes } = restoreDocument({ ...valid(), review: 'junk' });
    expect('review' in doc).toBe(false);
    expect(notes).toEqual(['审查来源的格式错误，已忽略（表格数据不受影响）']);
    expect(doc.inputs).toEqual(restoreDocument(valid()).doc.inputs);
  });
});

describe('restore() of the published text under review (表文核对)', () => {
  it('keeps the text, its source and file name; absent when none or blank', () => {
    expect('publishedText' in restoreDocument(valid()).doc).toBe(false);
    expect('publishedText' in restoreDocument({ ...valid(), publishedText: { text: ' \n ', source: 'paste' } }).doc).toBe(false);
    const { doc, notes } = restoreDocument({ ...valid(), publishedText: { text: '一、收入\r\n本年收入合计1576.05万元。\u0007', source: 'docx', name: ' 情况说明.docx ' } });
    expect(doc.publishedText).toEqual({ text: '一、收入\n本年收入合计1576.05万元。', source: 'docx', name: '情况说明.docx' });
    expect(notes).toEqual([]);
  });

  it('an unknown source is a paste; junk is dropped with a note; an overlong text is cut with a note', () => {
    expect(restoreDocument({ ...valid(), publishedText: { text: '收入', source: 'fax' } }).doc.publishedText).toEqual({ text: '收入', source: 'paste' });
    const junk = restoreDocument({ ...valid(), publishedText: 42 });
    expect(['publishedText' in junk.doc, junk.notes]).toEqual([false, ['表文核对的文字格式错误，已忽略']]);
    const long = restoreDocument({ ...valid(), publishedText: { text: '收'.repeat(300_001), source: 'pdf' } });
    expect([long.doc.publishedText?.text.length, long.doc.publishedText?.source, long.notes]).toEqual([300_000, 'pdf', ['表文核对的文字超过 300,000 字，其余未读取']]);
  });
});
