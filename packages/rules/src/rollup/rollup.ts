/**
 * rollup(results, hierarchy): counts and percentages per level, per audience and per unit, up a hierarchy of
 * party units (chi bộ → đảng bộ cơ sở → huyện/khối → tỉnh); the HTXSNV quota per group at every unit; and,
 * when given, remediation-plan and feedback counts as higher committees report them (seed articles 002, 003).
 *
 * Every input record is accounted for: counted in a unit, listed in `unplaced` (valid, but its unit is
 * missing or not in the hierarchy), or listed in `errors` (malformed, another period, a duplicate).
 * A broken hierarchy (unknown parent, cycle, parent not above its child) is an `invalid-option` error.
 */
import { optionsOf } from '../args';
import { escapePointer } from '../shape/scan';
import { IdSet } from '../ids/id-set';
import { KiemdiemError } from '../errors';
import { loadRegulation } from '../registry';
import { valueAt } from '../pack/params';
import { applyRatio, maxExcellent } from '../quota';
import { periodEnd } from '../dates';
import { langOf, locale, localized, periodLabel, type Locale } from '../locales';
import { LEVELS, type Audience, type Citation, type Level, type Period, type Provenance, type QuotaLine, type Rounding } from '../types';
import { PERCENT_RULE, percentOf, stamp, type RecordIssue } from '../feedback/common';
import { checkFeedback, resolveCategories, nfc } from '../feedback/validate';
import { categoryBasis, zeroCounts } from '../feedback/tally';
import type { FeedbackCategoryList } from '../feedback/categories';
import type { FeedbackRecord } from '../feedback/types';
import { checkPlans } from '../remediation/validate';
import type { RemediationPlan } from '../remediation/types';
import { buildTree } from './hierarchy';
import { checkResult, samePeriod } from './results';
import type {
  Accounting,
  FeedbackCounts,
  HierarchyInput,
  LevelTally,
  PlanShare,
  RemediationCounts,
  RollupInput,
  RollupIssue,
  RollupOptions,
  RollupOutput,
  RollupResult,
  UnitCounts,
  UnitRollup,
  UnplacedRecord,
} from './types';

const AUDIENCES: readonly Audience[] = ['leader', 'non-leader', 'outside-system'];
const ROUNDINGS: readonly Rounding[] = ['floor', 'round-half-up', 'ceil'];

/** Written into every roll-up, in both languages: where the quota lines' ratio and rounding come from. */
const QUOTA_NOTE = /* @__PURE__ */ localized((loc) => loc.rollup.quotaNote);

// ---------------------------------------------------------------------------------------------------------
// Counters

interface RawTally {
  total: number;
  rated: number;
  forDecision: number;
  reviewedNotRated: number;
  notReviewed: number;
  levels: Record<Level, number>;
}
interface RawCounts {
  all: RawTally;
  members: RawTally;
  collectives: RawTally;
  byAudience: Record<Audience, RawTally>;
}

function rawTally(): RawTally {
  return { total: 0, rated: 0, forDecision: 0, reviewedNotRated: 0, notReviewed: 0, levels: { HTXSNV: 0, HTTNV: 0, HTNV: 0, KHTNV: 0 } };
}
function rawCounts(): RawCounts {
  return { all: rawTally(), members: rawTally(), collectives: rawTally(), byAudience: { leader: rawTally(), 'non-leader': rawTally(), 'outside-system': rawTally() } };
}
function addTo(t: RawTally, r: RollupResult): void {
  t.total += 1;
  if (r.status === 'rated' && r.level) {
    t.rated += 1;
    t.levels[r.level] += 1;
  } else if (r.status === 'for-decision') t.forDecision += 1;
  else if (r.status === 'reviewed-not-rated') t.reviewedNotRated += 1;
  else t.notReviewed += 1;
}
function addResult(c: RawCounts, r: RollupResult): void {
  addTo(c.all, r);
  if (r.kind === 'collective') addTo(c.collectives, r);
  else {
    addTo(c.members, r);
    // An individual without audience is counted as a member but in no audience column (rateMany always sets it).
    if (r.audience && AUDIENCES.includes(r.audience)) addTo(c.byAudience[r.audience], r);
  }
}
function finishTally(t: RawTally): LevelTally {
  const percent = Object.fromEntries(LEVELS.map((l) => [l, percentOf(t.levels[l], t.rated)])) as Record<Level, number | null>;
  return { total: t.total, rated: t.rated, forDecision: t.forDecision, reviewedNotRated: t.reviewedNotRated, notReviewed: t.notReviewed, levels: { ...t.levels }, percent };
}
function finishCounts(c: RawCounts): UnitCounts {
  return {
    all: finishTally(c.all),
    members: finishTally(c.members),
    collectives: finishTally(c.collectives),
    byAudience: { leader: finishTally(c.byAudience.leader), 'non-leader': finishTally(c.byAudience['non-leader']), 'outside-system': finishTally(c.byAudience['outside-system']) },
  };
}

