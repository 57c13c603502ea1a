import { defineConfig } from 'tsup';
import { baseConfig } from '../../tsup.base';

export default defineConfig({
  ...baseConfig,
  // The adapters are subpath exports; each imports the main entry by the package's own name (kept external), so
  // the validators are bundled once, in index, and a host that never imports an adapter never loads its library.
  entry: {
    index: 'src/index.ts',
    rjsf: 'src/adapters/rjsf.ts',
    jsonforms: 'src/adapters/jsonforms.ts',
    'jsonforms-renderers': 'src/adapters/jsonforms-renderers.ts',
  },
  external: ['@kiemdiem/forms'],
});
