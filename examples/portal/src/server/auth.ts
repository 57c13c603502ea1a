/**
 * Who is asking. The portal asks one function, `authenticate(request)`, on every request; a host with single
 * sign-on passes its own (reading its SSO cookie or a header its proxy sets) and the rest of the portal is the
 * same. The default reads the portal's own session cookie, set by POST /api/session against the local accounts
 * (users.ts).
 *
 * Sessions live in memory: a restart signs everyone out (drafts are not lost: they are saved on the server).
 * The cookie is HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it) and Secure when
 * the portal is served over HTTPS (`--secure-cookie`).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { User } from '../shared/api';
import type { UserStore } from './users';

export type Authenticate = (request: IncomingMessage) => User | undefined | Promise<User | undefined>;

export const SESSION_COOKIE = 'kd_session';
const SESSION_TTL_MS = 8 * 60 * 60 * 1000;
/** Failed sign-ins per username before it is held off, and for how long. */
const MAX_FAILURES = 5;
const HOLD_OFF_MS = 5 * 60 * 1000;
/** Memory bounds: sessions per user (the oldest goes first), usernames whose failures are remembered. */
const MAX_SESSIONS_PER_USER = 20;
const MAX_TRACKED_FAILURES = 10_000;

export function cookieValue(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

const digest = (token: string) => createHash('sha256').update(token).digest('base64url');

export class Sessions {
  /** By the token's hash, so that a heap dump does not hand out live sessions. */
  private readonly sessions = new Map<string, { username: string; expires: number }>();
  private readonly failures = new Map<string, { count: number; until: number }>();

  constructor(
    readonly users: UserStore,
    readonly secureCookie = false,
  ) {}

  /** Seconds the username must wait before trying again, or 0. */
  heldOff(username: string, now = Date.now()): number {
    const f = this.failures.get(username);
    return f && f.count >= MAX_FAILURES && f.until > now ? Math.ceil((f.until - now) / 1000) : 0;
  }

  /** A new session token for these credentials, or undefined. */
  signIn(username: string, password: string, now = Date.now()): { user: User; token: string } | undefined {
    const user = this.users.check(username, password);
    if (!user) {
      const f = this.failures.get(username);
      const count = f && f.until > now ? f.count + 1 : 1;
      this.failures.delete(username); // re-inserted last: the map stays in order of the latest failure
      this.failures.set(username, { count, until: now + HOLD_OFF_MS });
      if (this.failures.size > MAX_TRACKED_FAILURES) {
        for (const [name, x] of this.failures) if (x.until <= now) this.failures.delete(name);
        // Still too many (a flood of usernames): forget the oldest.
        for (const name of this.failures.keys()) {
          if (this.failures.size <= MAX_TRACKED_FAILURES) break;
          this.failures.delete(name);
        }
      }
      return undefined;
    }
    this.failures.delete(username);
    for (const [key, s] of this.sessions) if (s.expires <= now) this.sessions.delete(key);
    const mine = [...this.sessions].filter(([, s]) => s.username === user.username);
    for (const [key] of mine.slice(0, Math.max(0, mine.length - MAX_SESSIONS_PER_USER + 1))) this.sessions.delete(key);
    const token = randomBytes(32).toString('base64url');
    this.sessions.set(digest(token), { username: user.username, expires: now + SESSION_TTL_MS });
    return { user, token };
  }

  signOut(request: IncomingMessage): void {
    const token = cookieValue(request, SESSION_COOKIE);
    if (token) this.sessions.delete(digest(token));
  }

  /** The default `authenticate`: the user of a live session cookie. */
  readonly authenticate: Authenticate = (request) => {
    const token = cookieValue(request, SESSION_COOKIE);
    if (!token) return undefined;
    const s = this.sessions.get(digest(token));
    if (!s || s.expires <= Date.now()) return undefined;
    return this.users.get(s.username);
  };

  cookie(token: string): string {
    return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${SESSION_TTL_MS / 1000}${this.secureCookie ? '; Secure' : ''}`;
  }

  clearCookie(): string {
    return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${this.secureCookie ? '; Secure' : ''}`;
  }
}
