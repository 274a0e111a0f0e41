// Builds the floor pages (bare Handsontable grid, bare ExcelJS) into `<distDir>/floors/`, beside
// the app's build so one server serves both; they are never part of the app's bundle.
import { join } from 'node:path';
import { build } from 'vite';
import { slimHandsontable } from '../../scripts/slim-handsontable.mjs';

export async function buildFloors(root, distDir) {
  const dir = join(root, 'bench', 'floors');
  await build({
    configFile: false,
    root: dir,
    base: './',
    logLevel: 'warn',
    plugins: [slimHandsontable()],
    worker: { format: 'es' },
    build: { outDir: join(distDir, 'floors'), emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000, rollupOptions: { input: { grid: join(dir, 'grid.html'), xlsx: join(dir, 'xlsx.html') } } },
  });
}
