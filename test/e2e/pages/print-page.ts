// Page model of printing: what Ctrl+P or 打印全部表 would send to the printer, as a PDF (print
// media), read back with poppler (page count, text, page images).
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

export interface PrintOut {
  path: string;
  pages: number;
  /** Text per page (pdftotext -layout). */
  text: string[];
}

export class PrintPage {
  constructor(readonly page: Page) {}

  /** Ctrl+P on the tab on screen: the browser fires beforeprint, prints, then afterprint. */
  async printCurrent(path: string): Promise<PrintOut> {
    await this.page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    return this.pdf(path);
  }

  /** 打印全部表 (window.print is held so that the PDF is made while the print view is up). */
  async printAll(path: string): Promise<PrintOut> {
    await this.page.evaluate(() => (window.print = () => undefined));
    await this.page.click('.toolbar .btn-print-all');
    return this.pdf(path);
  }

  private async pdf(path: string): Promise<PrintOut> {
    await this.page.emulateMedia({ media: 'print' });
    const buffer = await this.page.pdf({ preferCSSPageSize: true, printBackground: true });
    await this.page.emulateMedia({ media: 'screen' });
    await this.page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, buffer);
    const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    const text: string[] = [];
    for (let i = 1; i <= pages; i++) text.push(execFileSync('pdftotext', ['-layout', '-f', String(i), '-l', String(i), path, '-'], { encoding: 'utf8' }));
    return { path, pages, text };
  }

  /** Page `n` (1-based) of a printed PDF as a PNG next to it; returns its path. */
  png(out: PrintOut, n: number): string {
    const prefix = out.path.replace(/\.pdf$/, `-p${n}`);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(n), '-l', String(n), '-singlefile', out.path, prefix]);
    return `${prefix}.png`;
  }

  /** Page size in PDF points ([width, height]) of page 1. */
  pageSize(out: PrintOut): [number, number] {
    const info = execFileSync('pdfinfo', [out.path], { encoding: 'utf8' });
    const m = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!;
    return [Number(m[1]), Number(m[2])];
  }
}
