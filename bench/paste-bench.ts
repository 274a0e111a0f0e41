// Bench of bulk entry: 100 new 项 codes with names and amounts pasted into 公开05表 of the
// 500-code workbook. Engine side (Node): plan + one rebuild + audit, on a fresh engine each run.
import { WorkbookSession } from '../src/app/session';
import { applyCodePaste, planCodePaste } from '../src/app/paste-codes';
import { openWorkbook } from '../src/app/templates';
import { largeWorkbook } from './large-workbook';
import { stat, type Stat } from './stats';

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
 * Median engine time of the paste, and in the same runs the floor it cannot beat: one plain
 * rebuild of the resulting document (the paste is one rebuild plus parsing and the comparison).
 */
export default function run(runs = 7): { engine: Stat; rebuild: Stat; ratio: number; codes: number } {
  const { doc } = largeWorkbook();
  const { text } = block100();
  const samples: number[] = [];
  const rebuilds: number[] = [];
  let codes = 0;
  for (let i = 0; i < runs; i++) {
    const session = new WorkbookSession(openWorkbook(doc));
    session.engine.audit();
    const t0 = performance.now();
    const plan = planCodePaste(session.engine, 't05', text)!;
    const report = applyCodePaste(session, plan);
    session.engine.audit();
    samples.push(performance.now() - t0);
    codes = report.plan.added.length;
    const t1 = performance.now();
    session.engine.replaceDocument(session.engine.document());
    session.engine.audit();
    rebuilds.push(performance.now() - t1);
    session.engine.destroy();
  }
  const engine = stat(samples);
  const rebuild = stat(rebuilds);
  return { engine, rebuild, ratio: engine.median / rebuild.median, codes };
}
