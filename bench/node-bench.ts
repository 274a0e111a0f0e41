// Node side of `npm run bench`: engine edit path against a bare HyperFormula built from the
// same formulas, for the two examples (hn-2021, national-2022) and the 500-code workbook.
import { HyperFormula } from 'hyperformula';
import { WorkbookSession } from '../src/app/session';
import { type WorkbookEngine } from '../src/engine';
import { exampleDocument, nationalExampleDocument, openWorkbook, shExampleDocument } from '../src/app/templates';
import type { WorkbookDocument } from '../src/model/document';
import { largeWorkbook } from './large-workbook';
import { pairRatio, sampleInterleaved, stat, type Stat } from './stats';

export interface EngineBench {
  workbook: string;
  build: Stat;
  bareEdit: Stat;
  engineEdit: Stat;
  fullEdit: Stat;
  ratio: number;
  /** Median of the per-round ratios fullEdit / bareEdit (from run 21 on; see bench/report.mjs). */
  pairRatio: number;
}

/** The same sheets our engine builds, as a bare HF (no layout, no audit, no decimal parsing). */
/** The 06 line every bench edits: 30201 办公费 (sheet t06 in hn-2021, basicExpenditure in the content-id families). */
interface EditCell {
  sheet: 't06' | 'basicExpenditure';
  row: string;
}
const HN_CELL: EditCell = { sheet: 't06', row: '30201' };

function bareHf(e: WorkbookEngine, at: EditCell): { hf: HyperFormula; sheet: number; row: number; col: number } {
  const sheets: Record<string, (string | number | null)[][]> = {};
  for (const s of e.layout.sheets) {
    const values = e.sheetValues(s.id);
    sheets[s.id] = s.cells.map((row, r) =>
      row.map((c, ci) => (c?.t === 'formula' ? `=${c.formula}` : c?.t === 'input' ? (values[r]![ci] as number | null) : null)),
    );
  }
  const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: 'gpl-v3', precisionRounding: 14 });
  const p = e.sheet(at.sheet).index.get(`${at.row}|amount`)!;
  return { hf, sheet: hf.getSheetId(at.sheet)!, row: p.r, col: p.c };
}

function benchOne(name: string, doc: WorkbookDocument, n: number, at: EditCell = HN_CELL): EngineBench {
  const build = stat(
    Array.from({ length: 7 }, () => {
      const t0 = performance.now();
      openWorkbook(doc).destroy();
      return performance.now() - t0;
    }),
  );
  const e = openWorkbook(doc);
  const bare = bareHf(e, at);
  const session = new WorkbookSession(e);
  e.audit();
  // Each call writes a value different from that cell's previous one, so every call recalculates.
  const samples = sampleInterleaved(n, {
    bareEdit: (i) => bare.hf.setCellContents({ sheet: bare.sheet, row: bare.row, col: bare.col }, 20 + (i % 50) / 100),
    engineEdit: (i) => e.setInput(at.sheet, at.row, 'amount', (20 + (i % 50) / 100).toFixed(2)),
    // What one keystroke costs in the app: session edit (parse, recalc, changes, document, events) + audit.
    fullEdit: (i) => {
      session.edit([{ sheet: at.sheet, row: at.row, col: 'amount', raw: (30 + (i % 50) / 100).toFixed(2) }]);
      e.audit();
    },
  });
  bare.hf.destroy();
  e.destroy();
  const [bareEdit, engineEdit, fullEdit] = [stat(samples.bareEdit), stat(samples.engineEdit), stat(samples.fullEdit)];
  return { workbook: name, build, bareEdit, engineEdit, fullEdit, ratio: fullEdit.median / bareEdit.median, pairRatio: pairRatio(samples.fullEdit, samples.bareEdit) };
}

const NATIONAL_CELL: EditCell = { sheet: 'basicExpenditure', row: '30201' };
const WORKBOOKS: [string, () => WorkbookDocument, EditCell][] = [
  ['example', exampleDocument, HN_CELL],
  ['large-500', () => largeWorkbook().doc, HN_CELL],
  ['national example', nationalExampleDocument, NATIONAL_CELL],
  ['sh-putuo-sthj-2025', () => shExampleDocument('sh-putuo-sthj-2025'), NATIONAL_CELL],
];

/**
 * Measured rounds per workbook: 3000 from run 21 on (1000 before). Each call takes 0.05–0.1 ms, so a
 * burst of load on a shared machine covered a good part of 1000 rounds: the national example's
 * ratio read 1.45 beside `npm test` and 1.09 alone (runs 19/20).
 */
const ROUNDS = 3000;

/** `only`: names of the workbooks to measure (bench/engine-only.mjs); all by default. */
export default function run(only?: string[]): EngineBench[] {
  // The first two stay first: scripts/bench.mjs reads them by position. The larger Shanghai example (31 项) last.
  return WORKBOOKS.filter(([name]) => !only || only.includes(name)).map(([name, doc, at]) => benchOne(name, doc(), ROUNDS, at));
}
