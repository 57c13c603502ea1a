/**
 * An exact set of ids with the index of each id's first occurrence, compact enough for a national run:
 * the ids' UTF-8 bytes are appended to one growable byte arena, and an open-addressing hash table holds
 * each entry's arena offset (a Uint32). A JS Set of 5,000,000 strings costs about 250 MB; this costs
 * about (id bytes + 5) per entry plus 4 to 8 bytes per entry of table. Comparisons are byte for byte:
 * two ids are the same only when their bytes are equal (no probabilistic answer).
 *
 * Arena entry: [first index, varint][length, varint][bytes].
 */

/** 32-bit FNV-1a of bytes[start, end): cheap, and good enough to spread short ids with a common prefix. */
export function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    h ^= bytes[i]!;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const encoder = new TextEncoder();

export class IdSet {
  private arena = new Uint8Array(1 << 16);
  private used = 0;
  /** Arena offset + 1 of each entry; 0: empty. */
  private table = new Uint32Array(1 << 12);
  private mask = (1 << 12) - 1;
  private entries = 0;
  private scratch = new Uint8Array(256);

  get size(): number {
    return this.entries;
  }

  /** Bytes held (arena and table), for the docs' memory figures. */
  get bytes(): number {
    return this.arena.byteLength + this.table.byteLength;
  }

  /**
   * Adds the id bytes[start, end) first seen at `index` (hash: hashBytes of the same bytes). Returns -1
   * when the id is new, else the index of its first occurrence (the set is unchanged).
   */
  addBytes(bytes: Uint8Array, start: number, end: number, hash: number, index: number): number {
    const len = end - start;
    let slot = hash & this.mask;
    for (;;) {
      const at = this.table[slot]!;
      if (at === 0) break;
      const first = this.sameAt(at - 1, bytes, start, len);
      if (first >= 0) return first;
      slot = (slot + 1) & this.mask;
    }
    this.table[slot] = this.append(bytes, start, len, index) + 1;
    this.entries += 1;
    // Load ≤ 0.7 keeps linear probing short.
    if (this.entries * 10 > this.table.length * 7) this.grow();
    return -1;
  }

  /** add() for an id given as text (its UTF-8 bytes are what is kept and compared). */
  add(id: string, index: number): number {
    if (this.scratch.length < id.length * 3) this.scratch = new Uint8Array(id.length * 3);
    const { written } = encoder.encodeInto(id, this.scratch);
    return this.addBytes(this.scratch, 0, written, hashBytes(this.scratch, 0, written), index);
  }

  /** The first index stored at `offset` when the entry's bytes equal bytes[start, start+len), else -1. */
  private sameAt(offset: number, bytes: Uint8Array, start: number, len: number): number {
    const a = this.arena;
    let p = offset;
    let first = 0;
    let shift = 0;
    for (;;) {
      const b = a[p++]!;
      first += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) break;
      shift += 7;
    }
    let stored = 0;
    shift = 0;
    for (;;) {
      const b = a[p++]!;
      stored |= (b & 0x7f) << shift;
      if (b < 0x80) break;
      shift += 7;
    }
    if (stored !== len) return -1;
    for (let i = 0; i < len; i++) if (a[p + i] !== bytes[start + i]) return -1;
    return first;
  }

  private append(bytes: Uint8Array, start: number, len: number, index: number): number {
    const need = this.used + len + 16;
    if (need > this.arena.length) {
      // Grow by half: a doubling would briefly need three times the arena.
      const bigger = new Uint8Array(Math.max(need, Math.floor(this.arena.length * 1.5)));
      bigger.set(this.arena.subarray(0, this.used));
      this.arena = bigger;
    }
    const offset = this.used;
    let p = offset;
    let v = index;
    while (v >= 0x80) {
      this.arena[p++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.arena[p++] = v;
    v = len;
    while (v >= 0x80) {
      this.arena[p++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.arena[p++] = v;
    this.arena.set(bytes.subarray(start, start + len), p);
    this.used = p + len;
    return offset;
  }

  /** Doubles the table; entries are re-placed by the hash of their bytes (kept in the arena, not in the table). */
  private grow(): void {
    const old = this.table;
    this.table = new Uint32Array(old.length * 2);
    this.mask = this.table.length - 1;
    const a = this.arena;
    for (let i = 0; i < old.length; i++) {
      const at = old[i]!;
      if (at === 0) continue;
      let p = at - 1;
      while (a[p++]! >= 0x80);
      let len = 0;
      let shift = 0;
      for (;;) {
        const b = a[p++]!;
        len |= (b & 0x7f) << shift;
        if (b < 0x80) break;
        shift += 7;
      }
      let slot = hashBytes(a, p, p + len) & this.mask;
      while (this.table[slot] !== 0) slot = (slot + 1) & this.mask;
      this.table[slot] = at;
    }
  }
}
