import { describe, expect, it } from 'vitest';
import type { LayoutCell, SheetLayout } from '../../src/engine';
import { exampleDocument, openWorkbook } from '../../src/app/templates';
import { cellClasses, clipboardText, columnPixelWidths, displayText, textUnits, toGridValue } from '../../src/ui/cell-view';

const amount: LayoutCell = { t: 'input', row: '30201', col: 'amount', format: 'amount' };
const count: LayoutCell = { t: 'input', row: 'recep.groups', col: 'value', format: 'count' };
const label: LayoutCell = { t: 'text', text: '办公费', role: 'label', indent: 1 };

describe('displayText', () => {
  it('formats amounts #,##0.00 half-up with decimal.js, not float rounding', () => {
    expect(displayText(amount, 1576.05, 'zero')).toBe('1,576.05');
    // 1.005 and 2.675 are below the tie in binary; half-up on the decimal text gives .01/.68.
    expect(displayText(amount, 1.005, 'zero')).toBe('1.01');
    expect(displayText(amount, 2.675, 'zero')).toBe('2.68');
    expect(displayText(amount, -1234567.125, 'zero')).toBe('-1,234,567.13');
    expect(displayText(amount, 1234567890.1, 'zero')).toBe('1,234,567,890.10');
  });

  it("blank tables show nothing for zero or empty; 'zero' tables show 0.00 (counts 0)", () => {
    expect(displayText(amount, 0, 'blank')).toBe('');
    expect(displayText(amount, null, 'blank')).toBe('');
    expect(displayText(amount, 0.004, 'blank')).toBe('');
    expect(displayText(amount, 0, 'zero')).toBe('0.00');
    expect(displayText(amount, null, 'zero')).toBe('0.00');
    expect(displayText(count, null, 'zero')).toBe('0');
    expect(displayText(count, 136, 'zero')).toBe('136');
  });

  it('shows labels, engine errors and strings as they are', () => {
    expect(displayText(label, null, 'zero')).toBe('办公费');
    expect(displayText(amount, toGridValue(amount, { error: '#DIV/0!' }), 'zero')).toBe('#DIV/0!');
    expect(displayText(null, null, 'zero')).toBe('');
  });
});

describe('clipboardText', () => {
  it('copies plain 2-dp numbers without separators, blanks as empty', () => {
    expect(clipboardText(amount, 1576.05)).toBe('1576.05');
    expect(clipboardText(amount, 117)).toBe('117.00');
    expect(clipboardText(amount, 596.1700000000001)).toBe('596.17');
    expect(clipboardText(amount, null)).toBe('');
    expect(clipboardText(count, 680)).toBe('680');
    expect(clipboardText(label, null)).toBe('办公费');
  });
});

describe('cellClasses', () => {
  it('tells inputs from computed cells and carries row kind, indent and 审核 mark', () => {
    expect(cellClasses(amount, 'item', null)).toEqual(['r-item', 'c-input', 'c-num']);
    const formula: LayoutCell = { t: 'formula', row: 'public', col: 'amount', format: 'amount', source: '', formula: '' };
    expect(cellClasses(formula, 'footer', 'error')).toEqual(['r-footer', 'c-calc', 'c-num', 'c-mark-error']);
    expect(cellClasses(label, 'item', null)).toEqual(['r-item', 'c-label', 'c-indent-1']);
    expect(cellClasses(null, 'pad', null)).toEqual(['r-pad', 'c-empty']);
  });
});

describe('columnPixelWidths', () => {
  it('counts a Chinese character as two units', () => {
    expect(textUnits('单位：万元')).toBe(10);
    expect(textUnits('公开01表')).toBe(8);
  });

  it('follows the template widths and widens a column whose one-line label would wrap', () => {
    const engine = openWorkbook(exampleDocument());
    const t01 = engine.sheet('t01');
    // 公开01表: [34, 6, 14, 34, 6, 14] units at 8 px + 10 px padding.
    expect(columnPixelWidths(t01)).toEqual([282, 58, 122, 282, 58, 122]);
    // 补充资料's unit column (8 units = 74 px) is widened for 单位：万元 (10 units).
    const sup: SheetLayout = engine.sheet('sup');
    expect(columnPixelWidths(sup)[2]).toBe(85);
  });

  it('keeps a short header on one line by widening at most a fifth; longer ones wrap', () => {
    const engine = openWorkbook(exampleDocument());
    // 公开02表: 功能分类科目编码 and 附属单位上缴收入 (16 units: 16 × 6.8 + 20 = 129 px) fit
    // in 122 × 1.2 and 114 × 1.2; every other column keeps its 8 px per unit + 10.
    expect(columnPixelWidths(engine.sheet('t02'))).toEqual([129, 282, 114, 114, 114, 114, 114, 129, 114]);
    // 公开06表's 10-unit code column (90 px) would need 129: it wraps instead.
    expect(columnPixelWidths(engine.sheet('t06')).slice(0, 3)).toEqual([90, 218, 106]);
  });
});
