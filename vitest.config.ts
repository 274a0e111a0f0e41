import { defineConfig } from 'vitest/config';

export default defineConfig({
  // As vite.config.ts: pdf.js's CJK character maps load as inline data.
  assetsInclude: ['**/*.bcmap'],
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 20000,
  },
});
