/** The OpenAPI document lints clean with a standard linter (@redocly/cli, its recommended rules): no error, no warning. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers';

describe('docs/reference/openapi.json', () => {
  it('passes redocly lint with no problem', async () => {
    const r = await promisify(execFile)(join(ROOT, 'node_modules/.bin/redocly'), ['lint', 'docs/reference/openapi.json', '--format=summary'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    // --format=summary lists one line per rule with problems; none are expected.
    expect(r.stdout + r.stderr).toMatch(/Woohoo! Your API description is valid/);
    expect(r.stdout + r.stderr).not.toMatch(/^(error|warning)\s/m);
  });
});
