// The workbook library, scenario adoption, version history, JSON backup between two computers,
// and storage failures (IndexedDB unavailable, quota exceeded), in real Chromium.
// Figures from the reference (蓝山县行政审批服务局 2021): 收支总计 1,576.05, 30201 办公费 21.34,
// 公用经费 596.17, 三公 决算 6.54 (公务接待费 6.54).
import { describe, expect, it } from 'vitest';
import { useStorageFixture } from './pages/library-page';
import { NarrativeTab } from './pages/narrative-page';

const fx = useStorageFixture();
const { open } = fx;

const EXAMPLE = '示例：蓝山县行政审批服务局 2021年度决算';

describe('many workbooks', () => {
  it('新建 from last year carries its figures into the prior-year inputs; the app reopens the last workbook', async () => {
    const wb = await open();
    await wb.openLibrary();
    expect(await wb.libraryRows()).toEqual([
      { id: await wb.workbookId(), department: '蓝山县行政审批服务局', year: '2021', name: EXAMPLE, scenarios: '', current: true },
    ]);
    await wb.createWorkbook({ from: EXAMPLE, year: 2022, name: '蓝山2022' });
    const id2022 = await wb.workbookId();
    expect(await wb.page.inputValue('.toolbar .meta-year')).toBe('2022');
    // 2021's 收支总计 and 三公 决算 are 2022's 上年数, carried into the template of 2022 (national,
    // proposed by 新建) by content id; this year's tables start empty.
    expect(await wb.cell('sup', 'prior.grand', 'value')).toBe('1,576.05');
    expect(await wb.cell('sup', 'prior.sg.recep', 'value')).toBe('6.54');
    expect(await wb.cell('basicExpenditure', '30201', 'amount')).toBe('');
    expect(await wb.page.title()).toBe('蓝山2022 - 决算公开工作簿');

    // A fresh load without #wb= opens the workbook used last.
    await wb.page.goto('about:blank');
    await wb.page.goto(fx.url);
    await wb.ready();
    expect(await wb.workbookId()).toBe(id2022);

    await wb.openLibrary();
    expect((await wb.libraryRows()).map((r) => [r.name, r.year, r.current])).toEqual([
      ['蓝山2022', '2022', true],
      [EXAMPLE, '2021', false],
    ]);
    await wb.screenshot('storage-library');
  });

  it('a carried text naming last year’s year and head counts is marked in the 情况说明 and is a 提示 until 确认', async () => {
    const wb = await open();
    await wb.openLibrary();
    await wb.createWorkbook({ from: EXAMPLE, year: 2022, name: '蓝山2022' });
    const reviewRow = async () => {
      await wb.grid.tab('audit');
      return wb.page.locator('.audit-table tr[data-rule="carried-text:overview.structure"]').count();
    };
    expect(await reviewRow()).toBe(1);
    const nv = new NarrativeTab(wb.grid);
    await nv.open();
    // 机构设置 says 2021 and 在职62人: marked; 职能职责 is not.
    const marked = wb.page.locator('.nv-doc .nv-review');
    expect(await marked.count()).toBe(1);
    expect(await marked.getAttribute('data-text-id')).toBe('overview.structure');
    expect(await marked.getAttribute('title')).toContain('从上年结转，写有上年的年份、人数或日期');
    await wb.screenshot('carried-text-review');
    await wb.page.click('.nv-doc .nv-confirm[data-confirm="overview.structure"]');
    expect(await wb.page.locator('.nv-doc .nv-review').count()).toBe(0);
    expect(await reviewRow()).toBe(0);
    await wb.waitSaved();
    await wb.reload();
    await nv.open();
    expect(await wb.page.locator('.nv-doc .nv-review').count()).toBe(0);
    // The text itself is kept as carried.
    expect(await nv.paragraph('overview.structure/p')).toContain('在职62人');
  });

  it('rename, duplicate, delete with confirmation, and restore from the 回收站', async () => {
    const wb = await open();
    await wb.openLibrary();
    await wb.renameWorkbook(EXAMPLE, '蓝山县 2021 决算');
    expect(await wb.page.title()).toBe('蓝山县 2021 决算 - 决算公开工作簿');
    expect(await wb.duplicateWorkbook('蓝山县 2021 决算')).toBe('已复制为「蓝山县 2021 决算（副本）」');
    expect((await wb.libraryRows()).map((r) => r.name).sort()).toEqual(['蓝山县 2021 决算', '蓝山县 2021 决算（副本）']);

    let confirmText = '';
    const removed = await wb.messageAfter('workbook-dialog', async () => (confirmText = await wb.removeWorkbook('蓝山县 2021 决算（副本）')));
    expect(confirmText).toBe('删除工作簿「蓝山县 2021 决算（副本）」？删除后 30 天内可在“回收站”中恢复。');
    expect(removed).toBe('已删除「蓝山县 2021 决算（副本）」，可在回收站中恢复。');
    expect((await wb.libraryRows()).map((r) => r.name)).toEqual(['蓝山县 2021 决算']);
    const bin = await wb.binRows();
    expect(bin).toHaveLength(1);
    expect(bin[0]).toContain('蓝山县 2021 决算（副本）|工作簿|蓝山县行政审批服务局|2021|');
    expect(bin[0]).toContain('30 天后彻底删除');
    await wb.screenshot('storage-recycle-bin');

    await wb.undelete('蓝山县 2021 决算（副本）');
    expect((await wb.libraryRows()).map((r) => r.name).sort()).toEqual(['蓝山县 2021 决算', '蓝山县 2021 决算（副本）']);
    // The copy holds the same figures.
    await wb.openWorkbook('蓝山县 2021 决算（副本）');
    expect(await wb.cell('t01', 'inc.grand', 'amount')).toBe('1,576.05');
  });

  it('deleting the workbook on screen moves to another one; nothing is lost', async () => {
    const wb = await open();
    await wb.openLibrary();
    await wb.createWorkbook({ department: '某某局', year: 2023, name: '空白2023' });
    expect(await wb.cell('incomeExpenditure', 'inc.grand', 'amount')).toBe('');
    await wb.openLibrary();
    await wb.navigates(() => wb.removeWorkbook('空白2023'));
    expect(await wb.cell('t01', 'inc.grand', 'amount')).toBe('1,576.05');
    expect(await wb.page.title()).toBe(`${EXAMPLE} - 决算公开工作簿`);
  });
});

