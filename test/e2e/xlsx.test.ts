// 导出XLSX / 导入XLSX in real Chromium against the built app: the download (file name, ExcelJS
// fetched only on first export and from our own origin), LibreOffice's recalculated reading and
// PDF of 公开06表, a file edited "by another program" imported over the current workbook and
// undone, a changed formula reported, and bad files refused with the workbook untouched.
// Expected values come from the reference document (蓝山县行政审批服务局 2021) or by hand.
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/browser';
import { useAppFixture } from './pages/app-fixture';
import { pdfToPng, xlsxToCsvPerSheet, xlsxToPdf } from '../support/libreoffice';
import type { WorkbookPage } from './pages/workbook-page';
import { XlsxPage } from './pages/xlsx-page';

const OUT = join(REPO_ROOT, 'test-output', 'xlsx-e2e');
const FILE_NAME = '蓝山县行政审批服务局2021年度部门决算工作底稿.xlsx';

const app = useAppFixture();
let wb: WorkbookPage;
let xl: XlsxPage;

async function open(): Promise<XlsxPage> {
  wb = await app.open();
  xl = new XlsxPage(wb);
  return xl;
}

/** Loads an xlsx, lets `change` act as another program would, and writes it back. */
async function editFile(bytes: Buffer, change: (book: ExcelJS.Workbook) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(new Uint8Array(bytes).buffer);
  change(book);
  return Buffer.from(await book.xlsx.writeBuffer());
}

