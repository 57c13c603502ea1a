import { describe, expect, it } from 'vitest';
import { describeProblem, readCases, runCases } from './cases';

const subject = (exceeded: number) => ({
  kind: 'individual', audience: 'non-leader', period: { year: 2026 },
  score: { common: 28, tasks: 65 }, tasks: { assigned: 10, completed: 10, onTime: 10, exceeded },
});

describe('runCases: problems as data, failures as their English wording', () => {
  it('gives each failed expectation as a problem, and failures as describeProblem of each', async () => {
    const cases = readCases({
      regulation: 'qd-366-2025',
      cases: [
        { name: 'right', subject: subject(4), expect: { status: 'rated', level: 'HTXSNV' } },
        { name: 'wrong', subject: subject(0), expect: { status: 'rated', level: 'HTXSNV', total: 90, because: ['no.such-rule'] } },
        { name: 'invalid expected', subject: subject(0), expect: { errors: ['/score/common'] } },
      ],
    });
    const [right, wrong, invalid] = await runCases(cases);
    expect(right!.problems).toEqual([]);
    expect(right!.passed).toBe(true);
    expect(wrong!.passed).toBe(false);
    expect(wrong!.problems).toEqual([
      { kind: 'mismatch', field: 'level', expected: 'HTXSNV', got: 'HTTNV' },
      { kind: 'mismatch', field: 'total', expected: '90', got: '93' },
      { kind: 'not-among', field: 'because', rule: 'no.such-rule', among: expect.any(Array) },
    ]);
    expect(wrong!.failures).toEqual(wrong!.problems.map(describeProblem));
    expect(wrong!.failures[0]).toBe('level: expected HTXSNV, got HTTNV');
    expect(invalid!.problems.map((p) => p.kind)).toEqual(['rated-not-invalid', 'missing-error']);
    expect(invalid!.failures[0]).toBe('expected input errors at /score/common, but the subject was rated rated/HTTNV');
    expect(invalid!.failures[1]).toBe('expected an input error at /score/common; got none');
  });

  it('words a decision without a decision as "no decision"', () => {
    expect(describeProblem({ kind: 'mismatch', field: 'decision.without', expected: 'HTTNV', got: null })).toBe('decision.without: expected HTTNV, got no decision');
    expect(describeProblem({ kind: 'not-among', field: 'decision.rules', rule: 'r', among: [] })).toBe('decision.rules: r is not among none');
  });
});
