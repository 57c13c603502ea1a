/**
 * What `kiemdiem rate --format jsonl --workers N` sends its worker threads. The real worker file is the built
 * one (dist/rate-worker.js; the scenario suite runs it), so here Worker is a stand-in that records its
 * workerData through a structured clone, as postMessage would, and rates its chunks the way the worker does.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rateMany } from '@kiemdiem/rules';
import { describe, expect, it, vi } from 'vitest';
import type { WorkerSetup } from './protocol';

const setups = vi.hoisted(() => [] as unknown[]);

vi.mock('node:worker_threads', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:worker_threads')>();
  const { createRater } = await import('@kiemdiem/rules');
  const { rateChunk } = await import('./rate-chunk');
  const { messages } = await import('../locales');
  // Imported here: the factory runs before the file's own imports.
  const { EventEmitter } = await import('node:events');
  class StandIn extends EventEmitter {
    private readonly rater: ReturnType<typeof createRater>;
    constructor(_entry: URL, init: { workerData: WorkerSetup }) {
      super();
      // What the worker thread would receive: a structured clone of workerData.
      const setup = structuredClone(init.workerData);
      setups.push(setup);
      this.rater = createRater(setup.options, { checkIds: false });
    }
    postMessage(message: { type: string; seq?: number; firstIndex?: number; bytes?: Uint8Array }) {
      setImmediate(() => {
        const { out, ...numbers } = rateChunk(message.bytes!, message.firstIndex!, this.rater, messages('vi'));
        this.emit('message', { type: 'chunk', seq: message.seq, bytes: out, input: message.bytes!.buffer, ...numbers });
      });
    }
    terminate() {
      return Promise.resolve(0);
    }
  }
  return { ...actual, Worker: StandIn };
});

const { run } = await import('../run');

const dir = mkdtempSync(join(tmpdir(), 'kiemdiem-stream-'));
const subject = (id: string, exceeded: number, group: string) => ({
  id, kind: 'individual', audience: 'non-leader', period: { year: 2026 }, group,
  score: { common: 28, tasks: 65 }, tasks: { assigned: 10, completed: 10, onTime: 10, exceeded },
});

describe('rate --format jsonl --workers 2', () => {
  it('gives every worker the rater options, --exceptional-group included (NFC), and marks the quota line', async () => {
    const subjects = [...Array.from({ length: 8 }, (_, i) => subject(`tt-${i}`, 0, 'Tổ Một')), subject('xs-1', 4, 'Tổ Một'), subject('xs-2', 4, 'Tổ Một')];
    const input = join(dir, 'group.jsonl');
    writeFileSync(input, `${subjects.map((s) => JSON.stringify(s)).join('\n')}\n`);
    let stdout = '';
    let stderr = '';
    const code = await run(['rate', '--input', input, '--format', 'jsonl', '--workers', '2', '--lang', 'en', '--exceptional-group', 'Tổ Một'.normalize('NFD')], {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
    });
    expect(code, stderr).toBe(0);
    expect(setups).toHaveLength(2);
    for (const setup of setups as WorkerSetup[]) expect(setup.options).toMatchObject({ lang: 'en', exceptionalGroups: ['Tổ Một'.normalize('NFC')] });
    const lines = stdout.trimEnd().split('\n');
    const library = await rateMany(subjects, { lang: 'en', exceptionalGroups: ['Tổ Một'] });
    expect(lines.slice(0, -1)).toEqual(library.results.map((r) => JSON.stringify(r)));
    const last = JSON.parse(lines.at(-1)!);
    expect(last.quota).toEqual(library.quota);
    expect(last.quota[0]).toMatchObject({ allowed: 2, maxExcellent: 2, exceptional: true });
  });
});

describe('rate --format jsonl: duplicate ids across chunks and workers', () => {
  it('reports each later occurrence as duplicate-id naming the first (index and line), counts the quota once, with 1 or 2 workers alike', async () => {
    // About 2.5 MB: three chunks, so duplicates cross chunks and workers.
    const subjects: Array<Record<string, unknown>> = Array.from({ length: 12_000 }, (_, i) => subject(`s-${i}`, i % 7 === 0 ? 4 : 0, `g${i % 3}`));
    subjects[100] = { ...subject('s-100', 4, 'g1'), score: { common: 31, tasks: 60 } }; // invalid: its id is still taken
    const dups = new Map([[6000, 5], [11_000, 7], [11_500, 100], [11_999, 11_998]]);
    for (const [at, first] of dups) subjects[at] = { ...subjects[first], group: 'g0' };
    const input = join(dir, 'dups.jsonl');
    writeFileSync(input, `${subjects.map((s) => JSON.stringify(s)).join('\n')}\n`);
    const outputs: string[] = [];
    for (const workers of ['1', '2']) {
      let stdout = '';
      const code = await run(['rate', '--input', input, '--format', 'jsonl', '--workers', workers], { stdout: (t) => (stdout += t), stderr: () => undefined });
      expect(code).toBe(1);
      outputs.push(stdout);
    }
    expect(outputs[1]).toBe(outputs[0]);
    const lines = outputs[0]!.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(12_001);
    for (const [at, first] of dups) {
      expect(lines[at]).toEqual({
        index: at,
        line: at + 1,
        id: `s-${first}`,
        errors: [{ path: '/id', code: 'duplicate-id', message: expect.stringContaining(`đã có ở bản ghi index ${first} (dòng ${first + 1})`) }],
      });
    }
    // Everything else as the library rates it, and the quota of first occurrences only.
    const library = await rateMany(subjects);
    expect(lines.filter((l) => l.status !== undefined).map((l) => JSON.stringify(l))).toEqual(library.results.map((r) => JSON.stringify(r)));
    const last = lines.at(-1);
    expect(last.quota).toEqual(library.quota);
    expect(last.counts).toEqual({ records: 12_000, rated: 12_000 - 5, invalid: 5 });
  }, 60_000);
});

