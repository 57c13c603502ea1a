// Builds the portal with esbuild: the browser app (code-split ES modules, one CSS file) into dist/public,
// and the server into dist/server.js. Run from anywhere: `node examples/portal/scripts/build.mjs`.
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const PUBLIC = join(DIST, 'public');

const started = Date.now();
rmSync(DIST, { recursive: true, force: true });
mkdirSync(PUBLIC, { recursive: true });
for (const file of readdirSync(join(ROOT, 'public'))) copyFileSync(join(ROOT, 'public', file), join(PUBLIC, file));

await Promise.all([
  build({
    absWorkingDir: ROOT,
    entryPoints: { app: 'src/client/main.tsx' },
    bundle: true,
    // @kiemdiem/reports/browser (with pdfmake) is imported on the first print: its own chunk.
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outdir: join(PUBLIC, 'assets'),
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    jsx: 'automatic',
    minify: true,
    sourcemap: true,
    legalComments: 'linked',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  }),
  build({
    absWorkingDir: ROOT,
    entryPoints: ['src/server/main.ts'],
    bundle: true,
    // Dependencies (express, node-sqlite3-wasm, @kiemdiem/*) load from node_modules at run time.
    packages: 'external',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile: join(DIST, 'server.js'),
    sourcemap: true,
    logLevel: 'warning',
  }),
]);
console.log(`portal built in ${Date.now() - started} ms: ${DIST}`);
