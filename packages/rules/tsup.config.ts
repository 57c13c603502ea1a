import { defineConfig } from 'tsup';
import { baseConfig } from '../../tsup.base';

// The reference engine (json-rules-engine) is its own file, reached through the package import
// `#reference-engine` (package.json `imports`), so only `engine: 'reference'` loads it and browser bundles
// get the empty module instead (issue 17).
export default defineConfig({
  ...baseConfig,
  entry: ['src/index.ts', 'src/engines/reference.ts', 'src/engines/reference-browser.ts'],
  // Declarations for the public entry only, whole as before.
  dts: { entry: ['src/index.ts'] },
  external: ['#reference-engine'],
});
