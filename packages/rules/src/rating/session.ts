/**
 * A rating session: the options of one call (or one rater) checked once, and what every subject of it shares:
 * the pack in force for each period, the parameter values on each period's last day, score limits, each
 * pack's stage tables and the session's reasons.
 */
import { periodEnd } from '../dates';
import { compiledEngine } from '../engines/compiled/engine';
import { KeptOutcomes, rulesFor, type ParamTable, type RuleEngine } from '../engines/engine';
import { lazyReferenceEngine } from '../engines/lazy-reference';
import { KiemdiemError } from '../errors';
import { langOf, locale, safeText, type Locale } from '../locales';
import { readOverlay, withOverlays } from '../overlay';
import { checkOverrides, parameterFacts } from '../pack/params';
import type { Pack, PackRule, ParameterScalar } from '../pack/types';
import { loadRegulation, regulationFor, regulationIds } from '../registry';
import type { ScoreLimits } from '../subject/validate';
import { ENGINES, type Engine, type Lang, type Period, type RateOptions, type SubjectType } from '../types';
import { stagesOf, type Stages } from './decide';
import { SessionReasons } from './reasons';

/** A subject type's rules in a pack, by phase, with their stage tables (switched-off rules left out). */
export interface TypeRules {
  eligibility: { rules: PackRule[]; stages: Stages };
  rating: { rules: PackRule[]; stages: Stages };
}

export interface Session {
  lang: Lang;
  loc: Locale;
  engine: RuleEngine;
  /** The session's reasons; null when the caller asked for none (`reasons: false`). */
  reasons: SessionReasons | null;
  fixedPack?: Pack;
  disabled: ReadonlySet<string>;
  /** Quota groups with the exceptional ratio (`exceptionalGroups`), NFC as results carry them. */
  exceptional: ReadonlySet<string>;
  /** Reused to answer "did rule i hold" from kept outcomes (rating is synchronous per subject). */
  kept: KeptOutcomes;
  overrides: Map<Pack, { values: Record<string, ParameterScalar>; key: string }>;
  packByPeriod: Map<number, Pack | null>;
  paramsByPeriod: Map<Pack, Map<number, ParamTable>>;
  typeRules: Map<Pack, Map<SubjectType, TypeRules>>;
}

const own = Object.prototype.hasOwnProperty;

/** Checks the options once: language, engine, the pack (if fixed), parameter overrides and rules switched off. */
export function openSession(options: RateOptions = {}): Session {
  const lang = langOf(options.lang);
  const loc = locale(lang);
  const engine = options.engine ?? 'compiled';
  if (!ENGINES.includes(engine)) throw new KiemdiemError('invalid-option', loc.errors.invalidOption('engine', String(engine), ENGINES), { option: 'engine', value: engine });
  const session: Session = {
    lang, loc, engine: engine === 'reference' ? lazyReferenceEngine(loc) : compiledEngine, reasons: options.reasons === false ? null : new SessionReasons(lang, loc), disabled: new Set(options.disabledRules ?? []),
    exceptional: exceptionalGroups(options.exceptionalGroups, loc),
    kept: new KeptOutcomes([]), overrides: new Map(), packByPeriod: new Map(), paramsByPeriod: new Map(), typeRules: new Map(),
  };
  const overlays = options.overlays ?? [];
  const base = options.regulation ?? (overlays.length > 0 ? readOverlay(overlays[0], 'overlays[0]').extends : undefined);
  if (options.pack) session.fixedPack = withOverlays(options.pack, overlays);
  else if (base !== undefined) session.fixedPack = withOverlays(loadRegulation(base, { lang }), overlays);
  const packs = session.fixedPack ? [session.fixedPack] : regulationIds().map((id) => loadRegulation(id));
  const given = options.parameters ?? {};
  // Without a fixed pack, an override applies to the packs that define it; it must exist in at least one.
  for (const name of Object.keys(given)) {
    if (!packs.some((p) => own.call(p.parameters, name)))
      throw new KiemdiemError('unknown-parameter', loc.errors.unknownParameter(name, packs.map((p) => p.id).join(', ')), { parameter: name });
  }
  for (const pack of packs) {
    const values = checkOverrides(pack, Object.fromEntries(Object.entries(given).filter(([name]) => own.call(pack.parameters, name))), loc);
    session.overrides.set(pack, { values, key: JSON.stringify(Object.entries(values).sort(([a], [b]) => (a < b ? -1 : 1))) });
  }
  for (const id of session.disabled) {
    if (!packs.some((p) => p.rules.some((r) => r.name === id)))
      throw new KiemdiemError('unknown-rule', loc.errors.unknownRule(id, packs.map((p) => p.id).join(', ')), { rule: id });
  }
  return session;
}

