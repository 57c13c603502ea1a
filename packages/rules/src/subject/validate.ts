/**
 * Structural checks of one Subject: types, ranges, dates, cross-field limits, unknown and forbidden keys.
 * Collects every problem (not just the first) so a user can fix a record in one pass.
 */
import { compareDates, parseDate, periodBounds } from '../dates';
import { fieldLabel, type Locale } from '../locales';
import { escapePointer, scanIssue } from '../shape/scan';
import { GRADES, LEVELS } from '../types';

export interface Issue {
  path: string;
  code: string;
  message: string;
}

const TOP_LEVEL = new Set([
  'id', 'kind', 'audience', 'period', 'membership', 'score', 'tasks', 'ledUnits', 'shortcomings', 'discipline',
  'degradationConcluded', 'violatedProhibitions', 'group', 'collective', 'name', 'position', 'unit', 'meta',
  'grades', 'stateRating', 'leave', 'keyTargetsMissed', 'forceMajeure', 'confidenceVote', 'responsibleUnits', 'corruptionInScope', 'corruptionSelfDetectedAndRemedied', 'prohibitionsSelfDetectedAndRemedied',
]);
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
export const KINDS = ['individual', 'collective'] as const;
export const AUDIENCES = ['leader', 'non-leader', 'outside-system'] as const;
export const DISCIPLINE_FORMS = ['khien-trach', 'canh-cao', 'cach-chuc', 'khai-tru'] as const;
/** Criterion ids are the host's own (`tac-phong`, `workStyle`): any key but a forbidden one, of a sane length. */
const MAX_CRITERION_ID = 100;
export const COLLECTIVE_TYPES = ['leadership', 'organisation'] as const;
const MAX_TEXT = 500;
const MAX_COUNT = 100_000;

export interface ScoreLimits {
  commonMax: number;
  tasksMax: number;
  step: number;
}

const own = Object.prototype.hasOwnProperty;

/** The JSON pointer of a child (only built when a problem is reported). */
function childPath(path: string, key: string): string {
  return `${path}/${escapePointer(key)}`;
}

class Checker {
  readonly issues: Issue[] = [];
  constructor(readonly loc: Locale) {}

  label(path: string): string {
    return fieldLabel(this.loc, path);
  }
  add(path: string, code: string, message: string): void {
    this.issues.push({ path, code, message });
  }
  object(value: unknown, path: string, allowed: ReadonlySet<string> | readonly string[]): value is Record<string, unknown> {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      this.add(path, 'type', this.loc.issues.notObject(this.label(path)));
      return false;
    }
    // Object.keys: own keys only, and faster than for-in (which also walks the prototype chain).
    const keys = Object.keys(value);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      if (FORBIDDEN.has(key)) this.add(childPath(path, key), 'forbidden-key', this.loc.issues.forbiddenKey(key));
      else if (!(Array.isArray(allowed) ? (allowed as readonly string[]).includes(key) : (allowed as ReadonlySet<string>).has(key)))
        this.add(childPath(path, key), 'unknown-field', this.loc.issues.unknownField(key));
    }
    return true;
  }
  /**
   * Text of at most `max` characters, counted as @kiemdiem/forms counts them: code points of the NFC text, so
   * "Nguyễn" is 6 whether it was typed precomposed or decomposed.
   */
  string(value: unknown, path: string, max = MAX_TEXT): boolean {
    if (typeof value !== 'string') return this.fail(path, 'type', this.loc.issues.notString(this.label(path)));
    if (value.trim() === '') return this.fail(path, 'empty', this.loc.issues.emptyString(this.label(path)));
    // NFC at most triples a string's UTF-16 length (Unicode's bound), and code points ≤ UTF-16 units: only a
    // string longer than max / 3 needs normalising and counting.
    if (value.length * 3 > max) {
      const nfc = value.normalize('NFC');
      if (nfc.length > max && [...nfc].length > max) return this.fail(path, 'too-long', this.loc.issues.tooLong(this.label(path), max));
    }
    return true;
  }
  boolean(value: unknown, path: string): boolean {
    return typeof value === 'boolean' || this.fail(path, 'type', this.loc.issues.notBoolean(this.label(path)));
  }
  integer(value: unknown, path: string, min: number, max = MAX_COUNT): value is number {
    if (typeof value !== 'number' || !Number.isFinite(value)) return this.fail(path, 'type', this.loc.issues.notNumber(this.label(path)));
    if (!Number.isInteger(value)) return this.fail(path, 'type', this.loc.issues.notInteger(this.label(path)));
    if (value < min || value > max) return this.fail(path, 'out-of-range', this.loc.issues.range(this.label(path), min, max));
    return true;
  }
  score(value: unknown, path: string, max: number, step: number): value is number {
    if (typeof value !== 'number' || !Number.isFinite(value)) return this.fail(path, 'type', this.loc.issues.notNumber(this.label(path)));
    if (value < 0 || value > max) return this.fail(path, 'out-of-range', this.loc.issues.range(this.label(path), 0, max));
    // Compare in whole steps so 0.1 + 0.2 style noise cannot slip through or be rejected.
    const steps = value / step;
    if (Math.abs(steps - Math.round(steps)) > 1e-9) return this.fail(path, 'step', this.loc.issues.step(this.label(path), step));
    return true;
  }
  oneOf(value: unknown, path: string, allowed: readonly string[]): boolean {
    return (typeof value === 'string' && allowed.includes(value)) || this.fail(path, 'not-allowed', this.loc.issues.notOneOf(this.label(path), allowed));
  }
  date(value: unknown, path: string): boolean {
    return parseDate(value) !== null || this.fail(path, 'bad-date', this.loc.issues.badDate(this.label(path)));
  }
  notAbove(obj: Record<string, unknown>, path: string, key: string, other: string): void {
    const a = obj[key];
    const b = obj[other];
    if (typeof a === 'number' && typeof b === 'number' && a > b) {
      this.add(`${path}/${key}`, 'exceeds', this.loc.issues.notAbove(this.label(`${path}/${key}`), this.label(`${path}/${other}`)));
    }
  }
  /** True when obj[key] is present; otherwise records a "required" issue for it. */
  present(obj: Record<string, unknown>, path: string, key: string): boolean {
    if (obj[key] !== undefined) return true;
    this.add(`${path}/${key}`, 'required', this.loc.issues.required(this.label(`${path}/${key}`)));
    return false;
  }
  private fail(path: string, code: string, message: string): false {
    this.add(path, code, message);
    return false;
  }
}

