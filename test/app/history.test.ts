// Version history: automatic snapshots at most every N minutes, event snapshots, restore.
import { describe, expect, it } from 'vitest';
import { Autosave } from '../../src/app/autosave';
import { IntervalSnapshots, listHistory, restoreSnapshot, snapshotBeforeImport } from '../../src/app/history';
import { WorkbookSession } from '../../src/app/session';
import { exampleDocument, openWorkbook, restoreDocument } from '../../src/app/templates';
import { MemoryStore } from '../../src/storage';

const MIN = 60_000;

async function setup() {
  const clock = { t: 1_000_000 };
  const store = new MemoryStore({ restore: restoreDocument, now: () => clock.t });
  const [info] = await store.create([{ info: { id: 'w1', name: '蓝山2021', kind: 'base' }, doc: exampleDocument() }]);
  const session = new WorkbookSession(openWorkbook(exampleDocument()));
  const autosave = new Autosave(store, session, 'w1', { revision: info!.revision, doc: session.doc }, { now: () => clock.t });
  const history = new IntervalSnapshots(store, { intervalMs: 10 * MIN, keep: 2, now: () => clock.t });
  autosave.onSaved(history.onSaved);
  const edit = async (raw: string) => {
    session.edit([{ sheet: 't06', row: '30201', col: 'amount', raw }]);
    await autosave.flush();
    await history.idle();
  };
  return { clock, store, session, autosave, history, edit };
}

describe('IntervalSnapshots', () => {
  it('takes one snapshot per interval while editing and keeps only the newest automatic ones', async () => {
    const { clock, store, edit } = await setup();
    await edit('1');
    clock.t += 5 * MIN;
    await edit('2');
    expect((await listHistory(store, 'w1')).map((s) => [s.reason, s.revision])).toEqual([['interval', 2]]);
    clock.t += 6 * MIN;
    await edit('3');
    clock.t += 11 * MIN;
    await edit('4');
    const list = await listHistory(store, 'w1');
    // keep: 2 — the first automatic snapshot (revision 2) was pruned.
    expect(list.map((s) => [s.reason, s.revision, s.label])).toEqual([
      ['interval', 5, '编辑过程中自动保留的版本'],
      ['interval', 4, '编辑过程中自动保留的版本'],
    ]);
    expect((await store.loadSnapshot('w1', list[1]!.id)).doc.inputs.t06?.['30201']).toEqual({ amount: '3.00' });
  });

  it('counts an event snapshot as recent and never prunes event snapshots', async () => {
    const { clock, store, session, autosave, edit } = await setup();
    await snapshotBeforeImport(store, 'w1', { doc: session.doc, revision: autosave.revision }, '蓝山2021.xlsx');
    clock.t += 1 * MIN;
    await edit('1');
    const list = await listHistory(store, 'w1');
    expect(list.map((s) => [s.reason, s.label])).toEqual([['before-import', '导入「蓝山2021.xlsx」前的版本']]);
  });
});

describe('restoreSnapshot', () => {
  it('returns the old document after keeping the current one; applied through the session it is saved and undoable', async () => {
    const { clock, store, session, autosave, edit } = await setup();
    await edit('31.34');
    expect((await listHistory(store, 'w1')).length).toBe(1);
    const [snap] = await listHistory(store, 'w1');
    clock.t += 1 * MIN;
    await edit('41.34');

    const { doc, safety } = await restoreSnapshot(store, 'w1', snap!.id, { doc: session.doc, revision: autosave.revision });
    expect(doc.inputs.t06?.['30201']).toEqual({ amount: '31.34' });
    expect(safety).toMatchObject({ reason: 'before-restore', revision: 3 });
    expect((await store.loadSnapshot('w1', safety.id)).doc.inputs.t06?.['30201']).toEqual({ amount: '41.34' });

    session.replaceDocument(doc, '恢复历史版本');
    await autosave.flush();
    expect((await store.load('w1')).doc.inputs.t06?.['30201']).toEqual({ amount: '31.34' });
    expect(session.engine.figure('public')?.toFixed(2)).toBe('606.17');
    session.undo();
    await autosave.flush();
    expect((await store.load('w1')).doc.inputs.t06?.['30201']).toEqual({ amount: '41.34' });
  });

  it('restoring a version brings back the 绩效自评 score it had (在职人数 90 → 93 分, restored 98 分)', async () => {
    const { clock, store, session, autosave, history } = await setup();
    const editSup = async (row: string, raw: string) => {
      session.edit([{ sheet: 'sup', row, col: 'value', raw }]);
      await autosave.flush();
      await history.idle();
    };
    await editSup('staff.retired', '3');
    const [snap] = await listHistory(store, 'w1');
    clock.t += 1 * MIN;
    await editSup('staff.actual', '90');
    expect(session.engine.amount('perf', 'total', 'score')?.toFixed(2)).toBe('93.00');
    const { doc } = await restoreSnapshot(store, 'w1', snap!.id, { doc: session.doc, revision: autosave.revision });
    session.replaceDocument(doc, '恢复历史版本');
    expect(session.engine.amount('perf', 'total', 'score')?.toFixed(2)).toBe('98.00');
    expect(session.engine.amount('perf', 'staffControl', 'value')?.toFixed(2)).toBe('74.70');
  });
});
