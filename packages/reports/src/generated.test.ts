import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { templates } from './generated/templates.js';

describe('precompiled templates', () => {
  it('are up to date with src/templates/*.hbs', () => {
    const script = fileURLToPath(new URL('../scripts/build-templates.mjs', import.meta.url));
    expect(() => execFileSync(process.execPath, [script, '--check'], { stdio: 'pipe' })).not.toThrow();
  });

  it('treat values as data: template syntax inside a value is printed, never run', () => {
    const out = templates['place-date']!({ place: '{{constructor.constructor}} {{#each x}}', day: '01', month: '02', year: 2026 });
    expect(out).toBe('{{constructor.constructor}} {{#each x}}, ngày 01 tháng 02 năm 2026');
  });
});
