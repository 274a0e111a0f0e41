// The nine tables in real Chromium against the built app: the example's figures as the
// reference document prints them, live recalculation across tables, 审核, undo/redo, codes,
// refused input, clipboard, and no request outside the app's own origin.
// Expected values come from the reference (蓝山县行政审批服务局 2021) or are computed by hand.
import { describe, expect, it } from 'vitest';
import { useAppFixture } from './pages/app-fixture';
import type { WorkbookPage } from './pages/workbook-page';

const app = useAppFixture();
let wb: WorkbookPage;

async function open(): Promise<WorkbookPage> {
  wb = await app.open();
  return wb;
}

describe('the example workbook', () => {
  it('opens on 公开01表 with the reference figures', async () => {
    await open();
    expect(await wb.currentTab()).toBe('t01');
    // Reference 公开01表: 一般公共预算财政拨款收入 1576.05, 本年收入合计, 总计; 一般公共服务支出.
    for (const row of ['inc.gpb', 'inc.total', 'inc.grand', 'exp.total', 'exp.grand', '201']) {
      expect(await wb.cellText('t01', row, 'amount')).toBe('1,576.05');
    }
    // 公开01表 prints blanks for zero (政府性基金, 年末结转和结余).
    expect(await wb.cellText('t01', 'inc.gf', 'amount')).toBe('');
    expect(await wb.cellText('t01', 'exp.close', 'amount')).toBe('');
    // Other tables as printed: 05 合计, 06 footers, 07 三公 (zero style 0.00).
    expect(await wb.cellText('t05', 'sum', 'basic')).toBe('1,576.05');
    expect(await wb.cellText('t05', 'sum', 'proj')).toBe('0.00');
    expect(await wb.cellText('t06', 'personnel', 'amount')).toBe('979.88');
    expect(await wb.cellText('t06', 'public', 'amount')).toBe('596.17');
    expect(await wb.cellText('t07', 'act', 'total')).toBe('6.54');
    expect(await wb.cellText('t07', 'bud', 'recep')).toBe('60.00');
    expect(await wb.auditCounts()).toEqual({ errors: 0, warnings: 0 });
    // Computed cells are read-only and styled apart from inputs.
    expect(await wb.cellClasses('t06', 'public', 'amount')).toContain('c-calc');
    expect(await wb.cellClasses('t06', '30201', 'amount')).toContain('c-input');
  });

  it('saves a screenshot of every table', async () => {
    await open();
    for (const id of ['t01', 't02', 't03', 't04', 't05', 't06', 't07', 't08', 't09', 'sup']) {
      await wb.tab(id);
      // The title block shows above the grid (the grid hides it on screen).
      const title = await wb.page.textContent('.sheet-actions .sheet-title');
      expect(title?.length).toBeGreaterThan(3);
      await wb.screenshot(`grid-${id}`);
    }
    await wb.tab('audit');
    await wb.screenshot('grid-audit');
  });
});

