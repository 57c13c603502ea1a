/**
 * `kiemdiem test FILES...`: one line per failure naming the case, then "N ca đạt, N ca sai" ("N passed, N failed" with --lang en);
 * exit 1 on any failure, 0 otherwise, 2 for an unreadable or malformed file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ROOT, expectNoStackTrace, fixture, kiemdiem } from './helpers';

const PACK_CASES = 'packages/rules/regulations/qd-366-2025/cases';
const SUMMARY = /^(\d+) ca đạt, (\d+) ca sai$/;
const SUMMARY_EN = /^(\d+) passed, (\d+) failed$/;

function summary(stdout: string, pattern = SUMMARY): { passed: number; failed: number; others: string[] } {
  const lines = stdout.trimEnd().split('\n');
  const last = lines.at(-1) ?? '';
  const m = pattern.exec(last);
  expect(last).toMatch(pattern);
  return { passed: Number(m![1]), failed: Number(m![2]), others: lines.slice(0, -1).filter((l) => l.trim() !== '') };
}

/** Counts the cases in a case file: one case, an array of cases, or { cases: [...] }. */
function countCases(data: unknown): number {
  if (Array.isArray(data)) return data.length;
  if (data && typeof data === 'object' && Array.isArray((data as { cases?: unknown }).cases)) return (data as { cases: unknown[] }).cases.length;
  return 1;
}

describe('the shipped qd-366-2025 case pack', () => {
  const files = readdirSync(join(ROOT, PACK_CASES))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => `${PACK_CASES}/${f}`);
  const expected = files.reduce((n, f) => n + countCases(parseYaml(readFileSync(join(ROOT, f), 'utf8'))), 0);

  it('has at least 40 cases across its YAML files', () => {
    expect(files.length).toBeGreaterThanOrEqual(1);
    expect(expected).toBeGreaterThanOrEqual(40);
  });

  it('passes: every case, 0 failed, exit 0', () => {
    const r = kiemdiem('test', ...files);
    expectNoStackTrace(r.stderr);
    const s = summary(r.stdout);
    expect(s.others).toEqual([]); // no failure lines
    expect({ passed: s.passed, failed: s.failed }).toEqual({ passed: expected, failed: 0 });
    expect(r.status).toBe(0);
  });
});

describe('a case file with one deliberately wrong expectation', () => {
  const WRONG = 'Kịch bản CỐ Ý SAI: 80 điểm mà mong HTXSNV';
  const RIGHT = 'Kịch bản đúng: chuyên viên đạt HTTNV';

  it('fails with exit 1, one line naming the wrong case (with the level it got), "1 ca đạt, 1 ca sai"', () => {
    const r = kiemdiem('test', fixture('cases-one-wrong.yaml'));
    expectNoStackTrace(r.stderr);
    const s = summary(r.stdout);
    expect({ passed: s.passed, failed: s.failed }).toEqual({ passed: 1, failed: 1 });
    expect(s.others).toHaveLength(1);
    expect(s.others[0]).toContain(WRONG);
    expect(s.others[0]).toContain('HTTNV'); // what the subject actually got
    expect(r.stdout).not.toContain(RIGHT);
    expect(r.status).toBe(1);
  });

  it('counts across files: pack cases + the wrong file → one failure, exit 1', () => {
    const r = kiemdiem('test', `${PACK_CASES}/dieu-11-khoan-1.yaml`, fixture('cases-one-wrong.yaml'), fixture('cases-ok.json'));
    const s = summary(r.stdout);
    expect(s.failed).toBe(1);
    expect(s.others).toHaveLength(1);
    expect(s.others[0]).toContain(WRONG);
    expect(r.status).toBe(1);
  });
});

