/**
 * The portal's local accounts: a JSON file of users with scrypt-hashed passwords (node:crypto), for a demo or a
 * small chi bộ. A host with single sign-on replaces the whole sign-in with its own `authenticate` hook (auth.ts)
 * and never uses this file.
 *
 *   { "users": [{ "username": "bithu", "displayName": "…", "role": "secretary", "chiBo": "…",
 *                 "password": "scrypt$<N>$<r>$<p>$<salt b64>$<hash b64>" }] }
 *
 * When the file does not exist, the portal creates it with one demo account per role and random passwords, and
 * prints them once (the file keeps only the hashes).
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Role, User } from '../shared/api';

const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 } as const;
/** A username: what a member types, so no spaces and no control characters. */
export const USERNAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;

export interface StoredUser extends User {
  password: string;
}

export function hashPassword(password: string, salt = randomBytes(16)): string {
  const hash = scryptSync(password.normalize('NFC'), salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export function verifyPassword(password: string, stored: string): boolean {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = scryptSync(password.normalize('NFC'), Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return timingSafeEqual(actual, expected);
}

/** A hash of a random password: checked against when the username is unknown, so the answer takes as long. */
const DUMMY = hashPassword(randomBytes(16).toString('hex'));

function isRole(value: unknown): value is Role {
  return value === 'member' || value === 'secretary';
}

export class UserStore {
  private readonly users = new Map<string, StoredUser>();

  constructor(list: readonly StoredUser[]) {
    for (const u of list) {
      if (!USERNAME.test(u.username) || !isRole(u.role) || typeof u.chiBo !== 'string' || typeof u.password !== 'string') {
        throw new Error(`invalid user entry: ${JSON.stringify(u.username)}`);
      }
      this.users.set(u.username, { username: u.username, displayName: String(u.displayName ?? u.username), role: u.role, chiBo: u.chiBo, password: u.password });
    }
  }

  /** The user whose password this is, or undefined (same time either way). */
  check(username: string, password: string): User | undefined {
    const found = this.users.get(username);
    const ok = verifyPassword(password, found?.password ?? DUMMY);
    if (!found || !ok) return undefined;
    const { password: _, ...user } = found;
    return user;
  }

  get(username: string): User | undefined {
    const found = this.users.get(username);
    if (!found) return undefined;
    const { password: _, ...user } = found;
    return user;
  }

  static load(path: string): UserStore {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as { users?: StoredUser[] };
    if (!Array.isArray(parsed.users)) throw new Error(`${path}: expected { "users": [...] }`);
    return new UserStore(parsed.users);
  }
}

/** The demo accounts created with a new users file: a secretary and two members of one chi bộ. */
export const DEMO_ACCOUNTS: readonly User[] = [
  { username: 'bithu', displayName: 'Nguyễn Văn Bình', role: 'secretary', chiBo: 'chi-bo-phong-tong-hop' },
  { username: 'dangvien1', displayName: 'Trần Thị Hồng Nhung', role: 'member', chiBo: 'chi-bo-phong-tong-hop' },
  { username: 'dangvien2', displayName: 'Đỗ Minh Châu', role: 'member', chiBo: 'chi-bo-phong-tong-hop' },
];

/**
 * Creates `path` with the demo accounts and random passwords when it does not exist; returns the passwords
 * created (empty when the file was there). The file is written whole, then renamed into place.
 */
export function seedDemoUsers(path: string): Array<{ username: string; role: Role; password: string }> {
  if (existsSync(path)) return [];
  mkdirSync(dirname(path), { recursive: true });
  const created = DEMO_ACCOUNTS.map((u) => ({ ...u, password: randomBytes(9).toString('base64url') }));
  const users: StoredUser[] = created.map((u) => ({ ...u, password: hashPassword(u.password) }));
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify({ users }, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, path);
  return created.map(({ username, role, password }) => ({ username, role, password }));
}
