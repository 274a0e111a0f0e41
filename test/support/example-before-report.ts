// The built-in example as it was before the 第五部分 绩效自评报告 was added: the frozen v1/v2
// fixtures predate it, so they restore to the example without the report's inputs and texts.
import { HN_2021 } from '../../sheets';
import type { WorkbookDocument } from '../../src/model';

export function exampleBeforeReport(doc: WorkbookDocument): WorkbookDocument {
  const parts = HN_2021.parts ?? [];
  const supRows = new Set(parts.flatMap((p) => (p.inputs ?? []).flatMap((s) => s.fields.map((f) => f.id))));
  const texts = new Set(parts.flatMap((p) => (p.texts ?? []).map((t) => t.id)));
  // Indicator inputs (perf.value/min/max/judged/score.*) and texts (perf.name/unit/reason.*).
  const isIndicatorId = (id: string) => /^perf\.(value|min|max|judged|score|name|unit|reason)\./.test(id);
  const sup = Object.fromEntries(Object.entries(doc.inputs.sup ?? {}).filter(([id]) => !supRows.has(id) && !isIndicatorId(id)));
  return {
    ...doc,
    inputs: { ...doc.inputs, sup },
    // The 主要包括 choice (items.*) came later too.
    texts: Object.fromEntries(Object.entries(doc.texts).filter(([id]) => !texts.has(id) && !isIndicatorId(id) && !id.startsWith('items.'))),
  };
}
