/**
 * Facts: what the rules test, computed from a valid Subject. json-rules-engine cannot do arithmetic
 * in conditions, so shares and sums are computed here and the rules compare them with parameters.
 */
import { addDays, compareDates, parseDate, periodBounds, wholeMonthsBetween, type CalendarDate } from '../dates';
import { LEVELS, type Grade, type Level, type Subject, type SubjectType, type TaskCounts } from '../types';

export type Facts = Record<string, number | boolean | string>;

/** The Subject field each fact is computed from, for checking that a pack asks for its inputs. */
export const FACT_SOURCES: Record<string, string | null> = {
  total: 'score',
  scoreCommon: 'score',
  scoreTasks: 'score',
  'tasks.completedShare': 'tasks',
  'tasks.onTimeShare': 'tasks',
  'tasks.exceededShare': 'tasks',
  'tasks.lateShare': 'tasks',
  'ledUnits.completedShare': 'ledUnits',
  'ledUnits.onTimeShare': 'ledUnits',
  'ledUnits.exceededShare': 'ledUnits',
  'ledUnits.lateShare': 'ledUnits',
  'collective.subUnitsDisciplined': 'collective',
  'collective.leadershipMembersDisciplined': 'collective',
  'collective.subUnitsDisciplinedShare': 'collective',
  'grades.tasks': 'grades',
  'grades.generalMin': 'grades',
  'grades.min': 'grades',
  // Optional inputs with a stated default: always available.
  'shortcomings.remediatedShare': null,
  degradationConcluded: null,
  violatedProhibitions: null,
  disciplinedInPeriod: null,
  exempt: null,
  suspended: null,
  monthsSinceAdmission: null,
  'stateRating.ceiling': null,
  'leave.sickMonths': null,
  'leave.maternity': null,
  keyTargetsMissed: null,
  // QĐ 366 Điều 11 khoản 4: discipline in the period by kind (counts; the sets do not overlap for the force facts).
  'discipline.dutyRelated': null,
  'discipline.dutyUnknown': null,
  'discipline.selfDetected.dutyRelated': null,
  'discipline.selfDetected.dutyUnknown': null,
  'discipline.earlier.dutyRelated': null,
  'discipline.earlier.dutyUnknown': null,
  'confidenceVote.lowShare': null,
  'responsibleUnits.khtnvShare': null,
  corruptionInScope: null,
  corruptionSelfDetectedAndRemedied: null,
  prohibitionsSelfDetectedAndRemedied: null,
  'discipline.violationDateUnknown': null,
  forceMajeure: null,
  'collective.isLeadership': 'collective',
  'collective.typeGiven': 'collective',
  'collective.leadershipMembersDegraded': 'collective',
  'collective.cadreWorkViolation': 'collective',
  'collective.selfDetectedAndRemedied': 'collective',
};

/** Grades and levels as numbers so rules can compare them: higher is better. */
export const GRADE_RANK: Record<Grade, number> = { 'xuat-sac': 4, tot: 3, 'trung-binh': 2, kem: 1 };
export const LEVEL_RANK: Readonly<Record<Level, number>> = Object.fromEntries(LEVELS.map((l, i) => [l, LEVELS.length - i])) as Record<Level, number>;

/** The level a rank stands for (4 HTXSNV … 1 KHTNV), for explanations that quote one; undefined for any other number. */
export function levelOfRank(rank: number): Level | undefined {
  return Number.isInteger(rank) && rank >= 1 && rank <= LEVELS.length ? LEVELS[LEVELS.length - rank] : undefined;
}

export function subjectType(subject: Subject): SubjectType {
  return subject.kind === 'collective' ? 'collective' : subject.audience!;
}

function addTaskFacts(facts: Facts, prefix: string, t: TaskCounts | undefined): void {
  if (!t) return;
  facts[`${prefix}.completedShare`] = t.completed / t.assigned;
  facts[`${prefix}.onTimeShare`] = t.onTime / t.assigned;
  facts[`${prefix}.exceededShare`] = t.exceeded / t.assigned;
  facts[`${prefix}.lateShare`] = (t.completed - t.onTime) / t.assigned;
}

/** Membership facts: enough to decide eligibility, available for every subject. */
export function eligibilityFacts(subject: Subject): Facts {
  const end = periodBounds(subject.period).end;
  const admitted = parseDate(subject.membership?.admittedOn);
  return {
    exempt: subject.membership?.exempt === true,
    suspended: subject.membership?.suspended === true,
    // The admission day is the first day of membership: count whole months up to the day after the period.
    // No admission date means a long-standing member.
    monthsSinceAdmission: admitted ? wholeMonthsBetween(admitted, addDays(end, 1)) : Number.MAX_SAFE_INTEGER,
  };
}

