/**
 * An exact set of ids with the index of each id's first occurrence, compact enough for a national run.
 * A JS Set of 5,000,000 strings costs about 250 MB. Here, ids that end in a number are kept in pages
 * (4 bytes an id when the numbers are dense, as member codes usually are); other ids' UTF-8 bytes are
 * appended to a growable byte arena, found through an open-addressing hash table of Uint32 offsets: about
 * (id bytes + 5) bytes an id plus 6 to 12 bytes of table. Comparisons are byte for byte: two ids are the
 * same only when their bytes are equal (no probabilistic answer).
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

import { badArgument } from '../args';

const encoder = /* @__PURE__ */ new TextEncoder();

const PAGE_BITS = 12;
const PAGE = 1 << PAGE_BITS;
/** A group stops getting pages once they are on average less than 1/16 full (sparse numbers: the arena is cheaper). */
const MIN_FILL = PAGE / 16;

/** Ids that end in a number and share the rest ("dv-1", "dv-2", …): a page per 4,096 numbers. */
interface DenseGroup {
  pages: Map<number, Int32Array>;
  /** The tag of each slot's id (see IdSet's `tagBytes`), beside `pages`. */
  tags: Map<number, Uint16Array>;
  entries: number;
  /** No more pages: numbers outside the existing pages go to the arena (so a number is always in one place). */
  closed: boolean;
}

export class IdSet {
  /**
   * Ids ending in a number (up to 9 digits, no leading zero) are kept as that number's slot in a page of
   * their group (the rest of the id), holding the first index: 4 bytes an id when numbers are dense, as
   * member codes usually are. Null in the set of group names itself.
   */
  private readonly groupNames: IdSet | null;
  private readonly groups: DenseGroup[] = [];
  private densePage: Int32Array | null = null;
  private denseAt = 0;
  private denseGroup: DenseGroup | null = null;
  private denseTags: Uint16Array | null = null;
  private denseTag = 0;
  private arena = new Uint8Array(1 << 16);
  private used = 0;
  /** Arena offset + 1 of each entry; 0: empty. */
  private table = new Uint32Array(1 << 12);
  private mask = (1 << 12) - 1;
  private entries = 0;
  private inArena = 0;
  private scratch = new Uint8Array(256);

  /**
   * `tagBytes` (0 or 2): the ids start with a 2-byte tag (subject keys: kind and period) kept beside the
   * number rather than in the group, so one person's code in any period shares the group's dense pages;
   * a second tag for the same number (rare: one id in two periods) goes to the arena.
   */
  constructor(dense = true, private readonly tagBytes: 0 | 2 = 0) {
    this.groupNames = dense ? new IdSet(false) : null;
  }

  get size(): number {
    return this.entries;
  }

  /** Bytes held (arena, table and pages), for the docs' memory figures. */
  get bytes(): number {
    let pages = 0;
    for (const g of this.groups) pages += g.pages.size * PAGE * (this.tagBytes ? 6 : 4);
    return this.arena.byteLength + this.table.byteLength + pages + (this.groupNames?.bytes ?? 0);
  }

  /**
   * Finds the page slot of a dense id (into densePage, denseAt, denseGroup: no object per call, as this runs
   * once per record of a national run); false when the id is not number-ending or its group has no page for it.
   */
  private denseSlot(bytes: Uint8Array, start: number, end: number, index: number): boolean {
    if (!this.groupNames || index >= 0x7ffffffe) return false;
    let d = end;
    while (d > start && end - d < 10 && bytes[d - 1]! >= 48 && bytes[d - 1]! <= 57) d -= 1;
    const digits = end - d;
    if (digits === 0 || digits > 9 || (d > start && bytes[d - 1]! >= 48 && bytes[d - 1]! <= 57) || (digits > 1 && bytes[d] === 48)) return false;
    let n = 0;
    for (let i = d; i < end; i++) n = n * 10 + bytes[i]! - 48;
    const from = start + this.tagBytes;
    if (from > d) return false;
    const known = this.groupNames.addBytes(bytes, from, d, hashBytes(bytes, from, d), this.groups.length);
    const g = known >= 0 ? this.groups[known]! : this.newGroup();
    const key = n >>> PAGE_BITS;
    let page = g.pages.get(key);
    if (!page) {
      if (g.closed) return false;
      if (g.pages.size >= 16 && g.entries < g.pages.size * MIN_FILL) {
        g.closed = true;
        return false;
      }
      g.pages.set(key, (page = new Int32Array(PAGE)));
      if (this.tagBytes) g.tags.set(key, new Uint16Array(PAGE));
    }
    this.denseTags = this.tagBytes ? g.tags.get(key)! : null;
    this.denseTag = this.tagBytes ? (bytes[start]! << 8) | bytes[start + 1]! : 0;
    this.densePage = page;
    this.denseAt = n & (PAGE - 1);
    this.denseGroup = g;
    return true;
  }

  private newGroup(): DenseGroup {
    const g: DenseGroup = { pages: new Map(), tags: new Map(), entries: 0, closed: false };
    this.groups.push(g);
    return g;
  }

  /**
   * Adds the id bytes[start, end) first seen at `index` (hash: hashBytes of the same bytes). Returns -1
   * when the id is new, else the index of its first occurrence (the set is unchanged).
   */
  addBytes(bytes: Uint8Array, start: number, end: number, hash: number, index: number): number {
    if (this.denseSlot(bytes, start, end, index)) {
      const page = this.densePage!;
      const at = this.denseAt;
      const first = page[at]!;
      if (first === 0) {
        page[at] = index + 1;
        if (this.denseTags) this.denseTags[at] = this.denseTag;
        this.denseGroup!.entries += 1;
        this.entries += 1;
        return -1;
      }
      // The slot's number with another tag: that id lives in the arena (found there every time).
      if (!this.denseTags || this.denseTags[at] === this.denseTag) return first - 1;
    }
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
    this.inArena += 1;
    // Load ≤ 0.7 keeps linear probing short.
    if (this.inArena * 10 > this.table.length * 7) this.grow();
    return -1;
  }

  /** add() for an id given as text (its UTF-8 bytes are what is kept and compared). */
  add(id: string, index: number): number {
    if (typeof id !== 'string' || !Number.isInteger(index) || index < 0) throw badArgument(typeof id !== 'string' ? 'id' : 'index', typeof id !== 'string' ? 'string' : 'index');
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
