// Writes the Publication (plain data from src/app/publication) as a Word document: cover, 目录,
// text parts in portrait sections, each table a real Word table in its own landscape section with
// its header rows repeated on every page, page numbers in the footer. Never sees the engine.
// The `docx` library (MIT, ~1 MB) is imported on demand, so Vite gives it its own chunk.
import type * as Docx from 'docx';
import { unzipSync, zipSync } from 'fflate';
import type { Publication, PublicationBlock, PublicationCell, PublicationRow, PublicationTable } from '../model/publication';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Fonts every Chinese Word/WPS install has; Latin text and digits in Times New Roman. */
export const DOCX_FONTS = { body: '仿宋', heading: '黑体', table: '宋体', latin: 'Times New Roman' } as const;

// A4 in twips (1/20 pt); docx swaps width and height itself for landscape.
const A4 = { width: 11906, height: 16838 };
const PORTRAIT_MARGIN = { top: 1440, bottom: 1440, left: 1588, right: 1474 };
const LANDSCAPE_MARGIN = { top: 1134, bottom: 1134, left: 1134, right: 1134 };
/** Half-points: 三号 16 pt body, 二号 22 pt cover, 五号 10.5 pt tables (9 pt for wide ones). */
const SIZE = { cover: 44, part: 32, h1: 32, h2: 32, body: 32, tableTitle: 36, table: 21, tableSmall: 18, note: 20, toc: 28 };

export async function loadDocx(): Promise<typeof Docx> {
  return import('docx');
}

/** Puts each table's XML where its placeholder paragraph is in word/document.xml. */
function withTables(zip: Uint8Array, tables: readonly string[]): Uint8Array {
  if (!tables.length) return zip;
  const files = unzipSync(zip);
  let xml = new TextDecoder().decode(files['word/document.xml']);
  tables.forEach((table, n) => {
    const at = xml.indexOf(placeholderText(n));
    const start = xml.lastIndexOf('<w:p>', at);
    const end = xml.indexOf('</w:p>', at);
    if (at < 0 || start < 0 || end < 0) throw new Error(`表格 ${n + 1} 的位置在文档中找不到`);
    // The last paragraph of a section carries the section's properties (a table with no 注 under
    // it, e.g. 部门决算单位构成): they stay, in an empty paragraph after the table.
    const pPr = /<w:pPr>[\s\S]*<\/w:pPr>/.exec(xml.slice(start, end))?.[0];
    xml = xml.slice(0, start) + table + (pPr ? `<w:p>${pPr}</w:p>` : '') + xml.slice(end + '</w:p>'.length);
  });
  files['word/document.xml'] = new TextEncoder().encode(xml);
  return zipSync(files, { level: 6 });
}

function fonts(eastAsia: string): Docx.IFontAttributesProperties {
  return { ascii: DOCX_FONTS.latin, hAnsi: DOCX_FONTS.latin, eastAsia, cs: DOCX_FONTS.latin };
}

/** The document, as bytes of a .docx file. */
export async function exportDocx(pub: Publication): Promise<Uint8Array> {
  const d = await loadDocx();
  const tables: string[] = [];
  const doc = new d.Document({
    creator: '决算公开工作簿',
    title: pub.cover.title,
    styles: {
      default: { document: { run: { font: fonts(DOCX_FONTS.body), size: SIZE.body } } },
      paragraphStyles: [
        headingStyle('Heading1', '标题 1', SIZE.part, 0),
        headingStyle('Heading2', '标题 2', SIZE.h1, 1),
        headingStyle('Heading3', '标题 3', SIZE.h2, 2),
        // Table text as styles, not per-run properties: a 500-code table has ~10,000 cells.
        tableStyle('TableText', SIZE.table),
        tableStyle('TableTextSmall', SIZE.tableSmall),
      ],
    },
    sections: sections(d, pub, tables),
  });
  return withTables(new Uint8Array(await d.Packer.toArrayBuffer(doc)), tables);

  function tableStyle(id: string, size: number): Docx.IParagraphStyleOptions {
    return { id, name: id, basedOn: 'Normal', run: { font: fonts(DOCX_FONTS.table), size }, paragraph: { spacing: { line: 240, before: 0, after: 0 } } };
  }

  function headingStyle(id: string, name: string, size: number, level: number): Docx.IParagraphStyleOptions {
    return {
      id,
      name,
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { font: fonts(level === 2 ? '楷体' : DOCX_FONTS.heading), size, bold: level === 0 },
      paragraph: {
        keepNext: true,
        keepLines: true,
        outlineLevel: level,
        spacing: { before: level === 0 ? 240 : 120, after: 120, line: 560, lineRule: 'exact' },
        ...(level === 0 ? { alignment: 'center' } : { indent: { firstLine: 640, firstLineChars: 200 } }),
      },
    };
  }
}

