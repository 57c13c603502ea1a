/** The rule packs this SDK knows, and which one rates a given period. */
import { badArgument, checkPeriod, isObj, optionsOf } from './args';
import { periodEnd } from './dates';
import { KiemdiemError } from './errors';
import { locale, periodLabel } from './locales';
import { BUILTIN_PACK_FILES } from './pack/builtin';
import { loadPack } from './pack/load';
import type { Pack } from './pack/types';
import type { Lang, Period, RegulationSummary } from './types';

const loaded = new Map<string, Pack>();

/** Ids of the shipped packs, oldest first. */
export function regulationIds(): string[] {
  return Object.keys(BUILTIN_PACK_FILES).sort((a, b) => summaryOf(loadRegulation(a)).effective.from.localeCompare(summaryOf(loadRegulation(b)).effective.from));
}

/** Loads (once) and validates a shipped pack. Throws `unknown-regulation` for an id it does not know. */
export function loadRegulation(id: string, options: { lang?: Lang } | null = {}): Pack {
  options = optionsOf(options);
  const cached = loaded.get(id);
  if (cached) return cached;
  const files = Object.prototype.hasOwnProperty.call(BUILTIN_PACK_FILES, id) ? BUILTIN_PACK_FILES[id] : undefined;
  if (!files) {
    throw new KiemdiemError('unknown-regulation', locale(options.lang).errors.unknownRegulation(id, Object.keys(BUILTIN_PACK_FILES)), { id });
  }
  const pack = loadPack(files as Record<string, unknown>, `regulations/${id}`);
  loaded.set(id, pack);
  return pack;
}

export function summaryOf(pack: Pack): RegulationSummary {
  if (!isObj(pack) || !isObj(pack.manifest)) throw badArgument('pack', 'pack');
  const m = pack.manifest;
  return {
    id: m.id,
    number: m.number,
    title: m.title,
    issuer: m.issuer,
    signedOn: m.signedOn,
    effective: { from: m.effective.from, to: m.effective.to },
    replaces: m.replaces.map((r) => r.number),
  };
}

export function listRegulations(): RegulationSummary[] {
  return regulationIds().map((id) => summaryOf(loadRegulation(id)));
}

/** The pack in force on the last day of `period` (a year-end review happens in December). */
export function regulationFor(period: Period, options: { lang?: Lang } | null = {}): RegulationSummary {
  options = optionsOf(options);
  checkPeriod(period);
  const end = periodEnd(period);
  // Oldest first, so the last match is the newest regulation in force.
  const match = listRegulations()
    .filter((r) => r.effective.from <= end && (r.effective.to === null || end <= r.effective.to))
    .pop();
  if (!match) {
    throw new KiemdiemError('no-regulation-for-period', locale(options.lang).errors.noRegulation(periodLabel(period, options.lang)), { period });
  }
  return match;
}
