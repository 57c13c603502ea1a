/**
 * `--out` on every command that has one (render, summary, diff, rollup): never over an input (same file after
 * symlinks), `-` is stdout, and a path that cannot be written is a usage error (exit 2) naming it, with no
 * temporary file left behind. Filesystem errors on the paths a user gives are exit 2, never 3 (internal).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, expectNoStackTrace } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'kiemdiem-out-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the binary from `cwd` (the test's own directory, so a file named "-" would show up there). */
function run(args: string[], cwd = dir) {
  const r = spawnSync(BIN, args, { cwd, timeout: 60_000, maxBuffer: 64 << 20, env: { ...process.env, NO_COLOR: '1' } });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
}

const FORM = 'hd43-2025/02b';
const doc = join(dir, 'v.json');
const results = join(dir, 'results.json');
const subjects = join(dir, 'subjects.json');

beforeAll(() => {
  writeFileSync(doc, run(['forms', 'example', FORM]).stdout);
  copyFileSync(join(ROOT, 'examples/rollup/subjects.json'), subjects);
  writeFileSync(results, run(['rate', '--input', subjects, '--format', 'json']).stdout);
});

describe('--out is never one of the inputs', () => {
  const cases: Array<{ name: string; args: () => string[]; input: () => string }> = [
    { name: 'render --input v.json --out v.json', args: () => ['render', '--form', FORM, '--input', doc, '--out', doc], input: () => doc },
    { name: 'summary --input R --out R', args: () => ['summary', '--input', results, '--out', results], input: () => results },
    { name: 'summary --unit U --out U', args: () => ['summary', '--input', results, '--unit', join(ROOT, 'examples/rollup/unit.json'), '--out', join(ROOT, 'examples/rollup/unit.json')], input: () => join(ROOT, 'examples/rollup/unit.json') },
    { name: 'diff --input S --format json --out S', args: () => ['diff', '--from', 'qd-124-2023', '--to', 'qd-366-2025', '--input', subjects, '--out', subjects], input: () => subjects },
    { name: 'rollup --hierarchy H --out H', args: () => ['rollup', '--input', results, '--hierarchy', join(dir, 'units.json'), '--out', join(dir, 'units.json')], input: () => join(dir, 'units.json') },
    // The same file under another name: compared after symlinks.
    { name: 'render --out a symlink to the input', args: () => ['render', '--form', FORM, '--input', doc, '--out', join(dir, 'link.json')], input: () => doc },
  ];
  beforeAll(() => {
    copyFileSync(join(ROOT, 'examples/rollup/units.json'), join(dir, 'units.json'));
    symlinkSync(doc, join(dir, 'link.json'));
  });

  it.each(cases)('$name: exit 2, the input unchanged', ({ args, input }) => {
    const before = readFileSync(input());
    const r = run(args());
    expect(r.status).toBe(2);
    expectNoStackTrace(r.stderr);
    expect(r.stderr).toMatch(/^kiemdiem: --out .* là tệp đầu vào .*: chọn một tệp khác để không ghi đè dữ liệu đầu vào\n$/);
    expect(readFileSync(input())).toEqual(before);
  });

  it('says so in English with --lang en', () => {
    const r = run(['render', '--form', FORM, '--input', doc, '--out', doc, '--lang', 'en']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`kiemdiem: --out ${doc} is the input file ${doc}: choose another file, so the input is not overwritten\n`);
  });
});

describe('--out -', () => {
  it.each([
    { name: 'render', args: ['render', '--form', FORM, '--input', 'v.json', '--out', '-'] },
    { name: 'summary', args: ['summary', '--input', 'results.json', '--out', '-'] },
    { name: 'diff --format pdf', args: ['diff', '--from', 'qd-124-2023', '--to', 'qd-366-2025', '--format', 'pdf', '--out', '-'] },
  ])('$name writes the PDF to stdout, and no file named "-"', ({ args }) => {
    const r = run(args);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.subarray(0, 5).toString()).toBe('%PDF-');
    expect(r.stdout.subarray(-6).toString()).toMatch(/%%EOF\s*$/);
    expect(existsSync(join(dir, '-'))).toBe(false);
  });

  it('rollup --out - writes the JSON to stdout', () => {
    const r = run(['rollup', '--input', 'results.json', '--hierarchy', join(ROOT, 'examples/rollup/units.json'), '--out', '-']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout.toString('utf8'))).toHaveProperty('units');
    expect(existsSync(join(dir, '-'))).toBe(false);
  });
});

