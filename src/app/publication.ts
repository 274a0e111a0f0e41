// Builds the whole published disclosure (cover, 目录, every part in the template's order) from the
// live workbook as plain data: tables with the grid's own display text, 情况说明 paragraphs from
// the narrative renderer, so Word and PDF read exactly as the screen. No DOM; writers live in src/io.
import { displayText, toGridValue } from '../engine/display-text';
import type { SheetLayout, WorkbookEngine } from '../engine';
import { paragraphText, renderNarrative, renderPart, templateParts, type RenderedNarrative, type RenderedSection } from '../engine/narrative';
import type {
  CellAlign,
  Publication,
  PublicationBlock,
  PublicationCell,
  PublicationDef,
  PublicationPart,
  PublicationPartDef,
  PublicationRow,
  PublicationTable,
} from '../model/publication';
import type { WorkbookUnit } from '../model/document';
import type { TemplateDef } from '../model/template';

/** Parts of a template without a publication: 情况说明 parts, the tables after the first one. */
export function defaultPublication(tpl: TemplateDef): PublicationDef {
  const sections = (tpl.narrative?.sections ?? []).map((s): PublicationPartDef => ({ kind: 'narrative', section: s.id }));
  const tables: PublicationPartDef = { kind: 'tables', title: '第二部分 {year}年部门决算表' };
  const parts = (tpl.parts ?? []).map((p): PublicationPartDef => ({ kind: 'part', part: p.id }));
  return { title: '{dept}{year}年度部门决算', parts: [...(sections.length ? [sections[0]!, tables, ...sections.slice(1)] : [tables]), ...parts] };
}

/** What the 情况说明 tab shows, in the publication's order: its sections, and 第二部分 as a list of the tables. */
export type NarrativeOutlineItem =
  | { kind: 'section'; id: string }
  | { kind: 'tables'; title: string; tables: { id: string; publicNo: string; title: string }[] };

export function narrativeOutline(tpl: TemplateDef, vars: { dept: string; year: number }): NarrativeOutlineItem[] {
  const def = tpl.publication ?? defaultPublication(tpl);
  const byId = new Map(tpl.tables.map((t) => [t.id as string, t]));
  const out: NarrativeOutlineItem[] = [];
  for (const p of def.parts) {
    if (p.kind === 'narrative') out.push({ kind: 'section', id: p.section });
    if (p.kind !== 'tables') continue;
    const tables = (p.tables ?? tpl.tables.map((t) => t.id)).flatMap((id) => {
      const t = byId.get(id);
      return t ? [{ id: t.id as string, publicNo: t.publicNo, title: t.title }] : [];
    });
    out.push({ kind: 'tables', title: fill(p.title, vars), tables });
  }
  // A 情况说明 section the publication leaves out is still shown, after the others.
  const listed = new Set(out.flatMap((o) => (o.kind === 'section' ? [o.id] : [])));
  for (const s of tpl.narrative?.sections ?? []) if (!listed.has(s.id)) out.push({ kind: 'section', id: s.id });
  return out;
}

function fill(text: string, vars: { dept: string; year: number }): string {
  return text.replaceAll('{dept}', vars.dept).replaceAll('{year}', String(vars.year));
}

function align(cell: SheetLayout['cells'][number][number], rowKind: string): CellAlign {
  if (!cell) return 'left';
  if (cell.t !== 'text') return 'right';
  switch (cell.role) {
    case 'header':
    case 'lineNo':
    case 'title':
      return 'center';
    case 'total':
      return cell.indent ? 'left' : 'center';
    case 'publicNo':
      return 'right';
    default:
      return rowKind === 'header' ? 'center' : 'left';
  }
}

