/**
 * Duplicate ids across a whole `rate --format jsonl` run, checked on the main thread in input order, chunk
 * after chunk, whichever worker rated them: exact (the keys' bytes are compared, see IdSet), and compact
 * (IdSet: 4 bytes per id ending in a dense number, else about its UTF-8 bytes + 15; no JS strings kept).
 * A later record with the key of an earlier one gets, in place of its line, a `duplicate-id` error naming
 * the first one's index and line; only first occurrences are counted in the quota.
 */
import { Buffer } from 'node:buffer';
import { IdSet, locale, type Lang, type Rater } from '@kiemdiem/rules';
import { idsViews, NOT_RATED, REC, type ChunkIds } from './chunk-ids';

const decoder = new TextDecoder();

export interface Checked {
  out: Uint8Array;
  /** Records whose result line became a duplicate-id line (rated → invalid). */
  unrated: number;
  /** Records whose error line became a duplicate-id line (still invalid). */
  replaced: number;
}

export class StreamIds {
  private readonly ids = new IdSet(true, 2); // subject keys start with a 2-byte kind-and-period tag
  private readonly loc;

  /** `quota`: the rater whose counts make the last line's quota (it gets only first occurrences). */
  constructor(
    private readonly quota: Pick<Rater, 'merge'>,
    lang: Lang | undefined,
  ) {
    this.loc = locale(lang);
  }

  /** Bytes held, for the docs' memory figure. */
  get bytes(): number {
    return this.ids.bytes;
  }

  check(out: Uint8Array, chunk: ChunkIds | undefined): Checked {
    if (!chunk) return { out, unrated: 0, replaced: 0 };
    const { keys, recs } = idsViews(out, chunk);
    const slots = chunk.slots;
    const counts = slots.map((s) => ({ ...s, used: false }));
    const order: number[] = [];
    const duplicates: Array<{ rec: number; first: number }> = [];
    let keyStart = 0;
    for (let r = 0; r < recs.length; r += REC) {
      const keyEnd = recs[r + 3]!;
      const first = this.ids.addBytes(keys, keyStart, keyEnd, recs[r + 4]! >>> 0, recs[r]!);
      if (first >= 0) duplicates.push({ rec: r, first });
      else {
        const q = recs[r + 5]!;
        if (q >= 0) {
          const c = counts[q >> 2]!;
          if (!c.used) {
            c.used = true;
            order.push(q >> 2);
          }
          if ((q & 3) === 1) c.excellent += 1;
          else if ((q & 3) === 2) c.good += 1;
        }
      }
      keyStart = keyEnd;
    }
    // Quota entries in the order their groups were first counted, as rateMany would list them.
    if (order.length > 0) this.quota.merge(order.map((i) => ({ group: counts[i]!.group, regulation: counts[i]!.regulation, period: counts[i]!.period, excellent: counts[i]!.excellent, good: counts[i]!.good })));
    if (duplicates.length === 0) return { out, unrated: 0, replaced: 0 };
    return this.replace(out, keys, recs, duplicates);
  }

  /** The chunk's output with each duplicate's line replaced by its duplicate-id error line. */
  private replace(out: Uint8Array, keys: Uint8Array, recs: Int32Array, duplicates: ReadonlyArray<{ rec: number; first: number }>): Checked {
    const parts: Uint8Array[] = [];
    let at = 0;
    let unrated = 0;
    let replaced = 0;
    for (const { rec, first } of duplicates) {
      const index = recs[rec]!;
      const keyStart = rec === 0 ? 0 : recs[rec - REC + 3]!;
      // The key is one character for kind and period (2 UTF-8 bytes), then the NFC id.
      const id = decoder.decode(keys.subarray(keyStart + 2, recs[rec + 3]!));
      const error = { path: '/id', code: 'duplicate-id', message: this.loc.issues.duplicateId(id, first, first + 1) };
      parts.push(out.subarray(at, recs[rec + 1]!), Buffer.from(`${JSON.stringify({ index, line: index + 1, id, errors: [error] })}\n`));
      at = recs[rec + 2]!;
      if (recs[rec + 5]! === NOT_RATED) replaced += 1;
      else unrated += 1;
    }
    parts.push(out.subarray(at));
    return { out: Buffer.concat(parts), unrated, replaced };
  }
}
