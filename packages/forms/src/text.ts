/**
 * What a text field may hold so that it prints as typed: characters the embedded font can draw, no control or
 * bidi-override characters, no towers of combining marks, and some visible content where content is required.
 * Runs on NFC text (the document is normalised before it is checked).
 */
import { PRINTABLE_RANGES } from './generated/font-coverage';

/** Combining marks in a row, after NFC. Vietnamese needs at most 2 in NFD and 0–1 in NFC; stacks overprint lines. */
export const MAX_MARKS = 3;

/** Whether the PDF font has a glyph for the code point (binary search over the generated ranges). */
export function printable(cp: number): boolean {
  let lo = 0;
  let hi = PRINTABLE_RANGES.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < PRINTABLE_RANGES[2 * mid]!) hi = mid - 1;
    else if (cp > PRINTABLE_RANGES[2 * mid + 1]!) lo = mid + 1;
    else return true;
  }
  return false;
}

/** C0 and C1 controls, DEL, and the bidi embeddings, overrides and isolates that reorder what follows. */
function isControl(cp: number): boolean {
  return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

/** Tab and line breaks (LF, and CR of CRLF): layout, not glyphs, and allowed only where text has several lines. */
function isLineLayout(cp: number): boolean {
  return cp === 0x09 || cp === 0x0a || cp === 0x0d;
}

/** Spaces of every width and the invisible zero-width characters: text of only these is empty on paper. */
const BLANK = /^[\s\u200b\u200c\u200d\u2060\ufeff]*$/u;
const MARK = /\p{M}/u;

export interface TextProblems {
  /** Control or bidi characters, distinct, in order of appearance. */
  controls: string[];
  /** Characters the font cannot print, distinct, in order of appearance. */
  unsupported: string[];
  /** The longest run of consecutive combining marks, when it is longer than MAX_MARKS. */
  marks?: number;
  /** Required text that is only spaces or zero-width characters. */
  blank: boolean;
}

/** The problems of one NFC string, or undefined when it has none. Linear in its length. */
export function textProblems(value: string, multiline: boolean, required: boolean): TextProblems | undefined {
  const controls = new Set<string>();
  const unsupported = new Set<string>();
  let run = 0;
  let longest = 0;
  for (const ch of value) {
    const cp = ch.codePointAt(0)!;
    if (!(multiline && isLineLayout(cp))) {
      if (isControl(cp)) controls.add(ch);
      else if (!printable(cp)) unsupported.add(ch);
    }
    if (MARK.test(ch)) longest = Math.max(longest, ++run);
    else run = 0;
  }
  const blank = required && value.length > 0 && BLANK.test(value);
  if (controls.size === 0 && unsupported.size === 0 && longest <= MAX_MARKS && !blank) return undefined;
  return { controls: [...controls], unsupported: [...unsupported], ...(longest > MAX_MARKS ? { marks: longest } : {}), blank };
}

/** `U+1F600`: how messages name a code point. */
export function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
