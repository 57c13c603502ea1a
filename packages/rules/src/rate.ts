/**
 * rate / rateMany: validate each subject, pick its pack, decide eligibility, forcing rules, caps and
 * the level, explain it, then check the quota per group. Every input subject ends up in exactly one of
 * `results` or `errors`.
 */
import { formatDate, periodBounds, periodLabel } from './dates';
import { KiemdiemError } from './errors';
import { compilePack } from './compile/engine';
import { eligibilityStatus, LEVEL_ORDER, PackEngine, RATED_LEVELS, type Phase, type RuleOutcome } from './evaluate';
import { reasonFor, type Outcome } from './explain';
import { ReasonMemo } from './reason-memo';
import { eligibilityFacts, ratingFacts, subjectType, type Facts } from './facts';
import { fieldLabel, locale, type Locale } from './locales';
import { checkOverrides, parameterFacts } from './pack/params';
import type { Pack, PackRule, ParameterScalar } from './pack/types';
import { applyOverlay, readOverlay } from './overlay';
import { QuotaTally, quotaLinesOf, type QuotaCount } from './quota-lines';
import { loadRegulation, regulationFor, regulationIds } from './registry';
import { checkSubject, type Issue, type ScoreLimits } from './subject/validate';
import { ENGINES, type Engine, type Lang, type Level, type Period, type QuotaLine, type RateManyOutput, type RateOptions, type Reason, type Result, type Status, type Subject, type SubjectIssue, type SubjectType } from './types';

const engines = new WeakMap<Pack, PackEngine>();
function engineOf(pack: Pack): PackEngine {
  let engine = engines.get(pack);
  if (!engine) {
    engine = new PackEngine(pack);
    engines.set(pack, engine);
  }
  return engine;
}

/** Options checked once per call: the pack (if fixed), parameter overrides and disabled rules. */
interface Prepared {
  lang: Lang;
  loc: Locale;
  fixedPack?: Pack;
  overrides: Map<Pack, Record<string, ParameterScalar>>;
  disabled: Set<string>;
  engine: Engine;
  reasons: boolean;
  /** Shared reasons (RateOptions.shareReasons), or none: a fresh reason per result. */
  memo?: ReasonMemo;
  /** Parameter facts per pack and period end: the same for every subject of a period. */
  paramCache: Map<Pack, Map<number, Record<string, ParameterScalar>>>;
  packByPeriod: Map<number, Pack | null>;
  options: RateOptions;
}

const overlaid = new WeakMap<object, Map<string, Pack>>();

/** Applies overlays to a pack, caching by overlay object so repeated calls reuse one engine. */
export function withOverlays(pack: Pack, overlays: readonly unknown[], files: readonly string[] = []): Pack {
  let current = pack;
  overlays.forEach((data, i) => {
    const cacheable = data !== null && typeof data === 'object';
    const cached = cacheable ? overlaid.get(data)?.get(current.id) : undefined;
    if (cached) {
      current = cached;
      return;
    }
    const next = applyOverlay(current, data, files[i] ?? `overlays[${i}]`);
    if (cacheable) {
      const byBase = overlaid.get(data) ?? new Map<string, Pack>();
      byBase.set(current.id, next);
      overlaid.set(data, byBase);
    }
    current = next;
  });
  return current;
}

