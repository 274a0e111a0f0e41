import type { Plugin } from 'vite';

export declare function serviceWorkerSource(version: string, files: string[]): string;
export declare function serviceWorker(opts?: { skip?: () => boolean }): Plugin;
