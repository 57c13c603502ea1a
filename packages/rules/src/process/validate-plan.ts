/**
 * Structural checks of a review plan: types, dates, times, ids and references, unknown and forbidden keys.
 * Collects every problem (not just the first), each naming its field by JSON pointer, so a plan is fixed in one pass.
 */
import { parseDate } from '../dates';
import { labelAt, type Locale } from '../locales';
import { scanIssue } from '../shape/scan';
import { PLAN_PERSON_ROLES, PLAN_UNIT_KINDS, PLAN_UNIT_LEVELS } from './checks';
import { PLAN_DOCUMENT_KINDS } from './types';

export interface PlanIssue {
  path: string;
  code: string;
  message: string;
}

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const own = Object.prototype.hasOwnProperty;
const MAX_TEXT = 500;
const MAX_ITEMS = 100_000;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

const PLAN_KEYS = ['year', 'regulation', 'name', 'units', 'meetings', 'documents', 'filesUpward', 'calendar', 'meta'];
const UNIT_KEYS = ['id', 'name', 'level', 'kind', 'parent', 'special'];
const MEETING_KEYS = ['id', 'unit', 'date', 'endDate', 'start', 'end', 'days', 'attendees', 'reviews', 'title'];
const COLLECTIVE_KEYS = ['type', 'unit', 'name'];
const INDIVIDUAL_KEYS = ['type', 'person', 'role', 'name', 'position'];
const DOCUMENT_KEYS = ['id', 'meeting', 'kind', 'sentOn', 'recipients', 'title'];
const FILING_KEYS = ['unit', 'sentOn', 'to', 'documents'];