describe('the list in two tabs', () => {
  it('a rename or a delete in one tab shows in the other', async () => {
    const a = await open();
    const b = await a.another();
    await a.openLibrary();
    await a.renameWorkbook(EXAMPLE, '蓝山 2021');
    await b.page.waitForFunction(() => document.title === '蓝山 2021 - 决算公开工作簿');
    expect(await b.scenarioOptions()).toEqual(['基础数据：蓝山 2021']);
    // B is the reader of this workbook; A deletes it and moves on to a blank one.
    await a.navigates(() => a.removeWorkbook('蓝山 2021'));
    expect((await b.waitBanner('deleted')).text).toContain('此工作簿已被删除');
    await b.screenshot('storage-deleted-elsewhere');
    // Restored from here, it is back in the list (and the warning goes).
    await b.clickBanner('deleted', 'btn-undelete');
    await b.page.waitForSelector('.banner[data-banner="deleted"]', { state: 'detached' });
    await b.openLibrary();
    expect((await b.libraryRows()).map((r) => r.name)).toContain('蓝山 2021');
  });
});

describe('adopting a scenario, and the history', () => {
  it('adopting replaces the base after a snapshot; the history view and restore bring the old figures back', async () => {
    const wb = await open();
    await wb.newScenario('办公费31.34');
    await wb.edit('t06', '30201', 'amount', '31.34');
    await wb.waitSaved();
    await wb.adoptScenario();
    expect(await wb.scenarioOptions()).toEqual([`基础数据：${EXAMPLE}`]);
    expect(await wb.cell('t06', '30201', 'amount')).toBe('31.34');
    expect(await wb.cell('t06', 'public', 'amount')).toBe('606.17');

    const versions = await wb.openHistory();
    expect(versions[0]).toEqual({ reason: 'before-adopt', label: '采用情景「办公费31.34」前的版本' });
    // That version against the content on screen: only 30201 differs.
    expect(await wb.viewVersion(0)).toEqual({ 't06|30201|amount': { base: '21.34', scenario: '31.34', diff: '+10.00' } });
    await wb.screenshot('storage-history');
    await wb.restoreVersion(0);
    expect(await wb.cell('t06', '30201', 'amount')).toBe('21.34');
    expect(await wb.cell('t06', 'public', 'amount')).toBe('596.17');
    await wb.waitSaved();
    // Restoring is one undoable step.
    await wb.grid.undo();
    expect(await wb.cell('t06', '30201', 'amount')).toBe('31.34');
    await wb.waitSaved();
    await wb.reload();
    expect(await wb.cell('t06', '30201', 'amount')).toBe('31.34');
    // The content replaced by the restore was kept as a version too.
    expect((await wb.openHistory()).map((v) => v.reason)).toContain('before-restore');
  });
});

