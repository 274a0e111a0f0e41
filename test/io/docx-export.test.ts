// 导出Word: the DOCX's structure (landscape table sections, repeated header rows, 首行缩进, fonts,
// page numbers), then LibreOffice Writer as the independent reader: its PDF must carry every
// table figure (from the engine) and every 情况说明 sentence; pages are rendered to test-output/docx.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPublication } from '../../src/app/publication';
import { type WorkbookEngine } from '../../src/engine';
import { exampleById, exampleDocument, openWorkbook } from '../../src/app/templates';
import { exportDocx, publicationFileName } from '../../src/io/docx-export';
import { convertWithLibreOffice, pdfToPng } from '../support/libreoffice';
import { checkPublicationPdf, pdfPages } from '../support/publication-check';
import { outDir } from './support';
import { readZip } from './zip-tools';

const LO_TIMEOUT = 240_000;

async function docxToPdfPages(engine: WorkbookEngine, name: string): Promise<{ pages: string[]; pdf: string }> {
  const dir = await outDir(join('..', 'docx', name));
  const file = join(dir, `${name}.docx`);
  await writeFile(file, await exportDocx(buildPublication(engine)));
  const pdf = await convertWithLibreOffice(file, 'pdf', dir, { recalc: false });
  return { pages: await pdfPages(pdf), pdf };
}

function expectComplete(engine: WorkbookEngine, pages: string[]): void {
  const check = checkPublicationPdf(engine, pages);
  for (const t of check.tables) {
    expect(t.pages.length, `${t.id} pages`).toBeGreaterThan(0);
    expect({ id: t.id, missing: t.missing, extra: t.extra }).toEqual({ id: t.id, missing: [], extra: [] });
  }
  expect(check.tables.reduce((n, t) => n + t.expected, 0)).toBeGreaterThan(120);
  expect(check.paragraphs).toBeGreaterThan(30);
  expect(check.missingParagraphs).toEqual([]);
  expect(check.missingHeadings).toEqual([]);
}

describe('exportDocx', () => {
  it('writes Word tables in landscape sections with repeated headers, indented paragraphs, fonts and page numbers', async () => {
    const engine = openWorkbook(exampleDocument());
    const files = readZip(await exportDocx(buildPublication(engine)));
    const xml = files.get('word/document.xml')!;
    expect(xml.match(/<w:tbl>/g)?.length).toBe(9);
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml.match(/w:orient="landscape"/g)?.length).toBe(9);
    expect(xml).toContain('w:firstLineChars="200"');
    expect(xml).toContain('<w:keepNext/>');
    expect(xml).toContain('w:gridSpan w:val="3"');
    expect(xml).toContain('<w:vMerge w:val="restart"/>');
    expect(files.get('word/styles.xml')).toMatch(/w:eastAsia="仿宋"[\s\S]*w:eastAsia="黑体"[\s\S]*w:eastAsia="宋体"/);
    const footers = [...files.keys()].filter((k) => /^word\/footer\d+\.xml$/.test(k)).map((k) => files.get(k)!);
    expect(footers.some((f) => f.includes('PAGE'))).toBe(true);
    expect(publicationFileName(buildPublication(engine).cover, 'docx')).toBe('蓝山县行政审批服务局2021年度部门决算公开.docx');
    engine.destroy();
  });

  it('a table that ends its section (部门决算单位构成, no 注 under it) keeps the section’s page setup', async () => {
    const engine = openWorkbook(exampleById('sh-putuo-czj-2024'));
    const xml = readZip(await exportDocx(buildPublication(engine))).get('word/document.xml')!;
    expect(xml.match(/<w:tbl>/g)?.length).toBe(10);
    expect(xml).not.toContain('\u27e6TABLE');
    // The section break that the placeholder paragraph carried is still there, after the table.
    expect(xml).toContain('</w:tbl><w:p><w:pPr><w:sectPr>');
    engine.destroy();
  });

  it('LibreOffice reads every figure and sentence of the example', { timeout: LO_TIMEOUT }, async () => {
    const engine = openWorkbook(exampleDocument());
    const { pages, pdf } = await docxToPdfPages(engine, 'example');
    expectComplete(engine, pages);
    // Cover, 目录 and the first table page: looked at in test-output/docx/example-*.png.
    const pngs = await pdfToPng(pdf, join(process.cwd(), 'test-output', 'docx', 'example'));
    expect(pngs.length).toBe(pages.length);
    engine.destroy();
  });

  it('an edited workbook: the Word file follows the edit', { timeout: LO_TIMEOUT }, async () => {
    const engine = openWorkbook(exampleDocument());
    engine.setInput('t06', '30201', 'amount', '31.34');
    engine.setInput('t05', '2010306', 'basic', '1586.05');
    const { pages } = await docxToPdfPages(engine, 'edited');
    expectComplete(engine, pages);
    expect(pages.join('').replace(/\s+/g, '').replace(/—\d+—/g, '')).toContain('公用经费606.17万元，占基本支出的38.22%');
    engine.destroy();
  });
});
