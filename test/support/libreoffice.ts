// LibreOffice as an independent oracle: it recalculates our exported .xlsx files with its own
// formula engine, renders them to PDF/PNG, and plays "another program edited this file".
// Node-only (no browser code), so unit tests may use it as well.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const TIMEOUT_MS = 120_000;

/**
 * CSV export filter: comma, double-quote, UTF-8 (76), from line 1, language 0,
 * don't quote all text, detect special numbers, token 9 false = raw values (not "as shown"),
 * no formulas, no space trimming, and -1 = every sheet to its own `<basename>-<SheetName>.csv`.
 */
export const CSV_ALL_SHEETS_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

function onPath(cmd: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, cmd)));
}

export function libreOfficeAvailable(): boolean {
  return onPath('soffice');
}

/**
 * Profile settings for formula recalculation on load: 0 = always, 1 = never.
 * LibreOffice 7.4 does not recalculate xlsx on load by default, so without this it would just
 * echo the cached results we wrote and prove nothing.
 */
function registryXcu(recalc: boolean): string {
  const mode = recalc ? 0 : 1;
  const prop = (name: string): string =>
    `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="${name}" oor:op="fuse"><value>${mode}</value></prop></item>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    prop('OOXMLRecalcMode'),
    prop('ODFRecalcMode'),
    '</oor:items>',
    '',
  ].join('\n');
}

// One conversion at a time within this process: LibreOffice cannot run two conversions on one
// profile, and even with a fresh profile per call, parallel soffice instances mostly fight
// over CPU and memory. (Separate vitest workers are still safe thanks to the fresh profiles.)
let queue: Promise<unknown> = Promise.resolve();
function serialized<T>(job: () => Promise<T>): Promise<T> {
  const next = queue.then(job, job);
  queue = next.catch(() => undefined);
  return next;
}

function runSoffice(args: string[]): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    // Own process group, so a timeout can kill soffice.bin too (soffice is a wrapper script).
    const child = spawn('soffice', args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
      reject(new Error(`soffice timed out after ${TIMEOUT_MS / 1000}s: ${args.join(' ')}\n${output}`));
    }, TIMEOUT_MS);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolvePromise(output);
      else reject(new Error(`soffice exited with ${code}: ${args.join(' ')}\n${output}`));
    });
  });
}

export interface ConvertOptions {
  /** Force (true) or forbid (false) formula recalculation when LibreOffice loads the file. */
  recalc: boolean;
}

/**
 * Runs `soffice --convert-to <format>` with a fresh throw-away profile and returns the path
 * LibreOffice writes for single-output formats (`<outDir>/<basename>.<ext of format>`).
 * Multi-output filters (CSV with sheet -1) write other names; the caller lists them.
 */
export function convertWithLibreOffice(
  inputPath: string,
  format: string,
  outDir: string,
  opts: ConvertOptions = { recalc: true },
): Promise<string> {
  return serialized(async () => {
    await mkdir(outDir, { recursive: true });
    const profile = await mkdtemp(join(tmpdir(), 'lo-profile-'));
    try {
      await mkdir(join(profile, 'user'), { recursive: true });
      await writeFile(join(profile, 'user', 'registrymodifications.xcu'), registryXcu(opts.recalc));
      const output = await runSoffice([
        '--headless',
        '--norestore',
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--convert-to',
        format,
        '--outdir',
        resolve(outDir),
        resolve(inputPath),
      ]);
      // soffice exits 0 even when it cannot load the source, so errors must be read from output.
      if (/^Error:/m.test(output)) throw new Error(`soffice failed converting ${inputPath}: ${output}`);
      const ext = format.split(':')[0];
      return join(resolve(outDir), `${basename(inputPath, extname(inputPath))}.${ext}`);
    } finally {
      await rm(profile, { recursive: true, force: true });
    }
  });
}

/** Minimal RFC 4180 parser: quoted fields, doubled quotes, CR/LF/CRLF, newlines inside quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  let rowStarted = false; // distinguishes a final `""` row from "no more input"
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else inQuotes = false;
      continue;
    }
    if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      rowStarted = false;
      continue;
    }
    rowStarted = true;
    if (c === '"') inQuotes = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else field += c;
  }
  if (inQuotes) throw new Error('parseCsv: unterminated quoted field');
  if (rowStarted) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * Exports every sheet to CSV (raw values, recalculated by default) and returns
 * sheet name -> rows. Map order is alphabetical by file name, not workbook order.
 */
export async function xlsxToCsvPerSheet(
  xlsxPath: string,
  outDir: string,
  opts: ConvertOptions = { recalc: true },
): Promise<Map<string, string[][]>> {
  const prefix = `${basename(xlsxPath, extname(xlsxPath))}-`;
  const isSheetCsv = (f: string): boolean => f.startsWith(prefix) && f.endsWith('.csv');
  // Remove CSVs from an earlier run so a vanished sheet cannot linger in the result.
  await mkdir(outDir, { recursive: true });
  for (const f of (await readdir(outDir)).filter(isSheetCsv)) await rm(join(outDir, f));

  await convertWithLibreOffice(xlsxPath, CSV_ALL_SHEETS_FILTER, outDir, opts);

  const sheets = new Map<string, string[][]>();
  for (const f of (await readdir(outDir)).filter(isSheetCsv).sort()) {
    sheets.set(f.slice(prefix.length, -'.csv'.length), parseCsv(await readFile(join(outDir, f), 'utf8')));
  }
  if (sheets.size === 0) throw new Error(`LibreOffice wrote no per-sheet CSV for ${xlsxPath} in ${outDir}`);
  return sheets;
}

/** Renders the workbook (recalculated) to PDF; returns the PDF path. */
export async function xlsxToPdf(xlsxPath: string, outDir: string): Promise<string> {
  const pdf = await convertWithLibreOffice(xlsxPath, 'pdf', outDir, { recalc: true });
  if (!existsSync(pdf)) throw new Error(`LibreOffice did not write ${pdf}`);
  return pdf;
}

/**
 * Rasterizes PDF pages with `pdftoppm -png -r 80`. Files are `<outPrefix>-<page>.png`
 * (pdftoppm zero-pads the page number to the width of the page count); returns them sorted.
 */
export async function pdfToPng(
  pdfPath: string,
  outPrefix: string,
  pages: { firstPage?: number; lastPage?: number } = {},
): Promise<string[]> {
  const dir = dirname(resolve(outPrefix));
  const stem = basename(outPrefix);
  await mkdir(dir, { recursive: true });
  const args = ['-png', '-r', '80'];
  if (pages.firstPage !== undefined) args.push('-f', String(pages.firstPage));
  if (pages.lastPage !== undefined) args.push('-l', String(pages.lastPage));
  args.push(resolve(pdfPath), resolve(outPrefix));
  await new Promise<void>((ok, fail) => {
    const child = spawn('pdftoppm', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? ok() : fail(new Error(`pdftoppm exited with ${code}: ${err}`))));
  });
  const first = pages.firstPage ?? 1;
  const last = pages.lastPage ?? Infinity;
  const re = new RegExp(`^${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+)\\.png$`);
  return (await readdir(dir))
    .map((f) => ({ f, m: re.exec(f) }))
    .filter((x) => x.m !== null && Number(x.m[1]) >= first && Number(x.m[1]) <= last)
    .sort((a, b) => Number(a.m?.[1]) - Number(b.m?.[1]))
    .map((x) => join(dir, x.f));
}

/**
 * Opens the workbook in LibreOffice with recalculation forced and saves it as xlsx into a
 * different folder ("edited by another program"). Returns the new file's path.
 */
export async function recalculatedRoundTrip(xlsxPath: string, outDir: string): Promise<string> {
  if (resolve(outDir) === dirname(resolve(xlsxPath))) {
    throw new Error('recalculatedRoundTrip: outDir must differ from the input folder, or the input is overwritten');
  }
  const out = await convertWithLibreOffice(xlsxPath, 'xlsx', outDir, { recalc: true });
  if (!existsSync(out)) throw new Error(`LibreOffice did not write ${out}`);
  return out;
}
