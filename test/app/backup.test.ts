// JSON backup: versioned envelope out; in through restore(), all-or-nothing, never overwriting.
import { describe, expect, it } from 'vitest';
import { BackupError, buildBackup, checkBackupSize, exportAll, exportDamaged, exportWorkbook, importBackup, parseBackup } from '../../src/app/backup';
import { createScenario } from '../../src/app/scenarios';
import { exampleDocument, openWorkbook, restoreDocument } from '../../src/app/templates';
import { newDocument } from '../../src/model';
import { MemoryStore, STORAGE_KEYS } from '../../src/storage';
import v1Fixture from '../fixtures/workbook-v1.json';
import { exampleBeforeReport } from '../support/example-before-report';

const AT = new Date(2026, 10, 26, 9, 5); // local time: file names use the user's clock

async function filled() {
  const store = new MemoryStore({ restore: restoreDocument });
  await store.create([{ info: { id: 'lanshan', name: '蓝山2021', kind: 'base' }, doc: exampleDocument() }]);
  return store;
}

describe('export', () => {
  it('writes one workbook in the versioned envelope, named by 部门, 年度 and time', async () => {
    const store = await filled();
    const out = await exportWorkbook(store, 'lanshan', AT);
    expect(out.fileName).toBe('决算公开备份-蓝山县行政审批服务局-2021-20261126-0905.json');
    const file = JSON.parse(out.text);
    expect(file).toMatchObject({ type: 'juesuan-backup', schemaVersion: 1, app: 'juesuan-gongkai', exportedAt: AT.toISOString() });
    expect(file.workbooks).toHaveLength(1);
    expect(file.workbooks[0]).toMatchObject({ id: 'lanshan', name: '蓝山2021', kind: 'base', department: '蓝山县行政审批服务局', year: 2021 });
    expect(file.workbooks[0].document).toEqual(exampleDocument());
  });

  it('exports everything not deleted, and names the records it could not read', async () => {
    const store = await filled();
    await createScenario(store, 'lanshan', '情景一');
    const [gone] = await store.create([{ info: { id: 'gone', name: '已删除', kind: 'base' }, doc: exampleDocument() }]);
    await store.updateInfo(gone!.id, { deletedAt: 1 });
    await store.create([{ info: { id: 'bad', name: '坏的', kind: 'base' }, doc: exampleDocument() }]);
    store.backend.data.set(`${STORAGE_KEYS.workbookDoc}bad`, { type: 'something else' });
    const out = await exportAll(store, AT);
    expect(out.fileName).toBe('决算公开备份-全部-20261126-0905.json');
    expect(JSON.parse(out.text).workbooks.map((w: { name: string; kind: string }) => [w.name, w.kind])).toEqual([
      ['蓝山2021', 'base'],
      ['情景一', 'scenario'],
    ]);
    expect(out.skipped).toEqual([
      { id: 'bad', name: '坏的', reason: expect.stringContaining('这不是决算公开工作簿数据') },
    ]);
  });

  it('exports an unreadable record exactly as stored, for recovery', async () => {
    const store = await filled();
    const junk = { type: 'juesuan-workbook', schemaVersion: 2, meta: { year: '二〇二一' }, inputs: { t06: { '30201': { amount: '21.34' } } } };
    store.backend.data.set(`${STORAGE_KEYS.workbookDoc}lanshan`, junk);
    const out = await exportDamaged(store, 'lanshan', AT);
    expect(out.fileName).toBe('决算公开-无法打开的记录-lanshan-20261126-0905.json');
    expect(JSON.parse(out.text)).toEqual({ type: 'juesuan-damaged-record', app: 'juesuan-gongkai', id: 'lanshan', exportedAt: AT.toISOString(), document: junk });
    expect(store.backend.data.get(`${STORAGE_KEYS.workbookDoc}lanshan`)).toEqual(junk);
  });

  it('builds a backup from a document in memory (storage itself may have failed)', () => {
    const out = buildBackup([{ info: { id: 'x', name: '未保存的工作簿', kind: 'base', updatedAt: 0 }, doc: exampleDocument() }], AT);
    expect(parseBackup(out.text).map((e) => [e.name, e.doc.meta.department])).toEqual([['未保存的工作簿', '蓝山县行政审批服务局']]);
  });
});