function footer(d: typeof Docx): { default: Docx.Footer } {
  return {
    default: new d.Footer({
      children: [new d.Paragraph({ alignment: d.AlignmentType.CENTER, children: [new d.TextRun({ children: ['— ', d.PageNumber.CURRENT, ' —'], size: 28 })] })],
    }),
  };
}

function portrait(d: typeof Docx, children: Docx.ISectionOptions['children'], withNumbers: boolean): Docx.ISectionOptions {
  return {
    properties: { page: { size: { ...A4, orientation: d.PageOrientation.PORTRAIT }, margin: PORTRAIT_MARGIN } },
    ...(withNumbers ? { footers: footer(d) } : {}),
    children,
  };
}

function landscape(d: typeof Docx, children: Docx.ISectionOptions['children']): Docx.ISectionOptions {
  return {
    properties: { page: { size: { ...A4, orientation: d.PageOrientation.LANDSCAPE }, margin: LANDSCAPE_MARGIN } },
    footers: footer(d),
    children,
  };
}

/** Body text: 仿宋 三号, first line indented by two characters, fixed 28 pt lines. */
function bodyParagraph(d: typeof Docx, text: string): Docx.Paragraph {
  return new d.Paragraph({
    children: [new d.TextRun(text)],
    alignment: d.AlignmentType.JUSTIFIED,
    indent: { firstLine: 640, firstLineChars: 200 },
    spacing: { line: 560, lineRule: 'exact' },
    widowControl: true,
  });
}

function heading(d: typeof Docx, level: number, text: string, pageBreakBefore = false): Docx.Paragraph {
  const style = level <= 0 ? d.HeadingLevel.HEADING_1 : level === 1 ? d.HeadingLevel.HEADING_2 : d.HeadingLevel.HEADING_3;
  return new d.Paragraph({ heading: style, children: [new d.TextRun(text)], keepNext: true, keepLines: true, pageBreakBefore });
}

function cover(d: typeof Docx, pub: Publication): Docx.ISectionOptions {
  const big = (text: string, size: number, before: number) =>
    new d.Paragraph({
      alignment: d.AlignmentType.CENTER,
      spacing: { before, after: 240 },
      children: [new d.TextRun({ text, size, bold: true, font: fonts(DOCX_FONTS.heading) })],
    });
  return portrait(
    d,
    [
      big(pub.cover.department, SIZE.cover, 3600),
      big(`${pub.cover.year}年度部门决算`, SIZE.cover, 240),
      ...(pub.cover.title !== `${pub.cover.department}${pub.cover.year}年度部门决算` ? [big(pub.cover.title, SIZE.part, 480)] : []),
    ],
    false,
  );
}

function toc(d: typeof Docx, pub: Publication): Docx.ISectionOptions {
  return portrait(
    d,
    [
      new d.Paragraph({
        alignment: d.AlignmentType.CENTER,
        spacing: { after: 360 },
        children: [new d.TextRun({ text: '目录', size: SIZE.part, font: fonts(DOCX_FONTS.heading) })],
      }),
      ...pub.toc.map(
        (e) =>
          new d.Paragraph({
            indent: { left: e.level * 640 },
            spacing: { line: 480, lineRule: 'exact' },
            children: [new d.TextRun({ text: e.text, size: SIZE.toc, font: fonts(e.level === 0 ? DOCX_FONTS.heading : DOCX_FONTS.body) })],
          }),
      ),
    ],
    false,
  );
}

