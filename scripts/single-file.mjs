// Build-time: `vite build` also writes <outDir>/juesuan.html, the whole app in one HTML file that
// opens by double-click from file:// (module scripts from files are blocked there, inline ones
// are not). A second, nested build (no modulepreload, one CSS file, assets inlined) is packed:
// every JS file becomes an inert <script type="text/plain"> payload; a small inline loader (its
// hash in the CSP) turns a payload into a Blob URL module only when something imports it, so
// lazy parts (ExcelJS, dialogs, workers) stay lazy. Those lazy parts (everything outside the
// entry's static imports) are stored deflated in base64 after the loader, a third of their size:
// the HTML parser only skims them, and they are inflated when first imported (docs/performance.md,
// "Single file"). Nothing here knows any file by name:
// static imports, dynamic import() and `new URL(file, import.meta.url)` (workers, assets) are
// rewritten generically from the bundle's own file list.
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { deflateRawSync } from 'node:zlib';

export const SINGLE_FILE_NAME = 'juesuan.html';
const NESTED_ENV = 'JUESUAN_SINGLE_NESTED';

/** True inside the nested build that feeds the single file. */
export function isSingleFileBuild() {
  return process.env[NESTED_ENV] === '1';
}

/**
 * The CSP of the single file. No 'self' (a file:// page has no useful origin): scripts are the
 * hashed loader plus the Blob URL modules it makes; styles the hashed <style>.
 * `blob:` in script-src is the one relaxation: ES modules can only be instantiated from a URL,
 * and only this page's own script can mint a blob: URL for it.
 */
