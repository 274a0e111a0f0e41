import { defineConfig } from 'vitest/config';

// End-to-end: real Chromium (playwright-core) against the built app, and real LibreOffice.
export default defineConfig({
  // As vite.config.ts: pdf.js's CJK character maps load as inline data.
  assetsInclude: ['**/*.bcmap'],
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120000,
    hookTimeout: 120000,
    fileParallelism: false,
  },
});
