// Floor for cold open: a static page of the app's size class, written into the build after the
// app's first cold open told us what it loads: the same number of module files with the same raw
// sizes (generated functions, parsed but doing no app work), the app's own CSS files and CSP, and
// an entry that paints one 40-row table in the app's font. No storage, no grid, no engine.
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROWS = 40;
const COLS = 6;

/** Code of about `bytes` bytes: distinct small functions, only declared (V8 still has to parse them). */
function filler(tag, bytes, head) {
  const parts = [head];
  let size = Buffer.byteLength(head);
  for (let i = 0; size < bytes; i++) {
    const f = `export function ${tag}_${i}(a,b){let s=${i};for(let k=0;k<a.length;k++){const v=a[k];if(v>b)s+=v*${(i % 97) + 1}.5;else s-=b%${(i % 13) + 2}}return{s,k:"${tag}${i}",n:[a,b,s>${i}]}}\n`;
    parts.push(f);
    size += Buffer.byteLength(f);
  }
  return parts.join('');
}

function paintCode() {
  return `
const host = document.getElementById('app');
const wrap = document.createElement('div');
wrap.className = 'ht_master';
const table = document.createElement('table');
table.style.borderCollapse = 'collapse';
for (let r = 0; r < ${ROWS}; r++) {
  const tr = document.createElement('tr');
  for (let c = 0; c < ${COLS}; c++) {
    const td = document.createElement('td');
    td.dataset.cell = r + '|' + c;
    td.textContent = c === 0 ? '一般公共服务支出（第' + r + '行）' : (1234.56 * (r + 1) * (c + 1)).toFixed(2);
    tr.append(td);
  }
  table.append(tr);
}
wrap.append(table);
host.append(wrap);
`;
}

/**
 * Writes `<distDir>/floors/open/` shaped like the app's first load: `jsFiles` are the app's
 * initial JS files (paths relative to distDir), `cssFiles` its stylesheets. Returns the page path.
 */
export function writeOpenFloor(distDir, jsFiles) {
  const dir = join(distDir, 'floors', 'open');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const csp = html.match(/<meta http-equiv="Content-Security-Policy"[^>]*>/)?.[0] ?? '';
  const cssFiles = [...html.matchAll(/<link rel="stylesheet"[^>]*href="\.?\/?([^"]+)"/g)].map((m) => m[1]);
  const links = cssFiles.map((f, i) => {
    copyFileSync(join(distDir, f), join(dir, `s${i}.css`));
    return `<link rel="stylesheet" href="./s${i}.css" />`;
  });
  // The entry first (as index.html names it), then the chunks it pulls in.
  const entry = html.match(/<script type="module"[^>]*src="\.?\/?([^"]+)"/)?.[1];
  const ordered = [...jsFiles].sort((a, b) => Number(b === entry) - Number(a === entry));
  const sizes = ordered.map((f) => statSync(join(distDir, f)).size);
  // Module 0 is the entry: it imports every other one (the app's chunks arrive the same way).
  const others = sizes.slice(1).map((_, i) => `m${i + 1}.js`);
  const head0 = `${others.map((m, i) => `import * as i${i} from './${m}';`).join('\n')}\nwindow.__floorModules=[${others.map((_, i) => `i${i}`).join(',')}].length;\n${paintCode()}`;
  sizes.forEach((bytes, i) => writeFileSync(join(dir, `m${i}.js`), filler(`f${i}`, bytes, i === 0 ? head0 : '')));
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html>\n<html lang="zh-CN">\n<head>\n<meta charset="UTF-8" />\n${csp}\n<meta name="viewport" content="width=device-width, initial-scale=1.0" />\n<link rel="icon" href="data:," />\n<title>决算公开工作簿</title>\n<script type="module" src="./m0.js"></script>\n${others.map((m) => `<link rel="modulepreload" href="./${m}">`).join('\n')}\n${links.join('\n')}\n</head>\n<body>\n<div id="app"></div>\n</body>\n</html>\n`,
  );
  return { path: 'floors/open/index.html', jsBytes: sizes.reduce((a, b) => a + b, 0), files: sizes.length, cssFiles: cssFiles.length };
}
