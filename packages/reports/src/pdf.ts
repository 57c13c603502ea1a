/**
 * Node's printer on the caller's thread: pdfmake as published (its Node build), with the fonts from
 * `loadFonts()` unless the caller gives others. Nothing here changes pdfmake, pdfkit or fontkit, and kiemdiem
 * prints with an instance of its own (print.ts), so an application that uses pdfmake in the same process finds
 * it as published and as it set it up. The accelerated printer runs only in renderBatch's workers (accelerate/).
 */
import type { Lang } from '@kiemdiem/rules';
import type { PdfBytes, PdfDefinition } from './pdf-types';
import { loadFonts } from './fonts';
import { fontFiles, ownPdfmake, printPdf, type FontFiles, type FontInput, type Pdfmake } from './print';

let loading: Promise<Pdfmake> | undefined;

function loadPdfmake(): Promise<Pdfmake> {
  loading ??= import('pdfmake').then(
    (mod) => ownPdfmake(((mod as { default?: unknown }).default ?? mod) as Pdfmake),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

let hostFonts: FontFiles | undefined;

/**
 * Registers font bytes for every later render, renderSummary, renderDiff and renderRollup on this thread that
 * is given no `fonts` option, in place of Tinos (the browser build's `setFonts`, so one host module types and
 * runs under both). renderBatch's workers take their fonts from its `fonts` option only. Throws
 * `invalid-option` naming a missing face.
 */
export function setFonts(fonts: FontInput, lang?: Lang): void {
  hostFonts = fontFiles(fonts, lang);
}

/** The caller's fonts, checked (errors in `lang`), else those of `setFonts`, else Tinos from @expo-google-fonts/tinos. */
export function facesOf(fonts?: FontInput, lang?: Lang): FontFiles {
  return fonts ? fontFiles(fonts, lang) : (hostFonts ?? fontFiles(loadFonts()));
}

/**
 * The PDF bytes of a pdfmake document definition, with Tinos from @expo-google-fonts/tinos unless `fonts` are
 * given; `lang` is the language of the error for incomplete `fonts`.
 */
export async function toPdf(definition: PdfDefinition, fonts?: FontInput, lang?: Lang): Promise<PdfBytes> {
  const faces = facesOf(fonts, lang);
  return printPdf(await loadPdfmake(), definition, faces);
}