function prepare(options: RateOptions = {}): Prepared {
  const lang: Lang = options.lang === 'en' ? 'en' : 'vi';
  const loc = locale(lang);
  const engine = options.engine ?? 'compiled';
  if (!ENGINES.includes(engine)) throw new KiemdiemError('invalid-option', loc.errors.invalidOption('engine', String(engine), ENGINES), { option: 'engine', value: engine });
  const prepared: Prepared = { lang, loc, overrides: new Map(), disabled: new Set(options.disabledRules ?? []), engine, reasons: options.reasons !== false, paramCache: new Map(), packByPeriod: new Map(), options };
  if (options.shareReasons === true) prepared.memo = new ReasonMemo();
  const overlays = options.overlays ?? [];
  const base = options.regulation ?? (overlays.length > 0 ? readOverlay(overlays[0], 'overlays[0]').extends : undefined);
  if (options.pack) prepared.fixedPack = withOverlays(options.pack, overlays);
  else if (base !== undefined) prepared.fixedPack = withOverlays(loadRegulation(base, { lang }), overlays);
  const packs = prepared.fixedPack ? [prepared.fixedPack] : regulationIds().map((id) => loadRegulation(id));
  // Without a fixed pack, an override applies to the packs that define it; it must exist in at least one.
  for (const name of Object.keys(options.parameters ?? {})) {
    if (!packs.some((p) => Object.prototype.hasOwnProperty.call(p.parameters, name)))
      throw new KiemdiemError('unknown-parameter', loc.errors.unknownParameter(name, packs.map((p) => p.id).join(', ')), { parameter: name });
  }
  for (const pack of packs) {
    const own = Object.fromEntries(Object.entries(options.parameters ?? {}).filter(([name]) => Object.prototype.hasOwnProperty.call(pack.parameters, name)));
    prepared.overrides.set(pack, checkOverrides(pack, own, loc));
  }
  for (const id of prepared.disabled) {
    if (!packs.some((p) => p.rules.some((r) => r.name === id)))
      throw new KiemdiemError('unknown-rule', loc.errors.unknownRule(id, packs.map((p) => p.id).join(', ')), { rule: id });
  }
  return prepared;
}

type Rated = { ok: true; result: Result } | { ok: false; issues: Issue[] };

function looksLikePeriod(value: unknown): value is Period {
  if (value === null || typeof value !== 'object') return false;
  const p = value as Record<string, unknown>;
  return Number.isInteger(p.year) && (p.year as number) >= 2000 && (p.year as number) <= 2100 &&
    (p.quarter === undefined || (Number.isInteger(p.quarter) && (p.quarter as number) >= 1 && (p.quarter as number) <= 4));
}

function paramsAt(prep: Prepared, pack: Pack, period: Period): Record<string, ParameterScalar> {
  let byDate = prep.paramCache.get(pack);
  if (!byDate) {
    byDate = new Map();
    prep.paramCache.set(pack, byDate);
  }
  const key = period.quarter === undefined ? period.year * 10 : period.year * 10 + period.quarter;
  let params = byDate.get(key);
  if (!params) {
    params = parameterFacts(pack, formatDate(periodBounds(period).end), prep.overrides.get(pack) ?? {});
    byDate.set(key, params);
  }
  return params;
}

const DEFAULT_LIMITS: ScoreLimits = { commonMax: 30, tasksMax: 70, step: 0.5 };
const limitsCache = new WeakMap<Record<string, ParameterScalar>, ScoreLimits>();

/** Score limits from the pack's parameters for the period, worked out once per parameter set. */
function limitsAt(prep: Prepared, pack: Pack, period: Period): ScoreLimits {
  const params = paramsAt(prep, pack, period);
  let limits = limitsCache.get(params);
  if (!limits) {
    limits = {
      commonMax: numberParam(params, 'score.common.max', 30),
      tasksMax: numberParam(params, 'score.tasks.max', 70),
      step: numberParam(params, 'score.step', 0.5),
    };
    limitsCache.set(params, limits);
  }
  return limits;
}

function numberParam(params: Record<string, ParameterScalar>, name: string, fallback: number): number {
  const v = params[`param:${name}`];
  return typeof v === 'number' ? v : fallback;
}

