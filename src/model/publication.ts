// The published disclosure as one ordered document (cover, 目录, 第一部分 … 第五部分): the template
// says which parts come in which order (PublicationDef); src/app/publication builds the plain
// Publication from the live workbook; src/io writes it as Word or a print document.
// Types only; imports nothing outside model/.

/** Text with the built-ins {dept} and {year}. */
export type PublicationText = string;

/**
 * One part of the published document, in order. A new kind of part is one more member here and
 * one more builder in src/app/publication.ts; the writers only know blocks (headings, paragraphs, tables).
 */
export type PublicationPartDef =
  /** A top-level section of the template's 情况说明 (第一部分 概况, 第三部分 情况说明, 第四部分 名词解释 …). */
  | { kind: 'narrative'; section: string }
  /** The tables (default: every table of the template, in template order), under one heading. */
  | { kind: 'tables'; title: PublicationText; tables?: string[] }
  /** A further part the template declares (TemplateDef.parts: 第五部分 附件 绩效自评报告 …), by its id. */
  | { kind: 'part'; part: string };

export interface PublicationDef {
  /** Cover title, e.g. {dept}{year}年度部门决算. */
  title: PublicationText;
  parts: PublicationPartDef[];
  /**
   * The 情况说明 subsection (id) under which the workbook's 部门决算单位构成 list prints as a table
   * (序号, 单位名称, 备注); absent: the list prints at the end of the first part.
   */
  unitsAfter?: string;
}

export type CellAlign = 'left' | 'center' | 'right';

/** One printed table cell; `null` in a row marks a cell covered by a merge. */
export interface PublicationCell {
  text: string;
  colspan: number;
  rowspan: number;
  align: CellAlign;
  /** Indent level of a label (款 1, 项 2). */
  indent: number;
  bold: boolean;
  /** A figure (right-aligned, kept on one line). */
  numeric: boolean;
}

export interface PublicationRow {
  /** The layout's row kind (header, total, class, item, pad, footer …). */
  kind: string;
  cells: (PublicationCell | null)[];
}

export interface PublicationTable {
  id: string;
  /** 公开06表, printed above the table ('' where the template numbers tables in the contents only). */
  publicNo: string;
  /** The number in the contents (公开06表, 六、). */
  number: string;
  title: string;
  /** 部门：… */
  department: string;
  /** 单位：万元 */
  unit: string;
  /** Relative column widths (template characters). */
  colWidths: number[];
  /** Header rows (repeated on every printed page), merges as spans. */
  header: PublicationRow[];
  body: PublicationRow[];
  /** 注 lines, then the empty-table note when the table has no data. */
  notes: string[];
}

export type PublicationBlock =
  /** level 0: 第…部分; 1: 一、…; 2: （一）… */
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; table: PublicationTable };

export interface PublicationPart {
  id: string;
  title: string;
  /** Blocks after the part's own title. */
  blocks: PublicationBlock[];
}

export interface TocEntry {
  level: number;
  text: string;
}

export interface Publication {
  cover: { department: string; year: number; title: string };
  toc: TocEntry[];
  parts: PublicationPart[];
}