interface RawPlans {
  collectives: { withPlan: number; total: number };
  members: { withPlan: number; total: number };
  plans: number;
  reported: number;
  items: { total: number; remedied: number; inProgress: number; unreported: number };
}
function rawPlans(): RawPlans {
  return { collectives: { withPlan: 0, total: 0 }, members: { withPlan: 0, total: 0 }, plans: 0, reported: 0, items: { total: 0, remedied: 0, inProgress: 0, unreported: 0 } };
}
function share(s: { withPlan: number; total: number }): PlanShare {
  return { withPlan: s.withPlan, total: s.total, percent: percentOf(s.withPlan, s.total) };
}
function finishPlans(p: RawPlans): RemediationCounts {
  const i = p.items;
  return {
    collectives: share(p.collectives),
    members: share(p.members),
    plans: p.plans,
    reported: p.reported,
    items: { total: i.total, remedied: i.remedied, inProgress: i.inProgress, notRemedied: i.total - i.remedied - i.inProgress, unreported: i.unreported, percentRemedied: percentOf(i.remedied, i.total) },
  };
}
function addPlan(p: RawPlans, plan: RemediationPlan): void {
  p.plans += 1;
  if (plan.items.every((item) => item.status !== undefined)) p.reported += 1;
  for (const item of plan.items) {
    p.items.total += 1;
    if (item.status === undefined) p.items.unreported += 1;
    if (item.status === 'da-khac-phuc') p.items.remedied += 1;
    else if (item.status === 'dang-khac-phuc') p.items.inProgress += 1;
  }
}

function addFeedback(f: FeedbackCounts, r: FeedbackRecord): void {
  f.total += 1;
  if (r.response !== undefined) f.answered += 1;
  else f.unanswered += 1;
  f.byCategory[r.category] = (f.byCategory[r.category] ?? 0) + 1;
}
function feedbackCounts(list: FeedbackCategoryList): FeedbackCounts {
  return { total: 0, answered: 0, unanswered: 0, byCategory: zeroCounts(list) };
}

// ---------------------------------------------------------------------------------------------------------
// Quota

interface QuotaSource {
  ratio: number;
  rounding: Rounding;
  citation: Citation;
  provenance: Provenance;
  overlay?: string;
  /** The group's own line was exceptional (a group the competent level decided has outstanding results). */
  exceptional?: true;
}