/** Landscape text width in twips, which the table spans. */
const TABLE_WIDTH = A4.height - LANDSCAPE_MARGIN.left - LANDSCAPE_MARGIN.right;

const esc = (text: string): string => text.replace(/[&<>"]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : '&quot;'));

function cellXml(c: PublicationCell, width: number, style: string, indentTwips: number, header: boolean, restart: boolean): string {
  let pr = `<w:tcW w:type="dxa" w:w="${width}"/>`;
  if (c.colspan > 1) pr += `<w:gridSpan w:val="${c.colspan}"/>`;
  if (restart) pr += '<w:vMerge w:val="restart"/>';
  if (header) pr += '<w:shd w:fill="F2F2F2" w:color="auto" w:val="clear"/>';
  if (header || restart) pr += '<w:vAlign w:val="center"/>';
  let ppr = `<w:pStyle w:val="${style}"/>`;
  if (c.indent) ppr += `<w:ind w:left="${c.indent * indentTwips}"/>`;
  if (c.align !== 'left') ppr += `<w:jc w:val="${c.align === 'right' ? 'right' : 'center'}"/>`;
  const run = c.text === '' ? '' : `<w:r>${c.bold ? '<w:rPr><w:b/><w:bCs/></w:rPr>' : ''}<w:t xml:space="preserve">${esc(c.text)}</w:t></w:r>`;
  return `<w:tc><w:tcPr>${pr}</w:tcPr><w:p><w:pPr>${ppr}</w:pPr>${run}</w:p></w:tc>`;
}

/**
 * A Word table as WordprocessingML text: fixed layout on the template's column widths, header
 * rows repeated on every page (tblHeader), rows kept whole, merges as gridSpan/vMerge. Written as
 * a string because docx's Table classes and serializer took 5–10 s for the 500-code workbook
 * (~15,000 cells); text is escaped here.
 */
export function tableXml(t: PublicationTable, widths: number[], size: number): string {
  const style = size === SIZE.table ? 'TableText' : 'TableTextSmall';
  const indentTwips = size * 10;
  const span = (from: number, n: number) => widths.slice(from, from + n).reduce((a, b) => a + b, 0);
  const open = new Map<number, { left: number; colspan: number }>();
  const out: string[] = [
    '<w:tbl><w:tblPr>',
    `<w:tblW w:type="dxa" w:w="${TABLE_WIDTH}"/><w:tblBorders>`,
    ...['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((k) => `<w:${k} w:val="single" w:color="auto" w:sz="4"/>`),
    '</w:tblBorders><w:tblLayout w:type="fixed"/>',
    '<w:tblCellMar><w:top w:type="dxa" w:w="20"/><w:left w:type="dxa" w:w="60"/><w:bottom w:type="dxa" w:w="20"/><w:right w:type="dxa" w:w="60"/></w:tblCellMar>',
    '</w:tblPr><w:tblGrid>',
    ...widths.map((w) => `<w:gridCol w:w="${w}"/>`),
    '</w:tblGrid>',
  ];
  const row = (r: PublicationRow, header: boolean): void => {
    out.push(`<w:tr><w:trPr><w:cantSplit/>${header ? '<w:tblHeader/>' : ''}</w:trPr>`);
    for (let c = 0; c < r.cells.length; ) {
      const cont = open.get(c);
      if (cont) {
        // Word wants a continuation cell in every row a vertical merge covers.
        out.push(`<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${span(c, cont.colspan)}"/>${cont.colspan > 1 ? `<w:gridSpan w:val="${cont.colspan}"/>` : ''}<w:vMerge/></w:tcPr><w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr></w:p></w:tc>`);
        if (--cont.left === 0) open.delete(c);
        c += cont.colspan;
        continue;
      }
      const cell = r.cells[c];
      if (!cell) {
        c++;
        continue;
      }
      if (cell.rowspan > 1) open.set(c, { left: cell.rowspan - 1, colspan: cell.colspan });
      out.push(cellXml(cell, span(c, cell.colspan), style, indentTwips, header, cell.rowspan > 1));
      c += cell.colspan;
    }
    out.push('</w:tr>');
  };
  t.header.forEach((r) => row(r, true));
  t.body.forEach((r) => row(r, false));
  out.push('</w:tbl>');
  return out.join('');
}

/** A paragraph the table replaces after packing (its run's exact XML is known). */
const placeholder = (n: number): string => `\u27e6TABLE-${n}\u27e7`;
const placeholderText = (n: number): string => `<w:t xml:space="preserve">${placeholder(n)}</w:t>`;

function tableBlock(d: typeof Docx, t: PublicationTable, tables: string[]): Docx.ISectionOptions['children'] {
  const total = t.colWidths.reduce((a, b) => a + b, 0) || 1;
  const widths = t.colWidths.map((w) => Math.floor((w / total) * TABLE_WIDTH));
  const size = t.colWidths.length > 8 ? SIZE.tableSmall : SIZE.table;
  const line = (children: Docx.ParagraphChild[], alignment: Docx.IParagraphOptions['alignment'], keep = true) =>
    new d.Paragraph({ alignment, keepNext: keep, children });
  const small = (text: string) => new d.TextRun({ text, size: SIZE.note, font: fonts(DOCX_FONTS.table) });
  // A table without title, number or meta lines (部门决算单位构成) prints just its grid.
  return [
    ...(t.title
      ? [
          new d.Paragraph({
            alignment: d.AlignmentType.CENTER,
            keepNext: true,
            outlineLevel: 1,
            spacing: { after: 120 },
            children: [new d.TextRun({ text: t.title, size: SIZE.tableTitle, bold: true, font: fonts(DOCX_FONTS.table) })],
          }),
        ]
      : []),
    ...(t.publicNo ? [line([small(t.publicNo)], d.AlignmentType.RIGHT)] : []),
    ...(t.department || t.unit
      ? [
          new d.Paragraph({
            keepNext: true,
            tabStops: [{ type: d.TabStopType.RIGHT, position: TABLE_WIDTH }],
            children: [small(t.department), new d.TextRun({ children: [new d.Tab()] }), small(t.unit)],
          }),
        ]
      : []),
    new d.Paragraph({ children: [new d.TextRun(placeholder(tables.push(tableXml(t, widths, size)) - 1))] }),
    ...t.notes.map((n) => line([small(n)], d.AlignmentType.LEFT, false)),
  ];
}

function sections(d: typeof Docx, pub: Publication, tables: string[]): Docx.ISectionOptions[] {
  const out: Docx.ISectionOptions[] = [cover(d, pub), toc(d, pub)];
  for (const part of pub.parts) {
    // Text runs go into portrait sections; every table gets a landscape section of its own.
    let text: Docx.Paragraph[] = [heading(d, 0, part.title)];
    const flush = () => {
      if (text.length) out.push(portrait(d, text, true));
      text = [];
    };
    let pendingTitle = true;
    for (const b of part.blocks) {
      if (b.kind === 'table') {
        // A part that is only tables keeps its title on the first table's page.
        const lead = pendingTitle && text.length === 1 ? text.splice(0) : [];
        flush();
        out.push(landscape(d, [...lead, ...tableBlock(d, b.table, tables)]));
      } else {
        text.push(blockParagraph(d, b));
      }
      pendingTitle = false;
    }
    flush();
  }
  // Page 1 is the first page of 第一部分: the cover and the 目录 are not numbered.
  const first = out[2];
  if (first) out[2] = { ...first, properties: { ...first.properties, page: { ...first.properties?.page, pageNumbers: { start: 1 } } } };
  return out;
}

function blockParagraph(d: typeof Docx, b: Exclude<PublicationBlock, { kind: 'table' }>): Docx.Paragraph {
  return b.kind === 'heading' ? heading(d, b.level, b.text) : bodyParagraph(d, b.text);
}

/** 蓝山县行政审批服务局2021年度部门决算公开.docx (characters Windows forbids in names replaced). */
export function publicationFileName(cover: Publication['cover'], ext: 'docx' | 'pdf'): string {
  const dept = [...cover.department].map((ch) => (ch < ' ' || '\\/:*?"<>|'.includes(ch) ? '_' : ch)).join('').trim();
  return `${dept}${cover.year}年度部门决算公开.${ext}`;
}
