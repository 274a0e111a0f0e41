// Finds a template's tables in a read PDF by the titles the template prints, the department and
// year on the cover, and which built-in template fits the document best. Works on the plain page
// layouts of src/io/pdf-grid; knows templates only through their data (titles, years).
import type { PageLayout, PdfGrid, PdfLine } from '../io/pdf-grid';
import type { TableDef, TemplateDef } from '../model/template';

/** Text compared without blanks, with brackets and quotes folded and a leading number dropped. */
export function squash(s: string): string {
  return s
    .replace(/\s+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/["“”]/g, '“')
    .replace(/^(?:公开\d+表|表[一二三四五六七八九十]+|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[、.．])/, '');
}

/** The bare table title a line prints, if any: 「收入支出决算总表（续）」, 「XX局2024年度收入决算表」. */
function titleMatches(line: string, title: string): boolean {
  const l = squash(line).replace(/（续(?:表)?）$|续表$/, '');
  const t = squash(title);
  if (l === t) return true;
  // A department/year prefix before the title; never a longer title that merely ends the same way.
  if (!l.endsWith(t)) return false;
  const prefix = l.slice(0, -t.length);
  return /\d{4}年度?$|部门$|单位$/.test(prefix) && prefix.length <= 40;
}

export interface TablePlace {
  def: TableDef;
  /** The title line on the table's first page. */
  title: PdfLine;
  /** The table's grids in page order (its first page and its continuation pages). */
  grids: PdfGrid[];
  pages: number[];
  /** 单位：… as printed near the title ('' when not printed). */
  unit: string;
}

const before = (a: { page: number; y: number }, b: { page: number; y: number }) => a.page < b.page || (a.page === b.page && a.y < b.y);

/** A page of running text (the 情况说明), not a table's continuation page. */
const isTextPage = (p: PageLayout) => p.lines.filter((l) => squash(l.text).length >= 28).length >= 2;

/**
 * Where each table of the template is printed. A title printed in the contents (目录) and again on
 * the table page counts where a grid follows it, else at its last occurrence.
 */
export function locateTables(pages: readonly PageLayout[], template: TemplateDef): TablePlace[] {
  const anchors: { def: TableDef; line: PdfLine }[] = [];
  for (const def of template.tables) {
    const hits = pages.flatMap((p) => p.lines.filter((l) => titleMatches(l.text, def.title)));
    // A longer title of another table may contain this one (支出决算表 / 一般公共预算财政拨款支出决算表): squash equality wins.
    const withGrid = hits.filter((l) => pages.find((p) => p.page === l.page)?.grids.some((g) => g.box.y > l.box.y));
    const pick = withGrid[0] ?? hits[hits.length - 1];
    if (pick) anchors.push({ def, line: pick });
  }
  anchors.sort((a, b) => (before({ page: a.line.page, y: a.line.box.y }, { page: b.line.page, y: b.line.box.y }) ? -1 : 1));
  return anchors.map((a, i) => {
    const start = { page: a.line.page, y: a.line.box.y };
    const next = anchors[i + 1];
    const end = next ? { page: next.line.page, y: next.line.box.y } : { page: Infinity, y: 0 };
    const grids: PdfGrid[] = [];
    for (const p of pages) {
      if (p.page < start.page) continue;
      // A table continues over the pages after its title until running text begins.
      if (p.page > start.page && isTextPage(p)) break;
      for (const g of p.grids) {
        const at = { page: p.page, y: g.box.y };
        if (before(start, at) && before(at, end)) grids.push(g);
      }
    }
    const unitLine = pages.find((p) => p.page === a.line.page)?.lines.find((l) => l.box.y > a.line.box.y - 1 && /单位[:：]/.test(l.text));
    const unit = unitLine ? (/单位[:：]\s*(\S+)/.exec(unitLine.text)?.[1] ?? '') : '';
    return { def: a.def, title: a.line, grids, pages: [...new Set([a.line.page, ...grids.map((g) => g.page)])], unit };
  });
}

export interface DocumentGuess {
  department: string;
  year: number | null;
}

/** 部门 and 年度 from the cover (first page), else the first lines naming 年度部门决算, else the PDF title. */
export function guessMeta(pages: readonly PageLayout[], pdfTitle: string): DocumentGuess {
  const texts = [pages[0]?.lines.map((l) => l.text).join('') ?? '', ...pages.slice(0, 4).flatMap((p) => p.lines.map((l) => l.text)), pdfTitle];
  for (const t of texts) {
    const s = t.replace(/\s+/g, '');
    const m = /^(?:第.部分)?(.{2,40}?)(20\d{2})年度?部门决算/.exec(s);
    if (m) return { department: m[1]!, year: Number(m[2]) };
    const m2 = /(20\d{2})年度?(.{2,40}?)部门决算/.exec(s);
    if (m2) return { department: m2[2]!, year: Number(m2[1]) };
  }
  const y = /(20\d{2})\s*年/.exec(texts.join(''));
  return { department: '', year: y ? Number(y[1]) : null };
}

export interface TemplateProposal {
  templateId: string;
  /** Titles of that template found as table titles, out of its table count. */
  found: number;
  of: number;
}

/**
 * The template to propose: among those whose years include the document's year (all, when the
 * year is unknown), the one whose table titles the document prints most; ties keep list order.
 */
export function proposeTemplate(pages: readonly PageLayout[], year: number | null, templates: readonly TemplateDef[]): TemplateProposal[] {
  const fits = (t: TemplateDef) => year === null || (year >= t.years.from && (t.years.to === undefined || year <= t.years.to));
  return templates
    .map((t, order) => ({ t, order, found: locateTables(pages, t).length }))
    .sort((a, b) => Number(fits(b.t)) - Number(fits(a.t)) || b.found - a.found || a.order - b.order)
    .map(({ t, found }) => ({ templateId: t.id, found, of: t.tables.length }));
}
