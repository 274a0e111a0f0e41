// The engine's recalculation order (hf-topsort.ts) is HyperFormula's own, step for step: on random
// workbooks with ranges and cycles, the same sorted list and cycles, and the same recompute and
// cycle callbacks in the same order, from random sets of changed vertices.
import { HyperFormula } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import { fastTopSort, topSortFrom } from '../../src/engine/hf-topsort';
import { rng } from '../../bench/large-workbook';
import { openWorkbook } from '../../src/app/templates';
import { largeWorkbook } from '../../bench/large-workbook';

interface Vertex {
  idInGraph?: number;
}
interface Graph {
  nodesSparseArray: unknown[];
  edgesSparseArray: (number | undefined)[][];
  getTopSortedWithSccSubgraphFrom(m: Vertex[], op: (v: Vertex) => boolean, cyc: (v: Vertex) => void): { sorted: Vertex[]; cycled: Vertex[] };
}

const graphOf = (hf: HyperFormula) => (hf as unknown as { dependencyGraph: { graph: Graph } }).dependencyGraph.graph;

/** A sheet of `n` rows × 4 columns: numbers, references (forward ones make cycles) and SUM ranges. */
function randomSheet(r: () => number, n: number): (string | number | null)[][] {
  const cell = (row: number) => `${'ABCD'[Math.floor(r() * 4)]}${1 + Math.min(n - 1, Math.max(0, row))}`;
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: 4 }, () => {
      const x = r();
      if (x < 0.3) return Math.round(r() * 100);
      if (x < 0.35) return null;
      const back = () => cell(i - 1 - Math.floor(r() * 8));
      if (x < 0.7) return `=${back()}+${back()}`;
      if (x < 0.9) return `=SUM(A${1 + Math.max(0, i - 6)}:B${Math.max(1, i)})`;
      return `=${cell(i + Math.floor(r() * 5))}+1`; // forward: may close a cycle
    }),
  );
}

/** Both sorts from the same changed vertices, with the same deterministic callbacks, recorded. */
function compareSorts(graph: Graph, modified: Vertex[], seed: number): void {
  const hfOwn = Object.getPrototypeOf(graph).getTopSortedWithSccSubgraphFrom as Graph['getTopSortedWithSccSubgraphFrom'];
  const run = (sort: (m: Vertex[], op: (v: Vertex) => boolean, cyc: (v: Vertex) => void) => { sorted: Vertex[]; cycled: Vertex[] }) => {
    const calls: string[] = [];
    // "Value changed" for about two vertices in three, fixed per vertex.
    const changed = (v: Vertex) => ((v.idInGraph ?? 0) * 2654435761 + seed) % 3 !== 0;
    const out = sort(
      [...modified],
      (v) => {
        calls.push(`r${v.idInGraph}`);
        return changed(v);
      },
      (v) => calls.push(`c${v.idInGraph}`),
    );
    return { calls, sorted: out.sorted.map((v) => v?.idInGraph), cycled: out.cycled.map((v) => v?.idInGraph) };
  };
  const own = run((m, op, cyc) => hfOwn.call(graph, m, op, cyc));
  const ours = run((m, op, cyc) => topSortFrom(graph.nodesSparseArray, graph.edgesSparseArray, m, op, cyc));
  expect(ours).toEqual(own);
}

describe('recalculation order', () => {
  it('equals HyperFormula’s own on random workbooks with ranges and cycles', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const r = rng(seed);
      const hf = HyperFormula.buildFromSheets({ S: randomSheet(r, 60), T: randomSheet(r, 30) }, { licenseKey: 'gpl-v3' });
      const graph = graphOf(hf);
      const vertices = graph.nodesSparseArray.filter(Boolean) as Vertex[];
      let cycles = 0;
      for (let k = 0; k < 6; k++) {
        const modified = vertices.filter(() => r() < 0.05 + k * 0.1);
        compareSorts(graph, modified, seed * 31 + k);
        cycles += graph.getTopSortedWithSccSubgraphFrom(modified, () => true, () => {}).cycled.length;
      }
      if (seed === 1) expect(cycles).toBeGreaterThan(0);
      hf.destroy();
    }
  });

  it('equals it on the 500-code workbook, from every cell of a table changed', () => {
    const e = openWorkbook(largeWorkbook().doc);
    const hf = (e as unknown as { hf: HyperFormula }).hf;
    const graph = graphOf(hf);
    const vertices = graph.nodesSparseArray.filter(Boolean) as Vertex[];
    compareSorts(graph, vertices.filter((_, i) => i % 7 === 0), 5);
    e.destroy();
  }, 60_000);

  it('is installed on the engine’s workbook (fails when an upgrade moves HF’s graph)', () => {
    const hf = HyperFormula.buildFromSheets({ S: [[1, '=A1+1']] }, { licenseKey: 'gpl-v3' });
    expect(fastTopSort(hf)).toBe(true);
    expect(Object.prototype.hasOwnProperty.call(graphOf(hf), 'getTopSortedWithSccSubgraphFrom')).toBe(true);
    hf.setCellContents({ sheet: 0, row: 0, col: 0 }, 5);
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 1 })).toBe(6);
    hf.destroy();
  });
});
