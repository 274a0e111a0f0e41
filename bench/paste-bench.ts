// Bench of bulk entry: 100 new 项 codes with names and amounts pasted into 公开05表 of the
// 500-code workbook. Engine side (Node): plan + rows inserted in place + audit, on a fresh engine
// each run, beside bare HyperFormula doing the same insertion.
import { HyperFormula } from 'hyperformula';
import { WorkbookSession } from '../src/app/session';
import { applyCodePaste, planCodePaste } from '../src/app/paste-codes';
import { openWorkbook } from '../src/app/templates';
import { largeWorkbook } from './large-workbook';
import { stat, type Stat } from './stats';
import { cellContent, planRowPatch, sheetInputs, type RowPatch } from '../src/engine/insert-rows';
import { skipEmptyArrayScans } from '../src/engine/hf-row-moves';

const CLASSES = ['201', '204', '205', '206', '207'];

/** The block a user would copy: 编码, 名称, 合计, 基本支出, 项目支出 for 100 codes the workbook lacks. */
export function block100(): { text: string; first: string } {
  const lines = ['科目编码\t科目名称\t合计\t基本支出\t项目支出'];
  let first = '';
  for (const cls of CLASSES) {
    for (let k = 46; k <= 49; k++) {
      lines.push(`${cls}${k}\t新增款${k}`);
      for (let i = 1; i <= 5; i++) {
        const code = `${cls}${k}${String(i).padStart(2, '0')}`;
        first ||= code;
        const basic = (100 + i * 7.31 + k).toFixed(2);
        const proj = (i * 3.05).toFixed(2);
        lines.push(`${code}\t新增项目${k}-${i}\t${(Number(basic) + Number(proj)).toFixed(2)}\t${basic}\t${proj}`);
      }
    }
  }
  return { text: lines.join('\r\n'), first };
}

/**
 * The floor: the same rows inserted and cells written through HyperFormula's public API only
 * (plus the array-scan skip the engine had before, so that the floor stays the one measured
 * since): one addRows per sheet, writes, one recalculation. Not the engine's applyRowPatch, whose
 * own HF shortcuts (one combined row transformation) are what is measured against it.
 */
function bareRowPatch(hf: HyperFormula, patch: RowPatch): void {
  skipEmptyArrayScans(hf);
  hf.suspendEvaluation();
  for (const s of patch.sheets) {
    if (s.removes.length) hf.removeRows(hf.getSheetId(s.id)!, ...s.removes);
    if (s.inserts.length) hf.addRows(hf.getSheetId(s.id)!, ...s.inserts);
  }
  for (const s of patch.sheets) {
    const sheet = hf.getSheetId(s.id)!;
    for (const w of s.writes) hf.setCellContents({ sheet, row: w.r, col: w.c }, w.content);
  }
  hf.resumeEvaluation();
}

/**
 * Median engine time of the paste (block parsed, codes and values applied in place, pasted totals
 * compared, 审核), interleaved in each run with its floor: bare HyperFormula, built from the same
 * cells, inserting the same rows and writing the same cells (what HF must do for the result, no
 * layout, no planning, no 审核); and, for comparison, one full rebuild of the resulting document
 * (what the paste cost before it was done in place).
 */
export default function run(runs = 7): {
  engine: Stat;
  floor: Stat;
  rebuild: Stat;
  /** Undo of the paste (rows removed in place) and its redo, each with the 审核 after it. */
  undo: Stat;
  redo: Stat;
  ratio: number;
  pairRatio: number;
  /** Median of engine / rebuild taken in the same run (the speed-up over the old path). */
  rebuildPairRatio: number;
  codes: number;
  rows: number;
  cells: number;
} {
  const { doc } = largeWorkbook();
  const { text } = block100();
  const samples: number[] = [];
  const floors: number[] = [];
  const rebuilds: number[] = [];
  const undos: number[] = [];
  const redos: number[] = [];
  let codes = 0;
  let rows = 0;
  let cells = 0;
  for (let i = 0; i < runs; i++) {
    const session = new WorkbookSession(openWorkbook(doc));
    session.engine.audit();
    const before = { layout: session.engine.layout, doc: session.engine.document() };
    const t0 = performance.now();
    const plan = planCodePaste(session.engine, 't05', text)!;
    const report = applyCodePaste(session, plan);
    session.engine.audit();
    samples.push(performance.now() - t0);
    codes = report.plan.added.length;

    const patch = planRowPatch(before.layout, before.doc, session.engine.layout, session.engine.document())!;
    rows = patch.inserted;
    cells = patch.written;
    const bare = HyperFormula.buildFromSheets(
      Object.fromEntries(before.layout.sheets.map((s) => [s.id, s.cells.map((row) => row.map((c) => cellContent(c, sheetInputs(before.doc, s.id))))])),
      { licenseKey: 'gpl-v3', precisionRounding: 14, useArrayArithmetic: false, undoLimit: 0 },
    );
    const t1 = performance.now();
    bareRowPatch(bare, patch);
    floors.push(performance.now() - t1);
    bare.destroy();

    const t3 = performance.now();
    session.undo();
    session.engine.audit();
    const t4 = performance.now();
    session.redo();
    session.engine.audit();
    undos.push(t4 - t3);
    redos.push(performance.now() - t4);

    const t2 = performance.now();
    session.engine.replaceDocument(session.engine.document());
    session.engine.audit();
    rebuilds.push(performance.now() - t2);
    session.engine.destroy();
  }
  const engine = stat(samples);
  const floor = stat(floors);
  const pairs = samples.map((x, i) => x / floors[i]!);
  const vsRebuild = samples.map((x, i) => x / rebuilds[i]!);
  return { engine, floor, rebuild: stat(rebuilds), undo: stat(undos), redo: stat(redos), ratio: engine.median / floor.median, pairRatio: stat(pairs).median, rebuildPairRatio: stat(vsRebuild).median, codes, rows, cells };
}
