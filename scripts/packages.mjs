// The workspace's publishable packages: every directory under packages/ with a package.json that is not
// private. Found on disk each time, so a package added later (e.g. @kiemdiem/server) is picked up by the pack,
// the publish-exports sync and the checks without a list to update.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** @returns {{ dir: string, manifest: Record<string, any> }[]} sorted by directory */
export function publishablePackages() {
  const base = join(ROOT, 'packages');
  return readdirSync(base)
    .map((d) => join(base, d))
    .filter((d) => statSync(d).isDirectory() && existsSync(join(d, 'package.json')))
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }))
    .filter(({ manifest }) => !manifest.private)
    .sort((a, b) => (a.dir < b.dir ? -1 : 1));
}