/** The pack in force for a period (null: none), looked up once per period in a call. */
function packFor(prep: Prepared, period: Period): Pack | null {
  const key = period.quarter === undefined ? period.year * 10 : period.year * 10 + period.quarter;
  let pack = prep.packByPeriod.get(key);
  if (pack === undefined) {
    try {
      pack = loadRegulation(regulationFor(period, { lang: prep.lang }).id);
    } catch (error) {
      if (!(error instanceof KiemdiemError) || error.code !== 'no-regulation-for-period') throw error;
      pack = null;
    }
    prep.packByPeriod.set(key, pack);
  }
  return pack;
}

/** What the rating asks an engine: run one phase's rules for one subject type on these facts. */
interface Ask {
  pack: Pack;
  type: SubjectType;
  phase: Phase;
  facts: Facts;
  params: Record<string, ParameterScalar>;
}

/** A subject between steps: what the next step needs. */
interface Pending extends Ask {
  subject: Subject;
  base: Omit<Result, 'status' | 'level' | 'reasons'>;
}

/*
 * The rating of one subject is written once for both engines, as three steps around the two rule runs:
 * validate → (eligibility rules) → check inputs → (rating rules) → decide. The compiled engine runs the
 * steps synchronously; json-rules-engine's runs are awaited in between.
 */

/** Step 1: pick the pack, validate, and ask for the eligibility rules. */
function validateStep(input: unknown, prep: Prepared): Rated | Pending {
  const { loc, lang } = prep;
  const rawPeriod = (input as { period?: unknown } | null)?.period;
  let pack = prep.fixedPack;
  if (!pack && looksLikePeriod(rawPeriod)) {
    const found = packFor(prep, rawPeriod);
    if (!found) {
      const issues = checkSubject(input, loc, { commonMax: 30, tasksMax: 70, step: 0.5 });
      issues.push({ path: '/period', code: 'no-regulation', message: loc.issues.noRegulation(fieldLabel(loc, '/period'), periodLabel(rawPeriod, lang)) });
      return { ok: false, issues };
    }
    pack = found;
  }
  // Score limits come from the pack; a subject with an unusable period still gets every other field checked.
  const issues = checkSubject(input, loc, pack && looksLikePeriod(rawPeriod) ? limitsAt(prep, pack, rawPeriod) : DEFAULT_LIMITS);
  if (issues.length > 0 || !pack) return { ok: false, issues };

  const subject = input as Subject;
  const params = paramsAt(prep, pack, subject.period);
  const periodIssue = checkPeriodKind(pack, subject.period, params, loc);
  if (periodIssue) return { ok: false, issues: [periodIssue] };

  const type = subjectType(subject);
  const base: Omit<Result, 'status' | 'level' | 'reasons'> = {
    id: subject.id,
    regulation: pack.id,
    kind: subject.kind,
    period: subject.period.quarter === undefined ? { year: subject.period.year } : { year: subject.period.year, quarter: subject.period.quarter },
  };
  if (subject.audience) base.audience = subject.audience;
  if (subject.group !== undefined) base.group = subject.group.normalize('NFC');
  if (subject.name !== undefined) base.name = subject.name.normalize('NFC');
  if (subject.score) base.total = subject.score.common + subject.score.tasks;

  return { pack, type, phase: 'eligibility', facts: eligibilityFacts(subject), params, subject, base };
}

/** Step 2: status from the eligibility rules; otherwise check the pack's inputs and ask for the rating rules. */
function eligibilityStep(p: Pending, eligibility: readonly RuleOutcome[], prep: Prepared): Rated | Pending {
  const { loc } = prep;
  const { pack, type, params, subject, base } = p;
  const switchedOff = eligibility.filter((e) => e.rule.disabledBy && e.outcome.result).map((e) => reasonOf(prep, pack, e.rule, e.outcome, 'disabled'));
  const applied = eligibility.filter((e) => e.outcome.result && isActive(e.rule, prep));
  if (applied.length > 0) {
    const first = applied[0]!;
    const status = eligibilityStatus(first.rule, params);
    return {
      ok: true,
      result: { ...base, status, level: null, reasons: [...applied.map((e) => reasonOf(prep, pack, e.rule, e.outcome, 'applied')), ...switchedOff] },
    };
  }

  const missing = missingInputs(pack, type, subject, loc);
  if (missing.length > 0) return { ok: false, issues: missing };

  const selfDetectedExempts = params['param:force.discipline.selfDetectedExempts'] === true;
  return { pack, type, phase: 'rating', facts: ratingFacts(subject, { selfDetectedExempts }), params, subject, base };
}

