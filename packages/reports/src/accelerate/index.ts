/**
 * The accelerations of pdfmake, pdfkit and fontkit (BENCHMARKS.md), in one place: one parsed font per face
 * with remembered shapings, outlines and metrics (shared-font.ts), a subset encoder from a template
 * (subset.ts), pdfmake's style lookup without allocations (style-lookup.ts), one Buffer per pdfkit stream
 * (content-writes.ts). Each gives the same bytes as the code it replaces; tests compare them.
 *
 * They replace functions inside those libraries, so they are installed only where kiemdiem owns every module
 * instance: a renderBatch worker thread, which has its own module registry and runs no host code. The one
 * call site is batch-worker.ts. render() and toPdf() on the host's thread (and in browsers) use pdfmake as
 * published.
 *
 * They were written and tested against exact versions of the three libraries (PINNED). With any other version
 * installed, or when installing them fails, the worker prints with pdfmake as published (the same bytes,
 * slower) and says so: `AccelerationStatus`, which renderBatch reports in `BatchResult.accelerated`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FontFiles, Pdfmake } from '../print';
import { installContentWrites, type ReferencePrototype } from './content-writes';
import { sharedFontkit, type Fontkit } from './shared-font';
import { installStyleFrames, installStyleLookup, type StyleStackClass, type TextInlinesClass } from './style-lookup';
import { mismatched, PINNED, type AccelerationStatus, type Library, type Versions } from './versions';

export { mismatched, PINNED } from './versions';
export type { AccelerationStatus, Library, Versions } from './versions';

export interface Accelerated {
  /** pdfmake: accelerated when `status.on`, else as published. */
  pdfmake: Pdfmake;
  status: AccelerationStatus;
  /** Marks the font bytes this thread prints with, so that they are parsed once (no-op when off). */
  share(fonts: FontFiles): void;
}

/** The version in the package.json of the package that `file` belongs to (fontkit does not export its package.json). */
function versionOf(file: string, name: string): string | undefined {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === name) return pkg.version;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

const noShare = () => undefined;

async function published(status: AccelerationStatus): Promise<Accelerated> {
  const mod = (await import('pdfmake')) as unknown as { default?: Pdfmake } & Pdfmake;
  return { pdfmake: mod.default ?? mod, status, share: noShare };
}

/**
 * Loads pdfmake in this thread with the accelerations installed, when the installed pdfmake, pdfkit and fontkit
 * are `expected` (PINNED; a test passes others to see the "off" path). Call it once per worker thread, before
 * anything else in the thread loads pdfkit; never on a thread that runs host code.
 */
export async function accelerate(expected: Versions = PINNED): Promise<Accelerated> {
  let paths: Record<Library, string>;
  const require = createRequire(import.meta.url);
  try {
    const pdfmake = require.resolve('pdfmake');
    const pdfkit = createRequire(pdfmake).resolve('pdfkit');
    paths = { pdfmake, pdfkit, fontkit: createRequire(pdfkit).resolve('fontkit') };
  } catch (error) {
    // A bundle without node_modules, say.
    return published({ on: false, reason: 'failed', error: (error as Error).message });
  }
  const installed: Partial<Versions> = {};
  for (const name of Object.keys(paths) as Library[]) {
    const version = versionOf(paths[name], name);
    if (version !== undefined) installed[name] = version;
  }
  if (mismatched(installed, expected).length > 0) return published({ on: false, reason: 'versions', installed, expected: { ...expected } });
  if (require.cache[paths.pdfkit]) return published({ on: false, reason: 'loaded' });

  try {
    const load = createRequire(paths.pdfkit);
    const real = load(paths.fontkit) as Fontkit & Record<string, unknown>;
    const entry = require.cache[paths.fontkit];
    if (!entry || typeof real.create !== 'function') throw new Error('fontkit is not in the module cache as expected');
    const shared = sharedFontkit(real);
    // pdfkit, loaded next by pdfmake, takes this fontkit from the cache: this thread's registry only.
    entry.exports = shared.fontkit;
    const pdfmake = require(paths.pdfmake) as Pdfmake;
    const fromPdfmake = createRequire(paths.pdfmake);
    const stack = fromPdfmake('./StyleContextStack') as { default?: StyleStackClass };
    const inlines = fromPdfmake('./TextInlines') as { default?: TextInlinesClass };
    const PDFDocument = require(paths.pdfkit) as new (options: object) => { ref(): object };
    const reference = Object.getPrototypeOf(new PDFDocument({ autoFirstPage: false }).ref()) as ReferencePrototype;
    const done = {
      styleLookup: Boolean(stack.default && installStyleLookup(stack.default)),
      styleFrames: Boolean(inlines.default && installStyleFrames(inlines.default)),
      contentWrites: installContentWrites(reference),
    };
    const missing = Object.entries(done).filter(([, ok]) => !ok).map(([name]) => name);
    // What was installed stays (each part gives the same bytes on its own); the status says "off".
    if (missing.length > 0) return { pdfmake, status: { on: false, reason: 'failed', error: `not installed: ${missing.join(', ')}` }, share: noShare };
    const share = (fonts: FontFiles) => {
      for (const face of [fonts.normal, fonts.bold, fonts.italics, fonts.bolditalics]) shared.share(face);
    };
    return { pdfmake, status: { on: true, versions: installed as Versions }, share };
  } catch (error) {
    return published({ on: false, reason: 'failed', error: (error as Error).message });
  }
}