function checkTaskCounts(c: Checker, value: unknown, path: string): void {
  if (!c.object(value, path, ['assigned', 'completed', 'onTime', 'exceeded'])) return;
  const fields = ['assigned', 'completed', 'onTime', 'exceeded'] as const;
  let ok = true;
  for (const key of fields) {
    ok = (c.present(value, path, key) && c.integer(value[key], `${path}/${key}`, key === 'assigned' ? 1 : 0)) && ok;
  }
  if (!ok) return;
  c.notAbove(value, path, 'completed', 'assigned');
  c.notAbove(value, path, 'onTime', 'completed');
  c.notAbove(value, path, 'exceeded', 'completed');
}

/** Records that `key` is only for `who` (when the kind is known); false, for `&&` chains. */
function notFor(c: Checker, key: string, kindOk: boolean, who: string): false {
  if (kindOk) c.add(`/${key}`, 'only-for', c.loc.issues.onlyFor(c.label(`/${key}`), who));
  return false;
}

/** Checks a subject's shape; `limits` come from the pack (score maxima and step). */
export function checkSubject(input: unknown, loc: Locale, limits: ScoreLimits): Issue[] {
  const c = new Checker(loc);
  if (!c.object(input, '', TOP_LEVEL)) return c.issues;
  const s = input;
  const required = (key: string) => c.present(s, '', key);

  if (required('id')) c.string(s.id, '/id', 200);
  const kindOk = required('kind') && c.oneOf(s.kind, '/kind', KINDS);
  const individual = kindOk && s.kind === 'individual';
  const collective = kindOk && s.kind === 'collective';

  if (individual) {
    if (required('audience')) c.oneOf(s.audience, '/audience', AUDIENCES);
  } else if (collective && s.audience !== undefined) {
    c.add('/audience', 'only-for', loc.issues.onlyFor(c.label('/audience'), loc.who.individual));
  }

  let periodOk = false;
  if (required('period') && c.object(s.period, '/period', ['year', 'quarter'])) {
    const p = s.period;
    periodOk = c.present(p, '/period', 'year') && c.integer(p.year, '/period/year', 2000, 2100);
    if (p.quarter !== undefined) periodOk = c.integer(p.quarter, '/period/quarter', 1, 4) && periodOk;
  }

  if (s.membership !== undefined) {
    if (collective) c.add('/membership', 'only-for', loc.issues.onlyFor(c.label('/membership'), loc.who.individual));
    else if (c.object(s.membership, '/membership', ['admittedOn', 'exempt', 'suspended'])) {
      const m = s.membership;
      if (m.admittedOn !== undefined && c.date(m.admittedOn, '/membership/admittedOn') && periodOk) {
        const end = periodBounds(s.period as { year: number; quarter?: number }).end;
        if (compareDates(parseDate(m.admittedOn)!, end) > 0)
          c.add('/membership/admittedOn', 'after-period', loc.issues.admittedAfterPeriod(c.label('/membership/admittedOn')));
      }
      if (m.exempt !== undefined) c.boolean(m.exempt, '/membership/exempt');
      if (m.suspended !== undefined) c.boolean(m.suspended, '/membership/suspended');
    }
  }

  if (s.score !== undefined && c.object(s.score, '/score', ['common', 'tasks'])) {
    const sc = s.score;
    if (c.present(sc, '/score', 'common')) c.score(sc.common, '/score/common', limits.commonMax, limits.step);
    if (c.present(sc, '/score', 'tasks')) c.score(sc.tasks, '/score/tasks', limits.tasksMax, limits.step);
  }
  if (s.tasks !== undefined) checkTaskCounts(c, s.tasks, '/tasks');
  if (s.ledUnits !== undefined) {
    if (individual && s.audience !== 'leader' && AUDIENCES.includes(s.audience as never))
      c.add('/ledUnits', 'only-for', loc.issues.onlyFor(c.label('/ledUnits'), loc.who.leader));
    else if (collective) c.add('/ledUnits', 'only-for', loc.issues.onlyFor(c.label('/ledUnits'), loc.who.leader));
    else checkTaskCounts(c, s.ledUnits, '/ledUnits');
  }
  if (s.shortcomings !== undefined && c.object(s.shortcomings, '/shortcomings', ['identified', 'remediated'])) {
    const sh = s.shortcomings;
    const a = c.present(sh, '/shortcomings', 'identified') && c.integer(sh.identified, '/shortcomings/identified', 0);
    const b = c.present(sh, '/shortcomings', 'remediated') && c.integer(sh.remediated, '/shortcomings/remediated', 0);
    if (a && b) c.notAbove(sh, '/shortcomings', 'remediated', 'identified');
  }
  if (s.discipline !== undefined) {
    if (!Array.isArray(s.discipline)) c.add('/discipline', 'type', loc.issues.notArray(c.label('/discipline')));
    else if (s.discipline.length > 100) c.add('/discipline', 'too-long', loc.issues.range(c.label('/discipline'), 0, 100));
    else
      s.discipline.forEach((d: unknown, i: number) => {
        const path = `/discipline/${i}`;
        if (!c.object(d, path, ['form', 'decidedOn', 'selfDetectedAndRemedied', 'dutyRelated', 'violationOn'])) return;
        if (c.present(d, path, 'form')) c.oneOf(d.form, `${path}/form`, DISCIPLINE_FORMS);
        const decided = c.present(d, path, 'decidedOn') && c.date(d.decidedOn, `${path}/decidedOn`);
        if (d.selfDetectedAndRemedied !== undefined) c.boolean(d.selfDetectedAndRemedied, `${path}/selfDetectedAndRemedied`);
        if (d.dutyRelated !== undefined) c.boolean(d.dutyRelated, `${path}/dutyRelated`);
        if (d.violationOn !== undefined && c.date(d.violationOn, `${path}/violationOn`) && decided && compareDates(parseDate(d.violationOn)!, parseDate(d.decidedOn)!) > 0)
          c.add(`${path}/violationOn`, 'after-decision', loc.issues.notAfter(c.label(`${path}/violationOn`), c.label(`${path}/decidedOn`)));
      });
  }
  if (s.degradationConcluded !== undefined) c.boolean(s.degradationConcluded, '/degradationConcluded');
  if (s.violatedProhibitions !== undefined) c.boolean(s.violatedProhibitions, '/violatedProhibitions');
  if (s.group !== undefined) c.string(s.group, '/group', 200);
  if (s.collective !== undefined) {
    if (individual) c.add('/collective', 'only-for', loc.issues.onlyFor(c.label('/collective'), loc.who.collective));
    else if (c.object(s.collective, '/collective', ['subUnitsDisciplined', 'leadershipMembersDisciplined', 'subUnits', 'type', 'leadershipMembersDegraded', 'cadreWorkViolation', 'selfDetectedAndRemedied'])) {
      const col = s.collective;
      if (col.type !== undefined) c.oneOf(col.type, '/collective/type', COLLECTIVE_TYPES);
      if (col.leadershipMembersDegraded !== undefined) c.integer(col.leadershipMembersDegraded, '/collective/leadershipMembersDegraded', 0);
      for (const key of ['cadreWorkViolation', 'selfDetectedAndRemedied'] as const) if (col[key] !== undefined) c.boolean(col[key], `/collective/${key}`);
      if (col.subUnits !== undefined && c.integer(col.subUnits, '/collective/subUnits', 0)) c.notAbove(col, '/collective', 'subUnitsDisciplined', 'subUnits');
      if (c.present(col, '/collective', 'subUnitsDisciplined')) c.integer(col.subUnitsDisciplined, '/collective/subUnitsDisciplined', 0);
      if (c.present(col, '/collective', 'leadershipMembersDisciplined'))
        c.integer(col.leadershipMembersDisciplined, '/collective/leadershipMembersDisciplined', 0);
    }
  }
  if (s.grades !== undefined && c.object(s.grades, '/grades', Object.keys((s.grades ?? {}) as object))) {
    const keys = Object.keys(s.grades);
    if (keys.length > 40) c.add('/grades', 'too-long', loc.issues.range(c.label('/grades'), 1, 40));
    for (const key of keys) {
      if (FORBIDDEN.has(key)) continue; // reported by object()
      // Paths are built only for a problem: a national run checks tens of millions of grades.
      if (key.trim() === '' || (key.length > MAX_CRITERION_ID && [...key].length > MAX_CRITERION_ID))
        c.add(childPath('/grades', key), 'bad-key', loc.issues.criterionId(key));
      else if (!GRADES.includes(s.grades[key] as never)) c.oneOf(s.grades[key], childPath('/grades', key), GRADES);
    }
  }
  if (s.stateRating !== undefined) {
    if (collective) c.add('/stateRating', 'only-for', loc.issues.onlyFor(c.label('/stateRating'), loc.who.individual));
    else c.oneOf(s.stateRating, '/stateRating', LEVELS);
  }
  if (s.leave !== undefined) {
    if (collective) c.add('/leave', 'only-for', loc.issues.onlyFor(c.label('/leave'), loc.who.individual));
    else if (c.object(s.leave, '/leave', ['sickMonths', 'maternity'])) {
      if (s.leave.sickMonths !== undefined) c.score(s.leave.sickMonths, '/leave/sickMonths', 12, 0.5);
      if (s.leave.maternity !== undefined) c.boolean(s.leave.maternity, '/leave/maternity');
    }
  }
  if (s.keyTargetsMissed !== undefined) c.boolean(s.keyTargetsMissed, '/keyTargetsMissed');
  if (s.forceMajeure !== undefined) {
    if (individual) c.add('/forceMajeure', 'only-for', loc.issues.onlyFor(c.label('/forceMajeure'), loc.who.collective));
    else c.boolean(s.forceMajeure, '/forceMajeure');
  }
  // Leaders only: the vote of confidence, the units they answer for, corruption in their scope.
  const leader = individual && s.audience === 'leader';
  const leaderOnly = (key: string) => leader || notFor(c, key, kindOk, loc.who.leader);
  if (s.confidenceVote !== undefined && leaderOnly('confidenceVote') && c.object(s.confidenceVote, '/confidenceVote', ['total', 'low'])) {
    const v = s.confidenceVote;
    const ok = c.present(v, '/confidenceVote', 'total') && c.integer(v.total, '/confidenceVote/total', 1);
    if (c.present(v, '/confidenceVote', 'low') && c.integer(v.low, '/confidenceVote/low', 0) && ok) c.notAbove(v, '/confidenceVote', 'low', 'total');
  }
  if (s.responsibleUnits !== undefined && leaderOnly('responsibleUnits') && c.object(s.responsibleUnits, '/responsibleUnits', ['total', 'ratedKHTNV'])) {
    const u = s.responsibleUnits;
    const ok = c.present(u, '/responsibleUnits', 'total') && c.integer(u.total, '/responsibleUnits/total', 1);
    if (c.present(u, '/responsibleUnits', 'ratedKHTNV') && c.integer(u.ratedKHTNV, '/responsibleUnits/ratedKHTNV', 0) && ok) c.notAbove(u, '/responsibleUnits', 'ratedKHTNV', 'total');
  }
  if (s.corruptionInScope !== undefined && leaderOnly('corruptionInScope')) c.boolean(s.corruptionInScope, '/corruptionInScope');
  if (s.corruptionSelfDetectedAndRemedied !== undefined && leaderOnly('corruptionSelfDetectedAndRemedied')) c.boolean(s.corruptionSelfDetectedAndRemedied, '/corruptionSelfDetectedAndRemedied');
  if (s.prohibitionsSelfDetectedAndRemedied !== undefined) {
    if (collective || (individual && s.audience === 'leader'))
      c.add('/prohibitionsSelfDetectedAndRemedied', 'only-for', loc.issues.onlyFor(c.label('/prohibitionsSelfDetectedAndRemedied'), loc.who.nonLeader));
    else c.boolean(s.prohibitionsSelfDetectedAndRemedied, '/prohibitionsSelfDetectedAndRemedied');
  }
  for (const key of ['name', 'position', 'unit'] as const) if (s[key] !== undefined) c.string(s[key], `/${key}`);
  if (s.meta !== undefined && (s.meta === null || typeof s.meta !== 'object' || Array.isArray(s.meta)))
    c.add('/meta', 'type', loc.issues.notObject(c.label('/meta')));
  else if (s.meta !== undefined) {
    const bad = scanIssue(s.meta, '/meta', loc);
    if (bad) c.add(bad.path, bad.code, bad.message);
  }
  return c.issues;
}