/** The inputs the pack needs for this subject type (manifest `inputs`) that the subject lacks. */
function missingInputs(pack: Pack, type: SubjectType, subject: Subject, loc: Locale): Issue[] {
  const missing: Issue[] = [];
  let needsGrades = false;
  for (const i of pack.manifest.inputs) {
    if (!i.for.includes(type)) continue;
    if (i.field === 'grades') needsGrades = true;
    if ((subject as unknown as Record<string, unknown>)[i.field] === undefined)
      missing.push({ path: `/${i.field}`, code: 'required-by-regulation', message: loc.issues.requiredBy(fieldLabel(loc, `/${i.field}`), pack.manifest.number) });
  }
  if (needsGrades && subject.grades) {
    const keys = Object.keys(subject.grades);
    if (!keys.includes('tasks') || keys.length < 2)
      missing.push({ path: keys.includes('tasks') ? '/grades' : '/grades/tasks', code: 'required-by-regulation', message: loc.issues.gradesIncomplete(fieldLabel(loc, '/grades')) });
  }
  return missing;

}

/** Step 3: forcing rules, caps and level requirements decide the level. */
function decideStep(p: Pending, outcomes: readonly RuleOutcome[], prep: Prepared): Rated {
  const { loc, lang } = prep;
  const { pack, base } = p;
  const active = prep.disabled.size === 0 && !pack.disabled?.length ? outcomes : outcomes.filter((o) => isActive(o.rule, prep));
  const { status, level, reasons } = decide(active, lang, loc, (rule, outcome, how) => reasonOf(prep, pack, rule, outcome, how));
  // A switched-off rule is worth a line when, switched on, it would have held (force, cap) or failed (requirement).
  for (const o of outcomes) {
    if (!o.rule.disabledBy) continue;
    const mattered = o.rule.event.type === 'requirement' ? !o.outcome.result : o.outcome.result;
    if (mattered) reasons.push(reasonOf(prep, pack, o.rule, o.outcome, 'disabled'));
  }
  // The result is the base with its decision added (no spread: one object shape for every subject).
  const result = base as Result;
  result.status = status;
  result.level = level;
  result.reasons = reasons;
  return { ok: true, result };
}

function rateOneSync(input: unknown, prep: Prepared): Rated {
  const first = validateStep(input, prep);
  if ('ok' in first) return first;
  if (!prep.reasons) return decideQuickly(first, prep);
  const second = eligibilityStep(first, compilePack(first.pack).run(first.type, 'eligibility', first.facts, first.params), prep);
  if ('ok' in second) return second;
  return decideStep(second, compilePack(second.pack).run(second.type, 'rating', second.facts, second.params), prep);
}

/** Status and level without reasons, through the compiled pack's decision procedure. */
function decideQuickly(p: Pending, prep: Prepared): Rated {
  const { pack, type, params, subject, base } = p;
  const d = compilePack(pack).deciders(type, prep.disabled);
  let decided = d.eligibility(p.facts, params);
  if (!decided) {
    const missing = missingInputs(pack, type, subject, prep.loc);
    if (missing.length > 0) return { ok: false, issues: missing };
    decided = d.level(ratingFacts(subject, { selfDetectedExempts: params['param:force.discipline.selfDetectedExempts'] === true }), params);
  }
  // Same key order as the full path: status, level, reasons.
  const result = base as Result;
  result.status = decided.status;
  result.level = decided.level;
  result.reasons = [];
  return { ok: true, result };
}

