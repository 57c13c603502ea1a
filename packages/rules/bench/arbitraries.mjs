/**
 * fast-check arbitraries for subjects across the three packs, aimed at the edges the rules turn on:
 * totals on 50/70/90 and ±0.5, task shares on 20 %/30 %/50 %/100 %, admission six months before the
 * period ends (± a day), discipline on the first and last day of the period and one day outside it,
 * sick leave around its cap, grades at every rank, the QĐ 366 khoản 4 inputs (duty-related or not, self-detected,
 * an earlier violation, confidence votes and responsible units around 50 %, tasks around 70 %, kinds of
 * collective, force majeure), and now and then an invalid field. Shared by the differential test
 * (engines/compiled/compiled.test.ts) and `pnpm bench:rules`.
 */
import fc from 'fast-check';

const pad = (n) => String(n).padStart(2, '0');
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysIn = (y, m) => (m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0) ? 29 : DAYS[m - 1]);

/** A calendar date `offset` days from y-m-d, as YYYY-MM-DD (UTC arithmetic, no time zones). */
function shift(y, m, d, offset) {
  const t = new Date(Date.UTC(y, m - 1, d + offset));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

function bounds(period) {
  if (period.quarter === undefined) return { start: [period.year, 1, 1], end: [period.year, 12, 31] };
  const first = (period.quarter - 1) * 3 + 1;
  return { start: [period.year, first, 1], end: [period.year, first + 2, daysIn(period.year, first + 2)] };
}

// 2017 has no pack (an error both engines must report alike); quarters exist only under QĐ 366.
const periodArb = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 2018, max: 2027 }).map((year) => ({ year })) },
  { weight: 2, arbitrary: fc.record({ year: fc.constantFrom(2025, 2026, 2027), quarter: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 1, arbitrary: fc.constant({ year: 2017 }) },
);

const TOTALS = [49.5, 50, 50.5, 69.5, 70, 70.5, 89.5, 90, 90.5, 100];
const totalArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TOTALS) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 200 }).map((h) => h / 2) },
);
/** A total split into common (≤ 30) and tasks (≤ 70) points, both on the half-point step. */
const scoreArb = fc.tuple(totalArb, fc.integer({ min: 0, max: 60 })).map(([total, c]) => {
  const common = Math.max(total - 70, Math.min(30, total, c / 2));
  return { common, tasks: total - common };
});

/** Task counts with shares on the thresholds: completed/on time 50 % or 100 %, exceeded 20/30/50 %. */
const tasksArb = fc
  .record({
    assigned: fc.constantFrom(1, 2, 3, 4, 5, 10, 20, 100),
    completed: fc.constantFrom(1, 0.99, 0.7, 0.69, 0.5, 0.49, 0.3, 0),
    onTime: fc.constantFrom(1, 0.99, 0.5, 0.49, 0),
    exceeded: fc.constantFrom(0.5, 0.3, 0.29, 0.2, 0.19, 0),
  })
  .map(({ assigned, completed, onTime, exceeded }) => {
    const c = Math.min(assigned, Math.round(assigned * completed));
    const o = Math.min(c, Math.round(assigned * onTime));
    const e = Math.min(c, Math.round(assigned * exceeded));
    return { assigned, completed: c, onTime: o, exceeded: e };
  });

const GRADES = ['xuat-sac', 'tot', 'trung-binh', 'kem'];
const gradesArb = fc
  .record({ tasks: fc.constantFrom(...GRADES), 'chinh-tri': fc.constantFrom(...GRADES), 'dao-duc': fc.constantFrom(...GRADES) }, { requiredKeys: ['tasks', 'chinh-tri'] });

const LEVELS = ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'];

