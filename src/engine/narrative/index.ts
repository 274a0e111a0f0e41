// 情况说明: the template's narrative rendered from the live workbook (DOM-free), its plain text,
// and the inputs it lacks as 审核 findings.
export { itemsSlotOf, listedItems, renderNarrative, type ItemOption } from './render';
export { narrativePlainText, paragraphText } from './plain-text';
export { missingInputs, missingInputsOf, MISSING_INPUT_RULE, MISSING_TEXT_RULE } from './missing';
export type {
  CellAddress,
  Derived,
  FigureSource,
  MissingInput,
  MissingRef,
  RenderedNarrative,
  RenderedParagraph,
  RenderedSection,
  Segment,
} from './types';
export {
  indicatorTable,
  partFindings,
  renderPart,
  templateParts,
  UnknownPartError,
  INDICATOR_MISSING_RULE,
  INDICATOR_SCORE_RULE,
  PART_INPUT_RULE,
  PART_TEXT_RULE,
  type IndicatorCell,
  type IndicatorRow,
} from './parts';