describe('import', () => {
  it('round-trips everything to another computer, keeping scenarios linked to their base', async () => {
    const src = await filled();
    const s = await createScenario(src, 'lanshan', '情景一');
    const { text } = await exportAll(src, AT);
    const dst = new MemoryStore({ restore: restoreDocument });
    const { imported, notes } = await importBackup(dst, text);
    expect(notes).toEqual([]);
    expect(imported.map((i) => [i.name, i.kind])).toEqual([
      ['蓝山2021', 'base'],
      ['情景一', 'scenario'],
    ]);
    const [base, scenario] = imported;
    expect(base!.id).not.toBe('lanshan');
    expect(scenario!.id).not.toBe(s.id);
    expect(scenario!.baseId).toBe(base!.id);
    expect((await dst.load(base!.id)).doc).toEqual(exampleDocument());
  });

  it('never overwrites: importing onto the same computer adds copies marked （导入）', async () => {
    const store = await filled();
    const { text } = await exportWorkbook(store, 'lanshan', AT);
    const { imported } = await importBackup(store, text);
    expect(imported[0]!.name).toBe('蓝山2021（导入）');
    expect((await store.list()).length).toBe(2);
    expect((await store.load('lanshan')).info.revision).toBe(1);
  });

  it('accepts a single workbook document, upgrading an old one', async () => {
    const store = new MemoryStore({ restore: restoreDocument });
    const { imported } = await importBackup(store, JSON.stringify(v1Fixture));
    expect(imported[0]).toMatchObject({ name: '蓝山县行政审批服务局 2021年度决算', kind: 'base' });
    // The v1 fixture predates the 绩效自评报告: its inputs and texts are the only difference.
    expect((await store.load(imported[0]!.id)).doc).toEqual(exampleBeforeReport(exampleDocument()));
  });

  it('a scenario whose base is not in the file nor here comes in as a workbook', async () => {
    const src = await filled();
    const s = await createScenario(src, 'lanshan', '情景一');
    const { text } = await exportWorkbook(src, s.id, AT);
    const { imported } = await importBackup(new MemoryStore({ restore: restoreDocument }), text);
    expect(imported[0]).toMatchObject({ name: '情景一', kind: 'base' });
    expect('baseId' in imported[0]!).toBe(false);
  });

  const bad: [string, string, string][] = [
    ['not JSON', '{"type": "juesuan-backup", ', '文件内容不是有效的 JSON，无法导入（可能不是本程序导出的备份文件，或文件已损坏）。没有导入任何内容。'],
    ['another kind of file', '{"type":"excalidraw","elements":[]}', '这不是决算公开工作簿的备份文件。没有导入任何内容。'],
    ['an array', '[1,2]', '这不是决算公开工作簿的备份文件。没有导入任何内容。'],
    [
      'a newer envelope',
      '{"type":"juesuan-backup","schemaVersion":7,"workbooks":[]}',
      '该备份由较新版本的程序导出（备份格式 7，本程序支持到 1），请更新程序后再导入。没有导入任何内容。',
    ],
    ['no workbooks', '{"type":"juesuan-backup","schemaVersion":1,"workbooks":[]}', '备份文件中没有工作簿。没有导入任何内容。'],
  ];
  it.each(bad)('refuses %s with its message and changes nothing', async (_what, text, message) => {
    const store = await filled();
    const before = structuredClone([...store.backend.data]);
    await expect(importBackup(store, text)).rejects.toThrow(new BackupError(message));
    expect([...store.backend.data]).toEqual(before);
  });

  it('is all-or-nothing: one bad workbook in the file imports none and names it', async () => {
    const good = exampleDocument();
    const broken = { ...exampleDocument(), meta: { department: '乙局', year: 1990 } };
    const text = JSON.stringify({
      type: 'juesuan-backup',
      schemaVersion: 1,
      app: 'juesuan-gongkai',
      exportedAt: AT.toISOString(),
      workbooks: [
        { id: 'a', name: '甲', kind: 'base', document: good },
        { id: 'b', name: '乙', kind: 'base', document: broken },
      ],
    });
    const store = new MemoryStore({ restore: restoreDocument });
    const err = await importBackup(store, text).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BackupError);
    expect((err as Error).message).toBe('第 2 个工作簿「乙」无法导入：决算年度无效（应为 2000–2100 之间的整数）。没有导入任何内容。');
    expect(await store.list()).toEqual([]);
  });

  // Issue 14, probe 4: a number (not a string) above the range used to report 已导入 and then fail on open.
  it.each([20000000000000, 1e300, '十元'])('drops an amount %s with a note, imports the rest, and the workbook opens and saves', async (bad) => {
    const doc = exampleDocument() as unknown as { inputs: Record<string, Record<string, Record<string, unknown>>> };
    doc.inputs.t06!['30201']!.amount = bad;
    const text = JSON.stringify({ type: 'juesuan-backup', schemaVersion: 1, app: 'juesuan-gongkai', exportedAt: AT.toISOString(), workbooks: [{ id: 'a', name: '甲', kind: 'base', document: doc }] });
    const store = new MemoryStore({ restore: restoreDocument });
    const { imported, notes } = await importBackup(store, text);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^「甲」：已忽略公开06表「30201」的值：/);
    const loaded = await store.load(imported[0]!.id);
    expect(loaded.doc.inputs.t06?.['30201']).toBeUndefined();
    const engine = openWorkbook(loaded.doc);
    // 公用经费 596.17 without 办公费 21.34.
    expect(engine.amount('t06', 'public', 'amount')?.toFixed(2)).toBe('574.83');
    engine.destroy();
    await store.save(imported[0]!.id, loaded.doc, loaded.info.revision);
    expect((await store.load(imported[0]!.id)).info.revision).toBe(2);
  });

  it('is all-or-nothing in storage too: a failing write stores nothing', async () => {
    const store = new MemoryStore({ restore: restoreDocument });
    const two = buildBackup(
      [
        { info: { id: 'a', name: '甲', kind: 'base', updatedAt: 0 }, doc: exampleDocument() },
        { info: { id: 'b', name: '乙', kind: 'base', updatedAt: 0 }, doc: newDocument('hn-2021', 1, { department: '乙局', year: 2021, unit: '万元' }) },
      ],
      AT,
    );
    store.backend.fault = (op) => (op === 'write' ? new DOMException('full', 'QuotaExceededError') : undefined);
    await expect(importBackup(store, two.text)).rejects.toThrow('浏览器存储空间已满');
    store.backend.fault = null;
    expect(await store.list()).toEqual([]);
  });
});

