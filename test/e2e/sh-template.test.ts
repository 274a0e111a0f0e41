// The Shanghai example 上海市普陀区生态环境局 2025 (sh-2024) in real Chromium: imported as the JSON
// document it is, 01 总计 and 七 “三公” as printed, a printed figure that differs marked, an edit of one 302 line followed by 公用经费 and
// its 情况说明 sentence, and the XLSX export recalculated by LibreOffice agreeing with the app.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/browser';
import { useStorageFixture } from './pages/library-page';
import { NarrativeTab } from './pages/narrative-page';
import { XlsxPage } from './pages/xlsx-page';
import { xlsxToCsvPerSheet } from '../support/libreoffice';

const fx = useStorageFixture();
const OUT = join(REPO_ROOT, 'test-output', 'sh-e2e');
const EXAMPLE = join(REPO_ROOT, 'sheets', 'examples', 'sh-putuo-sthj-2025.json');

function shown(v: unknown): string {
  if (v === null || v === undefined || v === '') return '0.00';
  const n = typeof v === 'number' ? v : Number(v);
  if (Number.isNaN(n)) return String(v);
  return (Math.round((n + Math.sign(n) * 1e-9) * 100) / 100).toFixed(2);
}

describe('sh-2024: 上海市普陀区生态环境局 2025', () => {
  it('01 总计 and 七 as printed; a 302 edit moves 公用经费 and its sentence; LibreOffice agrees with the export', async () => {
    const sp = await fx.open();
    const wb = sp.grid;
    await sp.openBackup();
    expect(await sp.importBackup('sh-putuo-sthj-2025.json', await readFile(EXAMPLE, 'utf8'))).toContain('已导入 1 个工作簿');
    await sp.navigates(() => sp.page.click('dialog.backup-dialog .btn-open-imported'));

    // The Shanghai order: 七 三公 before 八 政府性基金 and 九 国有资本经营.
    const tabs = await sp.page.$$eval('button.tab[data-tab]', (bs) => bs.map((b) => b.getAttribute('data-tab')));
    expect(tabs.slice(0, 9)).toEqual([
      'incomeExpenditure', 'income', 'expenditure', 'fiscalIncomeExpenditure', 'gpbExpenditure',
      'basicExpenditure', 'sangong', 'govFund', 'stateCapital',
    ]);
    // As printed: 01 收入总计 4,733.14; 七 预算 21.00 / 决算 16.95, all of it 公务用车运行维护费; empty cells 0.00.
    expect(await wb.cellText('incomeExpenditure', 'inc.grand', 'amount')).toMatch(/^4,?733\.14$/);
    expect(await wb.cellText('sangong', 'bud', 'total')).toBe('21.00');
    expect(await wb.cellText('sangong', 'act', 'total')).toBe('16.95');
    expect(await wb.cellText('sangong', 'act', 'car_run')).toBe('16.95');
    expect(await wb.cellText('sangong', 'act', 'abroad')).toBe('0.00');
    expect(await wb.cellText('basicExpenditure', 'public', 'amount')).toBe('416.36');
    // 审查: 310 is printed 14.44, its 款 give 14.43: a red corner, both figures in the tooltip.
    expect(await wb.cellText('basicExpenditure', '310', 'amount')).toBe('14.43');
    expect(await wb.cellClasses('basicExpenditure', '310', 'amount')).toContain('c-printed');
    expect(await wb.cellTooltip('basicExpenditure', '310', 'amount')).toContain('印刷数 14.44，计算数 14.43（印刷数 − 计算数 = 0.01）');
    expect(await wb.cellClasses('basicExpenditure', 'public', 'amount')).not.toContain('c-printed');
    await sp.screenshot('sh-2024-printed');
    await wb.select('sangong', 'act', 'total');
    await sp.screenshot('sh-2024-t07');

    // One 302 line: 办公费 92.11 → 100.00 moves 公用经费 by 7.89 and the 六 sentence with it.
    await wb.edit('basicExpenditure', '30201', 'amount', '100');
    expect(await wb.cellText('basicExpenditure', '302', 'amount')).toBe('409.82');
    expect(await wb.cellText('basicExpenditure', 'public', 'amount')).toBe('424.25');
    const nv = new NarrativeTab(wb);
    await nv.open();
    expect(await nv.paragraph('n6/p')).toContain('；公用经费424.25万元，主要包括：办公费、');
    expect(await nv.documentText()).toContain('七、财政拨款“三公”经费支出决算情况说明');

    // 部门决算单位构成 is workbook data, edited in 补充资料 and printed in 第一部分.
    expect(await wb.units()).toBe('上海市普陀区生态环境局（本级）\n上海市普陀区生态环境局执法大队\n上海市普陀区环境监测站');
    await wb.setUnits('上海市普陀区生态环境局（本级）\n上海市普陀区环境监测站｜预算不单列，并入本级');
    await sp.waitSaved();
    await sp.screenshot('sh-2024-units');
    expect(await wb.units()).toBe('上海市普陀区生态环境局（本级）\n上海市普陀区环境监测站｜预算不单列，并入本级');

    const xl = new XlsxPage(wb);
    const { path } = await xl.export(OUT);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(await readFile(path)).buffer);
    const csv = await xlsxToCsvPerSheet(path, join(OUT, 'csv'));
    let compared = 0;
    const mismatches: string[] = [];
    book.eachSheet((ws) => {
      const rows = csv.get(ws.name);
      if (!rows) return;
      ws.eachRow((row, r) =>
        row.eachCell((cell, c) => {
          if (!cell.formula || (cell.isMerged && cell.master !== cell)) return;
          compared++;
          const app = shown(cell.result);
          const lo = shown(rows[r - 1]?.[c - 1]);
          if (app !== lo) mismatches.push(`${ws.name} ${cell.address}: app ${app}, LibreOffice ${lo}`);
        }),
      );
    });
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(300);
  });
});

