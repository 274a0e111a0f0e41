// The derived sheets (审核, 关键数据) are read from their XML, not by ExcelJS: the scan must read
// what ExcelJS reads, give up on what it cannot read exactly (the sheet then goes to ExcelJS), and
// the import must give the same notes either way.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { largeWorkbook } from '../../bench/large-workbook';
import { exampleDocument, openWorkbook } from '../../src/app/templates';
import { IMPORT_MESSAGES, importXlsx } from '../../src/io/xlsx-import';
import { scanSheet, sheetParts, xmlText } from '../../src/io/xlsx-raw-sheet';
import { inflateEntries } from '../../src/io/zip-guard';
import { expectScanLikeExcelJS } from './raw-sheet-check';
import { exportEngine, IMPORT_DEPS } from './support';
import { makeZip, readZip } from './zip-tools';

const DERIVED = ['审核', '关键数据'];

async function edit(bytes: Uint8Array, change: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer);
  change(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The exported file with one part's XML rewritten. */
function rewrite(bytes: Uint8Array, part: string, change: (xml: string) => string): Uint8Array {
  const files = readZip(bytes);
  return makeZip([...files].map(([name, text]) => ({ name, data: Buffer.from(name === part ? change(text) : text) })));
}

describe('reading 审核 and 关键数据 from their XML', () => {
  let exported: Uint8Array;
  let auditPart: string;
  beforeAll(async () => {
    exported = await exportEngine(openWorkbook(exampleDocument()));
    auditPart = sheetParts(await inflateEntries(exported)).get('审核')!;
  });

  it('reads every cell as ExcelJS does, in the example and in the 500-code workbook', async () => {
    const example = await expectScanLikeExcelJS(exported, DERIVED);
    const e = openWorkbook(largeWorkbook().doc);
    const large = await expectScanLikeExcelJS(await exportEngine(e), DERIVED);
    e.destroy();
    for (const scans of [example, large]) for (const name of DERIVED) expect(scans.get(name), name).not.toBeNull();
    // 审核's first check: C2 reads 公开05表 and the 差额 is a formula over C2 and D2.
    const audit = example.get('审核')!;
    expect(audit.at(1, 2)?.formula).toBe("'公开05表'!D8");
    expect(audit.at(1, 4)?.formula).toBe('ROUND(C2-D2,2)');
    expect(large.get('审核')!.cells.filter((c) => c.formula).length).toBeGreaterThan(5000);
  });

  it('resolves XML entities and character references as a parser does', () => {
    expect(xmlText('IF(A1&lt;0,&quot;未通过&quot;,&apos;x&apos;)&amp;&#20013;&#x6587;')).toBe('IF(A1<0,"未通过",\'x\')&中文');
  });

  it('gives up on shared formulas, cells without an address and a huge merge, and the import still reads the sheet (by ExcelJS)', async () => {
    const shared = rewrite(exported, auditPart, (x) => x.replace(/<f>ROUND\(C2-D2,2\)<\/f>/, '<f t="shared" ref="E2:E3" si="0">ROUND(C2-D2,2)</f>'));
    const noAddress = rewrite(exported, auditPart, (x) => x.replace(/<c r="E2"/, '<c'));
    // A merge over most of the sheet: the scan would mark a million cells.
    const hugeMerge = rewrite(exported, auditPart, (x) => x.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="H1:Z50000"/></mergeCells>'));
    expect(scanSheet(await inflateEntries(hugeMerge), auditPart)).toBeNull();
    for (const bytes of [shared, noAddress]) {
      const zip = await inflateEntries(bytes);
      expect(scanSheet(zip, auditPart)).toBeNull();
      const { notes } = await importXlsx(bytes, IMPORT_DEPS);
      // ExcelJS reads the sheet: the master's formula is the template's, E3 keeps its own <f>.
      expect(notes).toEqual([]);
    }
  });

  it('notes an edited 审核 formula and stray content in 审核, with the same text as for the tables', async () => {
    const changed = await edit(exported, (wb) => {
      const audit = wb.getWorksheet('审核')!;
      audit.getCell('E2').value = { formula: 'ROUND(C2-D2,0)', result: 0 } as ExcelJS.CellFormulaValue;
      audit.getCell('H3').value = '请财务复核';
      wb.getWorksheet('关键数据')!.getCell('Z1').value = 7;
      // An empty text is no content.
      audit.getCell('H4').value = '';
    });
    const { notes } = await importXlsx(changed, IMPORT_DEPS);
    expect(notes).toEqual([IMPORT_MESSAGES.formulaChanged('审核 E2（X56-1 05表基本支出合计应等于06表人员经费与公用经费之和 · 差额）'), IMPORT_MESSAGES.ignored('关键数据 Z1、审核 H3')]);
  });

  it('never reads 情况说明: its content, even a formula, is no note', async () => {
    const withText = await exportEngine(openWorkbook(exampleDocument()), [{ heading: '一、部门概况', paragraphs: ['本部门……'] }]);
    const changed = await edit(withText, (wb) => (wb.getWorksheet('情况说明')!.getCell('A1').value = { formula: '1+1', result: 2 } as ExcelJS.CellFormulaValue));
    const { document, notes } = await importXlsx(changed, IMPORT_DEPS);
    expect(notes).toEqual([]);
    expect(document).toEqual(exampleDocument());
  });
});
