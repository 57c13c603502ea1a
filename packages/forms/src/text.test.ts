/**
 * Text that would not print as typed is refused at validation: characters the embedded font lacks (they print as
 * empty boxes and are missing from the PDF's text), control and bidi characters, towers of combining marks,
 * and names that are only spaces or zero-width characters.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadFonts } from '../../reports/src/fonts';
import { PRINTABLE_RANGES } from './generated/font-coverage';
import { checkForm, exampleFor } from './index';
import { printable, textProblems } from './text';

type Doc = Record<string, any>;
const FORM = 'hd43-2025/02b';
const example = () => exampleFor(FORM) as Doc;

/** The errors of the 02B example with its full name (single line) and section VI (multi-line) set. */
function errorsWith(fields: { name?: string; text?: string }, lang: 'vi' | 'en' = 'vi') {
  const doc = example();
  if (fields.name !== undefined) doc.identity.fullName = fields.name;
  if (fields.text !== undefined) doc.A.VI.content = fields.text;
  return checkForm(FORM, doc, { lang }).errors;
}

/** Every Vietnamese letter: 12 vowels × 6 tones, both cases, plus đ (as the reports' glyph test lists them). */
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const TONES = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];
const ALPHABET = [...VOWELS.flatMap((v) => TONES.map((t) => (v + t).normalize('NFC'))), 'đ'].flatMap((c) => [c, c.toUpperCase()]);

describe('characters the print font lacks', () => {
  it('the generated table is the cmap of the four Tinos faces @kiemdiem/reports embeds (controls and noncharacters aside)', () => {
    const fontkit = createRequire(fileURLToPath(new URL('../../reports/package.json', import.meta.url)))('fontkit') as {
      create(b: Buffer): { characterSet: number[] };
    };
    const faces = Object.values(loadFonts()).map((bytes) => new Set(fontkit.create(Buffer.from(bytes)).characterSet));
    expect(faces).toHaveLength(4);
    const control = (cp: number) => cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe;
    const expected = (cp: number) => !control(cp) && faces.every((f) => f.has(cp));
    // Every code point any face maps, and every one the table claims, agrees with the fonts.
    const claimed: number[] = [];
    for (let i = 0; i < PRINTABLE_RANGES.length; i += 2) for (let cp = PRINTABLE_RANGES[i]!; cp <= PRINTABLE_RANGES[i + 1]!; cp++) claimed.push(cp);
    const candidates = new Set([...claimed, ...faces.flatMap((f) => [...f]), 0x1f600, 0x4e00, 0x0627]);
    const wrong = [...candidates].filter((cp) => printable(cp) !== expected(cp)).map((cp) => cp.toString(16));
    expect(candidates.size).toBeGreaterThan(2000);
    expect(wrong).toEqual([]);
  });

  it.each([
    ['an emoji', 'Nguyễn Văn An 😀', '"😀" (U+1F600)', 'has characters the print font lacks'],
    ['CJK', 'Nguyễn 阮文安', '"阮" (U+962E), "文" (U+6587), "安" (U+5B89)', ''],
    ['Arabic', 'Nguyễn محمد', '"م" (U+0645), "ح" (U+062D), "د" (U+062F)', ''],
  ])('refuses %s in a name, naming the characters and the field', (_what, name, listed) => {
    const errors = errorsWith({ name });
    expect(errors).toEqual([
      { path: '/identity/fullName', code: 'unsupported-character', message: `"Họ và tên" có ký tự mà phông chữ in văn bản không có (sẽ in thành ô trống): ${listed}` },
    ]);
    expect(errorsWith({ name }, 'en')[0]!.message).toBe(`"Full name" has characters the print font lacks (they would print as empty boxes): ${listed}`);
  });

  it('refuses them in long text too, each character once', () => {
    expect(errorsWith({ text: 'Khắc phục 🙂🙂 trong quý I 🙂\nvà ✅' })).toEqual([
      expect.objectContaining({ path: '/A/VI/content', code: 'unsupported-character', message: expect.stringMatching(/: "🙂" \(U\+1F642\), "✅" \(U\+2705\)$/) }),
    ]);
  });

  it('accepts every Vietnamese letter, typed precomposed or decomposed, and common punctuation and spaces', () => {
    const letters = ALPHABET.join('');
    const punctuation = '“Đảng” ‘ủy’ – — … • № § ° ± × ÷ ₫ € % ( ) [ ] / \\ @ # & * + = ! ? ; : , . \u00a0NBSP\u202fnarrow\u2009thin 1/2 ½ ©';
    expect(ALPHABET).toHaveLength(146);
    expect(errorsWith({ name: letters.slice(0, 150), text: `${letters}\n${letters.normalize('NFD')}\n\t${punctuation}` })).toEqual([]);
  });
});