describe('editing', () => {
  it('keeps an edit typed the moment the first table appears (before the formula engine is built) and recalculates it', async () => {
    const opened = await app.openAtFirstPaint();
    wb = opened.wb;
    // The first table was painted from the document's inputs before HyperFormula was built, and
    // before Handsontable was (a static copy of its first render).
    expect(opened.engineBuilt).toBe(false);
    expect(opened.gridBuilt).toBe(false);
    await wb.screenshot('first-paint');
    expect(await wb.cellText('t01', 'inc.grand', 'amount')).toBe('1,576.05');
    await wb.edit('t01', 'inc.open', 'amount', '10');
    expect(await wb.cellText('t01', 'inc.open', 'amount')).toBe('10.00');
    expect(await wb.cellText('t01', 'inc.grand', 'amount')).toBe('1,586.05');
    await wb.screenshot('first-paint-edit');
    await wb.reloadSaved();
    expect(await wb.cellText('t01', 'inc.open', 'amount')).toBe('10.00');
    expect(await wb.cellText('t01', 'inc.grand', 'amount')).toBe('1,586.05');
  });

  it('selects the cell clicked on the first table before the grid is built, and keeps what is typed there', async () => {
    const opened = await app.openAtFirstPaint({ row: 'inc.open', col: 'amount' });
    wb = opened.wb;
    expect(opened.gridBuilt).toBe(false);
    // The press built the grid at once and selected that cell; the keys go to it.
    expect(await wb.selectedCellWhenShown()).toBe('inc.open|amount');
    await wb.typeAndEnter('10');
    expect(await wb.cellText('t01', 'inc.open', 'amount')).toBe('10.00');
    expect(await wb.cellText('t01', 'inc.grand', 'amount')).toBe('1,586.05');
  });

  it('recalculates 06 on the same screen, reports the 05/06 difference, and undoes it', async () => {
    await open();
    await wb.edit('t06', '30201', 'amount', '31.34');
    expect(await wb.currentTab()).toBe('t06');
    // 公用经费合计 596.17 + 10.00; 商品和服务支出 494.62 + 10.00.
    expect(await wb.cellText('t06', 'public', 'amount')).toBe('606.17');
    expect(await wb.cellText('t06', '302', 'amount')).toBe('504.62');
    expect(await wb.cellClasses('t06', 'public', 'amount')).toContain('c-mark-error');
    expect(await wb.auditCounts()).toEqual({ errors: 1, warnings: 0 });
    await wb.screenshot('grid-t06-edited');

    const rows = await wb.auditRows();
    await wb.screenshot('grid-audit-finding');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.severity).toBe('错误');
    // 05 基本支出 1,576.05 against 06 979.88 + 606.17 = 1,586.05.
    expect(rows[0]!.message).toContain('1,576.05');
    expect(rows[0]!.message).toContain('1,586.05');
    expect(rows[0]!.message).toContain('10.00');
    expect(rows[0]!.diff).toBe('-10.00');
    expect(rows[0]!.cells.join(' ')).toContain('公开05表');

    // A click on the first involved cell opens 公开05表 with 合计/基本支出 selected.
    await wb.clickAuditCell('X56-1', 0);
    expect(await wb.currentTab()).toBe('t05');
    expect(await wb.selectedCell()).toBe('sum|basic');

    await wb.undo();
    expect(await wb.cellText('t06', '30201', 'amount')).toBe('21.34');
    expect(await wb.cellText('t06', 'public', 'amount')).toBe('596.17');
    expect(await wb.auditCounts()).toEqual({ errors: 0, warnings: 0 });
    expect(await wb.auditRows()).toEqual([]);

    await wb.tab('t06');
    await wb.redo();
    expect(await wb.cellText('t06', 'public', 'amount')).toBe('606.17');
  });

  it('moves like Excel: Enter goes down, Tab goes right; the status line names the cell', async () => {
    await open();
    await wb.edit('t06', '30101', 'amount', '344.02');
    expect(await wb.selectedCell()).toBe('30102|amount');
    expect(await wb.statusLine()).toContain('30102 津贴补贴');
    // Enter skips the computed 303 row (对个人和家庭的补助) to the next cell to fill in; Shift+Enter back.
    await wb.edit('t06', '30199', 'amount', '33.45');
    expect(await wb.selectedCell()).toBe('30301|amount');
    await wb.page.keyboard.type('0');
    await wb.page.keyboard.press('Shift+Enter');
    expect(await wb.selectedCell()).toBe('30199|amount');
    await wb.select('t07', 'act', 'abroad');
    await wb.page.keyboard.type('1');
    await wb.page.keyboard.press('Tab');
    expect(await wb.selectedCell()).toBe('act|car');
    expect(await wb.statusLine()).toContain('自动计算');
    // 三公 决算 6.54 + 1.00 因公出国（境）费.
    expect(await wb.cellText('t07', 'act', 'total')).toBe('7.54');
  });

  it('refuses text and formulas in an amount cell and keeps the old value', async () => {
    await open();
    await wb.edit('t06', '30201', 'amount', 'abc');
    expect(await wb.cellNote()).toContain('「abc」不是有效金额');
    await wb.screenshot('grid-refused-input');
    expect(await wb.cellText('t06', '30201', 'amount')).toBe('21.34');
    expect(await wb.selectedCell()).toBe('30201|amount');

    await wb.edit('t06', '30201', 'amount', '=1+2');
    expect(await wb.cellNote()).toContain('公式');
    expect(await wb.cellText('t06', '30201', 'amount')).toBe('21.34');
    expect(await wb.auditCounts()).toEqual({ errors: 0, warnings: 0 });

    // Normalized with decimal.js: "1,234.5" → 1,234.50; Delete clears (06 prints blanks).
    await wb.edit('t06', '30202', 'amount', '1,234.5');
    expect(await wb.cellNote()).toBeNull();
    expect(await wb.cellText('t06', '30202', 'amount')).toBe('1,234.50');
    await wb.select('t06', '30202', 'amount');
    await wb.page.keyboard.press('Delete');
    expect(await wb.cellText('t06', '30202', 'amount')).toBe('');
    // 302 = 494.62 − 2.61 (印刷费 cleared).
    expect(await wb.cellText('t06', '302', 'amount')).toBe('492.01');
  });

  it('copies plain numbers for Excel and pastes a 3×2 block into six cells', async () => {
    await open();
    expect(await wb.copy('t06', ['30101', 'amount'], ['30103', 'amount'])).toBe('344.02\n172.33\n89.14');

    // Three consecutive 项 rows under 20103 in 公开05表: add 2010301 and 2010302 next to 2010306.
    await wb.tab('t05');
    await wb.addCode('2010301');
    await wb.addCode('2010302', { query: '一般行政管理事务' });
    await wb.paste('t05', '2010301', 'basic', '1\t2\n3\t4\n5.5\t6');
    expect(await wb.cellNote()).toBeNull();
    expect(await wb.cellText('t05', '2010301', 'basic')).toBe('1.00');
    expect(await wb.cellText('t05', '2010301', 'proj')).toBe('2.00');
    expect(await wb.cellText('t05', '2010302', 'basic')).toBe('3.00');
    expect(await wb.cellText('t05', '2010302', 'proj')).toBe('4.00');
    expect(await wb.cellText('t05', '2010306', 'basic')).toBe('5.50');
    expect(await wb.cellText('t05', '2010306', 'proj')).toBe('6.00');
    // 20103: basic 1 + 3 + 5.5, proj 2 + 4 + 6, total 21.50; 03 and 01 支出 follow 05.
    expect(await wb.cellText('t05', '20103', 'basic')).toBe('9.50');
    expect(await wb.cellText('t05', '20103', 'proj')).toBe('12.00');
    expect(await wb.cellText('t05', 'sum', 'total')).toBe('21.50');
    expect(await wb.cellText('t03', 'sum', 'total')).toBe('21.50');
    expect(await wb.cellText('t01', 'exp.total', 'amount')).toBe('21.50');

    // One undo step takes the whole paste back.
    await wb.tab('t05');
    await wb.undo();
    expect(await wb.cellText('t05', '2010306', 'basic')).toBe('1,576.05');
    expect(await wb.cellText('t05', '2010301', 'basic')).toBe('0.00');

    // A block with a bad cell: the good one is applied, the bad one listed.
    await wb.paste('t05', '2010301', 'basic', '7\tabc');
    expect(await wb.cellText('t05', '2010301', 'basic')).toBe('7.00');
    expect(await wb.cellText('t05', '2010301', 'proj')).toBe('0.00');
    const note = await wb.cellNote();
    expect(note).toContain('已粘贴 1 个单元格');
    expect(note).toContain('2010301');
    expect(note).toContain('「abc」不是有效金额');
  });
});

