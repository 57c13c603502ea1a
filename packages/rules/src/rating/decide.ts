/**
 * How a subject's rule outcomes combine into a status and a level: the only copy of the rating order, for every
 * pack, engine and mode (QĐ 366 Điều 11; the same shape in QĐ 124 and QĐ 132).
 *
 *  1. Eligibility: the first eligibility rule that holds settles the status (not reviewed, reviewed but not rated).
 *  2. A forcing rule that holds gives KHTNV.
 *  3. A referral rule that holds (a KHTNV case the text hands to the competent level) leaves the level to the
 *     competent level: status `for-decision`, with the level steps 4–5 give as `without`.
 *  4. Caps that hold set a ceiling; the subject gets the highest level, at or below the ceiling, whose
 *     requirements all hold (a level with no requirement for the subject type is never reached).
 *  5. A subject who reaches no level: KHTNV when a fallback rule holds, or when the pack has none (the older
 *     regulations say "không đạt mức Hoàn thành nhiệm vụ"); else, a gap in the text, for the competent level.
 *
 * Rules are named by their index in the phase (`rulesFor` order); `Holds` answers whether one held, from
 * outcomes kept for explanations or evaluated on demand (then the procedure stops at the first rule that
 * settles it, and nothing is allocated).
 */
import type { Holds, RuleOutcome } from '../engines/engine';
import type { PackRule } from '../pack/types';
import { LEVELS, type Level, type Reason, type Status } from '../types';

/** Levels from the top (0) down: a cap at a level is a ceiling of that order. */
export const LEVEL_ORDER: Readonly<Record<Level, number>> = Object.freeze(Object.fromEntries(LEVELS.map((l, i) => [l, i])) as Record<Level, number>);

/** A phase's active rules by stage (indices in `rulesFor` order), the table the procedure reads. */
export interface Stages {
  eligibility: readonly number[];
  force: readonly number[];
  refer: readonly number[];
  fallback: readonly number[];
  /** Notes decide nothing: they explain (an assumption the rating rests on). */
  note: readonly number[];
  capIndex: readonly number[];
  capOrder: readonly number[];
  /** Levels with at least one requirement, highest first. */
  levels: ReadonlyArray<{ level: Level; order: number; requirements: readonly number[] }>;
}

/** The stage table of a phase's rules; `active` leaves out rules switched off. */
export function stagesOf(rules: readonly PackRule[], active: (rule: PackRule) => boolean): Stages {
  const of = (stage: PackRule['event']['type']) => rules.flatMap((r, i) => (r.event.type === stage && active(r) ? [i] : []));
  const caps = of('cap');
  return {
    eligibility: of('eligibility'),
    force: of('force'),
    refer: of('refer'),
    fallback: of('fallback'),
    note: of('note'),
    capIndex: caps,
    capOrder: caps.map((i) => LEVEL_ORDER[rules[i]!.event.params.level!]),
    levels: LEVELS.filter((l) => l !== 'KHTNV')
      .map((level) => ({ level, order: LEVEL_ORDER[level], requirements: of('requirement').filter((i) => rules[i]!.event.params.level === level) }))
      .filter((l) => l.requirements.length > 0),
  };
}

/** Step 1: the eligibility rule that settles the status (its index), or -1 when the subject is reviewed and rated. */
export function settlingEligibility(stages: Stages, src: Holds): number {
  const rules = stages.eligibility;
  for (let i = 0; i < rules.length; i++) if (src.holds(rules[i]!)) return rules[i]!;
  return -1;
}

/**
 * The status an eligibility rule gives: its own (`not-reviewed` by default), or a parameter's value when the
 * pack leaves it to a parameter (e.g. `eligibility.newMember.status`).
 */
export function eligibilityStatus(rule: PackRule, params: Readonly<Record<string, unknown>>): Exclude<Status, 'rated'> {
  const status = rule.event.params.status;
  if (typeof status === 'object') return params[`param:${status.param}`] as Exclude<Status, 'rated'>;
  return status ?? 'not-reviewed';
}

/** Left to the competent level (step 3 or 5): what the rules give without the cases handed over, and those rules. */
export interface ForDecision {
  without: Level | null;
  /** Referral rules that held (step 3), or the fallback rules that did not (step 5). */
  rules: readonly number[];
}