describe('sh-2024: 上海市普陀区财政局 2024, opened from 新建 → 示例', () => {
  it('the example opens as a new workbook; 01 总计 and 七 as computed from its printed inputs; a 302 edit moves 公用经费 and its sentence', async () => {
    const sp = await fx.open();
    const wb = sp.grid;
    await sp.openLibrary();
    await sp.page.selectOption('dialog.workbook-dialog .new-source', 'example:sh-putuo-czj-2024');
    // An example brings its own 部门, 年度 and template.
    expect(await sp.page.isVisible('dialog.workbook-dialog .new-year')).toBe(false);
    expect(await sp.page.isVisible('dialog.workbook-dialog .new-example-hint')).toBe(true);
    await sp.screenshot('sh-2024-new-from-example');
    await sp.navigates(() => sp.page.click('dialog.workbook-dialog .btn-create'));
    // The document prints 总计 2,995.39; its items add up to 2,995.40 (a recorded 0.01 slip of the document).
    expect(await wb.cellText('incomeExpenditure', 'inc.grand', 'amount')).toBe('2,995.40');
    // 七 as printed: 预算 0.95, all 公务接待费; 决算 blank (this document prints empty cells blank).
    expect(await wb.cellText('sangong', 'bud', 'total')).toBe('0.95');
    expect(await wb.cellText('sangong', 'bud', 'recep')).toBe('0.95');
    expect(await wb.cellText('sangong', 'act', 'total')).toBe('');
    expect(await wb.cellText('basicExpenditure', 'public', 'amount')).toBe('184.67');
    // 办公费 21.21 → 31.21: 302 171.09 → 181.09, 公用经费 184.67 → 194.67.
    await wb.edit('basicExpenditure', '30201', 'amount', '31.21');
    expect(await wb.cellText('basicExpenditure', '302', 'amount')).toBe('181.09');
    expect(await wb.cellText('basicExpenditure', 'public', 'amount')).toBe('194.67');
    const nv = new NarrativeTab(wb);
    await nv.open();
    expect(await nv.paragraph('n6/p')).toContain('公用经费194.67万元');
    await sp.openLibrary();
    expect((await sp.libraryRows()).map((r) => [r.department, r.year, r.current])).toContainEqual(['上海市普陀区财政局', '2024', true]);
  });
});