export function singleFileCsp(scriptHash, styleHash) {
  return [
    "default-src 'none'",
    `script-src '${scriptHash}' blob:`,
    `style-src '${styleHash}'`,
    'img-src data: blob:',
    'font-src data:',
    "connect-src 'none'",
    'worker-src blob:',
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

const sha256 = (text) => `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
const quoteAlt = '["\'`]';
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Rewrites one JS file of the nested build so that it can run from a Blob URL.
 * @param {string} code
 * @param {string} key this file, relative to outDir (posix)
 * @param {string[]} keys every file of the build, relative to outDir
 * @returns {{ code: string, statics: string[], lazies: string[] }}
 */
export function rewriteModule(code, key, keys) {
  const dir = posix.dirname(key);
  const statics = new Set();
  const lazies = new Set();
  let out = code;
  for (const other of keys) {
    if (other === key) continue;
    const bare = posix.relative(dir, other);
    const rel = bare.startsWith('.') ? bare : `./${bare}`;
    // Vite writes both `./x.js` and bare `x.js` (e.g. new URL(`x.js`, import.meta.url) for workers).
    const forms = [...new Set([rel, bare, other, `/${other}`])].map(escapeRe).join('|');
    const lit = `(?<q>${quoteAlt})(?:${forms})\\k<q>`;
    // import(`./x.js`) → resolved lazily by the loader.
    out = out.replace(new RegExp(`\\bimport\\(\\s*${lit}\\s*\\)`, 'g'), () => {
      lazies.add(other);
      return `globalThis.__sf.i(${JSON.stringify(other)})`;
    });
    // new URL('x.js', import.meta.url) → a Blob URL (workers, assets).
    out = out.replace(new RegExp(`\\bnew URL\\(\\s*${lit}\\s*,\\s*import\\.meta\\.url\\s*\\)`, 'g'), () => {
      lazies.add(other);
      return `new URL(globalThis.__sf.u(${JSON.stringify(other)}))`;
    });
    // Static import / export … from './x.js' and bare import './x.js'.
    out = out.replace(new RegExp(`(\\bfrom\\s*|\\bimport\\s*)${lit}`, 'g'), (_m, head) => {
      statics.add(other);
      return `${head}"sf:${other}"`;
    });
  }
  return { code: out, statics: [...statics], lazies: [...lazies] };
}

/**
 * Payload text that the HTML parser cannot end early: raw when safe, else base64. A lazy part is
 * stored deflated in base64 (about a third of its size): the parser only skims it at open, and
 * nothing decodes it until the app first imports it.
 */
function payload(text, lazy) {
  if (lazy) return { enc: 'z', body: deflateRawSync(Buffer.from(text, 'utf8'), { level: 9 }).toString('base64') };
  if (!/<\/script|<!--/i.test(text)) return { enc: 'raw', body: text };
  return { enc: 'b64', body: Buffer.from(text, 'utf8').toString('base64') };
}

/** The entry and everything it imports statically: what the first paint needs. */
function staticClosure(entry, manifest) {
  const seen = new Set();
  const todo = [entry];
  while (todo.length) {
    const k = todo.pop();
    if (seen.has(k)) continue;
    seen.add(k);
    todo.push(...(manifest[k]?.s ?? []));
  }
  return seen;
}

// The module resolver, run in the page and again inside every worker (each realm mints its own
// Blob URLs: a worker may not import the page's). `core.toString()` ships it into a worker.
// M: key → { js, s: static deps, l: lazy refs, type }; get(k): a part's payload { e: encoding, b: body }.
// Encodings: raw text, b64 bytes, z = deflate-raw bytes in base64 (lazy parts: inert text until
// first needed, then inflated with DecompressionStream).
const CORE = `(M, get, src) => {
  const cache = new Map();
  const blob = (body, type) => URL.createObjectURL(new Blob([body], { type }));
  const bytes = (b) => {
    if (Uint8Array.fromBase64) return Uint8Array.fromBase64(b);
    const s = atob(b), u = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) u[i] = s.charCodeAt(i);
    return u;
  };
  const inflate = async (u) => {
    if (typeof DecompressionStream === 'undefined') throw new Error('此浏览器版本过旧，无法解压本文件中的组件，请用较新版本的 Chrome、Edge 或 Firefox 打开');
    return new Uint8Array(await new Response(new Blob([u]).stream().pipeThrough(new DecompressionStream('deflate-raw'))).arrayBuffer());
  };
  const read = async (k) => {
    let p = get(k);
    // Lazy parts follow the loader in the page: one asked for while the page is still parsing
    // (the example a first visit opens) is there once the parser is done.
    if (!p && globalThis.document && document.readyState === 'loading') {
      await new Promise((r) => document.addEventListener('DOMContentLoaded', r, { once: true }));
      p = get(k);
    }
    if (!p) throw new Error('missing part ' + k);
    if (p.e === 'raw') return p.b;
    const u = p.e === 'z' ? await inflate(bytes(p.b)) : bytes(p.b);
    return M[k].js ? new TextDecoder().decode(u) : u;
  };
  // Static imports are resolved depth-first: a module's Blob URL exists only once its deps' do.
  const url = (k) => {
    let u = cache.get(k);
    if (u) return u;
    const m = M[k];
    if (!m) throw new Error('unknown part ' + k);
    u = (async () => {
      if (!m.js) return blob(await read(k), m.type);
      const [s, deps] = await Promise.all([read(k), Promise.all(m.s.map(url))]);
      const to = {};
      m.s.forEach((d, i) => { to[d] = JSON.stringify(deps[i]); });
      // One pass over the text (a big module has dozens of static imports).
      return blob(s.replace(/"sf:([^"]+)"/g, (x, d) => to[d] || x), 'text/javascript');
    })();
    cache.set(k, u);
    return u;
  };
  // A worker gets a bootstrap holding the payloads of everything it may load, and this resolver.
  const boot = (k) => {
    const seen = new Set(), todo = [k];
    while (todo.length) {
      const x = todo.pop();
      if (seen.has(x)) continue;
      seen.add(x);
      if (M[x].js) todo.push(...M[x].s, ...M[x].l);
    }
    const T = {};
    for (const x of seen) {
      T[x] = get(x);
      if (!T[x]) throw new Error('missing part ' + x);
    }
    // A classic script (module workers from blob: fail on file:// in Chromium); messages that
    // arrive before the worker's module has run are held and replayed, as a module worker would.
    const text = 'const T=' + JSON.stringify(T) + ';(' + src + ')(' + JSON.stringify(M) +
      ',(k)=>T[k],' + JSON.stringify(src) + ');' +
      'const q=[],hold=(e)=>{q.push(e);e.stopImmediatePropagation();};addEventListener("message",hold);' +
      'globalThis.__sf.i(' + JSON.stringify(k) + ').then(()=>{removeEventListener("message",hold);' +
      'for(const e of q)dispatchEvent(new MessageEvent("message",{data:e.data,ports:[...e.ports]}));},(e)=>{setTimeout(()=>{throw e;});});';
    return blob(text, 'text/javascript');
  };
  const boots = new Map();
  // Our bootstraps are classic scripts whatever type the app asks for.
  const W = globalThis.Worker;
  const ours = new Set();
  if (W) globalThis.Worker = class extends W {
    constructor(u, o) { super(u, ours.has(String(u)) ? { ...o, type: 'classic' } : o); }
  };
  globalThis.__sf = {
    i: async (k) => import(await url(k)),
    // Synchronous (new URL(…) in the app's code): a worker's bootstrap, or an asset's bytes
    // (assets are never stored deflated).
    u: (k) => {
      if (!M[k]) throw new Error('unknown part ' + k);
      if (!boots.has(k)) {
        const p = M[k].js ? null : get(k);
        if (!M[k].js && !p) throw new Error('missing part ' + k);
        const u = p ? blob(bytes(p.b), M[k].type) : boot(k);
        boots.set(k, u);
        ours.add(u);
      }
      return boots.get(k);
    },
    // Which parts became modules so far (tests check that lazy parts stay lazy).
    parts: () => [...cache.keys()],
  };
}`;

// Runs in the page (inline classic script, hashed), between the parts the first paint needs and
// the lazy ones: the app starts while the parser is still skimming the lazy payloads.
const LOADER = `(async () => {
const M = __MANIFEST__;
const get = (k) => {
  const el = document.getElementById('sf:' + k);
  return el ? { e: el.dataset.enc, b: el.textContent } : null;
};
const core = ${CORE};
core(M, get, core.toString());
try {
  await globalThis.__sf.i(__ENTRY__);
} catch (e) {
  const msg = document.getElementById('boot-msg');
  if (msg) msg.textContent = '无法启动决算公开工作簿：此浏览器不允许运行本文件中的程序（' + String((e && e.message) || e) + '）。请用较新版本的 Chrome、Edge 或 Firefox 打开。';
  throw e;
}
})();
`;

const MIME = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png' };

async function listFiles(dir, base = dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(p, base)));
    else out.push(relative(base, p).split('\\').join('/'));
  }
  return out;
}

