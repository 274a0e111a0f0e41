// Build-time trim of HyperFormula for the browser bundle. Its package entry registers every one of
// its ~400 spreadsheet functions and bundles their documentation (for a function list UI); the
// templates use five (test/engine/hf-functions.test.ts keeps that true). Only the function plugins
// below are registered in the built app; nothing else of HyperFormula changes.

/** HF function plugins the templates need: SUM/MAX/MIN, IF, ABS, and ROUND (which the engine replaces). */
export const HF_FUNCTION_PLUGINS = ['NumericAggregationPlugin', 'BooleanPlugin', 'AbsPlugin', 'RoundingPlugin'];

const PLUGIN_INDEX = '/hyperformula/es/interpreter/plugin/index.mjs';
const FUNCTION_DOCS = '/hyperformula/es/interpreter/functionMetadata/index.mjs';

/** @returns {import('vite').Plugin} */
export function slimHyperFormula() {
  const trimmed = new Set();
  return {
    name: 'slim-hyperformula',
    apply: 'build',
    enforce: 'pre',
    load(id) {
      const path = id.replace(/\\/g, '/').split('?')[0];
      if (path.endsWith(PLUGIN_INDEX)) {
        trimmed.add(PLUGIN_INDEX);
        return HF_FUNCTION_PLUGINS.map((name) => `export { ${name} } from './${name}.mjs';`).join('\n');
      }
      if (path.endsWith(FUNCTION_DOCS)) {
        trimmed.add(FUNCTION_DOCS);
        return "export * from './FunctionDescription.mjs';\nexport const FUNCTION_DOCS = Object.create(null);\n";
      }
      return null;
    },
    generateBundle() {
      // A HyperFormula upgrade that moves these files only makes the bundle bigger: say so.
      if (trimmed.size < 2) this.warn(`HyperFormula was not trimmed (found ${[...trimmed].join(', ') || 'nothing'}); check ${PLUGIN_INDEX} and ${FUNCTION_DOCS}`);
    },
  };
}
