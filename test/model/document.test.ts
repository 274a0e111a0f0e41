// withInputs sets many values at once with the same result as one withInput after another.
import { describe, expect, it } from 'vitest';
import { newDocument, withInput, withInputs } from '../../src/model/document';

describe('withInputs', () => {
  it('equals withInput applied in turn: set, overwrite, clear to an empty row and sheet', () => {
    const base = withInput(withInput(newDocument('hn-2021', 4, { department: '甲', year: 2021, unit: '万元' }), 't05', '2010101', 'basic', '1.00'), 't06', '30201', 'amount', '2.00');
    const edits = [
      { sheet: 't05' as const, row: '2010101', col: 'basic', value: '5.00' },
      { sheet: 't05' as const, row: '2010102', col: 'proj', value: '3.10' },
      { sheet: 't06' as const, row: '30201', col: 'amount', value: null },
      { sheet: 't02' as const, row: '2010101', col: 'fin', value: null },
      { sheet: 't05' as const, row: '2010102', col: 'proj', value: null },
    ];
    const oneByOne = edits.reduce((d, e) => withInput(d, e.sheet, e.row, e.col, e.value), base);
    const all = withInputs(base, edits);
    expect(all).toEqual(oneByOne);
    expect(all.inputs).toEqual({ t05: { '2010101': { basic: '5.00' } } });
    // The document given is not changed.
    expect(base.inputs.t06).toEqual({ '30201': { amount: '2.00' } });
  });
});