async function rateOneWithReference(input: unknown, prep: Prepared): Promise<Rated> {
  const first = validateStep(input, prep);
  if ('ok' in first) return first;
  const second = eligibilityStep(first, await engineOf(first.pack).run(first.type, 'eligibility', first.facts, first.params), prep);
  const rated = 'ok' in second ? second : decideStep(second, await engineOf(second.pack).run(second.type, 'rating', second.facts, second.params), prep);
  if (rated.ok && !prep.reasons) rated.result.reasons = [];
  return rated;
}

/**
 * The reason for a rule's outcome: localized, marked with the overlay behind its rule (an overlaid pack),
 * and shared when the caller asked for shared reasons (else a fresh one).
 */
function reasonOf(prep: Prepared, pack: Pack, rule: PackRule, outcome: Outcome, how: Reason['outcome']): Reason {
  const make = (): Reason => {
    if (how === 'disabled') return disabledReason(rule, outcome, pack, prep.lang, prep.loc);
    const reason = reasonFor(rule, outcome, how, prep.lang, prep.loc);
    return pack.overlays?.length ? withOverlay(reason, rule, pack) : reason;
  };
  return prep.memo ? prep.memo.get(pack, rule, how, outcome, make) : make();
}

function isActive(rule: PackRule, prep: Prepared): boolean {
  return !rule.disabledBy && !prep.disabled.has(rule.name);
}

/** Marks a reason with the overlay that added its rule or set a parameter the rule compared with. */
function withOverlay(reason: Reason, rule: PackRule, pack: Pack): Reason {
  if (rule.overlay) reason.overlay = rule.overlay;
  else {
    const param = paramsOf(rule).find((name) => pack.parameters[name]?.overlay);
    if (param) reason.overlay = pack.parameters[param]!.overlay!;
  }
  return reason;
}

function paramsOf(rule: PackRule): string[] {
  const out: string[] = [];
  const walk = (c: unknown): void => {
    if (!c || typeof c !== 'object') return;
    const o = c as Record<string, unknown>;
    for (const key of ['all', 'any']) if (Array.isArray(o[key])) (o[key] as unknown[]).forEach(walk);
    if (o.not) walk(o.not);
    if (typeof o.fact === 'string' && o.fact.startsWith('param:')) out.push(o.fact.slice(6));
    const v = o.value as { fact?: unknown } | undefined;
    if (v && typeof v === 'object' && typeof v.fact === 'string') out.push(v.fact.slice(6));
  };
  walk(rule.conditions);
  return out;
}

function disabledReason(rule: PackRule, outcome: Outcome, pack: Pack, lang: Lang, loc: Locale): Reason {
  const d = pack.disabled?.find((x) => x.rule === rule.name)!;
  const reason = reasonFor(rule, outcome, 'disabled', lang, loc);
  reason.message = `${reason.message} — ${loc.disabledBy(d.overlay, d.reason[lang])}`;
  reason.overlay = d.overlay;
  return reason;
}

function checkPeriodKind(pack: Pack, period: Period, params: Record<string, ParameterScalar>, loc: Locale): Issue | null {
  const kinds = pack.manifest.periods ?? ['year'];
  if (period.quarter !== undefined && !kinds.includes('quarter'))
    return { path: '/period/quarter', code: 'period-not-supported', message: loc.issues.periodNotSupported(fieldLabel(loc, '/period/quarter'), pack.manifest.number) };
  if (period.quarter === undefined && !kinds.includes('year'))
    return { path: '/period', code: 'period-not-supported', message: loc.issues.periodNotSupported(fieldLabel(loc, '/period'), pack.manifest.number) };
  if (period.quarter === 4 && params['param:periods.quarter4.rated'] === false)
    return { path: '/period/quarter', code: 'quarter-not-rated', message: loc.issues.quarterNotRated(fieldLabel(loc, '/period/quarter')) };
  return null;
}

