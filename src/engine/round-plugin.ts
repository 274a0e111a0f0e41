// ROUND with Excel's half-up on ties, via decimal.js (HyperFormula's own gives ROUND(1.005,2)=1).
// Must never throw: an exception here would abort the whole workbook build.
import Decimal from 'decimal.js';
import { FunctionArgumentType, FunctionPlugin, HyperFormula } from 'hyperformula';

// HF does not export its AST/state types from the package root.
/* eslint-disable @typescript-eslint/no-explicit-any */

export function roundHalfUpNumber(x: number, places: number): number {
  if (!Number.isFinite(x)) return x;
  try {
    const p = Math.trunc(places);
    const d = new Decimal(String(x));
    if (p >= 0) return d.toDecimalPlaces(Math.min(p, 15), Decimal.ROUND_HALF_UP).toNumber();
    // toDecimalPlaces rejects negative places: scale instead (ROUND(1234.5,-2)=1200).
    const f = new Decimal(10).pow(-p);
    return d.div(f).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(f).toNumber();
  } catch {
    return Number.NaN;
  }
}

export class DecimalRoundPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    ROUND: {
      method: 'round',
      parameters: [{ argumentType: FunctionArgumentType.NUMBER }, { argumentType: FunctionArgumentType.NUMBER, defaultValue: 0 }],
    },
  };

  round(ast: any, state: any): any {
    return this.runFunction(ast.args, state, this.metadata('ROUND'), (x: number, places: number) => roundHalfUpNumber(x, places));
  }
}

let registered = false;
/** Replaces HF's ROUND once per process. */
export function registerDecimalRound(): void {
  if (registered) return;
  HyperFormula.unregisterFunction('ROUND');
  HyperFormula.registerFunctionPlugin(DecimalRoundPlugin);
  registered = true;
}
