// LibreOffice as the independent oracle: it recalculates our exported formulas itself (forced on
// load), re-saves files as "another program", and renders 公开06表 to PDF for a visual check.
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { dec } from '../../src/model/amount';
import { type WorkbookEngine } from '../../src/engine';
import type { LayoutCell, SheetLayout } from '../../src/model/layout';
import { exampleDocument, openWorkbook } from '../../src/app/templates';
import { xlsxSheetName } from '../../src/io/xlsx-common';
import { exportXlsx } from '../../src/io/xlsx-export';
import { importXlsx } from '../../src/io/xlsx-import';
import { pdfToPng, recalculatedRoundTrip, xlsxToCsvPerSheet, xlsxToPdf } from '../support/libreoffice';
import { exportEngine, expectThreeEdits, IMPORT_DEPS, outDir, THREE_EDITS } from './support';
import { expectScanLikeExcelJS } from './raw-sheet-check';
import { readZip } from './zip-tools';

const LO_TIMEOUT = 180_000;

/** What LibreOffice's raw CSV shows for an engine value: 2 dp half-up numbers, blank refs as 0. */
function expected(engine: WorkbookEngine, sheet: Parameters<WorkbookEngine['value']>[0], row: string, col: string): string {
  const v = engine.value(sheet, row, col);
  if (typeof v === 'string') return v;
  if (v === null) return '0.00';
  if (typeof v === 'object') return v.error;
  return engine.amount(sheet, row, col)!.toFixed(2);
}

const shown = (csv: string): string => (csv === '' || Number.isNaN(Number(csv)) ? csv : dec(csv).toDecimalPlaces(2).toFixed(2));

/** A formula cell, or a typeOver cell nobody typed in (the file holds its formula). */
function isFormulaInFile(engine: WorkbookEngine, sheet: SheetLayout['id'], cell: LayoutCell | undefined): boolean {
  if (cell?.t === 'formula') return true;
  return cell?.t === 'input' && cell.follow !== undefined && engine.typeOverState(sheet, cell.row, cell.col) === 'following';
}

/** The export with every cached formula result replaced by -1: only a real recalculation repairs it. */
function poisoned(engine: WorkbookEngine): Promise<Uint8Array> {
  return exportXlsx({
    document: engine.document(),
    sheets: engine.layout.sheets.map((layout) => ({
      layout,
      values: engine.sheetValues(layout.id).map((row, r) => row.map((v, c) => (isFormulaInFile(engine, layout.id, layout.cells[r]?.[c]) ? -1 : v))),
    })),
  });
}

/** Exports, lets LibreOffice recalculate everything, and compares every computed cell. */
async function recalculateAndCompare(engine: WorkbookEngine, name: string, poison = false): Promise<Map<string, string[][]>> {
  const dir = await outDir(name);
  const file = join(dir, `${name}.xlsx`);
  await writeFile(file, await (poison ? poisoned(engine) : exportEngine(engine)));
  const csv = await xlsxToCsvPerSheet(file, join(dir, 'csv'));
  let compared = 0;
  const mismatches: string[] = [];
  for (const layout of engine.layout.sheets) {
    const rows = csv.get(xlsxSheetName(layout));
    expect(rows, xlsxSheetName(layout)).toBeDefined();
    layout.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!cell || cell.t === 'text' || !isFormulaInFile(engine, layout.id, cell)) return;
        compared++;
        const got = shown(rows![r]?.[c] ?? '');
        const want = expected(engine, layout.id, cell.row, cell.col);
        if (got !== want) mismatches.push(`${xlsxSheetName(layout)} r${r + 1}c${c + 1} (${cell.row}:${cell.col}): LibreOffice ${got}, app ${want}`);
      }),
    );
  }
  expect(mismatches).toEqual([]);
  // Every formula of the layout was checked: 214 for the example.
  expect(compared).toBeGreaterThan(200);
  return csv;
}

/** The file as LibreOffice re-saves it (recalculated, its own formula dialect). */
async function resavedByLibreOffice(file: string, dir: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(await recalculatedRoundTrip(file, join(dir, 'libreoffice'))));
}

