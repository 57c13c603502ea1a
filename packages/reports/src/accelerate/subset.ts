/**
 * A faster encoder for fontkit's TrueType subsets of the shared fonts (shared-font.ts), with the same bytes.
 *
 * pdfkit embeds a subset of every face in every document. fontkit encodes it with restructure, one value at a
 * time: the hinting programs of Tinos alone (fpgm, prep, cvt: about 4 kB) cost ~15,000 calls per face and
 * document, whatever the text. Only three tables depend on the glyphs (glyf, loca, hmtx) and two numbers
 * (hhea.numberOfMetrics, maxp.numGlyphs); everything else is the same for every subset of a font. So fontkit
 * encodes one subset once, its tables become the template, and each document's subset is the template with
 * those parts written in. A test compares this encoder with fontkit's own over many glyph sets.
 */

/** The parts of fontkit's TTFSubset that the encoder reads and fills. */
export interface TtfSubset {
  font: { loca?: { version: number } };
  glyphs: number[];
  glyf: Uint8Array[];
  offset: number;
  loca: { offsets: number[]; version: number };
  hmtx: { metrics: Array<{ advance: number; bearing: number }>; bearings: number[] };
  _addGlyph(gid: number): number;
  encode(): Uint8Array;
}

/** One table of the template: its tag and, unless it is made per subset, its bytes. */
interface TemplateTable {
  tag: string;
  bytes: Uint8Array | null;
}

/** A font's template: fontkit's table order and the tables that do not depend on the glyphs. */
export interface SubsetTemplate {
  header: Uint8Array;
  tables: TemplateTable[];
}

const PER_SUBSET = new Set(['glyf', 'loca', 'hmtx']);
/** Byte offsets, fixed by the OpenType spec, of the two numbers that depend on the glyph count. */
const HHEA_NUMBER_OF_METRICS = 34;
const MAXP_NUM_GLYPHS = 4;

/**
 * The template of a font, read from a subset fontkit encoded itself; null when that subset does not look
 * as this encoder expects (then fontkit keeps encoding every subset).
 */
export function subsetTemplate(encoded: Uint8Array): SubsetTemplate | null {
  if (encoded.length < 12) return null;
  const view = new DataView(encoded.buffer, encoded.byteOffset, encoded.byteLength);
  const numTables = view.getUint16(4);
  const directoryEnd = 12 + 16 * numTables;
  if (encoded.length < directoryEnd) return null;
  const tables: TemplateTable[] = [];
  let expectedOffset = directoryEnd;
  for (let i = 0; i < numTables; i++) {
    const at = 12 + 16 * i;
    const tag = String.fromCharCode(...encoded.subarray(at, at + 4));
    const checkSum = view.getUint32(at + 4);
    const offset = view.getUint32(at + 8);
    const length = view.getUint32(at + 12);
    // fontkit writes the tables one after another, unpadded, in directory order, with a zero checksum.
    if (checkSum !== 0 || offset !== expectedOffset || offset + length > encoded.length) return null;
    expectedOffset += length;
    tables.push({ tag, bytes: PER_SUBSET.has(tag) ? null : encoded.slice(offset, offset + length) });
  }
  if (expectedOffset !== encoded.length) return null;
  const tags = tables.map((t) => t.tag);
  for (const tag of ['glyf', 'loca', 'hmtx', 'hhea', 'maxp']) if (!tags.includes(tag)) return null;
  const hhea = tables.find((t) => t.tag === 'hhea')!.bytes!;
  const maxp = tables.find((t) => t.tag === 'maxp')!.bytes!;
  if (hhea.length < HHEA_NUMBER_OF_METRICS + 2 || maxp.length < MAXP_NUM_GLYPHS + 2) return null;
  return { header: encoded.slice(0, 12), tables };
}

/** Encodes a subset with a template: the same bytes as fontkit's `TTFSubset#encode`. */
export function encodeSubset(subset: TtfSubset, template: SubsetTemplate): Uint8Array {
  // As fontkit: every glyph, including the parts of composite glyphs that _addGlyph appends as it goes.
  subset.glyf = [];
  subset.offset = 0;
  subset.loca = { offsets: [], version: subset.font.loca!.version };
  subset.hmtx = { metrics: [], bearings: [] };
  for (let i = 0; i < subset.glyphs.length; i++) subset._addGlyph(subset.glyphs[i]!);
  subset.loca.offsets.push(subset.offset);

  const glyphCount = subset.glyf.length;
  const longLoca = subset.loca.version !== 0;
  const sizeOf = (table: TemplateTable): number => {
    if (table.bytes) return table.bytes.length;
    if (table.tag === 'glyf') return subset.offset;
    if (table.tag === 'loca') return subset.loca.offsets.length * (longLoca ? 4 : 2);
    return subset.hmtx.metrics.length * 4; // hmtx: advance + bearing per glyph, no extra bearings
  };
  const sizes = template.tables.map(sizeOf);
  const directoryEnd = 12 + 16 * template.tables.length;
  const out = new Uint8Array(directoryEnd + sizes.reduce((a, b) => a + b, 0));
  const view = new DataView(out.buffer);
  out.set(template.header, 0);

  let offset = directoryEnd;
  template.tables.forEach((table, i) => {
    const entry = 12 + 16 * i;
    for (let c = 0; c < 4; c++) out[entry + c] = table.tag.charCodeAt(c);
    view.setUint32(entry + 4, 0);
    view.setUint32(entry + 8, offset);
    view.setUint32(entry + 12, sizes[i]!);
    if (table.bytes) {
      out.set(table.bytes, offset);
      if (table.tag === 'hhea') view.setUint16(offset + HHEA_NUMBER_OF_METRICS, subset.hmtx.metrics.length);
      else if (table.tag === 'maxp') view.setUint16(offset + MAXP_NUM_GLYPHS, glyphCount);
    } else if (table.tag === 'glyf') {
      let at = offset;
      for (const glyph of subset.glyf) {
        out.set(glyph, at);
        at += glyph.length;
      }
    } else if (table.tag === 'loca') {
      let at = offset;
      for (const value of subset.loca.offsets) {
        if (longLoca) {
          view.setUint32(at, value);
          at += 4;
        } else {
          view.setUint16(at, value >>> 1);
          at += 2;
        }
      }
    } else {
      let at = offset;
      for (const metric of subset.hmtx.metrics) {
        view.setUint16(at, metric.advance);
        view.setInt16(at + 2, metric.bearing);
        at += 4;
      }
    }
    offset += sizes[i]!;
  });
  return out;
}
