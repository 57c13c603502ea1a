/**
 * The curl lines of docs/server.md, run as written (from the repository root, by sh) against a server on a
 * free port: each must succeed (-f fails on an HTTP error) and answer what the page says it does.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Listening } from '@kiemdiem/server';
import { ROOT } from './helpers';
import { startServer } from './server-helpers';

let server: Listening;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => server.close());

/** The lines of the sh block after the `<!-- curl: -->` marker. */
function curlLines(): string[] {
  const page = readFileSync(join(ROOT, 'docs/server.md'), 'utf8');
  const block = /<!-- curl:[^>]*-->\n```sh\n([\s\S]*?)```/.exec(page);
  if (!block) throw new Error('docs/server.md has no curl block');
  return block[1]!.split('\n').filter((l) => l.startsWith('curl '));
}

describe('the curl lines of docs/server.md', () => {
  const lines = curlLines();
  const out = mkdtempSync(join(tmpdir(), 'kd-curl-'));

  it('cover every endpoint', () => {
    const paths = Object.keys(JSON.parse(readFileSync(join(ROOT, 'docs/reference/openapi.json'), 'utf8')).paths as object);
    const called = lines.join('\n');
    for (const path of paths) expect(called, path).toContain(path.replace('{id}', path.startsWith('/forms') ? 'hd43-2025/02b' : 'qd-366-2025').replace('{kind}', 'rjsf'));
  });

  it.each(curlLines())('%s', async (line) => {
    const port = new URL(server.url).port;
    // Files written with -o go to a temporary directory; paths read with @ stay relative to the root.
    const command = line.replaceAll('127.0.0.1:8080', `127.0.0.1:${port}`).replace(/ -o (\S+)/, (_m, f: string) => ` -o ${join(out, f)}`);
    // Asynchronous: the server answers from this same process.
    const r = await promisify(execFile)('sh', ['-c', command], { cwd: ROOT, encoding: 'utf8', timeout: 30_000, maxBuffer: 64 << 20 });
    expect(r.stderr).toBe('');
    const written = / -o (\S+)/.exec(line)?.[1];
    if (written?.endsWith('.pdf')) expect(readFileSync(join(out, written)).subarray(0, 5).toString()).toBe('%PDF-');
    else if (written) expect(JSON.parse(readFileSync(join(out, written), 'utf8')).openapi).toBe('3.1.0');
    else if (line.includes('x-ndjson')) expect(JSON.parse(r.stdout.trimEnd().split('\n').at(-1)!)).toMatchObject({ invalid: 0 });
    else expect(() => JSON.parse(r.stdout)).not.toThrow();
    expect(written === undefined || existsSync(join(out, written))).toBe(true);
  });
});
