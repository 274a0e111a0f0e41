// The PDF reader (pdf.js in Node): text runs and ruling lines of real and hand-made PDFs, cells
// from the lines, Chinese in a font the file does not embed (bundled CMaps), and a clear Chinese
// refusal for what cannot be read: not a PDF, damaged, a password, a scan without text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { layoutPage, type PageLayout } from '../../src/io/pdf-grid';
import { bundledCMapNames } from '../../src/io/pdf-cmaps';
import { PDF_READ_TEXT, PdfReadError, readPdf, type PdfContent } from '../../src/io/pdf-read';
import { unifyRadicals } from '../../src/io/pdf-radicals';
import { REAL_PDF } from '../support/sh-reference';
import { tinyPdf, ucs2Hex } from '../support/tiny-pdf';

const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, '..', 'fixtures', 'pdf', name)));

async function refusal(bytes: Uint8Array): Promise<string> {
  try {
    await readPdf(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(PdfReadError);
    return (e as Error).message;
  }
  throw new Error('read without refusal');
}

const cellTexts = (p: PageLayout) => p.grids.flatMap((g) => g.cells.map((c) => c.text)).filter((t) => t !== '');

describe('readPdf on the published 上海市普陀区财政局 2024 PDF', () => {
  let content: PdfContent;
  beforeAll(async () => {
    content = await readPdf(new Uint8Array(readFileSync(REAL_PDF)));
  }, 120_000);

  it('reads 25 pages with the document title, Chinese text as printed', () => {
    expect(content.info).toEqual({ title: '2024年上海市普陀区财政局部门决算表.pdf', producer: 'ONLYOFFICE/8.0.1.31', pageCount: 25 });
    const cover = layoutPage(content.pages[0]!).lines.map((l) => l.text);
    expect(cover).toEqual(['上海市普陀区财政局', '2024年度部门决算']);
    const p21 = layoutPage(content.pages[20]!).lines.map((l) => l.text);
    expect(p21).toContain('上海市普陀区财政局2024年度收入支出总计2995.39万元。与2023年度相比，收入');
  });

  it('puts every run of a table page in its cell: 06 in column groups, 类|款 codes apart', () => {
    const p16 = layoutPage(content.pages[15]!);
    expect(p16.lines.map((l) => l.text)).toEqual(['一般公共预算财政拨款基本支出决算表', '单位：万元']);
    expect(p16.grids).toHaveLength(1);
    const g = p16.grids[0]!;
    expect([g.rowCount, g.colCount]).toEqual([22, 8]);
    const row = (r: number) => g.cells.filter((c) => c.r === r).map((c) => c.text);
    expect(row(4)).toEqual(['301', '01', '基本工资', '262.33', '302', '01', '办公费', '21.21']);
    // A wrapped name is one cell; a blank amount is an empty cell, not a missing one.
    expect(row(9)).toEqual(['301', '08', '机关事业单位基本养老保险缴费', '160.75', '302', '06', '电费', '']);
  });

  it('reads the 三公 header merges and its one data row (blank cells kept)', () => {
    const g = layoutPage(content.pages[17]!).grids[0]!;
    expect(g.colCount).toBe(12);
    const last = g.cells.filter((c) => c.r === g.rowCount - 1);
    expect(last.map((c) => c.text)).toEqual(['0.95', '', '', '', '', '', '', '', '', '', '0.95', '']);
    expect(g.cells.find((c) => c.text === '公务用车购置及运行费')).toMatchObject({ cs: 6 });
  });

  it('reads every amount of the table pages exactly once', () => {
    const amounts = content.pages.slice(5, 20).flatMap((p) => cellTexts(layoutPage(p))).filter((t) => /^[\d,]+\.\d{2}$/.test(t));
    // The reference transcription counts 195 amounts on the table pages (pdftotext, checked by hand).
    expect(amounts.length).toBe(195);
  });
});

describe('readPdf on hand-made PDFs', () => {
  it('reads Chinese in a font the PDF does not embed (STSong-Light, UniGB-UCS2-H) through the bundled CMaps', async () => {
    const text = '收入支出决算总表（单位：万元）';
    const pdf = tinyPdf([{ content: `BT /F1 16 Tf 72 760 Td <${ucs2Hex(text)}> Tj ET` }], { cjkFont: true });
    const c = await readPdf(pdf);
    expect(layoutPage(c.pages[0]!).lines.map((l) => l.text)).toEqual([text]);
    expect(bundledCMapNames()).toEqual(expect.arrayContaining(['UniGB-UCS2-H', 'Adobe-GB1-UCS2', 'GBK-EUC-H', 'UniGB-UTF16-H']));
  });

  it('finds cells from stroked lines and from thin filled rectangles alike', async () => {
    // A 2 × 2 table: stroked borders on page 1; the same table with filled 0.5 pt bars on page 2.
    const text = 'BT /F2 10 Tf 80 775 Td (A1) Tj 100 0 Td (1,234.50) Tj -100 -30 Td (B) Tj 100 0 Td (0.00) Tj ET';
    const stroked = '0.5 w 72 800 m 272 800 l S 72 770 m 272 770 l S 72 740 m 272 740 l S 72 740 m 72 800 l S 172 740 m 172 800 l S 272 740 m 272 800 l S';
    const bar = (x: number, y: number, w: number, h: number) => `${x} ${y} ${w} ${h} re f`;
    const filled = [bar(72, 799.75, 200, 0.5), bar(72, 769.75, 200, 0.5), bar(72, 739.75, 200, 0.5), bar(71.75, 740, 0.5, 60), bar(171.75, 740, 0.5, 60), bar(271.75, 740, 0.5, 60)].join(' ');
    const c = await readPdf(tinyPdf([{ content: `${stroked} ${text}` }, { content: `${filled} ${text}` }]));
    for (const p of c.pages) {
      const g = layoutPage(p).grids;
      expect(g).toHaveLength(1);
      expect(g[0]!.cells.map((x) => [x.r, x.c, x.text])).toEqual([
        [0, 0, 'A1'],
        [0, 1, '1,234.50'],
        [1, 0, 'B'],
        [1, 1, '0.00'],
      ]);
    }
  });

  it('reads a PDF with only an owner password (printing/copying limits) like any other', async () => {
    const c = await readPdf(fixture('owner-password-only.pdf'));
    expect(layoutPage(c.pages[0]!).lines.map((l) => l.text)).toEqual(['Secret 123.45']);
  });
});

describe('unifyRadicals', () => {
  it('reads the radicals Chromium’s PDFs map some Noto CJK glyphs to as the ideographs they print', () => {
    // As pdf.js reads the cover and a table title of our own 导出PDF.
    expect(unifyRadicals('蓝⼭县⾏政审批服务局 2021年度部⻔决算')).toBe('蓝山县行政审批服务局 2021年度部门决算');
    expect(unifyRadicals('⼀般公共预算财政拨款基本⽀出决算表')).toBe('一般公共预算财政拨款基本支出决算表');
    expect(unifyRadicals('公务⽤⻋运⾏维护费')).toBe('公务用车运行维护费');
    expect(unifyRadicals('1,234.56 万元')).toBe('1,234.56 万元');
  });
});

describe('readPdf refuses with a Chinese message', () => {
  it('an empty file, a file that is not a PDF, a damaged PDF', async () => {
    expect(await refusal(new Uint8Array())).toBe(PDF_READ_TEXT.empty);
    expect(await refusal(new TextEncoder().encode('PK\u0003\u0004 this is a zip'))).toBe(PDF_READ_TEXT.notPdf);
    const damaged = await refusal(new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage'));
    expect(damaged).toMatch(/^PDF 文件已损坏或格式异常，无法读取/);
  });

  it('a PDF that needs a password to open', async () => {
    expect(await refusal(fixture('user-password.pdf'))).toBe(PDF_READ_TEXT.password);
  });

  it('a PDF without any text (a scan: only drawings or images)', async () => {
    expect(await refusal(tinyPdf([{ content: '0 0 m 300 300 l S 10 10 100 100 re f' }]))).toBe(PDF_READ_TEXT.noText);
  });
});
