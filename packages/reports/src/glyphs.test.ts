/**
 * Every character the PDFs can print — the reports' words (locales/), every form title and label,
 * every example document, the rule packs' messages, the demo data — has a glyph in each embedded face.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { loadFonts } from './fonts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    return statSync(path).isDirectory() ? files(path, ext) : ext.test(name) ? [path] : [];
  });
}

const corpus = [
  ...files(join(root, 'packages/reports/src/locales'), /\.ts$/),
  ...files(join(root, 'packages/forms/src/definitions'), /\.ts$/),
  ...files(join(root, 'packages/forms/src/blocks'), /\.ts$/),
  join(root, 'packages/forms/src/checklists/qd-37-2021.ts'),
  ...files(join(root, 'packages/forms/examples'), /\.json$/),
  ...files(join(root, 'packages/rules/regulations'), /\.json$/),
  join(root, 'packages/rules/src/locales/vi.ts'),
  ...files(join(root, 'examples'), /\.json$/),
];

/** Every Vietnamese letter, any name may use one: 12 vowels × 6 tones, both cases, plus đ. */
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const TONES = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];
const ALPHABET = [...VOWELS.flatMap((v) => TONES.map((t) => (v + t).normalize('NFC'))), 'đ'].flatMap((c) => [c, c.toUpperCase()]);

/** The distinct printable characters of the corpus (NFC, as the renderer prints them). */
const chars = new Set<string>(ALPHABET);
for (const file of corpus) for (const ch of readFileSync(file, 'utf8').normalize('NFC')) if (ch >= ' ' && ch !== '\u007f') chars.add(ch);

describe('glyph coverage of the embedded fonts', () => {
  it('reads a real corpus, with Vietnamese in it', () => {
    expect(corpus.length).toBeGreaterThan(40);
    expect(ALPHABET).toHaveLength(146);
    expect(ALPHABET.every((c) => [...c].length === 1)).toBe(true); // all precomposed
    expect(chars.size).toBeGreaterThan(ALPHABET.length);
  });

  it.each(['normal', 'bold', 'italics', 'bolditalics'] as const)('Tinos %s has every character', (face) => {
    const font = fontkit.create(Buffer.from(loadFonts()[face])) as fontkit.Font;
    const missing = [...chars].filter((ch) => !font.hasGlyphForCodePoint(ch.codePointAt(0)!));
    expect(missing.map((ch) => `${ch} U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`)).toEqual([]);
  });
});