/** 审核 rows as {id, left, right, diff, result} from LibreOffice's CSV. */
function auditRows(csv: Map<string, string[][]>): Map<string, { diff: string; result: string }> {
  const rows = csv.get('审核')!.slice(1);
  return new Map(rows.filter((r) => r[0]).map((r) => [r[0]!, { diff: shown(r[4]!), result: r[5]! }]));
}

describe('LibreOffice recalculates the exported workbook to the app’s numbers', () => {
  it(
    'for the example: every computed cell equal, 审核 all 通过, no 差额 on the equality checks',
    async () => {
      const engine = openWorkbook(exampleDocument());
      const csv = await recalculateAndCompare(engine, 'example');
      // Published totals (reference document) as LibreOffice computed them.
      const t06 = csv.get('公开06表')!;
      expect(t06[32]![2]).toBe('979.88');
      expect(t06[32]![8]).toBe('596.17');
      expect(csv.get('公开01表')![18]![2]).toBe('1576.05');
      const audit = auditRows(csv);
      expect(audit.size).toBe(engine.layout.rules.length);
      for (const rule of engine.layout.rules) {
        const row = audit.get(rule.rowId)!;
        expect(row.result, rule.rowId).toBe('通过');
        // 差额 = left − right: zero for identities; an inequality may pass with a margin.
        if (rule.def.op === '=') expect(row.diff, rule.rowId).toBe('0.00');
      }
      expect(audit.get('X56-1')!.diff).toBe('0.00');
    },
    LO_TIMEOUT,
  );

  it(
    'after an edit (30201 办公费 31.34): totals follow and 审核 X56-1 shows 差额 -10',
    async () => {
      const engine = openWorkbook(exampleDocument());
      engine.setInput('t06', '30201', 'amount', '31.34');
      const csv = await recalculateAndCompare(engine, 'edited');
      expect(csv.get('公开06表')![32]![8]).toBe('606.17');
      const x56 = auditRows(csv).get('X56-1')!;
      // 05表 基本支出 1576.05 − (979.88 + 606.17) = −10.00
      expect(x56).toEqual({ diff: '-10.00', result: '错误' });
    },
    LO_TIMEOUT,
  );

  it(
    '03 typed over (fiscal + 5.00) and following cells: LibreOffice gets the same 03, 补充资料 非财政拨款 and 01',
    async () => {
      const engine = openWorkbook(exampleDocument());
      engine.setInput('t03', '2010306', 'basic', '1581.05');
      engine.addCode('gpb', '2010301');
      engine.setInput('t05', '2010301', 'proj', '12.30');
      const csv = await recalculateAndCompare(engine, 'type-over', true);
      const t03 = csv.get('公开03表')!;
      const at = (code: string) => t03.find((r) => r[0] === code)!;
      expect(at('2010306')[3]).toBe('1581.05');
      // Following 05 in the file as a live formula: poisoned, recalculated to 12.30.
      expect(shown(at('2010301')[4]!)).toBe('12.30');
      const p = engine.sheet('t01').index.get('exp.total|amount')!;
      expect(shown(csv.get('公开01表')![p.r]![p.c]!)).toBe('1593.35');
      const sup = csv.get('补充资料')!;
      const nf = engine.sheet('sup').index.get('nonfiscal.basic.2010306|value')!;
      expect(shown(sup[nf.r]![nf.c]!)).toBe('5.00');
    },
    LO_TIMEOUT,
  );

  it(
    'really recalculates: cached results poisoned with -1 still come out as the app’s values',
    async () => {
      const csv = await recalculateAndCompare(openWorkbook(exampleDocument()), 'poisoned', true);
      expect(csv.get('公开06表')![32]![8]).toBe('596.17');
    },
    LO_TIMEOUT,
  );
});

