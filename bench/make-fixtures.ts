// Files the browser bench imports: the two examples (hn-2021, national-2022) and the 500-code
// workbook as exported XLSX.
import { xlsxExportInput } from '../src/app/xlsx-export-data';
import { exampleDocument, nationalExampleDocument, openWorkbook } from '../src/app/templates';
import { exportXlsx } from '../src/io/xlsx-export';
import { largeWorkbook } from './large-workbook';

export default async function makeFixtures(): Promise<{ example: Uint8Array; national: Uint8Array; large: Uint8Array; largeCodes: number }> {
  const out: Uint8Array[] = [];
  for (const doc of [exampleDocument(), largeWorkbook().doc, nationalExampleDocument()]) {
    const e = openWorkbook(doc);
    out.push(await exportXlsx(xlsxExportInput(e)));
    e.destroy();
  }
  return { example: out[0]!, large: out[1]!, national: out[2]!, largeCodes: largeWorkbook().doc.codes.gpb.length };
}