describe('toolbar and 补充资料', () => {
  it('renames the 部门 on every table, undoably', async () => {
    await open();
    expect(await wb.department()).toBe('蓝山县行政审批服务局');
    await wb.setDepartment('蓝山县测试局');
    expect(await wb.departmentLine()).toBe('部门：蓝山县测试局');
    await wb.tab('t07');
    expect(await wb.departmentLine()).toBe('部门：蓝山县测试局');
    await wb.select('t07', 'act', 'recep');
    await wb.undo();
    expect(await wb.departmentLine()).toBe('部门：蓝山县行政审批服务局');
    expect(await wb.department()).toBe('蓝山县行政审批服务局');
  });

  it('edits a 补充资料 figure and a phrase; both are current when the tab is opened again', async () => {
    await open();
    expect(await wb.cellText('sup', 'opex.actual', 'value')).toBe('596.17');
    // 会议费 in 补充资料 below 06's 30215 (0.52) is a 提示 (N11-2).
    await wb.edit('sup', 'meeting.amount', 'value', '0.5');
    expect(await wb.auditCounts()).toEqual({ errors: 0, warnings: 1 });
    expect(await wb.cellClasses('sup', 'meeting.amount', 'value')).toContain('c-mark-warning');
    await wb.setText('reason.opex', '压减会议费用');
    await wb.tab('t01');
    await wb.tab('sup');
    expect(await wb.cellText('sup', 'meeting.amount', 'value')).toBe('0.50');
    expect(await wb.text('reason.opex')).toBe('压减会议费用');
  });
});

