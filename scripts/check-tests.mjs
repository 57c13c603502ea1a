// Test hygiene: every test must be able to fail. Parses each test file with the TypeScript compiler API and
// reports, as file:line:column, what lets a test pass without checking anything:
//
//   early-return   a `return` whose nearest enclosing function is a test callback (the function given to it/test,
//                  it.each(...)(...), it.skipIf(...)(...), test.concurrent, ...). A test that cannot check what it
//                  is about must be skipped visibly (it.skipIf / it.runIf / ctx.skip()), not pass in silence.
//                  Allowed: `return <expression>` as the callback's only statement (the same as a concise arrow
//                  body: vitest awaits the value). A `return` inside a function nested in the test (an HTTP
//                  handler, a .map callback) is that function's business and is not reported.
//   no-assertion   a test callback that asserts nothing: no expect/assert (expect.poll, .resolves/.rejects,
//                  expectTypeOf, node:assert, ctx.expect all count), no `throw` of its own, and no call to a
//                  helper that asserts. Helpers are followed: a function declared in the same file, or imported
//                  from a relative module, asserts when its own body does (recursively); a helper that cannot be
//                  followed counts when its name starts with expect/assert (expectPartyPdf, assertValid).
//   only           it.only / test.only / describe.only: the rest of the file stops running.
//   skip-reason    an unconditional .skip or .todo with no comment on its line or the line above saying why.
//
// A test given by reference (`it('x', runCase)`) is not checked. Exit code 1 when anything is reported.
//
//   node scripts/check-tests.mjs             every test file of the repository
//   node scripts/check-tests.mjs FILE|DIR…   only these (how the checker's own test seeds bad files)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Where the repository keeps tests: the unit files beside the sources, the scenario suite, the examples. */
const TEST_DIRS = ['packages', 'tests', 'examples'];
const TEST_FILE = /\.(test|spec)\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
const SKIP_DIRS = new Set(['node_modules', 'dist', '.git', 'coverage']);

/** Modifiers that may stand between `it`/`test`/`describe` and the call that registers the test. */
const MODIFIERS = new Set(['only', 'skip', 'todo', 'concurrent', 'sequential', 'fails', 'shuffle', 'skipIf', 'runIf', 'each', 'for']);
/** Modifiers that take their own arguments and return the function that registers: it.each(table)(name, fn). */
const CONFIGURATORS = new Set(['skipIf', 'runIf', 'each', 'for']);
const ASSERT_NAMES = new Set(['expect', 'assert', 'expectTypeOf', 'assertType']);
const ASSERT_MODULES = new Set(['vitest', 'node:assert', 'assert', 'node:assert/strict', 'assert/strict']);
/** Name of a helper that is taken to assert when its body cannot be read (imported from a package). */
const ASSERTING_NAME = /^(expect|assert)([A-Z_]|$)/;

/** @typedef {{ file: string, line: number, column: number, rule: 'early-return' | 'no-assertion' | 'only' | 'skip-reason', message: string }} Finding */

const parsed = new Map();

/** A parsed file with its top-level functions and imports, cached (helpers are shared across test files). */
function load(file, text) {
  const key = resolve(file);
  if (text === undefined && parsed.has(key)) return parsed.get(key);
  const source = ts.createSourceFile(key, text ?? readFileSync(key, 'utf8'), ts.ScriptTarget.Latest, true, scriptKind(key));
  /** @type {Map<string, ts.Node>} functions declared at any depth, by name (the last one wins: good enough for tests). */
  const functions = new Map();
  /** @type {Map<string, { from: string, name: string }>} imported bindings: local name → module and exported name. */
  const imports = new Map();
  const visit = (node) => {
    if (ts.isFunctionDeclaration(node) && node.name && node.body) functions.set(node.name.text, node);
    else if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && isFunction(node.initializer)) functions.set(node.name.text, node.initializer);
    else if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && node.importClause) {
      const from = node.moduleSpecifier.text;
      const clause = node.importClause;
      if (clause.name) imports.set(clause.name.text, { from, name: 'default' });
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamedImports(bindings)) for (const el of bindings.elements) imports.set(el.name.text, { from, name: (el.propertyName ?? el.name).text });
      if (bindings && ts.isNamespaceImport(bindings)) imports.set(bindings.name.text, { from, name: '*' });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  const entry = { file: key, source, functions, imports, testNames: testNames(source, imports) };
  parsed.set(key, entry);
  return entry;
}