describe('control characters', () => {
  it.each([
    ['a bell (C0)', 'Nguyễn\u0007Văn An', 'U+0007'],
    ['DEL', 'Nguyễn\u007fVăn An', 'U+007F'],
    ['a C1 control (NEL)', 'Nguyễn\u0085Văn An', 'U+0085'],
    ['a right-to-left override', 'Nguyễn \u202eVăn An', 'U+202E'],
    ['a first-strong isolate', 'Nguyễn \u2068Văn\u2069 An', 'U+2068, U+2069'],
    ['a tab in a single-line field', 'Nguyễn\tVăn An', 'U+0009'],
    ['a line break in a single-line field', 'Nguyễn\nVăn An', 'U+000A'],
  ])('refuses %s in a name, naming the field', (_what, name, listed) => {
    expect(errorsWith({ name })).toEqual([{ path: '/identity/fullName', code: 'control-character', message: `"Họ và tên" có ký tự điều khiển không được phép: ${listed}` }]);
    expect(errorsWith({ name }, 'en')[0]!.message).toBe(`"Full name" has control characters that are not allowed: ${listed}`);
  });

  it('allows tabs and line breaks (LF, CRLF) in multi-line text, and nothing else of the kind', () => {
    expect(errorsWith({ text: 'Dòng 1\n\tDòng 2\r\nDòng 3' })).toEqual([]);
    expect(errorsWith({ text: 'Dòng 1\n\u202eDòng 2\u0000' })).toEqual([expect.objectContaining({ path: '/A/VI/content', code: 'control-character', message: expect.stringMatching(/U\+202E, U\+0000$/) })]);
  });

  it.each([
    ['spaces', '   '],
    ['zero-width spaces', '\u200b\u200b'],
    ['a mix with joiners, a BOM, a word joiner and NBSP', ' \u200c\u200d\ufeff\u2060\u00a0 '],
  ])('refuses a name of only %s as empty', (_what, name) => {
    expect(errorsWith({ name })).toEqual([{ path: '/identity/fullName', code: 'empty', message: '"Họ và tên" không được để trống' }]);
  });

  it('refuses a unit name of only blanks too, and keeps zero-width characters inside real text', () => {
    const doc = example();
    doc.identity.unit = '\u200b \u200b';
    doc.identity.fullName = 'Nguyễn\u200bVăn An';
    expect(checkForm(FORM, doc, { lang: 'en' }).errors).toEqual([{ path: '/identity/unit', code: 'empty', message: '"Workplace" must not be empty' }]);
  });
});

describe('stacked combining marks', () => {
  it('refuses more than 3 combining marks in a row after NFC (50 stacked on one letter overprint the lines around)', () => {
    // NFC composes A + the first acute into Á: 49 marks are left stacked on it.
    const tower = `Nguyễn Văn A${'\u0301'.repeat(50)}n`;
    expect(errorsWith({ name: tower })).toEqual([
      { path: '/identity/fullName', code: 'too-many-marks', message: '"Họ và tên" có 49 dấu phụ chồng liên tiếp trên một chữ (tối đa 3)' },
    ]);
    expect(errorsWith({ text: `x${'\u0323\u0301'.repeat(2)}` }, 'en')).toEqual([
      expect.objectContaining({ path: '/A/VI/content', code: 'too-many-marks', message: '"Content" stacks 4 combining marks on one letter (at most 3)' }),
    ]);
  });

  it('accepts Vietnamese typed decomposed (two marks on a letter, none once composed) and up to 3 marks', () => {
    expect(errorsWith({ name: 'Nguye\u0302\u0303n Thi\u0323 Ho\u0302\u0300ng' })).toEqual([]);
    expect(textProblems('x\u0301\u0323\u0302', false, true)).toBeUndefined();
    expect(textProblems('x\u0301\u0323\u0302\u0300', false, true)).toEqual({ controls: [], unsupported: [], marks: 4, blank: false });
  });
});
