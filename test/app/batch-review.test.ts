// npm run review on a folder, as a 财政局 runs it: the published PDF (recorded slips only: 提示),
// a workbook whose printed 合计 drops a digit (错误), a file that is not a PDF (cannot be reviewed),
// an unrelated file (skipped). Exit code 1; per-document reports; the summary in Markdown and XLSX,
// findings grouped 表内/表间/表文/文内.
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { reviewFindings } from '../../src/app/batch-review';
import { shExampleDocument } from '../../src/app/templates';
import { REAL_PDF } from '../support/sh-reference';

const ROOT = join(__dirname, '..', '..');

describe('npm run review', () => {
  it('groups the example’s findings by the tables each rule reads', () => {
    const groups = (doc: ReturnType<typeof shExampleDocument>) => {
      const out: Record<string, number> = {};
      for (const f of reviewFindings(doc)) out[f.group] = (out[f.group] ?? 0) + 1;
      return out;
    };
    // 财政局 2024: 02/03/05/06 合计 slips inside their tables; 01/04 lines that read 02/05, and 社会保障
    // 326.71 in 01/04 against 326.72 in 03/05, between tables; 年初预算 and 政府采购 sums within the
    // 情况说明's own figures (补充资料).
    expect(groups(shExampleDocument('sh-putuo-czj-2024'))).toEqual({ 表内: 21, 表间: 6, 文内: 2 });
  });

  it('reviews a folder: a report per document, the summary in Markdown and XLSX, exit code 1 on an 错误', { timeout: 240_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'review-in-'));
    const out = join(await mkdtemp(join(tmpdir(), 'review-out-')), '结果');
    await copyFile(REAL_PDF, join(dir, '财政局2024.pdf'));
    const doc = shExampleDocument('sh-putuo-czj-2024');
    // A dropped digit in the printed 02 合计 (2,946.25 printed as 294.25).
    const planted = { ...doc, printed: { ...doc.printed, income: { sum: { total: '294.25', fin: '2940.05' } } } };
    await mkdir(join(dir, 'json'));
    await writeFile(join(dir, 'json', '错印.json'), JSON.stringify(planted));
    await writeFile(join(dir, '损坏.pdf'), 'not a pdf at all');
    await writeFile(join(dir, '说明.txt'), 'skipped');
    const run = spawnSync(process.execPath, ['scripts/run-ts.mjs', 'scripts/review.ts', dir, '--out', out], { cwd: ROOT, encoding: 'utf8', timeout: 230_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    // The PDF: its tables' slips (27 提示) and its text's (0.3万元, 71.73% … 表文核对).
    expect(run.stdout).toMatch(/财政局2024\.pdf：错误 \d+，提示 \d+/);
    expect(run.stdout).toContain('错印.json：错误 2，');
    expect(run.stdout).toContain('损坏.pdf：无法审查：这不是 PDF 文件');
    expect((await readdir(out)).sort()).toEqual(['审查汇总.md', '审查汇总.xlsx', '损坏.审查报告.md', '财政局2024.审查报告.md', '错印.审查报告.md'].sort());

    const summary = await readFile(join(out, '审查汇总.md'), 'utf8');
    expect(summary).toContain('共 3 份文件，其中 3 份有错误或无法审查');
    expect(summary).toMatch(/\| 财政局2024\.pdf \| 上海市普陀区财政局 \| 2024 \| 上海市部门决算公开模板（2024–2025年度） \| 2 \| 45 \| 21 \| 6 \| 16 \| 4 \| 0 \| 有错误 \|/);
    const report = await readFile(join(out, '错印.审查报告.md'), 'utf8');
    expect(report).toContain('## 表内：同一张表内的合计、小计与明细');
    expect(report).toContain('【错误】印刷数与计算数不符：二、收入决算表 合计 本年收入合计印刷为 294.25，按公式重算为 2,946.26');
    expect(report).toContain('【错误】表一本年收入合计应等于表二合计：表一本年收入合计（2,946.25）与表二合计行本年收入合计（294.25）不相等');
    const pdfReport = await readFile(join(out, '财政局2024.审查报告.md'), 'utf8');
    // 表文核对 of the PDF's text: the recorded 0.3万元 and 71.73%.
    expect(pdfReport).toContain('财政拨款收入支出总计：文中为 0.3万元');
    expect(pdfReport).toContain('文中为 71.73%，按表中数字应为 71.65%');

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(await readFile(join(out, '审查汇总.xlsx'))).buffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['汇总', '问题清单', '未读入']);
    const rows = (name: string) => book.getWorksheet(name)!.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
    expect(rows('汇总')[0]).toEqual(['文件', '部门', '年度', '模板', '错误', '提示', '表内', '表间', '表文', '文内', '未读入', '状态']);
    expect(rows('汇总').map((r) => [r[0], r[11]])).toEqual([
      ['文件', '状态'],
      ['错印.json', '有错误'],
      ['损坏.pdf', '无法审查：这不是 PDF 文件（文件开头没有 %PDF 标记），请选择部门决算公开的 PDF 文件'],
      ['财政局2024.pdf', '有错误'],
    ]);
    expect(rows('问题清单').filter((r) => r[0] === '错印.json' && r[3] === '错误').map((r) => r[2])).toEqual(['表间', '表内']);
    // 错误: 0.3万元 and 71.73% (表文); the text-only slips (年初预算 2,993.93, 政府采购 251.26) are 文内 提示.
    expect(rows('问题清单').filter((r) => r[0] === '财政局2024.pdf' && r[3] === '错误').map((r) => r[2])).toEqual(['表文', '表文']);
    expect(rows('问题清单').filter((r) => r[0] === '财政局2024.pdf' && r[2] === '文内').map((r) => `${r[3]} ${r[4]}`)).toEqual(['提示 增减表述矛盾', '提示 占比之和不为100%', '提示 分项之和不等于总数', '提示 分项之和不等于总数']);
  });
});
