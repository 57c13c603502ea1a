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
import { SeenSubjects, toSubjectIssues, unreadable } from './records';
import { badArgument, optionsOf } from '../args';

function invalid(subject: unknown, issues: Issue[]): KiemdiemError {
  const list = toSubjectIssues(subject, 0, issues);
  return new KiemdiemError('invalid-subject', list.map((i) => `${i.path || '/'}: ${i.message}`).join('; '), list);
}

function checkList(subjects: unknown, s: Session): asserts subjects is readonly unknown[] {
  if (!Array.isArray(subjects)) throw new KiemdiemError('invalid-subject', s.loc.issues.notArray(s.loc.subjectList));
}

/** One record of a batch: its duplicate check, then its rating, isolated (what it throws is its own error). */
function rateRecord(input: unknown, index: number, s: Session, seen: SeenSubjects | null): Rated | SubjectIssue[] {
  const stop = seen?.check(input, index, s);
  if (stop) return stop;
  try {
    return rateOneSync(input, s);
  } catch (error) {
    if (error instanceof KiemdiemError) throw error;
    return toSubjectIssues(input, index, [unreadable(error, s)]);
  }
}

async function rateRecordAsync(input: unknown, index: number, s: Session, seen: SeenSubjects): Promise<Rated | SubjectIssue[]> {
  const stop = seen.check(input, index, s);
  if (stop) return stop;
  try {
    return await rateOne(input, s);
  } catch (error) {
    if (error instanceof KiemdiemError) throw error;
    return toSubjectIssues(input, index, [unreadable(error, s)]);
  }
}

/** Files one record's outcome into the batch's results or errors. */
function file(outcome: Rated | SubjectIssue[], input: unknown, index: number, results: Result[], errors: SubjectIssue[]): void {
  if (Array.isArray(outcome)) errors.push(...outcome);
  else if (outcome.ok) results.push(outcome.result);
  else errors.push(...toSubjectIssues(input, index, outcome.issues));
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
export async function rate(subject: Subject, options: RateOptions | null = {}): Promise<Result> {
  const o = optionsOf(options);
  const s = openSession(o);
  return resultOrThrow(subject, o.engine === 'reference' ? await rateOne(subject, s) : rateOneSync(subject, s));
}

/** rate() on the compiled engine, synchronously. */
export function rateSync(subject: Subject, options: Omit<RateOptions, 'engine'> | null = {}): Result {
  return resultOrThrow(subject, rateOneSync(subject, openSession({ ...optionsOf(options), engine: 'compiled' })));
}

/**
 * Rates a batch: valid subjects are rated, invalid ones reported; quota checked per group. A later record
 * with the kind, id (exact string after NFC) and period of an earlier one is an error `duplicate-id`: not
 * rated, not counted in the quota. A record that throws when read is an error `unreadable-record`.
 */
export async function rateMany(subjects: readonly unknown[], options: RateOptions | null = {}): Promise<RateManyOutput> {
  const o = optionsOf(options);
  const s = openSession(o);
  if (o.engine !== 'reference') return rateManyIn(s, subjects);
  checkList(subjects, s);
  const results: Result[] = [];
  const errors: SubjectIssue[] = [];
  const seen = new SeenSubjects();
  for (let index = 0; index < subjects.length; index++) file(await rateRecordAsync(subjects[index], index, s, seen), subjects[index], index, results, errors);
  return collect(s, results, errors);
}

/** rateMany() on the compiled engine, synchronously: for hosts that rate in a loop or a worker. */
export function rateManySync(subjects: readonly unknown[], options: Omit<RateOptions, 'engine'> | null = {}): RateManyOutput {
  return rateManyIn(openSession({ ...optionsOf(options), engine: 'compiled' }), subjects);
}

function rateManyIn(s: Session, subjects: readonly unknown[]): RateManyOutput {
  checkList(subjects, s);
  const results: Result[] = [];
  const errors: SubjectIssue[] = [];
  const seen = new SeenSubjects();
  for (let index = 0; index < subjects.length; index++) file(rateRecord(subjects[index], index, s, seen), subjects[index], index, results, errors);
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

/** How a rater treats ids. */
export interface RaterSettings {
  /**
   * true (the default): a record with the kind, NFC id and period of an earlier one is `duplicate-id`,
   * not rated and not counted. The rater then keeps every id it has seen, compactly (IdSet: 4 bytes for an
   * id ending in a dense number, else about its UTF-8 bytes + 15). false: the caller checks ids itself (the
   * CLI does, across workers).
   */
  checkIds?: boolean;
}

export function createRater(options: Omit<RateOptions, 'engine'> | null = {}, settings: RaterSettings | null = {}): Rater {
  const s = openSession({ ...optionsOf(options), engine: 'compiled' });
  const seen = optionsOf(settings, 'settings').checkIds === false ? null : new SeenSubjects();
  const tally = new QuotaTally();
  return {
    rate(input, index) {
      if (!Number.isInteger(index) || index < 0) throw badArgument('index', 'index');
      const outcome = rateRecord(input, index, s, seen);
      if (Array.isArray(outcome)) return { ok: false, errors: outcome };
      if (!outcome.ok) return { ok: false, errors: toSubjectIssues(input, index, outcome.issues) };
      tally.add(outcome.result);
      return { ok: true, result: outcome.result };
    },
    quota: () => quotaOf(s, tally),
    counts: () => tally.counts(),
    merge: (counts) => {
      if (!Array.isArray(counts)) throw badArgument('counts', 'array');
      tally.merge(counts);
    },
  };
}

export type { QuotaCount };
