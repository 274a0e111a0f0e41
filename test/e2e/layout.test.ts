// The screen fits a laptop: at 1280×720, 1366×768 and 1920×1080 every table's first data row is
// fully visible under its frozen header (also after scrolling down and back up) and its last
// column is not cut off; one toolbar row from 1366 px; 20 rows of 公开06表 at 1280×720 once the
// first-visit storage notice is closed, which then stays closed.
import { describe, expect, it } from 'vitest';
import { useAppFixture } from './pages/app-fixture';
import { LayoutPage } from './pages/layout-page';
import { StoragePage } from './pages/library-page';

const app = useAppFixture();
const TABLES = ['t01', 't02', 't03', 't04', 't05', 't06', 't07', 't08', 't09', 'sup'];
const SIZES: [number, number][] = [
  [1280, 720],
  [1366, 768],
  [1920, 1080],
];

describe('a screen that fits', () => {
  it.each(SIZES)('at %i×%i every table shows its first data row and last column whole', async (w, h) => {
    const wb = await app.open();
    const layout = new LayoutPage(wb.page);
    await layout.resize(w, h);
    for (const t of TABLES) {
      await wb.tab(t);
      for (const when of ['opened', 'scrolled back']) {
        if (when === 'scrolled back') await layout.scrollDownAndUp();
        const fit = await layout.fit();
        expect({ t, when, hidden: fit.firstRowHidden <= 0, inView: fit.firstRowInView, cut: fit.lastColumnCut <= 0 }).toEqual({ t, when, hidden: true, inView: true, cut: true });
      }
    }
    if (w >= 1366) expect(await layout.toolbarRows()).toBe(1);
    await wb.tab('t06');
    await wb.screenshot(`layout-t06-${w}x${h}`);
  });

  it('1280×720: 20 rows of 公开06表 once the storage notice is closed; it stays closed after a reload', async () => {
    const p = await StoragePage.open(app.browser, app.url);
    try {
      const layout = new LayoutPage(p.page);
      await p.page.waitForSelector('html[data-settled]', { state: 'attached' });
      await layout.resize(1280, 720);
      const notice = (await p.banners()).find((b) => b.id === 'persist');
      if (notice) {
        // Headless Chromium refuses persistent storage: the notice is there, short.
        expect(notice.text.length).toBeLessThanOrEqual(40);
        await p.page.click('.banner[data-banner="persist"] .banner-close');
      }
      await p.grid.tab('t06');
      expect((await layout.fit()).rowsVisible).toBeGreaterThanOrEqual(20);
      await p.screenshot('layout-t06-1280x720-no-notice');
      await p.reload();
      await p.page.waitForSelector('html[data-settled]', { state: 'attached' });
      expect((await p.banners()).map((b) => b.id)).not.toContain('persist');
    } finally {
      await p.app.context.close();
    }
  });
});