/**
 * Packs a built folder (index.html + assets) into one HTML string.
 * @param {string} dir the nested build's outDir
 */
export async function packSingleFile(dir) {
  const html = await readFile(join(dir, 'index.html'), 'utf8');
  const entryMatch = html.match(/<script type="module"[^>]*\ssrc="\.?\/?([^"]+)"[^>]*><\/script>/);
  if (!entryMatch) throw new Error('single-file: no module entry script in index.html');
  const entry = entryMatch[1];
  const files = (await listFiles(dir)).filter((f) => f !== 'index.html');
  const jsKeys = files.filter((f) => /\.m?js$/.test(f));
  const css = [];
  for (const m of html.matchAll(/<link rel="stylesheet"[^>]*href="\.?\/?([^"]+)"[^>]*>/g)) css.push(await readFile(join(dir, m[1]), 'utf8'));
  const style = css.join('\n');
  const manifest = {};
  const parts = [];
  const codes = new Map();
  for (const key of jsKeys) {
    const { code, statics, lazies } = rewriteModule(await readFile(join(dir, key), 'utf8'), key, files);
    manifest[key] = { js: 1, s: statics, l: lazies };
    codes.set(key, code);
  }
  if (!manifest[entry]) throw new Error(`single-file: entry ${entry} not in the build`);
  const initial = staticClosure(entry, manifest);
  for (const key of files) {
    if (key.endsWith('.css') || key.endsWith('.map')) continue;
    const ext = posix.extname(key);
    if (codes.has(key)) {
      parts.push([key, payload(codes.get(key), !initial.has(key))]);
    } else {
      // Assets (normally inlined as data: URLs already): base64, handed to a Blob as bytes.
      const buf = await readFile(join(dir, key));
      manifest[key] = { type: MIME[ext] ?? 'application/octet-stream' };
      parts.push([key, { enc: 'b64', body: buf.toString('base64') }]);
    }
  }
  const loader = LOADER.replace('__MANIFEST__', JSON.stringify(manifest)).replace('__ENTRY__', JSON.stringify(entry));
  const policy = singleFileCsp(sha256(loader), sha256(style));
  const tag = ([key, p]) => `<script type="text/plain" id="sf:${key}" data-enc="${p.enc}">${p.body}</script>`;
  const firstTags = parts.filter(([key]) => initial.has(key)).map(tag).join('\n');
  const lazyTags = parts.filter(([key]) => !initial.has(key)).map(tag).join('\n');
  let out = html
    .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, `<meta http-equiv="Content-Security-Policy" content="${policy}" />`)
    .replace(/\s*<script type="module"[^>]*><\/script>/g, '')
    .replace(/\s*<link rel="(?:modulepreload|stylesheet)"[^>]*>/g, '');
  if (!out.includes('Content-Security-Policy')) throw new Error('single-file: no CSP meta to replace');
  // Function replacers: the payloads contain `$&`-like sequences.
  out = out.replace('</head>', () => `<style>${style}</style>\n</head>`);
  out = out.replace('</body>', () => `${firstTags}\n<script>${loader}</script>\n${lazyTags}\n</body>`);
  return out;
}