/** Steps 2–5 for a subject who is reviewed: a level, or what is left to the competent level (allocated only then). */
export function decideLevel(stages: Stages, src: Holds): Level | ForDecision {
  const { force, refer } = stages;
  for (let i = 0; i < force.length; i++) if (src.holds(force[i]!)) return 'KHTNV';
  for (let i = 0; i < refer.length; i++) {
    if (src.holds(refer[i]!)) return { without: levelAside(stages, src), rules: refer.filter((r) => src.holds(r)) };
  }
  return levelAside(stages, src) ?? { without: null, rules: stages.fallback };
}

/** Steps 4–5: the level the caps, the requirements and the fallback give; null for a gap in the text. */
function levelAside(stages: Stages, src: Holds): Level | null {
  const { capIndex, capOrder, levels, fallback } = stages;
  let ceiling = 0;
  for (let i = 0; i < capIndex.length; i++) if (capOrder[i]! > ceiling && src.holds(capIndex[i]!)) ceiling = capOrder[i]!;
  outer: for (let l = 0; l < levels.length; l++) {
    const { order, requirements } = levels[l]!;
    if (order < ceiling) continue;
    for (let i = 0; i < requirements.length; i++) if (!src.holds(requirements[i]!)) continue outer;
    return levels[l]!.level;
  }
  if (fallback.length === 0) return 'KHTNV';
  for (let i = 0; i < fallback.length; i++) if (src.holds(fallback[i]!)) return 'KHTNV';
  return null;
}

/** One line of an explanation: the rule (by index) and what it did. */
export type Explained = readonly [index: number, outcome: Reason['outcome']];

/**
 * What explains a decision, in this order: forcing rules that held; referral rules that held; caps that held
 * and bind at the level reached; the requirements of that level (met); the fallback rules (applied when one gave
 * KHTNV, failed when none held); from the nearest higher level up, each requirement that failed; notes that held.
 */
export function explainDecision(stages: Stages, outcomes: readonly RuleOutcome[], decided: Level | ForDecision): Explained[] {
  const held = (i: number) => outcomes[i]!.outcome.result;
  const lines: Explained[] = [];
  const forced = stages.force.filter(held);
  for (const i of forced) lines.push([i, 'applied']);
  if (forced.length === 0) for (const i of stages.refer.filter(held)) lines.push([i, 'applied']);
  const level = forced.length > 0 ? 'KHTNV' : typeof decided === 'string' ? decided : decided.without;
  const order = level === null ? LEVEL_ORDER.KHTNV : LEVEL_ORDER[level];
  stages.capIndex.forEach((i, k) => {
    if (held(i) && stages.capOrder[k]! <= order) lines.push([i, 'applied']);
  });
  if (forced.length === 0) {
    const reached = stages.levels.find((l) => l.level === level);
    if (reached) for (const i of reached.requirements) lines.push([i, 'met']);
    else for (const i of stages.fallback) lines.push([i, held(i) ? 'applied' : 'failed']);
  }
  for (const l of failedAbove(stages, outcomes, level ?? 'KHTNV')) lines.push(l);
  for (const i of stages.note) if (held(i)) lines.push([i, 'applied']);
  return lines;
}

/** From the nearest level above `level` up, each requirement that failed: what the subject missed by the least first. */
function failedAbove(stages: Stages, outcomes: readonly RuleOutcome[], level: Level): Explained[] {
  const lines: Explained[] = [];
  for (let l = stages.levels.length - 1; l >= 0; l--) {
    const higher = stages.levels[l]!;
    if (higher.order >= LEVEL_ORDER[level]) continue;
    for (const i of higher.requirements) if (!outcomes[i]!.outcome.result) lines.push([i, 'failed']);
  }
  return lines;
}

/** What explains a status: every eligibility rule that held (the first settled it). */
export function explainEligibility(stages: Stages, outcomes: readonly RuleOutcome[]): Explained[] {
  return stages.eligibility.filter((i) => outcomes[i]!.outcome.result).map((i) => [i, 'applied'] as const);
}

/**
 * Rules an overlay switched off never decide, but each is worth a line when, switched on, it would have
 * mattered: an eligibility, forcing or cap rule that held, a requirement that failed.
 */
export function explainSwitchedOff(outcomes: readonly RuleOutcome[]): Explained[] {
  const lines: Explained[] = [];
  outcomes.forEach((o, i) => {
    if (o.rule.disabledBy && (o.rule.event.type === 'requirement' ? !o.outcome.result : o.outcome.result)) lines.push([i, 'disabled']);
  });
  return lines;
}
