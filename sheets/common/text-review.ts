// 表文核对 data shared by the template families whose published 情况说明 share wording: the
// template's alternatives left in a text (residue), the words published texts use for the
// template's own, and which figures of a text must add up. Per family: see each index.ts.
import type { TextReviewDef } from '../../src/model/text-review';

/** Alternatives and placeholders of the templates (“增加（减少）X万元，增长（下降）X%”) left unchosen. */
export const RESIDUE: TextReviewDef['residue'] = [
  { text: '增加（减少）', hint: '按实际增减只写“增加”或“减少”' },
  { text: '减少（增加）', hint: '按实际增减只写“增加”或“减少”' },
  { text: '增长（下降）', hint: '按实际增减只写“增长”或“下降”' },
  { text: '下降（增长）', hint: '按实际增减只写“增长”或“下降”' },
  { text: '增长（减少）', hint: '按实际增减只写“增长”或“下降”' },
  { text: '大于（小于）', hint: '按决算数与预算数只写“大于”或“小于”' },
  { text: '小于（大于）', hint: '按决算数与预算数只写“大于”或“小于”' },
  { text: '减增加', hint: '“减”“增加”并存，应只写一种' },
  { text: '增减少', hint: '“增”“减少”并存，应只写一种' },
  { text: '（如持平作持平表述）', hint: '模板的填写说明，应删去' },
  { text: '持平作持平表述', hint: '模板的填写说明，应删去' },
  { text: 'X万元', hint: '模板占位符，应填入金额' },
  { text: 'X%', hint: '模板占位符，应填入比例' },
  { text: '×××', hint: '模板占位符，应填入内容' },
];

/** Published wording for the templates' words before a figure (seen in real documents). */
export const ALIASES: TextReviewDef['aliases'] = [
  ['收、支总计', '收入支出总计'],
  ['收支总计', '收入支出总计'],
  ['当年支出决算为', '支出决算为'],
  ['支出决算数为', '支出决算为'],
  ['年初预算数为', '年初预算为'],
  ['预算数为', '预算为'],
];

/** Totals a text states beside their parts. `budget.{code}`: the 项 budgets of 五（三）. */
export const SUMS: TextReviewDef['sums'] = [
  { total: 'sup:budget.stated:value', parts: ['sup:budget.{code}:value'], what: '一般公共预算财政拨款支出年初预算' },
  { total: 'sup:proc.total:value', parts: ['sup:proc.goods:value', 'sup:proc.works:value', 'sup:proc.services:value'], what: '政府采购金额' },
  { total: 'sup:proc.stated:value', parts: ['sup:proc.goods:value', 'sup:proc.works:value', 'sup:proc.services:value'], what: '政府采购金额' },
];

/** A 项's 主要用于 naming 基本支出 or 项目支出 where the 项 has none (the sheet is the template's 05). */
export function mentions(t05: string): NonNullable<TextReviewDef['mentions']> {
  return [
    { words: '基本支出', cell: `${t05}:{code}:basic`, what: '基本支出' },
    { words: '项目支出', cell: `${t05}:{code}:proj`, what: '项目支出' },
  ];
}

/** The shared data with a family's 05 sheet id. */
export function textReview(t05: string): TextReviewDef {
  return { aliases: ALIASES, residue: RESIDUE, sums: SUMS, mentions: mentions(t05) };
}
