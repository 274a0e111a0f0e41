// Bulk entry in real Chromium: a block copied from Excel (编码, 名称, amounts, with 合计 and parent
// rows) pasted into 公开05表 adds the missing rows with their names in one undo step; 科目命名
// names a parent the catalogue lacks; no 自定义科目 anywhere.
import { describe, expect, it } from 'vitest';
import { useAppFixture } from './pages/app-fixture';

const app = useAppFixture();

const BLOCK = [
  '科目编码\t科目名称\t合计\t基本支出\t项目支出',
  '合计\t\t1,636.05\t1,606.05\t30.00',
  '201\t一般公共服务支出\t1,576.05\t1,576.05\t',
  '20103\t政府办公厅（室）及相关机构事务\t1,576.05\t1,576.05\t',
  '2010306\t政务公开审批\t1,576.05\t1,576.05\t',
  '207\t文化旅游体育与传媒支出\t60.00\t30.00\t30.00',
  '207 01\t文化和旅游\t60.00\t30.00\t30.00',
  '207 01 09\t群众文化\t50.00\t20.00\t30.00',
  '207 01 12\t文化和旅游市场管理\t10.00\t10.00\t',
].join('\r\n');

describe('paste a block of codes, names and amounts', () => {
  it('adds the missing rows with their names, fills the values, one undo step', async () => {
    const wb = await app.open();
    await wb.tab('t05');
    await wb.paste('t05', '2010306', 'basic', BLOCK);
    await wb.page.waitForFunction(() => document.querySelector('.cell-note:not([hidden])')?.textContent?.includes('已粘贴'));
    expect(await wb.cellNote()).toContain('已粘贴：填入 6 个数值，新增 2 行；合计与计算一致');
    expect(await wb.cellText('t05', '2070109', 'basic')).toBe('20.00');
    expect(await wb.cellText('t05', '2070109', 'total')).toBe('50.00');
    expect(await wb.cellText('t05', '20701', 'total')).toBe('60.00');
    expect(await wb.cellText('t05', 'sum', 'total')).toBe('1,636.05');
    expect(await wb.rowOf('20701')).toContain('文化和旅游');
    expect(await wb.rowOf('2070112')).toContain('文化和旅游市场管理');
    // 05 feeds 03 and 01: the new class shows there too, named.
    expect(await wb.cellText('t03', '207', 'basic')).toBe('30.00');
    const shot = await wb.screenshot('code-paste-t05');
    expect(shot).toMatch(/\.png$/);
    const all = await wb.page.evaluate(() => document.body.innerText);
    expect(all).not.toContain('自定义科目');
    await wb.tab('t05');
    await wb.select('t05', 'sum', 'basic');
    await wb.undo();
    await wb.page.waitForFunction(() => !document.querySelector('.grid-host td[data-cell="2070109|basic"]'));
    expect(await wb.cellText('t05', 'sum', 'total')).toBe('1,576.05');
    // Redo (rows inserted again in place) brings back the rows, their values and 03's class.
    await wb.redo();
    await wb.page.waitForSelector('.grid-host td[data-cell="2070109|basic"]');
    expect(await wb.cellText('t05', '2070109', 'total')).toBe('50.00');
    expect(await wb.cellText('t05', 'sum', 'total')).toBe('1,636.05');
    expect(await wb.cellText('t03', '207', 'basic')).toBe('30.00');
  });

  it('text where an amount belongs is named in the paste note; the rest of its row lands', async () => {
    const wb = await app.open();
    await wb.tab('t05');
    const block = ['科目编码\t科目名称\t合计\t基本支出\t项目支出', '2070109\t群众文化\t50.00\t二十\t30.00'].join('\r\n');
    await wb.paste('t05', '2010306', 'basic', block);
    await wb.page.waitForFunction(() => document.querySelector('.cell-note:not([hidden])')?.textContent?.includes('已粘贴'));
    expect(await wb.cellNote()).toContain('基本支出「二十」：「二十」不是有效金额，请输入数字，如 1234.56');
    expect(await wb.cellText('t05', '2070109', 'proj')).toBe('30.00');
    expect(await wb.cellText('t05', '2070109', 'basic')).toBe('0.00');
    await wb.screenshot('code-paste-bad-amount');
  });

  it('a pasted subtotal that differs is listed with both values', async () => {
    const wb = await app.open();
    await wb.tab('t05');
    await wb.paste('t05', '2010306', 'basic', '2080505\t机关事业单位基本养老保险缴费支出\t20\t20\t\n合计\t\t1,596.06\t1,596.05\t');
    await wb.page.waitForFunction(() => document.querySelector('.cell-note:not([hidden])')?.textContent?.includes('已粘贴'));
    expect(await wb.cellNote()).toContain('合计 小计：粘贴 1,596.06，计算 1,596.05');
    expect(await wb.cellText('t05', '2080505', 'basic')).toBe('20.00');
  });

  it('names a parent through 科目命名 and renames it back to the catalogue', async () => {
    const wb = await app.open();
    await wb.tab('t05');
    await wb.paste('t05', '2010306', 'basic', '2040607\t公共法律服务\t5\t5\t');
    await wb.page.waitForSelector('.grid-host td[data-cell="2040607|basic"]');
    // 20406 司法 is not in the built-in catalogue: blank name and an error in the 审核.
    expect(await wb.rowOf('20406')).toMatch(/^20406\|\|/);
    const unnamed = async () => (await wb.auditRows()).filter((r) => r.title === '科目缺少名称').map((r) => r.message);
    expect(await unnamed()).toEqual(['科目 20406 没有名称：请导入科目表，或选中该行后点“科目命名”填写']);
    await wb.tab('t05');
    await wb.nameCode('t05', '20406', 'basic', '司法');
    expect(await wb.rowOf('20406')).toContain('司法');
    expect(await unnamed()).toEqual([]);
    await wb.tab('t05');
    await wb.nameCode('t05', '204', 'basic', '公共安全（自编）');
    expect(await wb.rowOf('204')).toContain('公共安全（自编）');
    await wb.nameCode('t05', '204', 'basic', '');
    expect(await wb.rowOf('204')).toContain('公共安全支出');
    await wb.screenshot('code-name-t05');
  });
});
