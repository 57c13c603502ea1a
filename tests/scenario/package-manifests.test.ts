/**
 * The publishable packages' package.json as a release needs it: publishConfig.exports = exports without the
 * "@kiemdiem/source" condition (scripts/sync-publish-exports.mjs keeps them in step), no src/ or source maps in
 * "files", README.md and LICENSE beside it, engines, sideEffects, and sibling dependencies as workspace ranges
 * that `pnpm pack` turns into versions.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishablePackages } from '../../scripts/packages.mjs';
import { packAll, packedManifest } from '../../scripts/pack.mjs';
import { publishExports, SOURCE_CONDITION } from '../../scripts/sync-publish-exports.mjs';

describe.each(publishablePackages().map((p) => [p.manifest.name as string, p] as const))('%s package.json', (_name, { dir, manifest }) => {
  it('publishConfig.exports is exports without the source condition (node scripts/sync-publish-exports.mjs)', () => {
    expect(JSON.stringify(manifest.exports)).toContain(SOURCE_CONDITION);
    expect(manifest.publishConfig?.exports).toEqual(publishExports(manifest.exports));
    expect(JSON.stringify(manifest.publishConfig.exports)).not.toContain(SOURCE_CONDITION);
  });

  it('files ship dist without source or maps; README.md and LICENSE exist; engines and sideEffects are set', () => {
    expect(manifest.files).toContain('dist');
    expect(manifest.files).toContain('!dist/**/*.map');
    expect(manifest.files.filter((f: string) => /^!?src\b/.test(f))).toEqual([]);
    expect([existsSync(join(dir, 'README.md')), existsSync(join(dir, 'LICENSE'))]).toEqual([true, true]);
    expect(manifest.engines).toEqual({ node: '>=20' });
    expect(manifest.sideEffects === false || Array.isArray(manifest.sideEffects)).toBe(true);
    const siblings = Object.entries((manifest.dependencies ?? {}) as Record<string, string>).filter(([n]) => n.startsWith('@kiemdiem/'));
    expect(siblings.filter(([, range]) => range !== 'workspace:^')).toEqual([]);
  });
});

describe('the packed package.json', () => {
  it('has the publish exports and real versions for sibling dependencies', async () => {
    for (const t of await packAll()) {
      const packed = packedManifest(t.tarball);
      expect(JSON.stringify(packed.exports)).not.toContain(SOURCE_CONDITION);
      expect(Object.values({ ...packed.dependencies } as Record<string, string>).filter((r) => r.startsWith('workspace:'))).toEqual([]);
    }
  }, 120_000);
});

describe('publishExports', () => {
  it('drops the condition at every level and keeps subpaths, wildcards and order', () => {
    const exports = {
      '.': { browser: { '@kiemdiem/source': './src/b.ts', import: './dist/b.js' }, '@kiemdiem/source': './src/i.ts', import: './dist/i.js' },
      './rjsf': { '@kiemdiem/source': './src/rjsf.ts', require: './dist/rjsf.cjs' },
      './data/*': './data/*',
    };
    expect(publishExports(exports)).toEqual({ '.': { browser: { import: './dist/b.js' }, import: './dist/i.js' }, './rjsf': { require: './dist/rjsf.cjs' }, './data/*': './data/*' });
  });
});
