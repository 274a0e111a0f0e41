// Reads a 情况说明 as text: headings, paragraphs, sentences and every number with the words before
// it, all as offsets into the text (so a finding can select its sentence). The same reading serves
// a published text (pasted, or from DOCX/PDF, with its line wraps and page markers) and the
// workbook's own rendered text, so the words before a figure compare alike. No engine, no DOM.
import { dec, type Decimal } from '../../model/amount';

export interface Span {
  start: number;
  end: number;
}

export type NumberUnit = 'pct' | 'amount' | 'yuan' | 'count' | 'none';
/** A change's direction as the words before a figure say it: 增加/增长 (+), 减少/下降 (−), 持平 (=). */
export type Direction = '+' | '-' | '=';

export interface TextHeading extends Span {
  title: string;
  /** 0 第…部分, 1 一、…, 2 （一）… */
  depth: number;
}

export interface TextParagraph extends Span {
  /** Titles of the headings above it, outermost first. */
  headings: string[];
  /** The paragraph's words, cleaned (see cleanWords), numbers as #. */
  words: string;
}

export interface TextSentence extends Span {
  paragraph: number;
  /** A heading line is a sentence of its own (no figure in it is read). */
  heading: boolean;
  /** Its characters without page markers between its lines; `at[i]` is body[i]'s offset in the text. */
  body: string;
  at: number[];
}

export interface TextNumber extends Span {
  /** As written, e.g. 2,995.39 or 0.3. */
  written: string;
  value: Decimal;
  unit: NumberUnit;
  /** Where the unit or % sign ends (the span to mark). */
  unitEnd: number;
  sentence: number;
  paragraph: number;
  /** The sentence's words before the number, cleaned, numbers as # (本年收入合计#万元，其中：财政拨款收入). */
  label: string;
  direction: Direction | null;
}

export interface TextReading {
  text: string;
  headings: TextHeading[];
  paragraphs: TextParagraph[];
  sentences: TextSentence[];
  numbers: TextNumber[];
}

