import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

describe('generated files', () => {
  it('validators.js and the examples index are up to date with the form definitions', () => {
    const tsx = fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url));
    const script = fileURLToPath(new URL('../scripts/generate.ts', import.meta.url));
    // Exits non-zero (and so throws) when a regenerated file would differ from the committed one.
    expect(() => execFileSync(process.execPath, [tsx, script, '--check'], { stdio: 'pipe' })).not.toThrow();
  }, 60_000);
});
