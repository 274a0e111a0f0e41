import type { Plugin } from 'vite';

export declare function slimHandsontable(): Plugin;
