// 审查 figures (#16): a 30-page PDF reviewed in Node (read, tables, review workbook, 审核) against
// bare pdf.js text extraction of the same file, interleaved; and `npm run review` over a folder of
// 100 published PDFs (the CLI as a 财政局 runs it, one process) against bare text extraction of
// the same 100 files. The 30-page PDF is the published 上海市普陀区财政局 2024 PDF (25 pages) with
// its 情况说明 pages (21–25) appended again (poppler's pdfseparate/pdfunite).
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'vite';

const GOALS = { review30: 3000, batch100: 120_000 };

function fixture(root, dir) {
  const real = join(root, '..', 'shared', 'reference', 'examples', 'sh-putuo-czj-2024.pdf');
  if (!existsSync(real)) throw new Error(`${real} not found`);
  mkdirSync(dir, { recursive: true });
  const thirty = join(dir, 'thirty-pages.pdf');
  if (!existsSync(thirty)) {
    execFileSync('pdfseparate', ['-f', '21', '-l', '25', real, join(dir, 'p-%d.pdf')]);
    execFileSync('pdfunite', [real, ...[21, 22, 23, 24, 25].map((n) => join(dir, `p-${n}.pdf`)), thirty]);
  }
  const batch = join(dir, 'batch');
  rmSync(batch, { recursive: true, force: true });
  mkdirSync(batch);
  for (let i = 1; i <= 100; i++) copyFileSync(real, join(batch, `部门${String(i).padStart(3, '0')}.pdf`));
  return { real, thirty, batch };
}

export default {
  key: 'pdfReview',
  async run({ root, log }) {
    const dir = join(root, 'bench', '.dist', 'pdf-review');
    const files = fixture(root, dir);
    const vite = await createServer({ root, server: { middlewareMode: true, hmr: false, ws: false }, appType: 'custom', logLevel: 'error' });
    try {
      const m = await vite.ssrLoadModule('/bench/pdf-review-node.ts');
      log('PDF审查: 30-page PDF reviewed vs bare pdf.js text, interleaved…');
      const review30 = await m.timeReview(files.thirty, 5);
      log('PDF审查: npm run review over 100 PDFs, then bare text of the same files…');
      const out = join(dir, 'out');
      const t0 = performance.now();
      const cli = spawnSync(process.execPath, ['scripts/run-ts.mjs', 'scripts/review.ts', files.batch, '--out', out], { cwd: root, encoding: 'utf8' });
      const batchMs = performance.now() - t0;
      if (cli.status !== 0) throw new Error(`review exited ${cli.status}: ${cli.stderr}`);
      const reports = readdirSync(out).filter((f) => f.endsWith('.md')).length;
      const floorMs = await m.bareBatch(readdirSync(files.batch).map((f) => join(files.batch, f)));
      return { review30, batch: { documents: 100, reports, ms: batchMs, floorMs, ratio: batchMs / floorMs } };
    } finally {
      await vite.close();
    }
  },
  rows(r) {
    if (!r) return [];
    const s = (x) => `${x.median.toFixed(0)} / ${x.p95.toFixed(0)}`;
    return [
      [`PDF审查 ${r.review30.pages}-page PDF, Node (ms, median / p95)`, `${s(r.review30.review)}; bare pdf.js text ${s(r.review30.floor)}; ratio ${(r.review30.review.median / r.review30.floor.median).toFixed(2)} (pairs ${r.review30.pairRatio.toFixed(2)})`, `≤ ${GOALS.review30}`],
      ['npm run review, 100 PDFs (s)', `${(r.batch.ms / 1000).toFixed(1)}; bare pdf.js text of the 100 ${(r.batch.floorMs / 1000).toFixed(1)}; ratio ${r.batch.ratio.toFixed(2)}`, `≤ ${GOALS.batch100 / 1000}`],
    ];
  },
};