describe('a path that cannot be written or read: exit 2 naming it, nothing left behind', () => {
  it('--out under a file (ENOTDIR), for each command: no temporary file next to it', () => {
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, 'x');
    for (const args of [
      ['render', '--form', FORM, '--input', doc, '--out', join(blocker, 'x.pdf')],
      ['summary', '--input', results, '--out', join(blocker, 'x.pdf')],
      ['rollup', '--input', results, '--hierarchy', join(ROOT, 'examples/rollup/units.json'), '--out', join(blocker, 'x.json')],
    ]) {
      const r = run(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(`Không ghi được tệp ${join(blocker, args[0] === 'rollup' ? 'x.json' : 'x.pdf')}`);
      expect(r.stderr).toContain('ENOTDIR');
    }
  });

  it('--out onto a directory: exit 2, the directory untouched and no temporary file', () => {
    const target = join(dir, 'a-dir');
    mkdirSync(target);
    const r = run(['render', '--form', FORM, '--input', doc, '--out', target]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`Không ghi được tệp ${target}`);
    expect(readdirSync(target)).toEqual([]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('render-batch --out-dir in /proc: exit 2 (it used to spin forever in mkdir)', () => {
    const r = spawnSync(BIN, ['render-batch', '--form', FORM, '--input', doc, '--out-dir', '/proc/kiemdiem-test-out'], { cwd: dir, timeout: 30_000, encoding: 'utf8' });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('/proc/kiemdiem-test-out');
  });

  it.each([
    { name: 'a directory (EISDIR)', input: () => dir, code: 'EISDIR' },
    { name: 'a path under a file (ENOTDIR)', input: () => join(doc, 'x.jsonl'), code: 'ENOTDIR' },
    { name: 'a missing file (ENOENT)', input: () => join(dir, 'missing.jsonl'), code: 'ENOENT' },
  ])('rate --format jsonl --input $name: exit 2 naming the path, not 3', ({ input, code }) => {
    const r = run(['rate', '--input', input(), '--format', 'jsonl']);
    expect(r.status).toBe(2);
    expectNoStackTrace(r.stderr);
    expect(r.stderr).toMatch(new RegExp(`^kiemdiem: Không đọc được tệp ${input().replace(/[/.]/g, '\\$&')}: .*\\(${code}\\)\\n$`));
    expect(r.stdout.length).toBe(0);
  });
});

describe('diff and summary with invalid subjects: output for the valid ones, the invalid listed, exit 1', () => {
  const mixed = join(dir, 'mixed.json');
  beforeAll(() => {
    const list = JSON.parse(readFileSync(subjects, 'utf8')) as Array<Record<string, unknown>>;
    writeFileSync(mixed, JSON.stringify([...list.slice(0, 3), { ...list[0], id: 'hong', score: { common: 99, tasks: 5 } }]));
  });

  it('diff --input: exit 1, the report still holds every subject, the invalid one listed with its error', () => {
    const r = run(['diff', '--from', 'qd-124-2023', '--to', 'qd-366-2025', '--input', mixed]);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout.toString('utf8')) as { impact: { total: number; errors: Array<{ id?: string; index: number; path: string }> } };
    expect(report.impact.total).toBe(4);
    expect(report.impact.errors.length).toBeGreaterThan(0);
    expect(report.impact.errors.every((e) => e.id === 'hong' && e.index === 3)).toBe(true);
    expect(r.stderr).toMatch(/^1\/4 đối tượng không hợp lệ/);
    expect(r.stderr).toContain('- #3 (hong) /score/common:');
  });

  it('summary: writes the PDF of the valid ones, lists the invalid, exit 1', () => {
    const rated = run(['rate', '--input', mixed, '--format', 'json']);
    expect(rated.status).toBe(1);
    const mixedResults = join(dir, 'mixed-results.json');
    writeFileSync(mixedResults, rated.stdout);
    const out = join(dir, 'mixed.pdf');
    const r = run(['summary', '--input', mixedResults, '--out', out]);
    expect(r.status).toBe(1);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    expect(r.stderr).toContain('1 đối tượng không hợp lệ trong tệp kết quả không có trong danh sách');
    expect(r.stderr).toContain('- #3 (hong) /score/common:');
    expect(r.stderr).toContain(`Đã ghi ${out} (3 đối tượng)`);
  });
});
