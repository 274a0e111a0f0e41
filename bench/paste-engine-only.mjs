#!/usr/bin/env node
// Only the engine figure of the paste bench (bench/paste-engine.ts): `node bench/paste-engine-only.mjs
// [runs]`, fresh session per run, the first two dropped. PASTE_PROFILE=file.json also writes V8's
// CPU profile of the timed pastes only (one profile per paste, merged by function in the JSON).
// Prints wall and CPU medians and the machine's load; stores nothing.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { createServer } from 'vite';
import { loadLine, watchLoad } from './machine.mjs';

const runs = Number(process.argv[2] ?? 12);
const load = watchLoad();
const vite = await createServer({ root: process.cwd(), server: { middlewareMode: true, hmr: false, ws: false }, appType: 'custom', logLevel: 'error' });
const run = (await vite.ssrLoadModule('/bench/paste-engine.ts')).default;
const profiles = [];
let around;
if (process.env.PASTE_PROFILE) {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  around = async (paste) => {
    await session.post('Profiler.start');
    paste();
    profiles.push((await session.post('Profiler.stop')).profile);
  };
}
// PASTE_PHASES=1: CPU time between the marks the code under test sets (globalThis.__ph), per paste.
const phases = new Map();
let mark;
if (process.env.PASTE_PHASES) {
  let last = 0;
  let n = 0;
  mark = (name) => {
    const c = process.cpuUsage();
    const t = (c.user + c.system) / 1000;
    if (name === 'begin') n++;
    else if (n > 2) phases.set(name, (phases.get(name) ?? 0) + t - last);
    last = t;
  };
  globalThis.__ph = (name) => mark(name);
}
const { wall, cpu } = await run(runs + 2, around, mark);
await vite.close();
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
const p25 = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 4)];
const w = wall.slice(2);
const c = cpu.slice(2);
console.log(`paste 100 codes, engine: wall median ${median(w).toFixed(0)} ms (p25 ${p25(w).toFixed(0)}), CPU median ${median(c).toFixed(0)} ms (p25 ${p25(c).toFixed(0)}), ${w.length} runs`);
console.log(`  wall ${w.map((x) => x.toFixed(0)).join(' ')}`);
for (const [k, v] of phases) console.log(`  ${k.padEnd(22)} ${(v / runs).toFixed(1)} ms CPU`);
console.log(loadLine(load.stop()));
if (process.env.PASTE_PROFILE) writeFileSync(process.env.PASTE_PROFILE, JSON.stringify(profiles.slice(2)));
process.exit(0);
