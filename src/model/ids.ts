// Stable identifiers shared by every layer. Imports nothing.

/** Engine sheet ids. Formulas name sheets by these; display titles live in the template. */
export const TABLE_IDS = ['t01', 't02', 't03', 't04', 't05', 't06', 't07', 't08', 't09'] as const;
export type TableId = (typeof TABLE_IDS)[number];

/** The 补充资料 sheet holds the narrative's inputs that no table has. */
export const SUPPLEMENT_ID = 'sup' as const;
export type SheetId = TableId | typeof SUPPLEMENT_ID;
export const SHEET_IDS: readonly SheetId[] = [...TABLE_IDS, SUPPLEMENT_ID];

/** Funds that own function-classification codes: 一般公共预算, 政府性基金, 国有资本经营. */
export const FUNDS = ['gpb', 'gf', 'soe'] as const;
export type Fund = (typeof FUNDS)[number];

export const FUND_LABELS: Record<Fund, string> = {
  gpb: '一般公共预算',
  gf: '政府性基金预算',
  soe: '国有资本经营预算',
};

export interface CellRef {
  sheet: SheetId;
  row: string;
  col: string;
}

export function cellKey(ref: CellRef): string {
  return `${ref.sheet}:${ref.row}:${ref.col}`;
}

export function isSheetId(x: unknown): x is SheetId {
  return typeof x === 'string' && (SHEET_IDS as readonly string[]).includes(x);
}

/** 类 = 3 digits, 款 = 5, 项 = 7 (功能分类); 经济分类 类 = 3, 款 = 5. */
export function codeLevel(code: string): 1 | 2 | 3 {
  return code.length <= 3 ? 1 : code.length <= 5 ? 2 : 3;
}
export const isFunctionItemCode = (code: string): boolean => /^\d{7}$/.test(code);
export const isEconomicItemCode = (code: string): boolean => /^\d{5}$/.test(code);
