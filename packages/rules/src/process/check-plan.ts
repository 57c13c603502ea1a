/**
 * checkPlan: a review plan (units, meetings, order of reviews, documents sent, files upward) against the
 * rule pack's process rules. Each breach is a finding with the rule's citation and provenance, or, for a
 * deadline or a minimum, the citation of the parameter value it was checked against (an overlay's, when a
 * province set it). A malformed plan gives shape findings naming each field, and no rule findings.
 */
import { badArgument, isObject, optionsOf } from '../args';
import { KiemdiemError } from '../errors';
import { langOf, locale, periodLabel, type Locale } from '../locales';
import { checkOverrides, valueAt } from '../pack/params';
import type { Pack, ParameterScalar, ParameterValue, ProcessCheck, ProcessRule } from '../pack/types';
import { readOverlay } from '../overlay';
import { withOverlays } from '../overlay';
import { loadRegulation, regulationFor } from '../registry';
import { periodEnd } from '../dates';
import { interpolate } from '../text/interpolate';
import type { Citation, Lang, Provenance } from '../types';
import { PARAM, type PlanUnitLevel } from './checks';
import { draftReceipts, isLate, latestSendDate, meetingDays, resolveReviewYearDate } from './deadlines';
import { PlanOrder, type OrderBreach, type Slot } from './order';
import type { CheckPlanOptions, CheckPlanResult, PlanFinding, PlanRuleFinding, PlanShapeFinding, PlanUnit, ReviewPlan } from './types';
import { checkPlanShape, planFieldLabel } from './validate-plan';
import { calendarCovers, extendCalendar, VIETNAM_CALENDAR, type WorkingCalendar } from './working-days';

type SlotName = 'unit' | 'meeting' | 'date' | 'subject' | 'other' | 'otherDate' | 'actual' | 'expected' | 'deadline';

/** Fills the named slots of a pack message (text/interpolate.ts); unknown names stay as written. */
export function fillMessage(template: string, values: Partial<Record<SlotName, string>>): string {
  return interpolate(template, (name, format) => (format === undefined && Object.prototype.hasOwnProperty.call(values, name) ? values[name as SlotName] : undefined));
}

interface Context {
  plan: ReviewPlan;
  pack: Pack;
  lang: Lang;
  loc: Locale;
  /** The day parameter values are read on: the end of the review year (31/12), as for rating. */
  on: string;
  overrides: Record<string, ParameterScalar>;
  calendar: WorkingCalendar;
  order: PlanOrder;
  findings: PlanFinding[];
  coverageWarned: boolean;
}

/** A parameter's value on the review's date, with where it comes from. */
function param(ctx: Context, name: string): { value: ParameterScalar; citation: Citation; provenance: Provenance; overlay?: string } {
  const def = ctx.pack.parameters[name]!;
  const v: ParameterValue = valueAt(def.values, ctx.on);
  // An overlay appends its value last: the value in force is the overlay's when it is that last one.
  const overlay = def.overlay !== undefined && v === def.values[def.values.length - 1] ? def.overlay : undefined;
  const value = Object.prototype.hasOwnProperty.call(ctx.overrides, name) ? ctx.overrides[name]! : v.value;
  return { value, citation: v.citation, provenance: v.provenance, ...(overlay ? { overlay } : {}) };
}

function unitName(ctx: Context, id: string): string {
  return ctx.order.units.get(id)?.name ?? id;
}

function slotSubject(ctx: Context, slot: Slot): string {
  const r = slot.review;
  return r.type === 'individual' ? (r.name ?? r.person) : (r.name ?? unitName(ctx, slot.target!));
}

function meetingName(m: { id: string; title?: string }): string {
  return m.title ?? m.id;
}

