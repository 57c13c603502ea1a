/**
 * Bad input over HTTP: every error is an RFC 9457 problem document with the right status and code, in the
 * request's language, and never a stack trace.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, problemOf, startServer } from './server-helpers';
import type { Listening } from '@kiemdiem/server';

let server: Listening;
let base: string;
beforeAll(async () => {
  server = await startServer({ bodyLimit: 64 * 1024 });
  base = server.url;
});
afterAll(async () => server.close());

const subject = { id: 'a', kind: 'individual', audience: 'non-leader', period: { year: 2025 }, score: { common: 25, tasks: 60 }, tasks: { assigned: 10, completed: 10, onTime: 10, exceeded: 0 } };

function noStack(problem: Record<string, unknown>) {
  expect(JSON.stringify(problem)).not.toMatch(/\bat .+\.(js|ts|cjs):\d+/);
  expect(problem.type).toBe('https://github.com/kiemdiem/kiemdiem/blob/main/docs/server.md#errors');
}

describe('bad input', () => {
  it('malformed JSON is 400 bad-json, in Vietnamese by default and English on request', async () => {
    const vi = await post(base, '/rate', '{"subjects": [');
    expect(vi.status).toBe(400);
    const p = await problemOf(vi);
    expect(p).toMatchObject({ status: 400, code: 'bad-json', title: 'JSON không hợp lệ', instance: '/rate' });
    expect(p.detail).toMatch(/^Nội dung yêu cầu không phải JSON hợp lệ: /);
    noStack(p);
    const en = await post(base, '/rate', '{"subjects": [', 'application/json', { 'accept-language': 'en-GB,en;q=0.9' });
    expect(await problemOf(en)).toMatchObject({ status: 400, code: 'bad-json', title: 'Malformed JSON' });
    const q = await post(base, '/rate?lang=en', '', 'application/json');
    expect(q.status).toBe(400);
    expect((await problemOf(q)).title).toBe('Malformed JSON');
  });

  it('a wrong content type is 415', async () => {
    const r = await post(base, '/rate', JSON.stringify({ subjects: [subject] }), 'text/plain');
    expect(r.status).toBe(415);
    const p = await problemOf(r);
    expect(p).toMatchObject({ code: 'unsupported-media-type', status: 415 });
    expect(p.detail).toContain('text/plain');
    const form = await post(base, '/forms/hd43-2025/02b/pdf', 'a=1', 'application/x-www-form-urlencoded');
    expect(form.status).toBe(415);
  });

  it('an oversized body is 413 and the server keeps answering', async () => {
    const big = JSON.stringify({ subjects: Array.from({ length: 2000 }, (_, i) => ({ ...subject, id: `s${i}` })) });
    expect(big.length).toBeGreaterThan(64 * 1024);
    const r = await post(base, '/rate?lang=en', big);
    expect(r.status).toBe(413);
    expect(await problemOf(r)).toMatchObject({ code: 'body-too-large', detail: 'The request body exceeds the 64 KB limit' });
    expect((await fetch(`${base}/health`)).status).toBe(200);
  });

  it('an unknown form is 404 unknown-form, under either spelling of the id; an unknown regulation 404 too', async () => {
    for (const path of ['/forms/hd43-2025/99/pdf', '/forms/hd43-2025%2F99/pdf']) {
      const r = await post(base, path, '{}');
      expect(r.status, path).toBe(404);
      const p = await problemOf(r);
      expect(p.code).toBe('unknown-form');
      expect(p.detail).toContain('hd43-2025/02b');
    }
    const s = await fetch(`${base}/forms/nope/x/schema?lang=en`);
    expect(s.status).toBe(404);
    expect((await problemOf(s)).detail).toMatch(/^No form "nope\/x"/);
    const reg = await fetch(`${base}/regulations/qd-999`);
    expect(reg.status).toBe(404);
    expect((await problemOf(reg)).code).toBe('unknown-regulation');
    const rate = await post(base, '/rate', JSON.stringify({ subjects: [subject], regulation: 'qd-999' }));
    expect(rate.status).toBe(404);
    const path = await fetch(`${base}/nowhere`);
    expect(path.status).toBe(404);
    expect((await problemOf(path)).code).toBe('not-found');
  });

  it('an invalid subject is 422 with the CLI codes and messages, and the rest of the output', async () => {
    const { audience: _a, ...noAudience } = subject;
    const r = await post(base, '/rate', JSON.stringify({ subjects: [subject, { ...noAudience, id: 'b' }] }));
    expect(r.status).toBe(422);
    const p = await problemOf(r);
    expect(p).toMatchObject({ code: 'invalid-subject', status: 422 });
    expect(p.errors).toEqual([expect.objectContaining({ index: 1, id: 'b', path: '/audience', code: 'required', message: 'Thiếu nhóm đối tượng (audience)' })]);
    expect((p.results as unknown[]).length).toBe(1);
    const doc = await post(base, '/forms/hd43-2025/02b/pdf', JSON.stringify({ header: {} }));
    expect(doc.status).toBe(422);
    const dp = await problemOf(doc);
    expect(dp.code).toBe('invalid-subject');
    expect((dp.errors as unknown[]).length).toBeGreaterThan(0);
  });

  it('__proto__, constructor and prototype keys are 400 unsafe-key, also when written with \\u escapes', async () => {
    const bodies = [
      '{"subjects": [{"__proto__": {"admin": true}}]}',
      '{"subjects": [], "parameters": {"constructor": {"prototype": {"x": 1}}}}',
      '{"subjects": [{"id": "a", "x": {"prototype": 1}}]}',
      '{"subjects": [{"\\u005f_proto__": {}}]}',
    ];
    for (const body of bodies) {
      const r = await post(base, '/rate', body);
      expect(r.status, body).toBe(400);
      expect((await problemOf(r)).code).toBe('unsafe-key');
    }
    const form = await post(base, '/forms/hd43-2025/02b/validate', '{"header": {"__proto__": {}}}');
    expect(form.status).toBe(400);
    // A value that merely says "constructor" is fine.
    const fine = await post(base, '/rate', JSON.stringify({ subjects: [{ ...subject, name: 'constructor' }] }));
    expect(fine.status).toBe(200);
  });

  it('fields of the wrong type are 400 invalid-request', async () => {
    for (const body of ['{"subjects": {}}', '[]', '{"subjects": [], "disabledRules": "x"}', '{"subjects": [], "overlays": {}}']) {
      const r = await post(base, '/rate', body);
      expect(r.status, body).toBe(400);
      expect((await problemOf(r)).code).toBe('invalid-request');
    }
  });
});