describe('a file re-saved by LibreOffice imports cleanly', () => {
  it(
    'three inputs changed, then re-saved by LibreOffice (unquoted CJK sheet names): inputs new, totals recomputed, no formula flagged',
    async () => {
      const dir = await outDir('roundtrip');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await exportEngine(openWorkbook(exampleDocument()))).slice().buffer);
      for (const e of THREE_EDITS) wb.getWorksheet(e.addr[0])!.getCell(e.addr[1]).value = e.value;
      const edited = join(dir, 'edited.xlsx');
      await writeFile(edited, new Uint8Array(await wb.xlsx.writeBuffer()));
      const bytes = await resavedByLibreOffice(edited, dir);

      // LibreOffice really wrote another dialect: CJK sheet names unquoted in formulas.
      const files = readZip(bytes);
      const sheetsXml = [...files].filter(([n]) => n.startsWith('xl/worksheets/sheet')).map(([, x]) => x).join('');
      expect(sheetsXml).toMatch(/<f[^>]*>[^<]*(?<!')公开06表!/);

      const { document, notes } = await importXlsx(bytes, IMPORT_DEPS);
      expect(notes).toEqual([]);
      expectThreeEdits(openWorkbook(document));
      // 审核 and 关键数据 as LibreOffice wrote them are read from their XML, as ExcelJS reads them.
      const scans = await expectScanLikeExcelJS(bytes, ['审核', '关键数据']);
      expect([...scans.values()].every((s) => s !== null)).toBe(true);
    },
    LO_TIMEOUT,
  );
});

describe('text that looks like a formula, seen by LibreOffice', () => {
  it(
    'stays text after recalculation and after a LibreOffice re-save and import',
    async () => {
      const dir = await outDir('safe-text');
      const engine = openWorkbook(exampleDocument());
      engine.addCode('gpb', '2019999', '=1+1');
      const file = join(dir, 'safe.xlsx');
      await writeFile(file, await exportEngine(engine, [{ heading: '一、部门概况', paragraphs: ['=1+1', '@SUM(1,2)'] }]));
      const csv = await xlsxToCsvPerSheet(file, join(dir, 'csv'));
      // 公开02表 B13 holds the custom code's name; computed it would read 2.
      expect(csv.get('公开02表')![12]![1]).toBe('=1+1');
      expect(csv.get('情况说明')!.slice(2, 4).map((r) => r[0])).toEqual(['=1+1', '@SUM(1,2)']);
      const { document, notes } = await importXlsx(await resavedByLibreOffice(file, dir), IMPORT_DEPS);
      expect(notes).toEqual([]);
      expect(document).toEqual(engine.document());
    },
    LO_TIMEOUT,
  );
});

describe('LibreOffice renders 公开06表 like the publication', () => {
  it(
    'one A4 landscape page with title, 部门/单位 line, the three column groups and both footers',
    async () => {
      const dir = await outDir('pdf');
      const file = join(dir, 'example.xlsx');
      await writeFile(file, await exportEngine(openWorkbook(exampleDocument())));
      const pdf = await xlsxToPdf(file, dir);
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
      const text = (p: number): string => execFileSync('pdftotext', ['-f', String(p), '-l', String(p), '-layout', pdf, '-'], { encoding: 'utf8' });
      const texts = Array.from({ length: pages }, (_, i) => text(i + 1));
      const page = texts.findIndex((t) => t.includes('公开06表')) + 1;
      expect(page).toBeGreaterThan(0);
      const t06 = texts[page - 1]!;
      for (const s of ['一般公共预算财政拨款基本支出决算表', '部门：蓝山县行政审批服务局', '单位：万元', '科目名称', '决算数', '30201', '办公费']) {
        expect(t06).toContain(s);
      }
      // The table ends on this page: both footers, the 注, and the last code of the right group.
      for (const s of ['人员经费合计', '979.88', '公用经费合计', '596.17', '注：本表反映部门年度一般公共预算财政拨款基本支出明细情况。', '39999']) {
        expect(t06).toContain(s);
      }
      expect(texts[page]).toContain('公开07表');
      const size = /Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+)/.exec(
        execFileSync('pdfinfo', ['-f', String(page), '-l', String(page), pdf], { encoding: 'utf8' }),
      )!;
      // A4 landscape: 842 × 595 pt.
      expect(Math.round(Number(size[1]))).toBe(842);
      expect(Math.round(Number(size[2]))).toBe(595);

      const [png] = await pdfToPng(pdf, join(dir, 'page'), { firstPage: page, lastPage: page });
      const shots = join(process.cwd(), 'test-output', 'screenshots');
      await mkdir(shots, { recursive: true });
      await copyFile(png!, join(shots, 'xlsx-t06.png'));
    },
    LO_TIMEOUT,
  );
});