describe('classification rows', () => {
  it('adds 2080505 from the catalogue; new 类/款/项 rows and totals in 05 and 01; remove and undo', async () => {
    await open();
    await wb.tab('t05');
    await wb.addCode('2080505', { query: '基本养老保险缴费' });
    const rows = await wb.rowTexts();
    expect(rows.some((r) => r.startsWith('208|社会保障和就业支出|'))).toBe(true);
    expect(rows.some((r) => r.startsWith('20805|行政事业单位养老支出|'))).toBe(true);
    expect(rows.some((r) => r.startsWith('2080505|机关事业单位基本养老保险缴费支出|'))).toBe(true);
    // The new row is selected, ready to type into.
    expect(await wb.selectedCell()).toBe('2080505|basic');

    await wb.edit('t05', '2080505', 'basic', '10.00');
    expect(await wb.cellText('t05', '2080505', 'total')).toBe('10.00');
    expect(await wb.cellText('t05', '208', 'total')).toBe('10.00');
    expect(await wb.cellText('t05', 'sum', 'total')).toBe('1,586.05');
    expect(await wb.cellText('t05', 'sum', 'basic')).toBe('1,586.05');
    // 04 takes its 一般公共预算 column from 05.
    expect(await wb.cellText('t04', 'exp.total', 'gpb')).toBe('1,586.05');

    // 01's spending side follows 05 through 03 (03 = 05 + 08 + 09 + 非财政拨款): no retyping.
    await wb.tab('t01');
    expect((await wb.rowTexts()).some((r) => r.includes('二、社会保障和就业支出|15|10.00'))).toBe(true);
    expect(await wb.cellText('t01', 'exp.total', 'amount')).toBe('1,586.05');
    expect(await wb.cellText('t03', '2080505', 'basic')).toBe('10.00');
    // Income is its own figure, typed in 02; then 01's totals balance again.
    await wb.edit('t02', '2080505', 'fin', '10');
    expect(await wb.cellText('t01', 'inc.total', 'amount')).toBe('1,586.05');
    expect(await wb.cellText('t01', 'inc.grand', 'amount')).toBe('1,586.05');

    // Remove (confirmed) takes the amounts with it; Ctrl+Z brings both back.
    await wb.removeCode('t05', '2080505', 'basic');
    expect((await wb.rowTexts()).some((r) => r.startsWith('2080505|'))).toBe(false);
    expect(await wb.cellText('t05', 'sum', 'total')).toBe('1,576.05');
    await wb.undo();
    expect(await wb.cellText('t05', '2080505', 'basic')).toBe('10.00');
    expect(await wb.cellText('t05', 'sum', 'total')).toBe('1,586.05');
  });

  it('adds an economic 款 the template does not print to 06, and removes it again', async () => {
    await open();
    await wb.addEconomicCode('30311', '代缴社会保险');
    expect((await wb.rowTexts()).some((r) => r.includes('30311|代缴社会保险费|'))).toBe(true);
    await wb.edit('t06', '30311', 'amount', '5');
    // 303 对个人和家庭的补助 was blank (0); 人员经费 = 301 + 303 = 979.88 + 5.00.
    expect(await wb.cellText('t06', '303', 'amount')).toBe('5.00');
    expect(await wb.cellText('t06', 'personnel', 'amount')).toBe('984.88');

    // A code the template prints stays.
    await wb.select('t06', '30201', 'amount');
    await wb.page.click('.sheet-actions .btn-remove-code');
    expect(await wb.statusLine()).toContain('模板规定的科目不能删除');

    await wb.removeCode('t06', '30311', 'amount');
    expect((await wb.rowTexts()).some((r) => r.includes('30311|'))).toBe(false);
    expect(await wb.cellText('t06', 'personnel', 'amount')).toBe('979.88');
  });

  it('the economic dialog shows an economic example, finds a code already in 06 (已在表中) and selects its row; Escape closes it', async () => {
    await open();
    await wb.tab('t06');
    await wb.page.click('.sheet-actions .btn-add-code');
    expect(await wb.page.getAttribute('dialog .code-search', 'placeholder')).toBe('按编码或名称搜索，如 30201 或 办公费');
    // The unfiltered list offers only codes to add: 30201 (printed by the template) is not in it.
    expect(await wb.page.locator('dialog .code-result[data-code="30201"]').count()).toBe(0);
    await wb.page.fill('dialog .code-search', '办公');
    const present = wb.page.locator('dialog .code-result[data-code="30201"]');
    expect(await present.getAttribute('class')).toContain('code-present');
    expect(await present.textContent()).toBe('30201办公费已在表中');
    await wb.screenshot('economic-dialog-present');
    // Escape with text in the search field closes the dialog (not only clears the field).
    await wb.page.keyboard.press('Escape');
    await wb.page.waitForSelector('dialog[open]', { state: 'detached' });

    await wb.page.click('.sheet-actions .btn-add-code');
    await wb.page.fill('dialog .code-search', '30201');
    await wb.page.keyboard.press('Enter');
    await wb.page.waitForSelector('dialog[open]', { state: 'detached' });
    expect(await wb.statusLine()).toContain('30201 办公费 已在表中，已选中该行');
    expect(await wb.selectedCell()).toBe('30201|amount');
    // Nothing was added twice.
    expect((await wb.rowTexts()).filter((r) => r.includes('30201|办公费|'))).toHaveLength(1);
  });

  it('the 项 dialog marks a code the fund already has as 已在表中', async () => {
    await open();
    await wb.tab('t05');
    await wb.page.click('.sheet-actions .btn-add-code');
    await wb.page.fill('dialog .code-search', '2010306');
    expect(await wb.page.textContent('dialog .code-result[data-code="2010306"] .code-result-path')).toBe('已在表中');
    await wb.page.keyboard.press('Escape');
    await wb.page.waitForSelector('dialog[open]', { state: 'detached' });
  });

  it('asks for a name before adding a code the catalogue lacks', async () => {
    await open();
    await wb.tab('t05');
    expect(await wb.addCustomCode('2010397', '')).toContain('请填写科目名称');
    expect(await wb.addCustomCode('2010397', '其他测试支出')).toBeNull();
    expect((await wb.rowTexts()).some((r) => r.startsWith('2010397|其他测试支出|'))).toBe(true);
  });
});
