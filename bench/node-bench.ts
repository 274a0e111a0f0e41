// Node side of `npm run bench`: engine edit path against a bare HyperFormula built from the
// same formulas, for the two examples (hn-2021, national-2022) and the 500-code workbook.
import { HyperFormula } from 'hyperformula';
import { WorkbookSession } from '../src/app/session';
import { type WorkbookEngine } from '../src/engine';
import { exampleDocument, nationalExampleDocument, openWorkbook } from '../src/app/templates';
import type { WorkbookDocument } from '../src/model/document';
import { largeWorkbook } from './large-workbook';
import { stat, timeInterleaved, type Stat } from './stats';

export interface EngineBench {
  workbook: string;
  build: Stat;
  bareEdit: Stat;
  engineEdit: Stat;
  fullEdit: Stat;
  ratio: number;
}

/** The same sheets our engine builds, as a bare HF (no layout, no audit, no decimal parsing). */
function bareHf(e: WorkbookEngine, t06: string): { hf: HyperFormula; sheet: number; row: number; col: number } {
  const sheets: Record<string, (string | number | null)[][]> = {};
  for (const s of e.layout.sheets) {
    const values = e.sheetValues(s.id);
    sheets[s.id] = s.cells.map((row, r) =>
      row.map((c, ci) => (c?.t === 'formula' ? `=${c.formula}` : c?.t === 'input' ? (values[r]![ci] as number | null) : null)),
    );
  }
  const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: 'gpl-v3', precisionRounding: 14 });
  const p = e.sheet(t06).index.get('30201|amount')!;
  return { hf, sheet: hf.getSheetId(t06)!, row: p.r, col: p.c };
}

/** `t06`: the sheet id of the template's 基本支出决算明细表 (the edited 30201 lives there). */
function benchOne(name: string, doc: WorkbookDocument, n: number, t06 = 't06'): EngineBench {
  const build = stat(
    Array.from({ length: 7 }, () => {
      const t0 = performance.now();
      openWorkbook(doc).destroy();
      return performance.now() - t0;
    }),
  );
  const e = openWorkbook(doc);
  const bare = bareHf(e, t06);
  const session = new WorkbookSession(e);
  e.audit();
  // Each call writes a value different from that cell's previous one, so every call recalculates.
  const { bareEdit, engineEdit, fullEdit } = timeInterleaved(n, {
    bareEdit: (i) => bare.hf.setCellContents({ sheet: bare.sheet, row: bare.row, col: bare.col }, 20 + (i % 50) / 100),
    engineEdit: (i) => e.setInput(t06, '30201', 'amount', (20 + (i % 50) / 100).toFixed(2)),
    // What one keystroke costs in the app: session edit (parse, recalc, changes, document, events) + audit.
    fullEdit: (i) => {
      session.edit([{ sheet: t06, row: '30201', col: 'amount', raw: (30 + (i % 50) / 100).toFixed(2) }]);
      e.audit();
    },
  });
  bare.hf.destroy();
  e.destroy();
  return { workbook: name, build, bareEdit, engineEdit, fullEdit, ratio: fullEdit.median / bareEdit.median };
}

export default function run(): EngineBench[] {
  return [
    benchOne('example', exampleDocument(), 1000),
    benchOne('large-500', largeWorkbook().doc, 1000),
    benchOne('national example', nationalExampleDocument(), 1000, 'basicExpenditure'),
  ];
}
