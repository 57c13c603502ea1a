import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { loadFonts } from '../fonts';
import { encodeSubset, subsetTemplate, type TtfSubset } from './subset';
import { seededRandom } from '../../test/random';

type Font = { createSubset(): TtfSubset & { includeGlyph(id: number): number }; numGlyphs: number; glyphForCodePoint(cp: number): { id: number } };
const open = (bytes: Uint8Array) => fontkit.create(Buffer.from(bytes)) as unknown as Font;

/** Vietnamese letters (composites of a base and marks in Tinos) and other text of the forms. */
const TEXT = 'ĐẢNG CỘNG SẢN VIỆT NAM Nguyễn Thị Mai Anh Cần Thơ Hoàn thành xuất sắc nhiệm vụ ỹ ự ữ ằ ẵ ặ ễ ố ộ ớ ợ “” – … 0123456789 %';

describe('encodeSubset (the subset encoder of the shared fonts)', () => {
  const faces = Object.entries(loadFonts());

  it.each(faces)('%s: the same bytes as fontkit for 200 glyph sets (text glyphs, composites, any glyph, any order)', (_face, bytes) => {
    const ours = open(bytes);
    const theirs = open(bytes);
    const probe = ours.createSubset();
    const template = subsetTemplate(probe.encode());
    expect(template).not.toBeNull();
    const textGlyphs = [...TEXT].map((c) => ours.glyphForCodePoint(c.codePointAt(0)!).id);
    const next = seededRandom(0x5eed + bytes.length);
    for (let round = 0; round < 200; round++) {
      const count = 1 + Math.floor(next() * (round % 10 === 0 ? 400 : 60));
      const ids = Array.from({ length: count }, () =>
        next() < 0.7 ? textGlyphs[Math.floor(next() * textGlyphs.length)]! : Math.floor(next() * ours.numGlyphs),
      );
      const mine = ours.createSubset();
      const reference = theirs.createSubset();
      for (const id of ids) {
        mine.includeGlyph(id);
        reference.includeGlyph(id);
      }
      const expected = Buffer.from(reference.encode());
      const actual = Buffer.from(encodeSubset(mine, template!));
      expect(actual.equals(expected), `round ${round}: glyphs ${ids.join(',')}`).toBe(true);
    }
  });

  it('takes no template from bytes it does not recognise (then fontkit keeps encoding)', () => {
    const font = open(loadFonts().normal);
    const good = font.createSubset().encode();
    expect(subsetTemplate(good)).not.toBeNull();
    expect(subsetTemplate(good.slice(0, 40))).toBeNull(); // cut inside the directory
    expect(subsetTemplate(good.slice(0, good.length - 1))).toBeNull(); // a table runs past the end
    const checksum = good.slice();
    checksum[12 + 4 + 3] = 1; // a table with a checksum: not fontkit's writer
    expect(subsetTemplate(checksum)).toBeNull();
    const renamed = good.slice();
    const at = renamed.findIndex((_, i) => String.fromCharCode(...renamed.subarray(i, i + 4)) === 'hmtx');
    renamed[at] = 'x'.charCodeAt(0); // no hmtx table
    expect(subsetTemplate(renamed)).toBeNull();
    const padded = new Uint8Array(good.length + 2);
    padded.set(good);
    expect(subsetTemplate(padded)).toBeNull(); // bytes after the last table
  });
});
