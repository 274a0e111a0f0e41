// The floor's read: ExcelJS loads the file and walks every cell's value (on the page, or in the
// worker of xlsx-read-worker.ts, as the app reads in its import worker).
const load = async () => (await import('exceljs')).default;

export async function readCells(bytes: ArrayBuffer): Promise<number> {
  const ExcelJS = await load();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  let n = 0;
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.isMerged && cell.master !== cell) return;
        if (cell.value !== null) n++;
      }),
    ),
  );
  return n;
}
