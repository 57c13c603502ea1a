import { createRater } from '@kiemdiem/rules';
import { describe, expect, it } from 'vitest';
import { rateNdjson } from './rate-stream';

const subject = (id: string) => ({ id, kind: 'individual', audience: 'non-leader', period: { year: 2025 }, score: { common: 25, tasks: 60 }, tasks: { assigned: 10, completed: 10, onTime: 10, exceeded: 0 }, group: 'Tổ 1' });

async function run(chunks: string[], maxLine?: number) {
  let out = '';
  const counts = await rateNdjson(
    (async function* () {
      for (const c of chunks) yield new TextEncoder().encode(c);
    })(),
    createRater({ lang: 'en' }),
    'en',
    { write: (t) => void (out += t) },
    maxLine,
  );
  return { counts, lines: out.trimEnd().split('\n').map((l) => JSON.parse(l)) };
}

describe('NDJSON rating', () => {
  it('answers one line per line, across chunk boundaries and CRLF, then the counts and quota', async () => {
    const text = `${JSON.stringify(subject('a'))}\r\n\nnot json\n${JSON.stringify(subject('b'))}`;
    const { counts, lines } = await run([text.slice(0, 17), text.slice(17, 80), text.slice(80)]);
    expect(counts).toEqual({ records: 3, rated: 2, invalid: 1 });
    expect(lines.map((l) => l.id ?? l.index ?? 'summary')).toEqual(['a', 2, 'b', 'summary']);
    expect(lines[1].errors[0].code).toBe('bad-json');
    expect(lines.at(-1).quota.length).toBeGreaterThan(0);
  });

  it('answers an overlong line once and drops the rest of it; refuses unsafe keys per line', async () => {
    const long = `{"id": "x", "pad": "${'y'.repeat(300)}"}`;
    const { counts, lines } = await run([long.slice(0, 150), long.slice(150), `\n{"__proto__": {}}\n${JSON.stringify(subject('c'))}\n`], 100);
    expect(counts).toEqual({ records: 3, rated: 1, invalid: 2 });
    expect(lines.map((l) => l.errors?.[0]?.code ?? l.id ?? 'summary')).toEqual(['line-too-long', 'unsafe-key', 'c', 'summary']);
  });
});
