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
  const { countingRater } = await import('./chunk-tally');
  const { messages } = await import('../locales');
  // Imported here: the factory runs before the file's own imports.
  const { EventEmitter } = await import('node:events');
  class StandIn extends EventEmitter {
    private readonly counting: ReturnType<typeof countingRater>;
    constructor(_entry: URL, init: { workerData: WorkerSetup }) {
      super();
      // What the worker thread would receive: a structured clone of workerData.
      const setup = structuredClone(init.workerData);
      setups.push(setup);
      this.counting = countingRater(createRater(setup.options));
    }
    postMessage(message: { type: string; seq?: number; firstIndex?: number; bytes?: Uint8Array }) {
      setImmediate(() => {
        const { out, ...numbers } = rateChunk(message.bytes!, message.firstIndex!, this.counting.rater, messages('vi'));
        this.emit('message', { type: 'chunk', seq: message.seq, bytes: out, input: message.bytes!.buffer, counts: this.counting.take(), ...numbers });
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