describe('JSON backup', () => {
  it('everything exported on one computer imports on another as new workbooks', async () => {
    const first = await open();
    await first.edit('t06', '30201', 'amount', '31.34');
    await first.waitSaved();
    await first.newScenario('试算');
    await first.openBackup();
    const file = await first.exportAll();
    expect(file.name).toMatch(/^决算公开备份-全部-\d{8}-\d{4}\.json$/);
    const parsed = JSON.parse(file.text) as { type: string; workbooks: { name: string; kind: string }[] };
    expect(parsed.type).toBe('juesuan-backup');
    expect(parsed.workbooks.map((w) => [w.name, w.kind])).toEqual([
      [EXAMPLE, 'base'],
      ['试算', 'scenario'],
    ]);

    const other = await open();
    await other.openBackup();
    expect(await other.importBackup(file.name, file.text)).toBe(`已导入 2 个工作簿：${EXAMPLE}（导入）、试算`);
    await other.navigates(() => other.page.click('dialog.backup-dialog .btn-open-imported'));
    expect(await other.cell('t06', '30201', 'amount')).toBe('31.34');
    expect(await other.cell('t06', 'public', 'amount')).toBe('606.17');
    expect(await other.scenarioOptions()).toEqual([`基础数据：${EXAMPLE}（导入）`, '情景：试算']);
  });
});

describe('storage failures', () => {
  it('without IndexedDB the example runs in memory, the page says so and offers the JSON export', async () => {
    const wb = await open({ init: 'Object.defineProperty(window, "indexedDB", { value: undefined, configurable: true });' });
    const banner = await wb.waitBanner('save');
    expect(banner.kind).toBe('error');
    expect(banner.text).toContain('无法使用浏览器本地存储');
    expect(banner.text).toContain('请先导出 JSON 备份');
    expect(await wb.saveStatus()).toMatchObject({ state: 'failed' });
    expect((await wb.saveStatus()).text).toMatch(/^保存失败：无法使用浏览器本地存储/);
    await wb.edit('t06', '30201', 'amount', '31.34');
    expect(await wb.cell('t06', 'public', 'amount')).toBe('606.17');
    await wb.screenshot('storage-unavailable');
    const file = await wb.download(() => wb.clickBanner('save', 'btn-export-json'));
    const backup = JSON.parse(file.text) as { workbooks: { document: { inputs: { t06: Record<string, { amount: string }> } } }[] };
    expect(backup.workbooks[0]!.document.inputs.t06['30201']!.amount).toBe('31.34');
  });

  it('quota exceeded: the edit stays on screen, the message says why and offers the export; the next save retries', async () => {
    // Every IndexedDB write fails like a full disk while window.__full is set.
    const init = `(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (...args) {
        if (window.__full) throw new DOMException('full', 'QuotaExceededError');
        return put.apply(this, args);
      };
    })();`;
    const wb = await open({ init });
    await wb.page.evaluate(() => ((window as unknown as { __full: boolean }).__full = true));
    await wb.edit('t06', '30201', 'amount', '31.34');
    const banner = await wb.waitBanner('save');
    expect(banner.text).toContain('浏览器存储空间已满，修改未能保存');
    expect((await wb.saveStatus()).text).toMatch(/^保存失败：浏览器存储空间已满/);
    expect(await wb.cell('t06', '30201', 'amount')).toBe('31.34');
    await wb.screenshot('storage-quota');
    const file = await wb.download(() => wb.clickBanner('save', 'btn-export-json'));
    expect(file.text).toContain('"31.34"');

    await wb.page.evaluate(() => ((window as unknown as { __full: boolean }).__full = false));
    await wb.edit('t06', '30202', 'amount', '12.61');
    await wb.waitSaved();
    expect((await wb.banners()).map((b) => b.id)).not.toContain('save');
    await wb.reload();
    expect(await wb.cell('t06', '30201', 'amount')).toBe('31.34');
    expect(await wb.cell('t06', '30202', 'amount')).toBe('12.61');
  });
});
