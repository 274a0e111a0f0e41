// The browser bundle registers only the HyperFormula function plugins in HF_FUNCTION_PLUGINS
// (scripts/slim-hyperformula.mjs). Every function a template formula calls must come from one of
// them, or the built app would show #NAME? where Node tests (full HyperFormula) see a number.
import { HyperFormula } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import { largeWorkbook } from '../../bench/large-workbook';
import { HF_FUNCTION_PLUGINS } from '../../scripts/slim-hyperformula.mjs';
import { exampleDocument, openWorkbook } from '../../src/app/templates';
import { DecimalRoundPlugin } from '../../src/engine/round-plugin';

function functionsUsed(): Set<string> {
  const names = new Set<string>();
  for (const doc of [exampleDocument(), largeWorkbook().doc]) {
    const e = openWorkbook(doc);
    for (const s of e.layout.sheets) {
      for (const row of s.cells) for (const c of row) if (c?.t === 'formula') for (const m of c.formula.matchAll(/([A-Z][A-Z0-9.]*)\(/g)) names.add(m[1]!);
    }
    e.destroy();
  }
  return names;
}

describe('HyperFormula functions of the templates', () => {
  const used = functionsUsed();

  it('finds the functions the formulas call', () => {
    // SUM totals, IF/ABS in 审核 and balances, ROUND for shares.
    expect(used).toContain('SUM');
    expect(used).toContain('ROUND');
    expect(used).toContain('IF');
  });

  it('are all implemented by a plugin the browser bundle keeps', () => {
    const kept = new Set<string>([...HF_FUNCTION_PLUGINS, DecimalRoundPlugin.name]);
    const missing = [...used].filter((name) => !kept.has(HyperFormula.getFunctionPlugin(name)?.name ?? '(none)'));
    expect(missing).toEqual([]);
  });
});
