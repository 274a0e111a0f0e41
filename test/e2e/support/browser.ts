// Helpers for end-to-end tests: system Chromium via playwright-core (never a downloaded
// browser), the built app served by Vite's preview server, and pages instrumented to catch
// network leaks, console errors and CSP violations.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { preview } from 'vite';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const CHROMIUM_PATH = '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // No sandbox: CI runs as root. The rest stops Chromium from phoning home, so that any
    // external request a test sees really comes from the app.
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export interface PreviewHandle {
  /** Base URL ending in '/', e.g. http://127.0.0.1:41234/ */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves an already built app (default `dist/`, built by `vite build` in the npm script) on
 * 127.0.0.1 with an OS-chosen free port, so parallel runs never collide.
 * `outDir` (absolute or relative to the repo root) lets tests serve some other folder; E2E_DIST
 * does the same for a whole run (a private build while others rebuild dist/).
 */
export async function startPreviewServer(opts: { outDir?: string } = {}): Promise<PreviewHandle> {
  const outDir = resolve(REPO_ROOT, opts.outDir ?? process.env.E2E_DIST ?? 'dist');
  if (!existsSync(join(outDir, 'index.html'))) {
    throw new Error(`${outDir}/index.html not found: run \`npx vite build\` first (npm run test:e2e does).`);
  }
  const server = await preview({
    root: REPO_ROOT,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
  const port = (server.httpServer.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}

export interface AppPage {
  context: BrowserContext;
  page: Page;
  /** Every request that left the app's origin (data: and blob: excluded). Should stay empty. */
  externalRequests: string[];
  /** console.error messages and uncaught page errors. */
  consoleErrors: string[];
  /** Console messages about Content Security Policy (usually also in consoleErrors). */
  cspViolations: string[];
}

export interface AppPageOptions {
  /** Navigate to the URL after setting up listeners (default true). */
  goto?: boolean;
  viewport?: { width: number; height: number };
  /** Let the app's service worker run (default: blocked, so no test depends on its cache). */
  serviceWorkers?: boolean;
}

export async function newAppPage(browser: Browser, url: string, opts: AppPageOptions = {}): Promise<AppPage> {
  const origin = new URL(url).origin;
  const context = await browser.newContext({
    acceptDownloads: true,
    viewport: opts.viewport ?? { width: 1400, height: 900 },
    locale: 'zh-CN',
    serviceWorkers: opts.serviceWorkers ? 'allow' : 'block',
  });
  // Opaque origins (data:, about:) cannot be granted permissions; only http(s) apps need them.
  if (origin.startsWith('http')) {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  }

  const externalRequests: string[] = [];
  const consoleErrors: string[] = [];
  const cspViolations: string[] = [];

  // Listen on the context, not the page, so requests from popups and workers count too.
  context.on('request', (req) => {
    const u = req.url();
    if (u.startsWith('data:') || u.startsWith('blob:')) return;
    if (new URL(u).origin !== origin) externalRequests.push(`${req.method()} ${u}`);
  });

  const page = await context.newPage();
  page.on('console', (msg) => {
    const text = msg.text();
    if (msg.type() === 'error') consoleErrors.push(text);
    if (text.includes('Content Security Policy')) cspViolations.push(text);
  });
  page.on('pageerror', (err) => consoleErrors.push(`pageerror: ${err.stack ?? err.message}`));

  if (opts.goto !== false) await page.goto(url);
  return { context, page, externalRequests, consoleErrors, cspViolations };
}

/** Saves a PNG to test-output/screenshots/<name>.png and returns its absolute path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = join(REPO_ROOT, 'test-output', 'screenshots');
  await mkdir(dir, { recursive: true });
  // Keep names from escaping the folder or breaking on odd filesystems.
  const safe = name.replace(/[\\/:*?"<>|\s]+/g, '_');
  const path = join(dir, `${safe}.png`);
  await page.screenshot({ path });
  return path;
}
