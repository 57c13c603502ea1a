/**
 * `kiemdiem rate --format jsonl` as a host pipes it: JSON Lines in, one line out per record (result or
 * errors, in input order), then a last line with the quota and the counts; the same output with worker
 * threads; the same decisions as `rate --format json` on the same subjects and as the reference engine.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, expectNoStackTrace, kiemdiem } from './helpers';

interface Line {
  id?: string;
  index?: number;
  line?: number;
  status?: string;
  level?: string | null;
  reasons?: unknown[];
  errors?: Array<{ path: string; code: string; message: string }>;
  quota?: Array<{ group: string; excellent: number; good: number }>;
  counts?: { records: number; rated: number; invalid: number };
}

const dir = mkdtempSync(join(tmpdir(), 'kiemdiem-stream-'));
const subjects = JSON.parse(readFileSync(join(ROOT, 'examples/chi-bo-2026/subjects.json'), 'utf8')) as Array<Record<string, unknown>>;
const parse = (text: string): Line[] => text.trimEnd().split('\n').map((l) => JSON.parse(l) as Line);

/** 3,000 records: the chi bộ over and over with distinct ids, a bad JSON line, an invalid subject, blank lines, CRLF. */
const lines: string[] = [];
for (let i = 0; i < 3000; i++) {
  if (i === 1234) lines.push('{"id": "hỏng", "kind": ');
  else if (i === 2000) lines.push(JSON.stringify({ ...subjects[1], id: 'sai-diem', score: { common: 31, tasks: 60 } }));
  else lines.push(JSON.stringify({ ...subjects[i % subjects.length], id: `dv-${i}` }));
}
const input = join(dir, 'subjects.jsonl');