function add(
  ctx: Context,
  rule: ProcessRule,
  at: { path: string; unit?: string; meeting?: string; review?: number; subject?: string },
  slots: Partial<Record<SlotName, string>>,
  basis?: { citation: Citation; provenance: Provenance; overlay?: string },
  values?: { actual?: unknown; expected?: unknown },
): void {
  const citation = basis?.citation ?? rule.citation;
  const finding: PlanRuleFinding = {
    kind: 'rule',
    code: rule.check,
    rule: rule.name,
    // A finding resting on a value the SDK had to assume (unverified, from the pack) only warns; a value a
    // host set by overlay is its own decision and is enforced as the rule says.
    severity: basis?.provenance === 'unverified' && !basis.overlay ? 'warning' : rule.severity,
    message: fillMessage(rule.message[ctx.lang], slots),
    path: at.path,
    citation,
    citationText: ctx.loc.citation(citation),
    provenance: basis?.provenance ?? rule.provenance,
  };
  if (at.unit !== undefined) finding.unit = at.unit;
  if (at.meeting !== undefined) finding.meeting = at.meeting;
  if (at.review !== undefined) finding.review = at.review;
  if (at.subject !== undefined) finding.subject = at.subject;
  if (values?.actual !== undefined) finding.actual = values.actual;
  if (values?.expected !== undefined) finding.expected = values.expected;
  if (basis?.overlay) finding.overlay = basis.overlay;
  ctx.findings.push(finding);
}

function orderFinding(ctx: Context, rule: ProcessRule, breach: OrderBreach, slots: Partial<Record<SlotName, string>>): void {
  const s = breach.slot;
  const subject = s.review.type === 'individual' ? s.review.person : s.target!;
  add(
    ctx,
    rule,
    { path: s.path, unit: breach.unit.id, meeting: s.meeting.id, review: s.reviewIndex, subject },
    {
      unit: breach.unit.name,
      meeting: meetingName(s.meeting),
      date: ctx.loc.plan.date(s.meeting.date),
      subject: slotSubject(ctx, s),
      otherDate: breach.other ? ctx.loc.plan.date(breach.other.meeting.date) : ctx.loc.plan.notInPlan,
      ...slots,
    },
    undefined,
    { actual: breach.count },
  );
}

