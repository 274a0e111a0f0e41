// A national-2022 workbook made from 新建 in real Chromium: codes added, figures typed, 01/04/09 and
// the 情况说明 follow by fund; the XLSX export recalculated by LibreOffice (forced) agrees with every
// computed cell the app cached. Expected figures are worked out by hand below.
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
const OUT = join(REPO_ROOT, 'test-output', 'national-e2e');

/** A cached or recalculated value as both sides print it: 2 dp for numbers, text as is. */
function shown(v: unknown): string {
  if (v === null || v === undefined || v === '') return '0.00';
  const n = typeof v === 'number' ? v : Number(v);
  if (Number.isNaN(n)) return String(v);
  return (Math.round((n + Math.sign(n) * 1e-9) * 100) / 100).toFixed(2);
}

describe('national-2022 from 新建', () => {
  it('codes, figures, 01/04/09 and 情况说明 by fund; LibreOffice recalculates the export to the same numbers', async () => {
    const sp = await fx.open();
    const wb = sp.grid;
    await sp.openLibrary();
    await sp.page.fill('dialog.workbook-dialog .new-year', '2023');
    await sp.page.dispatchEvent('dialog.workbook-dialog .new-year', 'input');
    expect(await sp.proposedTemplate()).toBe('全国统一格式部门决算公开模板（2022年起）（2022年度起）');
    await sp.createWorkbook({ department: '示范局', year: 2023, name: '示范局2023' });
    // The national table set, in the national order.
    const tabs = await sp.page.$$eval('button.tab[data-tab]', (bs) => bs.map((b) => b.getAttribute('data-tab')));
    expect(tabs.slice(0, 9)).toEqual([
      'incomeExpenditure', 'income', 'expenditure', 'fiscalIncomeExpenditure', 'gpbExpenditure',
      'basicExpenditure', 'govFund', 'stateCapital', 'sangong',
    ]);
    expect(await wb.cellText('incomeExpenditure', 'inc.grand', 'amount')).toBe('');

    // Codes: a 一般公共预算 项 in 05, a 政府性基金 项 in 07.
    await wb.select('gpbExpenditure', 'sum', 'total');
    await wb.addCode('2120101');
    await wb.select('govFund', 'sum', 'open');
    await wb.addCode('2120199');

    // Figures, each typed once.
    await wb.edit('income', '2120101', 'fin', '500');
    await wb.edit('income', '2120199', 'fin', '50');
    await wb.edit('gpbExpenditure', '2120101', 'basic', '300');
    await wb.edit('gpbExpenditure', '2120101', 'proj', '180');
    await wb.edit('govFund', '2120199', 'inc', '50');
    await wb.edit('govFund', '2120199', 'exp_proj', '40');
    await wb.edit('fiscalIncomeExpenditure', 'open.gpb', 'amount', '10');
    await wb.edit('basicExpenditure', '30101', 'amount', '200');
    await wb.edit('basicExpenditure', '30201', 'amount', '100');
    await wb.edit('sangong', 'bud', 'recep', '5');
    await wb.edit('sangong', 'act', 'recep', '3');

    // 01: 财政拨款 550 = 一般公共预算 500 + 政府性基金 50 (by fund, not lumped).
    expect(await wb.cellText('incomeExpenditure', 'inc.gpb', 'amount')).toBe('500.00');
    expect(await wb.cellText('incomeExpenditure', 'inc.gf', 'amount')).toBe('50.00');
    expect(await wb.cellText('incomeExpenditure', 'inc.total', 'amount')).toBe('550.00');
    expect(await wb.cellText('incomeExpenditure', 'exp.total', 'amount')).toBe('520.00');
    expect(await wb.cellText('incomeExpenditure', '212', 'amount')).toBe('520.00');
    // 04: closing by fund = opening + income − spending: 10 + 500 − 480 = 30; 0 + 50 − 40 = 10.
    expect(await wb.cellText('fiscalIncomeExpenditure', 'exp.total', 'gpb')).toBe('480.00');
    expect(await wb.cellText('fiscalIncomeExpenditure', 'exp.total', 'gf')).toBe('40.00');
    expect(await wb.cellText('fiscalIncomeExpenditure', 'close.gpb', 'all')).toBe('30.00');
    expect(await wb.cellText('fiscalIncomeExpenditure', 'close.gf', 'all')).toBe('10.00');
    expect(await wb.cellText('fiscalIncomeExpenditure', 'close.total', 'all')).toBe('40.00');
    expect(await wb.cellText('fiscalIncomeExpenditure', 'exp.grand', 'all')).toBe('560.00');
    // 09: 三公 决算 3.00 of 预算 5.00.
    expect(await wb.cellText('sangong', 'act', 'total')).toBe('3.00');
    expect(await wb.cellText('sangong', 'bud', 'total')).toBe('5.00');
    await wb.select('fiscalIncomeExpenditure', 'inc.gpb', 'amount');
    await sp.screenshot('national-2022-t04');
    await wb.select('incomeExpenditure', 'inc.gpb', 'amount');
    await sp.screenshot('national-2022-t01');

    // 情况说明: national outline and number style; 500 / 550 = 90.91 %, 50 / 550 = 9.09 %.
    const nv = new NarrativeTab(wb);
    await nv.open();
    expect(await nv.paragraph('n2/p')).toContain('本年收入合计550.00万元，其中：一般公共预算财政拨款收入500.00万元，占90.91%；政府性基金预算财政拨款收入50.00万元，占9.09%；国有资本经营预算财政拨款收入0.00万元');
    expect(await nv.paragraph('n7/p')).toBe('2023年度政府性基金预算财政拨款收入50.00万元，支出40.00万元，年末结转和结余10.00万元。');
    expect(await nv.paragraph('n9/p')).toContain('支出预算为5.00万元，支出决算为3.00万元，完成预算的60.00%');
    const text = await nv.documentText();
    expect(text).toContain('第三部分 示范局2023年度部门决算情况说明');
    expect(text).toContain('九、财政拨款“三公”经费支出决算情况说明');
    await sp.screenshot('national-2022-narrative');

    // XLSX: every formula cell as LibreOffice recalculates it (forced) equals the app's cached value.
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
    console.log(`national e2e: ${compared} formula cells compared with LibreOffice`);
    expect(compared).toBeGreaterThan(150);
    // The recalculated 01 carries the typed figures through.
    const t01 = csv.get('公开01表')!;
    expect(t01.some((row) => row.includes('本年收入合计') && row.some((v) => shown(v) === '550.00'))).toBe(true);
  });
});
