// Data of a template's 表文核对 (a published 情况说明 checked against the tables): which words of a
// published text stand for the template's own words, which phrases are template residue, which
// figures of a text must add up. Types only: sheets/ holds the data, src/engine/text-review reads
// it. Imports nothing outside model/.
import type { CellPath } from './narrative';

export interface TextReviewDef {
  /**
   * Published wording → the template's, applied to the words before a figure when matching it
   * (当年支出决算为 → 支出决算为; 收、支总计 → 收入支出总计).
   */
  aliases: readonly (readonly [published: string, template: string])[];
  /** Phrases left from the template's alternatives or placeholders (增长（下降）), each with what to write. */
  residue: readonly { text: string; hint: string }[];
  /** Former names a text may still use, beyond the code catalogues' renames: [former, current]. */
  formerNames?: readonly (readonly [former: string, current: string])[];
  /**
   * Figures of one text that must add up: the total's cell and its parts' cells ({code}: every 项
   * the text gives one for). Checked on the figures as written.
   */
  sums: readonly { total: CellPath; parts: readonly CellPath[]; what: string }[];
  /**
   * Words that, written in a 项's paragraph, say the 项 has that money (主要用于…基本支出): the
   * cell ({code}) must then not be zero.
   */
  mentions?: readonly { words: string; cell: CellPath; what: string }[];
}
