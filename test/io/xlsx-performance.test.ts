// The 绩效评分表 sheet (绩效自评 indicator sheet) in an exported XLSX: live formulas that
// LibreOffice, recalculating everything itself (cached results poisoned), computes to the app's
// values — after edits that move an indicator, its score, the subtotals and the total — and a
// file that imports back to the same document.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dec } from '../../src/model/amount';
import { type WorkbookEngine } from '../../src/engine';
import { exampleDocument, openWorkbook } from '../../src/app/templates';
import { exportXlsx } from '../../src/io/xlsx-export';
import { importXlsx } from '../../src/io/xlsx-import';
import { xlsxToCsvPerSheet } from '../support/libreoffice';
import { exportEngine, IMPORT_DEPS, outDir } from './support';

const LO_TIMEOUT = 180_000;
const SHEET = '绩效评分表';

function poisoned(engine: WorkbookEngine): Promise<Uint8Array> {
  return exportXlsx({
    document: engine.document(),
    sheets: engine.layout.sheets.map((layout) => ({
      layout,
      values: engine.sheetValues(layout.id).map((row, r) => row.map((v, c) => (layout.cells[r]?.[c]?.t === 'formula' ? -1 : v))),
    })),
  });
}

const shown = (csv: string): string => (csv === '' || Number.isNaN(Number(csv)) ? csv : dec(csv).toDecimalPlaces(2).toFixed(2));

function appValue(engine: WorkbookEngine, row: string, col: string): string {
  const v = engine.value('perf', row, col);
  if (typeof v === 'string') return v;
  if (v === null) return '0.00';
  if (typeof v === 'object') return v.error;
  return engine.amount('perf', row, col)!.toFixed(2);
}

describe('绩效评分表 in XLSX, recalculated by LibreOffice', () => {
  it(
    'after 在职人数 90, 培训费 3.00 and a blank 事项办结率: every formula of the sheet equals the app, 108.43% → 0 分, total 88',
    async () => {
      const engine = openWorkbook(exampleDocument());
      engine.setInput('sup', 'staff.actual', 'value', '90');
      engine.setInput('sup', 'training.amount', 'value', '3');
      // A typed value left blank: the value is "" and its score waits (no hand-given score).
      engine.setInput('sup', 'perf.value.output2', 'value', '');
      const dir = await outDir('performance');
      const file = join(dir, 'performance.xlsx');
      await writeFile(file, await poisoned(engine));
      const csv = await xlsxToCsvPerSheet(file, join(dir, 'csv'));
      const rows = csv.get(SHEET)!;
      expect(rows).toBeDefined();
      const layout = engine.sheet('perf');
      const at = (row: string, col: string) => {
        const p = layout.index.get(`${row}|${col}`)!;
        return shown(rows[p.r]?.[p.c] ?? '');
      };
      const mismatches: string[] = [];
      let compared = 0;
      layout.cells.forEach((cells, r) =>
        cells.forEach((cell, c) => {
          if (cell?.t !== 'formula') return;
          compared++;
          const got = shown(rows[r]?.[c] ?? '');
          const want = appValue(engine, cell.row, cell.col);
          if (got !== want) mismatches.push(`r${r + 1}c${c + 1} ${cell.row}:${cell.col}: LibreOffice ${got}, app ${want}`);
        }),
      );
      expect(mismatches).toEqual([]);
      // 19 indicators × up to 6 cells, 7 groups, 3 sections, the total and 5 report figures.
      expect(compared).toBeGreaterThan(100);
      // 90 ÷ 83 × 100 = 108.43 > 100 → 0; (0.52 + 3) × 10000 ÷ 525 = 67.05 > 60 → 0;
      // 事项办结率 blank → no score. 98 − 5 − 2.5 − 2.5 = 88.
      expect([at('staffControl', 'value'), at('staffControl', 'score')]).toEqual(['108.43', '0.00']);
      expect([at('output4', 'value'), at('output4', 'score')]).toEqual(['67.05', '0.00']);
      expect([at('output2', 'value'), at('output2', 'score')]).toEqual(['', '']);
      expect([at('s.input', 'score'), at('s.process', 'score'), at('s.output', 'score'), at('total', 'score')]).toEqual(['5.00', '50.00', '33.00', '88.00']);
      expect(at('total', 'weight')).toBe('100.00');
    },
    LO_TIMEOUT,
  );

  it('imports back: the report’s inputs (补充资料) and texts come back unchanged', async () => {
    const engine = openWorkbook(exampleDocument());
    engine.setInput('sup', 'staff.actual', 'value', '90');
    engine.setInput('sup', 'perf.score.staffControl', 'value', '4');
    engine.setText('perf.reason.staffControl', '年中机构改革划入人员');
    const { document, notes } = await importXlsx(await exportEngine(engine), IMPORT_DEPS);
    expect(notes).toEqual([]);
    expect(document).toEqual(engine.document());
    expect(openWorkbook(document).amount('perf', 'total', 'score')?.toFixed(2)).toBe('97.00');
  });
});
