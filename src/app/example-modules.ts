// The built-in examples' modules, fetched once per page: shared by the early prefetch
// (example-early.ts) and loadExample (templates.ts). Imports nothing heavy, so that it can sit in
// the start-early chunk (vite.config.ts), which runs before the rest of the app has loaded.
import { EXAMPLE_CATALOG } from '../../sheets/examples/catalog';

/** Example modules being fetched or fetched; a failed fetch is forgotten, so the next call retries. */
const modules = new Map<string, Promise<{ default: unknown }>>();

/** The module of example `id` (its stored form, for restoreDocument). */
export function exampleModule(id: string): Promise<{ default: unknown }> {
  const ex = EXAMPLE_CATALOG.find((x) => x.id === id);
  if (!ex) return Promise.reject(new Error(`没有示例 ${id}`));
  let p = modules.get(id);
  if (!p) {
    p = ex.load();
    modules.set(id, p);
    p.catch(() => modules.delete(id));
  }
  return p;
}

/** Starts fetching example `id`; a failure surfaces only when it is loaded for use. */
export function prefetchExample(id: string): void {
  exampleModule(id).catch(() => undefined);
}
