/**
 * examples/portal as a host would copy it, against the adversarial run of issue 16: each test here failed on the
 * portal before it (no sign-in, no Host/Origin check, last write wins, no paging, unbounded bodies and errors).
 * The server is the built one, a child process on 127.0.0.1 (portal-helpers.ts); requests are real HTTP.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exampleFor, resolveRef, schemaFor, type JsonSchema } from '@kiemdiem/forms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPortal, PortalServer, writeUsers, type PortalClient } from './portal-helpers';

const doc02b = (name: string) => {
  const d = structuredClone(exampleFor('hd43-2025/02b')) as Record<string, any>;
  d.identity.fullName = name;
  return d;
};

/** Sends raw bytes and returns what the server answers (status line and body) and how long it took. */
function raw(port: number, request: string | Buffer, waitMs = 30_000): Promise<{ text: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let text = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ text, ms: Date.now() - started });
    }, waitMs);
    socket.on('data', (c) => (text += c.toString('utf8')));
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ text, ms: Date.now() - started });
    });
    socket.on('error', reject);
    socket.write(request);
  });
}

describe('examples/portal: sign-in, access, Host/Origin, concurrency and limits (issue 16)', () => {
  let dir: string;
  let server: PortalServer;
  let member1: PortalClient;
  let member2: PortalClient;
  let secretary: PortalClient;
  let otherSecretary: PortalClient;

  beforeAll(async () => {
    buildPortal();
    dir = mkdtempSync(join(tmpdir(), 'kiemdiem-portal-sec-'));
    server = new PortalServer(dir);
    writeUsers(server.users);
    await server.start();
    member1 = await server.signIn('dangvien1');
    member2 = await server.signIn('dangvien2');
    secretary = await server.signIn('bithu');
    otherSecretary = await server.signIn('bithu2');
  });

  afterAll(async () => {
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  describe('who may do what', () => {
    it('answers 401 to every API route without a session, and stores nothing', async () => {
      const routes: Array<[string, string, RequestInit?]> = [
        ['GET', '/api/drafts'],
        ['GET', '/api/drafts/dv-anon'],
        ['GET', '/api/settings'],
        ['PUT', '/api/drafts/dv-anon', { headers: { 'content-type': 'application/json', 'if-none-match': '*' }, body: JSON.stringify({ formId: 'hd43-2025/02b', document: {} }) }],
        ['DELETE', '/api/drafts/dv-anon', { headers: { 'if-match': '"1"' } }],
      ];
      for (const [method, path, init] of routes) {
        const res = await server.fetch(path, { method, ...init });
        expect(res.status, `${method} ${path}`).toBe(401);
        expect((await res.json()).error).toMatchObject({ code: 'unauthenticated', message: 'Đồng chí cần đăng nhập.' });
      }
      expect((await member1.get('dv-anon')).status).toBe(404);
      // Who is signed in: nobody, said with 200 so that the page can ask without an error in the console.
      expect(await (await server.fetch('/api/session')).json()).toEqual({ user: null });
      // A forged cookie is no session.
      const forged = await server.fetch('/api/drafts', { headers: { cookie: 'kd_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' } });
      expect(forged.status).toBe(401);
    });

    it('refuses a wrong password with 401, and holds a username off after 5 failures (429)', async () => {
      const wrong = () => server.fetch('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bithu2', password: 'doan-mo' }) });
      for (let i = 0; i < 5; i++) {
        const res = await wrong();
        expect(res.status).toBe(401);
        expect((await res.json()).error.code).toBe('bad-credentials');
      }
      const held = await wrong();
      expect(held.status).toBe(429);
      expect(Number(held.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await held.json()).error.code).toBe('too-many-attempts');
      const unknown = await server.fetch('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'ai-do', password: 'x' }) });
      expect(unknown.status).toBe(401);
    });

    it('sets the session cookie HttpOnly and SameSite=Strict, and signs out', async () => {
      const res = await server.fetch('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'dangvien2', password: 'pw-dangvien2' }) });
      const cookie = res.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      expect(cookie).toMatch(/Path=\//);
      const session = cookie.split(';')[0]!;
      expect((await (await server.fetch('/api/session', { headers: { cookie: session } })).json()).user).toMatchObject({ username: 'dangvien2', role: 'member' });
      expect((await server.fetch('/api/session', { method: 'DELETE', headers: { cookie: session } })).status).toBe(204);
      expect((await (await server.fetch('/api/session', { headers: { cookie: session } })).json()).user).toBeNull();
      expect((await server.fetch('/api/drafts', { headers: { cookie: session } })).status).toBe(401);
    });

    it('a member sees and changes only their own drafts; others’ answer 404; the secretary reads the chi bộ’s but cannot change them (403)', async () => {
      const created = await member1.put('dv-rieng-1', { formId: 'hd43-2025/02b', document: doc02b('Trần Thị Hồng Nhung') });
      expect(created.status).toBe(201);
      expect(created.headers.get('etag')).toBe('"1"');
      expect((await created.json()).draft).toMatchObject({ owner: 'dangvien1', chiBo: 'cb-tong-hop', version: 1 });

      // The other member: not in the list, 404 on read, overwrite and delete; the draft is untouched.
      const list2 = (await (await member2.fetch('/api/drafts')).json()).drafts as Array<{ id: string }>;
      expect(list2.map((d) => d.id)).not.toContain('dv-rieng-1');
      expect((await member2.get('dv-rieng-1')).status).toBe(404);
      expect((await member2.put('dv-rieng-1', { formId: 'hd43-2025/02b', document: doc02b('Kẻ ghi đè') }, 1)).status).toBe(404);
      expect((await member2.remove('dv-rieng-1', 1)).status).toBe(404);
      // Creating over someone's id is no way in either.
      expect((await member2.put('dv-rieng-1', { formId: 'hd43-2025/02b', document: doc02b('Kẻ ghi đè') })).status).toBe(412);

      // The secretary of the chi bộ reads it, and may not edit it.
      const seen = await secretary.get('dv-rieng-1');
      expect(seen.status).toBe(200);
      expect(seen.body.draft.fullName).toBe('Trần Thị Hồng Nhung');
      const edit = await secretary.put('dv-rieng-1', { formId: 'hd43-2025/02b', document: doc02b('Bí thư sửa') }, 1);
      expect(edit.status).toBe(403);
      expect((await edit.json()).error.code).toBe('forbidden');
      // Another chi bộ's secretary does not see it.
      expect((await otherSecretary.get('dv-rieng-1')).status).toBe(404);
      expect(((await (await otherSecretary.fetch('/api/drafts')).json()).drafts as unknown[]).length).toBe(0);

      const after = await member1.get('dv-rieng-1');
      expect(after.body.draft).toMatchObject({ fullName: 'Trần Thị Hồng Nhung', version: 1 });
    });

    it('a draft’s form cannot be changed by PUT (409 form-mismatch)', async () => {
      expect((await member1.put('dv-doi-mau', { formId: 'hd43-2025/02b', document: doc02b('A') })).status).toBe(201);
      const res = await member1.put('dv-doi-mau', { formId: 'hd43-2025/02a', document: {} }, 1);
      expect(res.status).toBe(409);
      expect((await res.json()).error).toMatchObject({ code: 'form-mismatch' });
      expect((await member1.get('dv-doi-mau')).body.draft).toMatchObject({ formId: 'hd43-2025/02b', version: 1 });
    });
  });

  describe('Host and Origin', () => {
    it('answers 421 to a Host that is not the portal’s (DNS rebinding), even with a session', async () => {
      for (const path of ['/api/drafts', '/api/drafts/dv-rieng-1', '/']) {
        const r = await raw(server.port, `GET ${path} HTTP/1.1\r\nHost: evil.example:${server.port}\r\nCookie: ${member1.cookie}\r\nConnection: close\r\n\r\n`);
        expect(r.text, path).toMatch(/^HTTP\/1\.1 421 /);
        expect(r.text).not.toContain('Trần Thị Hồng Nhung');
      }
      const localhost = await raw(server.port, `GET /api/drafts HTTP/1.1\r\nHost: localhost:${server.port}\r\nCookie: ${member1.cookie}\r\nConnection: close\r\n\r\n`);
      expect(localhost.text).toMatch(/^HTTP\/1\.1 200 /);
    });

    it('refuses another origin (403), and a state-changing request that does not say it comes from the portal (CSRF)', async () => {
      const foreign = await member1.fetch('/api/drafts', { headers: { origin: 'http://evil.example' } });
      expect(foreign.status).toBe(403);
      expect((await foreign.json()).error.code).toBe('bad-origin');
      const body = JSON.stringify({ formId: 'hd43-2025/02b', document: doc02b('CSRF') });
      const crossSite = await member1.fetch('/api/drafts/dv-csrf', { method: 'PUT', headers: { origin: 'http://evil.example', 'content-type': 'application/json', 'if-none-match': '*' }, body });
      expect(crossSite.status).toBe(403);
      // No Origin at all (a plain form post from an old browser, a script): refused unless Sec-Fetch-Site says same-origin.
      const noOrigin = await fetch(`${server.origin}/api/drafts/dv-csrf`, { method: 'PUT', headers: { cookie: member1.cookie, 'content-type': 'application/json', 'if-none-match': '*' }, body });
      expect(noOrigin.status).toBe(403);
      const del = await fetch(`${server.origin}/api/drafts/dv-rieng-1`, { method: 'DELETE', headers: { cookie: member1.cookie, 'if-match': '"1"' } });
      expect(del.status).toBe(403);
      expect((await member1.get('dv-csrf')).status).toBe(404);
      expect((await member1.get('dv-rieng-1')).status).toBe(200);
    });
  });

  describe('optimistic concurrency', () => {
    it('requires a precondition (428), gives an ETag, refuses a stale copy saved late (412) and keeps the newer edit', async () => {
      expect((await member1.put('dv-cu-moi', { formId: 'hd43-2025/02b', document: doc02b('Bản đầu') })).status).toBe(201);
      const noPrecondition = await member1.fetch('/api/drafts/dv-cu-moi', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ formId: 'hd43-2025/02b', document: doc02b('Không điều kiện') }) });
      expect(noPrecondition.status).toBe(428);
      expect((await noPrecondition.json()).error.code).toBe('precondition-required');
      expect((await member1.fetch('/api/drafts/dv-cu-moi', { method: 'DELETE' })).status).toBe(428);

      // Two tabs read version 1; the second saves first, the first saves its stale copy late.
      const { etag } = await member1.get('dv-cu-moi');
      expect(etag).toBe('"1"');
      expect((await member1.put('dv-cu-moi', { formId: 'hd43-2025/02b', document: doc02b('Bản mới hơn') }, 1)).status).toBe(200);
      const late = await member1.put('dv-cu-moi', { formId: 'hd43-2025/02b', document: doc02b('Bản cũ lưu muộn') }, 1);
      expect(late.status).toBe(412);
      expect(late.headers.get('etag')).toBe('"2"');
      expect((await late.json()).error.code).toBe('stale-draft');
      expect((await member1.get('dv-cu-moi')).body.draft).toMatchObject({ fullName: 'Bản mới hơn', version: 2 });
      // A stale delete is refused too.
      expect((await member1.remove('dv-cu-moi', 1)).status).toBe(412);
      expect((await member1.remove('dv-cu-moi', 2)).status).toBe(204);
    });

    it('40 concurrent PUTs over one version: exactly one wins, 39 get 412, nothing is lost silently', async () => {
      expect((await member1.put('dv-dong-thoi', { formId: 'hd43-2025/02b', document: doc02b('Gốc') })).status).toBe(201);
      const results = await Promise.all(
        Array.from({ length: 40 }, async (_, i) => {
          const res = await member1.put('dv-dong-thoi', { formId: 'hd43-2025/02b', document: doc02b(`Người viết ${i}`) }, 1);
          return { i, status: res.status };
        }),
      );
      const winners = results.filter((r) => r.status === 200);
      expect(winners).toHaveLength(1);
      expect(results.filter((r) => r.status === 412)).toHaveLength(39);
      expect((await member1.get('dv-dong-thoi')).body.draft).toMatchObject({ fullName: `Người viết ${winners[0]!.i}`, version: 2 });
    });
  });

  describe('lists', () => {
    it('pages GET /api/drafts (limit, cursor, at most 100) and lists no documents', async () => {
      const ids = Array.from({ length: 23 }, (_, i) => `dv-trang-${String(i).padStart(2, '0')}`);
      for (const id of ids) expect((await member2.put(id, { formId: 'hd43-2025/02b', document: doc02b(id) })).status).toBe(201);
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const res = await member2.fetch(`/api/drafts?limit=10${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.status).toBe(200);
        const page = await res.json();
        expect(page.drafts.length).toBeLessThanOrEqual(10);
        for (const d of page.drafts) expect(d).not.toHaveProperty('document');
        seen.push(...page.drafts.map((d: { id: string }) => d.id));
        cursor = page.next;
        pages += 1;
      } while (cursor && pages < 10);
      expect(seen).toEqual(ids);
      expect(pages).toBe(3);
      // The default page is 50; more than 100 per page, or a cursor that is not one, is refused.
      for (const q of ['limit=101', 'limit=0', 'limit=abc', 'cursor=%2F%2F%2F']) {
        const res = await member2.fetch(`/api/drafts?${q}`);
        expect(res.status, q).toBe(400);
        expect((await res.json()).error.code).toBe('bad-query');
      }
      // The secretary's list is the chi bộ's: both members' drafts, paged.
      const first = await (await secretary.fetch('/api/drafts?limit=100')).json();
      const owners = new Set(first.drafts.map((d: { owner: string }) => d.owner));
      expect(owners).toEqual(new Set(['dangvien1', 'dangvien2']));
    });
  });

  describe('what a body may be', () => {
    it('refuses NUL and control characters in names (422), stores nothing', async () => {
      for (const [id, name] of [
        ['dv-nul', 'Nguyễn\u0000Văn A'],
        ['dv-bell', 'Nguyễn\u0007Văn A'],
        ['dv-newline', 'Nguyễn\nVăn A'],
      ] as const) {
        const res = await member1.put(id, { formId: 'hd43-2025/02b', document: { identity: { fullName: name } } });
        expect(res.status, JSON.stringify(name)).toBe(422);
        const { error } = await res.json();
        expect(error.code).toBe('invalid-draft');
        expect(error.details).toContainEqual({ path: '/identity/fullName', code: 'control-character', message: '"Họ và tên" có ký tự điều khiển hoặc ký tự không hợp lệ' });
        expect((await member1.get(id)).status).toBe(404);
      }
      // Line breaks stay allowed in the long texts.
      const ok = await member1.put('dv-xuong-dong', { formId: 'hd43-2025/02b', document: { A: { I: { item2: 'Dòng một\nDòng hai' } } } });
      expect(ok.status).toBe(201);
    });

    it('takes only UTF-8 JSON: a UTF-16 body is refused (415 / 400), as are bytes that are not UTF-8 (400 bad-encoding)', async () => {
      const json = JSON.stringify({ formId: 'hd43-2025/02b', document: doc02b('Lê Văn Tám') });
      const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]);
      const declared = await member1.fetch('/api/drafts/dv-utf16', { method: 'PUT', headers: { 'content-type': 'application/json; charset=utf-16le', 'if-none-match': '*' }, body: utf16 });
      expect(declared.status).toBe(415);
      expect((await declared.json()).error.code).toBe('unsupported-media-type');
      const undeclared = await member1.fetch('/api/drafts/dv-utf16', { method: 'PUT', headers: { 'content-type': 'application/json', 'if-none-match': '*' }, body: utf16 });
      expect(undeclared.status).toBe(400);
      expect((await undeclared.json()).error.code).toBe('bad-encoding');
      const latin1 = Buffer.from(JSON.stringify({ formId: 'hd43-2025/02b', document: { identity: { fullName: 'Tám' } } }), 'latin1');
      const bad = await member1.fetch('/api/drafts/dv-utf16', { method: 'PUT', headers: { 'content-type': 'application/json', 'if-none-match': '*' }, body: latin1 });
      expect(bad.status).toBe(400);
      expect((await bad.json()).error.code).toBe('bad-encoding');
      expect((await member1.get('dv-utf16')).status).toBe(404);
      const explicit = await member1.fetch('/api/drafts/dv-utf8', { method: 'PUT', headers: { 'content-type': 'application/json; charset=UTF-8', 'if-none-match': '*' }, body: json });
      expect(explicit.status).toBe(201);
    });

    it('takes the largest valid form written with ASCII escapes: the limit is on the draft, not its spelling', async () => {
      const schema = schemaFor('hd43-2025/02a');
      const fill = (node: JsonSchema, key?: string): unknown => {
        const n = resolveRef(schema, node);
        if (n.type === 'object') return Object.fromEntries(Object.entries(n.properties ?? {}).map(([k, c]) => [k, fill(c, k)]));
        if (n.type === 'array') return Array.from({ length: n.maxItems ?? 0 }, () => fill(n.items!, key));
        if (n.oneOf) return n.oneOf[0]!.const;
        // A real birth date (a member is at least 18), every other date the last day of the year reviewed.
        if (n.format === 'date') return key && /birth/i.test(key) ? '1980-05-01' : '2026-12-31';
        if (n.type === 'string') return 'ễ'.repeat(n.maxLength ?? 0);
        // The year reviewed matches the dates (a 2000 review dated 2026 is refused).
        return key === 'year' ? 2026 : (n.minimum ?? 0);
      };
      const escaped = JSON.stringify({ formId: 'hd43-2025/02a', document: fill(schema) }).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
      expect(Buffer.byteLength(escaped)).toBeGreaterThan(3.5 * 1024 * 1024);
      const res = await member1.put('dv-lon-nhat', escaped);
      expect(res.status).toBe(201);
      expect((await res.json()).validation.valid).toBe(true);
      expect((await member1.get('dv-lon-nhat')).body.draft.document.identity.fullName).toBe('ễ'.repeat(200));
      // A draft over the limit once parsed is still refused, and so is a body over the wire limit.
      const over = await member1.put('dv-qua-lon', { formId: 'hd43-2025/02b', document: { A: { I: { item2: 'x'.repeat(3.2 * 1024 * 1024) } } } });
      expect(over.status).toBe(413);
      expect((await over.json()).error.code).toBe('body-too-large');
      const wire = await raw(server.port, `PUT /api/drafts/dv-qua-lon HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nOrigin: ${server.origin}\r\nCookie: ${member1.cookie}\r\nContent-Type: application/json\r\nIf-None-Match: *\r\nContent-Length: ${9 * 1024 * 1024}\r\n\r\n{`, 5_000);
      expect(wire.text).toMatch(/^HTTP\/1\.1 413 /);
      expect(wire.ms).toBeLessThan(4_000);
    });

    it('refuses a table over its maximum rows at once (100,000 rows: 422 in well under a second, other requests served)', async () => {
      const doc = doc02b('Nhiều dòng');
      doc.B.evidence = Array.from({ length: 100_000 }, () => ({ task: 'x' }));
      const body = JSON.stringify({ formId: 'hd43-2025/02b', document: doc });
      const started = Date.now();
      const [res, other] = await Promise.all([member1.put('dv-nhieu-dong', body), member1.fetch('/api/settings')]);
      const ms = Date.now() - started;
      expect(res.status).toBe(422);
      const { error } = await res.json();
      expect(error.details).toEqual([{ path: '/B/evidence', code: 'too-many-rows', message: expect.stringContaining('có tối đa 50 dòng (gửi 100000)') }]);
      expect(other.status).toBe(200);
      expect(ms).toBeLessThan(3_000);
      expect((await member1.get('dv-nhieu-dong')).status).toBe(404);
    });

    it('bounds the error response: 5,000 unknown fields list 100 with a count of the rest; 150,000 are refused whole', async () => {
      const unknown = Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`k${i}`, 1]));
      const res = await member1.put('dv-truong-la', { formId: 'hd43-2025/02b', document: unknown });
      expect(res.status).toBe(422);
      const text = await res.text();
      expect(text.length).toBeLessThan(40_000);
      const { error } = JSON.parse(text);
      // The forms list 100 problems at most (a few are fields left empty, not listed here as the draft may be
      // unfinished); every unknown field is either listed or counted.
      expect(error.details.length).toBeGreaterThan(90);
      expect(error.details.length).toBeLessThanOrEqual(100);
      expect(error.details.length + error.detailsOmitted).toBeGreaterThanOrEqual(5_000);
      expect(error.details[0].code).toBe('unknown-field');

      const huge = Object.fromEntries(Array.from({ length: 150_000 }, (_, i) => [`k${i}`, 1]));
      const started = Date.now();
      const res2 = await member1.put('dv-truong-la', { formId: 'hd43-2025/02b', document: huge });
      expect(res2.status).toBe(422);
      const text2 = await res2.text();
      expect(text2.length).toBeLessThan(2_000);
      expect(JSON.parse(text2).error.details).toEqual([{ path: '', code: 'too-many-values', message: 'Bản nháp có hơn 10000 giá trị: không phải một bản kiểm điểm' }]);
      expect(Date.now() - started).toBeLessThan(3_000);
    });

    it('does not let a short body with a long Content-Length hold the connection: 408 after 10 s', async () => {
      const r = await raw(
        server.port,
        `PUT /api/drafts/dv-cham HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nOrigin: ${server.origin}\r\nCookie: ${member1.cookie}\r\nContent-Type: application/json\r\nIf-None-Match: *\r\nContent-Length: 100000\r\n\r\n{"formId":`,
        25_000,
      );
      expect(r.text).toMatch(/^HTTP\/1\.1 408 /);
      expect(r.text).toContain('"code":"timeout"');
      expect(r.ms).toBeGreaterThan(9_000);
      expect(r.ms).toBeLessThan(20_000);
    }, 30_000);
  });

  it('keeps a list small with large drafts in it: summaries, not documents (60 large drafts were 55 MB)', async () => {
    // dv-lon-nhat, stored above, is the largest valid 02A (1.9 MB); add a few more large ones.
    const big = doc02b('Bản lớn');
    big.A.I.item2 = 'ễ'.repeat(10_000);
    big.A.II = { shortcomings: 'ễ'.repeat(10_000), causes: 'ễ'.repeat(10_000) };
    for (let i = 0; i < 5; i++) expect((await member1.put(`dv-ban-lon-${i}`, { formId: 'hd43-2025/02b', document: big })).status).toBe(201);
    const res = await member1.fetch('/api/drafts?limit=100');
    const text = await res.text();
    const { drafts } = JSON.parse(text);
    expect(drafts.map((d: { id: string }) => d.id)).toEqual(expect.arrayContaining(['dv-lon-nhat', 'dv-ban-lon-0', 'dv-ban-lon-4']));
    expect(Buffer.byteLength(text)).toBeLessThan(20_000);
  });

  it('writes an audit line per API request: who, what, when, which draft, the result', () => {
    const lines = readFileSync(server.audit, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.length).toBeGreaterThan(50);
    expect(lines).toContainEqual(expect.objectContaining({ user: 'dangvien1', role: 'member', method: 'PUT', action: 'draft.create', draft: 'dv-rieng-1', status: 201, code: null }));
    expect(lines).toContainEqual(expect.objectContaining({ user: 'dangvien2', action: 'draft.update', draft: 'dv-rieng-1', status: 404, code: 'not-found' }));
    expect(lines).toContainEqual(expect.objectContaining({ user: 'bithu', action: 'draft.update', draft: 'dv-rieng-1', status: 403, code: 'forbidden' }));
    expect(lines).toContainEqual(expect.objectContaining({ user: 'bithu2', action: 'session.sign-in', status: 401, code: 'bad-credentials' }));
    expect(lines).toContainEqual(expect.objectContaining({ user: null, status: 421, code: 'bad-host' }));
    for (const l of lines) expect(Number.isNaN(Date.parse(l.at))).toBe(false);
    // Never a password or a document.
    const text = readFileSync(server.audit, 'utf8');
    expect(text).not.toContain('pw-');
    expect(text).not.toContain('Trần Thị Hồng Nhung');
  });
});
