// The single-file packer (scripts/single-file.mjs): module rewriting for Blob URLs, and a packed
// folder whose CSP hashes match its inline loader and style.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { inflateRawSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packSingleFile, rewriteModule } from '../../scripts/single-file.mjs';

const KEYS = ['assets/main.js', 'assets/dep.js', 'assets/lazy.js', 'assets/worker.js'];

describe('rewriteModule', () => {
  it('marks static imports, defers dynamic imports and resolves new URL(…, import.meta.url)', () => {
    const code = [
      'import{a as e}from"./dep.js";',
      "export*from'./dep.js';",
      'const l=()=>import(`./lazy.js`);',
      'const w=new Worker(new URL("./worker.js", import.meta.url),{type:"module"});',
      'const s="./lazy.js is only a string";',
    ].join('\n');
    const r = rewriteModule(code, 'assets/main.js', KEYS);
    expect(r.code).toBe(
      [
        'import{a as e}from"sf:assets/dep.js";',
        'export*from"sf:assets/dep.js";',
        'const l=()=>globalThis.__sf.i("assets/lazy.js");',
        'const w=new Worker(new URL(globalThis.__sf.u("assets/worker.js")),{type:"module"});',
        'const s="./lazy.js is only a string";',
      ].join('\n'),
    );
    expect(r.statics).toEqual(['assets/dep.js']);
    expect(r.lazies.sort()).toEqual(['assets/lazy.js', 'assets/worker.js']);
  });
});

describe('packSingleFile', () => {
  it('inlines every part, hashes the loader and style into the CSP, and keeps </script> text safe', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sf-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(
      join(dir, 'index.html'),
      '<html><head><meta http-equiv="Content-Security-Policy" content="default-src \'self\'" />' +
        '<script type="module" crossorigin src="./assets/main.js"></script><link rel="modulepreload" href="./assets/dep.js">' +
        '<link rel="stylesheet" crossorigin href="./assets/main.css"></head><body><div id="app"></div></body></html>',
    );
    await writeFile(join(dir, 'assets', 'main.js'), 'import"./dep.js";document.title="</script>";');
    await writeFile(join(dir, 'assets', 'dep.js'), 'export const x=1;');
    await writeFile(join(dir, 'assets', 'main.css'), 'body{margin:0}');
    const html = await packSingleFile(dir);
    expect(html).not.toMatch(/src="\.\/assets|href="\.\/assets/);
    expect(html).toContain('id="sf:assets/dep.js" data-enc="raw">export const x=1;</script>');
    expect(html).toContain('id="sf:assets/main.js" data-enc="b64">');
    const loader = html.match(/<script>([\s\S]*?)<\/script>/)![1]!;
    const style = html.match(/<style>([\s\S]*?)<\/style>/)![1]!;
    const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
    const csp = html.match(/content="([^"]*)"/)![1]!;
    // The loader inflates lazy parts itself: the CSP needs no relaxation for it.
    expect(loader).toContain("new DecompressionStream('deflate-raw')");
    expect(csp).toContain(`script-src ${hash(loader)} blob:`);
    expect(csp).toContain(`style-src ${hash(style)}`);
    expect(csp).not.toMatch(/'self'|unsafe/);
  });

  it('stores the parts the first paint does not import deflated, and only those', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sf-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(
      join(dir, 'index.html'),
      '<html><head><meta http-equiv="Content-Security-Policy" content="default-src \'self\'" />' +
        '<script type="module" crossorigin src="./assets/main.js"></script></head><body></body></html>',
    );
    await writeFile(join(dir, 'assets', 'main.js'), 'import"./dep.js";const l=()=>import("./lazy.js");');
    await writeFile(join(dir, 'assets', 'dep.js'), 'export const x=1;');
    const lazy = 'import"./dep.js";export const big="' + '决算'.repeat(500) + '";';
    await writeFile(join(dir, 'assets', 'lazy.js'), lazy);
    const html = await packSingleFile(dir);
    const part = (key: string) => html.match(new RegExp(`id="sf:${key}" data-enc="(\\w+)">([^<]*)</script>`))!;
    expect(part('assets/main.js')[1]).toBe('raw');
    expect(part('assets/dep.js')[1]).toBe('raw');
    const [, enc, body] = part('assets/lazy.js');
    expect(enc).toBe('z');
    // The packed text is the module with its static import marked for the resolver.
    expect(inflateRawSync(Buffer.from(body!, 'base64')).toString('utf8')).toBe(lazy.replace('"./dep.js"', '"sf:assets/dep.js"'));
    expect(body!.length).toBeLessThan(Buffer.byteLength(lazy) / 4);
  });
});