/** Everything except the fields that depend on the period (dates), which the map below adds. */
const draftArb = fc.record(
  {
    kind: fc.constantFrom('individual', 'individual', 'individual', 'collective'),
    audience: fc.constantFrom('leader', 'non-leader', 'outside-system'),
    period: periodArb,
    group: fc.constantFrom('chuyen-vien', 'lanh-dao', 'Tổ 1'),
    score: scoreArb,
    tasks: tasksArb,
    ledUnits: tasksArb,
    grades: gradesArb,
    shortcomings: fc.constantFrom({ identified: 0, remediated: 0 }, { identified: 2, remediated: 2 }, { identified: 2, remediated: 1 }, { identified: 3, remediated: 0 }),
    // Admission: days before the "six months" mark (negative: fewer than six months), or none.
    admittedOffset: fc.option(fc.constantFrom(-1, 0, 1, 2, -30, 400, 4000), { nil: undefined }),
    exempt: fc.boolean(),
    suspended: fc.boolean(),
    // Discipline: decided before, on the first day, on the last day, after the period.
    discipline: fc.option(
      fc.array(
        fc.record({
          when: fc.constantFrom('before', 'first', 'last', 'after'),
          form: fc.constantFrom('khien-trach', 'canh-cao'),
          self: fc.boolean(),
          duty: fc.constantFrom(undefined, true, false),
          // The violation: the day before the period starts (an earlier one), or the day it was decided.
          earlier: fc.boolean(),
        }),
        { maxLength: 2 },
      ),
      { nil: undefined },
    ),
    // Leaders (QĐ 366): votes of confidence and responsible units around "over 50 %", corruption in scope.
    confidenceVote: fc.option(fc.constantFrom({ total: 10, low: 5 }, { total: 10, low: 6 }, { total: 7, low: 0 }), { nil: undefined }),
    responsibleUnits: fc.option(fc.constantFrom({ total: 4, ratedKHTNV: 2 }, { total: 4, ratedKHTNV: 3 }, { total: 1, ratedKHTNV: 0 }), { nil: undefined }),
    corruptionInScope: fc.nat(19),
    // Self-detected and remedied (QĐ 366: for the competent level): corruption in a leader's scope, a prohibition.
    selfDetected: fc.boolean(),
    forceMajeure: fc.nat(5),
    degradationConcluded: fc.boolean(),
    violatedProhibitions: fc.boolean(),
    keyTargetsMissed: fc.boolean(),
    stateRating: fc.option(fc.constantFrom(...LEVELS), { nil: undefined }),
    sickMonths: fc.option(fc.constantFrom(0, 2.5, 3, 3.5, 6, 12), { nil: undefined }),
    maternity: fc.boolean(),
    collective: fc.record(
      {
        subUnits: fc.constantFrom(0, 5, 10),
        subUnitsDisciplined: fc.constantFrom(0, 1, 2, 3, 5),
        leadershipMembersDisciplined: fc.constantFrom(0, 1),
        type: fc.constantFrom('leadership', 'organisation'),
        leadershipMembersDegraded: fc.constantFrom(0, 0, 1),
        cadreWorkViolation: fc.boolean(),
        selfDetectedAndRemedied: fc.boolean(),
      },
      { requiredKeys: ['subUnits', 'subUnitsDisciplined', 'leadershipMembersDisciplined'] },
    ),
    /** Which optional blocks are present (rare flags stay rare so that most subjects are rated). */
    flags: fc.record({
      score: fc.nat(19),
      tasks: fc.nat(19),
      grades: fc.nat(19),
      exempt: fc.nat(14),
      suspended: fc.nat(14),
      degradation: fc.nat(29),
      prohibitions: fc.nat(29),
      keyTargets: fc.nat(29),
      leave: fc.nat(9),
      invalid: fc.nat(49),
    }),
  },
);

