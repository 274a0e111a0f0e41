// The engine side of the paste bench alone (bench/paste-bench.ts without its floors): 100 new 项
// codes with amounts pasted into 公开05表 of the 500-code workbook on a fresh session each run,
// plan + in-place patch + pasted-total checks + 审核. `around` wraps each timed paste (a profiler).
import { WorkbookSession } from '../src/app/session';
import { applyCodePaste, planCodePaste } from '../src/app/paste-codes';
import { openWorkbook } from '../src/app/templates';
import { largeWorkbook } from './large-workbook';
import { block100 } from './paste-bench';

export default async function run(runs: number, around?: (paste: () => void) => Promise<void>, mark?: (name: string) => void): Promise<{ wall: number[]; cpu: number[] }> {
  const { doc } = largeWorkbook();
  const { text } = block100();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const session = new WorkbookSession(openWorkbook(doc));
    session.engine.audit();
    const paste = () => {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      mark?.('begin');
      const plan = planCodePaste(session.engine, 't05', text)!;
      mark?.('planCodePaste');
      applyCodePaste(session, plan);
      mark?.('applyCodePaste-rest');
      session.engine.audit();
      mark?.('audit');
      wall.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    };
    if (around) await around(paste);
    else paste();
    session.engine.destroy();
  }
  return { wall, cpu };
}