/** One laid-out table as printed rows: display text, merges as spans, covered cells null. */
export function publicationTable(layout: SheetLayout, values: ReturnType<WorkbookEngine['sheetValues']>): PublicationTable {
  const span = new Map<string, { rowspan: number; colspan: number }>();
  const covered = new Set<string>();
  for (const m of layout.merges) {
    span.set(`${m.row},${m.col}`, { rowspan: m.rowspan, colspan: m.colspan });
    for (let r = m.row; r < m.row + m.rowspan; r++)
      for (let c = m.col; c < m.col + m.colspan; c++) if (r !== m.row || c !== m.col) covered.add(`${r},${c}`);
  }
  const meta: string[] = [];
  const header: PublicationRow[] = [];
  const body: PublicationRow[] = [];
  const notes: string[] = [];
  layout.cells.forEach((row, r) => {
    const kind = layout.rowKinds[r] ?? 'item';
    if (kind === 'title') {
      for (const cell of row) if (cell?.t === 'text' && cell.role === 'meta') meta.push(cell.text);
      return;
    }
    if (kind === 'note') {
      for (const cell of row) if (cell?.t === 'text' && cell.text) notes.push(cell.text);
      return;
    }
    const cells = row.map((cell, c): PublicationCell | null => {
      if (covered.has(`${r},${c}`)) return null;
      const s = span.get(`${r},${c}`) ?? { rowspan: 1, colspan: 1 };
      const text = displayText(cell, toGridValue(cell, values[r]?.[c] ?? null), layout.zero);
      const isText = !cell || cell.t === 'text';
      return {
        text,
        ...s,
        align: align(cell, kind),
        indent: cell?.t === 'text' ? (cell.indent ?? 0) : 0,
        bold: kind === 'header' || kind === 'total' || kind === 'footer' || (cell?.t === 'text' && cell.role === 'total'),
        numeric: !isText,
      };
    });
    (kind === 'header' ? header : body).push({ kind, cells });
  });
  return {
    id: layout.id,
    publicNo: layout.printPublicNo === false ? '' : layout.publicNo,
    number: layout.publicNo,
    title: layout.title,
    department: meta[0] ?? '',
    unit: meta.length > 1 ? meta[meta.length - 1]! : '',
    colWidths: layout.colWidths,
    header,
    body,
    notes,
  };
}

/** 公开06表 一般公共…; 六、一般公共… where the number is an ordinal with its 、. */
const tocEntry = (t: PublicationTable) => `${t.number}${t.number.endsWith('、') ? '' : ' '}${t.title}`;

const UNIT_WIDTHS = [8, 40, 30];

/** The 部门决算单位构成 list as a printed table (序号, 单位名称, 备注). */
export function unitsTable(units: readonly WorkbookUnit[]): PublicationTable {
  const cell = (text: string, align: CellAlign, bold = false): PublicationCell => ({ text, colspan: 1, rowspan: 1, align, indent: 0, bold, numeric: false });
  return {
    id: 'units',
    publicNo: '',
    number: '',
    title: '',
    department: '',
    unit: '',
    colWidths: UNIT_WIDTHS,
    header: [{ kind: 'header', cells: ['序号', '单位名称', '备注'].map((t) => cell(t, 'center', true)) }],
    body: units.map((u, i) => ({ kind: 'item', cells: [cell(String(i + 1), 'center'), cell(u.name, 'left'), cell(u.note, 'left')] })),
    notes: [],
  };
}

function sectionBlocks(s: RenderedSection, after?: (id: string) => PublicationBlock[]): PublicationBlock[] {
  return [
    ...s.paragraphs.map((p): PublicationBlock => ({ kind: 'paragraph', text: paragraphText(p) })),
    ...(after?.(s.id) ?? []),
    ...s.sections.flatMap((sub): PublicationBlock[] => [{ kind: 'heading', level: sub.depth, text: sub.title }, ...sectionBlocks(sub, after)]),
  ];
}

interface BuildContext {
  engine: WorkbookEngine;
  /** Blocks printed after the subsection with this id (the 部门决算单位构成 table). */
  after: (id: string) => PublicationBlock[];
  vars: { dept: string; year: number };
  narrative: () => RenderedNarrative;
}

