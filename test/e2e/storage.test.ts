// Storage in real Chromium, the "Done when" list literally: an edit survives a reload
// 200 ms later and closing the tab at once; two tabs on one workbook lose no edit; a scenario's
// compare view shows 公用经费 +10.00 and 37.83% → 38.22%, and discarding it leaves the base as it
// was; a v1 document opens upgraded; a corrupted record and a bad backup file each say why and
// lose nothing else. Figures from the reference (蓝山县行政审批服务局 2021): 30201 办公费 21.34,
// 公用经费 596.17, 人员经费 979.88, 基本支出 1,576.05; +10 on 30201 → 606.17 and 1,586.05.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/model/document';
import { useStorageFixture } from './pages/library-page';
import { REPO_ROOT } from './support/browser';

const fx = useStorageFixture();
const { open } = fx;

const V1_FIXTURE = JSON.parse(readFileSync(`${REPO_ROOT}test/fixtures/workbook-v1.json`, 'utf8')) as Record<string, unknown>;

describe('autosave', () => {
  it('an edit is there after a reload 200 ms later', async () => {
    const wb = await open();
    expect(await wb.saveStatus()).toMatchObject({ state: 'saved', text: '已保存' });
    await wb.edit('t06', '30201', 'amount', '31.34');
    await wb.page.waitForTimeout(200);
    await wb.reload();
    expect(await wb.cell('t06', '30201', 'amount')).toBe('31.34');
    expect(await wb.cell('t06', 'public', 'amount')).toBe('606.17');
    expect(await wb.saveStatus()).toMatchObject({ state: 'saved', text: '已保存' });
    await wb.screenshot('storage-after-reload');
  });

  it('an edit is there after closing the tab at once and opening a new one', async () => {
    const wb = await open();
    await wb.edit('t06', '30201', 'amount', '31.34');
    await wb.close();
    // No #wb= in the address: the app reopens the last workbook.
    const again = await wb.another();
    expect(await again.cell('t06', '30201', 'amount')).toBe('31.34');
    expect(await again.cell('t01', 'inc.grand', 'amount')).toBe('1,576.05');
    expect(await again.cell('t06', 'public', 'amount')).toBe('606.17');
  });

  it('the toolbar says 正在保存 while an edit waits, then 已保存', async () => {
    const wb = await open();
    await wb.watchSaveStatus();
    await wb.edit('t06', '30202', 'amount', '12.61');
    // The write waits for a quiet moment (300 ms) after an edit; on a busy machine that can pass
    // before the test looks, so the status texts are recorded rather than sampled.
    await wb.waitSaved();
    expect(await wb.seenSaveStatuses()).toContain('正在保存');
    expect((await wb.saveStatus()).text).toBe('已保存');
    expect(await wb.idbGet(`wb-doc/${await wb.workbookId()}`)).toMatchObject({ inputs: { t06: { '30202': { amount: '12.61' } } } });
  });
});

describe('two tabs on one workbook', () => {
  it('the second tab is read-only and says why, follows the first, and no edit is lost', async () => {
    const a = await open();
    const b = await a.another();
    expect(await b.workbookId()).toBe(await a.workbookId());
    const readOnly = await b.waitBanner('readonly');
    expect(readOnly.text).toContain('此工作簿正在另一个标签页中编辑');
    expect(await b.saveStatus()).toMatchObject({ state: 'readonly' });
    expect((await b.saveStatus()).text).toMatch(/^只读：/);
    expect(await a.saveStatus()).toMatchObject({ state: 'saved' });

    await a.edit('t06', '30201', 'amount', '31.34');
    // B shows A's saved edit without reloading.
    await b.page.waitForFunction(() => document.querySelector('.status-line')?.textContent === '已载入另一个标签页保存的内容');
    expect(await b.cell('t06', '30201', 'amount')).toBe('31.34');
    expect(await b.cell('t06', 'public', 'amount')).toBe('606.17');

    // B's edit of another cell is refused at the cell, with the reason.
    await b.edit('t06', '30202', 'amount', '12.61');
    await b.page.waitForSelector('.cell-note:not([hidden])');
    expect(await b.grid.cellNote()).toContain('此工作簿正在另一个标签页中编辑');
    expect(await b.cell('t06', '30202', 'amount')).toBe('2.61');
    await b.screenshot('storage-two-tabs-read-only');

    await a.reload();
    await b.reload();
    for (const p of [a, b]) {
      expect(await p.cell('t06', '30201', 'amount')).toBe('31.34');
      expect(await p.cell('t06', '30202', 'amount')).toBe('2.61');
    }

    // Whichever tab is the writer now: close it, the other takes over and stores its own edit.
    const writer = (await a.saveStatus()).state === 'saved' ? a : b;
    const other = writer === a ? b : a;
    await writer.close();
    const writable = await other.waitBanner('writable');
    expect(writable.text).toBe('另一个标签页已关闭，本页现在可以编辑。');
    await other.edit('t06', '30202', 'amount', '12.61');
    await other.waitSaved();
    await other.reload();
    expect(await other.cell('t06', '30201', 'amount')).toBe('31.34');
    expect(await other.cell('t06', '30202', 'amount')).toBe('12.61');
    // 596.17 + 10 (30201) + 10 (30202: 2.61 → 12.61)
    expect(await other.cell('t06', 'public', 'amount')).toBe('616.17');
  });
});

