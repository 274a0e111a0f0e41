// The import worker: reads and checks an imported file off the main thread, so no file freezes the
// tab. It says 'ready' first (so a worker that fails to load is told apart from one that fails later);
// the runner keeps it for the next import.
import { checkImport, type ImportRequest } from './import-check';

const scope = self as unknown as { postMessage(m: unknown): void; onmessage: ((e: MessageEvent<{ id: number; req: ImportRequest }>) => void) | null };
scope.onmessage = (e) => void checkImport(e.data.req).then((out) => scope.postMessage({ type: 'done', id: e.data.id, out }));
scope.postMessage({ type: 'ready' });
