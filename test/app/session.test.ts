import { describe, expect, it } from 'vitest';
import { WorkbookSession, type SessionEvent } from '../../src/app/session';
import { exampleDocument, openWorkbook } from '../../src/app/templates';

describe('WorkbookSession undo/redo', () => {
  it('undoes and redoes a value edit and a code removal', () => {
    const s = new WorkbookSession(openWorkbook(exampleDocument()));
    const events: SessionEvent['type'][] = [];
    s.subscribe((e) => events.push(e.type));

    s.edit([{ sheet: 't06', row: '30201', col: 'amount', raw: '31.34' }]);
    expect(s.engine.amount('t06', 'public', 'amount')?.toFixed(2)).toBe('606.17');
    expect(events).toEqual(['values', 'change']);

    s.removeCode('gpb', '2010306');
    expect(s.engine.amount('t05', 'sum', 'total')?.toFixed(2)).toBe('0.00');

    expect(s.undo()).toBe('删除科目 2010306');
    expect(s.engine.amount('t05', 'sum', 'total')?.toFixed(2)).toBe('1576.05');
    expect(s.undo()).toBe('修改数值');
    expect(s.engine.amount('t06', 'public', 'amount')?.toFixed(2)).toBe('596.17');
    expect(s.doc.inputs.t06?.['30201']?.amount).toBe('21.34');
    expect(s.canUndo()).toBe(false);

    expect(s.redo()).toBe('修改数值');
    expect(s.engine.amount('t06', 'public', 'amount')?.toFixed(2)).toBe('606.17');
    expect(s.redo()).toBe('删除科目 2010306');
    expect(s.engine.has('t05', '2010306', 'total')).toBe(false);
  });

  it('clearing a cell is undoable back to its value; a no-op edit is not recorded', () => {
    const s = new WorkbookSession(openWorkbook(exampleDocument()));
    s.edit([{ sheet: 't06', row: '30201', col: 'amount', raw: '21.34' }]);
    expect(s.canUndo()).toBe(false);
    s.edit([{ sheet: 't06', row: '30201', col: 'amount', raw: '' }]);
    expect(s.doc.inputs.t06?.['30201']).toBeUndefined();
    s.undo();
    expect(s.doc.inputs.t06?.['30201']?.amount).toBe('21.34');
  });
});
