/**
 * Node's printer: pdfmake (its Node build) set up once per process (or worker), with the fonts from
 * `loadFonts()` unless the caller gives others. The setup and printing proper are shared with browsers (print.ts).
 *
 * Speed (see BENCHMARKS.md): pdfkit parses each font afresh for every document (fontkit.create), so every
 * document decoded the GSUB/GPOS/cmap tables of Tinos again, shaped every word again and decoded every glyph
 * outline again: about 80 % of the time of a two-page form. Under Node, pdfmake is therefore loaded through a
 * fontkit whose `create` gives one parsed font per Tinos face (per process or worker), which remembers the
 * shaping of each word and the outline of each glyph.
 *
 * What must not leak from one document into the next are fontkit's glyph objects: a glyph keeps the
 * characters it was first made for, and pdfkit writes those into the PDF's ToUnicode map (what copy-paste and
 * search give). So each document gets its own glyph objects, as it would from a font parsed for it, and a
 * remembered word is shaped as if it were the first text of its document. The bytes are the same as with a
 * font parsed for each document, whatever was printed before (a test compares them over several forms).
 */
import { createRequire } from 'node:module';
import type { Lang } from '@kiemdiem/rules';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { loadFonts } from './fonts';
import { fontFiles, printPdf, type FontInput, type Pdfmake } from './print';
import { installContentWrites, type ReferencePrototype } from './content-writes';
import { installStyleFrames, installStyleLookup, type StyleStackClass, type TextInlinesClass } from './style-lookup';
import { encodeSubset, subsetTemplate, type SubsetTemplate, type TtfSubset } from './subset';

/** The parts of fontkit's font, glyph and glyph run that the cache touches. */
interface FontkitGlyph {
  id: number;
  codePoints: number[];
  _decode?: () => unknown;
  _metrics?: unknown;
  _getMetrics?: () => unknown;
}
interface FontkitFont {
  layout(text: string, features?: unknown, ...rest: unknown[]): GlyphRun;
  getGlyph(id: number, codePoints?: number[]): FontkitGlyph | null;
  /** fontkit's glyph objects by id (made on first use, with the characters of that use). */
  _glyphs: Record<number, FontkitGlyph>;
  variationAxes?: Record<string, unknown>;
  createSubset?: () => TtfSubset;
}
interface GlyphRun {
  glyphs: FontkitGlyph[];
  positions: object[];
}
interface Fontkit {
  create(buffer: Uint8Array, postscriptName?: string): FontkitFont;
}

/**
 * Font buffers registered here (only those are parsed once and shared) and their parsed fonts, kept on
 * globalThis so that every copy of this module in a process (ESM and CJS builds, test files) shares them.
 */
const STATE = Symbol.for('@kiemdiem/reports/fontkit');
const state = ((globalThis as Record<symbol, unknown>)[STATE] ??= { shareable: new WeakSet(), parsed: new WeakMap() }) as {
  shareable: WeakSet<Uint8Array>;
  parsed: WeakMap<Uint8Array, FontkitFont | null>;
};
/** Words remembered per font before the memo starts over: a Vietnamese text has a few thousand distinct syllables; a run is under 1 kB. */
const MAX_RUNS = 10_000;

/** A remembered shaping: the run without its glyph objects, and each glyph's id and characters. */
interface Shaped {
  run: GlyphRun;
  glyphs: Array<[id: number, codePoints: number[]]>;
}

/**
 * One parsed font for all documents, or null when this fontkit does not look as expected (then every
 * document parses its own, as pdfkit does).
 */
