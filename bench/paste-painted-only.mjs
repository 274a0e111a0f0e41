#!/usr/bin/env node
// paste → painted alone, for A/B of two builds: `node bench/paste-painted-only.mjs <built dist> [pastes]`
// (build each side first, e.g. `npx vite build --outDir /tmp/a`). Opens the 500-code workbook as
// the bench does and pastes the bench's 100 codes `pastes` times (each undone), printing each
// paste's ms to painted and, of it, the frame after the paste's task. Stores nothing.
import { createServer } from 'vite';
import * as B from './browser-bench.mjs';
import { pasteProbe } from './paste-browser-bench.mjs';

const root = process.cwd();
const [distDir, pastes = '12'] = process.argv.slice(2);
if (!distDir) throw new Error('usage: node bench/paste-painted-only.mjs <built dist> [pastes]');
const vite = await createServer({ root, server: { middlewareMode: true, hmr: false, ws: false }, appType: 'custom', logLevel: 'error' });
const fixtures = await (await vite.ssrLoadModule('/bench/make-fixtures.ts')).default();
const { text, first } = (await vite.ssrLoadModule('/bench/paste-bench.ts')).block100();
await vite.close();
const server = await B.serveBuild(distDir, root);
const browser = await B.launch();
const times = [];
try {
  const { page } = await B.openApp(browser, server.url);
  await B.importTimes(page, fixtures.large, 'large.xlsx', 0, true);
  await B.openImportedAsNew(page);
  for (let i = 0; i < Number(pastes); i++) {
    await page.evaluate(() => window.__workbook.goToCell('t05', 'sum', 'basic'));
    await page.waitForSelector('.grid-host [data-sheet="t05"] .ht_master td[data-cell]');
    await page.waitForTimeout(300);
    const painted = await page.evaluate(pasteProbe, { text, selector: `.grid-host td[data-cell="${first}|basic"]` });
    times.push([Math.round(painted), Math.round(painted - (await page.evaluate(() => window.__pasteDomAt)))]);
    await page.keyboard.press('Control+z');
    await page.waitForSelector(`.grid-host td[data-cell="${first}|basic"]`, { state: 'detached' });
    await page.waitForTimeout(400);
  }
} finally {
  await browser.close();
  server.close();
}
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
console.log(`paste → painted, ms [painted, of it the frame]: ${JSON.stringify(times)}`);
console.log(`median of the first 7: ${median(times.slice(0, 7).map((t) => t[0]))}; of pastes 3–${times.length}: ${median(times.slice(2).map((t) => t[0]))}`);
process.exit(0);
