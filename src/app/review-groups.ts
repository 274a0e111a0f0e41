// The group of a 审核 finding for a review: 表内 (inside one table, its printed totals included),
// 表间 (between tables), 表文 (a table against the 情况说明's figures), 文内 (within the 情况说明).
// Read from the rule's own data — the cells it compares, the formula of a printed cell — never
// from a list of rule ids, so a template's new rule falls in its group by itself.
import { CARRIED_TEXT_RULE, PRINTED_RULE, type Finding, type WorkbookEngine } from '../engine';
import { referencedCells } from '../engine/formula';
import { reviewNarrativeText, TEXT_FINDING_CLASS } from '../engine/text-review';
import type { WorkbookDocument } from '../model/document';
import { SUPPLEMENT_ID } from '../model/ids';
import { openWorkbook } from './templates';

export const FINDING_GROUPS = ['表内', '表间', '表文', '文内'] as const;
export type FindingGroup = (typeof FINDING_GROUPS)[number];

/** What each group means, for reports. */
export const GROUP_HINT: Record<FindingGroup, string> = {
  表内: '表内：同一张表内的合计、小计与明细',
  表间: '表间：不同表之间应相等或相关的数字',
  表文: '表文：情况说明中的数字与表中数字',
  文内: '文内：情况说明内部的数字与表述',
};

const DERIVED = new Set(['fig', 'audit']);

function groupOfSheets(sheets: Set<string>): FindingGroup {
  const tables = [...sheets].filter((s) => s !== SUPPLEMENT_ID && !DERIVED.has(s));
  const text = sheets.has(SUPPLEMENT_ID);
  if (text) return tables.length ? '表文' : '文内';
  return tables.length > 1 ? '表间' : '表内';
}

/** The group of one finding of `engine.audit()` (or of a text check that states its own). */
export function findingGroup(engine: WorkbookEngine, f: Finding & { group?: FindingGroup }): FindingGroup {
  if (f.group) return f.group;
  if (f.ruleId === CARRIED_TEXT_RULE) return '文内';
  if (f.ruleId === PRINTED_RULE) {
    // A printed total compared with its formula: the tables that formula reads.
    const at = f.cells[0];
    if (!at) return '表内';
    const layout = engine.sheet(at.sheet);
    const p = layout.index.get(`${at.row}|${at.col}`);
    const cell = p ? layout.cells[p.r]![p.c] : null;
    const refs = cell?.t === 'formula' ? referencedCells(cell.source, at.sheet, at.row) : [];
    return groupOfSheets(new Set([at.sheet, ...refs.map((r) => r.sheet)]));
  }
  return groupOfSheets(new Set(f.cells.map((c) => c.sheet)));
}

export interface ReviewFinding {
  group: FindingGroup;
  severity: Finding['severity'];
  title: string;
  message: string;
}

/**
 * The 审核 of a workbook as the app runs it, each finding with its group, then the 表文核对 of its
 * published text (a PDF's running text), whose findings state their own group (表文/文内).
 */
export function reviewFindings(doc: WorkbookDocument): ReviewFinding[] {
  const engine = openWorkbook(doc);
  try {
    const tables = engine.audit().map((f) => ({ group: findingGroup(engine, f), severity: f.severity, title: f.title, message: f.message }));
    const text = doc.publishedText?.text ? reviewNarrativeText(engine, doc.publishedText.text) : [];
    return [...tables, ...text.map((f) => ({ group: f.group, severity: f.severity, title: TEXT_FINDING_CLASS[f.class], message: f.message }))];
  } finally {
    engine.destroy();
  }
}
