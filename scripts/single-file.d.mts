import type { Plugin } from 'vite';

export declare const SINGLE_FILE_NAME: string;
export declare function isSingleFileBuild(): boolean;
export declare function singleFileCsp(scriptHash: string, styleHash: string): string;
export declare function rewriteModule(code: string, key: string, keys: string[]): { code: string; statics: string[]; lazies: string[] };
export declare function packSingleFile(dir: string): Promise<string>;
export declare function singleFile(): Plugin;
