#!/usr/bin/env node
// Runs a TypeScript module of this project in Node through Vite's SSR loader (handles the
// template's ?raw and JSON imports). Usage: node scripts/run-ts.mjs examples/headless.ts
import { createServer } from 'vite';

const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/run-ts.mjs <file.ts>');
  process.exit(2);
}
const server = await createServer({ server: { middlewareMode: true, hmr: false, ws: false }, appType: 'custom', logLevel: 'error' });
try {
  const mod = await server.ssrLoadModule(new URL(file, `file://${process.cwd()}/`).pathname);
  if (typeof mod.default === 'function') await mod.default();
} finally {
  await server.close();
}
