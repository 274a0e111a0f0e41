#!/usr/bin/env node
// Where a cold open's CPU goes: `node bench/profile-open.mjs [runs] [--single] [--no-build]`.
// Builds the app with source maps into bench/.dist-profile (never dist/), serves it, and opens it
// like the bench's cold open (fresh browser profile, first visit) with V8's sampling profiler on
// the page from navigation start to the frame that shows the first table. Prints, summed over the
// runs: CPU by module (handsontable, hyperformula, each src/ and sheets/ file…), the app's own
// functions by inclusive time, and idle time. CPU samples are much steadier than wall time on a
// shared machine; read shares and sums, not the wall clock. `--single` profiles dist's
// juesuan.html from file:// instead (builds dist/ like `npm run build`).
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SourceMapConsumer } from 'source-map-js';
import { build } from 'vite';
import { openFresh, serveBuild } from './browser-bench.mjs';
import { writeOpenFloor } from './floors/open-page.mjs';

const root = process.cwd();
const argv = process.argv.slice(2);
const runs = Number(argv.find((a) => /^\d+$/.test(a)) ?? 3);
const single = argv.includes('--single');
const distDir = single ? join(root, 'dist') : join(root, 'bench', '.dist-profile');
const log = (...a) => console.error('[profile]', ...a);

if (!argv.includes('--no-build')) {
  log('building…');
  await build({ root, logLevel: 'warn', build: single ? { sourcemap: true } : { outDir: distDir, emptyOutDir: true, sourcemap: true } });
}

/**
 * One fresh-profile first visit (browser-bench.mjs's openFresh, the bench's own set-up and probe)
 * with V8's sampling profiler on from navigation start; the probe's marker function ends the window.
 */
async function profileOnce(url, warmUrl) {
  let cdp;
  const { extra } = await openFresh(url, {
    // --single: watched from the document's start, as the single-file bench figure does.
    probe: { marker: true, fromStart: single },
    before: async (page, ctx) => {
      // A same-origin page first, so the app's navigation stays in the renderer being profiled.
      if (warmUrl) await page.goto(warmUrl);
      cdp = await ctx.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    },
    after: async (page) => {
      const { profile } = await cdp.send('Profiler.stop');
      const { marks, js } = await page.evaluate(() => ({
        marks: {
          paint: window.__firstTablePaint,
          ...Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('app:')).map((m) => [m.name.slice(4), m.startTime])),
        },
        js: performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.js') && e.responseEnd <= window.__firstTablePaint).map((e) => e.name),
      }));
      return { profile, marks, js };
    },
  });
  return extra;
}