function sheet(book: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = book.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** The first cell right of the label `label` (past the label's own merged cells): a row's total. */
function rightOf(ws: ExcelJS.Worksheet, label: string): ExcelJS.Cell {
  let labelCell: ExcelJS.Cell | undefined;
  ws.eachRow((row) =>
    row.eachCell((c) => {
      if (c.text === label && (!c.isMerged || c.master === c)) labelCell ??= c;
    }),
  );
  if (!labelCell) throw new Error(`no ${label} in ${ws.name}`);
  const row = ws.getRow(Number(labelCell.row));
  for (let col = Number(labelCell.col) + 1; col <= ws.columnCount; col++) {
    const c = row.getCell(col);
    if (!(c.isMerged && c.master.address === labelCell.address)) return c;
  }
  throw new Error(`nothing right of ${label} in ${ws.name}`);
}

/** The first non-empty CSV value right of a label (LibreOffice's reading of the file). */
function csvRightOf(rows: string[][], label: string): string | undefined {
  for (const row of rows) {
    const i = row.indexOf(label);
    if (i >= 0) return row.slice(i + 1).find((v) => v !== '');
  }
  return undefined;
}

describe('导出XLSX', () => {
  it('downloads the named workbook; ExcelJS is fetched only then, from the app; LibreOffice reads 公开06表 as published', async () => {
    await open();
    const isExcelJS = (url: string) => /exceljs/i.test(url);
    const initial = await xl.scripts();
    expect(initial.some((u) => /\/assets\/index-[\w-]+\.js$/.test(u))).toBe(true);
    expect(initial.filter(isExcelJS)).toEqual([]);

    const { path, name } = await xl.export(OUT);
    expect(name).toBe(FILE_NAME);
    const fetched = (await xl.scripts()).filter(isExcelJS);
    expect(fetched).toHaveLength(1);
    expect(new URL(fetched[0]!).origin).toBe(new URL(app.url).origin);
    await expect.poll(() => wb.statusLine()).toBe(`已导出 ${FILE_NAME}`);
    // A second export reuses the loaded chunk.
    await xl.export(join(OUT, 'again'));
    expect((await xl.scripts()).filter(isExcelJS)).toHaveLength(1);

    // LibreOffice with forced recalculation: its own engine computes the reference totals.
    const csv = await xlsxToCsvPerSheet(path, join(OUT, 'csv'));
    const t06 = csv.get('公开06表')!;
    expect(csvRightOf(t06, '人员经费合计')).toBe('979.88');
    expect(csvRightOf(t06, '公用经费合计')).toBe('596.17');
    expect(csvRightOf(t06, '商品和服务支出')).toBe('494.62');

    const pdf = await xlsxToPdf(path, join(OUT, 'pdf'));
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    const text = (p: number) => execFileSync('pdftotext', ['-f', String(p), '-l', String(p), '-layout', pdf, '-'], { encoding: 'utf8' });
    const page = Array.from({ length: pages }, (_, i) => i + 1).find((p) => text(p).includes('公开06表'));
    expect(page).toBeDefined();
    const t06Text = text(page!);
    for (const s of [
      '一般公共预算财政拨款基本支出决算表',
      '部门：蓝山县行政审批服务局',
      '单位：万元',
      '30201',
      '办公费',
      '21.34',
      '人员经费合计',
      '979.88',
      '公用经费合计',
      '596.17',
      '注：本表反映部门年度一般公共预算财政拨款基本支出明细情况。',
    ]) {
      expect(t06Text).toContain(s);
    }
    // Three column groups side by side: each header word three times on one line (编码 may wrap in its cell).
    const lines = t06Text.split('\n');
    for (const head of [/经济分类科目编/g, /科目名称/g, /决算数/g]) {
      expect(lines.some((l) => (l.match(head) ?? []).length === 3)).toBe(true);
    }
    const [png] = await pdfToPng(pdf, join(OUT, 'pdf', 't06'), { firstPage: page!, lastPage: page! });
    const shots = join(REPO_ROOT, 'test-output', 'screenshots');
    await mkdir(shots, { recursive: true });
    await copyFile(png!, join(shots, 'xlsx-e2e-t06.png'));
  });
});

describe('导入XLSX', () => {
  it('a file edited by another program replaces the current workbook after confirmation; Ctrl+Z brings the previous back', async () => {
    await open();
    await wb.edit('t06', '30201', 'amount', '31.34');
    // By hand: 公用经费 596.17 + 10 = 606.17.
    expect(await wb.cellText('t06', 'public', 'amount')).toBe('606.17');
    const exported = await readFile((await xl.export(join(OUT, 'edited'))).path);

    const changed = await editFile(exported, (book) => {
      const f6 = sheet(book, '公开06表').getCell('F6');
      const l8 = sheet(book, '公开07表').getCell('L8');
      const b37 = sheet(book, '补充资料').getCell('B37');
      // The cells hold what the app exported (30201 as edited, 公务接待费 and 政府采购服务 as published).
      expect([f6.value, l8.value, b37.value]).toEqual([31.34, 6.54, 83.26]);
      f6.value = 21.34;
      l8.value = 5.54;
      b37.value = 93.26;
    });
    await xl.choose({ name: 'changed.xlsx', buffer: changed });
    const dialog = await xl.importDialog();
    expect(dialog.source).toBe('文件「changed.xlsx」：蓝山县行政审批服务局2021年度');
    expect(dialog.notes).toEqual([]);
    expect(dialog.choices).toContain('替换当前工作簿');
    expect(dialog.choices).toContain('取消');
    const confirmation = await xl.replaceCurrent();
    expect(confirmation).toContain('快照');
    expect(confirmation).toContain('撤销');
    await expect.poll(() => wb.statusLine()).toBe('已用「changed.xlsx」替换当前工作簿（可撤销）');

    expect(await wb.cellText('t06', '30201', 'amount')).toBe('21.34');
    expect(await wb.cellText('t06', 'public', 'amount')).toBe('596.17');
    expect(await wb.cellText('t07', 'act', 'recep')).toBe('5.54');
    expect(await wb.cellText('t07', 'act', 'total')).toBe('5.54');
    expect(await wb.cellText('sup', 'proc.services', 'value')).toBe('93.26');
    // 政府采购总额 = 货物 18.29 + 工程 0 + 服务 93.26.
    expect(await wb.cellText('sup', 'proc.total', 'value')).toBe('111.55');

    await wb.undo();
    expect(await wb.cellText('t06', '30201', 'amount')).toBe('31.34');
    expect(await wb.cellText('t06', 'public', 'amount')).toBe('606.17');
    expect(await wb.cellText('t07', 'act', 'total')).toBe('6.54');
    expect(await wb.cellText('sup', 'proc.total', 'value')).toBe('101.55');
  });

  it('作为新工作簿打开 stores the file as another workbook and shows it', async () => {
    await open();
    const exported = await readFile((await xl.export(join(OUT, 'new'))).path);
    const changed = await editFile(exported, (book) => void (sheet(book, '公开06表').getCell('F6').value = 25));
    await xl.choose({ name: 'new.xlsx', buffer: changed });
    expect((await xl.importDialog()).choices).toEqual(['取消', '作为新工作簿打开', '替换当前工作簿']);
    const before = new URL(wb.page.url()).hash;
    await xl.openAsNew();
    expect(new URL(wb.page.url()).hash).toMatch(/^#wb=/);
    expect(new URL(wb.page.url()).hash).not.toBe(before);
    // By hand: 公用经费 596.17 − 21.34 + 25 = 599.83.
    expect(await wb.cellText('t06', '30201', 'amount')).toBe('25.00');
    expect(await wb.cellText('t06', 'public', 'amount')).toBe('599.83');
    expect(await xl.canUndo()).toBe(false);
  });

  it('lists a changed formula; 取消 leaves the workbook as it was', async () => {
    await open();
    const exported = await readFile((await xl.export(join(OUT, 'formula'))).path);
    let address = '';
    const changed = await editFile(exported, (book) => {
      const total = rightOf(sheet(book, '公开06表'), '公用经费合计');
      address = total.address;
      total.value = { formula: '1+1', result: 2 };
    });
    await xl.choose({ name: 'formula.xlsx', buffer: changed });
    await wb.screenshot('xlsx-import-notes');
    const { notes } = await xl.importDialog();
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(new RegExp(`^公式被修改，已按模板公式重新计算：公开06表 ${address}（`));
    await xl.cancelImport();
    expect(await xl.canUndo()).toBe(false);
    expect(await wb.cellText('t06', 'public', 'amount')).toBe('596.17');
  });

  it('refuses bad files with a Chinese message naming sheet and cell where there is one; the workbook is untouched', async () => {
    await open();
    const exported = await readFile((await xl.export(join(OUT, 'bad'))).path);
    const noMarker = new ExcelJS.Workbook();
    noMarker.addWorksheet('公开01表').getCell('A1').value = '收入支出决算总表';
    const cases: [string, Buffer, string][] = [
      // Deterministic "random" bytes: not a zip, not an old .xls.
      ['random.xlsx', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251)), '不是 xlsx 文件，请选择本程序导出的 .xlsx 工作簿'],
      ['other.xlsx', Buffer.from(await noMarker.xlsx.writeBuffer()), '这不是本程序导出的决算公开工作簿（缺少导出标记），无法导入'],
      ['truncated.xlsx', exported.subarray(0, Math.floor(exported.length / 2)), '文件已损坏，无法读取（xlsx 压缩包不完整或内容有误）'],
      [
        'text.xlsx',
        await editFile(exported, (book) => void (sheet(book, '公开06表').getCell('F6').value = 'abc')),
        '公开06表 F6（30201 办公费）：「abc」不是有效金额，请输入数字，如 1234.56',
      ],
    ];
    for (const [name, buffer, message] of cases) {
      await xl.choose({ name, buffer });
      if (name === 'text.xlsx') await wb.screenshot('xlsx-import-refused');
      expect(await xl.importError()).toEqual({ message, extra: '当前工作簿没有任何改动。' });
      expect(await wb.cellText('t06', '30201', 'amount')).toBe('21.34');
      expect(await xl.canUndo()).toBe(false);
    }
  });
});
