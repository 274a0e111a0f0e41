import { WorkbookSession } from './src/app/session';
import { applyCodePaste, planCodePaste } from './src/app/paste-codes';
import { openWorkbook } from './src/engine';
import { largeWorkbook } from './bench/large-workbook';
import { block100 } from './bench/paste-bench.ts';
const { doc } = largeWorkbook();
const { text } = block100();
for (let i = 0; i < 3; i++) {
  let t = performance.now();
  const e = openWorkbook(doc);
  const s = new WorkbookSession(e);
  e.audit();
  const tOpen = performance.now() - t;
  t = performance.now();
  const plan = planCodePaste(e, 't05', text)!;
  const tPlan = performance.now() - t;
  t = performance.now();
  const r = s.applyBatch(plan.batch, 'x');
  const tApply = performance.now() - t;
  t = performance.now();
  e.audit();
  const tAudit = performance.now() - t;
  t = performance.now();
  e.replaceDocument(e.document());
  const tRebuild = performance.now() - t;
  console.log({ tOpen, tPlan, tApply, tAudit, tRebuild, rejected: r.rejected.length });
  e.destroy();
}
