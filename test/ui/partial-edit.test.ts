import { describe, expect, it } from 'vitest';
import { applyValidEdits } from '../../src/app/partial-edit';
import { WorkbookSession } from '../../src/app/session';
import { exampleDocument, openWorkbook } from '../../src/app/templates';

describe('applyValidEdits (a pasted block)', () => {
  it('applies the good cells as one undo step and returns the bad ones with their reason', () => {
    const session = new WorkbookSession(openWorkbook(exampleDocument()));
    const result = applyValidEdits(session, [
      { sheet: 't06', row: '30201', col: 'amount', raw: '31.34' },
      { sheet: 't06', row: '30202', col: 'amount', raw: 'abc' },
      { sheet: 't06', row: 'public', col: 'amount', raw: '1' },
      { sheet: 't06', row: '30203', col: 'amount', raw: '1,000' },
    ]);
    expect(result.applied.map((e) => e.row)).toEqual(['30201', '30203']);
    expect(result.rejected.map((r) => [r.edit.row, r.reason])).toEqual([
      ['30202', '「abc」不是有效金额，请输入数字，如 1234.56'],
      ['public', '该单元格由公式自动计算，不能直接修改'],
    ]);
    // 公用经费 596.17 + 10.00 (办公费) + 1,000.00 (咨询费).
    expect(session.engine.amount('t06', 'public', 'amount')?.toFixed(2)).toBe('1606.17');
    expect(session.engine.amount('t06', '30202', 'amount')?.toFixed(2)).toBe('2.61');
    session.undo();
    expect(session.engine.amount('t06', 'public', 'amount')?.toFixed(2)).toBe('596.17');
    expect(session.canUndo()).toBe(false);
  });

  it('changes nothing and records no step when every cell is bad', () => {
    const session = new WorkbookSession(openWorkbook(exampleDocument()));
    const result = applyValidEdits(session, [{ sheet: 't06', row: '30201', col: 'amount', raw: '=1+2' }]);
    expect(result.applied).toEqual([]);
    expect(result.rejected).toHaveLength(1);
    expect(session.canUndo()).toBe(false);
  });

  it('in a read-only tab refuses the whole block with the reason, instead of throwing', () => {
    const session = new WorkbookSession(openWorkbook(exampleDocument()));
    session.setReadOnly('另一个标签页正在编辑此工作簿');
    const result = applyValidEdits(session, [{ sheet: 't06', row: '30201', col: 'amount', raw: '31.34' }]);
    expect(result.applied).toEqual([]);
    expect(result.rejected.map((r) => r.reason)).toEqual(['另一个标签页正在编辑此工作簿']);
    expect(session.engine.amount('t06', '30201', 'amount')?.toFixed(2)).toBe('21.34');
  });
});
