// 导出Word timing in Node: buildPublication (tables + 情况说明 from the live engine) plus the docx
// writer, warm, for the example and for the 500-code workbook. Prints its own lines; goals
// ≤ 1 s (example) and ≤ 3 s (500 codes).
import { buildPublication } from '../src/app/publication';
import { exampleDocument, openWorkbook, restoreDocument } from '../src/app/templates';
import { exportDocx } from '../src/io/docx-export';
import { largeWorkbook } from './large-workbook';
import { stat, type Stat } from './stats';

export interface DocxBench {
  example: { first: number; warm: Stat; bytes: number };
  large: { first: number; warm: Stat; bytes: number; codes: number };
}

async function time(engine: ReturnType<typeof openWorkbook>, runs: number): Promise<{ first: number; warm: Stat; bytes: number }> {
  let t0 = performance.now();
  const bytes = (await exportDocx(buildPublication(engine))).length;
  const first = performance.now() - t0;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    t0 = performance.now();
    await exportDocx(buildPublication(engine));
    samples.push(performance.now() - t0);
  }
  return { first, warm: stat(samples), bytes };
}

export default async function run(): Promise<DocxBench> {
  const ex = openWorkbook(exampleDocument());
  const large = largeWorkbook();
  const lg = openWorkbook(restoreDocument(large.doc).doc);
  const out: DocxBench = { example: await time(ex, 7), large: { ...(await time(lg, 5)), codes: large.expected.itemCount } };
  ex.destroy();
  lg.destroy();
  const f = (s: { first: number; warm: Stat }) => `first ${s.first.toFixed(0)} / warm median ${s.warm.median.toFixed(0)} (p95 ${s.warm.p95.toFixed(0)}) ms`;
  console.log(`导出Word (Node: publication + docx), example: ${f(out.example)}, ${(out.example.bytes / 1024).toFixed(0)} KB; goal ≤ 1000 warm`);
  console.log(`导出Word, ${out.large.codes} codes: ${f(out.large)}, ${(out.large.bytes / 1024).toFixed(0)} KB; goal ≤ 3000 warm`);
  return out;
}
