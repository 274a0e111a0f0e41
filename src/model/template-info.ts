// What restore() needs to know of a template: its sheets, which cells are inputs, how to name
// them, and its own migrations. Pure; imports nothing outside model/.
import { SUPPLEMENT_ID, type SheetId } from './ids';
import type { TemplateInfo } from './restore';
import type { TemplateDef, ValueFormat } from './template';
import { expandParts } from './part';

export function templateInfo(template: TemplateDef): TemplateInfo {
  const tpl = expandParts(template);
  const titles = new Map<string, string>(tpl.tables.map((t) => [t.id, t.publicNo]));
  titles.set('sup', '补充资料');
  const supFormats = new Map<string, ValueFormat>();
  for (const s of tpl.supplement) for (const f of s.fields) if (!f.formula) supFormats.set(f.id, f.format);
  const perItem = tpl.supplement.flatMap((s) => (s.perItem && !s.perItem.formula ? [s.perItem] : []));

  const inputFormat = (sheet: SheetId, row: string, col: string): ValueFormat | undefined => {
    if (sheet === 'sup') {
      if (col !== 'value') return undefined;
      const f = supFormats.get(row);
      if (f) return f;
      const p = perItem.find((pi) => new RegExp(`^${pi.id.replaceAll('.', '\\.').replace('{code}', '\\d{7}')}$`).test(row));
      return p?.format;
    }
    const def = tpl.tables.find((t) => t.id === sheet);
    if (!def) return undefined;
    switch (def.kind) {
      case 'function': {
        const c = def.columns.find((x) => x.key === col);
        return /^\d{7}$/.test(row) && c && (!c.formula || c.typeOver) ? 'amount' : undefined;
      }
      case 'economic':
        return col === 'amount' && /^\d{5}$/.test(row) ? 'amount' : undefined;
      case 'fixed': {
        const c = def.cells.find((x) => x.row === row && x.col === col);
        return c && 'input' in c.cell ? (c.cell.format ?? 'amount') : undefined;
      }
      case 'two-sided': {
        const r = [...def.leftHead, ...def.leftTail, ...def.rightTail].find((x) => x.id === row);
        const c = r?.cells?.[col];
        return c && 'input' in c ? (c.format ?? 'amount') : undefined;
      }
    }
  };

  return {
    id: tpl.id,
    version: tpl.version,
    name: tpl.name,
    years: tpl.years,
    unit: tpl.unit,
    sheets: [...tpl.tables.map((t) => t.id), SUPPLEMENT_ID],
    migrations: tpl.migrations ?? [],
    inputFormat,
    describe: (sheet, row, col) => `${titles.get(sheet) ?? sheet}「${row}」${col === 'value' || col === 'amount' ? '' : `（${col}）`}`,
  };
}

export function templateInfos(templates: ReadonlyMap<string, TemplateDef>): Map<string, TemplateInfo> {
  return new Map([...templates].map(([id, t]) => [id, templateInfo(t)]));
}
