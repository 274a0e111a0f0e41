// Every figure printed in tables 01–09 of the reference document
// (shared/seed: 蓝山县行政审批服务局 2021), computed from the example's inputs.
import { beforeAll, describe, expect, it } from 'vitest';
import { type WorkbookEngine } from '../../src/engine';
import { exampleDocument, openWorkbook } from '../../src/app/templates';
import { rowTexts, shown } from './helpers';

let e: WorkbookEngine;
beforeAll(() => {
  e = openWorkbook(exampleDocument());
});

const TOTAL = '1576.05';

describe('公开01表 部门收支决算总表', () => {
  it('income side', () => {
    expect(shown(e, 't01', 'inc.gpb', 'amount')).toBe(TOTAL);
    for (const r of ['inc.gf', 'inc.sup', 'inc.biz', 'inc.op', 'inc.affil', 'inc.oth']) expect(shown(e, 't01', r, 'amount')).toBe('0.00');
    expect(shown(e, 't01', 'inc.total', 'amount')).toBe(TOTAL);
    expect(shown(e, 't01', 'inc.reserve', 'amount')).toBe('');
    expect(shown(e, 't01', 'inc.open', 'amount')).toBe('');
    expect(shown(e, 't01', 'inc.grand', 'amount')).toBe(TOTAL);
  });
  it('expenditure side', () => {
    expect(shown(e, 't01', '201', 'amount')).toBe(TOTAL);
    expect(rowTexts(e, 't01', '201', 'amount')).toContain('一、一般公共服务支出');
    expect(shown(e, 't01', 'exp.total', 'amount')).toBe(TOTAL);
    expect(shown(e, 't01', 'exp.alloc', 'amount')).toBe('');
    expect(shown(e, 't01', 'exp.close', 'amount')).toBe('0.00');
    expect(shown(e, 't01', 'exp.grand', 'amount')).toBe(TOTAL);
  });
  it('行次 as printed: income 1–13, expenditure 14–26', () => {
    expect(rowTexts(e, 't01', 'inc.gpb', 'amount')).toEqual(['一、一般公共预算财政拨款收入', '1', '一、一般公共服务支出', '14']);
    expect(rowTexts(e, 't01', 'inc.total', 'amount')).toEqual(['本年收入合计', '9', '本年支出合计', '22']);
    expect(rowTexts(e, 't01', 'inc.grand', 'amount')).toEqual(['总计', '13', '总计', '26']);
  });
});

describe('公开02表 部门收入决算表', () => {
  it.each(['sum', '201', '20103', '2010306'])('row %s', (row) => {
    expect(shown(e, 't02', row, 'total')).toBe(TOTAL);
    expect(shown(e, 't02', row, 'fin')).toBe(TOTAL);
    for (const c of ['sup', 'biz', 'op', 'affil', 'oth']) expect(shown(e, 't02', row, c)).toBe(row === '2010306' ? '' : '0.00');
  });
  it('names the codes as the reference', () => {
    expect(rowTexts(e, 't02', '201', 'total')).toEqual(['201', '一般公共服务支出']);
    expect(rowTexts(e, 't02', '20103', 'total')).toEqual(['20103', '政府办公厅（室）及相关机构事务']);
    expect(rowTexts(e, 't02', '2010306', 'total')).toEqual(['2010306', '政务公开审批']);
  });
});

describe('公开03表 部门支出决算表', () => {
  it.each(['sum', '201', '20103', '2010306'])('row %s', (row) => {
    expect(shown(e, 't03', row, 'total')).toBe(TOTAL);
    expect(shown(e, 't03', row, 'basic')).toBe(TOTAL);
    for (const c of ['proj', 'up', 'op', 'affil']) expect(e.amount('t03', row, c)?.toNumber() ?? 0).toBe(0);
  });
});

describe('公开04表 财政拨款收支决算总表', () => {
  it('income side', () => {
    expect(shown(e, 't04', 'inc.gpb', 'amount')).toBe(TOTAL);
    expect(e.amount('t04', 'inc.gf', 'amount')?.toNumber()).toBe(0);
    expect(shown(e, 't04', 'inc.total', 'amount')).toBe(TOTAL);
    expect(e.amount('t04', 'open.total', 'amount')?.toNumber()).toBe(0);
    expect(shown(e, 't04', 'inc.grand', 'amount')).toBe(TOTAL);
  });
  it('expenditure side by fund', () => {
    for (const row of ['201', 'exp.total', 'exp.grand']) {
      expect(shown(e, 't04', row, 'all')).toBe(TOTAL);
      expect(shown(e, 't04', row, 'gpb')).toBe(TOTAL);
      expect(e.amount('t04', row, 'gf')?.toNumber()).toBe(0);
    }
    expect(e.amount('t04', 'close', 'all')?.toNumber()).toBe(0);
  });
  it('行次 as printed: income 1–14, expenditure 15–28', () => {
    expect(rowTexts(e, 't04', 'inc.gpb', 'amount')).toEqual(['一、一般公共预算财政拨款', '1', '一、一般公共服务支出', '15']);
    expect(rowTexts(e, 't04', 'inc.total', 'amount')).toEqual(['本年收入合计', '9', '本年支出合计', '23']);
    expect(rowTexts(e, 't04', 'open.total', 'amount')).toEqual(['年初财政拨款结转和结余', '10', '年末财政拨款结转和结余', '24']);
    expect(rowTexts(e, 't04', 'inc.grand', 'amount')).toEqual(['总计', '14', '总计', '28']);
  });
});

