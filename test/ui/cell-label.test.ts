import { describe, expect, it } from 'vitest';
import { exampleDocument, openWorkbook } from '../../src/app/templates';
import { cellLabel } from '../../src/ui/cell-label';

describe('cellLabel', () => {
  const engine = openWorkbook(exampleDocument());
  it.each([
    ['t06', '30201', 'amount', '30201 办公费 · 决算数'],
    ['t06', 'public', 'amount', '公用经费合计 · 决算数'],
    ['t05', 'sum', 'basic', '合计 · 本年支出 · 基本支出'],
    ['t05', '2010306', 'proj', '2010306 政务公开审批 · 本年支出 · 项目支出'],
    ['t01', 'exp.total', 'amount', '本年支出合计 · 支出 · 决算数'],
    ['t01', 'inc.gpb', 'amount', '一、一般公共预算财政拨款收入 · 收入 · 决算数'],
    ['t07', 'act', 'recep', '决算数 · 公务接待费'],
    ['sup', 'prior.grand', 'value', '上年收支总计 · 数值'],
  ] as const)('%s %s %s → %s', (sheet, row, col, label) => {
    expect(cellLabel(engine.sheet(sheet), row, col)).toBe(label);
  });
});
