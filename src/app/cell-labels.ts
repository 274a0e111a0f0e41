// Human names of input cells for lists the user reads (scenario compare, history):
// 公开06表 30201 办公费; 公开07表 决算数 公务接待费. Read from the engine's layout.
import type { WorkbookEngine } from '../engine';
import type { AnySheetId } from '../model/template';

const HEADER_NOISE = /^(\d+|栏\s*次|项\s*目|行次|金额|数值)$/;
const clean = (s: string): string => s.replace(/\s+/g, '');

/** Header texts above column `c`, top to bottom, following merges; column numbers and generic words dropped. */
function headerChain(engine: WorkbookEngine, sheet: AnySheetId, c: number): string[] {
  const s = engine.sheet(sheet);
  const out: string[] = [];
  s.rowKinds.forEach((kind, r) => {
    if (kind !== 'header') return;
    const m = s.merges.find((x) => x.row <= r && r < x.row + x.rowspan && x.col <= c && c < x.col + x.colspan);
    const cell = m ? s.cells[m.row]?.[m.col] : s.cells[r]?.[c];
    const text = cell?.t === 'text' ? clean(cell.text) : '';
    if (text && !HEADER_NOISE.test(text) && out[out.length - 1] !== text) out.push(text);
  });
  return out;
}

/** e.g. 公开06表 30201 办公费, 公开02表 2010306 政务公开审批 财政拨款收入, 补充资料 上年收支总计. */
export function cellLabel(engine: WorkbookEngine, sheet: AnySheetId, row: string, col: string): string {
  const s = engine.sheet(sheet);
  const p = s.index.get(`${row}|${col}`);
  if (!p) return `${s.publicNo}「${row}」`;
  const cells = s.cells[p.r] ?? [];
  let label = '';
  let code = '';
  for (let c = p.c - 1; c >= 0; c--) {
    const x = cells[c];
    if (!label) {
      if (x?.t === 'text' && (x.role === 'label' || x.role === 'total') && x.text.trim()) label = x.text.trim();
      continue;
    }
    if (x?.t === 'text' && x.role === 'code') code = x.text.trim();
    break;
  }
  // Several inputs on one row (tables 02, 03, 07): the column header tells them apart.
  let inputsOnRow = 0;
  for (const [key, pos] of s.index) if (key.startsWith(`${row}|`) && s.cells[pos.r]?.[pos.c]?.t === 'input') inputsOnRow++;
  const header = inputsOnRow > 1 || !label ? headerChain(engine, sheet, p.c) : [];
  return [s.publicNo, code, label, ...header].filter(Boolean).join(' ');
}