describe('公开05表 一般公共预算财政拨款支出决算表', () => {
  it.each(['sum', '201', '20103', '2010306'])('row %s', (row) => {
    expect(shown(e, 't05', row, 'total')).toBe(TOTAL);
    expect(shown(e, 't05', row, 'basic')).toBe(TOTAL);
    expect(e.amount('t05', row, 'proj')?.toNumber() ?? 0).toBe(0);
  });
});

describe('公开06表 一般公共预算财政拨款基本支出决算表', () => {
  // Every non-blank amount printed in the reference table, by economic code.
  const printed: Record<string, string> = {
    '301': '979.88', '30101': '344.02', '30102': '172.33', '30103': '89.14', '30106': '69.58', '30107': '97.44',
    '30108': '83.12', '30109': '17.38', '30110': '34.57', '30112': '4.63', '30113': '34.22', '30199': '33.45',
    '302': '494.62', '30201': '21.34', '30202': '2.61', '30205': '2.53', '30206': '117.00', '30209': '130.48',
    '30211': '10.04', '30213': '7.26', '30214': '5.94', '30215': '0.52', '30216': '1.58', '30217': '6.54',
    '30228': '24.00', '30239': '20.61', '30299': '144.17',
    '310': '101.55', '31002': '18.29', '31007': '54.03', '31099': '29.23',
  };
  it('prints every reference amount', () => {
    for (const [code, v] of Object.entries(printed)) expect([code, shown(e, 't06', code, 'amount')]).toEqual([code, v]);
  });
  it('everything else is blank or zero', () => {
    const s = e.sheet('t06');
    const others = [...s.index.keys()].map((k) => k.split('|')[0]!).filter((c) => /^\d+$/.test(c) && !(c in printed));
    expect(others.length).toBe(79 - 31); // 6 classes + 73 items printed, 31 of them non-blank
    for (const c of others) expect(e.amount('t06', c, 'amount')?.toNumber() ?? 0).toBe(0);
  });
  it('footer: 人员经费合计 979.88, 公用经费合计 596.17', () => {
    expect(shown(e, 't06', 'personnel', 'amount')).toBe('979.88');
    expect(shown(e, 't06', 'public', 'amount')).toBe('596.17');
    expect(e.figure('basicTotal')?.toFixed(2)).toBe(TOTAL);
    expect(e.figure('publicShare')?.toFixed(2)).toBe('37.83');
    expect(e.figure('personnelShare')?.toFixed(2)).toBe('62.17');
  });
  it('lays out three column pairs with 28 rows, as the print', () => {
    expect(rowTexts(e, 't06', '30101', 'amount')).toEqual(['30101', '基本工资', '30201', '办公费', '30701', '国内债务付息']);
    expect(rowTexts(e, 't06', '30299', 'amount')).toEqual(['30299', '其他商品和服务支出']);
    expect(rowTexts(e, 't06', '30108', 'amount')).toContain('机关事业单位基本养老保险费');
  });
});

describe('公开07表 “三公”经费', () => {
  it('预算数 60 / 决算数 6.54, all on 公务接待费', () => {
    expect(shown(e, 't07', 'bud', 'total')).toBe('60.00');
    expect(shown(e, 't07', 'bud', 'recep')).toBe('60.00');
    expect(shown(e, 't07', 'act', 'total')).toBe('6.54');
    expect(shown(e, 't07', 'act', 'recep')).toBe('6.54');
    for (const v of ['bud', 'act']) for (const c of ['abroad', 'car', 'car_buy', 'car_run']) expect(e.amount('t07', v, c)?.toNumber() ?? 0).toBe(0);
    expect(e.figure('sangongRate')?.toFixed(2)).toBe('10.90');
  });
});

describe('公开08表 and 公开09表 are empty', () => {
  it('08: 合计 row all 0 with the 空表说明', () => {
    for (const c of ['open', 'inc', 'exp', 'exp_basic', 'exp_proj', 'close']) expect(shown(e, 't08', 'sum', c)).toBe('0.00');
    const notes = e.sheet('t08').cells.flat().flatMap((c) => (c?.t === 'text' && c.role === 'note' ? [c.text] : []));
    expect(notes).toContain('(蓝山县行政审批服务局没有政府性基金收入，也没有使用政府性基金安排的支出，故本表无数据)。');
  });
  it('09: 合计 row all 0', () => {
    for (const c of ['total', 'basic', 'proj']) expect(shown(e, 't09', 'sum', c)).toBe('0.00');
  });
});

describe('审核 of the example', () => {
  it('has no 错误 and no 提示', () => {
    expect(e.audit()).toEqual([]);
  });
  it('the 审核 sheet shows 差额 0 and 通过 on every identity', () => {
    expect(e.layout.rules.length).toBeGreaterThan(15);
    for (const rule of e.layout.rules) {
      expect([rule.rowId, e.value('audit', rule.rowId, 'result')]).toEqual([rule.rowId, '通过']);
      expect([rule.rowId, shown(e, 'audit', rule.rowId, 'diff')]).toEqual([rule.rowId, '0.00']);
    }
  });
});
