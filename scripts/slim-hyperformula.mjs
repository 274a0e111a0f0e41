// Build-time trim of HyperFormula for the browser bundle. Its package entry registers every one of
// its ~400 spreadsheet functions and bundles their documentation (for a function list UI); the
// templates use five (test/engine/hf-functions.test.ts keeps that true). Only the function plugins
// below are registered in the built app. Its formula lexer and parser (Chevrotain) also skip the
// checks of their own grammar at start-up (`skipValidations`): the grammar is fixed by the pinned
// version and the same for Node, where those checks still run; and the lexer tracks offsets only
// (HF reads no token's line or column). That halves the first HF build,
// which is on the cold-open path (docs/performance.md).

/** HF function plugins the templates need: SUM/MAX/MIN, IF, ABS, and ROUND (which the engine replaces). */
export const HF_FUNCTION_PLUGINS = ['NumericAggregationPlugin', 'BooleanPlugin', 'AbsPlugin', 'RoundingPlugin'];

const PLUGIN_INDEX = '/hyperformula/es/interpreter/plugin/index.mjs';
const FUNCTION_DOCS = '/hyperformula/es/interpreter/functionMetadata/index.mjs';
const FORMULA_PARSER = '/hyperformula/es/parser/FormulaParser.mjs';
const PARSER_OPTIONS = [
  ['maxLookahead: 7\n', 'maxLookahead: 7,\n      skipValidations: true\n'],
  // HF reads only the tokens' offsets: no line/column tracking (the lexer skips checking every
  // token pattern for line terminators at start-up).
  ['ensureOptimizations: true\n', "ensureOptimizations: true,\n      skipValidations: true,\n      positionTracking: 'onlyOffset'\n"],
];

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
    transform(code, id) {
      const path = id.replace(/\\/g, '/').split('?')[0];
      if (!path.endsWith(FORMULA_PARSER)) return null;
      let out = code;
      for (const [from, to] of PARSER_OPTIONS) out = out.replace(from, to);
      if (out.split('skipValidations').length - 1 === PARSER_OPTIONS.length) trimmed.add(FORMULA_PARSER);
      return { code: out, map: null };
    },
    generateBundle() {
      // A HyperFormula upgrade that moves these files only makes the bundle bigger: say so.
      if (trimmed.size < 3) this.warn(`HyperFormula was not trimmed (found ${[...trimmed].join(', ') || 'nothing'}); check ${PLUGIN_INDEX}, ${FUNCTION_DOCS} and ${FORMULA_PARSER}`);
    },
  };
}
