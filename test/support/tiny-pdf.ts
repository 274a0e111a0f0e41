// Minimal PDFs written byte by byte for reader tests: pages of content streams, optionally with a
// non-embedded Chinese font (STSong-Light, UniGB-UCS2-H: the reader needs its bundled CMaps).
export interface TinyPage {
  /** Content stream operators. */
  content: string;
}

/** Hex of a string's UCS-2 big-endian code units (for UniGB-UCS2-H text). */
export function ucs2Hex(text: string): string {
  return [...text].map((ch) => ch.charCodeAt(0).toString(16).padStart(4, '0')).join('');
}

export function tinyPdf(pages: TinyPage[], opts: { cjkFont?: boolean } = {}): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(''); // pages, filled below
  const fontRefs: string[] = [];
  if (opts.cjkFont) {
    const descriptor = objects.length + 3;
    const cid = objects.length + 2;
    fontRefs.push(`/F1 ${objects.length + 1} 0 R`);
    add(`<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [${cid} 0 R] >>`);
    add(`<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor ${descriptor} 0 R /DW 1000 >>`);
    add('<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>');
  }
  fontRefs.push(`/F2 ${objects.length + 1} 0 R`);
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  const kids: number[] = [];
  for (const p of pages) {
    const stream = objects.length + 2;
    kids.push(objects.length + 1);
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << ${fontRefs.join(' ')} >> >> /Contents ${stream} 0 R >>`);
    add(`<< /Length ${Buffer.byteLength(p.content, 'latin1')} >>\nstream\n${p.content}\nendstream`);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}
