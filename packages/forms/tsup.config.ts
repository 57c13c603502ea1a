import { defineConfig } from 'tsup';
import { baseConfig } from '../../tsup.base';

export default defineConfig({
  ...baseConfig,
  // The adapters are subpath exports (dist/rjsf.js, …). Each imports the main entry by the package's own name, kept
  // external, so the validators are bundled once, in index, and a host that never imports an adapter never loads
  // its library.
  entry: ['src/index.ts', 'src/rjsf.ts', 'src/jsonforms.ts', 'src/jsonforms-renderers.ts'],
  external: ['@kiemdiem/forms'],
});
