/** Validates the files of a rule pack and assembles them; every failure names the file and JSON pointer. */
import { badArgument, isObj, optionsOf } from '../args';
import { KiemdiemError, PackError } from '../errors';
import { en } from '../locales/en';
import { escapePointer, MAX_DEPTH, scanJson } from '../shape/scan';
import { parseDate } from '../dates';
import { factsOf, forEachLeaf, parameterName, valueFact } from '../engines/conditions';
import { FACT_SOURCES } from '../subject/facts';
import { CHECK_PARAMETERS, REVIEW_YEAR_DATE } from '../process/checks';
import type { ConditionJson, FormRule, ManifestFile, Pack, PackRule, ParametersFile, ProcessRule, ProcessRulesFile, RuleJson, RulesFile } from './types';
import validatePackFile from './validate-pack.generated.js';

/**
 * The pointer of a prototype-pollution key anywhere in parsed JSON (JSON.parse keeps "__proto__" as an
 * own key), or null. Input nested too deep or cyclic throws `too-deep` / `cycle` (see shape/scan.ts).
 */
export function findForbiddenKey(value: unknown, pointer = '', file = ''): string | null {
  const problem = scanJson(value, pointer);
  if (!problem) return null;
  if (problem.code === 'forbidden-key') return problem.path;
  throw shapeError(problem.code, file, problem.path);
}

/** A too-deep or cyclic file: the library's own error, naming the file and the JSON pointer. */
export function shapeError(code: 'too-deep' | 'cycle', file: string, path: string): KiemdiemError {
  const reason = code === 'cycle' ? en.issues.cycle(path) : en.issues.tooDeep(path, MAX_DEPTH);
  return new KiemdiemError(code, file ? `${file}: ${reason}` : reason, { file, path });
}

export { escapePointer };

export function validateFile(file: string, data: unknown, kind: 'manifest' | 'parameters' | 'rules' | 'overlay' | 'form-rules' | 'process-rules'): void {
  const forbidden = findForbiddenKey(data, '', file);
  if (forbidden !== null) throw new PackError(file, forbidden, 'forbidden key (prototype pollution)');
  if (!validatePackFile(data)) {
    const error = validatePackFile.errors?.[0];
    const path = error?.instancePath ?? '';
    const detail = error?.params && Object.keys(error.params).length ? ` ${JSON.stringify(error.params)}` : '';
    throw new PackError(file, path, `${error?.message ?? 'does not match the pack schema'}${detail}`);
  }
  const actual = (data as { kind: string }).kind;
  if (actual !== kind) throw new PackError(file, '/kind', `expected a ${kind} file, found "${actual}"`);
}

/**
 * Builds a pack from its files, keyed by path relative to the pack folder ("manifest.json",
 * "rules/dieu-11-khoan-1.json", ...). `origin` prefixes file names in errors (e.g. the folder).
 */
