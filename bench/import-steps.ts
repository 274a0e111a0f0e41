// The 500-code XLSX import in Node beside its floor, for a profile or an A/B of two checkouts:
// `node scripts/run-ts.mjs bench/import-steps.ts` prints the median of N (default 8) of: bare
// ExcelJS reading the file and walking every cell (the browser bench's floor), the zip guard alone
// (inflateZip), and the app's importXlsx (guard, ExcelJS, layout, reading the sheets, restore).
// FIXTURE=path keeps the exported file there (written on the first run), so that a profile
// (`node --cpu-prof`, with ONLY_APP=1 to run only imports) sees no export.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { XLSX_IMPORT_DEPS, xlsxExportInput } from '../src/app/xlsx-export-data';
import { openWorkbook } from '../src/app/templates';
import { exportXlsx } from '../src/io/xlsx-export';
import { importXlsx } from '../src/io/xlsx-import';
import { inflateZip } from '../src/io/zip-guard';
import { largeWorkbook } from './large-workbook';

async function fixture(): Promise<Uint8Array> {
  const e = openWorkbook(largeWorkbook().doc);
  const out = await exportXlsx(xlsxExportInput(e));
  e.destroy();
  return out;
}

const cached = process.env.FIXTURE;
const bytes = cached && existsSync(cached) ? new Uint8Array(readFileSync(cached)) : await fixture();
if (cached && !existsSync(cached)) writeFileSync(cached, bytes);
const N = Number(process.env.N ?? 8);

if (process.env.ONLY_APP) {
  for (let i = 0; i < N; i++) await importXlsx(bytes, XLSX_IMPORT_DEPS);
} else {
  const times: Record<string, number[]> = {};
  const time = async (k: string, f: () => Promise<unknown>): Promise<void> => {
    const t0 = performance.now();
    await f();
    (times[k] ??= []).push(performance.now() - t0);
  };
  // Two warm-up rounds, then N measured, the three steps alternated.
  for (let i = 0; i < N + 2; i++) {
    await time('floor: ExcelJS load + walk', async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes.slice().buffer);
      let n = 0;
      wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => void (!(c.isMerged && c.master !== c) && c.value !== null && n++))));
    });
    await time('zip guard (inflateZip)', () => inflateZip(bytes));
    await time('app: importXlsx', () => importXlsx(bytes, XLSX_IMPORT_DEPS));
  }
  const median = (a: number[]): number => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
  console.log(`500-code XLSX (${bytes.length} bytes), median of ${N}:`);
  for (const [k, v] of Object.entries(times)) console.log(`${k.padEnd(28)} ${median(v.slice(2)).toFixed(0)} ms`);
  const [floor, , app] = Object.values(times).map((v) => median(v.slice(2)));
  console.log(`app / floor ${(app! / floor!).toFixed(2)}`);
}
