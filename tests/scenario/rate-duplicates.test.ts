/**
 * Duplicate ids and hostile input through the built CLI: every format rates the first occurrence of an id
 * only and reports the later ones (duplicate-id, naming the first), the quota counts each subject once;
 * an overlay nested thousands deep or defining a rule twice is a usage error (exit 2), not a crash (exit 3).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, expectNoStackTrace, kiemdiem } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'kiemdiem-dups-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const member = (id: string, exceeded: number) => ({
  id, kind: 'individual', audience: 'non-leader', period: { year: 2026 }, group: 'to-1',
  score: { common: 28, tasks: 65 }, tasks: { assigned: 10, completed: 10, onTime: 10, exceeded },
});

describe('kiemdiem rate with a duplicate id', () => {
  // dv-2 is HTXSNV twice: counted twice, it would make the quota look exceeded.
  const subjects = [member('dv-1', 0), member('dv-2', 4), member('dv-3', 0), member('dv-2', 4)];
  const json = join(dir, 'subjects.json');
  const jsonl = join(dir, 'subjects.jsonl');
  writeFileSync(json, JSON.stringify(subjects));
  writeFileSync(jsonl, `${subjects.map((s) => JSON.stringify(s)).join('\n')}\n`);

  it('--format json: rates the first, reports the second as duplicate-id naming the first, counts HTXSNV once (exit 1)', () => {
    const run = kiemdiem('rate', '--input', json, '--format', 'json');
    expect(run.status).toBe(1);
    const out = JSON.parse(run.stdout);
    expect(out.results.map((r: { id: string }) => r.id)).toEqual(['dv-1', 'dv-2', 'dv-3']);
    expect(out.errors).toEqual([{ id: 'dv-2', index: 3, path: '/id', code: 'duplicate-id', message: expect.stringMatching(/^Mã "dv-2" bị trùng: đã có ở bản ghi index 1/) }]);
    expect(out.quota[0]).toMatchObject({ group: 'to-1', excellent: 1 });
  });

  it('--format table says so too, and --format jsonl with 2 workers writes one line per record', () => {
    const table = kiemdiem('rate', '--input', json, '--format', 'table', '--lang', 'en');
    expect(table.status).toBe(1);
    expect(table.stdout).toMatch(/Id "dv-2" appears twice: first in the record at index 1/);
    const stream = kiemdiem('rate', '--input', jsonl, '--format', 'jsonl', '--workers', '2');
    expect(stream.status).toBe(1);
    const lines = stream.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(5);
    expect(lines[3]).toMatchObject({ index: 3, line: 4, id: 'dv-2', errors: [{ code: 'duplicate-id', message: expect.stringContaining('index 1 (dòng 2)') }] });
    expect(lines[4].counts).toEqual({ records: 4, rated: 3, invalid: 1 });
    expect(lines[4].quota[0]).toMatchObject({ excellent: 1 });
  });
});

describe('hostile overlays', () => {
  const example = JSON.parse(readFileSync(join(ROOT, 'examples/overlays/tinh-vi-du-2026.json'), 'utf8'));
  const input = join(dir, 'one.json');
  writeFileSync(input, JSON.stringify([member('dv-1', 0)]));

  it('an overlay nested 5,000 deep is exit 2 with too-deep naming the file, not exit 3', () => {
    // Written as text: JSON.stringify itself would overflow the stack on 10,000 levels.
    const conditions = `${'{"all":['.repeat(5000)}{"fact":"total","operator":"greaterThan","value":1}${']}'.repeat(5000)}`;
    const file = join(dir, 'deep.json');
    writeFileSync(file, JSON.stringify({ ...example, rules: [{ ...example.rules[0], conditions: '@' }] }).replace('"@"', conditions));
    const run = kiemdiem('rate', '--input', input, '--overlay', file);
    expect(run.status).toBe(2);
    expectNoStackTrace(run.stderr);
    expect(run.stderr).toMatch(/deep\.json: \/rules\/0\/conditions\/all\/0.*nested more than 100 levels deep/);
  });

  it('an overlay defining one rule id twice is exit 2 naming the id and both positions', () => {
    const file = join(dir, 'twice.json');
    writeFileSync(file, JSON.stringify({ ...example, rules: [example.rules[0], example.rules[0]] }));
    const run = kiemdiem('rate', '--input', input, '--overlay', file);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`Rule id "${example.rules[0].name}" is defined twice: /rules/0 and /rules/1`);
  });
});