describe('the language: Vietnamese by default, English with --lang en', () => {
  const CACH_DOC = `${PACK_CASES}/cach-doc.yaml`;
  const n = countCases(parseYaml(readFileSync(join(ROOT, CACH_DOC), 'utf8')));

  it('says "N ca đạt, 0 ca sai" for the readings cases, and lists them with ✓ under --verbose', () => {
    const r = kiemdiem('test', CACH_DOC, '--verbose');
    expect(r.status).toBe(0);
    expect(n).toBeGreaterThan(0);
    const s = summary(r.stdout);
    expect({ passed: s.passed, failed: s.failed }).toEqual({ passed: n, failed: 0 });
    expect(s.others).toHaveLength(n);
    for (const l of s.others) expect(l).toMatch(/^✓ /);
    expect(r.stdout).not.toMatch(/passed|failed/);
  });

  it('says "N passed, 0 failed" with --lang en', () => {
    const r = kiemdiem('test', CACH_DOC, '--lang', 'en');
    expect(r.status).toBe(0);
    const s = summary(r.stdout, SUMMARY_EN);
    expect({ passed: s.passed, failed: s.failed, others: s.others }).toEqual({ passed: n, failed: 0, others: [] });
    expect(r.stdout).not.toMatch(/ca đạt|ca sai/);
  });

  it('words a failure in the chosen language', () => {
    const vi = kiemdiem('test', fixture('cases-one-wrong.yaml'));
    expect(vi.status).toBe(1);
    expect(vi.stdout).toMatch(/level: mong đợi HTXSNV, nhận được HTTNV/);
    expect(vi.stdout.trimEnd().split('\n').at(-1)).toBe('1 ca đạt, 1 ca sai');
    const en = kiemdiem('test', fixture('cases-one-wrong.yaml'), '--lang', 'en');
    expect(en.status).toBe(1);
    expect(en.stdout).toMatch(/level: expected HTXSNV, got HTTNV/);
    expect(en.stdout.trimEnd().split('\n').at(-1)).toBe('1 passed, 1 failed');
  });
});

describe('JSON and single-case files', () => {
  it('runs a JSON { regulation, cases: [...] } file: 3 passed, 0 failed, exit 0', () => {
    const r = kiemdiem('test', fixture('cases-ok.json'));
    expectNoStackTrace(r.stderr);
    const s = summary(r.stdout);
    expect({ passed: s.passed, failed: s.failed, others: s.others }).toEqual({ passed: 3, failed: 0, others: [] });
    expect(r.status).toBe(0);
  });

  it('runs a file holding a single { name, subject, expect } case (period selects the regulation)', () => {
    const r = kiemdiem('test', fixture('case-single.yaml'));
    expectNoStackTrace(r.stderr);
    const s = summary(r.stdout);
    expect({ passed: s.passed, failed: s.failed }).toEqual({ passed: 1, failed: 0 });
    expect(r.status).toBe(0);
  });

  it('--verbose lists passing cases by name too', () => {
    const r = kiemdiem('test', fixture('cases-ok.json'), '--verbose');
    expect(r.status).toBe(0);
    for (const name of ['JSON: lãnh đạo đạt HTXSNV', 'JSON: tổng điểm 49,5 là KHTNV', 'JSON: đảng viên được miễn không xếp loại']) {
      expect(r.stdout).toContain(name);
    }
  });
});

describe('unreadable or malformed case files → exit 2, a message naming the file, no stack trace', () => {
  it.each([
    ['a missing file', fixture('no-such-cases.yaml')],
    ['a directory', fixture('')],
    ['broken YAML', fixture('cases-malformed.yaml')],
    ['a case without expect', fixture('cases-missing-expect.yaml')],
  ])('%s', (_what, file) => {
    const r = kiemdiem('test', file);
    expect(r.status).toBe(2);
    expectNoStackTrace(r.stderr);
    expect(r.stderr).toContain(file.replace(/\/$/, ''));
    expect(r.stdout).not.toMatch(SUMMARY);
    expect(r.stdout).not.toMatch(SUMMARY_EN);
  });

  it('a bad file among good ones still exits 2 (nothing is run)', () => {
    const r = kiemdiem('test', fixture('cases-ok.json'), fixture('cases-malformed.yaml'));
    expect(r.status).toBe(2);
    expectNoStackTrace(r.stderr);
  });
});
