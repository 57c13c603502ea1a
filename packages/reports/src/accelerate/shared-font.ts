/**
 * One parsed font per face for all the documents of a worker, instead of pdfkit's fontkit.create per face and
 * document (BENCHMARKS.md: about 80 % of the time of a two-page form went into parsing Tinos, shaping every
 * word and decoding every glyph outline again). The font remembers the shaping of each word and the outline
 * and metrics of each glyph.
 *
 * What must not leak from one document into the next are fontkit's glyph objects: a glyph keeps the
 * characters it was first made for, and pdfkit writes those into the PDF's ToUnicode map (what copy-paste and
 * search give). So each document gets its own glyph objects, as it would from a font parsed for it, and a
 * remembered word is shaped as if it were the first text of its document. The bytes are the same as with a
 * font parsed for each document, whatever was printed before (a test compares them over every form).
 */
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
/** The part of fontkit's module that pdfkit calls. */
export interface Fontkit {
  create(buffer: Uint8Array, postscriptName?: string): FontkitFont;
}

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

/**
 * A fontkit module for pdfkit whose `create` gives the shared parsed font for the buffers passed to `share`
 * (the fonts the worker prints with), and parses any other buffer afresh as fontkit does.
 */
export function sharedFontkit(real: Fontkit & Record<string, unknown>): { fontkit: Record<string, unknown>; share(buffer: Uint8Array): void } {
  const shareable = new WeakSet<Uint8Array>();
  const parsed = new WeakMap<Uint8Array, FontkitFont | null>();
  const fontkit: Record<string, unknown> = { ...real };
  // pdfkit calls create once per face and document: the start of that face's use by a new document.
  fontkit.create = (buffer: Uint8Array, postscriptName?: string) => {
    if (!shareable.has(buffer) || postscriptName !== undefined) return real.create(buffer, postscriptName);
    if (!parsed.has(buffer)) parsed.set(buffer, sharedFont(real, buffer));
    const font = parsed.get(buffer);
    if (!font) return real.create(buffer);
    font._glyphs = {}; // this document's glyph objects
    return font;
  };
  return { fontkit, share: (buffer) => shareable.add(buffer) };
}