function quotaSources(input: RollupInput, options: RollupOptions, loc: Locale) {
  const lines = Array.isArray(input) ? [] : ((input as { quota?: readonly QuotaLine[] }).quota ?? []);
  const override = options.quota;
  if (override) {
    const okRatio = typeof override.ratio === 'number' && Number.isFinite(override.ratio) && override.ratio >= 0 && override.ratio <= 1;
    if (!okRatio) throw new KiemdiemError('invalid-option', loc.rollup.badRatio(String(override.ratio)));
    if (!ROUNDINGS.includes(override.rounding)) throw new KiemdiemError('invalid-option', `quota.rounding: "${String(override.rounding)}" (${ROUNDINGS.join(', ')})`);
  }
  const cache = new Map<string, QuotaSource | null>();
  return (group: string, regulation: string, period: Period): QuotaSource | null => {
    if (override) {
      return { ratio: override.ratio, rounding: override.rounding, citation: override.citation ?? { document: 'host-supplied', note: 'quota ratio and rounding given by the host' }, provenance: override.provenance ?? 'unverified' };
    }
    const key = `${group}\u0000${regulation}\u0000${period.year}\u0000${period.quarter ?? 0}`;
    if (cache.has(key)) return cache.get(key)!;
    // The rating's own lines first (they carry overlays); the ratio is per pack, so any group's line of the pack will
    // do, except an exceptional one: its ratio is that group's alone (RateOptions.exceptionalGroups).
    const line =
      lines.find((q) => q.group === group && q.regulation === regulation && samePeriod(q.period, period)) ??
      lines.find((q) => q.regulation === regulation && samePeriod(q.period, period) && !q.exceptional);
    let source: QuotaSource | null = null;
    if (line && typeof line.ratio === 'number' && ROUNDINGS.includes(line.rounding)) {
      source = { ratio: line.ratio, rounding: line.rounding, citation: line.citation, provenance: line.provenance, ...(line.overlay ? { overlay: line.overlay } : {}), ...(line.exceptional === true ? { exceptional: true as const } : {}) };
    } else if (!regulation.includes('+')) {
      try {
        const pack = loadRegulation(regulation);
        const ratio = pack.parameters['quota.ratio'];
        const rounding = pack.parameters['quota.rounding'];
        if (ratio && rounding) {
          const date = periodEnd(period);
          const r = valueAt(ratio.values, date);
          const d = valueAt(rounding.values, date);
          if (typeof r.value === 'number' && ROUNDINGS.includes(d.value as Rounding)) source = { ratio: r.value, rounding: d.value as Rounding, citation: r.citation, provenance: r.provenance };
        }
      } catch {
        // A pack this version does not know: no quota line for it (listed in quotaUnavailable).
      }
    }
    cache.set(key, source);
    return source;
  };
}

interface QuotaCounter {
  group: string;
  regulation: string;
  period: Period;
  excellent: number;
  good: number;
}

// ---------------------------------------------------------------------------------------------------------

/** Unknown keys of an argument (the input wrapper, the options): `invalid-option` naming each by path. */
function refuseUnknown(value: object, allowed: readonly string[], name: string, loc: Locale): void {
  const unknown = Object.keys(value).filter((k) => !allowed.includes(k));
  if (unknown.length === 0) return;
  const issues = unknown.map((k) => ({ path: `${name}/${escapePointer(k)}`, code: 'unknown-field', message: loc.issues.unknownField(k) }));
  throw new KiemdiemError('invalid-option', issues.map((i) => `${i.path}: ${i.message}`).join('; '), { issues });
}

function resultsOf(input: RollupInput, loc: Locale): { list: readonly unknown[]; notRated: number } {
  if (Array.isArray(input)) return { list: input, notRated: 0 };
  const obj = input as { results?: unknown; errors?: unknown };
  if (obj === null || typeof obj !== 'object' || !Array.isArray(obj.results)) {
    throw new KiemdiemError('invalid-subject', loc.rollup.notResults);
  }
  refuseUnknown(obj, ['results', 'quota', 'errors'], 'input', loc);
  const errors = Array.isArray(obj.errors) ? obj.errors : [];
  const notRated = new Set(errors.map((e: unknown, i: number) => (e !== null && typeof e === 'object' && 'index' in e ? (e as { index: unknown }).index : `#${i}`))).size;
  return { list: obj.results, notRated };
}

function tag(source: RollupIssue['source'], issues: RecordIssue[]): RollupIssue[] {
  return issues.map((i) => ({ source, ...i }));
}

