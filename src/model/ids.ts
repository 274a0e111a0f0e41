// Stable identifiers shared by every layer. Imports nothing.

/**
 * A table's sheet id: short ASCII, chosen by its template (formulas name sheets by it; display
 * titles live in the template). The set is open: a template lists its own tables.
 */
export type TableId = string;

/** The 补充资料 sheet holds the narrative's inputs that no table has (every template has one). */
export const SUPPLEMENT_ID = 'sup' as const;
/** A sheet that can hold inputs: one of the template's tables, or 补充资料. */
export type SheetId = TableId;

/** Sheets every layout adds after the template's tables; derived only, never inputs. */
export const DERIVED_SHEET_IDS = ['fig', 'audit'] as const;

/** True for a sheet that may carry inputs (a table or 补充资料), false for 关键数据 and 审核. */
export function isInputSheet(id: string): boolean {
  return !(DERIVED_SHEET_IDS as readonly string[]).includes(id);
}

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

/** 类 = 3 digits, 款 = 5, 项 = 7 (功能分类); 经济分类 类 = 3, 款 = 5. */
export function codeLevel(code: string): 1 | 2 | 3 {
  return code.length <= 3 ? 1 : code.length <= 5 ? 2 : 3;
}
export const isFunctionItemCode = (code: string): boolean => /^\d{7}$/.test(code);
export const isEconomicItemCode = (code: string): boolean => /^\d{5}$/.test(code);
