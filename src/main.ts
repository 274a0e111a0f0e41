// Composition root: the only file that wires every layer together.
import { exampleDocument, openWorkbook } from './engine';
import { formatAmount, roundHalfUp } from './model/amount';

const engine = openWorkbook(exampleDocument());
const root = document.getElementById('app')!;
for (const def of engine.template.tables) {
  const layout = engine.sheet(def.id);
  const values = engine.sheetValues(def.id);
  const table = document.createElement('table');
  table.dataset.sheet = def.id;
  layout.cells.forEach((row, r) => {
    const tr = table.insertRow();
    row.forEach((cell, c) => {
      const td = tr.insertCell();
      const v = values[r]?.[c];
      td.textContent = cell?.t === 'text' ? cell.text : typeof v === 'number' ? formatAmount(roundHalfUp(v)) : '';
    });
  });
  root.append(table);
}
