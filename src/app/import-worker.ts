// The import worker: reads and checks an imported file off the main thread, so no file freezes the
// tab. It says 'ready' first (so a worker that fails to load is told apart from one that fails later).
import { checkImport, type ImportRequest } from './import-check';

const scope = self as unknown as { postMessage(m: unknown): void; onmessage: ((e: MessageEvent<ImportRequest>) => void) | null };
scope.onmessage = (e) => void checkImport(e.data).then((out) => scope.postMessage({ type: 'done', out }));
scope.postMessage({ type: 'ready' });
