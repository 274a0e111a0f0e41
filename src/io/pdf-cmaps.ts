// The character maps pdf.js needs for Chinese text set in fonts the PDF does not embed
// (STSong-Light with UniGB-UCS2-H and the like): Adobe's GB (simplified Chinese) maps shipped by
// pdfjs-dist, bundled so that nothing is fetched at run time. Each map is its own lazy chunk,
// loaded only when a PDF asks for it.

const MAPS = import.meta.glob('../../node_modules/pdfjs-dist/cmaps/{Adobe-GB1-*,GB*,UniGB-*}.bcmap', { query: '?inline', import: 'default' }) as Record<string, () => Promise<string>>;

const byName = new Map(Object.entries(MAPS).map(([path, load]) => [path.slice(path.lastIndexOf('/') + 1).replace(/\.bcmap$/, ''), load]));

/** The packed (.bcmap) bytes of a predefined CMap by name, or null when it is not bundled. */
export async function bundledCMap(name: string): Promise<Uint8Array | null> {
  const load = byName.get(name.replace(/\.bcmap$/, ''));
  if (!load) return null;
  const url = await load();
  const b64 = url.slice(url.indexOf(',') + 1);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Names of the bundled maps (tests check the set). */
export function bundledCMapNames(): string[] {
  return [...byName.keys()].sort();
}
