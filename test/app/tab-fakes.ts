// Node stand-ins for navigator.locks and BroadcastChannel with the browser's semantics:
// exclusive named locks held while the callback's promise is pending, ifAvailable → null,
// queued requests granted in order, abortable; channel messages go to every other instance.
import type { LockManagerLike, MessageChannelLike } from '../../src/app/tab-coordination';

export class FakeLocks implements LockManagerLike {
  private readonly held = new Set<string>();
  private readonly queues = new Map<string, (() => void)[]>();

  request(name: string, options: { ifAvailable?: boolean; signal?: AbortSignal }, callback: (lock: unknown) => unknown): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const run = () => {
        this.held.add(name);
        Promise.resolve(callback({ name }))
          .then(resolve, reject)
          .finally(() => {
            this.held.delete(name);
            this.queues.get(name)?.shift()?.();
          });
      };
      if (!this.held.has(name)) return run();
      if (options.ifAvailable) return void Promise.resolve(callback(null)).then(resolve, reject);
      const queue = this.queues.get(name) ?? [];
      this.queues.set(name, queue);
      queue.push(run);
      options.signal?.addEventListener('abort', () => {
        const i = queue.indexOf(run);
        if (i >= 0) queue.splice(i, 1);
        reject(new DOMException('aborted', 'AbortError'));
      });
    });
  }
}

export class FakeChannelHub {
  private readonly members = new Set<FakeChannel>();
  open(): FakeChannel {
    const c = new FakeChannel(this.members);
    this.members.add(c);
    return c;
  }
}

class FakeChannel implements MessageChannelLike {
  private readonly fns = new Set<(e: { data: unknown }) => void>();
  constructor(private readonly members: Set<FakeChannel>) {}
  postMessage(message: unknown): void {
    const data = structuredClone(message);
    for (const m of this.members) if (m !== this) queueMicrotask(() => m.fns.forEach((fn) => fn({ data })));
  }
  addEventListener(_type: 'message', fn: (e: { data: unknown }) => void): void {
    this.fns.add(fn);
  }
  removeEventListener(_type: 'message', fn: (e: { data: unknown }) => void): void {
    this.fns.delete(fn);
  }
  close(): void {
    this.members.delete(this);
  }
}
