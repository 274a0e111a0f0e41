import { defineConfig } from 'vitest/config';

// End-to-end: real Chromium (playwright-core) against the built app, and real LibreOffice.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120000,
    hookTimeout: 120000,
    fileParallelism: false,
  },
});
