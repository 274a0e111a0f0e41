// 导出Word and 导出PDF in real Chromium against the built app: the Word download (file name, docx
// fetched from our own origin on first use) read back by LibreOffice Writer, the print document
// printed to PDF by Chromium; both PDFs must carry every table figure and every 情况说明 paragraph
// of the example, compared with the engine opened on the same example in Node.
import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type WorkbookEngine } from '../../src/engine';
import { exampleDocument, openWorkbook } from '../../src/app/templates';
import { convertWithLibreOffice, pdfToPng } from '../support/libreoffice';
import { checkPublicationPdf, pdfPages } from '../support/publication-check';
import { useAppFixture } from './pages/app-fixture';
import { PublicationPage } from './pages/publication-page';
import { XlsxPage } from './pages/xlsx-page';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { REPO_ROOT } from './support/browser';

const OUT = join(REPO_ROOT, 'test-output', 'publication-e2e');
const app = useAppFixture();

function expectComplete(engine: WorkbookEngine, pages: string[]): void {
  const check = checkPublicationPdf(engine, pages);
  for (const t of check.tables) {
    expect(t.pages.length, `${t.id} pages`).toBeGreaterThan(0);
    expect({ id: t.id, missing: t.missing, extra: t.extra }).toEqual({ id: t.id, missing: [], extra: [] });
  }
  expect(check.paragraphs).toBeGreaterThan(30);
  expect(check.missingParagraphs).toEqual([]);
  expect(check.missingHeadings).toEqual([]);
}

/** Page sizes in points, from pdfinfo: 'portrait' or 'landscape' per page. */
function orientations(pdf: string): string[] {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '999', pdf], { encoding: 'utf8' });
  return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => (Number(m[1]) > Number(m[2]) ? 'landscape' : 'portrait'));
}

describe('导出Word / 导出PDF', () => {
  it('导出Word downloads the whole disclosure; LibreOffice reads every figure and sentence', async () => {
    const wb = await app.open();
    const pub = new PublicationPage(wb);
    const { path, name } = await pub.exportWord(join(OUT, 'word'));
    expect(name).toBe('蓝山县行政审批服务局2021年度部门决算公开.docx');
    expect(await wb.statusLine()).toContain(`已导出 ${name}`);
    const pdf = await convertWithLibreOffice(path, 'pdf', join(OUT, 'word'), { recalc: false });
    const engine = openWorkbook(exampleDocument());
    expectComplete(engine, await pdfPages(pdf));
    engine.destroy();
    const sides = orientations(pdf);
    expect(sides.filter((s) => s === 'landscape').length).toBeGreaterThanOrEqual(9);
    await pdfToPng(pdf, join(OUT, 'word', 'page'), { firstPage: 1, lastPage: 4 });
  });

  it('导出PDF prints the same document on A4: tables landscape, text portrait', async () => {
    const wb = await app.open();
    // An edit first: the PDF is of the workbook as it is now.
    await wb.edit('t06', '30201', 'amount', '31.34');
    const pub = new PublicationPage(wb);
    await mkdir(OUT, { recursive: true });
    const pdf = join(OUT, 'publication.pdf');
    const { printed } = await pub.exportPdf(pdf);
    expect(printed).toBe(1);
    expect(await wb.statusLine()).toContain('另存为 PDF');
    const engine = openWorkbook(exampleDocument());
    engine.setInput('t06', '30201', 'amount', '31.34');
    const pages = await pdfPages(pdf, { raw: true });
    expectComplete(engine, pages);
    expect(pages.join('').replace(/\s+/g, '').replace(/—\d+—/g, '')).toContain('公用经费606.17万元，占基本支出的38.22%');
    engine.destroy();
    const sides = orientations(pdf);
    expect(sides[0]).toBe('portrait');
    expect(sides.filter((s) => s === 'landscape').length).toBeGreaterThanOrEqual(9);
    await pdfToPng(pdf, join(OUT, 'pdf-page'));
  });

  it('导出XLSX → 公开表 downloads only the nine tables and the 情况说明', async () => {
    const wb = await app.open();
    const { path, name } = await new XlsxPage(wb).export(join(OUT, 'xlsx'), 'public');
    expect(name).toBe('蓝山县行政审批服务局2021年度部门决算公开表.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(await readFile(path)).buffer);
    expect(book.worksheets.map((w) => w.name)).toEqual([...Array.from({ length: 9 }, (_, i) => `公开0${i + 1}表`), '情况说明']);
  });
});
