/**
 * The quota counts of one chunk, so a worker sends them with the chunk's lines: the main thread merges them in
 * input order (the quota lines come out as with one thread), and nothing is lost when a worker dies later.
 */
import type { QuotaCount, Rater, Result } from '@kiemdiem/rules';

/** Counts as the rules' QuotaTally keeps them: HTXSNV and HTTNV of rated results, per group, regulation and period. */
class ChunkTally {
  private list: QuotaCount[] = [];
  private byKey = new Map<string, QuotaCount>();

  add(r: Result): void {
    if (r.group === undefined) return;
    const key = `${r.group}\u0000${r.regulation}\u0000${r.period.year}\u0000${r.period.quarter ?? 0}`;
    let g = this.byKey.get(key);
    if (!g) {
      g = { group: r.group, regulation: r.regulation, period: r.period, excellent: 0, good: 0 };
      this.byKey.set(key, g);
      this.list.push(g);
    }
    if (r.status === 'rated' && r.level === 'HTXSNV') g.excellent += 1;
    if (r.status === 'rated' && r.level === 'HTTNV') g.good += 1;
  }

  /** The counts since the last take, in first-seen order. */
  take(): QuotaCount[] {
    const list = this.list;
    this.list = [];
    this.byKey = new Map();
    return list;
  }
}

/** `rater`, also counting what it rates into a tally of its own; `take()` hands over the counts since the last take. */
export function countingRater(rater: Rater): { rater: Rater; take(): QuotaCount[] } {
  const tally = new ChunkTally();
  return {
    rater: {
      ...rater,
      rate(input, index) {
        const outcome = rater.rate(input, index);
        if (outcome.ok) tally.add(outcome.result);
        return outcome;
      },
    },
    take: () => tally.take(),
  };
}
