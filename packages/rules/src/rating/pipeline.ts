/**
 * The rating of one subject, written once for every engine: validate → eligibility rules → the pack's inputs →
 * rating rules → decide (decide.ts) → reasons. An engine is asked between the steps; the compiled engine
 * answers synchronously, json-rules-engine asynchronously, and the two drivers below only differ in that.
 */
import { KeptOutcomes, type FactTable, type Holds, type Phase, type RuleOutcome } from '../engines/engine';
import { fieldLabel, periodLabel } from '../locales';
import type { Pack } from '../pack/types';
import { eligibilityFacts, ratingFacts, subjectType } from '../subject/facts';
import { checkSubject, type Issue } from '../subject/validate';
import type { Decision, Level, Period, Reason, Result, Status, Subject, SubjectType } from '../types';
import { decideLevel, eligibilityStatus, explainDecision, explainEligibility, explainSwitchedOff, settlingEligibility, type Explained } from './decide';
import { missingInputs, periodProblem } from './inputs';
import { limitsAt, packFor, paramsAt, typeRulesOf, type Session } from './session';

export type Rated = { ok: true; result: Result } | { ok: false; issues: Issue[] };

/** A subject between two steps, with the question for the engine. */
interface Pending {
  pack: Pack;
  type: SubjectType;
  phase: Phase;
  facts: FactTable;
  params: Readonly<Record<string, string | number | boolean>>;
  subject: Subject;
  base: Omit<Result, 'status' | 'level' | 'reasons'>;
}

/** What the engine said about a phase: whether each rule held, and the outcomes when they were kept. */
interface Answer {
  holds: Holds;
  outcomes: readonly RuleOutcome[] | null;
}

function looksLikePeriod(value: unknown): value is Period {
  if (value === null || typeof value !== 'object') return false;
  const p = value as Record<string, unknown>;
  return Number.isInteger(p.year) && (p.year as number) >= 2000 && (p.year as number) <= 2100 &&
    (p.quarter === undefined || (Number.isInteger(p.quarter) && (p.quarter as number) >= 1 && (p.quarter as number) <= 4));
}

/** Step 1: pick the pack, validate, and ask for the eligibility rules. */
function validate(input: unknown, s: Session): Rated | Pending {
  const rawPeriod = (input as { period?: unknown } | null)?.period;
  const period = looksLikePeriod(rawPeriod) ? rawPeriod : undefined;
  let pack = s.fixedPack;
  if (!pack && period) {
    const found = packFor(s, period);
    if (!found) {
      const issues = checkSubject(input, s.loc, limitsAt(s, undefined, undefined));
      issues.push({ path: '/period', code: 'no-regulation', message: s.loc.issues.noRegulation(fieldLabel(s.loc, '/period'), periodLabel(period, s.lang)) });
      return { ok: false, issues };
    }
    pack = found;
  }
  // Score limits come from the pack; a subject with an unusable period still gets every other field checked.
  const issues = checkSubject(input, s.loc, limitsAt(s, pack, period));
  if (issues.length > 0 || !pack) return { ok: false, issues };

  const subject = input as Subject;
  const params = paramsAt(s, pack, subject.period);
  const problem = periodProblem(pack, subject.period, params, s.loc);
  if (problem) return { ok: false, issues: [problem] };

  const base: Pending['base'] = {
    id: subject.id,
    regulation: pack.id,
    kind: subject.kind,
    period: subject.period.quarter === undefined ? { year: subject.period.year } : { year: subject.period.year, quarter: subject.period.quarter },
  };
  if (subject.audience) base.audience = subject.audience;
  if (subject.group !== undefined) base.group = subject.group.normalize('NFC');
  if (subject.name !== undefined) base.name = subject.name.normalize('NFC');
  if (subject.score) base.total = subject.score.common + subject.score.tasks;
  return { pack, type: subjectType(subject), phase: 'eligibility', facts: eligibilityFacts(subject), params, subject, base };
}

