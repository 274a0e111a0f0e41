// Shared wiring for the XLSX tests: engine → plain export input, and the import callbacks.
import { mkdir } from 'node:fs/promises';
import { expect } from 'vitest';
import { join } from 'node:path';
import { type WorkbookEngine } from '../../src/engine';
import { exampleDocument, openWorkbook, restoreDocument } from '../../src/app/templates';
import type { WorkbookDocument } from '../../src/model/document';
import { exportXlsx, type NarrativeSection } from '../../src/io/xlsx-export';
import type { ImportDeps } from '../../src/io/xlsx-import';

export const OUT = join(process.cwd(), 'test-output', 'xlsx');

export async function outDir(name: string): Promise<string> {
  const dir = join(OUT, name);
  await mkdir(dir, { recursive: true });
  return dir;
}

/** What the app layer will do on 导出XLSX: plain layouts and values, never the engine itself. */
export function exportEngine(engine: WorkbookEngine, narrative?: NarrativeSection[]): Promise<Uint8Array> {
  return exportXlsx({
    document: engine.document(),
    sheets: engine.layout.sheets.map((layout) => ({ layout, values: engine.sheetValues(layout.id) })),
    ...(narrative ? { narrative } : {}),
  });
}

export const IMPORT_DEPS: ImportDeps = {
  restore: (raw) => restoreDocument(raw),
  layoutFor: (doc: WorkbookDocument) => {
    const engine = openWorkbook(doc);
    try {
      return engine.layout.sheets;
    } finally {
      engine.destroy();
    }
  },
};

/** Three inputs, in three sheets, changed as a colleague would in Excel. */
export const THREE_EDITS = [
  { sheet: 't06', row: '30201', col: 'amount', addr: ['公开06表', 'F6'], value: 31.34 },
  { sheet: 't07', row: 'act', col: 'recep', addr: ['公开07表', 'L8'], value: '5.54' },
  { sheet: 'sup', row: 'proc.services', col: 'value', addr: ['补充资料', 'B37'], value: 93.26 },
] as const;

/** Every value of every sheet (raw engine values). */
function allValues(engine: WorkbookEngine): Record<string, unknown> {
  return Object.fromEntries(engine.layout.sheets.map((s) => [s.id, engine.sheetValues(s.id)]));
}

/** Checks an engine opened from an import of THREE_EDITS against hand-computed totals and the original. */
export function expectThreeEdits(imported: WorkbookEngine): void {
  // 30201 办公费 21.34 → 31.34: 302 商品和服务支出 504.62, 公用经费合计 606.17, 基本支出 1586.05.
  expect(imported.amount('t06', '30201', 'amount')?.toFixed(2)).toBe('31.34');
  expect(imported.amount('t06', '302', 'amount')?.toFixed(2)).toBe('504.62');
  expect(imported.amount('t06', 'public', 'amount')?.toFixed(2)).toBe('606.17');
  expect(imported.figure('basicTotal')?.toFixed(2)).toBe('1586.05');
  // 公务接待费决算 6.54 → 5.54: 三公 决算合计 5.54, 完成预算 5.54 / 60 = 9.23 %.
  expect(imported.amount('t07', 'act', 'total')?.toFixed(2)).toBe('5.54');
  expect(imported.figure('sangongRate')?.toFixed(2)).toBe('9.23');
  // 政府采购服务 83.26 → 93.26: 采购总额 18.29 + 0 + 93.26 = 111.55.
  expect(imported.amount('sup', 'proc.total', 'value')?.toFixed(2)).toBe('111.55');
  // Everything else is as before: compare with the original after the same three edits.
  const reference = openWorkbook(exampleDocument());
  reference.setInputs(THREE_EDITS.map((e) => ({ sheet: e.sheet, row: e.row, col: e.col, raw: e.value })));
  expect(imported.document().inputs).toEqual(reference.document().inputs);
  expect(allValues(imported)).toEqual(allValues(reference));
  const before = exampleDocument().inputs;
  expect(reference.document().inputs.t05).toEqual(before.t05);
}

