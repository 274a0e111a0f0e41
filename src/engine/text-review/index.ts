// 表文核对: a published 情况说明 (pasted, DOCX or PDF text) read against the workbook, headless.
export { readPublishedText, reviewNarrativeText, TEXT_FINDING_CLASS, type NumberMatch, type TextFinding, type TextFindingClass, type TextFindingGroup, type TextReview } from './review';
export { readText, type Span, type TextNumber, type TextReading } from './reading';
