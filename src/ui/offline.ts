// Offline when hosted: registers the build's service worker (scripts/service-worker.mjs) on
// http(s) only — never on file:// (the single file has nothing to cache and no origin for it).
// A new version is announced; it is applied only when the user asks and nothing is unsaved.
import { el } from './dom';

export const OFFLINE_TEXT = {
  ready: '新版本已下载，重新载入后生效。',
  apply: '重新载入并更新',
  later: '稍后',
  unsaved: '还有未保存的修改，保存完成后再更新（或先导出 JSON 备份）。',
} as const;

/** At most this long for an idle moment before registering (a page kept busy still gets its copy). */
const IDLE_WAIT_MS = 10_000;
/** Without requestIdleCallback (older Safari): this long after the call. */
const FALLBACK_WAIT_MS = 2_000;

export interface OfflineOptions {
  /** True when every edit is stored (an update reloads the page). */
  isSaved(): boolean;
}

/**
 * Registers ./sw.js in a hosted production build; resolves when done (or skipped). Call it once the
 * first table is on screen: it still waits for the page's load and then for an idle moment, since
 * the worker's start and its precaching (every asset, a few MB) take a core of a 2-core office PC
 * and would slow the grid's and the formula engine's builds that follow the first frame.
 */
export async function startOffline(opts: OfflineOptions, win: Window = window): Promise<void> {
  const sw = win.navigator.serviceWorker;
  if (!import.meta.env.PROD || !/^https?:$/.test(win.location.protocol) || !sw) return;
  if (win.document.readyState !== 'complete') await new Promise((r) => win.addEventListener('load', r, { once: true }));
  await new Promise<void>((r) => (win.requestIdleCallback ? win.requestIdleCallback(() => r(), { timeout: IDLE_WAIT_MS }) : win.setTimeout(r, FALLBACK_WAIT_MS)));
  let reg: ServiceWorkerRegistration;
  try {
    reg = await sw.register('./sw.js', { scope: './' });
  } catch {
    return; // no offline copy; the app works as before
  }
  if (!reg) return; // some embedders (and test harnesses) stub register()
  // Only an update replaces a controller: the first install just fills the cache.
  const hadController = !!sw.controller;
  const announce = (w: ServiceWorker) => {
    if (!hadController && !sw.controller) return;
    showUpdateNotice(w, opts, win);
  };
  if (reg.waiting) announce(reg.waiting);
  reg.addEventListener('updatefound', () => {
    const w = reg.installing;
    w?.addEventListener('statechange', () => {
      if (w.state === 'installed') announce(w);
    });
  });
  sw.addEventListener('controllerchange', () => win.location.reload());
}

function showUpdateNotice(waiting: ServiceWorker, opts: OfflineOptions, win: Window): void {
  const doc = win.document;
  doc.querySelector('.update-notice')?.remove();
  const text = el('span', { class: 'update-text' }, OFFLINE_TEXT.ready);
  const apply = el('button', { type: 'button', class: 'btn btn-apply-update' }, OFFLINE_TEXT.apply);
  const later = el('button', { type: 'button', class: 'btn' }, OFFLINE_TEXT.later);
  const box = el('div', { class: 'update-notice', role: 'status' }, text, apply, later);
  apply.addEventListener('click', () => {
    if (!opts.isSaved()) {
      text.textContent = OFFLINE_TEXT.unsaved;
      return;
    }
    waiting.postMessage('apply-update');
  });
  later.addEventListener('click', () => box.remove());
  doc.body.append(box);
}
