import { describe, expect, it } from 'vitest';
import { en, vi } from '../locales';
import { checkSubject } from './validate';

const limits = { commonMax: 30, tasksMax: 70, step: 0.5 };
const valid = {
  id: 'dv-1',
  kind: 'individual',
  audience: 'non-leader',
  period: { year: 2026 },
  membership: { admittedOn: '2015-03-02' },
  score: { common: 27, tasks: 60.5 },
  tasks: { assigned: 10, completed: 10, onTime: 9, exceeded: 2 },
};

/** The issues for `valid` with `patch` applied (undefined deletes a key). */
function issuesWith(patch: Record<string, unknown>, lang = vi) {
  const subject: Record<string, unknown> = { ...structuredClone(valid), ...patch };
  for (const [k, v] of Object.entries(patch)) if (v === undefined) delete subject[k];
  return checkSubject(subject, lang, limits);
}

describe('checkSubject', () => {
  it('accepts a valid subject', () => {
    expect(checkSubject(valid, vi, limits)).toEqual([]);
  });

  it.each([
    ['wrong type', { score: { common: '27', tasks: 60 } }, '/score/common', 'type', 'score.common'],
    ['out of range (common > 30)', { score: { common: 31, tasks: 60 } }, '/score/common', 'out-of-range', 'score.common'],
    ['negative score', { score: { common: 20, tasks: -1 } }, '/score/tasks', 'out-of-range', 'score.tasks'],
    ['not a half point', { score: { common: 20.3, tasks: 60 } }, '/score/common', 'step', 'score.common'],
    ['completed > assigned', { tasks: { assigned: 5, completed: 6, onTime: 5, exceeded: 0 } }, '/tasks/completed', 'exceeds', 'tasks.completed'],
    ['onTime > completed', { tasks: { assigned: 5, completed: 4, onTime: 5, exceeded: 0 } }, '/tasks/onTime', 'exceeds', 'tasks.onTime'],
    ['negative count', { tasks: { assigned: 5, completed: 5, onTime: 5, exceeded: -2 } }, '/tasks/exceeded', 'out-of-range', 'tasks.exceeded'],
    ['zero tasks assigned', { tasks: { assigned: 0, completed: 0, onTime: 0, exceeded: 0 } }, '/tasks/assigned', 'out-of-range', 'tasks.assigned'],
    ['fractional count', { tasks: { assigned: 5, completed: 4.5, onTime: 4, exceeded: 0 } }, '/tasks/completed', 'type', 'tasks.completed'],
    ['unknown audience', { audience: 'manager' }, '/audience', 'not-allowed', 'audience'],
    ['malformed date', { membership: { admittedOn: '2026-02-30' } }, '/membership/admittedOn', 'bad-date', 'membership.admittedOn'],
    ['admitted after the period', { membership: { admittedOn: '2027-01-05' } }, '/membership/admittedOn', 'after-period', 'membership.admittedOn'],
    ['discipline date not ISO', { discipline: [{ form: 'khien-trach', decidedOn: '15/03/2026' }] }, '/discipline/0/decidedOn', 'bad-date', 'discipline[].decidedOn'],
    ['unknown discipline form', { discipline: [{ form: 'phe-binh', decidedOn: '2026-03-15' }] }, '/discipline/0/form', 'not-allowed', 'discipline[].form'],
    ['missing period', { period: undefined }, '/period', 'required', 'period'],
    ['year out of range', { period: { year: 1990 } }, '/period/year', 'out-of-range', 'period.year'],
    ['quarter 5', { period: { year: 2026, quarter: 5 } }, '/period/quarter', 'out-of-range', 'period.quarter'],
    ['typo in a field name', { socre: 3 }, '/socre', 'unknown-field', 'socre'],
    ['ledUnits on a non-leader', { ledUnits: { assigned: 1, completed: 1, onTime: 1, exceeded: 0 } }, '/ledUnits', 'only-for', 'ledUnits'],
    ['collective facts on an individual', { collective: { subUnitsDisciplined: 0, leadershipMembersDisciplined: 0 } }, '/collective', 'only-for', 'collective'],
    ['empty id', { id: '  ' }, '/id', 'empty', 'id'],
    ['boolean flag as string', { degradationConcluded: 'no' }, '/degradationConcluded', 'type', 'degradationConcluded'],
  ])('reports %s at its JSON pointer, naming the field', (_what, patch, path, code, field) => {
    const issues = issuesWith(patch);
    const issue = issues.find((i) => i.path === path);
    expect(issue, JSON.stringify(issues)).toBeDefined();
    expect(issue!.code).toBe(code);
    expect(issue!.message).toContain(field);
    const english = issuesWith(patch, en).find((i) => i.path === path)!;
    expect(english.message).toContain(field);
    expect(english.message).not.toBe(issue!.message);
  });

  it('counts a text limit in code points of the NFC text, as @kiemdiem/forms does: typed decomposed or not', () => {
    // "ễ" decomposed is 3 code points (e, U+0302, U+0303) and 1 once composed; `id` allows 200 characters.
    const decomposed = (n: number) => 'e\u0302\u0303'.repeat(n);
    expect([...decomposed(200)]).toHaveLength(600);
    expect(issuesWith({ id: decomposed(200) })).toEqual([]);
    expect(issuesWith({ id: decomposed(201) })).toEqual([expect.objectContaining({ path: '/id', code: 'too-long' })]);
    expect(issuesWith({ name: decomposed(500) })).toEqual([]);
    expect(issuesWith({ name: decomposed(501) })).toEqual([expect.objectContaining({ path: '/name', code: 'too-long' })]);
    // Precomposed text at the limit, and astral characters (two UTF-16 units, one code point).
    expect(issuesWith({ id: 'ễ'.repeat(200) })).toEqual([]);
    expect(issuesWith({ id: '𝐀'.repeat(200) })).toEqual([]);
    expect(issuesWith({ id: '𝐀'.repeat(201) })).toEqual([expect.objectContaining({ path: '/id', code: 'too-long' })]);
  });

  it('rejects prototype-pollution keys without polluting', () => {
    const subject = JSON.parse('{"id":"x","kind":"individual","audience":"leader","period":{"year":2026},"__proto__":{"admin":true},"meta":{"constructor":{"prototype":{"y":1}}}}');
    const issues = checkSubject(subject, vi, limits);
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining(['/__proto__', '/meta/constructor']));
    expect(issues.every((i) => i.code === 'forbidden-key')).toBe(true);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('reports a non-object subject at the root', () => {
    for (const bad of [null, 'dv-1', 42, []]) {
      const issues = checkSubject(bad, vi, limits);
      expect(issues).toHaveLength(1);
      expect(issues[0]!.path).toBe('');
    }
  });

  it('collects every problem of a record in one pass', () => {
    const issues = issuesWith({ kind: 'person', score: { common: 40, tasks: 'x' }, period: { year: 2026, quarter: 0 } });
    expect(issues.map((i) => i.path).sort()).toEqual(['/kind', '/period/quarter', '/score/common', '/score/tasks']);
  });
});