export function loadPack(files: Record<string, unknown>, origin = ''): Pack {
  if (!isObj(files)) throw badArgument('files', 'object');
  const name = (file: string) => (origin ? `${origin}/${file}` : file);
  const manifestData = files['manifest.json'];
  if (manifestData === undefined) throw new PackError(name('manifest.json'), '', 'missing manifest');
  validateFile(name('manifest.json'), manifestData, 'manifest');
  const manifest = manifestData as ManifestFile;
  checkDate(name('manifest.json'), '/signedOn', manifest.signedOn);
  checkDate(name('manifest.json'), '/effective/from', manifest.effective.from);
  if (manifest.effective.to !== null) checkDate(name('manifest.json'), '/effective/to', manifest.effective.to);

  const parameters: Pack['parameters'] = {};
  manifest.files.parameters.forEach((file, i) => {
    const data = files[file];
    if (data === undefined) throw new PackError(name('manifest.json'), `/files/parameters/${i}`, `file not found: ${file}`);
    validateFile(name(file), data, 'parameters');
    for (const [param, def] of Object.entries((data as ParametersFile).parameters)) {
      const at = `/parameters/${escapePointer(param)}`;
      if (parameters[param]) throw new PackError(name(file), at, `parameter "${param}" is defined twice (also in ${parameters[param]!.file})`);
      let previous = '';
      def.values.forEach((v, j) => {
        checkDate(name(file), `${at}/values/${j}/from`, v.from);
        if (v.from <= previous) throw new PackError(name(file), `${at}/values/${j}/from`, 'dated values must be in increasing date order');
        previous = v.from;
        const problem = checkParameterValue(def, v.value);
        if (problem) throw new PackError(name(file), `${at}/values/${j}/value`, problem);
      });
      parameters[param] = { ...def, file };
    }
  });

  const rules: PackRule[] = [];
  const articles: Pack['articles'] = [];
  const seen = new Map<string, string>();
  manifest.files.rules.forEach((file, i) => {
    const data = files[file];
    if (data === undefined) throw new PackError(name('manifest.json'), `/files/rules/${i}`, `file not found: ${file}`);
    validateFile(name(file), data, 'rules');
    const rulesFile = data as RulesFile;
    articles.push({ ...rulesFile.article, file });
    rulesFile.rules.forEach((rule, j) => {
      const at = `/rules/${j}`;
      const other = seen.get(rule.name);
      if (other) throw new PackError(name(file), `${at}/name`, `rule id "${rule.name}" is used twice (also in ${other})`);
      seen.set(rule.name, file);
      checkParamRefs(name(file), `${at}/conditions`, rule.conditions, parameters);
      checkInputs(name(file), at, rule, manifest);
      const status = rule.event.params.status;
      if (typeof status === 'object') {
        const def = parameters[status.param];
        if (!def) throw new PackError(name(file), `${at}/event/params/status/param`, `unknown parameter "${status.param}"`);
        if (def.type !== 'string' || !def.values.every((v) => v.value === 'not-reviewed' || v.value === 'reviewed-not-rated'))
          throw new PackError(name(file), `${at}/event/params/status/param`, 'a status parameter must hold "not-reviewed" or "reviewed-not-rated"');
      }
      rules.push({ ...rule, file });
    });
  });
  const formRules: FormRule[] = [];
  (manifest.files.forms ?? []).forEach((file, i) => {
    const data = files[file];
    if (data === undefined) throw new PackError(name('manifest.json'), `/files/forms/${i}`, `file not found: ${file}`);
    validateFile(name(file), data, 'form-rules');
    (data as { rules: Array<Omit<FormRule, 'file'>> }).rules.forEach((rule, j) => {
      const at = `/rules/${j}`;
      if (formRules.some((r) => r.name === rule.name)) throw new PackError(name(file), `${at}/name`, `form rule "${rule.name}" is defined twice`);
      rule.require.forEach((req, k) => {
        for (const key of ['minItems', 'maximum'] as const) {
          const v = req[key];
          if (v && typeof v === 'object' && v.fact.startsWith('param:') && !parameters[v.fact.slice(6)])
            throw new PackError(name(file), `${at}/require/${k}/${key}/fact`, `unknown parameter "${v.fact.slice(6)}"`);
        }
      });
      formRules.push({ ...rule, file });
    });
  });
  const processRules: ProcessRule[] = [];
  (manifest.files.process ?? []).forEach((file, i) => {
    const data = files[file];
    if (data === undefined) throw new PackError(name('manifest.json'), `/files/process/${i}`, `file not found: ${file}`);
    validateFile(name(file), data, 'process-rules');
    (data as ProcessRulesFile).rules.forEach((rule, j) => {
      const at = `/rules/${j}`;
      const other = seen.get(rule.name) ?? processRules.find((r) => r.name === rule.name)?.file;
      if (other) throw new PackError(name(file), `${at}/name`, `rule id "${rule.name}" is used twice (also in ${other})`);
      const listed = rule.parameters ?? [];
      listed.forEach((param, k) => {
        if (!parameters[param]) throw new PackError(name(file), `${at}/parameters/${k}`, `unknown parameter "${param}"`);
      });
      // The check reads these by name: a pack that lacks one would fail at check time, so fail at load time.
      for (const needed of CHECK_PARAMETERS[rule.check]) {
        if (!listed.includes(needed)) throw new PackError(name(file), `${at}/parameters`, `check "${rule.check}" reads parameter "${needed}": list it`);
      }
      processRules.push({ ...rule, file });
    });
  });
  const listed = new Set(['manifest.json', ...manifest.files.parameters, ...manifest.files.rules, ...(manifest.files.forms ?? []), ...(manifest.files.process ?? [])]);
  for (const file of Object.keys(files)) {
    if (!listed.has(file)) throw new PackError(name(file), '', 'file is not listed in manifest.json "files"');
  }
  return { id: manifest.id, manifest, parameters, rules, articles, formRules, processRules };
}

const ELIGIBILITY_FACTS = new Set(['exempt', 'suspended', 'monthsSinceAdmission']);

