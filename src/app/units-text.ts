// 部门决算单位构成 as the text the user edits: one unit a line, 单位名称 then 备注 after a ｜ (or a tab,
// as pasted from a spreadsheet). Pure; the session stores the list.
import type { WorkbookUnit } from '../model/document';

/** Lines to units: blank lines are skipped; the first ｜, | or tab separates 单位名称 from 备注. */
export function unitsFromText(text: string): WorkbookUnit[] {
  return text
    .split(/\r?\n/)
    .map((line) => {
      const m = /^(.*?)[｜|\t](.*)$/.exec(line);
      return m ? { name: m[1]!.trim(), note: m[2]!.trim() } : { name: line.trim(), note: '' };
    })
    .filter((u) => u.name !== '');
}

/** Units to lines, the inverse of unitsFromText. */
export function unitsToText(units: readonly WorkbookUnit[]): string {
  return units.map((u) => (u.note ? `${u.name}｜${u.note}` : u.name)).join('\n');
}
