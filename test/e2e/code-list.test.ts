// 导入科目表 in real Chromium: pasted columns and an XLSX file name the workbook's unnamed codes;
// the list stays in IndexedDB for the next visit (a reload finds it known).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useAppFixture } from './pages/app-fixture';
import { CodeListPage } from './pages/code-list-page';
import { codeListWorkbook, extraName } from '../support/code-list-workbook';
import { convertWithLibreOffice } from '../support/libreoffice';

const app = useAppFixture();

describe('导入科目表', () => {
  it('names unnamed codes from pasted columns, and remembers the list after a reload', async () => {
    const wb = await app.open();
    await wb.tab('t05');
    await wb.paste('t05', '2010306', 'basic', '2070109\t\t5\t5\t');
    await wb.page.waitForSelector('.grid-host td[data-cell="2070109|basic"]');
    expect(await wb.rowOf('2070109')).toMatch(/^2070109\|\|/);
    const codeList = new CodeListPage(wb.page);
    const report = await codeList.importPasted('编码\t名称\n207 01\t文化和旅游\n207 01 09\t群众文化\n2010101\t行政运行', 2021);
    expect(report[0]).toBe('2021年科目表：新增 2 个，改名 0 个，冲突 0 处，相同 1 个');
    expect(report[1]).toBe('本工作簿补上了 2 个科目的名称（可撤销）');
    await wb.screenshot('code-list-dialog');
    await codeList.close();
    expect(await wb.rowOf('20701')).toContain('文化和旅游');
    expect(await wb.rowOf('2070109')).toContain('群众文化');

    await wb.page.reload();
    await wb.page.waitForSelector('html[data-settled]', { state: 'attached' });
    const again = await new CodeListPage(wb.page).importPasted('207 01\t文化和旅游', 2021);
    expect(again[0]).toBe('2021年科目表：新增 0 个，改名 0 个，冲突 0 处，相同 1 个');
  });

  it('reads an XLSX list with 类/款/项 in separate columns', async () => {
    const x = new ExcelJS.Workbook();
    const ws = x.addWorksheet('科目');
    ws.addRows([
      ['类', '款', '项', '科目名称'],
      ['204', '', '', '公共安全支出'],
      ['', '06', '', '司法'],
      ['', '', '07', '公共法律服务'],
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'codes-'));
    const path = join(dir, '2021科目表.xlsx');
    writeFileSync(path, new Uint8Array(await x.xlsx.writeBuffer()));
    const wb = await app.open();
    await wb.tab('t05');
    await wb.paste('t05', '2010306', 'basic', '2040607\t\t5\t5\t');
    await wb.page.waitForSelector('.grid-host td[data-cell="2040607|basic"]');
    const report = await new CodeListPage(wb.page).importFile(path, 2021);
    expect(report[0]).toBe('2021年科目表：新增 2 个，改名 0 个，冲突 0 处，相同 1 个');
    expect(report).toContain('新增 功能分类 20406 司法');
    expect(report).toContain('新增 功能分类 2040607 公共法律服务');
  });

  it('添加科目 searches the imported list too: a code only the list knows is added with its 类/款/项 names', async () => {
    const wb = await app.open();
    const codeList = new CodeListPage(wb.page);
    // 2070199 and its 款 20701 are not in the built-in 2021 catalogue.
    await codeList.importPasted('207 01\t文化和旅游\n207 01 99\t其他文化和旅游支出测试项', 2021);
    await codeList.close();
    await wb.tab('t05');
    await wb.page.click('.sheet-actions .btn-add-code');
    await wb.page.fill('dialog .code-search', '测试项');
    const hit = wb.page.locator('dialog .code-result[data-code="2070199"]');
    expect(await hit.textContent()).toContain('其他文化和旅游支出测试项');
    expect(await wb.page.textContent('dialog .code-result[data-code="2070199"] .code-result-path')).toContain('文化和旅游');
    await hit.click();
    await wb.page.waitForSelector('dialog[open]', { state: 'detached' });
    expect(await wb.rowOf('2070199')).toContain('其他文化和旅游支出测试项');
    expect(await wb.rowOf('20701')).toContain('文化和旅游');
    // Named, so the 审核 has no 科目缺少名称 for them.
    await wb.tab('audit');
    expect(await wb.page.locator('.audit-table tr[data-rule^="code-name:207"]').count()).toBe(0);
  });

  it('a pasted block takes the names of its unnamed codes and 类/款 from the imported list, after a reload too', async () => {
    const wb = await app.open();
    const codeList = new CodeListPage(wb.page);
    await codeList.importPasted('204 06\t司法\n204 06 07\t公共法律服务\n207 01\t文化和旅游\n207 01 09\t群众文化', 2021);
    await codeList.close();
    // A new visit: the list comes from IndexedDB, the paste has nothing but codes and amounts.
    await wb.page.reload();
    await wb.page.waitForSelector('html[data-settled]', { state: 'attached' });
    await wb.tab('t05');
    await wb.paste('t05', '2010306', 'basic', '科目编码\t科目名称\t合计\t基本支出\t项目支出\n2040607\t\t5\t5\t\n2070109\t\t7\t\t7');
    await wb.page.waitForFunction(() => document.querySelector('.cell-note:not([hidden])')?.textContent?.includes('已粘贴'));
    expect(await wb.cellNote()).toContain('按导入的科目表命名 4 个科目');
    expect(await wb.cellNote()).not.toContain('对不上');
    expect(await wb.cellText('t05', '2070109', 'proj')).toBe('7.00');
    expect(await wb.rowOf('20406')).toContain('司法');
    expect(await wb.rowOf('2040607')).toContain('公共法律服务');
    expect(await wb.rowOf('20701')).toContain('文化和旅游');
    expect(await wb.rowOf('2070109')).toContain('群众文化');
    await wb.screenshot('code-paste-named-from-list');
    expect((await wb.auditRows()).filter((r) => r.title === '科目缺少名称')).toEqual([]);
    // One undo step takes the rows and their names away together.
    await wb.tab('t05');
    await wb.select('t05', 'sum', 'basic');
    await wb.undo();
    await wb.page.waitForFunction(() => !document.querySelector('.grid-host td[data-cell="2040607|basic"]'));
    expect(await wb.rowOf('20406')).toBeNull();
  });

  it('reads an .xls list (Excel 97–2003, as LibreOffice saves it)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'codes-xls-'));
    const { xlsx } = await codeListWorkbook();
    writeFileSync(join(dir, '2021科目表.xlsx'), xlsx);
    const xls = await convertWithLibreOffice(join(dir, '2021科目表.xlsx'), 'xls', join(dir, 'out'), { recalc: true });
    const wb = await app.open();
    const report = await new CodeListPage(wb.page).importFile(xls, 2021);
    // 201 … 2010102 are in the built-in catalogue under the same names; 2010103 机关服务 too.
    expect(report[0]).toMatch(/^2021年科目表：新增 \d+ 个，改名 \d+ 个，冲突 \d+ 处，相同 \d+ 个$/);
    expect(report).toContain(`新增 功能分类 2000000 ${extraName(0)}`);
    await wb.screenshot('code-list-xls');
    await new CodeListPage(wb.page).close();
    // The list's second sheet (类/款/项 in three columns) named 司法 and 公共法律服务: a paste uses them.
    await wb.tab('t05');
    await wb.paste('t05', '2010306', 'basic', '2040607\t\t5\t5\t');
    await wb.page.waitForSelector('.grid-host td[data-cell="2040607|basic"]');
    expect(await wb.rowOf('20406')).toContain('司法');
    expect(await wb.rowOf('2040607')).toContain('公共法律服务');
  });
});
