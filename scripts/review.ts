// npm run review -- <files or folders> [--out DIR] [--template ID]
// Batch 审查 for a 财政局: every published PDF (and our XLSX/JSON workbooks) in the given files and
// folders gets the app's own 审核; writes one Markdown report per document and a summary as
// Markdown and XLSX into the output folder. Exit code 1 when any document has an 错误 or could not
// be reviewed, 2 for a usage error. Run by scripts/run-ts.mjs (a cached Vite SSR bundle, for the templates).
import { fork } from 'node:child_process';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { BATCH_TEXT, documentMarkdown, findingRows, hasErrors, reviewFile, reviewKind, summaryMarkdown, summaryRow, SUMMARY_COLUMNS, type DocumentReview } from '../src/app/batch-review';
import { TEMPLATE_LIST } from '../src/app/templates';
import { writeReviewXlsx } from '../src/io/review-xlsx';

const USAGE = `用法：npm run review -- <文件或文件夹…> [--out 输出文件夹] [--template 模板] [--jobs 进程数]
  审查部门决算公开 PDF（以及本程序导出的 XLSX、JSON 工作簿），每份文件写一份审查报告，
  另写汇总（Markdown 和 XLSX）。有“错误”时退出码为 1。
  --out, -o     输出文件夹（默认 ./审查结果）
  --jobs, -j    同时审查的进程数（默认为处理器核数，最多 4）
  --template    PDF 使用的模板：${TEMPLATE_LIST.map((t) => `${t.id}（${t.name}）`).join('、')}；默认按年度和表名自动选择`;

interface Args {
  inputs: string[];
  out: string;
  templateId?: string;
  jobs: number;
}

function parseArgs(argv: string[]): Args | string {
  const inputs: string[] = [];
  let out = '审查结果';
  let templateId: string | undefined;
  let jobs = Math.min(availableParallelism(), 4);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--out' || a === '-o') out = argv[++i] ?? '';
    else if (a === '--jobs' || a === '-j') {
      jobs = Number(argv[++i]);
      if (!Number.isInteger(jobs) || jobs < 1 || jobs > 32) return `--jobs 应为 1–32 的整数\n\n${USAGE}`;
    }
    else if (a === '--template') templateId = argv[++i];
    else if (a === '--help' || a === '-h') return USAGE;
    else if (a.startsWith('-')) return `未知选项 ${a}\n\n${USAGE}`;
    else inputs.push(a);
  }
  if (!inputs.length || !out) return USAGE;
  if (templateId !== undefined && !TEMPLATE_LIST.some((t) => t.id === templateId)) return `未知模板「${templateId}」\n\n${USAGE}`;
  return { inputs, out, jobs, ...(templateId ? { templateId } : {}) };
}

/** Files to review: the given files, and every PDF/XLSX/JSON file under the given folders (sorted). */
async function collect(inputs: string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (p: string): Promise<void> => {
    const s = await stat(p);
    if (s.isDirectory()) {
      for (const name of (await readdir(p)).sort()) {
        const child = join(p, name);
        const cs = await stat(child);
        if (cs.isDirectory() || reviewKind(name)) await walk(child);
      }
    } else out.push(p);
  };
  for (const p of inputs) await walk(p);
  return out;
}

/** A file name for a document's report: its own name, made unique. */
function reportName(r: DocumentReview, used: Set<string>): string {
  const stem = basename(r.name).replace(/\.[^.]+$/, '').replace(/[\\/:*?"<>|]/g, '_');
  let name = `${stem}.审查报告.md`;
  for (let n = 2; used.has(name); n++) name = `${stem}.审查报告(${n}).md`;
  used.add(name);
  return name;
}

export default async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(3));
  if (typeof args === 'string') {
    console.error(args);
    process.exitCode = 2;
    return;
  }
  let files: string[];
  try {
    files = await collect(args.inputs);
  } catch (e) {
    console.error(`找不到文件或文件夹：${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 2;
    return;
  }
  const outDir = resolve(args.out);
  await mkdir(outDir, { recursive: true });
  const started = performance.now();
  const say = (list: DocumentReview[]) => {
    for (const r of list) console.log(`${r.name}：${r.failure ?? `错误 ${r.findings.filter((f) => f.severity === 'error').length}，提示 ${r.findings.filter((f) => f.severity === 'warning').length}`}`);
  };
  const results = args.jobs > 1 && files.length > 1 ? await inWorkers(files, Math.min(args.jobs, files.length), args.templateId, say) : await inProcess(files, args.templateId, say);
  // Reports in the files' order, whichever worker finished first.
  const reviews = results.flat();
  const used = new Set<string>();
  for (const r of reviews) await writeFile(join(outDir, reportName(r, used)), documentMarkdown(r));
  await writeFile(join(outDir, '审查汇总.md'), summaryMarkdown(reviews));
  await writeFile(
    join(outDir, '审查汇总.xlsx'),
    await writeReviewXlsx({
      summary: { header: SUMMARY_COLUMNS, rows: reviews.map(summaryRow) },
      findings: { header: ['文件', '部门', '分组', '级别', '问题', '说明'], rows: findingRows(reviews) },
      unread: { header: ['文件', '部门', '未能读入'], rows: reviews.flatMap((r) => [...(r.failure ? [r.failure] : []), ...r.unread].map((u) => [r.name, r.department, u])) },
    }),
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`共审查 ${reviews.length} 份（${seconds} 秒），报告在 ${outDir}`);
  if (hasErrors(reviews)) {
    console.log(`有${BATCH_TEXT.severity.error}：退出码 1`);
    process.exitCode = 1;
  }
}

async function inProcess(files: string[], templateId: string | undefined, say: (r: DocumentReview[]) => void): Promise<DocumentReview[][]> {
  const out: DocumentReview[][] = [];
  for (const file of files) {
    const list = await reviewFile(basename(file), new Uint8Array(await readFile(file)), templateId ? { templateId } : {});
    say(list);
    out.push(list);
  }
  return out;
}

/**
 * `jobs` worker processes (scripts/review-worker.ts), each taking the next file when done: PDF
 * reading is CPU-bound and single-threaded, so a batch gains about one core per worker.
 */
function inWorkers(files: string[], jobs: number, templateId: string | undefined, say: (r: DocumentReview[]) => void): Promise<DocumentReview[][]> {
  const out: DocumentReview[][] = new Array(files.length);
  let next = 0;
  let done = 0;
  return new Promise((resolvePromise, reject) => {
    for (let w = 0; w < jobs; w++) {
      const child = fork(join('scripts', 'run-ts.mjs'), [join('scripts', 'review-worker.ts')], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      const give = () => {
        if (next >= files.length) return child.disconnect();
        const id = next++;
        child.send({ id, file: files[id], ...(templateId ? { templateId } : {}) });
      };
      child.on('message', (m: { ready?: boolean; id?: number; reviews?: DocumentReview[] }) => {
        if (m.id !== undefined && m.reviews) {
          out[m.id] = m.reviews;
          say(m.reviews);
          if (++done === files.length) resolvePromise(out);
        }
        give();
      });
      child.on('exit', (code) => {
        if (done < files.length && code !== 0) reject(new Error(`审查进程意外退出（退出码 ${code}）`));
      });
    }
  });
}
