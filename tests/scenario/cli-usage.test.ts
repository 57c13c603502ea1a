/**
 * Usage errors exit 2 with a message and no stack trace; --help, regulations.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT, expectNoStackTrace, fixture, kiemdiem, readJsonFile } from './helpers';

const DEMO = 'examples/chi-bo-2026/subjects.json';

describe('usage errors → exit 2, message on stderr, nothing on stdout, no stack trace', () => {
  const cases: Array<[string, string[], RegExp?]> = [
    ['unknown flag', ['rate', '--input', DEMO, '--bogus'], /bogus/],
    ['unknown short flag', ['rate', '-x', '--input', DEMO], /-x/],
    ['flag without its value', ['rate', '--input']],
    ['missing --input', ['rate'], /--input/],
    ['unreadable file (missing)', ['rate', '--input', fixture('does-not-exist.json')], /does-not-exist\.json/],
    ['unreadable file (a directory)', ['rate', '--input', 'tests/scenario/fixtures'], /tests\/scenario\/fixtures/],
    ['invalid JSON', ['rate', '--input', fixture('invalid-json.json')], /invalid-json\.json/],
    ['not an array', ['rate', '--input', fixture('object-not-array.json')], /object-not-array\.json/],
    ['unknown regulation', ['rate', '--input', DEMO, '--regulation', 'qd-999-2099'], /qd-999-2099/],
    ['bad --format', ['rate', '--input', DEMO, '--format', 'xml'], /xml/],
    ['bad --format=', ['rate', '--input', DEMO, '--format=csv'], /csv/],
    ['bad --lang', ['rate', '--input', DEMO, '--lang', 'fr'], /\bfr\b/],
    ['bad --lang on regulations', ['regulations', '--lang', 'de'], /\bde\b/],
    ['bad --format on regulations', ['regulations', '--format', 'yaml'], /yaml/],
    ['unknown command', ['frobnicate'], /frobnicate/],
    ['test without files', ['test']],
    ['unknown regulation for test', ['test', fixture('case-single.yaml'), '--regulation', 'qd-000'], /qd-000/],
  ];

  it.each(cases)('%s', (_what, args, mentions) => {
    const r = kiemdiem(...args);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).not.toBe('');
    if (mentions) expect(r.stderr).toMatch(mentions);
    expect(r.stdout).not.toContain('"results"');
    expect(r.stdout).not.toMatch(/passed, \d+ failed|ca đạt, \d+ ca sai/);
    expectNoStackTrace(r.stderr);
    expectNoStackTrace(r.stdout);
  });

  it('speaks English with --lang en', () => {
    const r = kiemdiem('rate', '--input', fixture('does-not-exist.json'), '--lang', 'en');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/does-not-exist\.json/);
    expect(r.stderr).not.toMatch(/Không|tệp/);
  });

  it('speaks Vietnamese by default', () => {
    const r = kiemdiem('rate', '--input', fixture('object-not-array.json'));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/mảng/);
  });
});

describe('kiemdiem --help', () => {
  it('exits 0 and documents the three commands and the exit codes', () => {
    const r = kiemdiem('--help');
    expect(r.status).toBe(0);
    expectNoStackTrace(r.stderr);
    for (const word of ['rate', '--input', '--format', '--lang', 'test', 'regulations']) expect(r.stdout).toContain(word);
    expect(r.stdout).toMatch(/\b0\b[\s\S]*\b1\b[\s\S]*\b2\b/);
  });

  it('rate --help exits 0 too', () => {
    expect(kiemdiem('rate', '--help').status).toBe(0);
  });
});

describe('kiemdiem --version', () => {
  const { version } = readJsonFile<{ version: string }>('packages/cli/package.json');
  const node = (...args: string[]) => spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', timeout: 30_000 }).stdout;

  /** `run(['--version'])` of the built package, imported (ESM) or required (CJS). */
  const fromCode = (load: string) => `${load}.run(['--version'], { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) })`;

  it("prints packages/cli/package.json's version, from the binary and from the ESM and CJS builds", () => {
    for (const flag of ['--version', '-v']) expect(kiemdiem(flag)).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
    expect(node('--input-type=module', '-e', `await ${fromCode("(await import('@kiemdiem/cli'))")};`)).toBe(`${version}\n`);
    expect(node('--input-type=commonjs', '-e', `${fromCode("require('@kiemdiem/cli')")};`)).toBe(`${version}\n`);
  });
});

describe('kiemdiem regulations', () => {
  it('--format json lists qd-366-2025 (366-QĐ/TW, in force from 30/8/2025)', () => {
    const r = kiemdiem('regulations', '--format', 'json');
    expect(r.status).toBe(0);
    expectNoStackTrace(r.stderr);
    const list = JSON.parse(r.stdout) as Array<{ id: string; number: string; effective: { from: string; to: string | null } }>;
    expect(Array.isArray(list)).toBe(true);
    const qd = list.find((x) => x.id === 'qd-366-2025');
    expect(qd).toBeDefined();
    expect(qd!.number).toBe('366-QĐ/TW');
    expect(qd!.effective.from).toBe('2025-08-30');
    expect(qd!.effective.to).toBeNull();
    expect(new Set(list.map((x) => x.id)).size).toBe(list.length);
  });

  it('the default table lists it as well', () => {
    const r = kiemdiem('regulations');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/qd-366-2025\s+366-QĐ\/TW/);
  });
});