/** One builder per kind of part: a new kind is one more entry. */
const PART_BUILDERS: { [K in PublicationPartDef['kind']]: (def: Extract<PublicationPartDef, { kind: K }>, ctx: BuildContext) => PublicationPart | null } = {
  narrative(def, ctx) {
    const s = ctx.narrative().sections.find((x) => x.id === def.section);
    return s ? { id: s.id, title: s.title, blocks: sectionBlocks(s, ctx.after) } : null;
  },
  tables(def, ctx) {
    const ids = def.tables ?? ctx.engine.template.tables.map((t) => t.id);
    const blocks = ids.map((id): PublicationBlock => ({ kind: 'table', table: publicationTable(ctx.engine.sheet(id as never), ctx.engine.sheetValues(id as never)) }));
    return { id: 'tables', title: fill(def.title, ctx.vars), blocks };
  },
  part(def, ctx) {
    if (!templateParts(ctx.engine).some((p) => p.id === def.part)) return null;
    // The part's first top section is its heading (第五部分 附件); any further ones follow as headings.
    const [first, ...rest] = renderPart(ctx.engine, def.part).sections;
    if (!first) return null;
    const blocks = [...sectionBlocks(first), ...rest.flatMap((s): PublicationBlock[] => [{ kind: 'heading', level: 1, text: s.title }, ...sectionBlocks(s)])];
    return { id: def.part, title: first.title, blocks };
  },
};

function buildPart(def: PublicationPartDef, ctx: BuildContext): PublicationPart | null {
  return (PART_BUILDERS[def.kind] as (d: PublicationPartDef, c: BuildContext) => PublicationPart | null)(def, ctx);
}

/** The whole publication of the workbook now (a snapshot), in the template's order. */
export function buildPublication(engine: WorkbookEngine): Publication {
  const { department, year } = engine.document().meta;
  const vars = { dept: department, year };
  let rendered: RenderedNarrative | undefined;
  const def = engine.template.publication ?? defaultPublication(engine.template);
  const units = engine.document().units;
  const unitBlocks = (): PublicationBlock[] => (units.length ? [{ kind: 'table', table: unitsTable(units) }] : []);
  let placed = false;
  const after = (id: string): PublicationBlock[] => (id === def.unitsAfter ? ((placed = true), unitBlocks()) : []);
  const ctx: BuildContext = { engine, vars, after, narrative: () => (rendered ??= renderNarrative(engine)) };
  const parts = def.parts.map((p) => buildPart(p, ctx)).filter((p): p is PublicationPart => p !== null);
  // No (or no rendered) place for the list: the end of the first part.
  if (!placed && units.length && parts[0]) parts[0] = { ...parts[0], blocks: [...parts[0].blocks, ...unitBlocks()] };
  const toc = parts.flatMap((p) => [
    { level: 0, text: p.title },
    ...p.blocks.flatMap((b) =>
      b.kind === 'heading' && b.level === 1 ? [{ level: 1, text: b.text }] : b.kind === 'table' && b.table.number ? [{ level: 1, text: tocEntry(b.table) }] : [],
    ),
  ]);
  return { cover: { department, year, title: fill(def.title, vars) }, toc, parts };
}

/** Every text of the publication in reading order (tests, plain-text checks). */
export function publicationText(p: Publication): string[] {
  const out = [p.cover.title, ...p.toc.map((t) => t.text)];
  for (const part of p.parts) {
    out.push(part.title);
    for (const b of part.blocks) {
      if (b.kind === 'table') {
        const t = b.table;
        out.push(t.title, t.publicNo, t.department, t.unit);
        for (const row of [...t.header, ...t.body]) for (const c of row.cells) if (c?.text) out.push(c.text);
        out.push(...t.notes);
      } else out.push(b.text);
    }
  }
  return out;
}
