// Files the browser bench imports: the example and the 500-code workbook as exported XLSX.
import { xlsxExportInput } from '../src/app/xlsx-export-data';
import { exampleDocument, openWorkbook } from '../src/app/templates';
import { exportXlsx } from '../src/io/xlsx-export';
import { largeWorkbook } from './large-workbook';

export default async function makeFixtures(): Promise<{ example: Uint8Array; large: Uint8Array; largeCodes: number }> {
  const out: Uint8Array[] = [];
  for (const doc of [exampleDocument(), largeWorkbook().doc]) {
    const e = openWorkbook(doc);
    out.push(await exportXlsx(xlsxExportInput(e)));
    e.destroy();
  }
  return { example: out[0]!, large: out[1]!, largeCodes: largeWorkbook().doc.codes.gpb.length };
}
