/** Quota lines for a batch of results: one per (group, regulation, period). */
import { valueAt } from './pack/params';
import type { Pack, ParameterScalar } from './pack/types';
import { applyRatio, maxExcellent } from './quota';
import type { Period, QuotaLine, Result, Rounding } from './types';

export function quotaLines(
  results: readonly Result[],
  paramsFor: (regulation: string, period: Period) => { pack: Pack; params: Record<string, ParameterScalar> },
): QuotaLine[] {
  const groups = new Map<string, { group: string; regulation: string; period: Period; excellent: number; good: number }>();
  for (const r of results) {
    if (r.group === undefined) continue;
    const key = JSON.stringify([r.group, r.regulation, r.period.year, r.period.quarter ?? 0]);
    let g = groups.get(key);
    if (!g) {
      g = { group: r.group, regulation: r.regulation, period: r.period, excellent: 0, good: 0 };
      groups.set(key, g);
    }
    if (r.status === 'rated' && r.level === 'HTXSNV') g.excellent += 1;
    if (r.status === 'rated' && r.level === 'HTTNV') g.good += 1;
  }
  const lines: QuotaLine[] = [];
  for (const g of groups.values()) {
    const { pack, params } = paramsFor(g.regulation, g.period);
    const ratio = params['param:quota.ratio'];
    const rounding = params['param:quota.rounding'];
    const def = pack.parameters['quota.ratio'];
    if (typeof ratio !== 'number' || typeof rounding !== 'string' || !def) continue; // a pack without a quota
    const source = valueAt(def.values, `${g.period.year}-12-31`);
    const allowed = applyRatio(g.good, ratio, rounding as Rounding);
    const overlay = pack.parameters['quota.ratio']?.overlay ?? pack.parameters['quota.rounding']?.overlay;
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
    });
  }
  return lines;
}
