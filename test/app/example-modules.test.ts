// The example modules' fetch, shared by the start-up prefetch and loadExample: one fetch per
// example while it is pending or done, a failed one retried on the next use.
import { describe, expect, it, vi } from 'vitest';

const loads = vi.hoisted(() => ({ calls: 0, failFirst: true }));
vi.mock('../../sheets/examples/catalog', () => ({
  DEFAULT_EXAMPLE_ID: 'flaky',
  EXAMPLE_CATALOG: [
    {
      id: 'flaky',
      name: '示例',
      load: () => {
        loads.calls++;
        if (loads.failFirst) {
          loads.failFirst = false;
          return Promise.reject(new Error('network'));
        }
        return Promise.resolve({ default: { n: loads.calls } });
      },
    },
  ],
}));

const { exampleModule, prefetchExample } = await import('../../src/app/example-modules');

describe('example modules', () => {
  it('a failed prefetch is not kept: the next use fetches again, and later uses share that fetch', async () => {
    prefetchExample('flaky');
    expect(loads.calls).toBe(1);
    await expect(exampleModule('flaky')).rejects.toThrow('network');
    // The rejection has been seen: the next call starts a new fetch.
    await new Promise((r) => setTimeout(r));
    const first = exampleModule('flaky');
    const second = exampleModule('flaky');
    expect(first).toBe(second);
    expect(await first).toEqual({ default: { n: 2 } });
    expect(loads.calls).toBe(2);
  });

  it('an unknown example is refused in Chinese', async () => {
    await expect(exampleModule('nope')).rejects.toThrow('没有示例 nope');
  });
});
