/**
 * The reference engine (json-rules-engine), loaded on first use: only `engine: 'reference'` in rate() or
 * rateMany() loads it, so the compiled paths and browser bundles do not carry it. `#reference-engine` is a
 * package import (package.json `imports`): the sources under `@kiemdiem/source`, the build in Node, and an
 * empty module under `browser`.
 */
import { KiemdiemError } from '../errors';
import type { Locale } from '../locales';
import { ENGINES } from '../types';
import type { RuleEngine } from './engine';

let loading: Promise<RuleEngine | null> | undefined;

function load(): Promise<RuleEngine | null> {
  loading ??= import('#reference-engine').then((m: { referenceEngine: RuleEngine | null }) => m.referenceEngine);
  return loading;
}

/** The reference engine for a session: rejects with `invalid-option` where the build left it out. */
export function lazyReferenceEngine(loc: Locale): RuleEngine {
  return {
    async outcomes(pack, type, phase, facts, params) {
      const engine = await load();
      if (!engine) throw new KiemdiemError('invalid-option', loc.errors.referenceEngineMissing(ENGINES.filter((e) => e !== 'reference')), { option: 'engine', value: 'reference' });
      return engine.outcomes(pack, type, phase, facts, params);
    },
  };
}
