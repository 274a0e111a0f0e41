// Money and count parsing/formatting with decimal.js: half-up at every boundary.
import Decimal from 'decimal.js';

export { Decimal };

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

export class InputError extends Error {
  override name = 'InputError';
}

/**
 * The supported amount range, in 万元 (docs/workbook-format.md): |amount| < 10⁹ 万元 (10 万亿元).
 * Why this bound: HyperFormula computes in doubles rounded to 14 significant digits, so cell values
 * of up to 11 integer digits plus cents keep every total to the cent up to 10¹² 万元.
 */
export const AMOUNT_LIMIT = 1_000_000_000;
export const AMOUNT_RANGE_TEXT = '金额的绝对值须小于 1,000,000,000 万元';

/** What a refusal quotes: the input as typed, cut short (a 309-digit number helps nobody). */
function quoted(raw: unknown): string {
  const s = String(raw).trim();
  return s.length > 20 ? `${s.slice(0, 20)}…` : s;
}

function outOfRange(raw: unknown): InputError {
  return new InputError(`「${quoted(raw)}」超出金额范围（${AMOUNT_RANGE_TEXT}）`);
}

const FULLWIDTH = /[０-９．，－＋]/g;
function halfWidth(s: string): string {
  return s.replace(FULLWIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/** A number's shortest text with at most two decimals: integer part, decimals. */
const TWO_DECIMALS = /^(-?\d+)(?:\.(\d{1,2}))?$/;
/** A typed amount that needs no parsing: no leading zeros, within the range, at most two decimals. */
const PLAIN_AMOUNT = /^-?(?:0|[1-9]\d{0,8})(?:\.\d{1,2})?$/;

/** A PLAIN_AMOUNT text padded to two decimals, as toFixed2 writes it (-0 is 0.00). */
function plainAmount(s: string): string {
  const [int, frac = ''] = s.split('.');
  const text = `${int}.${frac.padEnd(2, '0')}`;
  return text === '-0.00' ? '0.00' : text;
}

/**
 * Parses what a user typed into an amount cell. Accepts "1,234.5", full-width digits,
 * "（12.5）"/"(12.5)" as negative. Returns a 2-dp string, or null for blank.
 * Throws InputError with a Chinese message for anything else (text, formulas).
 */
export function parseAmount(raw: unknown): string | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) throw new InputError('金额必须是有限的数字');
    if (Math.abs(raw) >= AMOUNT_LIMIT) throw outOfRange(raw);
    // Most numbers (an imported file's, a pasted block's) have at most 2 decimals already: padded
    // as toFixed2 would write them, without decimal.js (a 500-code import has thousands).
    const text = String(raw);
    const m = TWO_DECIMALS.exec(text);
    if (m) return raw === 0 ? '0.00' : `${m[1]}.${(m[2] ?? '').padEnd(2, '0')}`;
    return toFixed2(new D(text));
  }
  // What is typed most often ("30.5", "-12.30"): the text is already the amount.
  if (typeof raw === 'string' && PLAIN_AMOUNT.test(raw)) return plainAmount(raw);
  let s = halfWidth(String(raw)).trim().replace(/\s+/g, '');
  if (s === '') return null;
  if (/^[=+@]/.test(s) && !/^\+?[\d,]+(\.\d*)?$/.test(s)) {
    throw new InputError(`「${String(raw).trim()}」是公式或文本，金额单元格只能填写数字`);
  }
  let negative = false;
  const paren = /^[(（](.*)[)）]$/.exec(s);
  if (paren) {
    negative = true;
    s = paren[1] ?? '';
  }
  // 万元 is the table's unit; a figure in 元 is never read as 万元 (it would be 10,000 times too big).
  const yuan = !s.endsWith('万元') && s.endsWith('元');
  s = s.replace(/万元$|元$/, '');
  if (!/^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?$/.test(s) || !/\d/.test(s)) {
    throw new InputError(`「${quoted(raw)}」不是有效金额，请输入数字，如 1234.56`);
  }
  let d = new D(s.replace(/,/g, ''));
  if (negative) d = d.negated();
  if (yuan) {
    const wan = toFixed2(d.div(10_000));
    throw new InputError(`「${quoted(raw)}」的单位是元，本表金额单位为万元，请换算后填写（${quoted(raw)} = ${wan}万元）`);
  }
  if (d.abs().greaterThanOrEqualTo(AMOUNT_LIMIT)) throw outOfRange(raw);
  return toFixed2(d);
}

