/**
 * Declarative test cases for rule packs: `{ name, regulation?, article?, subject, expect }`.
 * Testers write them in YAML or JSON; `kiemdiem test` and the API run them.
 */
import { badArgument, isObj, optionsOf } from './args';
import { KiemdiemError } from './errors';
import { rateMany } from './rating';
import { loadRegulation } from './registry';
import type { Pack } from './pack/types';
import type { Engine, Lang, Level, RateOptions, Result, Status, SubjectIssue } from './types';

export interface CaseExpectation {
  status?: Status;
  level?: Level | null;
  /** For status `for-decision`: the level without the cases handed over, and (some of) the rules that handed it over. */
  decision?: { without?: Level | null; rules?: string[] };
  total?: number;
  /** Rule ids that must appear among the result's reasons. */
  because?: string[];
  /** JSON pointers that must be reported as input problems (the subject is expected to be invalid). */
  errors?: string[];
}

export interface TestCase {
  name: string;
  regulation?: string;
  /** The article the case exercises, e.g. "Điều 11 khoản 1". */
  article?: string;
  subject: unknown;
  expect: CaseExpectation;
  /**
   * The readings (pack parameters `reading.*`, provenance `unverified`) the expected outcome rests on: the case
   * tests a default interpretation, not the text. Each must be a parameter of the case's pack.
   */
  reading?: string[];
  /** Parameter values for this case (e.g. a reading switched off), as `RateOptions.parameters`. */
  parameters?: Record<string, unknown>;
  /** Where the case came from, for messages. */
  file?: string;
}

/**
 * One way a case failed, as data, so that a caller (the CLI) can word it in its own language; `failures` holds the
 * same problems worded in English.
 */
export type CaseProblem =
  /** The case could not run (an unknown parameter or regulation): the error's message. */
  | { kind: 'error'; message: string }
  /** A `reading` the case names is not a parameter of the regulation that rated it. */
  | { kind: 'unknown-reading'; reading: string; regulation: string }
  /** Input errors were expected, but the subject was rated. */
  | { kind: 'rated-not-invalid'; paths: string[]; status: Status; level: Level | null }
  /** An expected input error that was not reported; `got` lists the paths that were. */
  | { kind: 'missing-error'; path: string; got: string[] }
  /** The subject was expected to be rated but had input errors. */
  | { kind: 'input-errors'; errors: Array<{ path: string; message: string }> }
  /** An expected value that differs; `null` is a level of null, `got` undefined means "no decision". */
  | { kind: 'mismatch'; field: 'status' | 'level' | 'total' | 'decision.without'; expected: string; got: string | null }
  /** A rule expected among the decision's rules or the reasons, and not there. */
  | { kind: 'not-among'; field: 'decision.rules' | 'because'; rule: string; among: string[] };

/** A problem worded in English (the text of `CaseOutcome.failures`). */
export function describeProblem(p: CaseProblem): string {
  // A host's junk is an argument error, like every other export's.
  if (!isObj(p) || typeof (p as { kind?: unknown }).kind !== 'string') throw badArgument('problem', 'object');
  switch (p.kind) {
    case 'error':
      return p.message;
    case 'unknown-reading':
      return `reading: ${p.reading} is not a parameter of ${p.regulation}`;
    case 'rated-not-invalid':
      return `expected input errors at ${p.paths.join(', ')}, but the subject was rated ${p.status}/${show(p.level)}`;
    case 'missing-error':
      return `expected an input error at ${p.path}; got ${p.got.join(', ') || 'none'}`;
    case 'input-errors':
      return `input errors: ${p.errors.map((x) => `${x.path}: ${x.message}`).join('; ')}`;
    case 'mismatch':
      return `${p.field}: expected ${p.expected}, got ${p.got ?? 'no decision'}`;
    case 'not-among':
      return p.field === 'because'
        ? `because: ${p.rule} is not among the reasons (${p.among.join(', ')})`
        : `decision.rules: ${p.rule} is not among ${p.among.join(', ') || 'none'}`;
  }
}

export interface CaseOutcome {
  case: TestCase;
  passed: boolean;
  /** The problems worded in English. */
  failures: string[];
  /** The same problems as data. */
  problems: CaseProblem[];
  result?: Result;
  errors: SubjectIssue[];
}

