// pdf.js, loaded on first use: its API and its worker code as two lazy chunks. The worker code runs
// in this thread (pdf.js's "fake worker", found through globalThis.pdfjsWorker): the app already
// reads files in its own import worker, and a second worker would need a script URL that a strict
// CSP and the single-file build (file://) do not give. The legacy build runs in Node 20 and in
// older Chromium-based browsers alike.
type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loading: Promise<PdfJs> | undefined;

export function loadPdfjs(): Promise<PdfJs> {
  return (loading ??= Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('pdfjs-dist/legacy/build/pdf.worker.mjs')]).then(([lib, worker]) => {
    const g = globalThis as { pdfjsWorker?: unknown };
    g.pdfjsWorker ??= worker;
    return lib;
  }));
}
