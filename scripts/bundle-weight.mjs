// What a browser app ships when it imports the packages (issue 17): esbuild bundles, minified, of the built
// packages (min and gzip kB), and the largest modules of each (the same bundle made from the sources, which
// names the modules). Build first. Run: `node scripts/bundle-weight.mjs` (BENCHMARKS.md, issue 17).
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const APPS = {
  'validate (forms)': "import { validate } from '@kiemdiem/forms'; globalThis.app = validate;",
  'rateMany (rules)': "import { rateMany } from '@kiemdiem/rules'; globalThis.app = rateMany;",
  'rateManySync (rules)': "import { rateManySync } from '@kiemdiem/rules'; globalThis.app = rateManySync;",
  'all of rules': "import * as m from '@kiemdiem/rules'; globalThis.app = m;",
  'all of forms': "import * as m from '@kiemdiem/forms'; globalThis.app = m;",
};
const TOP = Number(process.argv[2] ?? 6);

// Under @kiemdiem/source, `#reference-engine` is the engine itself (for the unit tests): point it at what
// browsers get, as the built package does under the browser condition.
const asInBrowsers = {
  name: 'reference-engine-as-in-browsers',
  setup(b) {
    b.onResolve({ filter: /^#reference-engine$/ }, () => ({ path: join(ROOT, 'packages/rules/src/engines/reference-browser.ts') }));
  },
};
const bundle = (contents, conditions = []) =>
  build({
    stdin: { contents, resolveDir: ROOT, loader: 'js' }, bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2022',
    conditions, plugins: conditions.length ? [asInBrowsers] : [], write: false, metafile: true, logLevel: 'silent',
  });

for (const [name, contents] of Object.entries(APPS)) {
  const built = await bundle(contents);
  const code = built.outputFiles[0].contents;
  const fromSources = await bundle(contents, ['@kiemdiem/source']);
  const inputs = Object.values(fromSources.metafile.outputs)[0].inputs;
  const reference = Object.keys(Object.values(built.metafile.outputs)[0].inputs).some((i) => i.includes('/json-rules-engine/'));
  console.log(`${name}: ${(code.length / 1000).toFixed(1)} kB min, ${(gzipSync(code).length / 1000).toFixed(1)} kB gzip, json-rules-engine ${reference ? 'in' : 'out'}`);
  for (const [file, { bytesInOutput }] of Object.entries(inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput).slice(0, TOP)) {
    console.log(`  ${(bytesInOutput / 1000).toFixed(1).padStart(6)} kB  ${file.replace(/^.*node_modules\//, '')}`);
  }
}
