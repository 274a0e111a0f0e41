// Median and p95 of a sample, and a timing loop.
export interface Stat {
  median: number;
  p95: number;
  n: number;
}

export function stat(samples: number[]): Stat {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)] ?? Number.NaN;
  return { median: q(0.5), p95: q(0.95), n: s.length };
}

export function timeIt(n: number, fn: (i: number) => void, warmup = 5): Stat {
  for (let i = 0; i < warmup; i++) fn(i);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    fn(i);
    out.push(performance.now() - t0);
  }
  return stat(out);
}