export function ratingFacts(subject: Subject, options: { selfDetectedExempts: boolean }): Facts {
  const { start, end } = periodBounds(subject.period);
  const facts: Facts = eligibilityFacts(subject);
  if (subject.score) {
    facts.scoreCommon = subject.score.common;
    facts.scoreTasks = subject.score.tasks;
    facts.total = subject.score.common + subject.score.tasks;
  }
  addTaskFacts(facts, 'tasks', subject.tasks);
  addTaskFacts(facts, 'ledUnits', subject.ledUnits);
  const sh = subject.shortcomings;
  facts['shortcomings.remediatedShare'] = sh && sh.identified > 0 ? sh.remediated / sh.identified : 1;
  if (subject.collective) {
    facts['collective.subUnitsDisciplined'] = subject.collective.subUnitsDisciplined;
    facts['collective.leadershipMembersDisciplined'] = subject.collective.leadershipMembersDisciplined;
  }
  if (subject.collective) {
    const { subUnits, subUnitsDisciplined } = subject.collective;
    facts['collective.subUnitsDisciplinedShare'] = subUnits ? subUnitsDisciplined / subUnits : 0;
  }
  const ranks = Object.entries(subject.grades ?? {}).map(([key, grade]) => ({ key, rank: GRADE_RANK[grade] }));
  const general = ranks.filter((r) => r.key !== 'tasks').map((r) => r.rank);
  if (subject.grades?.tasks && general.length > 0) {
    facts['grades.tasks'] = GRADE_RANK[subject.grades.tasks];
    facts['grades.generalMin'] = Math.min(...general);
    facts['grades.min'] = Math.min(...ranks.map((r) => r.rank));
  }
  // No State rating (not a cán bộ/công chức/viên chức) never limits the party rating: ceiling at the top.
  facts['stateRating.ceiling'] = subject.stateRating ? LEVEL_RANK[subject.stateRating] : LEVEL_RANK.HTXSNV;
  facts['leave.sickMonths'] = subject.leave?.sickMonths ?? 0;
  facts['leave.maternity'] = subject.leave?.maternity === true;
  facts.keyTargetsMissed = subject.keyTargetsMissed === true;
  facts.degradationConcluded = subject.degradationConcluded === true;
  facts.violatedProhibitions = subject.violatedProhibitions === true;
  facts.disciplinedInPeriod = (subject.discipline ?? []).some((d) => {
    const day = parseDate(d.decidedOn)!;
    const inside = compareDates(day, start) >= 0 && compareDates(day, end) <= 0;
    return inside && !(options.selfDetectedExempts && d.selfDetectedAndRemedied === true);
  });
  addDisciplineKinds(facts, subject, start, end);
  facts['confidenceVote.lowShare'] = subject.confidenceVote ? subject.confidenceVote.low / subject.confidenceVote.total : 0;
  facts['responsibleUnits.khtnvShare'] = subject.responsibleUnits ? subject.responsibleUnits.ratedKHTNV / subject.responsibleUnits.total : 0;
  facts.corruptionInScope = subject.corruptionInScope === true;
  facts.corruptionSelfDetectedAndRemedied = subject.corruptionSelfDetectedAndRemedied === true;
  facts.prohibitionsSelfDetectedAndRemedied = subject.prohibitionsSelfDetectedAndRemedied === true;
  facts.forceMajeure = subject.forceMajeure === true;
  if (subject.collective) {
    const c = subject.collective;
    facts['collective.isLeadership'] = c.type === 'leadership';
    facts['collective.typeGiven'] = c.type !== undefined;
    facts['collective.leadershipMembersDegraded'] = c.leadershipMembersDegraded ?? 0;
    facts['collective.cadreWorkViolation'] = c.cadreWorkViolation === true;
    facts['collective.selfDetectedAndRemedied'] = c.selfDetectedAndRemedied === true;
  }
  return facts;
}

/**
 * Discipline decided in the period, counted by what QĐ 366 Điều 11 khoản 4 makes of it. Only a violation related
 * to duties or public service counts (`dutyRelated`; absent = unknown, which a parameter may read as related).
 * Self-detected and remedied, or a violation from before the period: for the competent level to weigh
 * (`selfDetected`, `earlier`; a discipline may be both); otherwise it counts towards KHTNV.
 */
function addDisciplineKinds(facts: Facts, subject: Subject, start: CalendarDate, end: CalendarDate): void {
  let related = 0, unknown = 0, selfRelated = 0, selfUnknown = 0, earlierRelated = 0, earlierUnknown = 0, undated = 0;
  for (const d of subject.discipline ?? []) {
    const day = parseDate(d.decidedOn)!;
    if (compareDates(day, start) < 0 || compareDates(day, end) > 0 || d.dutyRelated === false) continue;
    const known = d.dutyRelated === true;
    const self = d.selfDetectedAndRemedied === true;
    const violated = parseDate(d.violationOn);
    const earlier = violated !== null && compareDates(violated, start) < 0;
    if (self) known ? selfRelated++ : selfUnknown++;
    if (earlier) known ? earlierRelated++ : earlierUnknown++;
    if (!self && !earlier) {
      known ? related++ : unknown++;
      if (violated === null) undated++;
    }
  }
  facts['discipline.dutyRelated'] = related;
  facts['discipline.dutyUnknown'] = unknown;
  facts['discipline.selfDetected.dutyRelated'] = selfRelated;
  facts['discipline.selfDetected.dutyUnknown'] = selfUnknown;
  facts['discipline.earlier.dutyRelated'] = earlierRelated;
  facts['discipline.earlier.dutyUnknown'] = earlierUnknown;
  // Counted as a violation in the period for want of its date: a note says so.
  facts['discipline.violationDateUnknown'] = undated;
}