describe('scenarios', () => {
  it('compare shows 公用经费 +10.00 and its share 37.83% → 38.22%; discarding leaves the base unchanged', async () => {
    const wb = await open();
    const baseId = await wb.workbookId();
    await wb.newScenario('办公费增加10万元');
    expect(await wb.workbookId()).not.toBe(baseId);
    expect((await wb.waitBanner('scenario')).text).toContain('正在编辑情景「办公费增加10万元」');
    await wb.edit('t06', '30201', 'amount', '31.34');
    await wb.waitSaved();

    const { figures, inputs } = await wb.compare();
    expect(figures.public).toEqual({ base: '596.17', scenario: '606.17', diff: '+10.00' });
    expect(figures.publicShare).toEqual({ base: '37.83%', scenario: '38.22%', diff: '+0.39个百分点' });
    // 979.88 / 1,576.05 = 62.17%; 979.88 / 1,586.05 = 61.78%.
    expect(figures.personnelShare).toEqual({ base: '62.17%', scenario: '61.78%', diff: '-0.39个百分点' });
    expect(figures.personnel).toEqual({ base: '979.88', scenario: '979.88', diff: '0.00' });
    expect(figures.basicTotal).toEqual({ base: '1,576.05', scenario: '1,586.05', diff: '+10.00' });
    // Income is untouched by an expenditure detail.
    expect(figures.grandTotal).toEqual({ base: '1,576.05', scenario: '1,576.05', diff: '0.00' });
    expect(figures.sangongActual).toEqual({ base: '6.54', scenario: '6.54', diff: '0.00' });
    // 公开05表 基本支出 1,576.05 no longer equals 06表 1,586.05: one 审核 error appears.
    expect(figures.auditErrors).toEqual({ base: '0', scenario: '1', diff: '+1' });
    expect(Object.keys(inputs)).toEqual(['t06|30201|amount']);
    expect(inputs['t06|30201|amount']).toMatchObject({ base: '21.34', scenario: '31.34', diff: '+10.00' });
    expect(inputs['t06|30201|amount']!.label).toContain('30201');
    await wb.screenshot('storage-scenario-compare');

    await wb.discardScenario();
    expect(await wb.workbookId()).toBe(baseId);
    expect(await wb.cell('t06', '30201', 'amount')).toBe('21.34');
    expect(await wb.cell('t06', 'public', 'amount')).toBe('596.17');
    expect(await wb.scenarioOptions()).toEqual(['基础数据：示例：蓝山县行政审批服务局 2021年度决算']);
    expect((await wb.banners()).map((b) => b.id)).not.toContain('scenario');
  });
});