/** Roll-up statistics of rating results over a hierarchy of units. */
export function rollup(input: RollupInput, hierarchy: HierarchyInput, options: RollupOptions | null = {}): RollupOutput {
  options = optionsOf(options);
  const lang = langOf(options.lang);
  const loc = locale(lang);
  refuseUnknown(options, ['lang', 'period', 'units', 'remediation', 'feedback', 'feedbackCategories', 'quota'], 'options', loc);
  const rw = loc.results;
  const tree = buildTree(hierarchy, lang);
  const { list, notRated } = resultsOf(input, loc);
  const quotaOf = quotaSources(input, options, loc);
  const errors: RollupIssue[] = [];
  if (options.units !== undefined && (options.units === null || typeof options.units !== 'object' || Array.isArray(options.units))) {
    throw new KiemdiemError('invalid-option', loc.rollup.unitsNotObject);
  }
  const unitMap = new Map(Object.entries(options.units ?? {}).filter(([, v]) => typeof v === 'string'));

  // 1. Results: checked, one period, no duplicates, a unit each.
  let period: Period | null = options.period ? { year: options.period.year, ...(options.period.quarter ? { quarter: options.period.quarter } : {}) } : null;
  const seen = new IdSet();
  const valid: Array<{ index: number; result: RollupResult; unit: string | null }> = [];
  list.forEach((raw, index) => {
    const issues = checkResult(raw, lang);
    if (issues.length) {
      errors.push(...tag('results', stamp(issues, index, raw)));
      return;
    }
    const r = nfc(raw) as RollupResult;
    if (period === null) period = { year: r.period.year, ...(r.period.quarter ? { quarter: r.period.quarter } : {}) };
    else if (!samePeriod(r.period, period)) {
      errors.push({ source: 'results', index, id: r.id, path: '/period', code: 'other-period', message: rw.otherPeriod(periodLabel(r.period, lang), periodLabel(period, lang)) });
      return;
    }
    const key = `${r.kind}\u0000${r.id}`;
    const first = seen.add(key, index);
    if (first >= 0) {
      errors.push({ source: 'results', index, id: r.id, path: '/id', code: 'duplicate-id', message: rw.duplicate(r.id, first) });
      return;
    }
    const named = [r.unit, unitMap.get(r.id), tree.members.get(r.id)].filter((u): u is string => typeof u === 'string');
    const unit = named[0] ?? null;
    const clash = named.find((u) => u !== unit);
    if (unit !== null && clash !== undefined) {
      errors.push({ source: 'results', index, id: r.id, path: '/unit', code: 'unit-conflict', message: rw.conflict(r.id, unit, clash) });
      return;
    }
    valid.push({ index, result: r, unit });
  });

  // 2. Place and count.
  const own = new Map(tree.order.map((u) => [u.id, rawCounts()]));
  const cumulative = new Map(tree.order.map((u) => [u.id, rawCounts()]));
  const quota = new Map<string, QuotaCounter[]>(tree.order.map((u) => [u.id, []]));
  const totals = rawCounts();
  const unplaced: RollupOutput['unplaced'] = { results: [], remediation: [], feedback: [] };
  const placedUnit = new Map<string, string>(); // kind + id → unit, for plans and feedback without a unit
  const reviewed = new Map<string, string>(); // kind + id of reviewed subjects → unit
  const chainOf = (unit: string) => [unit, ...tree.ancestors.get(unit)!];
  for (const { index, result: r, unit } of valid) {
    addResult(totals, r);
    if (unit === null || !tree.byId.has(unit)) {
      unplaced.results.push({ index, id: r.id, kind: r.kind, unit, reason: unit === null ? 'no-unit' : 'unknown-unit' });
      continue;
    }
    const key = `${r.kind}\u0000${r.id}`;
    placedUnit.set(key, unit);
    if (r.status !== 'not-reviewed') reviewed.set(key, unit);
    addResult(own.get(unit)!, r);
    for (const u of chainOf(unit)) {
      addResult(cumulative.get(u)!, r);
      if (r.group === undefined) continue;
      // Every group gets a line, even one with no HTXSNV or HTTNV (as rateMany's quota lines do).
      const regulation = r.regulation ?? '';
      const lines = quota.get(u)!;
      let q = lines.find((x) => x.group === r.group && x.regulation === regulation && samePeriod(x.period, r.period));
      if (!q) lines.push((q = { group: r.group, regulation, period: r.period, excellent: 0, good: 0 }));
      if (r.status === 'rated' && r.level === 'HTXSNV') q.excellent += 1;
      if (r.status === 'rated' && r.level === 'HTTNV') q.good += 1;
    }
  }
  const membersWithoutResult: RollupOutput['membersWithoutResult'] = [];
  const withResult = new Set(valid.map((v) => v.result.id));
  for (const u of tree.order) for (const m of u.members ?? []) if (!withResult.has(m)) membersWithoutResult.push({ unit: u.id, id: m });

  // 3. Remediation plans.
  let remediation: { own: Map<string, RawPlans>; cumulative: Map<string, RawPlans>; totals: RawPlans; accounted: Accounting } | undefined;
  if (options.remediation !== undefined) {
    if (!Array.isArray(options.remediation)) throw new KiemdiemError('invalid-option', 'remediation: RemediationPlan[]');
    const { valid: plans, errors: planErrors } = checkPlans(options.remediation, lang);
    errors.push(...tag('remediation', planErrors));
    const ownP = new Map(tree.order.map((u) => [u.id, rawPlans()]));
    const cumP = new Map(tree.order.map((u) => [u.id, rawPlans()]));
    const totalsP = rawPlans();
    const hasPlan = new Set(plans.map((p) => `${p.plan.target.kind}\u0000${p.plan.target.id}`));
    // Denominators: reviewed subjects (a plan follows a review, QĐ 366 Điều 8), by the unit they are counted in.
    for (const [key, unit] of reviewed) {
      const kind = key.startsWith('collective\u0000') ? 'collectives' : 'members';
      const with1 = hasPlan.has(key) ? 1 : 0;
      const bump = (p: RawPlans) => {
        p[kind].total += 1;
        p[kind].withPlan += with1;
      };
      bump(ownP.get(unit)!);
      bump(totalsP);
      for (const u of chainOf(unit)) bump(cumP.get(u)!);
    }
    let placed = 0;
    for (const { index, plan } of plans) {
      addPlan(totalsP, plan);
      const unit = plan.unit ?? placedUnit.get(`${plan.target.kind}\u0000${plan.target.id}`) ?? null;
      if (unit === null || !tree.byId.has(unit)) {
        unplaced.remediation.push({ index, ...(plan.id !== undefined ? { id: plan.id } : {}), kind: plan.target.kind, unit, reason: unit === null ? 'no-unit' : 'unknown-unit' });
        continue;
      }
      placed += 1;
      addPlan(ownP.get(unit)!, plan);
      for (const u of chainOf(unit)) addPlan(cumP.get(u)!, plan);
    }
    remediation = { own: ownP, cumulative: cumP, totals: totalsP, accounted: { input: options.remediation.length, placed, unplaced: unplaced.remediation.length, invalid: options.remediation.length - plans.length } };
  }

  // 4. Feedback.
  let feedback: { list: FeedbackCategoryList; own: Map<string, FeedbackCounts>; cumulative: Map<string, FeedbackCounts>; totals: FeedbackCounts; accounted: Accounting } | undefined;
  if (options.feedback !== undefined || options.feedbackCategories !== undefined) {
    const input = options.feedback ?? [];
    if (!Array.isArray(input)) throw new KiemdiemError('invalid-option', 'feedback: FeedbackRecord[]');
    const listC = resolveCategories(options.feedbackCategories, lang);
    const { valid: records, errors: fbErrors } = checkFeedback(input, listC, lang);
    errors.push(...tag('feedback', fbErrors));
    const ownF = new Map(tree.order.map((u) => [u.id, feedbackCounts(listC)]));
    const cumF = new Map(tree.order.map((u) => [u.id, feedbackCounts(listC)]));
    const totalsF = feedbackCounts(listC);
    let placed = 0;
    for (const { index, record } of records) {
      addFeedback(totalsF, record);
      const unit = record.unit ?? placedUnit.get(`${record.target.kind}\u0000${record.target.id}`) ?? null;
      if (unit === null || !tree.byId.has(unit)) {
        unplaced.feedback.push({ index, id: record.id, kind: record.target.kind, unit, reason: unit === null ? 'no-unit' : 'unknown-unit' });
        continue;
      }
      placed += 1;
      addFeedback(ownF.get(unit)!, record);
      for (const u of chainOf(unit)) addFeedback(cumF.get(u)!, record);
    }
    feedback = { list: listC, own: ownF, cumulative: cumF, totals: totalsF, accounted: { input: input.length, placed, unplaced: unplaced.feedback.length, invalid: input.length - records.length } };
  }

  // 5. Output, in tree order.
  const quotaUnavailable: RollupOutput['quotaUnavailable'] = [];
  const units: UnitRollup[] = tree.order.map((u) => {
    const lines: QuotaLine[] = [];
    for (const q of quota.get(u.id)!) {
      const src = quotaOf(q.group, q.regulation, q.period);
      if (!src) {
        if (!quotaUnavailable.some((x) => x.group === q.group && x.regulation === q.regulation)) quotaUnavailable.push({ group: q.group, regulation: q.regulation });
        continue;
      }
      const allowed = applyRatio(q.good, src.ratio, src.rounding);
      lines.push({
        group: q.group,
        regulation: q.regulation,
        period: q.period,
        excellent: q.excellent,
        good: q.good,
        allowed,
        maxExcellent: maxExcellent(q.excellent, q.good, src.ratio, src.rounding),
        over: q.excellent > allowed,
        ratio: src.ratio,
        rounding: src.rounding,
        citation: src.citation,
        provenance: src.provenance,
        ...(src.overlay ? { overlay: src.overlay } : {}),
        ...(src.exceptional ? { exceptional: true as const } : {}),
      });
    }
    const ancestors = tree.ancestors.get(u.id)!;
    const out: UnitRollup = {
      id: u.id,
      name: u.name,
      level: u.level,
      parent: u.parent ?? null,
      depth: ancestors.length,
      ancestors,
      children: tree.children.get(u.id)!,
      own: finishCounts(own.get(u.id)!),
      cumulative: finishCounts(cumulative.get(u.id)!),
      quota: lines,
    };
    if (remediation) out.remediation = { own: finishPlans(remediation.own.get(u.id)!), cumulative: finishPlans(remediation.cumulative.get(u.id)!) };
    if (feedback) out.feedback = { own: feedback.own.get(u.id)!, cumulative: feedback.cumulative.get(u.id)! };
    return out;
  });

  const resultsInvalid = errors.filter((e) => e.source === 'results');
  const output: RollupOutput = {
    period,
    regulations: [...new Set(valid.map((v) => v.result.regulation).filter((r): r is string => typeof r === 'string' && r !== ''))],
    units,
    roots: tree.roots,
    totals: finishCounts(totals),
    accounted: {
      results: { input: list.length, placed: valid.length - unplaced.results.length, unplaced: unplaced.results.length, invalid: new Set(resultsInvalid.map((e) => e.index)).size },
      subjectsNotRated: notRated,
      ...(remediation ? { remediation: remediation.accounted } : {}),
      ...(feedback ? { feedback: feedback.accounted } : {}),
    },
    unplaced,
    membersWithoutResult,
    errors,
    percent: PERCENT_RULE,
    quotaNote: QUOTA_NOTE,
    quotaUnavailable,
  };
  if (remediation) output.remediation = { totals: finishPlans(remediation.totals) };
  if (feedback) output.feedback = { categories: categoryBasis(feedback.list, lang), totals: feedback.totals };
  return output;
}

