/**
 * `kiemdiem rate` on input that used to break it: lines of megabytes on worker threads (a worker ran out of
 * memory and the command hung), bytes that are not UTF-8, UTF-16 files, and a JSON array where JSON Lines
 * may also come (stdin, a .jsonl file). Each record still gets exactly one output line, in order, and the
 * counts line is always last.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, expectNoStackTrace } from './helpers';

interface Line {
  id?: string;
  index?: number;
  line?: number;
  status?: string;
  errors?: Array<{ path: string; code: string; message: string }>;
  counts?: { records: number; rated: number; invalid: number };
}

const dir = mkdtempSync(join(tmpdir(), 'kiemdiem-hard-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const subjects = JSON.parse(readFileSync(join(ROOT, 'examples/chi-bo-2026/subjects.json'), 'utf8')) as Array<Record<string, unknown>>;

/** Runs the binary with a deadline: on the old code the big-line runs hung, and spawnSync then gives status null. */
function run(args: string[], input?: string | Buffer, timeout = 90_000) {
  const r = spawnSync(BIN, args, { cwd: ROOT, input, timeout, maxBuffer: 512 << 20, env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, signal: r.signal, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}
const parse = (text: string): Line[] => text.trimEnd().split('\n').map((l) => JSON.parse(l) as Line);

/**
 * `count` records, the one at `big` padded to about `megabytes` MB with small arrays in an unknown field (what
 * a 96 MB worker heap could not parse: millions of little objects). That record is invalid (unknown field), the
 * others are rated.
 */
function bigLineFile(name: string, count: number, big: number, megabytes: number): string {
  const lines = Array.from({ length: count }, (_, i) => JSON.stringify({ ...subjects[i % subjects.length], id: `r${i}` }));
  lines[big] = JSON.stringify({ ...subjects[0], id: 'big', extra: Array(Math.floor((megabytes * 1e6) / 4)).fill([0]) });
  const file = join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('rate --format jsonl --workers 2 with lines of megabytes', () => {
  it.each([
    { name: 'a 12 MB line among 3', count: 3, big: 1, megabytes: 12 },
    { name: 'a 15.5 MB line among 12', count: 12, big: 4, megabytes: 15.5 },
  ])('$name: one line per record in order, the counts line, exit 1 for the invalid big record, no hang', ({ count, big, megabytes }) => {
    const file = bigLineFile(`big-${count}.jsonl`, count, big, megabytes);
    const r = run(['rate', '--input', file, '--format', 'jsonl', '--workers', '2']);
    expect(r.signal, 'the command hung and was killed').toBeNull();
    expectNoStackTrace(r.stderr);
    expect(r.status).toBe(1);
    const out = parse(r.stdout);
    expect(out).toHaveLength(count + 1);
    out.slice(0, count).forEach((line, i) => {
      if (i === big) expect(line).toMatchObject({ index: big, line: big + 1, id: 'big', errors: [{ code: 'unknown-field', path: '/extra' }] });
      else expect(line).toMatchObject({ id: `r${i}`, status: 'rated' });
    });
    expect(out.at(-1)!.counts).toEqual({ records: count, rated: count - 1, invalid: 1 });
    expect(r.stderr).toContain(`1/${count} dòng không hợp lệ`);
  });
});

describe('rate --format jsonl with bytes that are not UTF-8', () => {
  const good = (id: string) => Buffer.from(`${JSON.stringify({ ...subjects[1], id })}\n`);
  // "b" then 0xFF 0xFE: not UTF-8; the old code decoded them to U+FFFD and rated the record as "b��".
  const [before, after] = JSON.stringify({ ...subjects[2], id: 'b@@' }).split('@@') as [string, string];
  const bad = Buffer.concat([Buffer.from(before), Buffer.from([0xff, 0xfe]), Buffer.from(after)]);
  // A valid line that holds U+FFFD itself (EF BF BD): real UTF-8, rated as written.
  const replacement = good('thay-\uFFFD');
  const input = Buffer.concat([good('a'), bad, Buffer.from('\n'), replacement, good('c')]);

  it.each(['1', '2'])('with --workers %s: the bad line gets bad-encoding (not rated, counted invalid), the others are rated', (workers) => {
    const file = join(dir, `latin-${workers}.jsonl`);
    writeFileSync(file, input);
    const r = run(['rate', '--input', file, '--format', 'jsonl', '--workers', workers]);
    expect(r.status).toBe(1);
    const out = parse(r.stdout);
    expect(out).toHaveLength(5);
    expect(out[0]).toMatchObject({ id: 'a', status: 'rated' });
    expect(out[1]).toEqual({ index: 1, line: 2, errors: [{ path: '', code: 'bad-encoding', message: expect.stringMatching(/^Dòng không phải UTF-8 hợp lệ/) }] });
    expect(out[2]).toMatchObject({ id: 'thay-\uFFFD', status: 'rated' });
    expect(out[3]).toMatchObject({ id: 'c', status: 'rated' });
    expect(out[4]!.counts).toEqual({ records: 4, rated: 3, invalid: 1 });
    expect(r.stdout).not.toContain('b\uFFFD');
  });

  it('says it in English with --lang en', () => {
    const file = join(dir, 'latin-en.jsonl');
    writeFileSync(file, input);
    const out = parse(run(['rate', '--input', file, '--format', 'jsonl', '--lang', 'en']).stdout);
    expect(out[1]!.errors![0]!.message).toMatch(/^Line is not valid UTF-8/);
  });

  it('rate --format json refuses such a file (exit 2), naming the file and line', () => {
    const file = join(dir, 'latin.jsonl');
    writeFileSync(file, input);
    const r = run(['rate', '--input', file, '--format', 'json']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${file}:2`);
    expect(r.stderr).toContain('bad-encoding');
  });
});

describe('UTF-16 input', () => {
  const text = `${JSON.stringify({ ...subjects[1], id: 'a' })}\n${JSON.stringify({ ...subjects[2], id: 'b' })}\n`;
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const be = Buffer.from(text, 'utf16le').swap16();

  it.each([
    { name: 'UTF-16LE with a BOM', bytes: le, encoding: 'UTF-16LE' },
    { name: 'UTF-16BE without a BOM (NUL-laden)', bytes: be, encoding: 'UTF-16BE' },
  ])('$name: refused once with bad-encoding (exit 2), for --format jsonl and json', ({ bytes, encoding }) => {
    const file = join(dir, `utf16-${encoding}.jsonl`);
    writeFileSync(file, bytes);
    for (const format of ['jsonl', 'json']) {
      const r = run(['rate', '--input', file, '--format', format]);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expectNoStackTrace(r.stderr);
      expect(r.stderr.trimEnd().split('\n')).toEqual([`kiemdiem: Tệp ${file} được mã hóa ${encoding}, không phải UTF-8 (bad-encoding): hãy lưu lại dưới dạng UTF-8`]);
      expect(r.stderr).not.toContain('\u0000');
    }
  });

  it('from stdin too', () => {
    const r = run(['rate', '--input', '-', '--format', 'jsonl', '--lang', 'en'], le);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('kiemdiem: - is encoded in UTF-16LE, not UTF-8 (bad-encoding): save it as UTF-8\n');
  });
});

describe('a JSON array where JSON Lines may come', () => {
  const three = subjects.slice(0, 3);
  const array = JSON.stringify(three, null, 2);

  it('rate --input - (json and table) reads a JSON array on stdin as its subjects', () => {
    const r = run(['rate', '--input', '-', '--format', 'json'], array);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const output = JSON.parse(r.stdout) as { results: Array<{ id: string }> };
    expect(output.results.map((x) => x.id)).toEqual(three.map((s) => s.id));
    const table = run(['rate', '--input', '-', '--format', 'table'], JSON.stringify(three));
    expect(table.status).toBe(0);
    for (const s of three) expect(table.stdout).toContain(String(s.id));
  });

  it('rate --input FILE.jsonl reads a JSON array in it the same way', () => {
    const file = join(dir, 'array.jsonl');
    writeFileSync(file, array);
    const r = run(['rate', '--input', file]);
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { results: unknown[] }).results).toHaveLength(3);
  });

  it('rate --format jsonl refuses a JSON array clearly (exit 2) instead of one bad line per line', () => {
    const r = run(['rate', '--input', '-', '--format', 'jsonl', '--lang', 'en'], array);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('kiemdiem: --format jsonl reads JSON Lines (one subject per line), but - holds a JSON array: use --format json or table\n');
  });
});
