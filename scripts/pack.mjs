// Packs every publishable package (scripts/packages.mjs: non-private, under packages/) once with `pnpm pack`,
// into node_modules/.cache/kiemdiem-pack, for the checks that look at what users install: check:packages
// (publint and attw on the tarballs), scripts/check-packed.mjs and tests/scenario/consumer.test.ts.
// pnpm pack applies publishConfig (exports without the source condition) and turns `workspace:` ranges into
// the packages' versions, as `pnpm publish` will.
//
// A package is packed again only when a file of it changed since its tarball was made (a fingerprint of
// paths, sizes and modification times, node_modules aside), so the checks and tests that follow a build reuse
// the tarballs.
//
//   node scripts/pack.mjs           pack what changed; print one line per package
//   node scripts/pack.mjs --force   pack everything again
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { publishablePackages, ROOT } from './packages.mjs';

export const PACK_DIR = join(ROOT, 'node_modules', '.cache', 'kiemdiem-pack');
const MANIFEST = join(PACK_DIR, 'manifest.json');
const run = promisify(execFile);

/** The pnpm this workspace pins (package.json "packageManager"): the one running us, else through npx. */
function pnpmCommand() {
  const execPath = process.env.npm_execpath ?? '';
  if (/pnpm/.test(execPath)) return { file: process.execPath, args: [execPath] };
  const pinned = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).packageManager ?? 'pnpm';
  return { file: 'npx', args: ['--yes', pinned.split('+')[0]] };
}

/** Paths, sizes and modification times of the package's files (node_modules aside), hashed. */
export function fingerprint(dir) {
  const hash = createHash('sha256');
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name === 'node_modules') continue;
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const s = statSync(path);
        hash.update(`${relative(dir, path)}\0${s.size}\0${s.mtimeMs}\n`);
      }
    }
  };
  walk(dir);
  return hash.digest('hex');
}

/** The entries of a .tgz: path inside the package (without the "package/" prefix) and size in bytes. */
export function tarEntries(tarball) {
  const data = gunzipSync(readFileSync(tarball));
  const entries = [];
  const text = (start, end) => data.subarray(start, end).toString('utf8').replace(/\0.*$/s, '');
  for (let at = 0; at + 512 <= data.length; ) {
    const name = text(at, at + 100);
    if (!name) break;
    const size = Number.parseInt(text(at + 124, at + 136).trim() || '0', 8);
    const prefix = text(at + 345, at + 500);
    const type = text(at + 156, at + 157);
    const path = (prefix ? `${prefix}/${name}` : name).replace(/^package\//, '');
    if (type === '0' || type === '') entries.push({ path, size });
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return entries.sort((a, b) => (a.path < b.path ? -1 : 1));
}

function readManifest() {
  try {
    return JSON.parse(readFileSync(MANIFEST, 'utf8'));
  } catch {
    return { packages: {} };
  }
}

/**
 * Packs what changed and returns every publishable package's tarball.
 * @returns {Promise<Array<{ name: string, version: string, dir: string, tarball: string, packed: number, unpacked: number, files: string[], fresh: boolean }>>}
 */
export async function packAll({ force = false } = {}) {
  mkdirSync(PACK_DIR, { recursive: true });
  const previous = readManifest();
  const pnpm = pnpmCommand();
  const results = await Promise.all(
    publishablePackages().map(async ({ dir, manifest }) => {
      const print = fingerprint(dir);
      const before = previous.packages[manifest.name];
      if (!force && before && before.fingerprint === print && existsSync(before.tarball)) return { ...before, fresh: false };
      const out = join(PACK_DIR, relative(join(ROOT, 'packages'), dir));
      rmSync(out, { recursive: true, force: true });
      mkdirSync(out, { recursive: true });
      await run(pnpm.file, [...pnpm.args, 'pack', '--pack-destination', out], { cwd: dir, maxBuffer: 64 * 1024 * 1024 });
      const [file] = readdirSync(out).filter((f) => f.endsWith('.tgz'));
      if (!file) throw new Error(`pnpm pack left no tarball for ${manifest.name} in ${out}`);
      const tarball = join(out, file);
      const entries = tarEntries(tarball);
      return {
        name: manifest.name,
        version: manifest.version,
        dir,
        tarball,
        fingerprint: print,
        packed: statSync(tarball).size,
        unpacked: entries.reduce((sum, e) => sum + e.size, 0),
        files: entries.map((e) => e.path),
        fresh: true,
      };
    }),
  );
  const packages = Object.fromEntries(results.map(({ fresh, ...r }) => [r.name, r]));
  writeFileSync(MANIFEST, `${JSON.stringify({ packages }, null, 2)}\n`);
  return results;
}

/** The package.json inside a tarball (what npm will see), read without unpacking to disk. */
export function packedManifest(tarball) {
  const data = gunzipSync(readFileSync(tarball));
  for (let at = 0; at + 512 <= data.length; ) {
    const name = data.subarray(at, at + 100).toString('utf8').replace(/\0.*$/s, '');
    if (!name) break;
    const size = Number.parseInt(data.subarray(at + 124, at + 136).toString('utf8').replace(/\0.*$/s, '').trim() || '0', 8);
    if (name === 'package/package.json') return JSON.parse(data.subarray(at + 512, at + 512 + size).toString('utf8'));
    at += 512 + Math.ceil(size / 512) * 512;
  }
  throw new Error(`${tarball}: no package/package.json`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = performance.now();
  const results = await packAll({ force: process.argv.includes('--force') });
  for (const r of results) {
    console.log(`${r.name}@${r.version}: ${relative(ROOT, r.tarball)}  ${(r.packed / 1024).toFixed(1)} kB packed, ${(r.unpacked / 1024).toFixed(1)} kB unpacked, ${r.files.length} files${r.fresh ? '' : ' (unchanged, reused)'}`);
  }
  console.log(`pack: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
