/**
 * Regulation diff: what changed between two packs (rules by stable id, parameters by name) and, given
 * subjects, who changes rating and because of which articles.
 */
import { badArgument, isObj, optionsOf } from './args';
import { isLeaf, parameterName, valueFact } from './engines/conditions';
import { operatorOf } from './engines/operators';
import { langOf, locale } from './locales';
import { withOverlays } from './overlay';
import type { ConditionJson, Pack, PackRule, ParameterScalar } from './pack/types';
import { rateMany } from './rating';
import { LEVEL_ORDER } from './rating/decide';
import { loadRegulation } from './registry';
import { LEVELS, type Citation, type Decision, type Lang, type Level, type Provenance, type QuotaLine, type Reason, type Result, type Status, type SubjectIssue } from './types';

/** A pack id, an applied pack, or `{ regulation, overlays }`. */
export type PackRef = string | Pack | { regulation: string; overlays?: unknown[]; files?: string[] };

export interface RuleSummary {
  id: string;
  stage: PackRule['event']['type'];
  level?: Level;
  appliesTo: string[];
  citation: Citation;
  citationText: string;
  provenance: Provenance;
  /** The conditions as text, parameters resolved to their latest value. */
  conditions: string;
  overlay?: string;
}

export interface RuleChange {
  id: string;
  changes: Array<{ field: 'conditions' | 'citation' | 'provenance' | 'appliesTo' | 'level' | 'stage' | 'message'; from: unknown; to: unknown }>;
  from: RuleSummary;
  to: RuleSummary;
}

export interface ParameterChange {
  name: string;
  from: ParameterScalar | null;
  to: ParameterScalar | null;
  fromCitation: Citation | null;
  toCitation: Citation | null;
  fromProvenance: Provenance | null;
  toProvenance: Provenance | null;
  overlay?: string;
}

/** A level, or `none`: not rated (status `not-reviewed` or `reviewed-not-rated`). */
export type LevelOrNone = Level | 'none';

/**
 * A row or column of the transition matrix: a level; `for-decision`, a case the text hands to the competent
 * level (status `for-decision`, no level); `none`, not rated.
 */
export type MatrixKey = Level | 'for-decision' | 'none';
/** The rows and columns of `DiffReport.impact.matrix`, in order: the levels from the top, for-decision, none. */
export const MATRIX_KEYS: readonly MatrixKey[] = /* @__PURE__ */ (() => Object.freeze([...LEVELS, 'for-decision', 'none'] as MatrixKey[]))();

/**
 * The keys a printed matrix shows: every key, but `for-decision` only when a subject is left to the competent
 * level on either side (so a diff without such subjects prints as it did before the key existed).
 */
export function shownMatrixKeys(matrix: Partial<Record<MatrixKey, Partial<Record<MatrixKey, number>>>>): MatrixKey[] {
  if (!isObj(matrix)) throw badArgument('matrix', 'object');
  const any = MATRIX_KEYS.some((k) => (matrix['for-decision']?.[k] ?? 0) > 0 || (matrix[k]?.['for-decision'] ?? 0) > 0);
  return MATRIX_KEYS.filter((k) => k !== 'for-decision' || any);
}

/** The matrix key of a result: its level, `for-decision`, or `none`. */
export function matrixKey(result: Pick<Result, 'status' | 'level'>): MatrixKey {
  if (!isObj(result)) throw badArgument('result', 'result');
  if (result.status === 'for-decision') return 'for-decision';
  return result.level ?? 'none';
}

/** One side of a subject whose rating changes; `decision` only for status `for-decision`. */
export interface ImpactSide {
  status: Status;
  level: Level | null;
  decision?: Decision;
}

export interface ImpactChange {
  id: string;
  index: number;
  from: ImpactSide;
  to: ImpactSide;
  because: { from: Reason[]; to: Reason[] };
}

export type QuotaSide = Pick<QuotaLine, 'excellent' | 'good' | 'allowed' | 'maxExcellent' | 'over' | 'ratio' | 'rounding'>;

