/**
 * Facts: what the rules test, computed from a valid Subject. json-rules-engine cannot do arithmetic
 * in conditions, so shares and sums are computed here and the rules compare them with parameters.
 */
import { addDays, compareDates, parseDate, periodBounds, wholeMonthsBetween } from './dates';
import type { Subject, SubjectType, TaskCounts } from './types';

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
  // Optional inputs with a stated default: always available.
  'shortcomings.remediatedShare': null,
  degradationConcluded: null,
  violatedProhibitions: null,
  disciplinedInPeriod: null,
  exempt: null,
  suspended: null,
  monthsSinceAdmission: null,
};

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
  facts.degradationConcluded = subject.degradationConcluded === true;
  facts.violatedProhibitions = subject.violatedProhibitions === true;
  facts.disciplinedInPeriod = (subject.discipline ?? []).some((d) => {
    const day = parseDate(d.decidedOn)!;
    const inside = compareDates(day, start) >= 0 && compareDates(day, end) <= 0;
    return inside && !(options.selfDetectedExempts && d.selfDetectedAndRemedied === true);
  });
  return facts;
}
