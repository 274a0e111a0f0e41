import type { Plugin } from 'vite';

export declare const HF_FUNCTION_PLUGINS: readonly string[];
export declare function slimHyperFormula(): Plugin;
