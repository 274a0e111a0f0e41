// 审查模式 in real Chromium: a reviewer types a table's printed totals over the computed ones;
// each differing figure is marked and judged by the 审核, Delete clears it, undo takes it back,
// a pasted block fills inputs and printed totals at once, and the figures survive a reload.
// Lanshan example: 05 合计 is 1,576.05; 06 公用经费 596.17 (办公费 21.34).
import { describe, expect, it } from 'vitest';
import { useAppFixture } from './pages/app-fixture';

const app = useAppFixture();

describe('审查模式: printed figures typed into computed cells', () => {
  it('marks a dropped digit as an 错误, shows printed and computed, clears, undoes and keeps it', async () => {
    const wb = await app.open();
    await wb.tab('t05');
    // Outside 审查模式 a computed cell refuses typing.
    await wb.select('t05', 'sum', 'total');
    await wb.page.keyboard.type('1');
    expect(await wb.cellNote()).toContain('该单元格由公式自动计算');
    expect(await wb.cellText('t05', 'sum', 'total')).toBe('1,576.05');

    expect(await wb.reviewMode(true)).toBe(true);
    expect(await wb.statusLine()).toContain('审查模式');
    await wb.edit('t05', 'sum', 'total', '1567.05');
    expect(await wb.cellText('t05', 'sum', 'total')).toBe('1,567.05');
    expect(await wb.cellClasses('t05', 'sum', 'total')).toEqual(expect.arrayContaining(['c-printed', 'c-printed-entry']));
    expect(await wb.cellTooltip('t05', 'sum', 'total')).toContain('印刷数 1,567.05，计算数 1,576.05（印刷数 − 计算数 = -9.00）');
    await wb.select('t05', 'sum', 'total');
    expect(await wb.statusLine()).toContain('自动计算，印刷数 1,567.05');
    // The printed figure itself, and 04 ≠ 05 as printed (the rules compare the tables as printed).
    expect((await wb.auditCounts()).errors).toBe(2);
    await wb.screenshot('review-entry-05');

    // Leaving 审查模式 shows the computed figure again, still marked.
    expect(await wb.reviewMode(false)).toBe(false);
    expect(await wb.cellText('t05', 'sum', 'total')).toBe('1,576.05');
    expect(await wb.cellClasses('t05', 'sum', 'total')).toContain('c-printed');
    const rows = await wb.auditRows();
    expect(rows.filter((r) => r.severity === '错误').map((r) => r.message)).toEqual([
      expect.stringContaining('公开04表本年支出合计（一般公共预算财政拨款）（1,576.05）与公开05表合计行本年支出（1,567.05）不相等，差额 9.00'),
      expect.stringContaining('印刷数 1,567.05 − 计算数 1,576.05 = -9.00'),
    ]);

    await wb.tab('t05');
    await wb.undo();
    expect(await wb.cellClasses('t05', 'sum', 'total')).not.toContain('c-printed');
    expect(await wb.auditCounts()).toEqual({ errors: 0, warnings: 0 });
    await wb.redo();
    expect((await wb.auditCounts()).errors).toBe(2);

    await wb.reloadSaved();
    expect(await wb.cellClasses('t05', 'sum', 'total')).toContain('c-printed');
    expect((await wb.auditCounts()).errors).toBe(2);
    await wb.tab('t05');
    await wb.reviewMode(true);
    expect(await wb.cellText('t05', 'sum', 'total')).toBe('1,567.05');
    await wb.clear('t05', 'sum', 'total');
    expect(await wb.cellText('t05', 'sum', 'total')).toBe('1,576.05');
    expect(await wb.auditCounts()).toEqual({ errors: 0, warnings: 0 });
  });

  it('a pasted column fills inputs and the printed total in one step; a cent off is a 提示', async () => {
    const wb = await app.open();
    await wb.tab('t06');
    await wb.reviewMode(true);
    // 06's right-hand block from 302 down: the printed 302 subtotal and 办公费, as copied from a document.
    await wb.paste('t06', '302', 'amount', '494.63\n31.34');
    expect(await wb.cellText('t06', '30201', 'amount')).toBe('31.34');
    expect(await wb.cellText('t06', '302', 'amount')).toBe('494.63');
    // 302 is now 504.62: the printed 494.63 is 9.99 off (an 错误, beside 05 ≠ 06 from the 办公费 edit).
    expect(await wb.cellTooltip('t06', '302', 'amount')).toContain('印刷数 494.63，计算数 504.62');
    expect((await wb.auditRows()).filter((r) => r.message.includes('印刷数 494.63 − 计算数 504.62 = -9.99')).map((r) => r.severity)).toEqual(['错误']);
    await wb.tab('t06');
    await wb.undo();
    expect(await wb.cellText('t06', '30201', 'amount')).toBe('21.34');
    expect(await wb.cellText('t06', '302', 'amount')).toBe('494.62');

    await wb.edit('t06', 'public', 'amount', '596.18');
    // The printed 公用经费 a cent off, and 05 基本支出 against 06 as printed: both 尾差.
    expect(await wb.auditCounts()).toEqual({ errors: 0, warnings: 2 });
    expect(await wb.cellTooltip('t06', 'public', 'amount')).toContain('印刷数 596.18，计算数 596.17');
  });
});
