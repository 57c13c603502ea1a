import type { Options } from 'tsup';

/** Shared build: ESM + CJS with declarations for each, for Node >= 20 and modern browsers. */
export const baseConfig: Options = {
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  splitting: false,
  treeshake: true,
};
