// HyperFormula 3.5's recalculation order, computed without its per-visit allocations (pinned
// internals, like hf-row-moves.ts; nothing here knows the layout). HF sorts the vertices a change
// reaches with an iterative Tarjan (DependencyGraph/TopSort.mjs) that filters a fresh copy of a
// vertex's edge list at each of its three visits and keeps its marks in sparse arrays: after a
// 100-code paste (3,600 written cells reaching 5,300 vertices) that was a third of the
// recalculation. This is the same algorithm step for step — the same visiting order, the same
// sorted list and cycles, the same calls of HF's recompute and cycle callbacks — over typed arrays.

import type { HyperFormula } from 'hyperformula';

interface Vertex {
  idInGraph?: number;
}
interface GraphInternals {
  nodesSparseArray?: unknown[];
  edgesSparseArray?: (number | undefined)[][];
  getTopSortedWithSccSubgraphFrom?: TopSortFn;
}
type TopSortFn = (modified: Vertex[], recompute: (v: Vertex) => boolean, onCycle: (v: Vertex) => void) => { sorted: Vertex[]; cycled: Vertex[] };

const ON_STACK = 1;
const PROCESSED = 2;
const POPPED = 3;

/** The sort of `graph` from `modified` (HF's Graph.getTopSortedWithSccSubgraphFrom). */
export function topSortFrom(
  nodes: readonly unknown[],
  edges: readonly ((number | undefined)[] | undefined)[],
  modified: readonly Vertex[],
  recompute: (v: Vertex) => boolean,
  onCycle: (v: Vertex) => void,
): { sorted: Vertex[]; cycled: Vertex[] } {
  const n = Math.max(nodes.length, edges.length);
  const entrance = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const status = new Uint8Array(n);
  const inScc = new Uint8Array(n);
  const inCycle = new Uint8Array(n);
  const order: number[] = [];
  let time = 0;
  /** HF's adjacency: the edges that name a vertex still in the graph. */
  const adjacent = (t: number | undefined): t is number => t !== undefined && Boolean(nodes[t]);

  const ids: number[] = [];
  for (const v of modified) if (v.idInGraph !== undefined) ids.push(v.idInGraph);
  ids.reverse();
  const dfs: number[] = [];
  const scc: number[] = [];
  for (const v of ids) {
    if (status[v]) continue;
    status[v] = ON_STACK;
    dfs.push(v);
    scc.length = 0;
    while (dfs.length) {
      const u = dfs[dfs.length - 1]!;
      const out = edges[u] ?? [];
      if (status[u] === ON_STACK) {
        entrance[u] = low[u] = time++;
        scc.push(u);
        for (const t of out) {
          if (!adjacent(t) || entrance[t] !== -1) continue;
          dfs.push(t);
          parent[t] = u;
          status[t] = ON_STACK;
        }
        status[u] = PROCESSED;
      } else if (status[u] === PROCESSED) {
        let uLow = entrance[u]!;
        for (const t of out) {
          if (!adjacent(t) || inScc[t]) continue;
          uLow = Math.min(uLow, parent[t] === u ? low[t]! : entrance[t]!);
        }
        low[u] = uLow;
        if (uLow === entrance[u]) {
          const start = order.length;
          let w: number;
          do {
            w = scc.pop()!;
            inScc[w] = 1;
            order.push(w);
          } while (w !== u);
          if (order.length - start > 1) for (let k = start; k < order.length; k++) inCycle[order[k]!] = 1;
        }
        dfs.pop();
        status[u] = POPPED;
      } else dfs.pop();
    }
  }

  const update = new Uint8Array(n);
  for (const t of ids) update[t] = 1;
  const sorted: Vertex[] = [];
  const cycled: Vertex[] = [];
  const mark = (out: readonly (number | undefined)[]) => {
    for (const s of out) if (adjacent(s)) update[s] = 1;
  };
  for (let k = order.length - 1; k >= 0; k--) {
    const t = order[k]!;
    const out = edges[t] ?? [];
    const vertex = nodes[t] as Vertex;
    if (inCycle[t] || out.includes(t)) {
      cycled.push(vertex);
      onCycle(vertex);
      mark(out);
    } else {
      sorted.push(vertex);
      if (update[t] && recompute(vertex)) mark(out);
    }
  }
  return { sorted, cycled };
}

const INSTALLED = new WeakSet<object>();

/**
 * Makes `hf`'s recalculations sort with topSortFrom; false (HF's own sort stays) when the pinned
 * internals are not there.
 */
export function fastTopSort(hf: HyperFormula): boolean {
  const g = (hf as unknown as { dependencyGraph?: { graph?: GraphInternals } }).dependencyGraph?.graph;
  if (!g || INSTALLED.has(g)) return Boolean(g);
  if (!Array.isArray(g.nodesSparseArray) || !Array.isArray(g.edgesSparseArray) || typeof g.getTopSortedWithSccSubgraphFrom !== 'function') return false;
  g.getTopSortedWithSccSubgraphFrom = (modified, recompute, onCycle) => topSortFrom(g.nodesSparseArray!, g.edgesSparseArray!, modified, recompute, onCycle);
  INSTALLED.add(g);
  return true;
}
