/**
 * The public ways to rate: one subject or many, asynchronously (any engine) or synchronously (the compiled
 * engine), and record by record for streams (createRater). All go through one session and one pipeline.
 * Every input subject ends up in exactly one of `results` or `errors`.
 */
import { KiemdiemError } from '../errors';
import type { Issue } from '../subject/validate';
import type { QuotaLine, RateManyOutput, RateOptions, Result, Subject, SubjectIssue } from '../types';
import { rateOne, rateOneSync, type Rated } from './pipeline';
import { QuotaTally, quotaLinesOf, type QuotaCount } from './quota-lines';
import { loadRegulation } from '../registry';
import { openSession, paramsAt, type Session } from './session';

function toSubjectIssues(input: unknown, index: number, issues: Issue[]): SubjectIssue[] {
  const raw = (input as { id?: unknown } | null)?.id;
  const id = typeof raw === 'string' && raw.trim() !== '' ? raw : undefined;
  return issues.map((i) => ({ ...(id !== undefined ? { id } : {}), index, path: i.path, message: i.message, code: i.code }));
}

function invalid(subject: unknown, issues: Issue[]): KiemdiemError {
  const list = toSubjectIssues(subject, 0, issues);
  return new KiemdiemError('invalid-subject', list.map((i) => `${i.path || '/'}: ${i.message}`).join('; '), list);
}

function checkList(subjects: unknown, s: Session): asserts subjects is readonly unknown[] {
  if (!Array.isArray(subjects)) throw new KiemdiemError('invalid-subject', s.loc.issues.notArray(s.loc.subjectList));
}

function quotaOf(s: Session, tally: QuotaTally): QuotaLine[] {
  return quotaLinesOf(
    tally.counts(),
    (regulation, period) => {
      const pack = s.fixedPack?.id === regulation ? s.fixedPack : loadRegulation(regulation);
      return { pack, params: paramsAt(s, pack, period) };
    },
    s.exceptional,
  );
}

function collect(s: Session, results: Result[], errors: SubjectIssue[]): RateManyOutput {
  const tally = new QuotaTally();
  for (const r of results) tally.add(r);
  return { results, quota: quotaOf(s, tally), errors };
}

function resultOrThrow(subject: unknown, rated: Rated): Result {
  if (rated.ok) return rated.result;
  throw invalid(subject, rated.issues);
}

/**
 * Rates one subject. Throws a KiemdiemError (code `invalid-subject`, `details` = the issues) when the
 * subject is invalid; use rateMany to collect problems instead.
 */
export async function rate(subject: Subject, options: RateOptions = {}): Promise<Result> {
  const s = openSession(options);
  return resultOrThrow(subject, options.engine === 'reference' ? await rateOne(subject, s) : rateOneSync(subject, s));
}

/** rate() on the compiled engine, synchronously. */
export function rateSync(subject: Subject, options: Omit<RateOptions, 'engine'> = {}): Result {
  return resultOrThrow(subject, rateOneSync(subject, openSession({ ...options, engine: 'compiled' })));
}

/** Rates a batch: valid subjects are rated, invalid ones reported; quota checked per group. */
export async function rateMany(subjects: readonly unknown[], options: RateOptions = {}): Promise<RateManyOutput> {
  const s = openSession(options);
  if (options.engine !== 'reference') return rateManyIn(s, subjects);
  checkList(subjects, s);
  const results: Result[] = [];
  const errors: SubjectIssue[] = [];
  for (let index = 0; index < subjects.length; index++) {
    const rated = await rateOne(subjects[index], s);
    if (rated.ok) results.push(rated.result);
    else errors.push(...toSubjectIssues(subjects[index], index, rated.issues));
  }
  return collect(s, results, errors);
}

/** rateMany() on the compiled engine, synchronously: for hosts that rate in a loop or a worker. */
export function rateManySync(subjects: readonly unknown[], options: Omit<RateOptions, 'engine'> = {}): RateManyOutput {
  return rateManyIn(openSession({ ...options, engine: 'compiled' }), subjects);
}

function rateManyIn(s: Session, subjects: readonly unknown[]): RateManyOutput {
  checkList(subjects, s);
  const results: Result[] = [];
  const errors: SubjectIssue[] = [];
  for (let index = 0; index < subjects.length; index++) {
    const rated = rateOneSync(subjects[index], s);
    if (rated.ok) results.push(rated.result);
    else errors.push(...toSubjectIssues(subjects[index], index, rated.issues));
  }
  return collect(s, results, errors);
}

/** One record's outcome from a Rater: its result, or the problems that kept it from being rated. */
export type RaterOutcome = { ok: true; result: Result } | { ok: false; errors: SubjectIssue[] };

/**
 * A compiled rater for streams: options are checked once, each record is rated on its own, and only
 * the quota counts (one small entry per group) are kept, so memory does not grow with the input.
 * Raters in several workers can pool their counts with `counts()` and `merge()`.
 */
export interface Rater {
  /** Rates one record; `index` is its position in the input and is what error reports name. */
  rate(input: unknown, index: number): RaterOutcome;
  /** The quota lines for every record rated so far, plus any counts merged in. */
  quota(): QuotaLine[];
  counts(): QuotaCount[];
  merge(counts: readonly QuotaCount[]): void;
}

export function createRater(options: Omit<RateOptions, 'engine'> = {}): Rater {
  const s = openSession({ ...options, engine: 'compiled' });
  const tally = new QuotaTally();
  return {
    rate(input, index) {
      const rated = rateOneSync(input, s);
      if (!rated.ok) return { ok: false, errors: toSubjectIssues(input, index, rated.issues) };
      tally.add(rated.result);
      return { ok: true, result: rated.result };
    },
    quota: () => quotaOf(s, tally),
    counts: () => tally.counts(),
    merge: (counts) => tally.merge(counts),
  };
}

export type { QuotaCount };