function exceptionalGroups(given: unknown, loc: Locale): Set<string> {
  if (given === undefined) return new Set();
  if (!Array.isArray(given) || !given.every((g) => typeof g === 'string' && g.trim() !== ''))
    throw new KiemdiemError('invalid-option', loc.errors.invalidNameList('exceptionalGroups', safeText(given)), { option: 'exceptionalGroups' });
  return new Set(given.map((g: string) => g.normalize('NFC')));
}

const periodKey = (period: Period) => period.year * 10 + (period.quarter ?? 0);

/** The pack in force for a period (null: none), looked up once per period in a session. */
export function packFor(session: Session, period: Period): Pack | null {
  const key = periodKey(period);
  let pack = session.packByPeriod.get(key);
  if (pack === undefined) {
    try {
      pack = loadRegulation(regulationFor(period, { lang: session.lang }).id);
    } catch (error) {
      if (!(error instanceof KiemdiemError) || error.code !== 'no-regulation-for-period') throw error;
      pack = null;
    }
    session.packByPeriod.set(key, pack);
  }
  return pack;
}

/**
 * Parameter tables by pack, day and overrides, shared by every session: a table is a pure function of them,
 * and the compiled engine compiles each phase once per table. Bounded, for hosts trying endless overrides.
 */
const tables = new WeakMap<Pack, Map<string, ParamTable>>();
const MAX_TABLES_PER_PACK = 256;

/** The pack's parameter values (as `param:NAME` facts) on the period's last day, the session's overrides applied. */
export function paramsAt(session: Session, pack: Pack, period: Period): ParamTable {
  let byPeriod = session.paramsByPeriod.get(pack);
  if (!byPeriod) session.paramsByPeriod.set(pack, (byPeriod = new Map()));
  const pk = periodKey(period);
  let table = byPeriod.get(pk);
  if (!table) byPeriod.set(pk, (table = sharedTable(pack, periodEnd(period), session.overrides.get(pack) ?? { values: {}, key: '[]' })));
  return table;
}

function sharedTable(pack: Pack, date: string, overrides: { values: Record<string, ParameterScalar>; key: string }): ParamTable {
  const key = `${date}|${overrides.key}`;
  let byKey = tables.get(pack);
  if (!byKey) tables.set(pack, (byKey = new Map()));
  let table = byKey.get(key);
  if (!table) {
    if (byKey.size >= MAX_TABLES_PER_PACK) byKey.clear();
    byKey.set(key, (table = Object.freeze(parameterFacts(pack, date, overrides.values))));
  }
  return table;
}

const DEFAULT_LIMITS: ScoreLimits = Object.freeze({ commonMax: 30, tasksMax: 70, step: 0.5 });
const limitsCache = new WeakMap<ParamTable, ScoreLimits>();

/** Score limits from the pack's parameters for the period (the defaults without a pack). */
export function limitsAt(session: Session, pack: Pack | undefined, period: Period | undefined): ScoreLimits {
  if (!pack || !period) return DEFAULT_LIMITS;
  const params = paramsAt(session, pack, period);
  let limits = limitsCache.get(params);
  if (!limits) {
    const num = (name: string, fallback: number) => (typeof params[`param:${name}`] === 'number' ? (params[`param:${name}`] as number) : fallback);
    limitsCache.set(params, (limits = { commonMax: num('score.common.max', 30), tasksMax: num('score.tasks.max', 70), step: num('score.step', 0.5) }));
  }
  return limits;
}

/** A rule decides only when neither an overlay nor the caller switched it off. */
export function isActive(session: Session, rule: PackRule): boolean {
  return !rule.disabledBy && !session.disabled.has(rule.name);
}

/** The rules and stage tables of a subject type in a pack, made once per session. */
export function typeRulesOf(session: Session, pack: Pack, type: SubjectType): TypeRules {
  let byType = session.typeRules.get(pack);
  if (!byType) session.typeRules.set(pack, (byType = new Map()));
  let tr = byType.get(type);
  if (!tr) {
    const active = (r: PackRule) => isActive(session, r);
    const phase = (p: 'eligibility' | 'rating') => {
      const rules = rulesFor(pack, type, p);
      return { rules, stages: stagesOf(rules, active) };
    };
    byType.set(type, (tr = { eligibility: phase('eligibility'), rating: phase('rating') }));
  }
  return tr;
}
