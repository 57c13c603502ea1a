/**
 * The portal's server as the scenario tests run it: built with its own build script, started as a child process
 * (`node dist/server.js`, port 0) on a throwaway directory holding the database, a users file with known
 * passwords (hashed as the portal hashes them) and the audit log; and signed-in API clients that send what a
 * browser on the portal's page sends (the session cookie, Origin).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { hashPassword } from '../../examples/portal/src/server/users';
import { ROOT } from './helpers';

export const PORTAL = join(ROOT, 'examples/portal');

export function buildPortal(): void {
  const built = spawnSync(process.execPath, [join(PORTAL, 'scripts/build.mjs')], { encoding: 'utf8', timeout: 120_000 });
  expect(built.status, built.stderr).toBe(0);
}

export interface TestUser {
  username: string;
  displayName: string;
  role: 'member' | 'secretary';
  chiBo: string;
}

/** Two chi bộ: two members and a secretary in the first, a secretary in the second. Password: `pw-<username>`. */
export const USERS: readonly TestUser[] = [
  { username: 'dangvien1', displayName: 'Trần Thị Hồng Nhung', role: 'member', chiBo: 'cb-tong-hop' },
  { username: 'dangvien2', displayName: 'Đỗ Minh Châu', role: 'member', chiBo: 'cb-tong-hop' },
  { username: 'bithu', displayName: 'Nguyễn Văn Bình', role: 'secretary', chiBo: 'cb-tong-hop' },
  { username: 'bithu2', displayName: 'Lê Văn Khác', role: 'secretary', chiBo: 'cb-khac' },
];
export const passwordOf = (username: string) => `pw-${username}`;

export function writeUsers(path: string, users: readonly TestUser[] = USERS): void {
  writeFileSync(path, JSON.stringify({ users: users.map((u) => ({ ...u, password: hashPassword(passwordOf(u.username)) })) }));
}

export class PortalServer {
  proc?: ChildProcess;
  origin = '';
  output = '';
  readonly db: string;
  readonly users: string;
  readonly audit: string;

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    this.db = join(dir, 'drafts.sqlite');
    this.users = join(dir, 'users.json');
    this.audit = join(dir, 'audit.jsonl');
  }

  /** `args`: more flags, e.g. `--param name=value`. Resolves once the server listens; rejects when it exits first. */
  async start(port = 0, args: string[] = []): Promise<void> {
    const proc = spawn(process.execPath, [join(PORTAL, 'dist/server.js'), '--db', this.db, '--users', this.users, '--audit', this.audit, '--port', String(port), ...args], {
      cwd: PORTAL,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.proc = proc;
    this.output = '';
    this.origin = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`portal did not start:\n${this.output}`)), 30_000);
      const read = (chunk: Buffer) => {
        this.output += chunk.toString('utf8');
        const m = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(this.output);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      };
      proc.stdout!.on('data', read);
      proc.stderr!.on('data', read);
      proc.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`portal exited (${code}):\n${this.output}`));
      });
    });
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const proc = this.proc;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill(signal);
    await exited;
  }

  get port(): number {
    return Number(new URL(this.origin).port);
  }

  /** A request with no session, sent from the portal's own origin. */
  fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (!headers.has('origin')) headers.set('origin', this.origin);
    return fetch(this.origin + path, { ...init, headers });
  }

  /** Signs `username` in (password `pw-<username>`) and returns a client that sends the session cookie. */
  async signIn(username: string, password = passwordOf(username)): Promise<PortalClient> {
    const res = await this.fetch('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    expect(res.status, await res.clone().text()).toBe(200);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(cookie).toMatch(/^kd_session=[\w-]{20,}$/);
    return new PortalClient(this, cookie, username);
  }
}

export class PortalClient {
  constructor(
    readonly server: PortalServer,
    readonly cookie: string,
    readonly username: string,
  ) {}

  fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('cookie', this.cookie);
    return this.server.fetch(path, { ...init, headers });
  }

  /** PUT a draft: `version` undefined creates it (If-None-Match: *), a number saves over that version (If-Match). */
  put(id: string, body: unknown, version?: number, type = 'application/json'): Promise<Response> {
    const headers: Record<string, string> = { 'content-type': type, ...(version === undefined ? { 'if-none-match': '*' } : { 'if-match': `"${version}"` }) };
    return this.fetch(`/api/drafts/${id}`, { method: 'PUT', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  }

  remove(id: string, version: number): Promise<Response> {
    return this.fetch(`/api/drafts/${id}`, { method: 'DELETE', headers: { 'if-match': `"${version}"` } });
  }

  async get(id: string): Promise<{ status: number; etag: string | null; body: any }> {
    const res = await this.fetch(`/api/drafts/${id}`);
    return { status: res.status, etag: res.headers.get('etag'), body: await res.json() };
  }
}
