// 导出XLSX → 公开表: only the nine tables and a 情况说明 laid out as paragraphs (首行缩进, no line
// starting with ，, headings kept with what follows), formulas kept (LibreOffice recalculates
// them), nothing to delete before sending (no 补充资料/关键数据/审核/marker); import refuses it.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { xlsxExportInput } from '../../src/app/xlsx-export-data';
import { exampleDocument, openWorkbook } from '../../src/app/templates';
import { paragraphText, renderNarrative, type RenderedSection } from '../../src/engine/narrative';
import { breakLines, exportXlsx } from '../../src/io/xlsx-export';
import { importXlsx } from '../../src/io/xlsx-import';
import { xlsxToCsvPerSheet } from '../support/libreoffice';
import { IMPORT_DEPS, outDir } from './support';

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.buffer as ArrayBuffer);
  return book;
}

describe('导出XLSX 公开表', () => {
  const engine = openWorkbook(exampleDocument());

  it('holds the nine tables and 情况说明 only, formulas kept, values where a formula read 补充资料', async () => {
    const book = await load(await exportXlsx(xlsxExportInput(engine, 'public')));
    expect(book.worksheets.map((w) => w.name)).toEqual([...engine.template.tables.map((t) => t.publicNo), '情况说明']);
    expect(book.worksheets.every((w) => w.state === 'visible')).toBe(true);
    const formulas = book.worksheets.flatMap((w) => {
      const out: string[] = [];
      w.eachRow((r) => r.eachCell((c) => void (c.formula ? out.push(c.formula) : 0)));
      return out;
    });
    expect(formulas.length).toBeGreaterThan(100);
    expect(formulas.some((f) => /补充资料|关键数据|审核/.test(f))).toBe(false);
    await expect(importXlsx(await exportXlsx(xlsxExportInput(engine, 'public')), IMPORT_DEPS)).rejects.toThrow('这不是本程序导出的决算公开工作簿');
  });

  it('writes the 情况说明 as indented paragraphs with every sentence, no line starting with ，', async () => {
    const book = await load(await exportXlsx(xlsxExportInput(engine, 'public')));
    const ws = book.getWorksheet('情况说明')!;
    const cells: string[] = [];
    ws.eachRow((r) => cells.push(String(r.getCell(1).value ?? '')));
    expect(cells[0]).toBe('蓝山县行政审批服务局2021年度部门决算情况说明');
    const flat = (s: RenderedSection): string[] => [...s.paragraphs.map(paragraphText), ...s.sections.flatMap(flat)];
    const paragraphs = renderNarrative(engine).sections.flatMap(flat);
    for (const p of paragraphs) expect(cells).toContain(breakLines(`\u3000\u3000${p.trim()}`, 70).join('\n'));
    const lines = cells.flatMap((c) => c.split('\n'));
    expect(lines.filter((l) => /^[，。、；：）%]/.test(l))).toEqual([]);
    expect(lines.filter((l, i) => /\d\.?$/.test(l) && /^[\d.%]/.test(lines[i + 1] ?? ''))).toEqual([]);
    expect(cells.find((c) => c.startsWith('\u3000\u3000本年收入合计1576.05万元'))).toBeDefined();
    const fonts = new Set<string>();
    ws.eachRow((r) => void fonts.add(String(r.getCell(1).font?.name)));
    expect([...fonts].sort()).toEqual(['仿宋', '黑体']);
  });

  it('breakLines never starts a line with closing punctuation', () => {
    expect(breakLines('一二三四，五六', 8)).toEqual(['一二三四，', '五六']);
    // A number is never split: 37.83% moves to the next line whole.
    expect(breakLines('占基本支出的37.83%，', 16)).toEqual(['占基本支出的', '37.83%，']);
  });

  it('LibreOffice recalculates the kept formulas to the engine’s totals', { timeout: 180_000 }, async () => {
    const dir = await outDir('public');
    const file = join(dir, 'public.xlsx');
    await writeFile(file, await exportXlsx(xlsxExportInput(engine, 'public')));
    const csv = await xlsxToCsvPerSheet(file, join(dir, 'csv'));
    const t05 = csv.get('公开05表')!;
    const total = t05.find((r) => r[0] === '合计')!;
    expect(total.filter((v) => v !== '').slice(1, 2).map(Number)).toEqual([1576.05]);
    const t01 = csv.get('公开01表')!;
    expect(t01.find((r) => r[0] === '总计')!.filter((v) => v !== '' && !Number.isNaN(Number(v))).map(Number)).toEqual([13, 1576.05, 26, 1576.05]);
  });
});
