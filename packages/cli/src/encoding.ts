/** Input that is not UTF-8 as a whole: told from its first bytes, so it is refused once rather than line by line. */

/**
 * The encoding the first bytes of a file show when it is UTF-16: a byte-order mark, or, without one, a NUL in
 * at least half of the first byte pairs on the same side (ASCII in UTF-16 has one every other byte; JSON in
 * UTF-8 never has one, so a stray NUL is left to the line's own error). Undefined otherwise.
 */
export function foreignEncoding(head: Uint8Array): string | undefined {
  if (head[0] === 0xff && head[1] === 0xfe) return 'UTF-16LE';
  if (head[0] === 0xfe && head[1] === 0xff) return 'UTF-16BE';
  const pairs = Math.min(head.length, 32) >> 1;
  let le = 0;
  let be = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (head[i] !== 0 && head[i + 1] === 0) le += 1;
    if (head[i] === 0 && head[i + 1] !== 0) be += 1;
  }
  if (pairs > 0 && le * 2 >= pairs) return 'UTF-16LE';
  if (pairs > 0 && be * 2 >= pairs) return 'UTF-16BE';
  return undefined;
}
