// 审查 timing in Node, each beside its floor measured interleaved in the same process:
// one PDF reviewed (read + tables + review workbook + 审核) against bare pdf.js text extraction of
// the same file (getTextContent of every page, nothing else). Used by bench/pdf-review-bench.mjs.
import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { reviewFile } from '../src/app/batch-review';
import { loadPdfjs } from '../src/io/pdf-lib';
import { stat, type Stat } from './stats';

/** Bare pdf.js: every page's text, as any tool reading a PDF's text must do at least. */
export async function bareText(bytes: Uint8Array): Promise<number> {
  await loadPdfjs();
  const doc = await getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  let items = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    items += (await page.getTextContent()).items.length;
    page.cleanup();
  }
  await doc.destroy();
  return items;
}

export interface PdfTiming {
  /** Table pages read. */
  pages: number;
  review: Stat;
  floor: Stat;
  /** Median of each review sample over the floor sample taken next to it. */
  pairRatio: number;
  findings: number;
}

export async function timeReview(file: string, runs: number): Promise<PdfTiming> {
  const bytes = new Uint8Array(readFileSync(file));
  const a: number[] = [];
  const f: number[] = [];
  let findings = 0;
  let pages = 0;
  for (let i = 0; i <= runs; i++) {
    let t0 = performance.now();
    const [r] = await reviewFile('bench.pdf', bytes);
    const ta = performance.now() - t0;
    t0 = performance.now();
    await bareText(bytes);
    const tf = performance.now() - t0;
    if (r?.failure) throw new Error(r.failure);
    findings = r!.findings.length;
    pages = r!.tables.flatMap((t) => t.pages).length;
    // The first round loads pdf.js and warms the JIT on both sides: not counted.
    if (i > 0) {
      a.push(ta);
      f.push(tf);
    }
  }
  const ratios = a.map((x, i) => x / f[i]!).sort((x, y) => x - y);
  return { pages, review: stat(a), floor: stat(f), pairRatio: ratios[Math.floor(ratios.length / 2)]!, findings };
}

/** Bare text extraction of every file in turn (the batch's floor), in ms. */
export async function bareBatch(files: string[]): Promise<number> {
  const t0 = performance.now();
  for (const file of files) await bareText(new Uint8Array(readFileSync(file)));
  return performance.now() - t0;
}

/**
 * A PDF the product itself writes, of about 30 pages: 导出Word of the 上海市普陀区生态环境局 2025
 * example (its published original has 31 pages), converted by LibreOffice Writer.
 */
export async function ownPdf(dir: string): Promise<string> {
  const { writeFile } = await import('node:fs/promises');
  const { buildPublication } = await import('../src/app/publication');
  const { exampleById, openWorkbook } = await import('../src/app/templates');
  const { exportDocx } = await import('../src/io/docx-export');
  const { convertWithLibreOffice } = await import('../test/support/libreoffice');
  const engine = openWorkbook(exampleById('sh-putuo-sthj-2025'));
  const docx = `${dir}/sthj-2025.docx`;
  await writeFile(docx, await exportDocx(buildPublication(engine)));
  engine.destroy();
  return convertWithLibreOffice(docx, 'pdf', dir, { recalc: false });
}