const CASE_KEYS = new Set(['name', 'regulation', 'article', 'subject', 'expect', 'description', 'reading', 'parameters']);
const EXPECT_KEYS = new Set(['status', 'level', 'total', 'because', 'errors', 'decision']);

/** Accepts a case, an array of cases, or `{ regulation?, cases: [...] }`; checks their shape. */
export function readCases(data: unknown, file = '<input>'): TestCase[] {
  const bad = (where: string, why: string) => new KiemdiemError('invalid-subject', `${file}${where}: ${why}`);
  let list: unknown[];
  let fileRegulation: string | undefined;
  if (Array.isArray(data)) list = data;
  else if (data !== null && typeof data === 'object' && Array.isArray((data as { cases?: unknown }).cases)) {
    list = (data as { cases: unknown[] }).cases;
    const reg = (data as { regulation?: unknown }).regulation;
    if (reg !== undefined && typeof reg !== 'string') throw bad(' /regulation', 'must be a string');
    fileRegulation = reg as string | undefined;
  } else if (data !== null && typeof data === 'object' && 'subject' in data) list = [data];
  else throw bad('', 'expected a case, an array of cases, or { cases: [...] }');

  return list.map((raw, i) => {
    const where = ` /cases/${i}`;
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw bad(where, 'a case must be an object');
    const c = raw as Record<string, unknown>;
    for (const key of Object.keys(c)) if (!CASE_KEYS.has(key)) throw bad(`${where}/${key}`, 'unknown key');
    if (typeof c.name !== 'string' || c.name.trim() === '') throw bad(`${where}/name`, 'a case needs a name');
    if (c.regulation !== undefined && typeof c.regulation !== 'string') throw bad(`${where}/regulation`, 'must be a string');
    if (c.expect === null || typeof c.expect !== 'object' || Array.isArray(c.expect)) throw bad(`${where}/expect`, 'a case needs expect: { status, level }');
    const e = c.expect as Record<string, unknown>;
    for (const key of Object.keys(e)) if (!EXPECT_KEYS.has(key)) throw bad(`${where}/expect/${key}`, 'unknown key');
    if (e.errors === undefined && e.status === undefined) throw bad(`${where}/expect`, 'expect needs status (or errors)');
    for (const key of ['because', 'errors'] as const)
      if (e[key] !== undefined && (!Array.isArray(e[key]) || !(e[key] as unknown[]).every((x) => typeof x === 'string')))
        throw bad(`${where}/expect/${key}`, 'must be a list of strings');
    if (e.decision !== undefined) {
      const d = e.decision as Record<string, unknown> | null;
      if (d === null || typeof d !== 'object' || Array.isArray(d) || Object.keys(d).some((k) => k !== 'without' && k !== 'rules'))
        throw bad(`${where}/expect/decision`, 'must be { without?, rules? }');
      if (d.rules !== undefined && (!Array.isArray(d.rules) || !d.rules.every((x) => typeof x === 'string'))) throw bad(`${where}/expect/decision/rules`, 'must be a list of strings');
    }
    const reading = typeof c.reading === 'string' ? [c.reading] : c.reading;
    if (reading !== undefined && (!Array.isArray(reading) || !reading.every((x) => typeof x === 'string' && x.startsWith('reading.'))))
      throw bad(`${where}/reading`, 'must name a reading parameter (reading.…) or a list of them');
    if (c.parameters !== undefined && (c.parameters === null || typeof c.parameters !== 'object' || Array.isArray(c.parameters)))
      throw bad(`${where}/parameters`, 'must be an object { name: value }');
    const testCase: TestCase = { name: c.name.normalize('NFC'), subject: c.subject, expect: e as CaseExpectation, file };
    if (reading !== undefined) testCase.reading = reading as string[];
    if (c.parameters !== undefined) testCase.parameters = c.parameters as Record<string, unknown>;
    const regulation = (c.regulation as string | undefined) ?? fileRegulation;
    if (regulation !== undefined) testCase.regulation = regulation;
    if (typeof c.article === 'string') testCase.article = c.article;
    return testCase;
  });
}

function show(level: Level | null | undefined): string {
  return level === null || level === undefined ? 'null' : level;
}

