// The floor's import worker: the file in, its cell count out (the app's worker does the same round trip).
import { readCells } from './xlsx-read';

const scope = self as unknown as { postMessage(m: unknown): void; onmessage: ((e: MessageEvent<File>) => void) | null };
scope.onmessage = async (e) => scope.postMessage(await readCells(await e.data.arrayBuffer()));
