// Opening an imported document as a new workbook, and replacing the current one after a
// 'before-import' snapshot (undoable, saved). Figures from the reference: 30201 办公费 21.34.
import { describe, expect, it } from 'vitest';
import { Autosave } from '../../src/app/autosave';
import { WorkbookSession } from '../../src/app/session';
import { WorkbookActions, WorkbookActionError } from '../../src/app/workbook-actions';
import { exampleDocument, openWorkbook, restoreDocument } from '../../src/app/templates';
import type { WorkbookDocument } from '../../src/model/document';
import { MemoryStore, StorageQuotaError } from '../../src/storage';

function withOffice(amount: string): WorkbookDocument {
  const doc = exampleDocument();
  doc.inputs.t06!['30201']!.amount = amount;
  return doc;
}

async function setup(readOnly: string | null = null) {
  const store = new MemoryStore({ restore: restoreDocument });
  await store.create([{ info: { id: 'w1', name: '蓝山2021', kind: 'base' }, doc: exampleDocument() }]);
  const session = new WorkbookSession(openWorkbook(exampleDocument()));
  const autosave = new Autosave(store, session, 'w1', { revision: 1, doc: session.doc });
  const shown: string[] = [];
  let announced = 0;
  const actions = new WorkbookActions({
    store,
    current: { id: 'w1', session, autosave, readOnly },
    session,
    show: (id) => shown.push(id),
    announceLibrary: () => announced++,
  });
  return { store, session, autosave, actions, shown, announced: () => announced };
}

describe('WorkbookActions', () => {
  it('openAsNewWorkbook stores the document under a new id and shows it', async () => {
    const { store, actions, shown, announced } = await setup();
    const info = await actions.openAsNewWorkbook(withOffice('31.34'), '导入的蓝山');
    expect(info).toMatchObject({ name: '导入的蓝山', kind: 'base', department: '蓝山县行政审批服务局', year: 2021, revision: 1 });
    expect(shown).toEqual([info!.id]);
    expect(announced()).toBe(1);
    expect((await store.load(info!.id)).doc.inputs.t06?.['30201']?.amount).toBe('31.34');
    // The workbook it came from is untouched.
    expect((await store.load('w1')).doc.inputs.t06?.['30201']?.amount).toBe('21.34');
  });

  it('openAsNewWorkbook names the workbook 部门 年度年度决算 by default', async () => {
    const { actions } = await setup();
    expect((await actions.openAsNewWorkbook(exampleDocument()))!.name).toBe('蓝山县行政审批服务局 2021年度决算');
  });

  it('replaceCurrentWorkbook snapshots first, replaces as one undo step, and saves', async () => {
    const { store, session, actions } = await setup();
    session.edit([{ sheet: 't06', row: '30202', col: 'amount', raw: '7' }]);
    const { snapshot } = await actions.replaceCurrentWorkbook(withOffice('31.34'), '导入「蓝山.xlsx」');
    expect(snapshot).toMatchObject({ reason: 'before-import', label: '导入「蓝山.xlsx」前的版本', revision: 2 });
    // The snapshot holds the edit made before the import.
    const kept = await store.loadSnapshot('w1', snapshot!.id);
    expect(kept.doc.inputs.t06?.['30202']?.amount).toBe('7.00');
    expect(kept.doc.inputs.t06?.['30201']?.amount).toBe('21.34');
    const stored = await store.load('w1');
    expect(stored.info.revision).toBe(3);
    expect(stored.doc.inputs.t06?.['30201']?.amount).toBe('31.34');
    expect(session.engine.amount('t06', 'public', 'amount')?.toFixed(2)).toBe('606.17');
    expect(session.undo()).toBe('导入「蓝山.xlsx」');
    // Back to the pre-import document: 596.17 − 2.61 (30202 印刷费 in the reference) + 7.
    expect(session.engine.amount('t06', 'public', 'amount')?.toFixed(2)).toBe('600.56');
  });

  it('replaceCurrentWorkbook refuses in a read-only tab and changes nothing', async () => {
    const { store, session, actions } = await setup('另一个标签页正在编辑');
    await expect(actions.replaceCurrentWorkbook(withOffice('31.34'), '导入')).rejects.toThrow(WorkbookActionError);
    await expect(actions.replaceCurrentWorkbook(withOffice('31.34'), '导入')).rejects.toThrow('另一个标签页正在编辑');
    expect(session.doc.inputs.t06?.['30201']?.amount).toBe('21.34');
    expect(await store.listSnapshots('w1')).toEqual([]);
  });

  it('replaceCurrentWorkbook replaces nothing when the snapshot cannot be stored', async () => {
    const { store, session, actions } = await setup();
    store.backend.fault = (op) => (op === 'write' ? new DOMException('full', 'QuotaExceededError') : null);
    const err = await actions.replaceCurrentWorkbook(withOffice('31.34'), '导入').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkbookActionError);
    expect((err as Error).message).toContain(new StorageQuotaError().message);
    expect(session.doc.inputs.t06?.['30201']?.amount).toBe('21.34');
    expect(session.canUndo()).toBe(false);
  });

  it('in memory mode both replace the document on screen (undoable)', async () => {
    const session = new WorkbookSession(openWorkbook(exampleDocument()));
    const actions = new WorkbookActions({ store: null, current: null, session, show: () => expect.fail('nothing stored to show') });
    expect(await actions.openAsNewWorkbook(withOffice('31.34'), 'x')).toBeNull();
    expect(session.doc.inputs.t06?.['30201']?.amount).toBe('31.34');
    expect(await actions.replaceCurrentWorkbook(withOffice('41.34'), '导入')).toEqual({ snapshot: null });
    expect(session.doc.inputs.t06?.['30201']?.amount).toBe('41.34');
    session.undo();
    expect(session.doc.inputs.t06?.['30201']?.amount).toBe('31.34');
  });
});