/** A rule may only test facts whose Subject field the manifest requires for every subject type it applies to. */
export function checkInputs(file: string, at: string, rule: RuleJson, manifest: ManifestFile): void {
  for (const fact of factsOf(rule.conditions)) {
    if (fact.startsWith('param:')) continue; // a dated switch, always available
    if (rule.event.type === 'eligibility') {
      if (!ELIGIBILITY_FACTS.has(fact)) throw new PackError(file, `${at}/conditions`, `eligibility rules may test only ${[...ELIGIBILITY_FACTS].join(', ')}; found "${fact}"`);
      continue;
    }
    const field = FACT_SOURCES[fact];
    if (!field) continue;
    for (const type of rule.event.params.appliesTo) {
      if (!manifest.inputs.some((i) => i.field === field && i.for.includes(type)))
        throw new PackError(file, `${at}/event/params/appliesTo`, `fact "${fact}" needs input "${field}" for ${type}, but manifest.json "inputs" does not require it`);
    }
  }
}

function checkDate(file: string, path: string, text: string): void {
  if (!parseDate(text)) throw new PackError(file, path, `not a calendar date: ${text}`);
}

/** Why a value does not suit a parameter definition: data, so each locale words it (see locales). */
export type ParameterProblem =
  | { expected: 'boolean' | 'string' | 'number' | 'integer' | 'review-year-date' }
  | { expected: 'one-of'; allowed: string[] }
  | { expected: 'minimum' | 'maximum'; limit: number }
  | { expected: 'known-type'; type: string };

/** Null when `value` suits the parameter definition, else the problem. */
export function parameterProblem(def: { type: string; unit?: string; enum?: string[]; minimum?: number; maximum?: number }, value: unknown): ParameterProblem | null {
  switch (def.type) {
    case 'boolean':
      return typeof value === 'boolean' ? null : { expected: 'boolean' };
    case 'string':
      if (typeof value !== 'string') return { expected: 'string' };
      if (def.unit === 'review-year-date') return reviewYearDateOk(value) ? null : { expected: 'review-year-date' };
      return def.enum && !def.enum.includes(value) ? { expected: 'one-of', allowed: def.enum } : null;
    case 'integer':
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return { expected: 'number' };
      if (def.type === 'integer' && !Number.isInteger(value)) return { expected: 'integer' };
      if (def.minimum !== undefined && value < def.minimum) return { expected: 'minimum', limit: def.minimum };
      if (def.maximum !== undefined && value > def.maximum) return { expected: 'maximum', limit: def.maximum };
      return null;
    default:
      return { expected: 'known-type', type: def.type };
  }
}

/** The problem in English, for pack and overlay authors (PackError messages are English). */
export function checkParameterValue(def: Parameters<typeof parameterProblem>[0], value: unknown): string | null {
  const p = parameterProblem(def, value);
  if (!p) return null;
  switch (p.expected) {
    case 'one-of':
      return `must be one of ${p.allowed.join(', ')}`;
    case 'minimum':
      return `must be ≥ ${p.limit}`;
    case 'maximum':
      return `must be ≤ ${p.limit}`;
    case 'known-type':
      return `unknown parameter type ${p.type}`;
    case 'review-year-date':
      return 'must be a day of the review year, "Y-MM-DD", or of the next year, "Y+1-MM-DD"';
    case 'integer':
      return 'must be an integer';
    default:
      return `must be a ${p.expected}`;
  }
}

/** A deadline written relative to the review year must name a day every year has (so no 29 February). */
function reviewYearDateOk(value: string): boolean {
  const m = REVIEW_YEAR_DATE.exec(value);
  const month = m ? Number(m[2]) : 0;
  const day = m ? Number(m[3]) : 0;
  const last = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return m !== null && day >= 1 && day <= last;
}

export function checkParamRefs(file: string, path: string, condition: ConditionJson, parameters: Pack['parameters']): void {
  forEachLeaf(
    condition,
    (leaf, at) => {
      const left = parameterName(leaf.fact);
      if (left !== undefined && !parameters[left]) throw new PackError(file, `${at}/fact`, `unknown parameter "${left}"`);
      const ref = valueFact(leaf.value);
      const right = ref === undefined ? undefined : (parameterName(ref) ?? ref);
      if (right !== undefined && !parameters[right]) throw new PackError(file, `${at}/value/fact`, `unknown parameter "${right}"`);
    },
    path,
  );
}
