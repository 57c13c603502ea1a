import { defineConfig } from 'tsup';
import { baseConfig } from '../../tsup.base';

// The PDF worker is its own entry (dist/pdf-worker.js and .cjs), loaded by the pool next to index.
export default defineConfig({ ...baseConfig, entry: ['src/index.ts', 'src/pdf-worker.ts'], dts: { entry: ['src/index.ts'] } });
