import { defineConfig, type Plugin } from 'vite';
import { slimHandsontable } from './scripts/slim-handsontable.mjs';
import { slimHyperFormula } from './scripts/slim-hyperformula.mjs';
import { isSingleFileBuild, singleFile } from './scripts/single-file.mjs';
import { serviceWorker } from './scripts/service-worker.mjs';

// Strict CSP for the built app: everything from our own origin, no inline script, no network.
// (No frame-ancestors: browsers ignore it in a <meta> CSP and log an error on every load.)
// The dev server injects inline <style> tags, so it only gets the relaxed variant.
const CSP_BUILD = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const CSP_DEV = CSP_BUILD.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'").replace(
  "connect-src 'self'",
  "connect-src 'self' ws://127.0.0.1:* ws://localhost:*",
);

function csp(): Plugin {
  let isBuild = false;
  return {
    name: 'csp-meta',
    configResolved(cfg) {
      isBuild = cfg.command === 'build';
    },
    transformIndexHtml(html) {
      const policy = isBuild ? CSP_BUILD : CSP_DEV;
      return html.replace('<!--CSP-->', `<meta http-equiv="Content-Security-Policy" content="${policy}" />`);
    },
  };
}

/**
 * The start-early chunk (below) also gets a script tag of its own, `async`, after the entry's: it
 * runs as soon as it is fetched, so a first visit's database creation (~300 ms of waiting on this
 * machine) and the fetch of the example it opens overlap the loading of the first bundle instead of
 * starting after it. The entry imports the same files, so both share one module each, one open and
 * one fetch (src/storage/open-early.ts, src/app/example-early.ts). The single file drops every
 * module tag but the entry's.
 */
function startEarlyScript(): Plugin {
  return {
    name: 'start-early-script',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.name === 'start-early');
        if (!chunk) return html;
        return html.replace(/(<script type="module"[^>]*\ssrc="[^"]+"[^>]*><\/script>)/, `$1\n    <script type="module" async crossorigin src="./${chunk.fileName}"></script>`);
      },
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [csp(), startEarlyScript(), slimHyperFormula(), slimHandsontable(), singleFile(), serviceWorker({ skip: isSingleFileBuild })],
  // pdf.js's CJK character maps (src/io/pdf-cmaps.ts) are bundled as inline data, never fetched.
  assetsInclude: ['**/*.bcmap'],
  // Workers as ES modules with their own chunks, written like the page's (Vite's page defaults for
  // comments and top-level vars): the import worker's ExcelJS, pdf.js and CMaps come out
  // byte-identical to the page's, so the single file carries each once (not a 4 MB IIFE).
  worker: { format: 'es', rolldownOptions: { output: { comments: false, topLevelVar: true, generatedCode: { preset: 'es2015' } } } },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      output: {
        // The database opens and the first visit's example is fetched before the other modules
        // evaluate (src/storage/open-early.ts, src/app/example-early.ts): that needs a chunk of its
        // own, which the entry imports first.
        codeSplitting: {
          groups: [
            {
              name: 'start-early',
              test: /src[\\/]storage[\\/](open-early|idb-kv|errors|keys)\.ts|src[\\/]app[\\/]example-(early|modules)\.ts|sheets[\\/]examples[\\/]catalog\.ts|node_modules[\\/]idb-keyval[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
