// Reads a PDF into plain data: per page its text runs and its ruling lines (table borders), in
// page coordinates (points, origin top-left, y down). pdf.js (Mozilla) is loaded on demand and
// runs in this thread (its "fake worker"): the app calls this from its own import worker, Node
// from the batch. No template knowledge here, no DOM. Failures are PdfReadError (Chinese message).
import { loadPdfjs } from './pdf-lib';
import { bundledCMap } from './pdf-cmaps';
import { unifyRadicals } from './pdf-radicals';

/** One run of text as pdf.js reports it, as an upright box on the page. */
export interface PdfText {
  str: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A horizontal (y0 = y1) or vertical (x0 = x1) ruling line; x0 ≤ x1, y0 ≤ y1. */
export interface PdfRule {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PdfPage {
  /** 1-based. */
  n: number;
  width: number;
  height: number;
  texts: PdfText[];
  rules: PdfRule[];
}

export interface PdfContent {
  pages: PdfPage[];
  info: { title: string; producer: string; pageCount: number };
}

export const PDF_READ_TEXT = {
  empty: '文件是空的，无法读取',
  tooLarge: (mb: string, limit: number) => `PDF 文件过大（${mb} MB），超过 ${limit} MB 的审查上限`,
  notPdf: '这不是 PDF 文件（文件开头没有 %PDF 标记），请选择部门决算公开的 PDF 文件',
  corrupt: (why: string) => `PDF 文件已损坏或格式异常，无法读取（${why}）`,
  password: '此 PDF 文件设有打开密码，无法读取。请向发布单位索取不加密的文件。',
  noText: '此 PDF 中没有可读取的文字（可能是扫描件或图片），无法按表格审查。请使用由 Word、WPS 或财务软件直接导出的 PDF。',
  tooManyPages: (n: number, limit: number) => `PDF 有 ${n} 页，超过 ${limit} 页的审查上限`,
} as const;

export const PDF_LIMITS = { maxBytes: 60 * 1024 * 1024, maxPages: 400 } as const;

export class PdfReadError extends Error {
  override name = 'PdfReadError';
}

/** The parts of a pdf.js text item this reader uses. */
interface RawTextItem {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const mul = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** Whether a page's rules are worth reading (they cost an operator list): it has table-like figures. */
export type RulesWanted = (texts: readonly PdfText[]) => boolean;
const AMOUNT_RUN = /^\s*[(（-]?[\d,]+\.\d{2}[)）]?\s*$/;
/** Pages with an amount, or a 合计 cell (a table printed without data still has its 合计 row). */
export const pagesWithFigures: RulesWanted = (texts) => texts.some((t) => AMOUNT_RUN.test(t.str) || t.str.trim() === '合计');

export interface ReadOptions {
  /** Which pages get their ruling lines read (default: pagesWithFigures). */
  rulesFor?: RulesWanted;
}

/**
 * Reads every page's text and (where wanted) its ruling lines. Throws PdfReadError for a file that
 * is not a PDF, is damaged, needs a password, or holds no text at all (a scan).
 */
export async function readPdf(bytes: Uint8Array, options: ReadOptions = {}): Promise<PdfContent> {
  if (bytes.byteLength === 0) throw new PdfReadError(PDF_READ_TEXT.empty);
  if (bytes.byteLength > PDF_LIMITS.maxBytes) throw new PdfReadError(PDF_READ_TEXT.tooLarge((bytes.byteLength / 1024 / 1024).toFixed(1), PDF_LIMITS.maxBytes / 1024 / 1024));
  if (!hasPdfHeader(bytes)) throw new PdfReadError(PDF_READ_TEXT.notPdf);
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    // pdf.js may transfer (detach) the buffer it is given: the caller's bytes stay whole.
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    stopAtErrors: false,
    verbosity: 0,
    // CJK maps from the bundle; no standard-font or wasm data is needed to read text.
    BinaryDataFactory: BundledData,
    cMapUrl: 'bundled/',
    cMapPacked: true,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    const name = (e as { name?: string } | null)?.name;
    if (name === 'PasswordException') throw new PdfReadError(PDF_READ_TEXT.password);
    throw new PdfReadError(PDF_READ_TEXT.corrupt(e instanceof Error ? e.message : String(e)));
  }
  try {
    if (doc.numPages > PDF_LIMITS.maxPages) throw new PdfReadError(PDF_READ_TEXT.tooManyPages(doc.numPages, PDF_LIMITS.maxPages));
    const wanted = options.rulesFor ?? pagesWithFigures;
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const vp = page.getViewport({ scale: 1 });
      const view = vp.transform as Matrix;
      const content = await page.getTextContent();
      const texts = (content.items as RawTextItem[]).flatMap((it) => textBox(it, view));
      const rules = texts.length && wanted(texts) ? rulesOf(await page.getOperatorList(), pdfjs.OPS, view) : [];
      pages.push({ n, width: vp.width, height: vp.height, texts, rules });
      page.cleanup();
    }
    if (!pages.some((p) => p.texts.some((t) => t.str.trim() !== ''))) throw new PdfReadError(PDF_READ_TEXT.noText);
    const meta = await doc.getMetadata().catch(() => null);
    const infoDict = (meta?.info ?? {}) as { Title?: unknown; Producer?: unknown };
    return {
      pages,
      info: { title: typeof infoDict.Title === 'string' ? infoDict.Title : '', producer: typeof infoDict.Producer === 'string' ? infoDict.Producer : '', pageCount: doc.numPages },
    };
  } catch (e) {
    if (e instanceof PdfReadError) throw e;
    throw new PdfReadError(PDF_READ_TEXT.corrupt(e instanceof Error ? e.message : String(e)));
  } finally {
    await doc.destroy();
  }
}

/** %PDF- within the first 1 KB (some writers put junk before it, which readers accept). */
function hasPdfHeader(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  for (let i = 0; i + 4 < head.length; i++) {
    if (head[i] === 0x25 && head[i + 1] === 0x50 && head[i + 2] === 0x44 && head[i + 3] === 0x46 && head[i + 4] === 0x2d) return true;
  }
  return false;
}

/** A text run as an upright box in page coordinates (through the viewport: rotated pages read upright). */
function textBox(it: RawTextItem, view: Matrix): PdfText[] {
  if (typeof it.str !== 'string' || !it.transform || it.str === '') return [];
  const [a, b, c, d, e, f] = it.transform as Matrix;
  const ax = Math.hypot(a, b) || 1;
  const size = Math.hypot(c, d) || ax;
  const w = it.width ?? 0;
  // Baseline direction and "up" direction of the run, in user space.
  const ux = a / ax;
  const uy = b / ax;
  const up = it.height && it.height > 0 ? it.height : size;
  // The box from a little below the baseline (descenders) to the top of the glyphs.
  const corners = [
    [e - 0.2 * up * -uy, f - 0.2 * up * ux],
    [e + w * ux - 0.2 * up * -uy, f + w * uy - 0.2 * up * ux],
    [e + 0.8 * up * -uy, f + 0.8 * up * ux],
    [e + w * ux + 0.8 * up * -uy, f + w * uy + 0.8 * up * ux],
  ].map(([x, y]) => apply(view, x!, y!));
  const xs = corners.map((p) => p[0]);
  const ys = corners.map((p) => p[1]);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return [{ str: unifyRadicals(it.str), x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y }];
}

/** pdf.js operator codes this reader needs (from its OPS table). */
interface Ops {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
  setLineWidth: number;
}

/** pdf.js DrawOPS in a constructPath buffer. */
const DRAW = { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 } as const;
/** A filled rectangle thinner than this is a ruling line (Chromium and Word draw borders as fills). */
const THIN = 2.5;
/** A stroke wider than this is decoration, not a cell border. */
const MAX_STROKE = 4;

/**
 * Ruling lines of a page: stroked horizontal/vertical segments and thin filled rectangles, mapped
 * through the current transform and the viewport. Curves and slanted segments are not rules.
 */
function rulesOf(list: { fnArray: number[]; argsArray: unknown[] }, OPS: Ops, view: Matrix): PdfRule[] {
  const out: PdfRule[] = [];
  const stack: { m: Matrix; lw: number }[] = [];
  let m = IDENTITY;
  let lw = 1;
  const strokes = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const fills = new Set([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const toPage = (x: number, y: number) => apply(view, ...apply(m, x, y));
  const push = (ax: number, ay: number, bx: number, by: number) => {
    const horizontal = Math.abs(ay - by) < 0.5;
    const vertical = Math.abs(ax - bx) < 0.5;
    if (!horizontal && !vertical) return;
    if (horizontal && vertical) return;
    out.push(horizontal ? { x0: Math.min(ax, bx), x1: Math.max(ax, bx), y0: (ay + by) / 2, y1: (ay + by) / 2 } : { x0: (ax + bx) / 2, x1: (ax + bx) / 2, y0: Math.min(ay, by), y1: Math.max(ay, by) });
  };
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push({ m, lw });
    else if (fn === OPS.restore) ({ m, lw } = stack.pop() ?? { m: IDENTITY, lw: 1 });
    else if (fn === OPS.transform && args) m = mul(m, args as Matrix);
    else if (fn === OPS.setLineWidth && args) lw = Number(args[0]) || 0;
    else if (fn === OPS.paintFormXObjectBegin && args) {
      stack.push({ m, lw });
      if (Array.isArray(args[0]) && args[0].length === 6) m = mul(m, args[0] as Matrix);
    } else if (fn === OPS.paintFormXObjectEnd) ({ m, lw } = stack.pop() ?? { m: IDENTITY, lw: 1 });
    else if (fn === OPS.constructPath && args) {
      const paint = args[0] as number;
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!data) continue;
      const stroked = strokes.has(paint);
      const filled = fills.has(paint);
      if (!stroked && !filled) continue;
      // Line width in page units (the transform's scale).
      const scale = Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2])) || 1;
      const points = pathPolylines(data);
      for (const poly of points) {
        const pts = poly.map(([x, y]) => toPage(x, y));
        if (filled && pts.length >= 4) {
          const xs = pts.map((p) => p[0]);
          const ys = pts.map((p) => p[1]);
          const x0 = Math.min(...xs);
          const x1 = Math.max(...xs);
          const y0 = Math.min(...ys);
          const y1 = Math.max(...ys);
          if (isAxisRect(pts)) {
            if (y1 - y0 <= THIN && x1 - x0 > THIN) out.push({ x0, x1, y0: (y0 + y1) / 2, y1: (y0 + y1) / 2 });
            else if (x1 - x0 <= THIN && y1 - y0 > THIN) out.push({ x0: (x0 + x1) / 2, x1: (x0 + x1) / 2, y0, y1 });
            else if (stroked && lw * scale <= MAX_STROKE) {
              push(x0, y0, x1, y0);
              push(x0, y1, x1, y1);
              push(x0, y0, x0, y1);
              push(x1, y0, x1, y1);
            }
            continue;
          }
        }
        if (stroked && lw * scale <= MAX_STROKE) for (let k = 1; k < pts.length; k++) push(pts[k - 1]![0], pts[k - 1]![1], pts[k]![0], pts[k]![1]);
      }
    }
  }
  return out;
}