function toSubject(d, i) {
  const f = d.flags;
  const s = { id: `s-${i}`, kind: d.kind, period: d.period };
  if (d.kind === 'individual') s.audience = d.audience;
  if (f.score > 0) s.score = d.score;
  if (f.tasks > 0) s.tasks = d.tasks;
  if (f.grades > 0) s.grades = d.grades;
  if (f.tasks > 0 && s.audience === 'leader') s.ledUnits = d.ledUnits;
  if (d.kind === 'collective') s.collective = { ...d.collective, subUnitsDisciplined: Math.min(d.collective.subUnitsDisciplined, d.collective.subUnits || 5) };
  if (d.kind === 'collective' && d.collective.subUnits === 0) delete s.collective.subUnits;
  s.shortcomings = d.shortcomings;
  s.group = d.group;
  const { start, end } = bounds(d.period);
  if (d.kind === 'individual') {
    const membership = {};
    // Six whole months before the day after the period ends, moved by the offset.
    if (d.admittedOffset !== undefined) {
      const [y, m] = end;
      let am = m - 5;
      let ay = y;
      if (am < 1) {
        am += 12;
        ay -= 1;
      }
      membership.admittedOn = shift(ay, am, 1, -1 - d.admittedOffset);
      if (membership.admittedOn > shift(...end, 0)) membership.admittedOn = shift(...end, 0);
    }
    if (f.exempt === 0) membership.exempt = true;
    if (f.suspended === 0) membership.suspended = true;
    if (Object.keys(membership).length > 0) s.membership = membership;
    if (d.stateRating !== undefined) s.stateRating = d.stateRating;
    if (f.leave === 0) s.leave = { ...(d.sickMonths !== undefined ? { sickMonths: d.sickMonths } : {}), maternity: d.maternity };
    if (s.audience === 'leader') {
      if (d.confidenceVote) s.confidenceVote = d.confidenceVote;
      if (d.responsibleUnits) s.responsibleUnits = d.responsibleUnits;
      if (d.corruptionInScope === 0) s.corruptionInScope = true;
      if (d.corruptionInScope === 0 && d.selfDetected) s.corruptionSelfDetectedAndRemedied = true;
    } else if (f.prohibitions === 0 && d.selfDetected) s.prohibitionsSelfDetectedAndRemedied = true;
  } else if (d.forceMajeure === 0) s.forceMajeure = true;
  if (d.discipline) {
    s.discipline = d.discipline.map((x) => ({
      form: x.form,
      decidedOn: x.when === 'before' ? shift(...start, -1) : x.when === 'first' ? shift(...start, 0) : x.when === 'last' ? shift(...end, 0) : shift(...end, 1),
      ...(x.self ? { selfDetectedAndRemedied: true } : {}),
      ...(x.duty !== undefined ? { dutyRelated: x.duty } : {}),
      ...(x.earlier ? { violationOn: shift(...start, -1) } : {}),
    }));
  }
  if (f.degradation === 0) s.degradationConcluded = true;
  if (f.prohibitions === 0) s.violatedProhibitions = true;
  if (f.keyTargets === 0) s.keyTargetsMissed = true;
  // Now and then a record a host might really send: an unknown field, a score off the step, a bad date.
  if (f.invalid === 0) s.note = 'không có trong lược đồ';
  if (f.invalid === 1 && s.score) s.score = { ...s.score, common: s.score.common + 0.25 };
  if (f.invalid === 2) s.period = { year: d.period.year, quarter: 5 };
  return s;
}

/** One subject; `i` numbers the id. */
export const subjectArb = (i = 0) => draftArb.map((d) => toSubject(d, i));

/** A batch of `n` subjects with distinct ids. */
export const batchArb = (n) => fc.array(draftArb, { minLength: n, maxLength: n }).map((ds) => ds.map(toSubject));

/** Options a host passes: a fixed regulation or period selection, an overlay, overrides, rules switched off. */
export function optionsArb(overlay) {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant({}) },
    { weight: 2, arbitrary: fc.constantFrom({ regulation: 'qd-366-2025' }, { regulation: 'qd-124-2023' }, { regulation: 'qd-132-2018' }) },
    { weight: 2, arbitrary: fc.constant({ overlays: [overlay] }) },
    { weight: 1, arbitrary: fc.constantFrom({ regulation: 'qd-366-2025', parameters: { 'bands.HTXSNV.minTotal': 85 } }, { regulation: 'qd-366-2025', disabledRules: ['htxsnv.total'] }, { regulation: 'qd-132-2018', disabledRules: ['cap.sick-leave'] }) },
    { weight: 1, arbitrary: fc.constantFrom({ lang: 'en' }, { lang: 'en', overlays: [overlay] }) },
    // QĐ 366's readings switched off, one at a time, and a group with the exceptional quota ratio.
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        { parameters: { 'reading.noLevelIsKHTNV': false } },
        { regulation: 'qd-366-2025', parameters: { 'reading.bandsAreMinimums': false } },
        { regulation: 'qd-366-2025', parameters: { 'reading.leaderOwnTasks': false } },
        { parameters: { 'reading.disciplineDutyRelatedByDefault': false } },
        { regulation: 'qd-366-2025', parameters: { 'reading.noLevelIsKHTNV': false, 'reading.bandsAreMinimums': false }, lang: 'en' },
        { exceptionalGroups: ['Tổ 1'] },
      ),
    },
  );
}

/** A deterministic sample of `n` subjects (for benchmarks): the same seed gives the same subjects. */
export function sampleSubjects(n, seed = 366) {
  return fc.sample(draftArb, { numRuns: n, seed }).map(toSubject);
}
