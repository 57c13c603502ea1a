/**
 * Both packages count a text limit the same way: code points of the NFC text. Vietnamese typed decomposed
 * (NFD: "ễ" as e + U+0302 + U+0303) is as long as the same text precomposed.
 */
import { KiemdiemError, rateSync } from '@kiemdiem/rules';
import { describe, expect, it } from 'vitest';
import { checkForm, exampleFor } from './index';

/** n × "ễ", decomposed: 3n code points, n once composed. */
const decomposed = (n: number) => 'e\u0302\u0303'.repeat(n);

function formErrors(fullName: string) {
  const doc = structuredClone(exampleFor('hd43-2025/02b')) as { identity: { fullName: string } };
  doc.identity.fullName = fullName;
  return checkForm('hd43-2025/02b', doc).errors;
}

/** The issues @kiemdiem/rules has with a subject whose id (at most 200 characters) is `id`. */
function rulesIssues(id: string): Array<{ path: string; code: string }> {
  const subject = {
    id,
    kind: 'individual',
    audience: 'non-leader',
    period: { year: 2026 },
    membership: { admittedOn: '2015-03-02' },
    score: { common: 27, tasks: 60.5 },
    tasks: { assigned: 10, completed: 10, onTime: 9, exceeded: 2 },
  } as Parameters<typeof rateSync>[0];
  try {
    rateSync(subject);
    return [];
  } catch (error) {
    if (!(error instanceof KiemdiemError)) throw error;
    return (error.details as Array<{ path: string; code: string }>).map(({ path, code }) => ({ path, code }));
  }
}

describe('text limits in NFC code points, in forms and rules alike', () => {
  it('accepts decomposed text whose composed form fits the limit (200), in both', () => {
    expect([...decomposed(200)]).toHaveLength(600);
    expect(formErrors(decomposed(200))).toEqual([]);
    expect(rulesIssues(decomposed(200))).toEqual([]);
  });

  it('refuses text one character over the limit, in both', () => {
    expect(formErrors(decomposed(201))).toEqual([{ path: '/identity/fullName', code: 'too-long', message: '"Họ và tên" dài quá 200 ký tự' }]);
    expect(rulesIssues(decomposed(201))).toEqual([{ path: '/id', code: 'too-long' }]);
    expect(formErrors('ễ'.repeat(201)).map((e) => e.code)).toEqual(['too-long']);
    expect(rulesIssues('ễ'.repeat(201))).toEqual([{ path: '/id', code: 'too-long' }]);
  });
});
