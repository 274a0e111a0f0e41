#!/usr/bin/env node
// Runs a TypeScript module of this project in Node. Usage: node scripts/run-ts.mjs examples/headless.ts
// The module (with the project's other scripts/*.ts, so that `npm run review`'s worker processes
// find theirs) is bundled once by Vite in SSR mode — the templates' ?raw imports, JSON, pdf.js's
// character maps as inline data — into node_modules/.cache/run-ts/<key>/, and the bundle is reused
// while no source changes (the key hashes the sources' names, sizes and times). A worker process
// then starts in a fraction of a second instead of starting a Vite server and transforming every
// module anew. Packages stay external (loaded from node_modules as Node loads them).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
/** What a bundle is made of: a change to any of these makes a new one. */
const SOURCES = ['src', 'sheets', 'scripts', 'examples', 'package-lock.json', 'tsconfig.json'];

/** The bundle's key: Node's version, the entries, and every source file's name, size and time. */
function sourceKey(entries) {
  const h = createHash('sha256');
  h.update(`${process.version}\n${entries.join('\n')}\n`);
  const walk = (p) => {
    const s = statSync(p);
    if (!s.isDirectory()) return h.update(`${relative(root, p)}\0${s.size}\0${s.mtimeMs}\n`);
    for (const name of readdirSync(p).sort()) walk(join(p, name));
  };
  for (const s of SOURCES) if (existsSync(join(root, s))) walk(join(root, s));
  return h.digest('hex').slice(0, 20);
}

const nameOf = (entry) => relative(root, entry).replace(/\.ts$/, '').replace(/[\\/]/g, '__');

/** The bundled entry (built when missing): its file path. */
export async function bundled(file) {
  const entry = resolve(process.cwd(), file);
  const scripts = readdirSync(join(root, 'scripts')).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).map((f) => join(root, 'scripts', f));
  const entries = [...new Set([entry, ...scripts])].sort();
  const cache = join(root, 'node_modules', '.cache', 'run-ts');
  const dir = join(cache, sourceKey(entries));
  const out = join(dir, `${nameOf(entry)}.mjs`);
  if (existsSync(out)) return out;
  // Built beside, then moved in place whole: processes started together never read half a bundle.
  const tmp = `${dir}.${process.pid}.tmp`;
  const { build } = await import('vite');
  await build({
    configFile: false,
    root,
    logLevel: 'error',
    assetsInclude: ['**/*.bcmap'],
    build: {
      ssr: true,
      outDir: tmp,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rollupOptions: { input: Object.fromEntries(entries.map((e) => [nameOf(e), e])), output: { format: 'es', entryFileNames: '[name].mjs' } },
    },
  });
  // Older bundles of this checkout are stale now.
  for (const old of existsSync(cache) ? readdirSync(cache) : []) if (!old.endsWith('.tmp') && old !== basename(dir)) rmSync(join(cache, old), { recursive: true, force: true });
  mkdirSync(cache, { recursive: true });
  try {
    renameSync(tmp, dir);
  } catch {
    // Another process moved the same bundle in first.
    rmSync(tmp, { recursive: true, force: true });
  }
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node scripts/run-ts.mjs <file.ts>');
    process.exit(2);
  }
  const mod = await import(pathToFileURL(await bundled(file)).href);
  if (typeof mod.default === 'function') await mod.default();
}