const ORDER = LEVEL_ORDER;

/** The level alone (no reasons): forcing rules, then caps, then the highest level whose requirements all hold. */
export function decideLevel(outcomes: readonly RuleOutcome[]): {
  level: Level;
  forced: RuleOutcome[];
  caps: RuleOutcome[];
  requirements: (level: Level) => readonly RuleOutcome[];
} {
  // One pass: forcing rules and caps that held, and each level's requirements, in pack order.
  const forced: RuleOutcome[] = [];
  const caps: RuleOutcome[] = [];
  const reqs: Record<Exclude<Level, 'KHTNV'>, RuleOutcome[]> = { HTXSNV: [], HTTNV: [], HTNV: [] };
  for (const o of outcomes) {
    const type = o.rule.event.type;
    if (type === 'force') {
      if (o.outcome.result) forced.push(o);
    } else if (type === 'cap') {
      if (o.outcome.result) caps.push(o);
    } else if (type === 'requirement') {
      const lvl = o.rule.event.params.level;
      if (lvl && lvl !== 'KHTNV') reqs[lvl].push(o);
    }
  }
  const requirements = (level: Level) => (level === 'KHTNV' ? [] : reqs[level]);

  let ceiling = 0;
  for (const cap of caps) ceiling = Math.max(ceiling, ORDER[cap.rule.event.params.level!]);

  let level: Level = 'KHTNV';
  if (forced.length === 0) {
    for (const candidate of RATED_LEVELS) {
      if (ORDER[candidate] < ceiling) continue;
      const list = requirements(candidate);
      if (list.length > 0 && list.every((r) => r.outcome.result)) {
        level = candidate;
        break;
      }
    }
  }
  return { level, forced, caps, requirements };
}

/**
 * Forcing rules give KHTNV; caps lower the ceiling; otherwise the highest level whose requirements all
 * hold. Reasons: what decided the level, then, for every higher level, the requirements that failed.
 */
export function decide(
  outcomes: readonly RuleOutcome[],
  lang: Lang,
  loc: Locale,
  make: (rule: PackRule, outcome: Outcome, how: Reason['outcome']) => Reason = (rule, outcome, how) => reasonFor(rule, outcome, how, lang, loc),
): { status: Status; level: Level; reasons: Reason[] } {
  const { level, forced, caps, requirements } = decideLevel(outcomes);
  const reasons: Reason[] = [];
  for (const f of forced) reasons.push(make(f.rule, f.outcome, 'applied'));
  for (const c of caps) if (ORDER[c.rule.event.params.level!] <= ORDER[level]) reasons.push(make(c.rule, c.outcome, 'applied'));
  if (forced.length === 0 && level !== 'KHTNV') {
    for (const r of requirements(level)) reasons.push(make(r.rule, r.outcome, 'met'));
  }
  // Nearest higher level first: that is what the subject missed by the least.
  for (let i = RATED_LEVELS.length - 1; i >= 0; i--) {
    const higher = RATED_LEVELS[i]!;
    if (ORDER[higher] >= ORDER[level]) continue;
    for (const r of requirements(higher)) if (!r.outcome.result) reasons.push(make(r.rule, r.outcome, 'failed'));
  }
  return { status: 'rated', level, reasons };
}

function toSubjectIssues(input: unknown, index: number, issues: Issue[]): SubjectIssue[] {
  const raw = (input as { id?: unknown } | null)?.id;
  const id = typeof raw === 'string' && raw.trim() !== '' ? raw : undefined;
  return issues.map((i) => ({ ...(id !== undefined ? { id } : {}), index, path: i.path, message: i.message, code: i.code }));
}

function invalid(subject: unknown, issues: Issue[]): KiemdiemError {
  const list = toSubjectIssues(subject, 0, issues);
  return new KiemdiemError('invalid-subject', list.map((i) => `${i.path || '/'}: ${i.message}`).join('; '), list);
}