const CHECKS: Record<ProcessCheck, (ctx: Context, rule: ProcessRule) => void> = {
  'collective-before-individuals': (ctx, rule) => {
    for (const b of ctx.order.collectiveBeforeIndividuals()) orderFinding(ctx, rule, b, {});
  },
  'head-first': (ctx, rule) => {
    for (const b of ctx.order.headFirst()) orderFinding(ctx, rule, b, { other: b.other ? slotSubject(ctx, b.other) : ctx.loc.plan.head });
  },
  'government-collectives-first': (ctx, rule) => {
    for (const b of ctx.order.governmentCollectivesFirst()) orderFinding(ctx, rule, b, { subject: b.unit.name, other: b.otherUnit!.name });
  },
  'lower-level-first': (ctx, rule) => {
    for (const b of ctx.order.lowerLevelFirst()) orderFinding(ctx, rule, b, { subject: b.unit.name, other: b.otherUnit!.name });
  },
  'chi-bo-first': (ctx, rule) => {
    for (const b of ctx.order.chiBoFirst()) orderFinding(ctx, rule, b, { other: b.chiBo.name });
  },
  'drafts-3-working-days': (ctx, rule) => {
    const min = param(ctx, PARAM.draftsMinWorkingDays);
    const n = Number(min.value);
    ctx.plan.meetings.forEach((m, i) => {
      if (!m.reviews.some((r) => r.type === 'collective')) return;
      const at = { path: `/meetings/${i}`, unit: m.unit, meeting: m.id };
      const slots = { unit: unitName(ctx, m.unit), meeting: meetingName(m), date: ctx.loc.plan.date(m.date), expected: String(n) };
      const drafts = (ctx.plan.documents ?? []).filter((d) => d.meeting === m.id && d.kind === 'draft-report');
      warnCoverage(ctx, m.date, `${at.path}/date`);
      if (drafts.length === 0) {
        add(ctx, rule, at, { ...slots, subject: ctx.loc.plan.allAttendees, actual: ctx.loc.plan.draftMissing }, min, { actual: null, expected: n });
        return;
      }
      const receipts = draftReceipts(m, drafts, ctx.calendar);
      // The member who got it last (or never) decides: one finding per meeting.
      const worst = receipts.reduce<(typeof receipts)[number] | undefined>((w, r) => (!w || (r.workingDays ?? -Infinity) < (w.workingDays ?? -Infinity) ? r : w), undefined);
      if (!worst || (worst.workingDays !== undefined && worst.workingDays >= n)) return;
      const who = worst.recipient === '*' ? ctx.loc.plan.allAttendees : ctx.loc.plan.draftTo(personName(ctx, worst.recipient));
      const latestDay = latestSendDate(m.date, n, ctx.calendar);
      const detail =
        worst.sentOn === undefined ? ctx.loc.plan.draftNotReceived : worst.sentOn > m.date ? ctx.loc.plan.draftAfter(worst.sentOn, latestDay) : ctx.loc.plan.draftLate(worst.sentOn, worst.workingDays!, latestDay);
      if (worst.sentOn) warnCoverage(ctx, worst.sentOn, `${at.path}/date`);
      add(ctx, rule, { ...at, ...(worst.recipient !== '*' ? { subject: worst.recipient } : {}) }, { ...slots, subject: who, actual: detail }, min, { actual: worst.workingDays ?? null, expected: n });
    });
  },
  'meeting-length': (ctx, rule) => {
    const hours = param(ctx, PARAM.hoursPerDay);
    for (const unit of ctx.plan.units) {
      const indexes = ctx.plan.meetings.map((m, i) => (m.unit === unit.id ? i : -1)).filter((i) => i >= 0);
      if (indexes.length === 0) continue;
      const total = indexes.reduce((sum, i) => sum + meetingDays(ctx.plan.meetings[i]!, Number(hours.value)), 0);
      const min = param(ctx, PARAM.meetingMinDays(unit.level as PlanUnitLevel));
      const expected = Number(min.value);
      if (total + 1e-9 >= expected) continue;
      const rounded = Math.round(total * 100) / 100;
      add(
        ctx,
        rule,
        { path: `/meetings/${indexes[0]}`, unit: unit.id, meeting: ctx.plan.meetings[indexes[0]!]!.id },
        { unit: unit.name, meeting: meetingName(ctx.plan.meetings[indexes[0]!]!), date: ctx.loc.plan.date(ctx.plan.meetings[indexes[0]!]!.date), actual: ctx.loc.plan.days(rounded), expected: ctx.loc.plan.days(expected) },
        min,
        { actual: rounded, expected },
      );
    }
  },
  'finish-by': (ctx, rule) => {
    const inclusive = param(ctx, PARAM.inclusive).value === true;
    ctx.plan.meetings.forEach((m, i) => {
      const unit = ctx.order.units.get(m.unit)!;
      const p = param(ctx, unit.special ? PARAM.finishBySpecial : PARAM.finishBy(unit.level as PlanUnitLevel));
      const deadline = resolveReviewYearDate(String(p.value), ctx.plan.year);
      const last = m.endDate ?? m.date;
      if (!isLate(last, deadline, inclusive)) return;
      add(
        ctx,
        rule,
        { path: `/meetings/${i}/${m.endDate !== undefined ? 'endDate' : 'date'}`, unit: unit.id, meeting: m.id },
        { unit: unit.name, meeting: meetingName(m), date: ctx.loc.plan.date(last), deadline: ctx.loc.plan.deadline(deadline, inclusive) },
        p,
        { actual: last, expected: deadline },
      );
    });
  },
  'files-upward-by': (ctx, rule) => {
    const inclusive = param(ctx, PARAM.inclusive).value === true;
    const p = param(ctx, PARAM.filesUpwardBy);
    const deadline = resolveReviewYearDate(String(p.value), ctx.plan.year);
    (ctx.plan.filesUpward ?? []).forEach((f, i) => {
      if (!isLate(f.sentOn, deadline, inclusive)) return;
      add(
        ctx,
        rule,
        { path: `/filesUpward/${i}/sentOn`, unit: f.unit },
        { unit: unitName(ctx, f.unit), date: ctx.loc.plan.date(f.sentOn), deadline: ctx.loc.plan.deadline(deadline, inclusive) },
        p,
        { actual: f.sentOn, expected: deadline },
      );
    });
  },
};

