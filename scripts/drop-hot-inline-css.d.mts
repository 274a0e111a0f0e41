import type { Plugin } from 'vite';

export declare function dropHandsontableInlineCss(): Plugin;