/** Step 2: the status, when an eligibility rule settles it; else check the pack's inputs and ask for the rating rules. */
function afterEligibility(p: Pending, answer: Answer, s: Session): Rated | Pending {
  const { rules, stages } = typeRulesOf(s, p.pack, p.type).eligibility;
  const settling = settlingEligibility(stages, answer.holds);
  if (settling >= 0) {
    const lines = answer.outcomes ? [...explainEligibility(stages, answer.outcomes), ...explainSwitchedOff(answer.outcomes)] : [];
    return finish(p, eligibilityStatus(rules[settling]!, p.params), null, answer.outcomes, lines, s);
  }
  const missing = missingInputs(p.pack, p.type, p.subject, s.loc);
  if (missing.length > 0) return { ok: false, issues: missing };
  const selfDetectedExempts = p.params['param:force.discipline.selfDetectedExempts'] === true;
  return { ...p, phase: 'rating', facts: ratingFacts(p.subject, { selfDetectedExempts }) };
}

/** Step 3: the level, or what is left to the competent level (decide.ts), and what explains it. */
function afterRating(p: Pending, answer: Answer, s: Session): Rated {
  const { rules, stages } = typeRulesOf(s, p.pack, p.type).rating;
  const decided = decideLevel(stages, answer.holds);
  const lines = answer.outcomes ? [...explainDecision(stages, answer.outcomes, decided), ...explainSwitchedOff(answer.outcomes)] : [];
  if (typeof decided === 'string') return finish(p, 'rated', decided, answer.outcomes, lines, s);
  return finish(p, 'for-decision', null, answer.outcomes, lines, s, { without: decided.without, rules: decided.rules.map((i) => rules[i]!.name) });
}

function finish(p: Pending, status: Status, level: Level | null, outcomes: readonly RuleOutcome[] | null, lines: readonly Explained[], s: Session, decision?: Decision): Rated {
  const reasons: Reason[] = [];
  if (s.reasons && outcomes) for (const [i, how] of lines) reasons.push(s.reasons.reason(p.pack, outcomes[i]!.rule, outcomes[i]!.outcome, how));
  // The result is the base with its decision added (no spread: one object shape for every rated subject).
  const result = p.base as Result;
  result.status = status;
  result.level = level;
  if (decision) result.decision = decision;
  result.reasons = reasons;
  return { ok: true, result };
}

/** Asks a synchronous engine: rule by rule without reasons (when it can), else every outcome kept. */
function askSync(p: Pending, s: Session): Answer {
  if (!s.reasons && s.engine.lazy) {
    const lazy = s.engine.lazy(p.pack, p.type, p.phase, p.params);
    lazy.facts = p.facts;
    return { holds: lazy, outcomes: null };
  }
  const outcomes = s.engine.outcomes(p.pack, p.type, p.phase, p.facts, p.params);
  if (!Array.isArray(outcomes)) throw new TypeError('rating synchronously needs a synchronous engine');
  s.kept.outcomes = outcomes;
  return { holds: s.kept, outcomes };
}

async function ask(p: Pending, s: Session): Promise<Answer> {
  const outcomes = await s.engine.outcomes(p.pack, p.type, p.phase, p.facts, p.params);
  return { holds: new KeptOutcomes(outcomes), outcomes };
}

export function rateOneSync(input: unknown, s: Session): Rated {
  const first = validate(input, s);
  if ('ok' in first) return first;
  const second = afterEligibility(first, askSync(first, s), s);
  if ('ok' in second) return second;
  return afterRating(second, askSync(second, s), s);
}

export async function rateOne(input: unknown, s: Session): Promise<Rated> {
  const first = validate(input, s);
  if ('ok' in first) return first;
  const second = afterEligibility(first, await ask(first, s), s);
  if ('ok' in second) return second;
  return afterRating(second, await ask(second, s), s);
}
