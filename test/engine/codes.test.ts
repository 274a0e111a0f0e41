import { describe, expect, it } from 'vitest';
import { exampleDocument, openWorkbook } from '../../src/app/templates';
import { rowTexts, shown } from './helpers';

describe('classification rows belong to the department', () => {
  it('adding 2080505 with amounts in 02 and 05 (03 takes 05) adds class 208 and 款 20805 and every 合计 includes it; removing restores', () => {
    const e = openWorkbook(exampleDocument());
    e.addCode('gpb', '2080505');
    expect(rowTexts(e, 't05', '208', 'total')).toEqual(['208', '社会保障和就业支出']);
    expect(rowTexts(e, 't05', '20805', 'total')).toEqual(['20805', '行政事业单位养老支出']);
    expect(rowTexts(e, 't05', '2080505', 'total')).toEqual(['2080505', '机关事业单位基本养老保险缴费支出']);
    expect(rowTexts(e, 't01', '208', 'amount')).toContain('二、社会保障和就业支出');

    e.setInputs([
      { sheet: 't02', row: '2080505', col: 'fin', raw: '10' },
      { sheet: 't05', row: '2080505', col: 'basic', raw: '10' },
    ]);
    for (const row of ['2080505', '20805', '208']) {
      expect(shown(e, 't02', row, 'total')).toBe('10.00');
      expect(shown(e, 't03', row, 'total')).toBe('10.00');
      expect(shown(e, 't05', row, 'total')).toBe('10.00');
    }
    expect(shown(e, 't02', 'sum', 'total')).toBe('1586.05');
    expect(shown(e, 't03', 'sum', 'total')).toBe('1586.05');
    expect(shown(e, 't05', 'sum', 'total')).toBe('1586.05');
    expect(shown(e, 't01', '208', 'amount')).toBe('10.00');
    expect(shown(e, 't01', 'inc.total', 'amount')).toBe('1586.05');
    expect(shown(e, 't01', 'exp.total', 'amount')).toBe('1586.05');
    expect(shown(e, 't01', 'exp.grand', 'amount')).toBe('1586.05');
    expect(shown(e, 't04', '208', 'gpb')).toBe('10.00');
    expect(shown(e, 't04', 'exp.total', 'all')).toBe('1586.05');
    expect(shown(e, 't04', 'inc.grand', 'amount')).toBe('1586.05');
    // 05 基本支出 now exceeds 06 by the 10.00 just added: the audit says so.
    expect(e.audit().find((f) => f.ruleId === 'X56-1')?.diff?.toFixed(2)).toBe('10.00');

    e.removeCode('gpb', '2080505');
    expect(e.has('t05', '208', 'total')).toBe(false);
    for (const t of ['t02', 't03', 't05'] as const) expect(shown(e, t, 'sum', 'total')).toBe('1576.05');
    expect(shown(e, 't01', 'exp.grand', 'amount')).toBe('1576.05');
    expect(e.document().inputs.t05?.['2080505']).toBeUndefined();
    expect(e.audit()).toEqual([]);
  });

  it('a user-defined code needs a name; a 项 under an existing 款 joins its SUM range', () => {
    const e = openWorkbook(exampleDocument());
    expect(() => e.addCode('gpb', '2010398')).toThrow('请填写科目名称');
    e.addCode('gpb', '2010301');
    e.setInput('t05', '2010301', 'proj', '3.5');
    expect(shown(e, 't05', '20103', 'total')).toBe('1579.55');
    expect(shown(e, 't05', 'sum', 'proj')).toBe('3.50');
    e.addCode('gpb', '2010398', '自定义审批事务');
    expect(rowTexts(e, 't05', '2010398', 'total')).toEqual(['2010398', '自定义审批事务']);
    // Existing inputs survive a relayout.
    expect(shown(e, 't05', '2010301', 'proj')).toBe('3.50');
  });

  it('政府性基金 codes show in 08, 02/03 and as a 04 column', () => {
    const e = openWorkbook(exampleDocument());
    e.addCode('gf', '2120801', '征地和拆迁补偿支出');
    e.setInputs([
      { sheet: 't08', row: '2120801', col: 'inc', raw: '50' },
      { sheet: 't08', row: '2120801', col: 'exp_proj', raw: '40' },
    ]);
    expect(shown(e, 't08', 'sum', 'close')).toBe('10.00');
    expect(shown(e, 't01', 'inc.gf', 'amount')).toBe('50.00');
    expect(shown(e, 't04', '212', 'gf')).toBe('40.00');
    expect(shown(e, 't04', 'close', 'gf')).toBe('10.00');
    expect(e.has('t05', '2120801', 'total')).toBe(false);
    expect(e.has('t02', '2120801', 'fin')).toBe(true);
  });

  it('06 economic lines: add from the catalogue where the template allows', () => {
    const e = openWorkbook(exampleDocument());
    expect(() => e.addEconomicCode('30901')).toThrow('不含 309 类');
    expect(() => e.addEconomicCode('30201')).toThrow('已在表中');
    e.addEconomicCode('30311');
    e.setInput('t06', '30311', 'amount', '2');
    expect(shown(e, 't06', '303', 'amount')).toBe('2.00');
    expect(shown(e, 't06', 'personnel', 'amount')).toBe('981.88');
    expect(() => e.removeEconomicCode('30201')).toThrow('模板规定');
    e.removeEconomicCode('30311');
    expect(shown(e, 't06', 'personnel', 'amount')).toBe('979.88');
  });
});