function scriptKind(file) {
  if (/\.tsx$/.test(file)) return ts.ScriptKind.TSX;
  if (/\.[mc]?js$/.test(file)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

function isFunction(node) {
  return ts.isArrowFunction(node) || ts.isFunctionExpression(node);
}

/** Functions whose body belongs to someone else as far as `return` goes. */
function isFunctionLike(node) {
  return ts.isFunctionLike(node) || ts.isClassLike(node);
}

/** `it`, `test`, and what `test.extend(...)` / `it.extend(...)` made (const myTest = test.extend({...})). */
function testNames(source, imports) {
  const names = new Set(['it', 'test']);
  for (const [local, { from, name }] of imports) if (from === 'vitest' && (name === 'it' || name === 'test')) names.add(local);
  const visit = (node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.isCallExpression(node.initializer)) {
      const callee = node.initializer.expression;
      if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'extend' && ts.isIdentifier(callee.expression) && names.has(callee.expression.text)) names.add(node.name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

/**
 * What a call registers: a test (`kind: 'test'`), a suite (`'suite'`), or nothing. `mods` are the modifiers
 * on the way (skip, only, each, ...). `it.each(table)` alone registers nothing: it returns the function that does.
 */
function registration(call, names) {
  const mods = [];
  let e = call.expression;
  if (ts.isPropertyAccessExpression(e) && CONFIGURATORS.has(e.name.text)) return undefined;
  for (;;) {
    if (ts.isCallExpression(e)) e = e.expression;
    else if (ts.isTaggedTemplateExpression(e)) e = e.tag;
    else if (ts.isPropertyAccessExpression(e)) {
      if (!MODIFIERS.has(e.name.text)) return undefined;
      mods.push(e.name.text);
      e = e.expression;
    } else if (ts.isIdentifier(e)) {
      if (names.has(e.text)) return { kind: 'test', mods };
      if (e.text === 'describe' || e.text === 'suite') return { kind: 'suite', mods };
      return undefined;
    } else return undefined;
  }
}

/** Whether `node` (a test callback or a helper's body) asserts. `own` allows its own `throw` statements to count. */
function asserts(node, ctx, own, seen) {
  let found = false;
  const visit = (n, nested) => {
    if (found) return;
    if (ts.isThrowStatement(n) && own && !nested) return void (found = true);
    if (ts.isIdentifier(n) && isReference(n) && isAssertBinding(n.text, ctx)) return void (found = true);
    if (ts.isPropertyAccessExpression(n) && ASSERT_NAMES.has(n.name.text)) return void (found = true); // ctx.expect, assert.strict
    if (ts.isCallExpression(n) && helperAsserts(n.expression, ctx, seen)) return void (found = true);
    ts.forEachChild(n, (c) => visit(c, nested || (n !== node && isFunctionLike(n))));
  };
  visit(node, false);
  return found;
}

/** An identifier used as a value (not a property name, a declaration's name, or a parameter). */
function isReference(id) {
  const p = id.parent;
  if (ts.isPropertyAccessExpression(p) && p.name === id) return false;
  if ((ts.isBindingElement(p) || ts.isParameter(p) || ts.isVariableDeclaration(p) || ts.isFunctionDeclaration(p) || ts.isPropertyAssignment(p)) && p.name === id) return false;
  if (ts.isImportSpecifier(p) || ts.isImportClause(p) || ts.isNamespaceImport(p)) return false;
  return true;
}

function isAssertBinding(name, ctx) {
  const imported = ctx.imports.get(name);
  if (imported && ASSERT_MODULES.has(imported.from)) return imported.from === 'vitest' ? ASSERT_NAMES.has(imported.name) : true;
  return ASSERT_NAMES.has(name);
}

/** A call to a helper that asserts: followed into this file's functions and relative imports, else judged by name. */
function helperAsserts(callee, ctx, seen) {
  if (!ts.isIdentifier(callee)) return false;
  const name = callee.text;
  const local = ctx.functions.get(name);
  if (local) return followHelper(local, ctx, true, seen);
  const imported = ctx.imports.get(name);
  if (imported && imported.from.startsWith('.')) {
    const file = resolveModule(ctx.file, imported.from);
    if (file) {
      const other = load(file);
      const fn = other.functions.get(imported.name);
      if (fn) return followHelper(fn, other, false, seen);
    }
  }
  return ASSERTING_NAME.test(name);
}

function followHelper(fn, ctx, own, seen) {
  if (seen.has(fn)) return false;
  seen.add(fn);
  return fn.body !== undefined && asserts(fn.body, ctx, own, seen);
}

function resolveModule(from, specifier) {
  const base = resolve(dirname(from), specifier);
  const stem = base.replace(/\.(m|c)?js$/, '');
  for (const candidate of [base, `${stem}.ts`, `${stem}.tsx`, `${stem}.mts`, `${stem}.js`, `${stem}.mjs`, join(base, 'index.ts'), join(base, 'index.js')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** A comment on the call's line or ending on the line above: the reason for a skip or a todo. */
function hasReasonComment(source, node) {
  const lines = source.text.split('\n');
  const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
  const own = lines[line] ?? '';
  const above = (lines[line - 1] ?? '').trim();
  return /\/\/|\/\*/.test(own) || above.startsWith('//') || above.endsWith('*/');
}

/**
 * Checks one file. `text` may be given for a file that is not on disk.
 * @param {string} file
 * @param {string} [text]
 * @returns {Finding[]}
 */
export function checkFile(file, text) {
  const ctx = load(file, text);
  const { source } = ctx;
  /** @type {Finding[]} */
  const findings = [];
  const report = (node, rule, message) => {
    const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
    findings.push({ file: relative(ROOT, ctx.file) || ctx.file, line: line + 1, column: character + 1, rule, message });
  };

  const visit = (node) => {
    if (ts.isCallExpression(node)) {
      const reg = registration(node, ctx.testNames);
      if (reg) {
        const what = reg.kind === 'test' ? 'test' : 'suite';
        const title = node.arguments[0] && (ts.isStringLiteral(node.arguments[0]) || ts.isNoSubstitutionTemplateLiteral(node.arguments[0])) ? `"${node.arguments[0].text}"` : `this ${what}`;
        if (reg.mods.includes('only')) report(node, 'only', `.only on ${title}: every other test of the file stops running`);
        for (const mod of ['skip', 'todo']) if (reg.mods.includes(mod) && !hasReasonComment(source, node)) report(node, 'skip-reason', `.${mod} on ${title} without a comment saying why`);
        if (reg.kind === 'test') checkTest(node, title);
      }
    }
    ts.forEachChild(node, visit);
  };

  const checkTest = (call, title) => {
    const fn = [...call.arguments].reverse().find(isFunction);
    if (!fn) return; // it.todo('...'), or a callback given by reference
    const body = fn.body;
    const soleReturn = ts.isBlock(body) && body.statements.length === 1 && ts.isReturnStatement(body.statements[0]) && body.statements[0].expression !== undefined;
    const returns = (n) => {
      if (ts.isReturnStatement(n) && !soleReturn) report(n, 'early-return', `return inside test ${title}: the checks after it are skipped in silence (use it.skipIf/it.runIf or ctx.skip())`);
      if (n !== fn && isFunctionLike(n)) return;
      ts.forEachChild(n, returns);
    };
    ts.forEachChild(fn, returns);
    if (!asserts(body, ctx, true, new Set())) report(call, 'no-assertion', `test ${title} asserts nothing (no expect/assert, and no helper it calls asserts)`);
  };

  visit(source);
  return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Test files under `paths` (files are taken as given; directories are walked). */
export function testFiles(paths = TEST_DIRS.map((d) => join(ROOT, d))) {
  const out = [];
  const walk = (p) => {
    if (!existsSync(p)) return;
    if (statSync(p).isFile()) return void out.push(p);
    for (const entry of readdirSync(p, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) walk(join(p, entry.name));
      } else if (TEST_FILE.test(entry.name)) out.push(join(p, entry.name));
    }
  };
  for (const p of paths) walk(resolve(p));
  return out.sort();
}

/** @param {string[]} [paths] @returns {Finding[]} */
export function checkTests(paths) {
  return testFiles(paths).flatMap((f) => checkFile(f));
}

export function format(f) {
  return `${f.file}:${f.line}:${f.column}  ${f.rule}  ${f.message}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const files = testFiles(args.length ? args : undefined);
  const findings = files.flatMap((f) => checkFile(f));
  for (const f of findings) console.error(format(f));
  if (findings.length) {
    console.error(`check-tests: ${findings.length} problem(s) in ${new Set(findings.map((f) => f.file)).size} of ${files.length} test files`);
    process.exitCode = 1;
  } else console.log(`check-tests: ${files.length} test files, every test can fail`);
}
