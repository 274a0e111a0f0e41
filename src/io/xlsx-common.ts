// What the XLSX writer and reader agree on: sheet names, the hidden marker, formula sheet-name
// rewriting, and the lazy ExcelJS loader. Plain data only: no engine, no DOM.
import type { SheetLayout } from '../model/layout';
import type { WorkbookDocument } from '../model/document';
import { DERIVED_SHEET_IDS } from '../model/ids';

/** Values as `engine.sheetValues()` returns them (kept structural so src/io needs no engine). */
export type ExportValue = number | string | null | { error: string };

/** The very hidden sheet holding the marker JSON (split over A1, A2, … to stay under Excel's 32,767-character cell limit). */
export const MARKER_SHEET = '_meta';
export const MARKER_TYPE = 'juesuan-xlsx' as const;
/** Bump when the marker's shape changes; the reader refuses newer ones. */
export const MARKER_VERSION = 1 as const;
export const MARKER_CHUNK = 30_000;

/** The document without its inputs: inputs are read back from the sheets, so edits in Excel count. */
export type MarkerDocument = Omit<WorkbookDocument, 'inputs'>;

export interface XlsxMarker {
  type: typeof MARKER_TYPE;
  markerVersion: number;
  document: MarkerDocument;
}

export const NARRATIVE_SHEET = '情况说明';

const FIXED_NAMES: Record<string, string> = { sup: '补充资料', fig: '关键数据', audit: '审核' };

/** The derived sheets' names (关键数据, 审核): the same in every template. */
export const DERIVED_SHEET_NAMES: readonly string[] = DERIVED_SHEET_IDS.map((id) => FIXED_NAMES[id]!);

/** 公开01表 … 公开09表 for tables (their publicNo), 补充资料 / 关键数据 / 审核 for the rest. */
export function xlsxSheetName(layout: Pick<SheetLayout, 'id' | 'publicNo'>): string {
  return FIXED_NAMES[layout.id] ?? layout.publicNo;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** ExcelJS is ~900 KB: imported only when a file is written or read, so Vite gives it its own chunk. */
export async function loadExcelJS(): Promise<typeof import('exceljs')> {
  return (await import('exceljs')).default;
}

type Token = { kind: 'sheet'; name: string } | { kind: 'string'; text: string } | { kind: 'other'; text: string };

// Characters that end an unquoted name (a sheet name before '!', a function, a reference).
const DELIMITERS = new Set([...`'"!(),+-*/^&=<>:;{}% \t\r\n`]);

/** Splits a formula into string literals, sheet prefixes (`'x'!` or `x!`, the '!' consumed) and the rest. */
function tokenize(formula: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  let other = '';
  const flush = (): void => {
    if (other) out.push({ kind: 'other', text: other });
    other = '';
  };
  while (i < formula.length) {
    const ch = formula[i]!;
    if (ch === '"' || ch === "'") {
      // Both quote styles double their quote character to escape it.
      let j = i + 1;
      let text = '';
      while (j < formula.length) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) {
            text += ch;
            j += 2;
            continue;
          }
          break;
        }
        text += formula[j];
        j++;
      }
      flush();
      if (ch === "'" && formula[j + 1] === '!') {
        out.push({ kind: 'sheet', name: text });
        i = j + 2;
      } else {
        out.push(ch === '"' ? { kind: 'string', text } : { kind: 'other', text: `'${text.replace(/'/g, "''")}'` });
        i = j + 1;
      }
      continue;
    }
    if (!DELIMITERS.has(ch)) {
      let j = i;
      while (j < formula.length && !DELIMITERS.has(formula[j]!)) j++;
      const word = formula.slice(i, j);
      if (formula[j] === '!') {
        flush();
        out.push({ kind: 'sheet', name: word });
        i = j + 1;
      } else {
        other += word;
        i = j;
      }
      continue;
    }
    other += ch;
    i++;
  }
  flush();
  return out;
}

const quoted = (name: string): string => `'${name.replace(/'/g, "''")}'!`;
const literal = (text: string): string => `"${text.replace(/"/g, '""')}"`;

const QUOTED_SHEET = /'([^']*)'!/g;
/** A quoted sheet prefix without '' inside, or a bare one: a run of non-DELIMITERS before '!'. */
const SHEET_PREFIX = /'([^']*)'!|([^'"!(),+\-*/^&=<>:;{}% \t\r\n]+)!/g;

/** Rewrites every sheet prefix through `rename` (always quoted on output); everything else is kept verbatim. */
export function renameSheetRefs(formula: string, rename: (name: string) => string): string {
  // The template's formulas have no string literal where they name other sheets, and quote only
  // sheet names: then one regex finds the prefixes tokenize would (the exporter writes, and the
  // importer compares, thousands of 审核 formulas).
  if (!formula.includes('"') && !formula.replace(QUOTED_SHEET, '').includes("'")) {
    return formula.replace(SHEET_PREFIX, (_, inQuotes: string | undefined, bare: string | undefined) => quoted(rename(inQuotes ?? bare!)));
  }
  return tokenize(formula)
    .map((t) => (t.kind === 'sheet' ? quoted(rename(t.name)) : t.kind === 'string' ? literal(t.text) : t.text))
    .join('');
}

/**
 * Canonical form for comparing a file's formula with the template's: no '=', no '$', no spaces,
 * upper case outside string literals, no `_xlfn.` prefixes, and sheet names (quoted or not,
 * as LibreOffice and Excel write CJK names unquoted) mapped to engine ids through `nameToId`
 * (keys upper-case).
 */
export function normalizeFormula(formula: string, nameToId: ReadonlyMap<string, string>): string {
  const body = formula.trim().replace(/^=/, '');
  return tokenize(body)
    .map((t) => {
      if (t.kind === 'sheet') return quoted(nameToId.get(t.name.toUpperCase()) ?? t.name.toUpperCase());
      if (t.kind === 'string') return literal(t.text);
      return t.text.replace(/[$\s]/g, '').toUpperCase().replace(/_XL(FN|WS)\./g, '');
    })
    .join('');
}
