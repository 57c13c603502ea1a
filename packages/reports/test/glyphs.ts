/** Test-only helpers: the text a pdfmake document prints, and the characters of it the Tinos faces lack. */
import type { PdfDefinition } from '../src/pdf-types';
import { loadFonts } from '../src/fonts';

const NOT_TEXT = new Set(['alignment', 'font', 'decoration', 'fillColor', 'widths', 'pageSize', 'pageOrientation', 'style']);

/**
 * Every string the document's content prints (table cells, list items, text runs), without the zero-width
 * spaces that give long tokens break opportunities (breaks.ts): they print nothing.
 */
export function textsOf(definition: PdfDefinition): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (typeof node === 'string') out.push(node.replace(/\u200b/g, ''));
    else if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) if (!NOT_TEXT.has(k)) walk(v);
  };
  walk(definition.content);
  return out;
}

interface Face {
  hasGlyphForCodePoint(cp: number): boolean;
}

/** "face: char U+XXXX" for each printed character some embedded face has no glyph for. */
export async function facesMissing(texts: string[]): Promise<string[]> {
  // fontkit ships no types; load it by a computed name so the type checker does not look for them.
  const name = 'fontkit';
  const fontkit = (await import(name)) as { create(b: Buffer): Face };
  const chars = new Set<string>();
  for (const t of texts) for (const ch of t.normalize('NFC')) if (ch >= ' ') chars.add(ch);
  const fonts = loadFonts();
  const missing: string[] = [];
  for (const face of ['normal', 'bold', 'italics', 'bolditalics'] as const) {
    const font = fontkit.create(Buffer.from(fonts[face]));
    for (const ch of chars) {
      if (!font.hasGlyphForCodePoint(ch.codePointAt(0)!)) missing.push(`${face}: ${ch} U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
    }
  }
  return missing;
}