const maps = new Map();
function consumerFor(scriptUrl) {
  if (maps.has(scriptUrl)) return maps.get(scriptUrl);
  let c = null;
  const m = scriptUrl.match(/(assets\/[^?#]+\.js)$/);
  if (m) {
    try {
      c = new SourceMapConsumer(JSON.parse(readFileSync(join(distDir, `${m[1]}.map`), 'utf8')));
    } catch {
      c = null;
    }
  }
  maps.set(scriptUrl, c);
  return c;
}

/** Source module of a call frame: 'handsontable', 'hyperformula', 'src/ui/sheet-grid.ts', … */
function moduleOf(frame) {
  if (!frame.url) return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  const c = consumerFor(frame.url);
  if (!c) return frame.url.includes('blob:') ? '(single-file blob)' : frame.url.replace(/^.*\//, '');
  const pos = c.originalPositionFor({ line: frame.lineNumber + 1, column: frame.columnNumber });
  if (!pos.source) return frame.url.replace(/^.*\//, '');
  const src = relative(root, join(distDir, 'assets', pos.source)).replace(/\\/g, '/');
  const nm = src.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  return nm ? nm[1] : src;
}

function nameOf(frame) {
  const c = frame.url && consumerFor(frame.url);
  if (c) {
    const pos = c.originalPositionFor({ line: frame.lineNumber + 1, column: frame.columnNumber });
    if (pos.name) return pos.name;
  }
  return frame.functionName || '(anonymous)';
}

/** Self and inclusive ms by module and by app function, up to the paint marker. */
function analyse(profile, marks, acc) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const mod = new Map(profile.nodes.map((n) => [n.id, moduleOf(n.callFrame)]));
  let t = profile.startTime;
  const times = profile.timeDeltas.map((d) => (t += d));
  const onStack = (id, name) => {
    for (let n = id; n !== undefined; n = parent.get(n)) if (nodes.get(n).callFrame.functionName === name) return true;
    return false;
  };
  const endIndex = profile.samples.findIndex((id) => onStack(id, 'benchFirstTablePainted'));
  const last = endIndex < 0 ? profile.samples.length : endIndex;
  // Page time (performance.now()) of each sample: the paint marker's sample is at marks.paint.
  const offset = endIndex < 0 ? 0 : times[endIndex] / 1000 - marks.paint;
  if (process.env.PROFILE_DEBUG) log("paint marker sample", endIndex, "of", profile.samples.length, "first sample at page ms", ((profile.startTime / 1000) - offset).toFixed(0));
  const bounds = PHASES.map((p) => marks[p] ?? Infinity);
  for (let i = 0; i < last; i++) {
    const dt = ((times[i + 1] ?? times[i]) - times[i]) / 1000;
    const id = profile.samples[i];
    const self = mod.get(id);
    acc.self.set(self, (acc.self.get(self) ?? 0) + dt);
    const at = times[i] / 1000 - offset;
    const phase = PHASES[bounds.findIndex((b) => at < b)] ?? 'paint';
    const ph = acc.phase.get(phase) ?? acc.phase.set(phase, new Map()).get(phase);
    ph.set(self, (ph.get(self) ?? 0) + dt);
    // Inclusive: each distinct app function and each distinct module on the stack, once.
    const seenFn = new Set();
    const seenMod = new Set();
    for (let n = id; n !== undefined; n = parent.get(n)) {
      const m = mod.get(n);
      seenMod.add(m);
      if (FN_MODULES.test(m)) seenFn.add(`${m}:${nameOf(nodes.get(n).callFrame)}`);
    }
    for (const k of seenFn) acc.fn.set(k, (acc.fn.get(k) ?? 0) + dt);
    const pf = acc.phaseFn.get(phase) ?? acc.phaseFn.set(phase, new Map()).get(phase);
    for (const k of seenFn) pf.set(k, (pf.get(k) ?? 0) + dt);
    for (const k of seenMod) acc.incl.set(k, (acc.incl.get(k) ?? 0) + dt);
  }
  acc.wall.push((times[last - 1] - profile.startTime) / 1000);
}

/** The app's start-up marks (src/main.ts), in order; the last phase ends with the paint. */
/** Modules whose functions are listed by inclusive time (`--fn=REGEX` adds libraries). */
const FN_MODULES = new RegExp(argv.find((a) => a.startsWith('--fn='))?.slice(5) ?? '^(src|sheets)/');
const PHASES = ['script', 'opened', 'mounted', 'paint'];

let server;
let url;
let warmUrl;
if (single) {
  url = pathToFileURL(join(distDir, 'juesuan.html')).href;
} else {
  server = await serveBuild(distDir, root);
  url = server.url;
  warmUrl = `${url}icon.svg`;
}
const accumulator = () => ({ phaseFn: new Map(), phase: new Map(), self: new Map(), incl: new Map(), fn: new Map(), wall: [], marks: [] });
const acc = accumulator();
// The bench's cold-open floor (bench/floors/open-page.mjs), profiled after each app run.
const floorAcc = single || argv.includes('--no-floor') ? null : accumulator();
let floorUrl;
try {
  for (let i = 0; i < runs; i++) {
    const { profile, marks, js } = await profileOnce(url, warmUrl);
    analyse(profile, marks, acc);
    acc.marks.push(marks);
    log(`run ${i + 1}: paint ${marks.paint.toFixed(0)} ms`, JSON.stringify(Object.fromEntries(Object.entries(marks).map(([k, v]) => [k, Math.round(v)]))));
    if (!floorAcc) continue;
    floorUrl ??= url + writeOpenFloor(distDir, js.map((u) => u.slice(url.length))).path;
    const floor = await profileOnce(floorUrl, warmUrl);
    analyse(floor.profile, floor.marks, floorAcc);
    floorAcc.marks.push(floor.marks);
    log(`floor ${i + 1}: paint ${floor.marks.paint.toFixed(0)} ms`);
  }
} finally {
  server?.close();
}
const top = (map, n, filter = () => true) => [...map].filter(([k]) => filter(k)).sort((a, b) => b[1] - a[1]).slice(0, n);
const per = (ms) => (ms / runs).toFixed(1).padStart(8);
const busy = [...acc.self].filter(([k]) => k !== '(idle)').reduce((a, [, v]) => a + v, 0);
console.log(`\ncold open CPU profile, ${runs} run(s), ${single ? 'single file' : 'hosted'}; ms per run (mean) up to the first table's frame`);
console.log(`main thread busy ${per(busy)}   idle ${per(acc.self.get('(idle)') ?? 0)}   profiled span ${per(acc.wall.reduce((a, b) => a + b, 0))}`);
console.log('\nby phase (ends at the app:* mark of that name): busy / idle, top modules by self time');
for (const p of PHASES) {
  const m = acc.phase.get(p) ?? new Map();
  const b = [...m].filter(([k]) => k !== '(idle)').reduce((a, [, v]) => a + v, 0);
  console.log(`${p.padEnd(8)} ${per(b)} / ${per(m.get('(idle)') ?? 0)}   ${top(m, 6, (k) => k !== '(idle)').map(([k, v]) => `${k} ${(v / runs).toFixed(0)}`).join(', ')}`);
}
for (const p of PHASES) {
  console.log(`\n${p}: app functions by inclusive time`);
  for (const [k, v] of top(acc.phaseFn.get(p) ?? new Map(), Number(process.env.PROFILE_TOP ?? 12))) console.log(`${per(v)}  ${k}`);
}
console.log('\nself time by module:');
for (const [k, v] of top(acc.self, 30, (k) => k !== '(idle)')) console.log(`${per(v)}  ${k}`);
console.log('\ninclusive time by module (on the stack):');
for (const [k, v] of top(acc.incl, 30, (k) => !k.startsWith('('))) console.log(`${per(v)}  ${k}`);
console.log('\napp functions by inclusive time:');
for (const [k, v] of top(acc.fn, 45)) console.log(`${per(v)}  ${k}`);
const busyOf = (a) => [...a.self].filter(([k]) => k !== '(idle)').reduce((x, [, v]) => x + v, 0) / runs;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
if (floorAcc) {
  const [ab, fb] = [busyOf(acc), busyOf(floorAcc)];
  const [ap, fp] = [median(acc.marks.map((m) => m.paint)), median(floorAcc.marks.map((m) => m.paint))];
  console.log(`\napp vs floor: main-thread CPU ${ab.toFixed(0)} vs ${fb.toFixed(0)} ms (${(ab / fb).toFixed(2)}×); paint median ${ap.toFixed(0)} vs ${fp.toFixed(0)} ms (${(ap / fp).toFixed(2)}×)`);
  console.log(`floor self time: ${top(floorAcc.self, 6).map(([k, v]) => `${k} ${(v / runs).toFixed(0)}`).join(', ')}`);
}

