// Reads the text of a Word document (.docx) for 表文核对: word/document.xml's paragraphs in order,
// one per line (tabs and line breaks kept), nothing else. The zip is checked first (zip bombs,
// corrupt files); a file that is not a Word document is refused with a Chinese message.
import { unzipSync } from 'fflate';
import { ZipGuardError, checkZip } from './zip-guard';

export class DocxTextError extends Error {
  override name = 'DocxTextError';
}

export const DOCX_TEXT_MESSAGES = {
  notZip: '这不是 Word 文档（.docx）：文件已损坏，或是其他格式。请在 Word/WPS 中另存为 .docx 后再打开，或直接复制文字粘贴。',
  notWord: '这个文件不是 Word 文档（.docx）：其中没有正文（word/document.xml）。',
  tooBig: '这个 Word 文档解压后过大，无法读取。请复制其中的情况说明文字粘贴。',
  empty: '这个 Word 文档没有文字。',
} as const;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[e.toLowerCase()] ?? '';
  });
}

/** The text of one <w:p>: its runs' text, tabs and breaks; deleted text (<w:del>) left out. */
function paragraphText(xml: string): string {
  const body = xml.replace(/<w:del\b[\s\S]*?<\/w:del>/g, '');
  let out = '';
  for (const m of body.matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<w:tab\/>|<w:br(?:\s[^>]*)?\/>|<w:cr\/>/g)) {
    if (m[1] !== undefined) out += decode(m[1]);
    else out += m[0].startsWith('<w:tab') ? '\t' : '\n';
  }
  return out;
}

/**
 * The paragraphs of a .docx's body in order, one per line. Tables are left out (a blank line in
 * their place): the text under review is the prose; the tables are the workbook's.
 */
export async function readDocxText(bytes: Uint8Array): Promise<string> {
  try {
    await checkZip(bytes);
  } catch (e) {
    if (e instanceof ZipGuardError) throw new DocxTextError(e.reason === 'corrupt' ? DOCX_TEXT_MESSAGES.notZip : DOCX_TEXT_MESSAGES.tooBig);
    throw e;
  }
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' });
  } catch {
    throw new DocxTextError(DOCX_TEXT_MESSAGES.notZip);
  }
  const doc = files['word/document.xml'];
  if (!doc) throw new DocxTextError(DOCX_TEXT_MESSAGES.notWord);
  const xml = new TextDecoder().decode(doc).replace(/<w:tbl\b[\s\S]*?<\/w:tbl>/g, '<w:p/>');
  const paragraphs = [...xml.matchAll(/<w:p\b[^>]*\/>|<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => (m[1] === undefined ? '' : paragraphText(m[1])));
  const text = paragraphs.join('\n').replace(/\n{3,}/g, '\n\n').trim();
  if (!text) throw new DocxTextError(DOCX_TEXT_MESSAGES.empty);
  return `${text}\n`;
}
