// The machine a bench run was measured on, and how busy it was: load averages before and after
// (and the highest 1-minute one sampled during the run), CPU count and model.
import { cpus, loadavg } from 'node:os';

export function machine() {
  const c = cpus();
  return { cpu: c[0]?.model ?? 'unknown', cores: c.length, node: process.version };
}

/** Starts sampling the 1-minute load average every 5 s; `stop()` returns the load record. */
export function watchLoad() {
  const before = loadavg();
  let max1 = before[0];
  const timer = setInterval(() => (max1 = Math.max(max1, loadavg()[0])), 5000);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      const after = loadavg();
      max1 = Math.max(max1, after[0]);
      const cores = cpus().length;
      return { before, after, max1, cores, busy: Math.max(before[0], after[0], max1) > cores * 0.75 };
    },
  };
}

/** "load average before …, after …, 1-min max … on N cores", as every bench prints it. */
export function loadLine(load) {
  const f = (a) => a.map((x) => x.toFixed(2)).join(' ');
  return `load average before ${f(load.before)}, after ${f(load.after)}, 1-min max ${load.max1.toFixed(2)} on ${load.cores} cores`;
}

export function loadWarning(load) {
  if (!load.busy) return '';
  return `WARNING: the machine was busy (${loadLine(load)}): absolute browser times are inflated; read the ratios to the floors.`;
}
