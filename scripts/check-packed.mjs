// What the npm tarballs ship: no test code. For each package, `npm pack --dry-run --json` lists the files it
// would publish; a packed file is refused when
//
//   imports-test-runner  it imports vitest (or @vitest/*), even for types: a module that does is test code;
//   imports-dev-only     it imports at run time a package that is only a devDependency (fast-check, tsx, ...):
//                        it would fail for every user, who installs dependencies only;
//   test-name            it is under src/ and named like a test or a test helper: *.test.*, *.spec.*, test-*,
//                        or inside __tests__/, __mocks__/, fixtures/;
//   not-built            it is under src/ and is not part of the build: no chain of relative imports (type-only
//                        ones included, as the declaration build follows them) leads to it from a tsup entry
//                        (the package's tsup.config.ts `entry`, else tsup.base.ts). Only tests use such a file,
//                        or nothing does; either way it is not the package's code.
//
// And the tarball's layout (tarballLayout): it ships README.md, LICENSE, dist/ and every entry of "files"
// (data such as regulations/, schema/, examples/, bin/), and no source: nothing under src/ and no source map
// (a map would point at src/, which is not shipped; the "@kiemdiem/source" condition is dropped by
// publishConfig.exports).
//
// The files are those of the tarballs scripts/pack.mjs made with `pnpm pack` (packed once, reused); for a
// directory outside the workspace (the seeded test), `npm pack --dry-run --json`.
//
//   node scripts/check-packed.mjs              every publishable package under packages/
//   node scripts/check-packed.mjs DIR…         only these package directories
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, posix, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { publishablePackages } from './packages.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CODE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
const TEST_NAME = /(^|\/)([^/]*\.(test|spec)\.[^/]+|test-[^/]*|__tests__\/.*|__mocks__\/.*|fixtures?\/.*)$/;
const BUILTIN = new Set(builtinModules);

/** @typedef {{ file: string, rule: 'imports-test-runner' | 'imports-dev-only' | 'test-name' | 'not-built' | 'source-shipped' | 'missing', message: string }} Problem */

/** The files `npm pack` would put in the tarball, relative to the package directory. */
export function packedFiles(dir) {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const [pack] = JSON.parse(out);
  return pack.files.map((f) => f.path.split('\\').join('/')).sort();
}