const HEADING = /^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）)/;
const ITEM_START = /^(\d{1,2})[、．.](?!\d)/;
/** Page markers and page numbers a PDF's text carries between pages. */
const NOISE = /^(=+\s*page\b.*|[-—–]?\s*\d{1,3}\s*[-—–]?|第\s*\d+\s*页.*)$/i;
/** A part heading of the tables (第二部分 …部门决算表, …公开表, 附表). */
const TABLES_PART = /^第[一二三四五六七八九十]+部分.*(决算表|公开表|附表)$/;
const SENTENCE_END = /[。；;！!？?]/;
const NUMBER = /(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?/g;
const COUNT_UNIT = /^(个|辆|人次|人|台（套）|台\(套\)|台|套|批次|批|次|分|项|家|户|名|座|处|件|团组)/;
const UP = /增加|增长|上升|提高/g;
const DOWN = /减少|下降|降低/g;

/** Words for comparing: no blanks, full-width punctuation, numbers as #, a year as Y. */
export function cleanWords(s: string): string {
  return s
    .replace(/\s+/g, '')
    .replace(/,(?=\d{3})/g, '')
    .replace(/,/g, '，')
    .replace(/;/g, '；')
    .replace(/:/g, '：')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/％/g, '%')
    .replace(/\d+(?:\.\d+)?/g, '#')
    .replace(/#年/g, 'Y年');
}

/** The direction the last clause of the words before a figure gives it. */
function directionOf(label: string): Direction | null {
  const clause = label.split(/[，：；。]/).pop() ?? '';
  const hits = [...clause.matchAll(/增加|增长|上升|提高|减少|下降|降低|持平/g)];
  const last = hits[hits.length - 1]?.[0];
  if (!last) return null;
  return last === '持平' ? '=' : /增|升|提高/.test(last) ? '+' : '-';
}

/** Direction words folded, so 增加 and 减少 name the same figure (the direction is checked apart). */
export function neutral(label: string): string {
  return label.replace(UP, '增减').replace(DOWN, '增减');
}

function unitAt(text: string, at: number): { unit: NumberUnit; end: number } {
  let i = at;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  const rest = text.slice(i, i + 6);
  if (rest.startsWith('%') || rest.startsWith('％')) return { unit: 'pct', end: i + 1 };
  if (rest.startsWith('万元')) return { unit: 'amount', end: i + 2 };
  if (rest.startsWith('万')) return { unit: 'amount', end: i + 1 };
  if (rest.startsWith('元')) return { unit: 'yuan', end: i + 1 };
  const c = COUNT_UNIT.exec(rest);
  if (c) return { unit: 'count', end: i + c[0].length };
  return { unit: 'none', end: at };
}

/** Reads a text into headings, paragraphs, sentences and numbers (offsets into `text`). */
export function readText(text: string): TextReading {
  const headings: TextHeading[] = [];
  const paragraphs: TextParagraph[] = [];
  const sentences: TextSentence[] = [];
  const numbers: TextNumber[] = [];
  const path: string[] = [];
  /** Lines of the paragraph being read: [start, end) in text. */
  let open: Span[] = [];

  const closeParagraph = () => {
    if (!open.length) return;
    const p = paragraphs.length;
    const start = open[0]!.start;
    const end = open[open.length - 1]!.end;
    paragraphs.push({ start, end, headings: [...path], words: cleanWords(open.map((l) => text.slice(l.start, l.end)).join('')) });
    // The tables' part of a whole document (第二部分 …部门决算表) is not text: its numbers are not read.
    readSentences(text, open, p, sentences, TABLES_PART.test(path[0] ?? '') ? [] : numbers);
    open = [];
  };

  const raws = text.split('\n');
  const kinds = raws.map((l) => (!l.trim() ? 'blank' : NOISE.test(l.trim()) ? 'noise' : 'text'));
  // A page break (its marker with the blank lines around it) does not end a paragraph.
  const nearNoise = (i: number, step: number): boolean => {
    for (let j = i + step; j >= 0 && j < kinds.length; j += step) if (kinds[j] !== 'blank') return kinds[j] === 'noise';
    return false;
  };
  let at = 0;
  for (const [i, raw] of raws.entries()) {
    const lineStart = at;
    at += raw.length + 1;
    const line = raw.replace(/\r$/, '');
    const trimmed = line.trim();
    if (kinds[i] === 'noise') continue;
    if (!trimmed) {
      if (!nearNoise(i, 1) && !nearNoise(i, -1)) closeParagraph();
      continue;
    }
    const lead = line.length - line.trimStart().length;
    const span = { start: lineStart + lead, end: lineStart + line.trimEnd().length };
    const h = HEADING.exec(trimmed);
    if (h && trimmed.length <= 50 && !/[。；;]./.test(trimmed)) {
      closeParagraph();
      const depth = h[1]!.startsWith('第') ? 0 : h[1]!.startsWith('（') ? 2 : 1;
      path.length = Math.min(path.length, depth);
      path[depth] = cleanWords(trimmed);
      headings.push({ ...span, title: trimmed, depth });
      const at = Array.from({ length: span.end - span.start }, (_, k) => span.start + k);
      sentences.push({ ...span, paragraph: -1, heading: true, body: text.slice(span.start, span.end), at });
      continue;
    }
    if (ITEM_START.test(trimmed)) closeParagraph();
    open.push(span);
  }
  closeParagraph();
  return { text, headings, paragraphs, sentences, numbers };
}

/** Splits a paragraph's lines into sentences and reads their numbers. */
function readSentences(text: string, lines: Span[], paragraph: number, sentences: TextSentence[], numbers: TextNumber[]): void {
  // Offsets of the paragraph's characters, line breaks left out (a PDF wraps mid-sentence).
  // A line break stays in the body as a blank (never inside a number: 1,576.05 | 1 is two cells).
  const chars: number[] = [];
  lines.forEach((l, k) => {
    for (let i = l.start; i < l.end; i++) chars.push(i);
    if (k + 1 < lines.length && l.end < text.length) chars.push(l.end);
  });
  let from = 0;
  const flush = (to: number) => {
    while (from < to && /\s/.test(text[chars[from]!]!)) from++;
    if (from >= to) return;
    const at = chars.slice(from, to);
    const s: TextSentence = { start: at[0]!, end: at[at.length - 1]! + 1, paragraph, heading: false, body: at.map((i) => text[i]).join(''), at };
    const index = sentences.length;
    sentences.push(s);
    readNumbers(s, index, paragraph, numbers);
    from = to;
  };
  for (let i = 0; i < chars.length; i++) if (SENTENCE_END.test(text[chars[i]!]!)) flush(i + 1);
  flush(chars.length);
}

function readNumbers(s: TextSentence, sentence: number, paragraph: number, numbers: TextNumber[]): void {
  const body = s.body;
  for (const m of body.matchAll(NUMBER)) {
    const after = body.slice(m.index + m[0].length).replace(/^\s+/, '');
    if (/^[年月日号时]/.test(after)) continue;
    const before = body.slice(0, m.index);
    if (/第\s*$/.test(before)) continue;
    // 1、 or 2. opening a numbered item.
    if (!m[2] && /^[（(]?$/.test(cleanWords(before)) && /^[、．.）)]/.test(after)) continue;
    const { unit, end: unitEnd } = unitAt(body, m.index + m[0].length);
    // A code (2080505) or a number of another kind.
    if (!m[2] && m[1]!.length >= 5 && unit === 'none') continue;
    const label = cleanWords(before);
    const last = m.index + m[0].length - 1;
    numbers.push({
      start: s.at[m.index]!,
      end: s.at[last]! + 1,
      written: m[0],
      value: dec(m[0].replace(/,/g, '')),
      unit,
      unitEnd: unitEnd > last + 1 ? s.at[unitEnd - 1]! + 1 : s.at[last]! + 1,
      sentence,
      paragraph,
      label,
      direction: directionOf(label),
    });
  }
}
