// A code list as staff keep it in Excel, for the .xls tests: a title row, 编码/名称/amount columns
// (codes as numbers and as text, decimals, a negative, a formula), 400 more rows whose names mix
// Chinese and plain ASCII (so the shared strings cross BIFF records, width flags switching), and a
// second sheet with 类/款/项 in three columns. LibreOffice turns it into a real .xls: the e2e test
// converts it afresh; test/fixtures/xls/code-list.xls is one such conversion (LibreOffice 7.4,
// "MS Excel 97", formulas recalculated), kept so the unit tests need no LibreOffice.
import ExcelJS from 'exceljs';

export const EXTRA_ROWS = 400;

export const extraName = (i: number): string => (i % 3 === 0 ? `Plain ASCII name number ${i} for the width flag` : `测试科目名称第${i}号，用于检验共享字符串跨记录`);

/** The workbook as XLSX bytes, and the cells every reader must give back (text, as shown raw). */
export async function codeListWorkbook(): Promise<{ xlsx: Uint8Array; expected: { name: string; rows: string[][] }[] }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('2021年支出功能分类科目');
  const rows: unknown[][] = [
    ['2021年政府收支分类科目'],
    ['科目编码', '科目名称', '金额'],
    [201, '一般公共服务支出', 12.5],
    ['20101', '人大事务', 3],
    [2010101, '行政运行', 1234567.89],
    [2010102, '一般行政管理事务', { formula: 'C5*2', result: 2469135.78 }],
    [{ formula: '"20101"&"03"', result: '2010103' }, '机关服务', -0.01],
  ];
  for (let i = 0; i < EXTRA_ROWS; i++) rows.push([`2${String(1000000 + i).slice(1)}`, extraName(i), i, i * 2, i + 0.5]);
  ws.addRows(rows);
  ws.mergeCells('A1:C1');
  const split = [['类', '款', '项', '科目名称'], ['204', '', '', '公共安全支出'], ['', '06', '', '司法'], ['', '', '07', '公共法律服务']];
  wb.addWorksheet('类款项').addRows(split);
  const text = (v: unknown): string => (typeof v === 'object' && v !== null ? String((v as { result: unknown }).result) : String(v));
  const width = 5;
  const pad = (r: string[]) => [...r, ...Array<string>(width - r.length).fill('')];
  return {
    xlsx: new Uint8Array(await wb.xlsx.writeBuffer()),
    expected: [
      { name: ws.name, rows: rows.map((r) => pad(r.map(text))) },
      { name: '类款项', rows: split },
    ],
  };
}