/**
 * Rates one subject. Throws a KiemdiemError (code `invalid-subject`, `details` = the issues) when the
 * subject is invalid; use rateMany to collect problems instead.
 */
export async function rate(subject: Subject, options: RateOptions = {}): Promise<Result> {
  const prep = prepare(options);
  const rated = prep.engine === 'reference' ? await rateOneWithReference(subject, prep) : rateOneSync(subject, prep);
  if (rated.ok) return rated.result;
  throw invalid(subject, rated.issues);
}

/** rate() on the compiled engine, synchronously. */
export function rateSync(subject: Subject, options: Omit<RateOptions, 'engine'> = {}): Result {
  const prep = prepare({ ...options, engine: 'compiled' });
  const rated = rateOneSync(subject, prep);
  if (rated.ok) return rated.result;
  throw invalid(subject, rated.issues);
}

function checkList(subjects: unknown, prep: Prepared): asserts subjects is readonly unknown[] {
  if (!Array.isArray(subjects)) {
    throw new KiemdiemError('invalid-subject', prep.loc.issues.notArray(prep.lang === 'vi' ? 'danh sách đối tượng' : 'subject list'));
  }
}

function quotaOf(prep: Prepared, tally: QuotaTally) {
  return quotaLinesOf(tally.counts(), (regulation, period) => {
    const pack = prep.fixedPack?.id === regulation ? prep.fixedPack : loadRegulation(regulation);
    return { pack, params: paramsAt(prep, pack, period) };
  });
}

function collect(prep: Prepared, results: Result[], errors: SubjectIssue[]): RateManyOutput {
  const tally = new QuotaTally();
  for (const r of results) tally.add(r);
  return { results, quota: quotaOf(prep, tally), errors };
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
  const prep = prepare({ ...options, engine: 'compiled' });
  const tally = new QuotaTally();
  return {
    rate(input, index) {
      const rated = rateOneSync(input, prep);
      if (!rated.ok) return { ok: false, errors: toSubjectIssues(input, index, rated.issues) };
      tally.add(rated.result);
      return { ok: true, result: rated.result };
    },
    quota: () => quotaOf(prep, tally),
    counts: () => tally.counts(),
    merge: (counts) => tally.merge(counts),
  };
}

/** Rates a batch: valid subjects are rated, invalid ones reported; quota checked per group. */
export async function rateMany(subjects: readonly unknown[], options: RateOptions = {}): Promise<RateManyOutput> {
  const prep = prepare(options);
  if (prep.engine === 'compiled') return rateManyPrepared(subjects, prep);
  checkList(subjects, prep);
  const results: Result[] = [];
  const errors: SubjectIssue[] = [];
  for (let index = 0; index < subjects.length; index++) {
    const input = subjects[index];
    const rated = await rateOneWithReference(input, prep);
    if (rated.ok) results.push(rated.result);
    else errors.push(...toSubjectIssues(input, index, rated.issues));
  }
  return collect(prep, results, errors);
}

/** rateMany() on the compiled engine, synchronously: for hosts that rate in a loop or a worker. */
export function rateManySync(subjects: readonly unknown[], options: Omit<RateOptions, 'engine'> = {}): RateManyOutput {
  return rateManyPrepared(subjects, prepare({ ...options, engine: 'compiled' }));
}

function rateManyPrepared(subjects: readonly unknown[], prep: Prepared): RateManyOutput {
  checkList(subjects, prep);
  const results: Result[] = [];
  const errors: SubjectIssue[] = [];
  for (let index = 0; index < subjects.length; index++) {
    const input = subjects[index];
    const rated = rateOneSync(input, prep);
    if (rated.ok) results.push(rated.result);
    else errors.push(...toSubjectIssues(input, index, rated.issues));
  }
  return collect(prep, results, errors);
}
