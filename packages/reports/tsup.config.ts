import { defineConfig } from 'tsup';
import { baseConfig } from '../../tsup.base';

// The batch worker is its own entry (dist/batch-worker.js and .cjs), loaded by renderBatch next to index.
// browser.ts is the "browser" condition and the "./browser" subpath: the same core, no Node module.
export default defineConfig({
  ...baseConfig,
  entry: ['src/index.ts', 'src/batch-worker.ts', 'src/browser.ts'],
  dts: { entry: ['src/index.ts', 'src/browser.ts'] },
});