// Issue 14, probe 6: 30,000 codes imported "successfully"; opening then failed inside the engine.
describe('a backup with too many codes', () => {
  it('is refused with a Chinese message before anything is stored or opened', async () => {
    const doc = exampleDocument();
    doc.codes.gpb = Array.from({ length: 30_000 }, (_, i) => String(2010000 + i));
    const text = JSON.stringify({ type: 'juesuan-backup', schemaVersion: 1, app: 'juesuan-gongkai', exportedAt: AT.toISOString(), workbooks: [{ id: 'a', name: '甲', kind: 'base', document: doc }] });
    const store = new MemoryStore({ restore: restoreDocument });
    await expect(importBackup(store, text)).rejects.toThrow(
      '第 1 个工作簿「甲」无法导入：功能分类科目过多（30000 个，每类资金最多 3000 个），本程序无法打开。没有导入任何内容。',
    );
    expect(await store.list()).toEqual([]);
  });
});

// Issue 14, probe 9: a 600 MB file was called 不是有效的 JSON; it is refused by size before it is read.
describe('checkBackupSize', () => {
  it('refuses a file over 200 MB by its size, saying so', () => {
    expect(() => checkBackupSize(600 * 1024 * 1024)).toThrow('文件过大（600.0 MB，备份文件最大 200 MB），不是本程序导出的备份文件。没有导入任何内容。');
    expect(() => checkBackupSize(5 * 1024 * 1024)).not.toThrow();
  });
});