/** Runs cases; a case's own `regulation` wins over `options.regulation`, which wins over period selection. */
export async function runCases(cases: readonly TestCase[], options: { regulation?: string; lang?: Lang; overlays?: unknown[]; pack?: Pack; engine?: Engine } | null = {}): Promise<CaseOutcome[]> {
  options = optionsOf(options);
  // Cases as readCases gives them: each an object with an `expect` object.
  if (!Array.isArray(cases) || !cases.every((c) => isObj(c) && isObj((c as { expect?: unknown }).expect))) throw badArgument('cases', 'array');
  const outcomes: CaseOutcome[] = [];
  for (const testCase of cases) {
    const rateOptions: RateOptions = { lang: options.lang ?? 'vi' };
    if (options.engine) rateOptions.engine = options.engine;
    const regulation = testCase.regulation ?? options.regulation;
    if (regulation !== undefined) rateOptions.regulation = regulation;
    if (options.overlays?.length) rateOptions.overlays = options.overlays;
    if (testCase.parameters) rateOptions.parameters = testCase.parameters;
    // An overlaid pack applies to cases that name no regulation or name its base regulation.
    if (options.pack && (testCase.regulation === undefined || testCase.regulation === options.pack.id.split('+')[0])) rateOptions.pack = options.pack;
    const subject = withDefaultId(testCase);
    const problems: CaseProblem[] = [];
    let rated: Awaited<ReturnType<typeof rateMany>>;
    try {
      rated = await rateMany([subject], rateOptions);
    } catch (error) {
      // A case naming an unknown parameter or regulation fails alone; the others still run.
      const problem: CaseProblem = { kind: 'error', message: (error as Error).message };
      outcomes.push({ case: testCase, passed: false, failures: [describeProblem(problem)], problems: [problem], errors: [] });
      continue;
    }
    const { results, errors } = rated;
    const result = results[0];
    for (const name of testCase.reading ?? []) {
      const pack = result ? (options.pack?.id === result.regulation ? options.pack : undefined) : undefined;
      if (result && !(pack ?? loadRegulation(result.regulation.split('+')[0]!)).parameters[name]) problems.push({ kind: 'unknown-reading', reading: name, regulation: result.regulation });
    }
    const e = testCase.expect;
    if (e.errors) {
      if (result) problems.push({ kind: 'rated-not-invalid', paths: e.errors, status: result.status, level: result.level });
      for (const path of e.errors) if (!errors.some((x) => x.path === path)) problems.push({ kind: 'missing-error', path, got: errors.map((x) => x.path) });
    } else if (!result) {
      problems.push({ kind: 'input-errors', errors: errors.map((x) => ({ path: x.path, message: x.message })) });
    } else {
      if (e.status !== undefined && result.status !== e.status) problems.push({ kind: 'mismatch', field: 'status', expected: e.status, got: result.status });
      if (e.level !== undefined && result.level !== e.level) problems.push({ kind: 'mismatch', field: 'level', expected: show(e.level), got: show(result.level) });
      if (e.total !== undefined && result.total !== e.total) problems.push({ kind: 'mismatch', field: 'total', expected: String(e.total), got: String(result.total) });
      if (e.decision?.without !== undefined && result.decision?.without !== e.decision.without)
        problems.push({ kind: 'mismatch', field: 'decision.without', expected: show(e.decision.without), got: result.decision ? show(result.decision.without) : null });
      for (const rule of e.decision?.rules ?? [])
        if (!result.decision?.rules.includes(rule)) problems.push({ kind: 'not-among', field: 'decision.rules', rule, among: result.decision?.rules ?? [] });
      for (const rule of e.because ?? []) {
        if (!result.reasons.some((r) => r.rule === rule)) problems.push({ kind: 'not-among', field: 'because', rule, among: result.reasons.map((r) => r.rule) });
      }
    }
    const failures = problems.map(describeProblem);
    const outcome: CaseOutcome = { case: testCase, passed: problems.length === 0, failures, problems, errors };
    if (result) outcome.result = result;
    outcomes.push(outcome);
  }
  return outcomes;
}

function withDefaultId(testCase: TestCase): unknown {
  const s = testCase.subject;
  if (s !== null && typeof s === 'object' && !Array.isArray(s) && (s as { id?: unknown }).id === undefined) return { id: testCase.name, ...s };
  return s;
}
