// Median and p95 of a sample, and an interleaved timing loop.
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

/**
 * Times several operations in turn, one call each per round, so every one sees the same JIT, GC
 * and cache state (timing them one block after another favoured whichever ran later). Returns the
 * samples round by round (index i of each list is the same round).
 */
export function sampleInterleaved<K extends string>(n: number, fns: Record<K, (i: number) => void>, warmup = 200): Record<K, number[]> {
  const entries = Object.entries(fns) as [K, (i: number) => void][];
  for (let i = 0; i < warmup; i++) for (const [, fn] of entries) fn(i);
  const out = Object.fromEntries(entries.map(([k]) => [k, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < n; i++) {
    for (const [k, fn] of entries) {
      const t0 = performance.now();
      fn(warmup + i);
      out[k].push(performance.now() - t0);
    }
  }
  return out;
}

/** Median over rounds of a[i] / b[i]: both samples of a round share its moment's load. */
export function pairRatio(a: readonly number[], b: readonly number[]): number {
  return stat(a.map((x, i) => x / b[i]!)).median;
}