/** Parses a count (人数, 团组, 辆, 台套): non-negative whole number. */
export function parseCount(raw: unknown): string | null {
  if (raw === null || raw === undefined) return null;
  const s = halfWidth(String(raw)).trim().replace(/[,\s]/g, '').replace(/(个|人次|人|辆|台套|台|套)$/, '');
  if (s === '') return null;
  if (!/^\d+$/.test(s)) throw new InputError(`「${String(raw).trim()}」不是有效的数量，请输入非负整数`);
  if (s.length > 12) throw new InputError(`「${String(raw).trim()}」超出数量范围`);
  return String(Number(s));
}

export function toFixed2(d: Decimal.Value): string {
  const v = new D(d).toDecimalPlaces(2, D.ROUND_HALF_UP);
  return v.isZero() ? '0.00' : v.toFixed(2);
}

/** Round a float from the engine to n dp half-up, using its shortest representation. */
export function roundHalfUp(x: number, places = 2): Decimal {
  const text = String(x);
  // Already within 2 decimals (most figures): no rounding step (审核 rounds every compared figure).
  if (places === 2 && TWO_DECIMALS.test(text)) return new D(text);
  return new D(text).toDecimalPlaces(places, D.ROUND_HALF_UP);
}

/**
 * Exact whole cents of a number whose shortest text has at most two decimals and lies in the
 * amount range (most figures of a workbook); null otherwise. Lets hot paths (the 审核 of an edit)
 * compare and print amounts with integer arithmetic, as decimal.js would round them.
 */
export function centsOf(x: number): number | null {
  if (!(Math.abs(x) < AMOUNT_LIMIT)) return null;
  const m = TWO_DECIMALS.exec(String(x));
  if (!m) return null;
  const int = m[1]!;
  const cents = Math.abs(Number(int)) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return int.startsWith('-') ? -cents : cents;
}

/** Whole cents as a 2-dp text ("-12.30"), what `toFixed2` writes for the same amount. */
export function centsText(cents: number): string {
  const a = Math.abs(cents);
  const frac = String(a % 100).padStart(2, '0');
  return `${cents < 0 ? '-' : ''}${Math.floor(a / 100)}.${frac}`;
}

/** Whole cents as "#,##0.00", what `formatAmount` prints for the same amount. */
export function formatCents(cents: number): string {
  const a = Math.abs(cents);
  const grouped = String(Math.floor(a / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${cents < 0 ? '-' : ''}${grouped}.${String(a % 100).padStart(2, '0')}`;
}

/** "#,##0.00" */
export function formatAmount(d: Decimal.Value): string {
  const v = d instanceof D && d.decimalPlaces() <= 2 ? d : new D(d).toDecimalPlaces(2, D.ROUND_HALF_UP);
  const [int, frac] = v.abs().toFixed(2).split('.');
  const grouped = (int ?? '0').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${v.isNegative() && !v.isZero() ? '-' : ''}${grouped}.${frac}`;
}

/** Narrative style of the reference: 60.00 → "60", 10.90 → "10.9", 1576.05 → "1576.05". */
export function formatPlain(d: Decimal.Value, places = 2): string {
  const v = new D(d).toDecimalPlaces(places, D.ROUND_HALF_UP);
  return v.isZero() ? '0' : v.toString().replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
}

/** A number in a template's narrative style: trimmed as the Hunan reference, or always 2 dp, grouped or not (19,044.27). */
export function formatStyled(d: Decimal.Value, style: { decimals: 'trim' | 'fixed'; grouping: boolean }, places = 2): string {
  if (style.decimals === 'trim' || places === 0) {
    const s = formatPlain(d, places);
    return style.grouping ? s.replace(/^(-?\d+)/, (m) => m.replace(/\B(?=(\d{3})+(?!\d))/g, ',')) : s;
  }
  const v = new D(d).toDecimalPlaces(places, D.ROUND_HALF_UP);
  if (style.grouping) return formatAmount(v);
  return v.isZero() ? '0.00' : v.toFixed(places);
}

/** pct(a, b) = round_half_up(a / b × 100, 2); null when b is 0. */
export function pct(a: Decimal.Value, b: Decimal.Value): Decimal | null {
  const den = new D(b);
  if (den.isZero()) return null;
  return new D(a).div(den).times(100).toDecimalPlaces(2, D.ROUND_HALF_UP);
}

export function dec(x: Decimal.Value): Decimal {
  return new D(x);
}
