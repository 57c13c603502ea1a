/** Optional bearer tokens: compared in constant time, read from KIEMDIEM_TOKENS (comma or newline separated) or a file. */
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';

const digest = (token: string) => createHash('sha256').update(token).digest();

export function parseTokens(text: string | undefined): string[] {
  return (text ?? '')
    .split('\n')
    .filter((line) => !line.trim().startsWith('#'))
    .flatMap((line) => line.split(/[\s,]+/))
    .filter((t) => t !== '');
}

export function readTokens(file: string | undefined, env: string | undefined = process.env.KIEMDIEM_TOKENS): string[] {
  return [...parseTokens(env), ...(file ? parseTokens(readFileSync(file, 'utf8')) : [])];
}

/** A check of `Authorization` headers against `tokens`; with no tokens every request passes. */
export function bearerCheck(tokens: readonly string[]): (header: string | undefined) => boolean {
  if (tokens.length === 0) return () => true;
  const known = tokens.map(digest);
  return (header) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
    if (!match) return false;
    const given = digest(match[1]!);
    // Every token compared, so the time does not tell which one nearly matched.
    let ok = false;
    for (const k of known) ok = timingSafeEqual(k, given) || ok;
    return ok;
  };
}