describe('older and damaged records', () => {
  it('a document stored by schema version 1 opens after the upgrade', async () => {
    const wb = await open({ goto: false });
    const info = { id: 'wb-v1', name: '旧版本保存的工作簿', department: '蓝山县行政审批服务局', year: 2021, kind: 'base', createdAt: 1, updatedAt: 1, revision: 1 };
    await wb.seedBeforeApp([
      ['wb-info/wb-v1', info],
      ['wb-doc/wb-v1', V1_FIXTURE],
      ['store-format', 1],
    ]);
    await wb.goto();
    expect(await wb.workbookId()).toBe('wb-v1');
    expect((await wb.waitBanner('upgraded')).text).toContain('已自动升级到新的数据格式');
    // The reference figures, computed from the upgraded inputs.
    expect(await wb.cell('t01', 'inc.grand', 'amount')).toBe('1,576.05');
    expect(await wb.cell('t06', 'public', 'amount')).toBe('596.17');
    expect(await wb.cell('t07', 'act', 'total')).toBe('6.54');
    // v1 kept 上年数 in `supplementary`; it is now the 补充资料 input.
    expect(await wb.cell('sup', 'prior.grand', 'value')).toBe('1,712.46');
    const stored = (await wb.idbGet('wb-doc/wb-v1')) as Record<string, unknown>;
    // Upgraded in place to the version this program writes; the v1 original is kept as a version.
    expect(stored.schemaVersion).toBe(SCHEMA_VERSION);
    const versions = await wb.openHistory();
    expect(versions).toHaveLength(1);
    expect(versions[0]!.reason).toBe('before-upgrade');
    expect(versions[0]!.label).toMatch(/^升级数据格式前的原始内容（\d 项升级）$/);
    await wb.screenshot('storage-v1-upgraded');
  });

  it('a corrupted record shows its message; the other workbooks still open and the record is kept', async () => {
    const wb = await open();
    const exampleId = await wb.workbookId();
    const broken = { type: 'juesuan-workbook', schemaVersion: 2, app: 'juesuan-gongkai', templateId: 'hn-2021', templateVersion: 1, meta: '损坏' };
    const info = { id: 'wb-broken', name: '损坏的工作簿', department: '某局', year: 2022, kind: 'base', createdAt: 2, updatedAt: Date.now() + 1000, revision: 4 };
    await wb.idbPut([
      ['wb-info/wb-broken', info],
      ['wb-doc/wb-broken', broken],
    ]);
    await wb.goto('#wb=wb-broken');
    const problem = await wb.waitBanner('problem-0');
    expect(problem.kind).toBe('error');
    expect(problem.text).toContain('工作簿「损坏的工作簿」的存储数据无法读取');
    expect(problem.text).toContain('其他工作簿不受影响');
    // The example opened instead, intact.
    expect(await wb.workbookId()).toBe(exampleId);
    expect(await wb.cell('t06', 'public', 'amount')).toBe('596.17');
    await wb.screenshot('storage-corrupt-record');
    // The raw record can be exported for a technician, exactly as stored.
    const raw = await wb.download(() => wb.clickBanner('problem-0', 'btn-export-raw'));
    expect(JSON.parse(raw.text)).toMatchObject({ type: 'juesuan-damaged-record', id: 'wb-broken', document: broken });

    await wb.openLibrary();
    expect((await wb.libraryRows()).map((r) => r.name)).toEqual(['损坏的工作簿', '示例：蓝山县行政审批服务局 2021年度决算']);
    // Opening it again says the same and changes nothing.
    await wb.openWorkbook('损坏的工作簿');
    expect((await wb.waitBanner('problem-0')).text).toContain('损坏的工作簿');
    expect(await wb.workbookId()).toBe(exampleId);
    expect(await wb.idbGet('wb-doc/wb-broken')).toEqual(broken);
    expect(await wb.idbGet('wb-info/wb-broken')).toEqual(info);
  });

  it('a bad backup file shows its message and changes nothing', async () => {
    const wb = await open();
    await wb.edit('t06', '30201', 'amount', '31.34');
    await wb.waitSaved();
    const before = await wb.idbKeys('wb-');

    await wb.openBackup();
    expect(await wb.importBackup('乱码.json', '{"type": "juesuan-backup", "workbooks": [')).toContain('文件内容不是有效的 JSON');
    expect(await wb.importBackup('别的文件.json', '{"hello": 1}')).toContain('这不是决算公开工作簿的备份文件');
    // One good workbook and one broken one: all or nothing, and the message names the bad entry.
    const good = JSON.parse((await wb.exportCurrent()).text) as { workbooks: Record<string, unknown>[] };
    const mixed = { ...good, workbooks: [good.workbooks[0], { ...good.workbooks[0], name: '坏条目', document: { type: 'juesuan-workbook', schemaVersion: 2, meta: 7 } }] };
    const message = await wb.importBackup('两个工作簿.json', JSON.stringify(mixed));
    expect(message).toContain('第 2 个工作簿「坏条目」无法导入');
    expect(message).toContain('没有导入任何内容');
    await wb.screenshot('storage-bad-backup');
    await wb.closeDialog('backup-dialog');

    expect(await wb.idbKeys('wb-')).toEqual(before);
    expect(await wb.cell('t06', '30201', 'amount')).toBe('31.34');
    await wb.openLibrary();
    expect(await wb.libraryRows()).toHaveLength(1);
  });
});