export interface DiffReport {
  from: { id: string; number: string; title: string };
  to: { id: string; number: string; title: string };
  structural: {
    added: RuleSummary[];
    removed: RuleSummary[];
    changed: RuleChange[];
    parameters: ParameterChange[];
  };
  impact?: {
    total: number;
    /** Same status and level on both sides (two for-decision results are unchanged whatever their `decision.without`). */
    unchanged: number;
    changed: ImpactChange[];
    /** Subjects one side cannot rate for lack of facts it needs. */
    incomplete: Array<{ id?: string; index: number; missing: { from: string[]; to: string[] } }>;
    /** Subjects whose input is invalid on either side. */
    errors: SubjectIssue[];
    /**
     * matrix[from][to] = count of subjects rated on both sides (keys MATRIX_KEYS): a level, `for-decision`
     * (left to the competent level, whatever `decision.without` says), or `none` (not rated).
     */
    matrix: Record<MatrixKey, Record<MatrixKey, number>>;
    /** Quota groups whose line changes (counts, allowed, maxExcellent or over). */
    quota: Array<{ group: string; period: { year: number; quarter?: number }; from: QuotaSide | null; to: QuotaSide | null }>;
  };
}

export interface DiffOptions {
  lang?: Lang;
}

function resolve(ref: PackRef): Pack {
  if (typeof ref !== 'string' && !isObj(ref)) throw badArgument('from/to', 'pack');
  if (typeof ref !== 'string' && !('manifest' in ref) && typeof ref.regulation !== 'string') throw badArgument('from/to', 'pack');
  if (typeof ref === 'string') return loadRegulation(ref);
  if ('manifest' in ref) return ref;
  return withOverlays(loadRegulation(ref.regulation), ref.overlays ?? [], ref.files ?? []);
}

function latest(pack: Pack, name: string): ParameterScalar | undefined {
  const values = pack.parameters[name]?.values;
  return values?.[values.length - 1]?.value;
}

/** Conditions as one line of text, each parameter shown with its latest value. */
export function conditionText(condition: unknown, pack: Pack): string {
  if (!isObj(condition)) throw badArgument('condition', 'object');
  const c = condition as ConditionJson;
  if ('all' in c && Array.isArray(c.all)) return c.all.map((x) => conditionText(x, pack)).join(' AND ');
  if ('any' in c && Array.isArray(c.any)) return `(${c.any.map((x) => conditionText(x, pack)).join(' OR ')})`;
  if ('not' in c && c.not) return `NOT (${conditionText(c.not, pack)})`;
  if (!isLeaf(c)) return JSON.stringify(c);
  const fact = (name: string) => {
    const param = parameterName(name);
    return param === undefined ? name : `${param} (${JSON.stringify(latest(pack, param))})`;
  };
  const ref = valueFact(c.value);
  return `${fact(c.fact)} ${operatorOf(c.operator)?.symbol ?? String(c.operator)} ${ref === undefined ? JSON.stringify(c.value) : fact(ref)}`;
}