beforeAll(() => {
  writeFileSync(input, `${lines.slice(0, 10).join('\r\n')}\r\n\n${lines.slice(10).join('\n')}\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kiemdiem rate --format jsonl', () => {
  let single: ReturnType<typeof kiemdiem>;
  beforeAll(() => {
    single = kiemdiem('rate', '--input', input, '--format', 'jsonl');
  });

  it('writes one line per record in input order, then the quota and counts; exit 1 for the bad records', () => {
    expect(single.status).toBe(1);
    expectNoStackTrace(single.stderr);
    expect(single.stderr).toContain('2/3000 dòng không hợp lệ');
    const out = parse(single.stdout);
    expect(out).toHaveLength(3001);
    const records = out.slice(0, 3000);
    // The blank line after line 10 is not a record but keeps its number: line numbers match the file.
    const bad = records.find((r) => r.errors && r.errors[0]!.code === 'bad-json')!;
    expect(bad.line).toBe(1236);
    expect(bad.errors![0]!.message).toMatch(/^Dòng không phải JSON hợp lệ/);
    const invalid = records.find((r) => r.id === 'sai-diem')!;
    expect(invalid.errors!.map((e) => e.path)).toEqual(['/score/common']);
    expect(invalid.line).toBe(2002);
    expect(records.filter((r) => r.status).map((r) => r.id)).toEqual(lines.map((l, i) => (i === 1234 || i === 2000 ? null : `dv-${i}`)).filter(Boolean));
    const last = out[3000]!;
    expect(last.counts).toEqual({ records: 3000, rated: 2998, invalid: 2 });
    expect(last.quota!.length).toBeGreaterThan(0);
  });

  it('gives the same decisions and quota as rate --format json on the same subjects', () => {
    const array = join(dir, 'subjects.json');
    const valid = lines.filter((_, i) => i !== 1234 && i !== 2000).map((l) => JSON.parse(l));
    writeFileSync(array, JSON.stringify(valid));
    const json = kiemdiem('rate', '--input', array, '--format', 'json');
    expect(json.status).toBe(0);
    const whole = JSON.parse(json.stdout) as { results: Line[]; quota: unknown[] };
    const streamed = parse(single.stdout).filter((r) => r.status);
    expect(streamed).toEqual(whole.results);
    expect(parse(single.stdout).at(-1)!.quota).toEqual(whole.quota);
  });

  it('with --workers 2 writes byte-identical output', () => {
    const two = kiemdiem('rate', '--input', input, '--format', 'jsonl', '--workers', '2');
    expect(two.status).toBe(1);
    expect(two.stdout).toBe(single.stdout);
  });

  it('reads stdin with --input -', () => {
    const r = spawnSync(BIN, ['rate', '--input', '-', '--format', 'jsonl', '--lang', 'en'], { cwd: ROOT, input: lines.slice(0, 5).join('\n'), encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(r.status).toBe(0);
    const out = parse(r.stdout);
    expect(out).toHaveLength(6);
    expect(out[5]!.counts).toEqual({ records: 5, rated: 5, invalid: 0 });
  });

  it('rejects a bad --workers or --engine with exit 2 and a message naming the flag', () => {
    const w = kiemdiem('rate', '--input', input, '--format', 'jsonl', '--workers', 'hai');
    expect(w.status).toBe(2);
    expect(w.stderr).toContain('--workers');
    const e = kiemdiem('rate', '--input', input, '--engine', 'nhanh');
    expect(e.status).toBe(2);
    expect(e.stderr).toContain('--engine');
    expectNoStackTrace(w.stderr + e.stderr);
  });
});

describe('kiemdiem rate --engine reference', () => {
  it('gives the same JSON as the compiled engine', () => {
    const file = join(ROOT, 'examples/chi-bo-2026/subjects.json');
    const compiled = kiemdiem('rate', '--input', file);
    const reference = kiemdiem('rate', '--input', file, '--engine', 'reference');
    expect(compiled.status).toBe(0);
    expect(reference.stdout).toBe(compiled.stdout);
  });

  it('kiemdiem test passes every case of the three packs with both engines', () => {
    const files = ['qd-366-2025', 'qd-124-2023', 'qd-132-2018'].flatMap((pack) => {
      const cases = join('packages/rules/regulations', pack, 'cases');
      return readdirSync(join(ROOT, cases)).map((f) => join(cases, f));
    });
    const counts = ['compiled', 'reference'].map((engine) => {
      const r = kiemdiem('test', ...files, '--engine', engine);
      expect(r.status, `${engine}: ${r.stdout}`).toBe(0);
      return /(\d+) ca đạt, 0 ca sai/.exec(r.stdout)![1];
    });
    expect(Number(counts[0])).toBeGreaterThan(200);
    expect(counts[1]).toBe(counts[0]);
  });
});

describe('kiemdiem rate --format jsonl | head', () => {
  it('stops quietly when the reader closes the pipe early', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [BIN, 'rate', '--input', input, '--format', 'jsonl'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    // Read the first line, then close the pipe, as `head -1` does.
    const first = await new Promise<string>((resolve) => {
      let text = '';
      child.stdout.on('data', (d) => {
        text += d;
        if (text.includes('\n')) {
          child.stdout.destroy();
          resolve(text.slice(0, text.indexOf('\n')));
        }
      });
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect((JSON.parse(first) as Line).id).toBe('dv-0');
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

/*
 * A national run moves gigabytes through the stream's buffers, so they are reused once written out: input
 * buffers come back from the workers, output buffers go back to them, and shared reasons are written from
 * bytes kept per reason. Twenty thousand records (about 9 MB, nine chunks) exercise every reuse. Each line
 * must be what JSON.stringify gives for the same result, with 1 and 2 workers, writing to a pipe and to a file.
 */
describe('kiemdiem rate --format jsonl over many chunks', () => {
  const big = join(dir, 'many.jsonl');
  const count = 20_000;
  const records = Array.from({ length: count }, (_, i) => ({ ...subjects[i % subjects.length], id: `dv-${i}`, name: `Đảng viên số ${i}` }));

  it('writes JSON.stringify of each result, in order, whatever the buffers and workers', async () => {
    writeFileSync(big, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
    const { rateManySync } = await import('@kiemdiem/rules');
    const expected = `${rateManySync(records).results.map((r) => JSON.stringify(r)).join('\n')}\n`;
    const outputs = [1, 2].map((workers) => {
      const r = spawnSync(process.execPath, [BIN, 'rate', '--input', big, '--format', 'jsonl', '--workers', String(workers)], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
      expect(r.status, r.stderr).toBe(0);
      return r.stdout;
    });
    const toFile = join(dir, 'many-out.jsonl');
    const viaFile = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" rate --input "${big}" --format jsonl --workers 2 > "${toFile}"`], { cwd: ROOT, encoding: 'utf8' });
    expect(viaFile.status, viaFile.stderr).toBe(0);
    outputs.push(readFileSync(toFile, 'utf8'));
    for (const out of outputs) {
      expect(out.length).toBeGreaterThan(count * 1000);
      const body = out.slice(0, out.lastIndexOf('\n', out.length - 2) + 1); // all but the quota line
      expect(body === expected, 'a line differs from JSON.stringify of its result').toBe(true);
    }
  }, 120_000);
});
