import { defineConfig } from 'tsup';
import { baseConfig } from '../../tsup.base';

// The batch worker is its own entry (dist/batch-worker.js and .cjs), loaded by renderBatch next to index.
export default defineConfig({ ...baseConfig, entry: ['src/index.ts', 'src/batch-worker.ts'], dts: { entry: 'src/index.ts' } });