/** The straight-line polylines of a pdf.js path buffer; a curve breaks the polyline. */
function pathPolylines(data: ArrayLike<number>): [number, number][][] {
  const out: [number, number][][] = [];
  let cur: [number, number][] = [];
  const flush = () => {
    if (cur.length > 1) out.push(cur);
    cur = [];
  };
  for (let i = 0; i < data.length; ) {
    const op = data[i]!;
    if (op === DRAW.moveTo) {
      flush();
      cur.push([data[i + 1]!, data[i + 2]!]);
      i += 3;
    } else if (op === DRAW.lineTo) {
      cur.push([data[i + 1]!, data[i + 2]!]);
      i += 3;
    } else if (op === DRAW.curveTo) {
      flush();
      cur.push([data[i + 5]!, data[i + 6]!]);
      i += 7;
    } else if (op === DRAW.quadraticCurveTo) {
      flush();
      cur.push([data[i + 3]!, data[i + 4]!]);
      i += 5;
    } else if (op === DRAW.closePath) {
      if (cur.length > 1) cur.push(cur[0]!);
      i += 1;
    } else break;
  }
  flush();
  return out;
}

/** Four or five points forming an axis-aligned rectangle. */
function isAxisRect(pts: [number, number][]): boolean {
  const p = pts.length === 5 ? pts.slice(0, 4) : pts;
  if (p.length !== 4) return false;
  for (let k = 0; k < 4; k++) {
    const a = p[k]!;
    const b = p[(k + 1) % 4]!;
    if (Math.abs(a[0] - b[0]) > 0.5 && Math.abs(a[1] - b[1]) > 0.5) return false;
  }
  return true;
}

/**
 * pdf.js asks for binary data by kind and file name: CJK character maps come from the bundle;
 * standard-font and wasm data are refused (text reading does without them), nothing is fetched.
 */
class BundledData {
  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const data = kind === 'cMapUrl' ? await bundledCMap(filename) : null;
    if (!data) throw new Error(`${filename} 不可用`);
    return data;
  }
}
