#!/usr/bin/env node
// Main-thread CPU of a cold open, for an A/B of builds on a shared machine:
// `node bench/thread-time.mjs [rounds] <distDir> [<distDir>…]` serves each build and, per round,
// opens each once like the bench's cold open (openFresh: fresh profile, first visit, the same
// probe with its `bench:painted` mark) under a Chromium trace, the order reversed every other
// round. Sums the thread time (`tdur`: time on a core, not waiting for one) of the page renderer
// main thread's tasks up to the paint, and up to each app:* mark; each app open is followed by
// one of the build's cold-open floor page (bench/floors/open-page.mjs). Build the dists first.
import { alternateBuilds, openFresh, stat } from './browser-bench.mjs';
import { writeOpenFloor } from './floors/open-page.mjs';

const argv = process.argv.slice(2);
const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', '__metadata'].join(',');

/** One traced cold open: thread ms of the renderer main thread up to each mark. */
async function traced(url) {
  let cdp;
  let js;
  const { extra } = await openFresh(url, {
    probe: { marker: true },
    before: async (page, ctx) => {
      cdp = await ctx.newCDPSession(page);
      await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
    },
    after: async (page) => {
      js = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.js') && e.responseEnd <= window.__firstTablePaint).map((e) => new URL(e.name).pathname.slice(1)));
      const events = [];
      cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
      const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
      await cdp.send('Tracing.end');
      await done;
      return events;
    },
  });
  const painted = extra.find((e) => e.name === 'bench:painted');
  if (!painted) throw new Error('no bench:painted mark in the trace');
  const main = extra.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === painted.pid && e.args?.name === 'CrRendererMain');
  const tasks = extra.filter((e) => e.pid === painted.pid && e.tid === main.tid && e.name === 'RunTask' && e.ph === 'X' && e.tdur !== undefined);
  const upTo = (ts) => tasks.filter((t) => t.ts < ts).reduce((a, t) => a + Math.min(t.tdur, Math.max(0, ts - t.ts)), 0) / 1000;
  const marks = extra.filter((e) => e.pid === painted.pid && e.cat?.includes('blink.user_timing') && /^(app:|bench:painted)/.test(e.name) && (e.ph === 'R' || e.ph === 'I' || e.ph === 'n' || e.ph === 'b'));
  const out = {};
  for (const m of marks) out[m.name.replace(/^(app|bench):/, '')] ??= upTo(m.ts);
  return { out, js };
}

const sides = await alternateBuilds(argv, 'node bench/thread-time.mjs [rounds] <distDir> [<distDir>…]', async (side, i) => {
  const { out: r, js } = await traced(side.url);
  (side.runs ??= []).push(r);
  // The bench's cold-open floor page of this build (written once), opened right after.
  side.floorUrl ??= side.url + writeOpenFloor(side.dist, js).path;
  const f = (await traced(side.floorUrl)).out.painted;
  (side.floor ??= []).push(f);
  console.error(`[thread-time] round ${i + 1} ${side.dist}: ${Object.entries(r).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}; floor painted ${f.toFixed(0)}`);
});
for (const s of sides) {
  const keys = [...new Set(s.runs.flatMap((r) => Object.keys(r)))];
  const painted = stat(s.runs.map((r) => r.painted)).median;
  const floor = stat(s.floor).median;
  console.log(`${s.dist}: main-thread thread time (ms, median of ${s.runs.length}) ${keys.map((k) => `${k} ${stat(s.runs.map((r) => r[k]).filter((x) => x !== undefined)).median.toFixed(0)}`).join(', ')}; floor page painted ${floor.toFixed(0)} (app / floor ${(painted / floor).toFixed(2)})`);
}
