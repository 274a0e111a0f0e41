// A read-only tab refuses every change with the reason, and another tab's saves shown in this
// tab are not undo steps (undoing one would write the other tab's work away).
import { describe, expect, it, vi } from 'vitest';
import { OpenedWorkbook } from '../../src/app/open-workbook';
import { WorkbookSession } from '../../src/app/session';
import { TabCoordinator, TAB_TEXT } from '../../src/app/tab-coordination';
import { exampleDocument, openWorkbook, restoreDocument } from '../../src/app/templates';
import { InputError } from '../../src/model/amount';
import { MemoryStore } from '../../src/storage';
import { FakeChannelHub, FakeLocks } from './tab-fakes';

const EDIT = [{ sheet: 't06' as const, row: '30201', col: 'amount', raw: '31.34' }];

describe('WorkbookSession.setReadOnly', () => {
  it('refuses edits, codes, meta, texts and replacements with the reason; undo does nothing', () => {
    const s = new WorkbookSession(openWorkbook(exampleDocument()));
    s.edit([{ sheet: 't06', row: '30202', col: 'amount', raw: '5' }]);
    s.setReadOnly('另一个标签页正在编辑');
    expect(() => s.edit(EDIT)).toThrow(new InputError('另一个标签页正在编辑'));
    expect(() => s.removeCode('gpb', '2010306')).toThrow(InputError);
    expect(() => s.setMeta({ year: 2022 })).toThrow(InputError);
    expect(() => s.setText('perf.result', '良好')).toThrow(InputError);
    expect(() => s.replaceDocument(exampleDocument(), '导入')).toThrow(InputError);
    expect(s.canUndo()).toBe(false);
    expect(s.undo()).toBeNull();
    // Reference 30201 办公费 21.34; 30202 5.00 as edited before going read-only.
    expect(s.doc.inputs.t06?.['30201']?.amount).toBe('21.34');
    expect(s.doc.inputs.t06?.['30202']?.amount).toBe('5.00');
    s.setReadOnly(null);
    expect(s.undo()).toBe('修改数值');
    expect(s.doc.inputs.t06?.['30202']?.amount).toBe('2.61');
  });

  it('reload shows another document without an undo step and forgets older steps', () => {
    const s = new WorkbookSession(openWorkbook(exampleDocument()));
    s.edit([{ sheet: 't06', row: '30202', col: 'amount', raw: '5' }]);
    const events: string[] = [];
    s.subscribe((e) => events.push(e.type));
    s.setReadOnly('只读');
    const other = exampleDocument();
    other.inputs.t06!['30201']!.amount = '31.34';
    s.reload(other, '载入其他标签页保存的内容');
    expect(events).toEqual(['structure', 'change']);
    expect(s.engine.figure('public')?.toFixed(2)).toBe('606.17');
    s.setReadOnly(null);
    expect(s.canUndo()).toBe(false);
    expect(s.canRedo()).toBe(false);
  });
});

describe('a reader tab', () => {
  it('refuses edits until the writer closes, and cannot undo the writer’s edits afterwards', async () => {
    const store = new MemoryStore({ restore: restoreDocument });
    await store.create([{ info: { id: 'w1', name: '蓝山2021', kind: 'base' }, doc: exampleDocument() }]);
    const locks = new FakeLocks();
    const hub = new FakeChannelHub();
    const open = (name: string) => OpenedWorkbook.open({ store, tabs: new TabCoordinator({ locks, channel: hub.open() }, name), autosave: { delayMs: 0 } }, 'w1');
    const a = await open('A');
    const b = await open('B');
    expect(() => b.session.edit([{ sheet: 't06', row: '30202', col: 'amount', raw: '12.61' }])).toThrow(TAB_TEXT.readOnly);
    a.session.edit(EDIT);
    await a.autosave.flush();
    await vi.waitFor(() => expect(b.session.doc.inputs.t06?.['30201']?.amount).toBe('31.34'));
    await a.close();
    await vi.waitFor(() => expect(b.readOnly).toBeNull());
    expect(b.session.canUndo()).toBe(false);
    b.session.edit([{ sheet: 't06', row: '30202', col: 'amount', raw: '12.61' }]);
    await b.autosave.flush();
    const stored = (await store.load('w1')).doc.inputs.t06;
    expect(stored?.['30201']?.amount).toBe('31.34');
    expect(stored?.['30202']?.amount).toBe('12.61');
    await b.close();
  });
});
