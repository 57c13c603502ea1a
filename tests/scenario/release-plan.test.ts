/**
 * The release plan changesets would carry out (`changeset status --output`): every publishable package is
 * versioned (the first release 0.0.0 → 0.1.0, by minor changesets), the private ones (the portal, examples)
 * never are, and every changeset names only packages that exist.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishablePackages } from '../../scripts/packages.mjs';
import { ROOT } from './helpers';

interface Plan {
  changesets: Array<{ id: string; releases: Array<{ name: string; type: string }> }>;
  releases: Array<{ name: string; type: string; oldVersion: string; newVersion: string }>;
}

function plan(): Plan {
  const out = join(mkdtempSync(join(tmpdir(), 'kiemdiem-plan-')), 'plan.json');
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/@changesets/cli/bin.js'), 'status', '--output', out], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  expect(r.error).toBeUndefined();
  return JSON.parse(readFileSync(out, 'utf8')) as Plan;
}

describe('the changesets release plan', () => {
  const p = plan();
  const publishable = publishablePackages().map((x) => x.manifest as { name: string; version: string });

  it('versions every publishable package; one still at 0.0.0 goes to 0.1.0 (a minor first release)', () => {
    expect(publishable.length).toBeGreaterThanOrEqual(4);
    for (const pkg of publishable) {
      const release = p.releases.find((r) => r.name === pkg.name);
      expect(release, pkg.name).toBeDefined();
      if (pkg.version === '0.0.0') expect({ name: pkg.name, type: release!.type, newVersion: release!.newVersion }).toEqual({ name: pkg.name, type: 'minor', newVersion: '0.1.0' });
      else expect(release!.newVersion).not.toBe(release!.oldVersion);
    }
  });

  it('never versions a private package (privatePackages: version false, tag false)', () => {
    const config = JSON.parse(readFileSync(join(ROOT, '.changeset/config.json'), 'utf8')) as { privatePackages?: unknown };
    expect(config.privatePackages).toEqual({ version: false, tag: false });
    const names = new Set(publishable.map((x) => x.name));
    expect(p.releases.filter((r) => !names.has(r.name) && r.type !== 'none')).toEqual([]);
  });

  it('every changeset file is in the plan and names only workspace packages', () => {
    const files = readdirSync(join(ROOT, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md');
    expect(p.changesets.map((c) => `${c.id}.md`).sort()).toEqual(files.sort());
    const workspace = new Set(['@kiemdiem/example-portal', ...publishable.map((x) => x.name)]);
    expect(p.changesets.flatMap((c) => c.releases.map((r) => r.name)).filter((n) => !workspace.has(n))).toEqual([]);
  });
});