function childPath(path: string, key: string): string {
  return `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/** The label of a plan field by JSON pointer, array indexes generalised; falls back to the pointer. */
export function planFieldLabel(loc: Locale, pointer: string): string {
  return labelAt(loc.records.plan, pointer) ?? (pointer || loc.records.plan['']);
}

class PlanChecker {
  readonly issues: PlanIssue[] = [];
  constructor(readonly loc: Locale) {}

  label(path: string): string {
    return planFieldLabel(this.loc, path);
  }
  add(path: string, code: string, message: string): false {
    this.issues.push({ path, code, message });
    return false;
  }
  object(value: unknown, path: string, allowed: readonly string[]): value is Record<string, unknown> {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return this.add(path, 'type', this.loc.issues.notObject(this.label(path)));
    for (const key in value) {
      if (!own.call(value, key)) continue;
      if (FORBIDDEN.has(key)) this.add(childPath(path, key), 'forbidden-key', this.loc.issues.forbiddenKey(key));
      else if (!allowed.includes(key)) this.add(childPath(path, key), 'unknown-field', this.loc.issues.unknownField(key));
    }
    return true;
  }
  array(value: unknown, path: string, minItems = 0): value is unknown[] {
    if (!Array.isArray(value)) return this.add(path, 'type', this.loc.issues.notArray(this.label(path)));
    if (value.length > MAX_ITEMS) return this.add(path, 'out-of-range', this.loc.issues.range(this.label(path), minItems, MAX_ITEMS));
    if (value.length < minItems) return this.add(path, 'required', this.loc.issues.required(this.label(path)));
    return true;
  }
  string(value: unknown, path: string, max = MAX_TEXT): value is string {
    if (typeof value !== 'string') return this.add(path, 'type', this.loc.issues.notString(this.label(path)));
    if (value.trim() === '') return this.add(path, 'empty', this.loc.issues.emptyString(this.label(path)));
    if (value.length > max && [...value].length > max) return this.add(path, 'too-long', this.loc.issues.tooLong(this.label(path), max));
    return true;
  }
  oneOf(value: unknown, path: string, allowed: readonly string[]): boolean {
    return (typeof value === 'string' && allowed.includes(value)) || this.add(path, 'not-allowed', this.loc.issues.notOneOf(this.label(path), allowed));
  }
  date(value: unknown, path: string): value is string {
    return parseDate(value) !== null || this.add(path, 'bad-date', this.loc.issues.badDate(this.label(path)));
  }
  time(value: unknown, path: string): value is string {
    return (typeof value === 'string' && TIME.test(value)) || this.add(path, 'bad-time', this.loc.plan.badTime(this.label(path)));
  }
  present(obj: Record<string, unknown>, path: string, key: string): boolean {
    return obj[key] !== undefined || this.add(`${path}/${key}`, 'required', this.loc.issues.required(this.label(`${path}/${key}`)));
  }
  /** An optional field: absent, or checked by `check`. */
  optional(obj: Record<string, unknown>, key: string, check: () => boolean): void {
    if (obj[key] !== undefined) check();
  }
  strings(value: unknown, path: string): value is string[] {
    if (!this.array(value, path)) return false;
    let ok = true;
    value.forEach((v, i) => {
      ok = this.string(v, `${path}/${i}`, 200) && ok;
    });
    return ok;
  }
}

/** Which dates belong to the review of `year`: the year itself and the next (special cases, files upward). */
function inReviewWindow(date: string, year: number): boolean {
  const y = Number(date.slice(0, 4));
  return y === year || y === year + 1;
}

/** Checks a plan's shape; an empty list means `checkPlan` can run its rules on it. */
export function checkPlanShape(input: unknown, loc: Locale): PlanIssue[] {
  const c = new PlanChecker(loc);
  const words = loc.plan;
  if (!c.object(input, '', PLAN_KEYS)) return c.issues;
  const plan = input;
  let year: number | undefined;
  if (c.present(plan, '', 'year')) {
    const y = plan.year;
    if (typeof y !== 'number' || !Number.isInteger(y)) c.add('/year', 'type', loc.issues.notInteger(c.label('/year')));
    else if (y < 2000 || y > 2100) c.add('/year', 'out-of-range', loc.issues.range(c.label('/year'), 2000, 2100));
    else year = y;
  }
  c.optional(plan, 'regulation', () => c.string(plan.regulation, '/regulation', 100));
  c.optional(plan, 'name', () => c.string(plan.name, '/name'));
  const dated = (value: unknown, path: string): boolean => {
    if (!c.date(value, path)) return false;
    if (year !== undefined && !inReviewWindow(value, year)) return c.add(path, 'outside-year', words.outsideYear(c.label(path), year));
    return true;
  };

  // Units: ids first, then references, so a reference to a later unit is fine.
  const unitKinds = new Map<string, string>();
  const units: Array<{ index: number; id: string; parent?: string }> = [];
  if (c.present(plan, '', 'units') && c.array(plan.units, '/units', 1)) {
    plan.units.forEach((u, i) => {
      const at = `/units/${i}`;
      if (!c.object(u, at, UNIT_KEYS)) return;
      let id: string | undefined;
      if (c.present(u, at, 'id') && c.string(u.id, `${at}/id`, 200)) {
        if (unitKinds.has(u.id)) c.add(`${at}/id`, 'duplicate-id', words.duplicateId(c.label(`${at}/id`), u.id));
        else id = u.id;
      }
      if (c.present(u, at, 'name')) c.string(u.name, `${at}/name`);
      if (c.present(u, at, 'level')) c.oneOf(u.level, `${at}/level`, PLAN_UNIT_LEVELS);
      const kindOk = c.present(u, at, 'kind') && c.oneOf(u.kind, `${at}/kind`, PLAN_UNIT_KINDS);
      c.optional(u, 'special', () => typeof u.special === 'boolean' || c.add(`${at}/special`, 'type', loc.issues.notBoolean(c.label(`${at}/special`))));
      const parentOk = u.parent === undefined || c.string(u.parent, `${at}/parent`, 200);
      if (id !== undefined) {
        unitKinds.set(id, kindOk ? (u.kind as string) : '');
        units.push({ index: i, id, ...(parentOk && typeof u.parent === 'string' ? { parent: u.parent } : {}) });
      }
    });
    const parents = new Map(units.map((u) => [u.id, u.parent]));
    for (const u of units) {
      if (u.parent === undefined) continue;
      const at = `/units/${u.index}/parent`;
      if (!unitKinds.has(u.parent)) {
        c.add(at, 'unknown-unit', words.unknownRef(c.label(at), u.parent, words.what.unit));
        continue;
      }
      if (unitKinds.get(u.parent) !== 'party' && unitKinds.get(u.parent) !== '') c.add(at, 'parent-not-party', words.parentNotParty(c.label(at)));
      // Walk up: meeting the unit itself again means a loop (bounded by the number of units).
      let up: string | undefined = u.parent;
      for (let steps = 0; up !== undefined && steps <= units.length; steps++) {
        if (up === u.id) {
          c.add(at, 'parent-cycle', words.parentCycle(c.label(at)));
          break;
        }
        up = parents.get(up);
      }
    }
  }
  const unitRef = (value: unknown, path: string): boolean => {
    if (!c.string(value, path, 200)) return false;
    return unitKinds.has(value) || c.add(path, 'unknown-unit', words.unknownRef(c.label(path), value, words.what.unit));
  };

  const meetingIds = new Set<string>();
  if (c.present(plan, '', 'meetings') && c.array(plan.meetings, '/meetings', 1)) {
    plan.meetings.forEach((m, i) => {
      const at = `/meetings/${i}`;
      if (!c.object(m, at, MEETING_KEYS)) return;
      if (c.present(m, at, 'id') && c.string(m.id, `${at}/id`, 200)) {
        if (meetingIds.has(m.id)) c.add(`${at}/id`, 'duplicate-id', words.duplicateId(c.label(`${at}/id`), m.id));
        meetingIds.add(m.id);
      }
      if (c.present(m, at, 'unit')) unitRef(m.unit, `${at}/unit`);
      const dateOk = c.present(m, at, 'date') && dated(m.date, `${at}/date`);
      c.optional(m, 'endDate', () => {
        if (!dated(m.endDate, `${at}/endDate`)) return false;
        return !dateOk || (m.endDate as string) >= (m.date as string) || c.add(`${at}/endDate`, 'before-start', loc.issues.notAbove(c.label(`${at}/date`), c.label(`${at}/endDate`)));
      });
      const startOk = m.start !== undefined && c.time(m.start, `${at}/start`);
      const endOk = m.end !== undefined && c.time(m.end, `${at}/end`);
      if (m.start !== undefined && m.end === undefined) c.present(m, at, 'end');
      if (m.end !== undefined && m.start === undefined) c.present(m, at, 'start');
      if (startOk && endOk && (m.end as string) <= (m.start as string)) c.add(`${at}/end`, 'before-start', words.notAfter(c.label(`${at}/end`), c.label(`${at}/start`)));
      c.optional(m, 'days', () => {
        const d = m.days;
        if (typeof d !== 'number' || !Number.isFinite(d)) return c.add(`${at}/days`, 'type', loc.issues.notNumber(c.label(`${at}/days`)));
        return (d > 0 && d <= 60) || c.add(`${at}/days`, 'out-of-range', loc.issues.range(c.label(`${at}/days`), 0.5, 60));
      });
      c.optional(m, 'attendees', () => c.strings(m.attendees, `${at}/attendees`));
      c.optional(m, 'title', () => c.string(m.title, `${at}/title`));
      if (c.present(m, at, 'reviews') && c.array(m.reviews, `${at}/reviews`, 1)) {
        m.reviews.forEach((r, j) => {
          const rat = `${at}/reviews/${j}`;
          if (r === null || typeof r !== 'object' || Array.isArray(r)) return c.add(rat, 'type', loc.issues.notObject(c.label(rat)));
          const review = r as Record<string, unknown>;
          if (!c.present(review, rat, 'type') || !c.oneOf(review.type, `${rat}/type`, ['collective', 'individual'])) {
            c.object(review, rat, [...new Set([...COLLECTIVE_KEYS, ...INDIVIDUAL_KEYS])]);
            return;
          }
          if (review.type === 'collective') {
            c.object(review, rat, COLLECTIVE_KEYS);
            c.optional(review, 'unit', () => unitRef(review.unit, `${rat}/unit`));
            c.optional(review, 'name', () => c.string(review.name, `${rat}/name`));
          } else {
            c.object(review, rat, INDIVIDUAL_KEYS);
            if (c.present(review, rat, 'person')) c.string(review.person, `${rat}/person`, 200);
            if (c.present(review, rat, 'role')) c.oneOf(review.role, `${rat}/role`, PLAN_PERSON_ROLES);
            c.optional(review, 'name', () => c.string(review.name, `${rat}/name`));
            c.optional(review, 'position', () => c.string(review.position, `${rat}/position`));
          }
          return undefined;
        });
      }
    });
  }

  c.optional(plan, 'documents', () => {
    if (!c.array(plan.documents, '/documents')) return false;
    plan.documents.forEach((d, i) => {
      const at = `/documents/${i}`;
      if (!c.object(d, at, DOCUMENT_KEYS)) return;
      c.optional(d, 'id', () => c.string(d.id, `${at}/id`, 200));
      if (c.present(d, at, 'meeting') && c.string(d.meeting, `${at}/meeting`, 200) && !meetingIds.has(d.meeting))
        c.add(`${at}/meeting`, 'unknown-meeting', words.unknownRef(c.label(`${at}/meeting`), d.meeting, words.what.meeting));
      if (c.present(d, at, 'kind')) c.oneOf(d.kind, `${at}/kind`, PLAN_DOCUMENT_KINDS);
      if (c.present(d, at, 'sentOn')) dated(d.sentOn, `${at}/sentOn`);
      c.optional(d, 'recipients', () => c.strings(d.recipients, `${at}/recipients`));
      c.optional(d, 'title', () => c.string(d.title, `${at}/title`));
    });
    return true;
  });

  c.optional(plan, 'filesUpward', () => {
    if (!c.array(plan.filesUpward, '/filesUpward')) return false;
    plan.filesUpward.forEach((f, i) => {
      const at = `/filesUpward/${i}`;
      if (!c.object(f, at, FILING_KEYS)) return;
      if (c.present(f, at, 'unit')) unitRef(f.unit, `${at}/unit`);
      if (c.present(f, at, 'sentOn')) dated(f.sentOn, `${at}/sentOn`);
      c.optional(f, 'to', () => c.string(f.to, `${at}/to`, 200));
      c.optional(f, 'documents', () => c.strings(f.documents, `${at}/documents`));
    });
    return true;
  });

  c.optional(plan, 'calendar', () => {
    if (!c.object(plan.calendar, '/calendar', ['holidays', 'workingDays'])) return false;
    const cal = plan.calendar;
    for (const key of ['holidays', 'workingDays'] as const) {
      c.optional(cal, key, () => {
        const list = cal[key];
        if (!c.array(list, `/calendar/${key}`)) return false;
        list.forEach((d, i) => c.date(d, `/calendar/${key}/${i}`));
        return true;
      });
    }
    return true;
  });

  c.optional(plan, 'meta', () => {
    const meta = plan.meta;
    if (meta === null || typeof meta !== 'object' || Array.isArray(meta)) return c.add('/meta', 'type', loc.issues.notObject(c.label('/meta')));
    // Host data is free, but never a prototype-pollution key, at any depth.
    const hit = scanIssue(meta, '/meta', loc);
    return hit === null || c.add(hit.path, hit.code, hit.message);
  });
  return c.issues;
}