/** Imports of one file: the specifier and whether only types come from it. */
function importsOf(file, text) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, /\.[mc]?js$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS);
  const found = [];
  const visit = (node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const typeOnly = Boolean(clause && (clause.isTypeOnly || (!clause.name && clause.namedBindings && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((e) => e.isTypeOnly))));
      found.push({ specifier: node.moduleSpecifier.text, typeOnly });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      found.push({ specifier: node.moduleReference.expression.text, typeOnly: node.isTypeOnly });
    } else if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteralLike(node.arguments[0])) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) found.push({ specifier: node.arguments[0].text, typeOnly: false });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push({ specifier: node.argument.literal.text, typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** `@scope/name/deep` → `@scope/name`, `name/deep` → `name`; undefined for relative and node: specifiers. */
function packageName(specifier) {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** The package's tsup entries, read from its tsup.config.ts (`entry: [...]`) or the shared tsup.base.ts. */
export function buildEntries(dir) {
  for (const config of [join(dir, 'tsup.config.ts'), join(ROOT, 'tsup.base.ts')]) {
    if (!existsSync(config)) continue;
    const source = ts.createSourceFile(config, readFileSync(config, 'utf8'), ts.ScriptTarget.Latest, true);
    let entries;
    const visit = (node) => {
      if (entries) return;
      if (ts.isPropertyAssignment(node) && node.name.getText(source) === 'entry' && ts.isArrayLiteralExpression(node.initializer)) {
        entries = node.initializer.elements.filter(ts.isStringLiteralLike).map((e) => e.text);
      } else ts.forEachChild(node, visit);
    };
    visit(source);
    if (entries) return entries;
  }
  return ['src/index.ts'];
}

/** A relative specifier from `from` (package-relative, posix) to a packed file, or undefined. */
function resolveIn(files, from, specifier) {
  const base = posix.normalize(posix.join(posix.dirname(from), specifier));
  const stem = base.replace(/\.(m|c)?js$/, '');
  for (const candidate of [base, `${stem}.ts`, `${stem}.tsx`, `${stem}.mts`, `${stem}.cts`, `${stem}.js`, `${stem}.mjs`, `${stem}.cjs`, `${stem}.d.ts`, `${base}/index.ts`, `${base}/index.js`]) {
    if (files.has(candidate)) return candidate;
  }
  return undefined;
}

/** Declarations and their code travel together: x.js ↔ x.d.ts. */
function siblings(file) {
  if (/\.d\.ts$/.test(file)) return [file.replace(/\.d\.ts$/, '.js'), file.replace(/\.d\.ts$/, '.mjs')];
  if (/\.m?js$/.test(file)) return [file.replace(/\.m?js$/, '.d.ts')];
  return [];
}

/**
 * Checks one package directory.
 * @param {string} dir
 * @param {string[]} [files] the packed files (default: asked of `npm pack --dry-run`)
 * @returns {{ name: string, files: string[], problems: Problem[] }}
 */
export function checkPacked(dir, files = packedFiles(dir)) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const runtime = new Set(Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies, ...pkg.optionalDependencies }));
  const devOnly = new Set(Object.keys(pkg.devDependencies ?? {}).filter((d) => !runtime.has(d)));
  const packed = new Set(files);
  /** @type {Problem[]} */
  const problems = [];
  const imports = new Map();
  for (const file of files.filter((f) => CODE.test(f))) {
    const list = importsOf(file, readFileSync(join(dir, file), 'utf8'));
    imports.set(file, list);
    for (const { specifier, typeOnly } of list) {
      const name = packageName(specifier);
      if (!name || BUILTIN.has(name) || name === pkg.name) continue;
      if (name === 'vitest' || name.startsWith('@vitest/')) problems.push({ file, rule: 'imports-test-runner', message: `imports ${specifier}: test code` });
      else if (devOnly.has(name) && !typeOnly) problems.push({ file, rule: 'imports-dev-only', message: `imports ${specifier}, a devDependency only: it fails where the package is installed` });
    }
  }

  const entries = buildEntries(dir);
  const reached = new Set();
  const queue = entries.filter((e) => packed.has(e));
  while (queue.length) {
    const file = queue.pop();
    if (reached.has(file)) continue;
    reached.add(file);
    for (const s of siblings(file)) if (packed.has(s)) queue.push(s);
    for (const { specifier } of imports.get(file) ?? []) {
      if (!specifier.startsWith('.')) continue;
      const target = resolveIn(packed, file, specifier);
      if (target) queue.push(target);
    }
  }
  for (const file of files.filter((f) => f.startsWith('src/'))) {
    if (TEST_NAME.test(file)) problems.push({ file, rule: 'test-name', message: 'named like a test or a test helper' });
    else if (CODE.test(file) && !reached.has(file)) problems.push({ file, rule: 'not-built', message: `not reached from the build entries (${entries.join(', ')}): only tests use it, or nothing does` });
  }
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { name: pkg.name, files, problems };
}

/** The published packages: every directory under packages/ with a package.json that is not private. */
export function packageDirs() {
  return publishablePackages().map((p) => p.dir);
}

/**
 * What the tarball must and must not hold, from its file list and the package's manifest.
 * @param {string[]} files
 * @param {{ files?: string[] }} manifest
 * @returns {Problem[]}
 */
export function tarballLayout(files, manifest) {
  /** @type {Problem[]} */
  const problems = [];
  for (const file of files) {
    if (file.startsWith('src/')) problems.push({ file, rule: 'source-shipped', message: 'source under src/: not part of the published package' });
    else if (/\.map$/.test(file)) problems.push({ file, rule: 'source-shipped', message: 'a source map: it points at src/, which is not shipped' });
  }
  const wanted = ['README.md', 'LICENSE', 'dist', ...(manifest.files ?? []).filter((f) => !f.startsWith('!'))];
  for (const entry of new Set(wanted)) {
    const stem = entry.replace(/\/+$/, '');
    if (!files.some((f) => f === stem || f.startsWith(`${stem}/`))) problems.push({ file: stem, rule: 'missing', message: `${stem} is not in the tarball` });
  }
  return problems;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { packAll } = await import('./pack.mjs');
  const only = process.argv.length > 2 ? new Set(process.argv.slice(2).map((d) => resolve(d))) : undefined;
  let bad = 0;
  for (const t of await packAll()) {
    if (only && !only.has(t.dir)) continue;
    const manifest = JSON.parse(readFileSync(join(t.dir, 'package.json'), 'utf8'));
    const { name, files, problems: code } = checkPacked(t.dir, t.files);
    const problems = [...code, ...tarballLayout(files, manifest)];
    for (const p of problems) console.error(`${name}: ${p.file}  ${p.rule}  ${p.message}`);
    bad += problems.length;
    if (!problems.length) console.log(`${name}: ${files.length} files, no test code, no source, README and LICENSE`);
  }
  if (bad) {
    console.error(`check-packed: ${bad} problem(s)`);
    process.exitCode = 1;
  }
}
