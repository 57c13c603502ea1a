/** Quota lines for a batch of results: one per (group, regulation, period). */
import { periodEnd } from '../dates';
import { valueAt } from '../pack/params';
import type { Pack, ParameterScalar } from '../pack/types';
import { applyRatio, maxExcellent } from '../quota';
import type { Period, QuotaLine, Result, Rounding } from '../types';

/**
 * Counts of HTXSNV and HTTNV per (group, regulation, period): all the quota needs, so a stream of any
 * length (or several workers, merged) keeps only one small entry per group. Plain data: it survives
 * postMessage and JSON.
 */
export interface QuotaCount {
  group: string;
  regulation: string;
  period: Period;
  excellent: number;
  good: number;
}

export class QuotaTally {
  /** In first-seen order, for stable output. */
  private readonly groups: QuotaCount[] = [];
  /** group → entries of that group (a handful: one per regulation and period). */
  private readonly byGroup = new Map<string, QuotaCount[]>();

  private entry(group: string, regulation: string, period: Period): QuotaCount {
    let list = this.byGroup.get(group);
    if (!list) {
      list = [];
      this.byGroup.set(group, list);
    }
    const quarter = period.quarter ?? 0;
    for (const g of list) if (g.regulation === regulation && g.period.year === period.year && (g.period.quarter ?? 0) === quarter) return g;
    const g: QuotaCount = { group, regulation, period, excellent: 0, good: 0 };
    list.push(g);
    this.groups.push(g);
    return g;
  }

  add(r: Result): void {
    if (r.group === undefined) return;
    const g = this.entry(r.group, r.regulation, r.period);
    if (r.status === 'rated' && r.level === 'HTXSNV') g.excellent += 1;
    if (r.status === 'rated' && r.level === 'HTTNV') g.good += 1;
  }

  /** Adds counts taken elsewhere (another worker's `counts()`). */
  merge(counts: readonly QuotaCount[]): void {
    for (const c of counts) {
      const g = this.entry(c.group, c.regulation, c.period);
      g.excellent += c.excellent;
      g.good += c.good;
    }
  }

  counts(): QuotaCount[] {
    return this.groups.map((g) => ({ ...g }));
  }
}

/**
 * Quota lines from counts, in the order the groups were first seen. A group in `exceptional` (one the
 * competent level decided has outstanding results) takes the pack's exceptional ratio, when the pack has one.
 */
export function quotaLinesOf(
  groups: readonly QuotaCount[],
  paramsFor: (regulation: string, period: Period) => { pack: Pack; params: Record<string, ParameterScalar> },
  exceptional: ReadonlySet<string> = new Set(),
): QuotaLine[] {
  const lines: QuotaLine[] = [];
  for (const g of groups) {
    const { pack, params } = paramsFor(g.regulation, g.period);
    const isExceptional = exceptional.has(g.group) && typeof params['param:quota.ratio.exceptional'] === 'number';
    const name = isExceptional ? 'quota.ratio.exceptional' : 'quota.ratio';
    const ratio = params[`param:${name}`];
    const rounding = params['param:quota.rounding'];
    const def = pack.parameters[name];
    if (typeof ratio !== 'number' || typeof rounding !== 'string' || !def) continue; // a pack without a quota
    // The citation of the value in force on the period's last day: the day the ratio itself is read on.
    const source = valueAt(def.values, periodEnd(g.period));
    const allowed = applyRatio(g.good, ratio, rounding as Rounding);
    const overlay = def.overlay ?? pack.parameters['quota.rounding']?.overlay;
    lines.push({
      group: g.group,
      regulation: g.regulation,
      period: g.period,
      excellent: g.excellent,
      good: g.good,
      allowed,
      maxExcellent: maxExcellent(g.excellent, g.good, ratio, rounding as Rounding),
      over: g.excellent > allowed,
      ratio,
      rounding: rounding as Rounding,
      citation: source.citation,
      provenance: source.provenance,
      ...(overlay ? { overlay } : {}),
      ...(isExceptional ? { exceptional: true as const } : {}),
    });
  }
  return lines;
}
