// check:packages: lint what users install. Packs once (scripts/pack.mjs, reusing unchanged tarballs), then, in
// this one process, runs publint (strict: warnings fail) and arethetypeswrong (the CLI's node16 profile:
// node10 resolution ignored) on each tarball. The former per-package `publint --pack npm && attw --pack .`
// packed every package twice and started TypeScript once per package.
import { readFileSync } from 'node:fs';
import { checkPackage, createPackageFromTarballData } from '@arethetypeswrong/core';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { packAll } from './pack.mjs';

/** The attw CLI's "node16" profile. */
const IGNORED_RESOLUTIONS = ['node10'];

async function lint(t) {
  const bytes = readFileSync(t.tarball);
  const problems = [];
  const tarball = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const { messages, pkg } = await publint({ pack: { tarball }, strict: true, level: 'suggestion' });
  for (const m of messages) {
    const line = `publint ${m.type}: ${formatMessage(m, pkg, { color: false }) ?? m.code}`;
    if (m.type === 'suggestion') console.log(`${t.name}: ${line}`);
    else problems.push(line);
  }
  const result = await checkPackage(createPackageFromTarballData(new Uint8Array(bytes)));
  if (!result.types) problems.push('attw: no type declarations');
  else {
    for (const p of result.problems) {
      if ('resolutionKind' in p && IGNORED_RESOLUTIONS.includes(p.resolutionKind)) continue;
      problems.push(`attw ${p.kind}: ${JSON.stringify(p)}`);
    }
  }
  return problems;
}

const started = performance.now();
const tarballs = await packAll();
const packedIn = (performance.now() - started) / 1000;
let failed = 0;
for (const t of tarballs) {
  const problems = await lint(t);
  failed += problems.length;
  if (problems.length) console.error(`${t.name}: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
  else console.log(`${t.name}@${t.version}: publint --strict and attw (node16) clean`);
}
console.log(`check:packages: ${tarballs.length} packages in ${((performance.now() - started) / 1000).toFixed(1)} s (packing ${packedIn.toFixed(1)} s)`);
if (failed) process.exitCode = 1;
