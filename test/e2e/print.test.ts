// Printing from the browser (print media, as Chrome's 打印 renders it): Ctrl+P on 公开06表
// prints that table as published — A4 landscape, title, 公开06表, 部门/单位, header, rows, 注 —
// and nothing of the app's screen; 打印全部表 prints every table, each from a new page.
// Figures from the reference (蓝山县行政审批服务局 2021): 30201 办公费 21.34, 公用经费 596.17.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useAppFixture } from './pages/app-fixture';
import { PrintPage } from './pages/print-page';
import { REPO_ROOT } from './support/browser';

const app = useAppFixture();
const OUT = join(REPO_ROOT, 'test-output', 'print-e2e');
const squash = (s: string) => s.replace(/\s+/g, '');

describe('printing tables', () => {
  it('Ctrl+P on 公开06表 prints that table as published, on A4 landscape, without the toolbar', async () => {
    const wb = await app.open();
    await wb.tab('t06');
    const print = new PrintPage(wb.page);
    const out = await print.printCurrent(join(OUT, 't06.pdf'));
    const [w, h] = print.pageSize(out);
    expect(w).toBeGreaterThan(h);
    expect(Math.round(w)).toBe(842);
    // The reference prints 06 on one page; so do we.
    expect(out.pages).toBe(1);
    const text = squash(out.text.join('\n'));
    for (const s of ['一般公共预算财政拨款基本支出决算表', '公开06表', '部门：蓝山县行政审批服务局', '单位：万元', '科目名称', '决算数', '办公费', '21.34', '596.17']) expect(text).toContain(s);
    expect(text).toMatch(/注/);
    for (const s of ['导出XLSX', '打印全部表', '已保存', '公开01表']) expect(text).not.toContain(s);
    print.png(out, 1);
    // The screen is back as it was.
    expect(await wb.page.locator('.print-root').count()).toBe(0);
  });

  it('打印全部表 prints the nine tables, each starting on its own page', async () => {
    const wb = await app.open();
    const print = new PrintPage(wb.page);
    const out = await print.printAll(join(OUT, 'all.pdf'));
    expect(out.pages).toBe(9);
    const starts = out.text.map((t) => /公开0\d表/.exec(squash(t))?.[0] ?? null).filter((x): x is string => x !== null);
    expect([...new Set(starts)]).toEqual(['公开01表', '公开02表', '公开03表', '公开04表', '公开05表', '公开06表', '公开07表', '公开08表', '公开09表']);
    const all = squash(out.text.join('\n'));
    expect(all).toContain('1,576.05');
    expect(all).not.toContain('导出XLSX');
    for (let i = 1; i <= Math.min(out.pages, 3); i++) print.png(out, i);
  });
});
