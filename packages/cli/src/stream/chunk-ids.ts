/**
 * The ids of one chunk of `rate --format jsonl`, gathered where the chunk is rated (a worker or the main
 * thread) for the main thread to check in input order (stream-ids.ts): each keyed record's key bytes (see
 * subjectKey: kind, period, NFC id), where its output line sits, and what it adds to the quota. The main
 * thread counts the quota from these, so a duplicate is never counted, whichever worker rated it.
 */
import { Buffer } from 'node:buffer';
import { hashBytes, subjectKey, type QuotaCount, type Result } from '@kiemdiem/rules';
import type { ChunkOutput } from './rate-lines';
import type { Utf8Lines } from './utf8-lines';

/** Ints per keyed record in `recs`. */
export const REC = 6;
/** `recs[i * REC + 5]` for a record that was not rated, and for one rated without a group. */
export const NOT_RATED = -1;
export const NO_GROUP = -2;

/**
 * The ids travel in the chunk's output buffer, after its lines (offsets from the start of the output view):
 * that buffer is transferred and reused, so the ids cost no fresh memory per chunk on either thread.
 */
export interface ChunkIds {
  /** Per keyed record, REC ints: index, output line start, output line end, key end (in keys), key hash, quota. */
  recsAt: number;
  count: number;
  /** The keys' UTF-8 bytes, back to back. */
  keysAt: number;
  keysLength: number;
  /** The chunk's quota entries by slot (counts zero); quota = slot * 4 + (1 HTXSNV, 2 HTTNV, 0 other level). */
  slots: QuotaCount[];
}

/** Views of a chunk's ids in its output buffer. */
export function idsViews(out: Uint8Array, ids: ChunkIds): { keys: Uint8Array; recs: Int32Array } {
  return { keys: new Uint8Array(out.buffer, out.byteOffset + ids.keysAt, ids.keysLength), recs: new Int32Array(out.buffer, out.byteOffset + ids.recsAt, ids.count * REC) };
}

/** The key of a parsed record, or undefined (no usable id, kind or period; or the record threw when read). */
export function keyOf(value: unknown): string | undefined {
  try {
    return subjectKey(value);
  } catch {
    return undefined;
  }
}

export class ChunkIdsWriter {
  private keys = Buffer.allocUnsafeSlow(16 * 1024);
  private used = 0;
  private recs = new Int32Array(REC * 1024);
  private count = 0;
  private slots: QuotaCount[] = [];
  private readonly slotOf = new Map<string, number[]>();

  /** Ready for another chunk (the buffers are kept: one writer serves every chunk of a thread). */
  reset(): void {
    this.used = 0;
    this.count = 0;
    this.slots = [];
    this.slotOf.clear();
  }

  add(index: number, key: string, outStart: number, outEnd: number, result: Result | null): void {
    if (this.used + key.length * 3 > this.keys.length) {
      const bigger = Buffer.allocUnsafeSlow(Math.max(this.keys.length * 2, this.used + key.length * 3));
      this.keys.copy(bigger, 0, 0, this.used);
      this.keys = bigger;
    }
    const start = this.used;
    this.used += this.keys.write(key, start, 'utf8');
    if ((this.count + 1) * REC > this.recs.length) {
      const bigger = new Int32Array(this.recs.length * 2);
      bigger.set(this.recs);
      this.recs = bigger;
    }
    const r = this.count * REC;
    this.recs[r] = index;
    this.recs[r + 1] = outStart;
    this.recs[r + 2] = outEnd;
    this.recs[r + 3] = this.used;
    this.recs[r + 4] = hashBytes(this.keys, start, this.used) | 0;
    this.recs[r + 5] = result === null ? NOT_RATED : this.quotaOf(result);
    this.count += 1;
  }

  private quotaOf(r: Result): number {
    if (r.group === undefined) return NO_GROUP;
    // By group, then a short scan (one entry per regulation and period): no string built per record.
    let list = this.slotOf.get(r.group);
    if (!list) this.slotOf.set(r.group, (list = []));
    let slot = -1;
    for (const i of list) {
      const q = this.slots[i]!;
      if (q.regulation === r.regulation && q.period.year === r.period.year && q.period.quarter === r.period.quarter) slot = i;
    }
    if (slot < 0) {
      slot = this.slots.length;
      list.push(slot);
      this.slots.push({ group: r.group, regulation: r.regulation, period: r.period, excellent: 0, good: 0 });
    }
    const level = r.status === 'rated' && r.level === 'HTXSNV' ? 1 : r.status === 'rated' && r.level === 'HTTNV' ? 2 : 0;
    return slot * 4 + level;
  }

  /** Appends the chunk's ids to its output, after the lines (4-byte aligned for the Int32 view). */
  appendTo(out: Utf8Lines): ChunkIds {
    out.align(4);
    const recsAt = out.length;
    out.raw(new Uint8Array(this.recs.buffer, 0, this.count * REC * 4));
    const keysAt = out.length;
    out.raw(this.keys.subarray(0, this.used));
    return { recsAt, count: this.count, keysAt, keysLength: this.used, slots: this.slots };
  }
}

/**
 * One chunk's output from parts rated apart (runs of good lines around lines that are not UTF-8, or lines a
 * rescue rated one by one): their lines back to back, then their ids with the offsets moved and the quota
 * slots of equal groups made one, so the main thread checks and counts them as it would a single part's.
 */
export function joinOutputs(parts: readonly ChunkOutput[]): ChunkOutput {
  let linesLength = 0;
  let count = 0;
  let keysLength = 0;
  for (const p of parts) {
    linesLength += p.out.length;
    count += p.ids?.count ?? 0;
    keysLength += p.ids?.keysLength ?? 0;
  }
  const recsAt = Math.ceil(linesLength / 4) * 4;
  const keysAt = recsAt + count * REC * 4;
  const buffer = new ArrayBuffer(keysAt + keysLength);
  const bytes = new Uint8Array(buffer);
  const recs = new Int32Array(buffer, recsAt, count * REC);
  const slots: QuotaCount[] = [];
  const slotByKey = new Map<string, number>();
  const total = { records: 0, rated: 0, invalid: 0 };
  let lineAt = 0;
  let keyAt = 0;
  let r = 0;
  for (const p of parts) {
    bytes.set(p.out, lineAt);
    total.records += p.records;
    total.rated += p.rated;
    total.invalid += p.invalid;
    if (p.ids) {
      const { keys, recs: from } = idsViews(p.out, p.ids);
      bytes.set(keys, keysAt + keyAt);
      const slotOf = p.ids.slots.map((q) => {
        const key = `${q.group}\u0000${q.regulation}\u0000${q.period.year}\u0000${q.period.quarter ?? 0}`;
        let i = slotByKey.get(key);
        if (i === undefined) {
          slotByKey.set(key, (i = slots.length));
          slots.push({ ...q, excellent: 0, good: 0 });
        }
        return i;
      });
      for (let i = 0; i < from.length; i += REC, r += REC) {
        recs[r] = from[i]!;
        recs[r + 1] = from[i + 1]! + lineAt;
        recs[r + 2] = from[i + 2]! + lineAt;
        recs[r + 3] = from[i + 3]! + keyAt;
        recs[r + 4] = from[i + 4]!;
        const q = from[i + 5]!;
        recs[r + 5] = q >= 0 ? slotOf[q >> 2]! * 4 + (q & 3) : q;
      }
      keyAt += p.ids.keysLength;
    }
    lineAt += p.out.length;
  }
  return { out: bytes.subarray(0, linesLength), ...total, ids: { recsAt, count, keysAt, keysLength, slots } };
}
