import type { CaseProblem } from '@kiemdiem/rules';
import { describe, expect, it } from 'vitest';
import { messages } from './index';

// One problem of each kind: the Vietnamese wording has no English left in it; the English one is the library's.
const PROBLEMS: CaseProblem[] = [
  { kind: 'unknown-reading', reading: 'reading.x', regulation: 'qd-366-2025' },
  { kind: 'rated-not-invalid', paths: ['/score/common'], status: 'rated', level: 'HTTNV' },
  { kind: 'missing-error', path: '/score/common', got: [] },
  { kind: 'input-errors', errors: [{ path: '/score/common', message: 'quá 30' }] },
  { kind: 'mismatch', field: 'level', expected: 'HTXSNV', got: 'HTTNV' },
  { kind: 'mismatch', field: 'decision.without', expected: 'HTTNV', got: null },
  { kind: 'not-among', field: 'because', rule: 'r.x', among: ['r.y'] },
  { kind: 'not-among', field: 'decision.rules', rule: 'r.x', among: [] },
];

describe('kiemdiem test wording', () => {
  it.each(PROBLEMS.map((p) => [`${p.kind} ${'field' in p ? p.field : ''}`, p] as const))('%s: Vietnamese, and English with lang en', (_what, p) => {
    const vi = messages('vi').test.problem(p);
    const en = messages('en').test.problem(p);
    expect(vi).not.toMatch(/\b(expected|got|not among|is not|none|no decision)\b/);
    expect(vi).toMatch(/mong đợi|nhận được|không có|không phải|lỗi dữ liệu/);
    expect(en).toMatch(/expected|got|not among|is not|input errors/);
  });

  it('the tally and the case lines in both languages', () => {
    expect(messages('vi').test.tally(3, 1)).toBe('3 ca đạt, 1 ca sai');
    expect(messages('en').test.tally(3, 1)).toBe('3 passed, 1 failed');
    expect(messages('vi').test.failedCase('a', 'f.yaml, Điều 11', ['x', 'y'])).toBe('✗ a (f.yaml, Điều 11): x; y');
    expect(messages('en').test.passedCase('a')).toBe('✓ a');
  });
});
