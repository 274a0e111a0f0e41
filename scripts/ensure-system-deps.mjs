#!/usr/bin/env node
// Makes sure the system tools the e2e tests need are installed: Chromium (driven by
// playwright-core, which never downloads its own browser here), CJK fonts (so screenshots
// and PDFs render 中文 instead of tofu), LibreOffice (independent xlsx recalculation/rendering)
// and poppler's pdftoppm (PDF -> PNG). On a root Debian machine (CI) it installs them;
// elsewhere it prints the command and fails, because we must not guess at sudo.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

// fontconfig provides fc-list, which the CJK-font check itself needs.
// libreoffice-writer reads the exported .docx (导出Word tests); calc alone cannot open it.
// firefox-esr: the single file is also opened in Firefox (test/e2e/firefox.test.ts, puppeteer-core over WebDriver BiDi).
const PACKAGES = ['chromium', 'firefox-esr', 'fonts-noto-cjk', 'libreoffice-calc', 'libreoffice-writer', 'poppler-utils', 'fontconfig'];
const INSTALL_CMD = `DEBIAN_FRONTEND=noninteractive apt-get install -y ${PACKAGES.join(' ')}`;

function onPath(cmd) {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, cmd)));
}

function hasCjkFont() {
  if (!onPath('fc-list')) return false;
  try {
    return execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() !== '';
  } catch {
    return false;
  }
}

/** Writer's library next to the soffice binary (Debian: /usr/lib/libreoffice/program). */
function hasWriter() {
  return ['/usr/lib/libreoffice/program/libswlo.so', '/opt/libreoffice/program/libswlo.so'].some((p) => existsSync(p));
}

/** @returns {string[]} human-readable names of what is missing */
function missing() {
  const out = [];
  if (!existsSync('/usr/bin/chromium')) out.push('/usr/bin/chromium (chromium)');
  if (!existsSync('/usr/bin/firefox-esr')) out.push('/usr/bin/firefox-esr (firefox-esr)');
  if (!hasCjkFont()) out.push('CJK fonts (fonts-noto-cjk)');
  if (!onPath('soffice')) out.push('soffice (libreoffice-calc)');
  else if (!hasWriter()) out.push('LibreOffice Writer (libreoffice-writer)');
  if (!onPath('pdftoppm')) out.push('pdftoppm (poppler-utils)');
  return out;
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (r.status !== 0) {
    console.error(`ensure-system-deps: \`${cmd} ${args.join(' ')}\` failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
}

let lacking = missing();
if (lacking.length === 0) {
  console.log('ensure-system-deps: chromium, firefox-esr, CJK fonts, LibreOffice and pdftoppm present.');
  process.exit(0);
}

const canInstall = existsSync('/etc/debian_version') && typeof process.getuid === 'function' && process.getuid() === 0;
if (!canInstall) {
  console.error(`缺少系统依赖 / Missing system dependencies: ${lacking.join(', ')}`);
  console.error('请运行以下命令安装 / Please install them with:');
  console.error(`  sudo apt-get update && sudo ${INSTALL_CMD}`);
  process.exit(1);
}

console.log(`ensure-system-deps: installing ${lacking.join(', ')}`);
run('apt-get', ['update']);
run('apt-get', ['install', '-y', ...PACKAGES]);

lacking = missing();
if (lacking.length > 0) {
  console.error(`ensure-system-deps: still missing after apt-get install / 安装后仍缺少: ${lacking.join(', ')}`);
  process.exit(1);
}
console.log('ensure-system-deps: all system dependencies installed.');
