// One worker process of `npm run review --jobs N`: reviews the files the parent sends, one at a
// time, and sends each result back. Started by scripts/review.ts through scripts/run-ts.mjs (its cached
// bundle: the templates need Vite's transforms); ends when the parent disconnects.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { reviewFile } from '../src/app/batch-review';

interface Job {
  id: number;
  file: string;
  templateId?: string;
}

export default function worker(): Promise<void> {
  return new Promise((resolve) => {
    process.on('message', (job: Job) => {
      void (async () => {
        const reviews = await reviewFile(basename(job.file), new Uint8Array(await readFile(job.file)), job.templateId ? { templateId: job.templateId } : {});
        process.send?.({ id: job.id, reviews });
      })();
    });
    process.on('disconnect', () => resolve());
    process.send?.({ ready: true });
  });
}
