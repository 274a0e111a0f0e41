// Build-time trim of Handsontable 18 for the first-paint bundle (the bare-grid floor uses it too):
// - its core CSS embedded as a JS string (~160 KB raw, ~20 KB gzip) to inject a <style> when
//   `injectCoreCss` is on. The app turns that off (the strict CSP forbids inline styles) and loads
//   the same rules from handsontable.min.css.
// - its JS theme engine (theme builder, ThemeManager, the design tokens of three themes: ~50 KB raw,
//   ~11 KB gzip). The app names its theme by class (`themeName: 'ht-theme-main'` and
//   ht-theme-main.min.css), so Core never builds a ThemeManager; were a `theme` object ever
//   passed, the stub throws at once instead of rendering unstyled.
const STYLES = '/handsontable/styles/handsontableStyles.mjs';
const THEME_ENGINE = '/handsontable/themes/engine/index.mjs';
const THEMES = '/handsontable/themes/theme/index.mjs';
const NO_ENGINE = "() => { throw new Error('Handsontable theme objects are not in this build: use themeName with the theme CSS (scripts/slim-handsontable.mjs)'); }";

const REPLACEMENTS = {
  [STYLES]: 'export default "";',
  [THEME_ENGINE]: [
    `const none = ${NO_ENGINE};`,
    'export const createTheme = none, createThemeManager = none;',
    'export class ThemeBuilder { constructor() { none(); } }',
    'export class ThemeManager { constructor() { none(); } }',
    // Same as Handsontable's own (themes/engine/manager.mjs); Core calls it for every settings update.
    "export function isThemeOverrideEmpty(value) { return value === undefined || value === null || value === false || value === ''; }",
  ].join('\n'),
  [THEMES]: 'export const classicTheme = undefined, mainTheme = undefined, horizonTheme = undefined;',
};

/** @returns {import('vite').Plugin} */
export function slimHandsontable() {
  const replaced = new Set();
  return {
    name: 'slim-handsontable',
    apply: 'build',
    enforce: 'pre',
    load(id) {
      const path = id.replace(/\\/g, '/').split('?')[0];
      const key = Object.keys(REPLACEMENTS).find((k) => path.endsWith(k));
      if (!key) return null;
      replaced.add(key);
      return REPLACEMENTS[key];
    },
    generateBundle() {
      // A Handsontable upgrade that moves these files only makes the bundle bigger: say so.
      const missed = Object.keys(REPLACEMENTS).filter((k) => !replaced.has(k));
      if (missed.length) this.warn(`Handsontable was not trimmed: check ${missed.join(', ')}`);
    },
  };
}
