// `publishConfig.exports` of each publishable package = its `exports` without the "@kiemdiem/source"
// condition. That condition points into src/ so the workspace's unit tests run the TypeScript sources; the
// tarballs do not ship src/, and pnpm pack/publish replaces `exports` with `publishConfig.exports`.
// Any subpath export added later (./rjsf, ./jsonforms, a new package) is carried over by running this again.
//
//   node scripts/sync-publish-exports.mjs          rewrite package.json files that are out of step
//   node scripts/sync-publish-exports.mjs --check  exit 1 and name them instead
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { publishablePackages, ROOT } from './packages.mjs';

export const SOURCE_CONDITION = '@kiemdiem/source';

/** The exports map with the source condition removed at every level (a condition object may nest). */
export function publishExports(exports) {
  if (Array.isArray(exports)) return exports.map(publishExports);
  if (!exports || typeof exports !== 'object') return exports;
  return Object.fromEntries(Object.entries(exports).filter(([key]) => key !== SOURCE_CONDITION).map(([key, value]) => [key, publishExports(value)]));
}

/** The package.json text with publishConfig.exports in step (keys of publishConfig kept in their order). */
export function synced(manifest) {
  const next = { ...manifest, publishConfig: { ...manifest.publishConfig, exports: publishExports(manifest.exports) } };
  return `${JSON.stringify(next, null, 2)}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const check = process.argv.includes('--check');
  const stale = [];
  for (const { dir } of publishablePackages()) {
    const file = join(dir, 'package.json');
    const text = readFileSync(file, 'utf8');
    const next = synced(JSON.parse(text));
    if (next === text) continue;
    stale.push(relative(ROOT, file));
    if (!check) writeFileSync(file, next);
  }
  if (check && stale.length) {
    console.error(`publishConfig.exports out of step with exports in: ${stale.join(', ')}\nrun: node scripts/sync-publish-exports.mjs`);
    process.exitCode = 1;
  } else console.log(stale.length ? `updated ${stale.join(', ')}` : 'publishConfig.exports in step');
}
