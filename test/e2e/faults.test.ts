// Issue 14 in real Chromium: storage full (IndexedDB, then localStorage too) and a zip bomb that
// hides an entry from the end record's count, imported through the page. IndexedDB is "full" while
// sessionStorage holds idb-full (put throws QuotaExceededError, as the probe did); localStorage is
// full while it holds ls-full. Reference: 30201 办公费 21.34, 公用经费 596.17.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { exampleDocument, openWorkbook } from '../../src/app/templates';
import { exportEngine } from '../io/support';
import { appendHiddenEntry } from '../io/zip-tools';
import { useStorageFixture } from './pages/library-page';
import { XlsxPage } from './pages/xlsx-page';

const FULL = `(() => {
  const quota = () => new DOMException('full', 'QuotaExceededError');
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (...args) {
    if (sessionStorage.getItem('idb-full')) throw quota();
    return put.apply(this, args);
  };
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (k, v) {
    if (this === window.localStorage && sessionStorage.getItem('ls-full')) throw quota();
    return setItem.call(this, k, v);
  };
})();`;

const fx = useStorageFixture();
const fill = (page: Page, ...what: ('idb-full' | 'ls-full')[]) => page.evaluate((w) => w.forEach((k) => sessionStorage.setItem(k, '1')), what);
const free = (page: Page) => page.evaluate(() => ['idb-full', 'ls-full'].forEach((k) => sessionStorage.removeItem(k)));
/** Leave-page prompts seen by `page` (each accepted, so the page does go). */
function prompts(page: Page): string[] {
  const seen: string[] = [];
  page.on('dialog', (d) => {
    seen.push(d.type());
    void d.accept();
  });
  return seen;
}

describe('storage full', () => {
  it('probe 2: an edit that could not be stored survives a reload while still full, is shown with a banner, and is stored once space is free', async () => {
    const wb = await fx.open({ init: FULL });
    const asked = prompts(wb.page);
    await fill(wb.page, 'idb-full');
    await wb.edit('t06', '30201', 'amount', '66.66');
    await wb.page.waitForSelector('.save-status[data-state="failed"]');
    await wb.reload();
    expect(asked).toEqual(['beforeunload']);
    expect(await wb.cell('t06', '30201', 'amount')).toBe('66.66');
    expect(await wb.cell('t06', 'public', 'amount')).toBe('641.49');
    const banner = await wb.waitBanner('recovery-failed');
    expect(banner.kind).toBe('error');
    expect(banner.text).toContain('上次关闭页面时未保存的修改已找回并显示在表中，但仍未能保存');
    expect(banner.text).toContain('浏览器存储空间已满');
    await wb.page.waitForSelector('.save-status[data-state="failed"]');
    await wb.screenshot('faults-recovery-still-full');
    await free(wb.page);
    await wb.edit('t06', '30202', 'amount', '3.61');
    await wb.waitSaved();
    await wb.reload();
    expect(await wb.cell('t06', '30201', 'amount')).toBe('66.66');
    expect(await wb.cell('t06', '30202', 'amount')).toBe('3.61');
    expect((await wb.banners()).map((b) => b.id)).not.toContain('recovery-failed');
  });

  it('probe 7: IndexedDB and localStorage both full, reload 100 ms after an edit: the page asks before leaving', async () => {
    const wb = await fx.open({ init: FULL });
    const asked = prompts(wb.page);
    await fill(wb.page, 'idb-full', 'ls-full');
    await wb.edit('t06', '30201', 'amount', '66.66');
    await wb.page.waitForTimeout(100);
    await wb.reload();
    expect(asked).toEqual(['beforeunload']);
  });
});

describe('zip bomb', () => {
  it('probe 1: an exported file plus a 200 MB entry the end record does not count is refused in the import worker; the page stays usable', async () => {
    const wb = await fx.open();
    const workerScripts: string[] = [];
    wb.page.on('request', (r) => {
      if (/import-worker/.test(r.url())) workerScripts.push(r.url());
    });
    const exported = await exportEngine(openWorkbook(exampleDocument()));
    const bomb = appendHiddenEntry(exported, 'xl/media/zz.png', Buffer.alloc(200 * 1024 * 1024));
    const xl = new XlsxPage(wb.grid);
    await xl.choose({ name: 'bomb.xlsx', buffer: bomb });
    await wb.screenshot('faults-zip-bomb');
    expect(await xl.importError()).toEqual({ message: '文件解压后异常庞大（疑似“压缩炸弹”），为安全起见已拒绝导入', extra: '当前工作簿没有任何改动。' });
    expect(workerScripts).toHaveLength(1);
    await wb.edit('t06', '30201', 'amount', '31.34');
    expect(await wb.cell('t06', 'public', 'amount')).toBe('606.17');
  });

  it('probe 3: 120000元 typed in the grid is refused at the cell with the 万元 figure', async () => {
    const wb = await fx.open();
    await wb.edit('t06', '30201', 'amount', '120000元');
    expect(await wb.grid.cellNote()).toContain('「120000元」的单位是元，本表金额单位为万元，请换算后填写（120000元 = 12.00万元）');
    expect(await wb.cell('t06', '30201', 'amount')).toBe('21.34');
  });
});

describe('read-only tab', () => {
  it('probe 9: a department name refused in the read-only tab does not stay in the field', async () => {
    const a = await fx.open();
    const b = await a.another();
    await b.waitBanner('readonly');
    await b.grid.setDepartment('乙局');
    expect(await b.grid.department()).toBe('蓝山县行政审批服务局');
    expect(await b.grid.departmentLine()).toContain('蓝山县行政审批服务局');
    expect(await a.grid.department()).toBe('蓝山县行政审批服务局');
  });
});
