/**
 * `kiemdiem rate --format jsonl --workers N` when workers die or fail: real worker threads running stand-in
 * scripts that exit, or answer every chunk with "failed". Every record still gets its one line, in order, the
 * same as on one thread, with the counts line last; and the command returns (no worker is left running).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { messages } from '../locales';
import { rateStream } from './rate-stream';

const dir = mkdtempSync(join(tmpdir(), 'kiemdiem-rescue-'));
const script = (name: string, body: string) => {
  const file = join(dir, name);
  writeFileSync(file, `import { parentPort } from 'node:worker_threads';\n${body}\n`);
  return pathToFileURL(file);
};
const STAND_INS = {
  // Dies on its first chunk, as a worker out of memory does.
  dies: script('dies.mjs', "parentPort.on('message', () => process.exit(1));"),
  // Throws while loading: the worker never takes a chunk.
  crashes: script('crashes.mjs', "throw new Error('cannot start');"),
  // Says every chunk failed (rateLines threw).
  fails: script('fails.mjs', "parentPort.on('message', (m) => parentPort.postMessage({ type: 'failed', seq: m.seq, error: 'boom' }));"),
};

const subject = (id: string, group: string, exceeded: number) => ({
  id, kind: 'individual', audience: 'non-leader', period: { year: 2026 }, group,
  score: { common: 28, tasks: 65 }, tasks: { assigned: 10, completed: 10, onTime: 10, exceeded },
});
// Enough lines for several chunks of a megabyte, a bad one in the middle.
const records = Array.from({ length: 6000 }, (_, i) => (i === 2500 ? '{"id": "hỏng"' : JSON.stringify(subject(`dv-${i}`, `Tổ ${i % 7}`, i % 3 === 0 ? 4 : 0)).padEnd(400)));
const input = join(dir, 'in.jsonl');
writeFileSync(input, `${records.join('\n')}\n`);

async function collect(workers: number, workerEntry?: URL) {
  const parts: string[] = [];
  const counts = await rateStream({ input, options: { lang: 'vi' }, workers, write: (d) => void parts.push(typeof d === 'string' ? d : new TextDecoder().decode(d)), msg: messages('vi'), ...(workerEntry ? { workerEntry } : {}) });
  return { text: parts.join(''), counts };
}

describe('rate --format jsonl when workers die or fail', () => {
  it.each(Object.keys(STAND_INS) as Array<keyof typeof STAND_INS>)('workers that %s: the output of one thread, the counts line last', async (kind) => {
    const one = await collect(1);
    const rescued = await collect(3, STAND_INS[kind]);
    expect(rescued.counts).toMatchObject({ records: 6000, rated: 5999, invalid: 1 });
    expect(rescued.text).toBe(one.text);
    const last = JSON.parse(rescued.text.trimEnd().split('\n').at(-1)!) as { counts: unknown; quota: unknown[] };
    expect(last.counts).toEqual({ records: 6000, rated: 5999, invalid: 1 });
    expect(last.quota).toHaveLength(7);
  }, 60_000);
});
