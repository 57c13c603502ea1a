/**
 * Overlays: local guidance (a province, a sector) layered on a national pack. An overlay overrides
 * parameter values, adds rules and switches rules off, each change with its own citation, and is
 * validated like a pack. Applying one gives a new pack whose id is `base+overlay`.
 */
import { badArgument, isObj, optionsOf } from './args';
import { PackError } from './errors';
import { en } from './locales/en';
import { parseDate } from './dates';
import { checkInputs, checkParamRefs, checkParameterValue, validateFile } from './pack/load';
import type { Pack, PackRule, ParameterScalar, RuleJson } from './pack/types';
import type { Citation, Localized, Provenance } from './types';

export interface OverlayFile {
  kind: 'overlay';
  id: string;
  extends: string;
  title: Localized;
  issuer: string;
  signedOn: string;
  citation: Citation;
  provenance: Provenance;
  sources?: Array<{ title: string; url?: string }>;
  parameters?: Record<string, { value: ParameterScalar; from?: string; citation?: Citation; provenance?: Provenance; note?: Localized }>;
  disabledRules?: Array<{ rule: string; reason: Localized; citation?: Citation; provenance?: Provenance }>;
  rules?: RuleJson[];
}

/** Validates an overlay's shape (schema) only; `applyOverlay` checks it against its base pack. */
export function readOverlay(data: unknown, file = 'overlay.json'): OverlayFile {
  validateFile(file, data, 'overlay');
  const overlay = data as OverlayFile;
  if (!parseDate(overlay.signedOn)) throw new PackError(file, '/signedOn', `not a calendar date: ${overlay.signedOn}`);
  // One id, one rule: a second definition would silently sit beside the first.
  const firstAt = new Map<string, number>();
  (overlay.rules ?? []).forEach((rule, i) => {
    const first = firstAt.get(rule.name);
    if (first !== undefined) throw new PackError(file, `/rules/${i}/name`, en.errors.duplicateRule(rule.name, `/rules/${first}`, `/rules/${i}`));
    firstAt.set(rule.name, i);
  });
  return overlay;
}

/** The pack with the overlay applied; errors name the overlay file and the JSON pointer. */
export function applyOverlay(pack: Pack, data: unknown, file = 'overlay.json'): Pack {
  if (!isObj(pack) || !isObj(pack.manifest)) throw badArgument('pack', 'pack');
  const overlay = readOverlay(data, file);
  const base = pack.id.split('+')[0];
  if (overlay.extends !== base) throw new PackError(file, '/extends', `extends "${overlay.extends}", but it is applied to "${base}"`);
  const citation = overlay.citation;
  const parameters = { ...pack.parameters };
  for (const [name, o] of Object.entries(overlay.parameters ?? {})) {
    const at = `/parameters/${name}`;
    const def = Object.prototype.hasOwnProperty.call(parameters, name) ? parameters[name] : undefined;
    if (!def) throw new PackError(file, at, `pack ${pack.id} has no parameter "${name}"`);
    const problem = checkParameterValue(def, o.value);
    if (problem) throw new PackError(file, `${at}/value`, problem);
    if (o.from !== undefined && !parseDate(o.from)) throw new PackError(file, `${at}/from`, `not a calendar date: ${o.from}`);
    // Without `from`, the local value replaces every dated value; with it, it applies from that date on.
    const from = o.from ?? def.values[0]!.from;
    const value = { from, value: o.value, citation: o.citation ?? citation, provenance: o.provenance ?? overlay.provenance, ...(o.note ? { note: o.note } : {}) };
    parameters[name] = { ...def, values: [...def.values.filter((v) => v.from < from), value], overlay: overlay.id };
  }
  const disabledIds = new Set<string>();
  const disabled = [...(pack.disabled ?? [])];
  (overlay.disabledRules ?? []).forEach((d, i) => {
    if (!pack.rules.some((r) => r.name === d.rule) && !pack.processRules.some((r) => r.name === d.rule))
      throw new PackError(file, `/disabledRules/${i}/rule`, `pack ${pack.id} has no rule "${d.rule}"`);
    disabledIds.add(d.rule);
    disabled.push({ rule: d.rule, overlay: overlay.id, reason: d.reason, citation: d.citation ?? citation, provenance: d.provenance ?? overlay.provenance });
  });
  // Switched-off rules stay in the pack, flagged, so an explanation can say when one would have mattered.
  const rules: PackRule[] = pack.rules.map((r) => (disabledIds.has(r.name) ? { ...r, disabledBy: overlay.id } : r));
  const processRules = pack.processRules.map((r) => (disabledIds.has(r.name) ? { ...r, disabledBy: overlay.id } : r));
  (overlay.rules ?? []).forEach((rule, i) => {
    const at = `/rules/${i}`;
    if (pack.rules.some((r) => r.name === rule.name)) throw new PackError(file, `${at}/name`, `rule id "${rule.name}" already exists in ${pack.id}; disable it and add one with a new id`);
    checkParamRefs(file, `${at}/conditions`, rule.conditions, parameters);
    checkInputs(file, at, rule, pack.manifest);
    rules.push({ ...rule, file, overlay: overlay.id });
  });
  const applied = { id: overlay.id, title: overlay.title, issuer: overlay.issuer, signedOn: overlay.signedOn, citation, provenance: overlay.provenance, file };
  return { ...pack, id: `${pack.id}+${overlay.id}`, parameters, rules, processRules, overlays: [...(pack.overlays ?? []), applied], disabled };
}

const overlaid = new WeakMap<object, Map<string, Pack>>();

/** Applies overlays to a pack, caching by overlay object so repeated calls reuse one pack (and its compiled engine). */
export function withOverlays(pack: Pack, overlays: readonly unknown[] | null, files: readonly string[] | null = []): Pack {
  if (!isObj(pack) || !isObj(pack.manifest)) throw badArgument('pack', 'pack');
  overlays ??= [];
  files ??= [];
  if (!Array.isArray(overlays)) throw badArgument('overlays', 'array');
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