function summarize(rule: PackRule, pack: Pack, lang: Lang): RuleSummary {
  const p = rule.event.params;
  const s: RuleSummary = {
    id: rule.name,
    stage: rule.event.type,
    appliesTo: [...p.appliesTo],
    citation: p.citation,
    citationText: locale(lang).citation(p.citation),
    provenance: p.provenance,
    conditions: conditionText(rule.conditions, pack),
  };
  if (p.level) s.level = p.level;
  if (rule.overlay) s.overlay = rule.overlay;
  return s;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function structural(from: Pack, to: Pack, lang: Lang): DiffReport['structural'] {
  // Rules an overlay switched off count as removed.
  const live = (p: Pack) => new Map(p.rules.filter((r) => !r.disabledBy).map((r) => [r.name, r]));
  const a = live(from);
  const b = live(to);
  const added = [...b.values()].filter((r) => !a.has(r.name)).map((r) => summarize(r, to, lang));
  const removed = [...a.values()].filter((r) => !b.has(r.name)).map((r) => summarize(r, from, lang));
  const changed: RuleChange[] = [];
  for (const [id, ra] of a) {
    const rb = b.get(id);
    if (!rb) continue;
    const sa = summarize(ra, from, lang);
    const sb = summarize(rb, to, lang);
    const changes: RuleChange['changes'] = [];
    if (sa.conditions !== sb.conditions) changes.push({ field: 'conditions', from: sa.conditions, to: sb.conditions });
    if (!same(ra.event.params.citation, rb.event.params.citation)) changes.push({ field: 'citation', from: sa.citationText, to: sb.citationText });
    if (ra.event.params.provenance !== rb.event.params.provenance) changes.push({ field: 'provenance', from: sa.provenance, to: sb.provenance });
    if (!same([...sa.appliesTo].sort(), [...sb.appliesTo].sort())) changes.push({ field: 'appliesTo', from: sa.appliesTo, to: sb.appliesTo });
    if (ra.event.params.level !== rb.event.params.level) changes.push({ field: 'level', from: sa.level ?? null, to: sb.level ?? null });
    if (ra.event.type !== rb.event.type) changes.push({ field: 'stage', from: ra.event.type, to: rb.event.type });
    if (ra.event.params.message[lang] !== rb.event.params.message[lang]) changes.push({ field: 'message', from: ra.event.params.message[lang], to: rb.event.params.message[lang] });
    if (changes.length > 0) changed.push({ id, changes, from: sa, to: sb });
  }
  const parameters: ParameterChange[] = [];
  const names = [...new Set([...Object.keys(from.parameters), ...Object.keys(to.parameters)])].sort();
  for (const name of names) {
    const va = from.parameters[name]?.values.at(-1);
    const vb = to.parameters[name]?.values.at(-1);
    if (va && vb && va.value === vb.value && same(va.citation, vb.citation) && va.provenance === vb.provenance) continue;
    const change: ParameterChange = {
      name,
      from: va?.value ?? null,
      to: vb?.value ?? null,
      fromCitation: va?.citation ?? null,
      toCitation: vb?.citation ?? null,
      fromProvenance: va?.provenance ?? null,
      toProvenance: vb?.provenance ?? null,
    };
    const overlay = to.parameters[name]?.overlay;
    if (overlay && overlay !== from.parameters[name]?.overlay) change.overlay = overlay;
    parameters.push(change);
  }
  return { added, removed, changed, parameters };
}

/**
 * The reasons that decided a result: what applied, why not the next level up, and (at the top) what was met.
 * For a case left to the competent level: the referral rules that handed it over (applied); for a gap in the text
 * (no level reached and no fallback held), the fallback that failed and what the nearest level missed.
 */
export function decisiveReasons(result: Result): Reason[] {
  if (!isObj(result) || !Array.isArray(result.reasons)) throw badArgument('result', 'result');
  const applied = result.reasons.filter((r) => r.outcome === 'applied' || r.outcome === 'disabled');
  if (result.status === 'for-decision') return forDecisionReasons(result);
  if (result.status !== 'rated' || applied.some((r) => r.stage === 'force')) return applied;
  const level = result.level!;
  const above = LEVELS[LEVEL_ORDER[level] - 1];
  const failedAbove = above ? result.reasons.filter((r) => r.outcome === 'failed' && r.level === above) : [];
  const met = level === 'HTXSNV' ? result.reasons.filter((r) => r.outcome === 'met') : [];
  return [...applied, ...failedAbove, ...met];
}

function forDecisionReasons(result: Result): Reason[] {
  const gap = result.reasons.some((r) => r.stage === 'fallback' && r.outcome === 'failed');
  // The nearest level is the lowest one with a failed requirement (HTNV under every shipped pack).
  const failedLevels = result.reasons.filter((r) => r.stage === 'requirement' && r.outcome === 'failed' && r.level).map((r) => LEVEL_ORDER[r.level!]);
  const nearest = gap && failedLevels.length ? LEVELS[Math.max(...failedLevels)] : undefined;
  return result.reasons.filter(
    (r) => r.outcome === 'applied' || r.outcome === 'disabled' || (r.outcome === 'failed' && (r.stage === 'fallback' || (r.stage === 'requirement' && r.level === nearest))),
  );
}

/** Of the conditions one side met, keep those the other side failed: they explain the change. */
function focus(mine: Reason[], other: Result): Reason[] {
  const failedThere = new Set(other.reasons.filter((r) => r.outcome === 'failed').map((r) => r.rule));
  if (!mine.some((r) => r.outcome === 'met' && failedThere.has(r.rule))) return mine;
  return mine.filter((r) => r.outcome !== 'met' || failedThere.has(r.rule));
}

export async function diff(fromRef: PackRef, toRef: PackRef, subjects?: readonly unknown[] | null, options: DiffOptions | null = {}): Promise<DiffReport> {
  options = optionsOf(options);
  if (subjects !== undefined && subjects !== null && !Array.isArray(subjects)) throw badArgument('subjects', 'array');
  const lang = langOf(options.lang);
  const from = resolve(fromRef);
  const to = resolve(toRef);
  const label = (p: Pack) => ({ id: p.id, number: p.manifest.number, title: p.manifest.title[lang] });
  const report: DiffReport = { from: label(from), to: label(to), structural: structural(from, to, lang) };
  if (!subjects) return report;

  const [a, b] = await Promise.all([rateMany(subjects, { pack: from, lang }), rateMany(subjects, { pack: to, lang })]);
  const index = (out: { results: Result[]; errors: SubjectIssue[] }) => {
    const results = new Map<number, Result>();
    // rateMany keeps input order and skips invalid subjects: recover each result's input index.
    const invalid = new Set(out.errors.map((e) => e.index));
    let r = 0;
    for (let i = 0; i < subjects.length; i++) if (!invalid.has(i)) results.set(i, out.results[r++]!);
    return results;
  };
  const ra = index(a);
  const rb = index(b);
  const matrix = Object.fromEntries(MATRIX_KEYS.map((k) => [k, Object.fromEntries(MATRIX_KEYS.map((l) => [l, 0]))])) as Record<MatrixKey, Record<MatrixKey, number>>;
  const impact: NonNullable<DiffReport['impact']> = { total: subjects.length, unchanged: 0, changed: [], incomplete: [], errors: [], matrix, quota: quotaChanges(a.quota, b.quota) };
  for (let i = 0; i < subjects.length; i++) {
    const x = ra.get(i);
    const y = rb.get(i);
    if (x && y) {
      matrix[matrixKey(x)][matrixKey(y)] += 1;
      if (x.status === y.status && x.level === y.level) impact.unchanged += 1;
      else
        impact.changed.push({
          id: x.id,
          index: i,
          from: side(x),
          to: side(y),
          because: { from: focus(decisiveReasons(x), y), to: focus(decisiveReasons(y), x) },
        });
      continue;
    }
    const ea = a.errors.filter((e) => e.index === i);
    const eb = b.errors.filter((e) => e.index === i);
    const lacking = (es: SubjectIssue[]) => es.filter((e) => e.code === 'required-by-regulation' || e.code === 'period-not-supported').map((e) => e.path);
    const onlyMissing = [...ea, ...eb].every((e) => e.code === 'required-by-regulation' || e.code === 'period-not-supported');
    if (onlyMissing) {
      const id = (x ?? y)?.id ?? ea[0]?.id ?? eb[0]?.id;
      impact.incomplete.push({ ...(id !== undefined ? { id } : {}), index: i, missing: { from: lacking(ea), to: lacking(eb) } });
    } else {
      // Report each input problem once, even when both sides see it.
      const seen = new Set<string>();
      for (const e of [...ea, ...eb]) {
        const key = `${e.path}|${e.code}`;
        if (!seen.has(key)) impact.errors.push(e);
        seen.add(key);
      }
    }
  }
  report.impact = impact;
  return report;
}

function side(r: Result): ImpactSide {
  return r.decision ? { status: r.status, level: r.level, decision: r.decision } : { status: r.status, level: r.level };
}

function quotaChanges(a: QuotaLine[], b: QuotaLine[]): NonNullable<DiffReport['impact']>['quota'] {
  const key = (q: QuotaLine) => JSON.stringify([q.group, q.period.year, q.period.quarter ?? 0]);
  const side = (q: QuotaLine | undefined): QuotaSide | null =>
    q ? { excellent: q.excellent, good: q.good, allowed: q.allowed, maxExcellent: q.maxExcellent, over: q.over, ratio: q.ratio, rounding: q.rounding } : null;
  const keys = [...new Set([...a.map(key), ...b.map(key)])];
  const out: NonNullable<DiffReport['impact']>['quota'] = [];
  for (const k of keys) {
    const x = a.find((q) => key(q) === k);
    const y = b.find((q) => key(q) === k);
    const [sx, sy] = [side(x), side(y)];
    // Only numbers and the verdict matter; a new rounding that gives the same numbers is no change.
    const numbers = (q: QuotaSide | null) => (q ? [q.excellent, q.good, q.allowed, q.maxExcellent, q.over] : null);
    if (JSON.stringify(numbers(sx)) === JSON.stringify(numbers(sy))) continue;
    const q = (x ?? y)!;
    out.push({ group: q.group, period: q.period, from: sx, to: sy });
  }
  return out;
}