/**
 * Vite plugin: after the normal build, runs the nested build into a temporary folder and writes
 * <outDir>/juesuan.html. Does nothing inside the nested build itself.
 * @returns {import('vite').Plugin}
 */
export function singleFile() {
  /** @type {import('vite').ResolvedConfig} */
  let cfg;
  return {
    name: 'single-file',
    apply: 'build',
    configResolved(c) {
      cfg = c;
    },
    async closeBundle() {
      if (isSingleFileBuild() || cfg.build.ssr || cfg.build.watch) return;
      const outDir = resolve(cfg.root, cfg.build.outDir);
      const tmp = join(cfg.root, 'node_modules', '.single-file-build', String(process.pid));
      const { build } = await import('vite');
      process.env[NESTED_ENV] = '1';
      try {
        await build({
          root: cfg.root,
          configFile: cfg.configFile,
          mode: cfg.mode,
          logLevel: 'warn',
          build: {
            outDir: tmp,
            emptyOutDir: true,
            modulePreload: false,
            cssCodeSplit: false,
            assetsInlineLimit: () => true,
            copyPublicDir: false,
            reportCompressedSize: false,
          },
        });
      } finally {
        delete process.env[NESTED_ENV];
      }
      const html = await packSingleFile(tmp);
      await mkdir(dirname(join(outDir, SINGLE_FILE_NAME)), { recursive: true });
      await writeFile(join(outDir, SINGLE_FILE_NAME), html);
      await rm(tmp, { recursive: true, force: true });
      cfg.logger.info(`single file: ${posix.join(cfg.build.outDir, SINGLE_FILE_NAME)} ${(Buffer.byteLength(html) / 1024).toFixed(0)} KB`);
    },
  };
}
