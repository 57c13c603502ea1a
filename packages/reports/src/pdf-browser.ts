/**
 * The browser's printer: pdfmake's own browser build, and font bytes that the host hands over (there is no
 * file system to read Tinos from, and fetching a URL of our choosing would fight the host's CSP and hosting).
 *
 * pdfmake/build/pdfmake.js is what pdfmake's package.json "browser" field names: pdfkit, fontkit and polyfills
 * for Buffer, streams and zlib (pako) bundled by webpack. It has three `Function('return this')` fallbacks
 * (webpack's and core-js's global lookup), each reached only when `globalThis` is missing (browsers older than
 * Chrome 71, Firefox 65, Safari 12.1), so none runs and a CSP without 'unsafe-eval' is respected
 * (tests/scenario/browser.test.ts renders under one in Chromium). Loading it also sets `globalThis.pdfMake` when unset (its UMD wrapper).
 *
 * As on Node's main thread, pdfmake is used as published, through an instance of kiemdiem's own (print.ts) so
 * that a host page's pdfMake keeps its fonts and settings. Each document parses its fonts again, which costs
 * time, not correctness (0.18 s for the example 02B in the test's Chromium: fine for the form on screen;
 * thousands of documents are renderBatch's job, under Node, where the accelerations run in worker threads).
 */
import type { Lang } from '@kiemdiem/rules';
import type { PdfBytes, PdfDefinition } from './pdf-types';
import { fontFiles, ownPdfmake, printPdf, type FontFiles, type FontInput, type Pdfmake } from './print';

let hostFonts: FontFiles | undefined;

/**
 * Registers the font bytes once for every later render, renderSummary and renderDiff that is given no
 * `fonts` option. Throws `invalid-option` naming a missing face.
 */
export function setFonts(fonts: FontInput, lang?: Lang): void {
  hostFonts = fontFiles(fonts, lang);
}

let loading: Promise<Pdfmake> | undefined;

/** pdfmake, on the first print: bundlers put its ~1 MB (minified) in a chunk of its own, loaded only then. */
function loadPdfmake(): Promise<Pdfmake> {
  loading ??= import('pdfmake/build/pdfmake.js').then(
    (mod) => ownPdfmake(((mod as { default?: unknown }).default ?? mod) as Pdfmake),
    (error: unknown) => {
      loading = undefined; // a chunk that failed to load (network) may load on the next try
      throw error;
    },
  );
  return loading;
}

/**
 * The PDF bytes of a pdfmake document definition, with the given fonts or those of `setFonts`. Throws
 * `invalid-option` (in `lang`, Vietnamese by default) when there are none.
 */
export async function toPdf(definition: PdfDefinition, fonts?: FontInput, lang?: Lang): Promise<PdfBytes> {
  // fontFiles(undefined) throws the "no fonts" error, naming the `fonts` option and setFonts.
  const faces = fonts !== undefined ? fontFiles(fonts, lang) : (hostFonts ?? fontFiles(undefined, lang));
  return printPdf(await loadPdfmake(), definition, faces);
}