function personName(ctx: Context, id: string): string {
  for (const m of ctx.plan.meetings) for (const r of m.reviews) if (r.type === 'individual' && r.person === id && r.name) return r.name;
  return id;
}

/** Once per plan: a working-day count outside the years the holiday calendar knows. */
function warnCoverage(ctx: Context, date: string, path: string): void {
  if (ctx.coverageWarned || calendarCovers(date, ctx.calendar)) return;
  ctx.coverageWarned = true;
  const years = ctx.calendar.years!;
  ctx.findings.push({ kind: 'shape', code: 'calendar-not-covered', severity: 'warning', path, message: ctx.loc.plan.calendarNotCovered(planFieldLabel(ctx.loc, path), years.from, years.to) });
}

function shapeFinding(issue: { path: string; code: string; message: string }): PlanShapeFinding {
  return { kind: 'shape', code: issue.code, severity: 'error', path: issue.path, message: issue.message };
}

/** The pack for the plan: an explicit pack or id, else the plan's own, else the overlays' base, else its year's. */
function packFor(plan: ReviewPlan, options: CheckPlanOptions, loc: Locale, lang: Lang): Pack | PlanShapeFinding {
  const overlays = options.overlays ?? [];
  if (options.pack) return withOverlays(options.pack, overlays);
  let base = options.regulation;
  if (base === undefined && plan.regulation !== undefined) {
    try {
      loadRegulation(plan.regulation, { lang });
    } catch (error) {
      if (error instanceof KiemdiemError && error.code === 'unknown-regulation') return shapeFinding({ path: '/regulation', code: 'unknown-regulation', message: error.message });
      throw error;
    }
    base = plan.regulation;
  }
  if (base === undefined && overlays.length > 0) base = readOverlay(overlays[0], 'overlays[0]').extends;
  if (base === undefined) {
    try {
      base = regulationFor({ year: plan.year }, { lang }).id;
    } catch (error) {
      if (error instanceof KiemdiemError && error.code === 'no-regulation-for-period')
        return shapeFinding({ path: '/year', code: 'no-regulation', message: loc.issues.noRegulation(planFieldLabel(loc, '/year'), periodLabel({ year: plan.year }, lang)) });
      throw error;
    }
  }
  return withOverlays(loadRegulation(base, { lang }), overlays);
}

/**
 * Checks a review plan against the process rules of its rule pack. Never throws for a malformed plan (the
 * problems come back as shape findings); throws `KiemdiemError` for bad options (unknown regulation,
 * parameter or rule id, an invalid overlay or calendar).
 */
export function checkPlan(input: unknown, options: CheckPlanOptions | null = {}): CheckPlanResult {
  options = optionsOf(options);
  const lang = langOf(options.lang);
  const loc = locale(lang);
  const issues = checkPlanShape(input, loc);
  if (issues.length > 0) return { ok: false, findings: issues.map(shapeFinding) };
  const plan = input as ReviewPlan;
  const pack = packFor(plan, options, loc, lang);
  if (!('manifest' in pack)) return { ok: false, findings: [pack], year: plan.year };

  const overrides = checkOverrides(pack, options.parameters, loc);
  const disabled = new Set(options.disabledRules ?? []);
  for (const id of disabled) {
    if (!pack.processRules.some((r) => r.name === id)) throw new KiemdiemError('unknown-rule', loc.errors.unknownRule(id, pack.id), { rule: id });
  }
  const base = options.calendar ?? VIETNAM_CALENDAR;
  const calendar = plan.calendar ? extendCalendar(base, plan.calendar) : base;
  const ctx: Context = {
    plan,
    pack,
    lang,
    loc,
    on: periodEnd({ year: plan.year }),
    overrides,
    calendar,
    order: new PlanOrder(plan),
    findings: [],
    coverageWarned: false,
  };
  for (const rule of pack.processRules) {
    if (rule.disabledBy !== undefined || disabled.has(rule.name)) continue;
    CHECKS[rule.check](ctx, rule);
  }
  return { ok: !ctx.findings.some((f) => f.severity === 'error'), findings: ctx.findings, regulation: pack.id, year: plan.year };
}
