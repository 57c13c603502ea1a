/**
 * Break opportunities in long tokens. pdfmake breaks lines only where Unicode allows (spaces, hyphens,
 * slashes); a longer run of other characters (a pasted URL, a file name, a key held down) is one word to it:
 * in a table it widens its column past the page edge, and in a paragraph pdfmake cuts it by a binary search
 * that measures the whole rest of the token once per line (quadratic: a 10,000-character token took 52 s and
 * 1.4 GB). A zero-width space (U+200B: a glyph of width 0 in Tinos, nothing printed) every few characters
 * gives the line breaker places to wrap such a run; normal words are left alone.
 */

export const ZWSP = '\u200B';

/**
 * Runs longer than this get a break opportunity every this many characters: longer than any Vietnamese
 * syllable and most English words, and at the table font sizes (10–12 pt) under 200 pt wide even in the
 * widest glyphs (1 em in Tinos), so a run never forces a column wider than its share.
 */
export const MAX_RUN = 16;

const RUN = /[^\s\u200b]+/gu;
const MARK = /\p{M}/u;

/** `text` with U+200B after every `max` characters of any run of more than `max` non-space characters. */
export function breakLongTokens(text: string, max = MAX_RUN): string {
  if (text.length <= max) return text;
  return text.replace(RUN, (run) => {
    const chars = [...run];
    if (chars.length <= max) return run;
    let out = '';
    let count = 0;
    for (let i = 0; i < chars.length; i++) {
      // Never between a letter and its combining mark (NFC leaves some marks uncomposed).
      if (count >= max && !MARK.test(chars[i]!)) {
        out += ZWSP;
        count = 0;
      }
      out += chars[i];
      count += 1;
    }
    return out;
  });
}

/**
 * The same content with every printed string given break opportunities: `text` values, string cells and
 * list items, at any depth. Returns new nodes; the input is not changed.
 */
export function breakContent<T>(node: T, max = MAX_RUN): T {
  if (typeof node === 'string') return breakLongTokens(node, max) as T;
  if (Array.isArray(node)) return node.map((n) => breakContent(n, max)) as T;
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  let broken = false;
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    out[key] = PRINTED.has(key) ? breakContent(value, max) : value;
    if (key === 'text' && out[key] !== value) broken = true;
  }
  // Justifying spreads the pieces of a broken token apart, leaving gaps inside it: such a paragraph goes left.
  if (broken && out.alignment === 'justify') out.alignment = 'left';
  return out as T;
}

/** The keys of a pdfmake node whose values are (or hold) printed text. */
const PRINTED = new Set(['text', 'stack', 'columns', 'ul', 'ol', 'body', 'table', 'content']);
