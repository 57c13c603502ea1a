/**
 * docs/guarantees.md stays backed by tests: every test it cites exists under the title it quotes, its exit codes
 * are the CLI's, and every error code and HTTP status it lists is one the code really gives.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers';

const page = readFileSync(join(ROOT, 'docs/guarantees.md'), 'utf8');

/** The section of the page under a "## N." heading. */
function section(n: number): string {
  const start = page.indexOf(`\n## ${n}.`);
  expect(start, `section ${n}`).toBeGreaterThan(0);
  const end = page.indexOf('\n## ', start + 1);
  return page.slice(start, end < 0 ? undefined : end);
}

/** Rows of the first table in `text`, as cells. */
function rows(text: string): string[][] {
  return text
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('|---'))
    .slice(1)
    .map((l) => l.split('|').slice(1, -1).map((c) => c.trim()));
}

/** Source text (tests left out) of every file under `dir` with one of the extensions. */
function sources(dir: string, exts = ['.ts', '.mjs', '.js', '.json']): string {
  let text = '';
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) text += sources(path, exts);
    else if (exts.some((e) => name.endsWith(e)) && !name.includes('.test.')) text += readFileSync(path, 'utf8');
  }
  return text;
}

describe('docs/guarantees.md', () => {
  it('cites tests that exist, under the titles it quotes', () => {
    // "[path](../path)" sets the file; each "› "title"" after it is a title in that file.
    const cited: Array<{ file: string; title: string }> = [];
    let file = '';
    for (const m of page.matchAll(/\[([^\]]+)\]\(\.\.\/([^)]+)\)|› "([^"]+)"/g)) {
      if (m[2] !== undefined) file = m[2];
      else cited.push({ file, title: m[3]! });
    }
    expect(cited.length).toBeGreaterThan(25);
    for (const { file, title } of cited) {
      expect(existsSync(join(ROOT, file)), file).toBe(true);
      expect(readFileSync(join(ROOT, file), 'utf8'), `${file} › ${title}`).toContain(title);
    }
  });

  it('lists exactly the exit codes of the CLI', async () => {
    const { EXIT } = (await import(join(ROOT, 'packages/cli/dist/index.js'))) as { EXIT: Record<string, number> };
    const listed = rows(section(5)).map((r) => Number(r[0]));
    expect(listed).toEqual(Object.values(EXIT).sort((a, b) => a - b));
  });

  it('lists record error codes that the packages give', () => {
    const code = sources(join(ROOT, 'packages'));
    const listed = rows(section(6)).map((r) => r[0]!.replace(/`/g, ''));
    expect(listed.length).toBeGreaterThan(10);
    for (const c of listed) expect(code, c).toMatch(new RegExp(`['"\`]${c}['"\`]`));
  });

  it('lists HTTP statuses and codes that the portal gives', () => {
    const code = sources(join(ROOT, 'examples/portal/src'));
    const table = rows(section(7));
    expect(table.length).toBeGreaterThan(10);
    for (const [status, codes] of table) {
      expect(code, status).toContain(status!);
      for (const c of codes!.match(/`[^`]+`/g) ?? []) expect(code, c).toContain(`'${c.slice(1, -1)}'`);
    }
  });
});
