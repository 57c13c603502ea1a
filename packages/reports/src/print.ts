/**
 * Printing a pdfmake document definition with the four Tinos faces: the part shared by Node (pdf.ts) and
 * browsers (pdf-browser.ts). It imports no Node module and generates no code at run time, so it can run under a
 * Content-Security-Policy without 'unsafe-eval'. Where pdfmake and the font bytes come from is each platform's
 * business.
 */
import { KiemdiemError, type Lang } from '@kiemdiem/rules';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { PdfBytes, PdfDefinition } from './pdf-types';
import { reportLocale } from './locales';

/** The four faces of the embedded font, as bytes (what `loadFonts()` gives under Node). */
export interface FontFiles {
  normal: Uint8Array;
  bold: Uint8Array;
  italics: Uint8Array;
  bolditalics: Uint8Array;
}

/**
 * Font bytes as a host has them: each face a `Uint8Array` or an `ArrayBuffer` (e.g. from
 * `(await fetch(url)).arrayBuffer()`). Any TrueType font with Vietnamese coverage works; the layout is
 * measured for Tinos (metric-compatible with Times New Roman).
 */
export type FontInput = { [Face in keyof FontFiles]: Uint8Array | ArrayBuffer };

export const FACES = ['normal', 'bold', 'italics', 'bolditalics'] as const;

/** The parts of pdfmake 0.3 used here, the same in its Node (js/) and browser (build/) builds. */
export interface Pdfmake {
  virtualfs: { writeFileSync(name: string, data: Uint8Array): void; storage?: Record<string, unknown> };
  setFonts(f: unknown): void;
  setUrlAccessPolicy(f: (url: string) => boolean): void;
  /** Node build only. */
  setLocalAccessPolicy?(f: (path: string) => boolean): void;
  createPdf(d: TDocumentDefinitions): { getBuffer(): Promise<Uint8Array> };
}

/** A Uint8Array (a Node Buffer is one) or an ArrayBuffer, from this realm or another (an iframe's). */
function isBytes(value: unknown): value is Uint8Array | ArrayBuffer {
  const tag = Object.prototype.toString.call(value);
  return tag === '[object Uint8Array]' || tag === '[object ArrayBuffer]';
}

/** The same FontFiles object for the same input object, so that pdfmake is set up once, not per document. */
const normalised = new WeakMap<object, FontFiles>();

/**
 * Checks and normalises font bytes: every face present, each a Uint8Array or an ArrayBuffer. Throws
 * `invalid-option` naming what is missing (`fonts`, or e.g. `fonts.bolditalics`) in the given language.
 */
export function fontFiles(input: unknown, lang?: Lang): FontFiles {
  const words = reportLocale(lang).fontsMissing;
  if (input === null || typeof input !== 'object') throw new KiemdiemError('invalid-option', words('fonts'), { option: 'fonts' });
  const known = normalised.get(input);
  if (known) return known;
  const given = input as Record<string, unknown>;
  const missing = FACES.filter((face) => !isBytes(given[face]));
  if (missing.length) {
    const names = missing.map((face) => `fonts.${face}`);
    throw new KiemdiemError('invalid-option', words(names.join(', ')), { option: names });
  }
  const bytes = (face: (typeof FACES)[number]): Uint8Array => {
    const data = given[face] as Uint8Array | ArrayBuffer;
    if (data instanceof Uint8Array) return data;
    // An ArrayBuffer, or bytes from another realm (an iframe): pdfkit only takes this realm's Uint8Array.
    return ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);
  };
  const fonts: FontFiles = { normal: bytes('normal'), bold: bytes('bold'), italics: bytes('italics'), bolditalics: bytes('bolditalics') };
  // A FontFiles is its own normal form (loadFonts() gives the same object every time).
  normalised.set(input, fonts);
  normalised.set(fonts, fonts);
  return fonts;
}

/**
 * A pdfmake of kiemdiem's own: a new instance of the published class, with its own virtual file system.
 * pdfmake's module exports one shared instance, whose fonts, files and URL and local access policies an
 * application may have set (or may set later) for its own documents; kiemdiem's set-up must not change theirs,
 * nor theirs kiemdiem's.
 */
export function ownPdfmake(published: Pdfmake): Pdfmake {
  const Make = published.constructor as new () => Pdfmake;
  const Files = published.virtualfs.constructor as new () => Pdfmake['virtualfs'];
  const own = new Make();
  own.virtualfs = new Files();
  return own;
}

/** The fonts each pdfmake instance was last set up with. */
const ready = new WeakMap<Pdfmake, FontFiles>();

function setup(pdfmake: Pdfmake, fonts: FontFiles): void {
  if (ready.get(pdfmake) === fonts) return;
  const vfs = pdfmake.virtualfs;
  vfs.writeFileSync('Tinos-Regular.ttf', fonts.normal);
  vfs.writeFileSync('Tinos-Bold.ttf', fonts.bold);
  vfs.writeFileSync('Tinos-Italic.ttf', fonts.italics);
  vfs.writeFileSync('Tinos-BoldItalic.ttf', fonts.bolditalics);
  pdfmake.setFonts({ Tinos: { normal: 'Tinos-Regular.ttf', bold: 'Tinos-Bold.ttf', italics: 'Tinos-Italic.ttf', bolditalics: 'Tinos-BoldItalic.ttf' } });
  // Documents are data: never fetch a URL or read a local file named inside one.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy?.(() => false);
  ready.set(pdfmake, fonts);
}

/** The PDF bytes of a document definition, printed by the given pdfmake with the given (normalised) fonts. */
export async function printPdf(pdfmake: Pdfmake, definition: PdfDefinition, fonts: FontFiles): Promise<PdfBytes> {
  setup(pdfmake, fonts);
  const buffer = await pdfmake.createPdf(definition as TDocumentDefinitions).getBuffer();
  // A Buffer under Node, the bundled Buffer polyfill in browsers: hand out a plain Uint8Array view either way.
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) as PdfBytes;
}

/** A platform's printer: definition, fonts given by the caller (if any), language of errors → PDF bytes. */
export type Print = (definition: PdfDefinition, fonts?: FontInput, lang?: Lang) => Promise<PdfBytes>;
