// 审查 figures (#16), each beside a floor measured in the same run:
// - a 31-page PDF the product writes (导出Word of the 上海市普陀区生态环境局 2025 example through
//   LibreOffice) and the published 25-page 上海市普陀区财政局 2024 PDF (ONLYOFFICE, 3.6 MB of
//   embedded fonts), each reviewed in Node (read, tables, review workbook, 审核) against bare pdf.js
//   text extraction of the same file, interleaved;
// - `npm run review` over 100 PDFs (50 of each) as a 财政局 runs it (worker processes, one per
//   core), in 4 folders of 25, each followed by bare text extraction of the same 25 in one process.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createServer } from 'vite';
import { loadLine, watchLoad } from './machine.mjs';

const GOALS = { review30: 3000, batch100: 120_000 };

function batchFolder(dir, pdfs) {
  const batch = join(dir, 'batch');
  rmSync(batch, { recursive: true, force: true });
  mkdirSync(batch);
  for (let i = 1; i <= 100; i++) copyFileSync(pdfs[i % pdfs.length], join(batch, `部门${String(i).padStart(3, '0')}.pdf`));
  return batch;
}

const bench = {
  key: 'pdfReview',
  async run({ root, log }) {
    const dir = join(root, 'bench', '.dist', 'pdf-review');
    mkdirSync(dir, { recursive: true });
    const real = join(root, '..', 'shared', 'reference', 'examples', 'sh-putuo-czj-2024.pdf');
    if (!existsSync(real)) throw new Error(`${real} not found`);
    const vite = await createServer({ root, server: { middlewareMode: true, hmr: false, ws: false }, appType: 'custom', logLevel: 'error' });
    try {
      const m = await vite.ssrLoadModule('/bench/pdf-review-node.ts');
      const own = await m.ownPdf(dir);
      log('PDF审查: 31-page PDF (ours) and the published 25-page PDF, reviewed vs bare pdf.js text, interleaved…');
      const review30 = await m.timeReview(own, 5);
      const published = await m.timeReview(real, 3);
      log('PDF审查: npm run review over 100 PDFs in 4 rounds of 25, each followed by bare text of the same 25…');
      const batch = batchFolder(dir, [real, own]);
      const names = readdirSync(batch).sort();
      let batchMs = 0;
      let floorMs = 0;
      let reports = 0;
      // Interleaved by rounds, so that a change of the machine's load hits both sides.
      for (let round = 0; round < 4; round++) {
        const part = join(dir, `round-${round}`);
        rmSync(part, { recursive: true, force: true });
        mkdirSync(part);
        const files = names.slice(round * 25, round * 25 + 25);
        for (const f of files) copyFileSync(join(batch, f), join(part, f));
        const out = join(dir, `out-${round}`);
        rmSync(out, { recursive: true, force: true });
        const t0 = performance.now();
        const cli = spawnSync(process.execPath, ['scripts/run-ts.mjs', 'scripts/review.ts', part, '--out', out], { cwd: root, encoding: 'utf8' });
        batchMs += performance.now() - t0;
        // 1: some document has an 错误 (the published PDF does); anything else is a failure.
        if (cli.status !== 0 && cli.status !== 1) throw new Error(`review exited ${cli.status}: ${cli.stderr}`);
        reports += readdirSync(out).filter((f) => f.endsWith('.审查报告.md')).length;
        floorMs += await m.bareBatch(files.map((f) => join(part, f)));
      }
      return { review30, published, batch: { documents: 100, reports, ms: batchMs, floorMs, ratio: batchMs / floorMs } };
    } finally {
      await vite.close();
    }
  },
  rows(r) {
    if (!r) return [];
    const s = (x) => `${x.median.toFixed(0)} / ${x.p95.toFixed(0)}`;
    const one = (label, t, goal) => [label, `${s(t.review)}; bare pdf.js text ${s(t.floor)}; ratio ${(t.review.median / t.floor.median).toFixed(2)} (pairs ${t.pairRatio.toFixed(2)})`, goal];
    return [
      one(`PDF审查 31-page PDF (ours), Node (ms, median / p95)`, r.review30, `≤ ${GOALS.review30}`),
      one('PDF审查 published 25-page PDF (3.6 MB fonts), Node (ms)', r.published, ''),
      ['npm run review, 100 PDFs (s)', `${(r.batch.ms / 1000).toFixed(1)} (${r.batch.reports} reports); bare pdf.js text of the 100, one process ${(r.batch.floorMs / 1000).toFixed(1)}; ratio ${r.batch.ratio.toFixed(2)}`, `≤ ${GOALS.batch100 / 1000}`],
    ];
  },
};

export default bench;

// Alone (`node bench/pdf-review-bench.mjs`, from the repository root): only these figures, with the
// machine's load around them, nothing appended to bench/results.json.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const load = watchLoad();
  const result = await bench.run({ root: process.cwd(), log: (...a) => console.error('[bench]', ...a) });
  const l = load.stop();
  for (const row of bench.rows(result)) console.log(`| ${row.join(' | ')} |`);
  console.log(loadLine(l));
}
