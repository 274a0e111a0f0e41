// Build-time: Handsontable 18 embeds its core CSS as a JS string (~160 KB raw, ~20 KB gzip) to
// inject a <style> when `injectCoreCss` is on. The app turns that off (the strict CSP forbids
// inline styles) and loads the same rules from handsontable.min.css, so the string is dead weight
// in the first-paint bundle.
const STYLES = '/handsontable/styles/handsontableStyles.mjs';

/** @returns {import('vite').Plugin} */
export function dropHandsontableInlineCss() {
  let dropped = false;
  return {
    name: 'drop-handsontable-inline-css',
    apply: 'build',
    enforce: 'pre',
    load(id) {
      if (!id.replace(/\\/g, '/').split('?')[0].endsWith(STYLES)) return null;
      dropped = true;
      return 'export default "";';
    },
    generateBundle() {
      if (!dropped) this.warn(`Handsontable's inline CSS was not dropped: check ${STYLES}`);
    },
  };
}
