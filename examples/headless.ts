// Headless use of the engine in Node: open a document, read figures, set an input, list the audit.
// Run: node scripts/run-ts.mjs examples/headless.ts
import { exampleDocument, openWorkbook, restoreDocument } from '../src/app/templates';

export default function main(): void {
  // Any JSON document goes through restore() first (here: the built-in example).
  const { doc } = restoreDocument(exampleDocument());
  const wb = openWorkbook(doc);

  console.log('收支总计', wb.figure('grandTotal')?.toFixed(2)); // 1576.05
  console.log('公用经费', wb.amount('t06', 'public', 'amount')?.toFixed(2), '占', wb.figure('publicShare')?.toFixed(2), '%');

  wb.setInput('t06', '30201', 'amount', '31.34'); // 办公费
  console.log('公用经费', wb.amount('t06', 'public', 'amount')?.toFixed(2), '占', wb.figure('publicShare')?.toFixed(2), '%');
  for (const f of wb.audit()) console.log(f.severity === 'error' ? '错误' : '提示', f.message);

  // Codes in bulk, with names at any level (a 款 the catalogue lacks here), in one step; then amounts.
  wb.addCodes([{ code: '2040607', name: '公共法律服务' }, { code: '20406', name: '司法' }]);
  wb.setInput('t05', '2040607', 'basic', '5');
  wb.setCodeName('204', '公共安全支出（本单位）'); // '' gives the catalogue's name back
  console.log(wb.amount('t05', '20406', 'basic')?.toFixed(2), wb.codes.name('20406'), wb.codes.name('204'));

  wb.destroy();
}
