/** Input that is not UTF-8 as a whole: told from its first bytes, so it is refused once rather than line by line. */

/**
 * The encoding the first bytes of a file show when it is UTF-16 (or UTF-32): a byte-order mark, or a NUL among
 * the first bytes (ASCII in UTF-16 has one every other byte; JSON in UTF-8 never has one). Undefined otherwise.
 */
export function foreignEncoding(head: Uint8Array): string | undefined {
  if (head[0] === 0xff && head[1] === 0xfe) return 'UTF-16LE';
  if (head[0] === 0xfe && head[1] === 0xff) return 'UTF-16BE';
  const nul = head.subarray(0, 64).indexOf(0);
  if (nul < 0) return undefined;
  return nul % 2 === 0 ? 'UTF-16BE' : 'UTF-16LE';
}
