// A step shared by the templates whose 03表 基本/项目支出 became typeOver cells (hn-2021 v3,
// national-2022 v2): the 非财政拨款 once typed in 补充资料 becomes the 03 figure it made. Pure data
// rewriting for the templates' own migrations; imports the model only.
import { dec, toFixed2 } from '../src/model/amount';

type Rows = Record<string, Record<string, string>>;

/**
 * 非财政拨款 typed in 补充资料 (nonfiscal.basic/proj.{code}) becomes the 03表 figure it made:
 * 03 = 财政拨款 (its fiscal tables) + 非财政拨款, typed over the cell. A zero or absent one
 * leaves 03 following. Sheet ids and fiscal columns are the template's.
 */
export function nonfiscalToTypedOver(
  doc: Record<string, unknown>,
  t03: string,
  fiscal: Record<'basic' | 'proj', readonly (readonly [string, string])[]>,
  toVersion: number,
): Record<string, unknown> {
  const inputs = { ...((doc.inputs as Record<string, Rows | undefined>) ?? {}) };
  const sup: Rows = { ...(inputs.sup ?? {}) };
  const out: Rows = { ...(inputs[t03] ?? {}) };
  const num = (sheet: string, row: string, col: string) => dec(inputs[sheet]?.[row]?.[col] ?? '0');
  for (const row of Object.keys(sup)) {
    const m = /^nonfiscal\.(basic|proj)\.(\d{7})$/.exec(row);
    if (!m) continue;
    const col = m[1] as 'basic' | 'proj';
    const code = m[2]!;
    const raw = sup[row]?.value;
    delete sup[row];
    let amount;
    try {
      amount = dec(raw ?? '0');
    } catch {
      continue; // not a number: restore() would have dropped it too
    }
    if (amount.isZero()) continue;
    const total = fiscal[col].reduce((acc, [sheet, c]) => acc.plus(num(sheet, code, c)), amount);
    out[code] = { ...(out[code] ?? {}), [col]: toFixed2(total) };
  }
  if (Object.keys(out).length) inputs[t03] = out;
  if (Object.keys(sup).length) inputs.sup = sup;
  else delete inputs.sup;
  return { ...doc, templateVersion: toVersion, inputs };
}
