/**
 * What reaches a terminal from user data is shown, never acted on (ESC sequences, BEL, CR, bidi overrides);
 * `kiemdiem test` refuses case files that would test nothing or something impossible; an unknown --lang is a
 * usage error even with --help.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, expectNoStackTrace, fixture, kiemdiem } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'kiemdiem-term-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const subjects = JSON.parse(readFileSync(join(ROOT, 'examples/chi-bo-2026/subjects.json'), 'utf8')) as Array<Record<string, unknown>>;

/** Anything a terminal acts on: C0/C1 controls but newline, DEL, bidi overrides and isolates. */
const ACTIVE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('--format table and terminal text escape what a terminal would act on', () => {
  const nasty = [
    { id: 'xoa\u001b[2J', name: 'Nguyễn \u0007Văn A' },
    { id: 'cr\rghi-de', name: 'Trần \u202eB cba\u202c' },
    { id: 'isolate\u2067x\u2069', name: 'Lê \u009b31m C' },
  ];
  const file = join(dir, 'nasty.json');
  writeFileSync(file, JSON.stringify([...nasty.map((n, i) => ({ ...subjects[i + 1], ...n })), { ...subjects[1], id: 'sai\u001b]0;owned\u0007', score: { common: 99, tasks: 1 } }]));

  it('rate --format table: ids, names and invalid subjects shown as \\u escapes', () => {
    const r = kiemdiem('rate', '--input', file, '--format', 'table');
    expect(r.status).toBe(1);
    expect(r.stdout).not.toMatch(ACTIVE);
    expect(r.stdout).toContain('xoa\\u001b[2J');
    expect(r.stdout).toContain('Nguyễn \\u0007Văn A');
    expect(r.stdout).toContain('cr\\u000dghi-de');
    expect(r.stdout).toContain('Trần \\u202eB cba\\u202c');
    expect(r.stdout).toContain('isolate\\u2067x\\u2069');
    expect(r.stdout).toContain('Lê \\u009b31m C');
    expect(r.stdout).toContain('sai\\u001b]0;owned\\u0007');
    // Vietnamese text is untouched.
    expect(r.stdout).toContain('Nguyễn');
  });

  it('--format json keeps the data as it is (JSON escapes it by itself)', () => {
    const r = kiemdiem('rate', '--input', file, '--format', 'json');
    const output = JSON.parse(r.stdout) as { results: Array<{ id: string }> };
    expect(output.results.map((x) => x.id)).toEqual(nasty.map((n) => n.id));
  });

  it('kiemdiem test: case names with control characters are shown escaped', () => {
    const cases = join(dir, 'nasty-case.yaml');
    writeFileSync(cases, readFileSync(join(ROOT, fixture('case-single.yaml')), 'utf8').replace(/^name: .*$/m, 'name: "sai\\e[2J\\a"').replace('level: HTNV', 'level: HTXSNV'));
    const r = kiemdiem('test', cases);
    expect(r.status).toBe(1);
    expect(r.stdout).not.toMatch(ACTIVE);
    expect(r.stdout).toContain('✗ sai\\u001b[2J\\u0007');
  });

  it('a usage error naming a file with an ESC in its name shows it escaped', () => {
    const r = kiemdiem('rate', '--input', join(dir, 'no\u001b[2Jfile.json'));
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(ACTIVE);
    expect(r.stderr).toContain('no\\u001b[2Jfile.json');
  });
});

describe('kiemdiem test refuses case files that test nothing or the impossible', () => {
  const write = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const single = readFileSync(join(ROOT, fixture('case-single.yaml')), 'utf8');

  it.each([
    { name: 'an empty list', text: '[]\n' },
    { name: 'cases: []', text: 'cases: []\n' },
  ])('$name: exit 2, naming the file', ({ name, text }) => {
    const file = write(`empty-${name.length}.yaml`, text);
    const r = kiemdiem('test', file);
    expect(r.status).toBe(2);
    expectNoStackTrace(r.stderr);
    expect(r.stderr).toBe(`kiemdiem: Tệp ${file} không có ca kiểm thử nào\n`);
    expect(r.stdout).toBe('');
  });

  it('an unknown regulation in the case file: exit 2 before any case runs, naming file, case and field', () => {
    const file = write('unknown-reg.yaml', `regulation: qd-999-2099\ncases:\n  - ${single.replace(/^#.*\n/, '').trimEnd().split('\n').join('\n    ')}\n`);
    const r = kiemdiem('test', file, '--lang', 'en');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^kiemdiem: ${file.replace(/[/.]/g, '\\$&')} /cases/0/regulation \\("Một ca: .*"\\): no regulation "qd-999-2099"\\. Known regulations: qd-124-2023, qd-132-2018, qd-366-2025\\n$`));
  });

  it.each([
    { field: 'level', from: 'level: HTNV', to: 'level: SUPER', value: 'SUPER' },
    { field: 'status', from: 'status: rated', to: 'status: great', value: 'great' },
  ])('expect.$field: $value: exit 2 naming file, case and field', ({ field, from, to, value }) => {
    const file = write(`bad-${field}.yaml`, single.replace(from, to));
    const r = kiemdiem('test', file);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`kiemdiem: Tệp ${file} /cases/0/expect/${field} ("Một ca: quý II/2026, trễ 1/5 nhiệm vụ là HTNV"): giá trị "${value}" không hợp lệ; chọn một trong: `);
  });

  it('the shipped case files still pass', () => {
    const r = kiemdiem('test', fixture('cases-ok.json'), fixture('case-single.yaml'));
    expect(r.status).toBe(0);
  });
});

describe('an unknown --lang is a usage error listing vi and en', () => {
  it.each([
    ['rate', '--lang', 'fr', '--help'],
    ['--help', '--lang', 'fr'],
    ['regulations', '--lang=xx', '--help'],
  ])('kiemdiem %s %s %s %s: exit 2', (...args) => {
    const r = kiemdiem(...args.filter((a) => a !== undefined));
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^kiemdiem: Giá trị "(fr|xx)" của --lang không hợp lệ; chọn một trong: vi, en\n$/);
  });

  it('a known --lang with --help still prints the help', () => {
    const r = kiemdiem('rate', '--lang', 'en', '--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: kiemdiem rate/);
  });
});