function sharedFont(real: Fontkit, buffer: Uint8Array): FontkitFont | null {
  const font = real.create(buffer);
  if (typeof font._glyphs !== 'object' || typeof font.getGlyph !== 'function' || typeof font.layout !== 'function') return null;
  if (Object.keys(font.variationAxes ?? {}).length > 0) return null;

  // The subsetter decodes each glyph's outline (to find the parts of composite glyphs) in every document;
  // an outline of a non-variable font never changes and is only read, so the first decoding serves all.
  const outlines = new Map<number, unknown>();
  // Likewise its metrics: fontkit reads the glyph's bounding box from the glyf table to make them, per glyph
  // object, i.e. per document; pdfkit only reads them.
  const metrics = new Map<number, unknown>();
  const getGlyph = font.getGlyph.bind(font);
  font.getGlyph = (id: number, codePoints?: number[]) => {
    const glyph = getGlyph(id, codePoints);
    if (glyph && glyph._metrics === undefined && typeof glyph._getMetrics === 'function') {
      const known = metrics.get(id);
      if (known) glyph._metrics = known;
      else metrics.set(id, glyph._getMetrics());
    }
    if (glyph && typeof glyph._decode === 'function' && !Object.prototype.hasOwnProperty.call(glyph, '_decode')) {
      const decode = glyph._decode;
      glyph._decode = function (this: unknown) {
        if (!outlines.has(id)) outlines.set(id, decode.call(this));
        return outlines.get(id);
      };
    }
    return glyph;
  };

  // Every document embeds a subset of each face it uses; all but three of its tables are the same each time.
  if (typeof font.createSubset === 'function') {
    const createSubset = font.createSubset.bind(font);
    let template: SubsetTemplate | null | undefined;
    font.createSubset = () => {
      const subset = createSubset();
      if (typeof subset._addGlyph !== 'function' || typeof subset.encode !== 'function') return subset; // not TrueType
      if (template === undefined) {
        const documentGlyphs = font._glyphs; // the probe must not make glyph objects for the document
        font._glyphs = {};
        try {
          template = subsetTemplate(createSubset().encode());
        } catch {
          template = null;
        } finally {
          font._glyphs = documentGlyphs;
        }
      }
      if (template) {
        const fast = template;
        subset.encode = () => encodeSubset(subset, fast);
      }
      return subset;
    };
  }

  // Shaping a word is a pure function of the font and the word. It is done with no glyph objects made yet
  // (as for the first text of a document), and each use makes or takes its glyphs in its own document.
  const layout = font.layout.bind(font);
  const runs = new Map<string, Shaped>();
  font.layout = (text: string, features?: unknown, ...rest: unknown[]): GlyphRun => {
    if (features != null || rest.length > 0 || typeof text !== 'string') return layout(text, features, ...rest);
    let shaped = runs.get(text);
    if (!shaped) {
      const documentGlyphs = font._glyphs;
      font._glyphs = {};
      let run: GlyphRun;
      try {
        run = layout(text);
      } finally {
        font._glyphs = documentGlyphs;
      }
      shaped = { run: Object.assign(Object.create(Object.getPrototypeOf(run) as object) as GlyphRun, run, { glyphs: [] }), glyphs: run.glyphs.map((g) => [g.id, [...g.codePoints]]) };
      if (runs.size >= MAX_RUNS) runs.clear();
      runs.set(text, shaped);
    }
    // pdfkit scales the positions of a run in place: every use gets its own copy.
    const copy = Object.assign(Object.create(Object.getPrototypeOf(shaped.run) as object) as GlyphRun, shaped.run);
    copy.glyphs = shaped.glyphs.map(([id, codePoints]) => font.getGlyph(id, [...codePoints])!);
    copy.positions = shaped.run.positions.map((p) => Object.assign(Object.create(Object.getPrototypeOf(p) as object) as object, p));
    return copy;
  };
  return font;
}

let instance: Pdfmake | undefined;

/**
 * pdfmake, with pdfkit's fontkit wrapped when this module is the first to load pdfkit in this process or
 * worker (else, e.g. when the application loaded pdfmake itself first, the plain one: slower, same bytes).
 */
async function loadPdfmake(): Promise<Pdfmake> {
  if (instance) return instance;
  const isNode = typeof process !== 'undefined' && Boolean(process.versions?.node);
  if (isNode) {
    try {
      const require = createRequire(import.meta.url);
      const pdfmakePath = require.resolve('pdfmake');
      const pdfkitPath = createRequire(pdfmakePath).resolve('pdfkit');
      const firstLoad = !require.cache[pdfkitPath];
      if (firstLoad) {
        const fontkitPath = createRequire(pdfkitPath).resolve('fontkit');
        const real = createRequire(pdfkitPath)(fontkitPath) as Fontkit & Record<string, unknown>;
        const wrapped: Record<string, unknown> = { ...real };
        // pdfkit calls create once per face and document: the start of that face's use by a new document.
        wrapped.create = (buffer: Uint8Array, postscriptName?: string) => {
          if (!state.shareable.has(buffer) || postscriptName !== undefined) return real.create(buffer, postscriptName);
          if (!state.parsed.has(buffer)) state.parsed.set(buffer, sharedFont(real, buffer));
          const font = state.parsed.get(buffer);
          if (!font) return real.create(buffer);
          font._glyphs = {}; // this document's glyph objects
          return font;
        };
        const entry = require.cache[fontkitPath];
        if (entry) entry.exports = wrapped;
      }
      instance = require('pdfmake') as Pdfmake;
      if (firstLoad) {
        // Our own pdfmake: its style lookup without the per-word allocations (same answers; style-lookup.ts).
        const stack = createRequire(pdfmakePath)('./StyleContextStack') as { default?: StyleStackClass };
        const inlines = createRequire(pdfmakePath)('./TextInlines') as { default?: TextInlinesClass };
        if (stack.default && inlines.default) {
          installStyleLookup(stack.default);
          installStyleFrames(inlines.default);
        }
        // And its pdfkit: one Buffer per stream, not per operator (same bytes; content-writes.ts).
        const PDFDocument = require(pdfkitPath) as new (options: object) => { ref(): object };
        installContentWrites(Object.getPrototypeOf(new PDFDocument({ autoFirstPage: false }).ref()) as ReferencePrototype);
      }
      return instance;
    } catch {
      // A bundle without node_modules: the plain import below.
    }
  }
  const mod = (await import('pdfmake')) as unknown as { default?: Pdfmake } & Pdfmake;
  instance = mod.default ?? mod;
  return instance;
}

/**
 * The PDF bytes of a pdfmake document definition, with Tinos from @expo-google-fonts/tinos unless `fonts` are
 * given; `lang` is the language of the error for incomplete `fonts`.
 */
export async function toPdf(definition: TDocumentDefinitions, fonts?: FontInput, lang?: Lang): Promise<Uint8Array> {
  const faces = fonts ? fontFiles(fonts, lang) : fontFiles(loadFonts());
  const pdfmake = await loadPdfmake();
  // Only these buffers get the shared parsed font (see above); the caller's own fonts too, once given.
  for (const face of [faces.normal, faces.bold, faces.italics, faces.bolditalics]) state.shareable.add(face);
  return printPdf(pdfmake, definition, faces);
}
