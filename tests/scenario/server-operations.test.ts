/**
 * Running the service: `kiemdiem serve` starts as the README says and stops cleanly on SIGTERM, finishing the
 * request in flight; tokens, CORS origins and the bounded PDF queue (503 + Retry-After) behave as documented.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from './helpers';
import { post, problemOf, startServer } from './server-helpers';

const FORM = readFileSync(join(ROOT, 'packages/forms/examples/hd43-2025/02b.json'), 'utf8');

describe('kiemdiem serve', () => {
  it('listens where it says, answers, and on SIGTERM finishes the request in flight before exiting 0', async () => {
    const child = spawn(BIN, ['serve', '--port', '0', '--lang', 'en'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let logs = '';
    child.stdout!.on('data', (chunk) => (logs += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const line = await new Promise<string>((resolve) => createInterface({ input: child.stderr! }).once('line', resolve));
    const url = /serving at (http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1];
    expect(url, line).toBeDefined();
    expect((await fetch(`${url}/health`)).status).toBe(200);
    const inFlight = post(url!, '/forms/hd43-2025/02b/pdf', FORM);
    await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGTERM');
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(Buffer.from(await answer.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await exited).toBe(0);
    // Its logs are JSON lines with request ids.
    const entries = logs.trim().split('\n').map((l) => JSON.parse(l));
    expect(entries.some((e) => e.reqId && e.req?.url === '/health')).toBe(true);
  });

  it('with tokens (KIEMDIEM_TOKENS or --tokens-file) asks for one, except on the probes and the contract', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kd-tokens-'));
    writeFileSync(join(dir, 'tokens'), '# portal\nportal-token\n');
    const child = spawn(BIN, ['serve', '--port', '0', '--tokens-file', join(dir, 'tokens')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, KIEMDIEM_TOKENS: 'env-token' } });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const line = await new Promise<string>((resolve) => createInterface({ input: child.stderr! }).once('line', resolve));
    const url = /(http:\/\/127\.0\.0\.1:\d+)/.exec(line)![1]!;
    const none = await fetch(`${url}/regulations`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect((await problemOf(none)).code).toBe('unauthorized');
    expect((await fetch(`${url}/regulations`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    expect((await fetch(`${url}/regulations`, { headers: { authorization: 'Bearer portal-token' } })).status).toBe(200);
    expect((await fetch(`${url}/regulations`, { headers: { authorization: 'Bearer env-token' } })).status).toBe(200);
    expect((await fetch(`${url}/health`)).status).toBe(200);
    expect((await fetch(`${url}/openapi.json`)).status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});

describe('limits and CORS', () => {
  it('answers CORS only for the configured origins', async () => {
    const server = await startServer({ corsOrigins: ['https://portal.example.vn'] });
    const ok = await fetch(`${server.url}/regulations`, { headers: { origin: 'https://portal.example.vn' } });
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://portal.example.vn');
    const other = await fetch(`${server.url}/regulations`, { headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    await server.close();
  });

  it('refuses PDFs past the pool with 503 + Retry-After, and every accepted one is a whole PDF', async () => {
    const server = await startServer({ pdf: { workers: 1, queue: 1 } });
    const answers = await Promise.all(Array.from({ length: 8 }, () => post(server.url, '/forms/hd43-2025/02b/pdf', FORM)));
    const ok = answers.filter((a) => a.status === 200);
    const refused = answers.filter((a) => a.status === 503);
    expect(ok.length).toBe(2);
    expect(refused.length).toBe(6);
    expect(refused[0]!.headers.get('retry-after')).toBe('1');
    expect((await problemOf(refused[0]!)).code).toBe('overloaded');
    for (const a of ok) expect(Buffer.from(await a.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    await server.close();
  });
});
