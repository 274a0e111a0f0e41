// 03表 基本/项目支出 typed over in real Chromium: the cell follows 05 (its own style and tooltip),
// takes a typed figure (another style; 01 and 补充资料 非财政拨款 follow), a figure below the 财政拨款
// part is a 审核 error, and Delete makes it follow again. Lanshan example figures, worked by hand.
import { describe, expect, it } from 'vitest';
import { useAppFixture } from './pages/app-fixture';

const app = useAppFixture();
const CODE = '2010306';

describe('03 basic typed over the fiscal figure', () => {
  it('follows, is typed over (style, totals, 非财政拨款), errs below 财政拨款, and Delete restores', async () => {
    const wb = await app.open();
    expect(await wb.cellText('t03', CODE, 'basic')).toBe('1,576.05');
    expect(await wb.cellClasses('t03', CODE, 'basic')).toEqual(expect.arrayContaining(['c-input', 'c-follow']));
    expect(await wb.cellTooltip('t03', CODE, 'basic')).toContain('自动计算（取自财政拨款各表）');
    expect(await wb.cellClasses('t03', CODE, 'proj')).toContain('c-follow');

    await wb.edit('t03', CODE, 'basic', '1581.05');
    expect(await wb.cellText('t03', CODE, 'basic')).toBe('1,581.05');
    const typed = await wb.cellClasses('t03', CODE, 'basic');
    expect(typed).toContain('c-typed');
    expect(typed).not.toContain('c-follow');
    expect(await wb.cellTooltip('t03', CODE, 'basic')).toContain('已填报，覆盖自动计算数 1,576.05');
    await wb.select('t03', CODE, 'basic');
    expect(await wb.statusLine()).toContain('（已填报，覆盖自动计算）');
    await wb.screenshot('type-over-typed');
    expect(await wb.cellText('t03', CODE, 'total')).toBe('1,581.05');
    expect(await wb.cellText('t03', 'sum', 'basic')).toBe('1,581.05');
    expect(await wb.cellText('sup', `nonfiscal.basic.${CODE}`, 'value')).toBe('5.00');
    expect(await wb.cellText('t01', 'exp.total', 'amount')).toBe('1,581.05');
    expect(await wb.cellText('t01', 'exp.close', 'amount')).toBe('-5.00');
    expect((await wb.auditCounts()).errors).toBe(0);

    await wb.edit('t03', CODE, 'basic', '1575.05');
    expect(await wb.cellText('sup', `nonfiscal.basic.${CODE}`, 'value')).toBe('-1.00');
    expect((await wb.auditCounts()).errors).toBe(1);
    const rows = await wb.auditRows();
    const nf = rows.find((r) => r.title.startsWith('03表基本支出不应小于其中的财政拨款'));
    expect(nf?.severity).toBe('错误');
    expect(nf?.message).toMatch(/^公开03表2010306 .+基本支出（1,575\.05）小于05、08、09表该项财政拨款基本支出（1,576\.05），相差 1\.00$/);
    expect(await wb.cellClasses('t03', CODE, 'basic')).toContain('c-mark-error');

    await wb.clear('t03', CODE, 'basic');
    expect(await wb.cellText('t03', CODE, 'basic')).toBe('1,576.05');
    expect(await wb.cellClasses('t03', CODE, 'basic')).toContain('c-follow');
    expect(await wb.cellText('t01', 'exp.total', 'amount')).toBe('1,576.05');
    expect(await wb.cellText('t01', 'exp.close', 'amount')).toBe('');
    expect(await wb.cellText('sup', `nonfiscal.basic.${CODE}`, 'value')).toBe('0.00');
    expect(await wb.auditCounts()).toEqual({ errors: 0, warnings: 0 });

    // Typed with the very figure it showed: no value changes, the style still does; undo follows again.
    await wb.edit('t03', CODE, 'basic', '1576.05');
    expect(await wb.cellClasses('t03', CODE, 'basic')).toContain('c-typed');
    await wb.undo();
    expect(await wb.cellClasses('t03', CODE, 'basic')).toContain('c-follow');
  });
});
