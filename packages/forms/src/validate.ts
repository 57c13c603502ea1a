/**
 * Validating a filled form: the precompiled schema (no code generation at run time), the rule pack's
 * requirements for the context, and a check of the proposed level against the level the rules compute.
 */
import { KiemdiemError, LEVEL_ORDER, LEVELS, rate, type Level, type RateOptions, type Reason, type Result, type Subject } from '@kiemdiem/rules';
import { requirementsFor, subjectTypeFor, type FormContext } from './context';
import { checkDates } from './dates';
import { validators, type AjvError } from './generated/validators.js';
import { formLocale, titleIn, type FormLocale } from './locales';
import type { FormDefinition, JsonSchema } from './model';
import { formIds, getForm } from './registry';
import { scanDocument } from './scan';
import { fieldLabel, getAt, labelOf, nodeAt, normalizeNfc } from './schema-tools';
import { checkShape, MAX_DEPTH, MAX_NODES } from './shape';
import { toSubject } from './to-subject';

export interface FormIssue {
  /** JSON pointer of the field (for a missing field, the pointer it would have). */
  path: string;
  message: string;
  code: string;
  /** The form rule of the rule pack that asked for it, if any. */
  rule?: string;
  /** On the last line, code `more-errors`: how many problems are not listed. */
  omitted?: number;
}

export interface FormWarning {
  path: string;
  message: string;
  /**
   * Stable machine-readable code of the level check's own lines: `level-missing-facts`, `level-mismatch`,
   * `level-for-decision` (the rules leave the level to the competent level). The reasons listed after such a
   * line have none: their `rule` names them.
   */
  code?: string;
  rule?: string;
  citationText?: string;
  provenance?: string;
}

export interface FormValidation {
  valid: boolean;
  errors: FormIssue[];
  warnings: FormWarning[];
  /** The document as checked (strings NFC-normalised). */
  document: unknown;
}

export interface ValidateOptions {
  lang?: 'vi' | 'en';
  context?: FormContext;
  /** How the level check rates: the host's parameter values (readings), rules switched off, overlays. */
  rateOptions?: Pick<RateOptions, 'parameters' | 'disabledRules' | 'overlays'>;
}

/** The form with this id; throws `unknown-form`, listing the ids there are, in `lang`. */
export function formOrThrow(id: string, lang: 'vi' | 'en' = 'vi'): FormDefinition {
  const form = getForm(id);
  if (!form) throw new KiemdiemError('unknown-form', formLocale(lang).messages.unknownForm(id, formIds()), { id });
  return form;
}

function message(error: AjvError, schema: JsonSchema, loc: FormLocale): FormIssue {
  const msg = loc.messages;
  const p = error.params as Record<string, unknown>;
  if (error.keyword === 'required') {
    const path = `${error.instancePath}/${String(p.missingProperty).replace(/~/g, '~0').replace(/\//g, '~1')}`;
    return { path, code: 'required', message: msg.required(fieldLabel(schema, path, loc)) };
  }
  if (error.keyword === 'additionalProperties') {
    const key = String(p.additionalProperty);
    return { path: `${error.instancePath}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, code: 'unknown-field', message: msg.additionalProperties(key) };
  }
  const path = error.instancePath;
  const label = fieldLabel(schema, path, loc);
  switch (error.keyword) {
    case 'type':
      return { path, code: 'type', message: msg.type(label, String(p.type)) };
    case 'minLength':
      return { path, code: 'empty', message: msg.empty(label) };
    case 'maxLength':
      return { path, code: 'too-long', message: msg.maxLength(label, Number(p.limit)) };
    case 'minimum':
      return { path, code: 'out-of-range', message: msg.minimum(label, Number(p.limit)) };
    case 'maximum':
      return { path, code: 'out-of-range', message: msg.maximum(label, Number(p.limit)) };
    case 'multipleOf':
      return { path, code: 'step', message: msg.multipleOf(label, Number(p.multipleOf)) };
    case 'format':
      return { path, code: 'bad-date', message: msg.date(label) };
    case 'maxItems':
      return { path, code: 'too-many-rows', message: msg.maxItems(label, Number(p.limit)) };
    case 'minItems':
      return { path, code: 'too-few-rows', message: msg.minItems(label, Number(p.limit)) };
    case 'oneOf': {
      const node = nodeAt(schema, path);
      const options = (node?.oneOf ?? []).map((o) => titleIn(o, loc)!);
      return { path, code: 'not-allowed', message: msg.oneOf(label, options) };
    }
    default:
      return { path, code: error.keyword, message: msg.invalid(label) };
  }
}

/** At most this many problems are listed; one more line says how many were left out. */
export const MAX_ERRORS = 100;

/**
 * The errors only, without the level check (synchronous): what a portal shows as a person types. Besides the
 * schema: text that would not print, impossible dates, the rule pack's requirements. Lengths count code points
 * of the NFC text. At most 100 problems are listed, then one `more-errors` line. Never throws for any document
 * (only `unknown-form` for an unknown id): one nested more than 64 levels deep, containing itself, or with more
 * than 1,000,000 objects and lists written out gets one `too-deep`, `cycle` or `too-large` error, nothing else.
 */
export function checkForm(formId: string, document: unknown, options: ValidateOptions = {}): { errors: FormIssue[]; document: unknown } {
  const loc = formLocale(options.lang);
  const msg = loc.messages;
  const form = formOrThrow(formId, loc.lang);
  // Before anything recursive (normalisation, the validator) walks the document.
  const shape = checkShape(document);
  if (shape) {
    const message = shape.code === 'too-deep' ? msg.tooDeep(shape.path, MAX_DEPTH) : shape.code === 'cycle' ? msg.cycle(shape.path) : msg.tooLarge(shape.path, MAX_NODES);
    return { errors: [{ path: shape.path, code: shape.code, message }], document };
  }
  const doc = normalizeNfc(document);
  const scan = scanDocument(form.schema, doc, loc);
  const validator = validators[formId]!;
  const errors: FormIssue[] = [];
  // The validator sees tables cut to their maximum rows: the scan has refused the extra ones already.
  if (!validator(scan.bounded)) {
    // A oneOf of constants reports each branch's `const` failure too: keep only the oneOf line.
    for (const e of validator.errors ?? []) {
      if (/\/oneOf\/\d+\//.test(e.schemaPath)) continue;
      errors.push(message(e, form.schema, loc));
    }
  }
  errors.push(...scan.issues);
  for (const req of requirementsFor(form, options.context)) {
    const value = getAt(doc, req.pointer);
    const label = fieldLabel(form.schema, req.pointer, loc);
    if (value === undefined) errors.push({ path: req.pointer, code: 'required', message: msg.required(label), rule: req.rule.name });
    else if (req.minItems !== undefined && Array.isArray(value) && value.length < req.minItems)
      errors.push({ path: req.pointer, code: 'too-few-rows', message: msg.minItems(label, req.minItems), rule: req.rule.name });
    else if (req.maximum !== undefined && typeof value === 'number' && value > req.maximum)
      errors.push({ path: req.pointer, code: 'out-of-range', message: msg.maximum(label, req.maximum), rule: req.rule.name });
    else if (req.sumOf && typeof value === 'number') {
      const parts = req.sumOf.map((s) => getAt(doc, s.pointer));
      if (parts.every((x) => typeof x === 'number')) {
        const sum = (parts as number[]).reduce((a, b) => a + b, 0);
        if (Math.abs(sum - value) > 1e-9)
          errors.push({ path: req.pointer, code: 'sum', message: msg.sum(label, req.sumOf.map((s) => fieldLabel(form.schema, s.pointer, loc)), sum), rule: req.rule.name });
      }
    }
  }
  errors.push(...checkDates(form.schema, doc, loc));
  // One line per field and problem, in document order of discovery; a long list is cut with a count of the rest.
  const seen = new Set<string>();
  const unique = errors.filter((e) => !seen.has(`${e.path}|${e.code}`) && seen.add(`${e.path}|${e.code}`) !== undefined);
  if (unique.length > MAX_ERRORS) {
    const left = unique.length - MAX_ERRORS;
    unique.length = MAX_ERRORS;
    unique.push({ path: '', code: 'more-errors', message: msg.moreErrors(left), omitted: left });
  }
  return { errors: unique, document: doc };
}

/** Validates a document; for self-reviews with a proposed level, also checks it against the rule pack. */
export async function validate(formId: string, document: unknown, options: ValidateOptions = {}): Promise<FormValidation> {
  const loc = formLocale(options.lang);
  const { errors, document: doc } = checkForm(formId, document, options);
  const warnings: FormWarning[] = [];
  // A document of the wrong shape was not walked at all: nothing in it is read for the level check either.
  if (errors.some((e) => e.code === 'too-deep' || e.code === 'cycle' || e.code === 'too-large')) return { valid: false, errors, warnings, document: doc };
  const form = formOrThrow(formId, loc.lang);
  const proposedPointer = form.fields.proposedLevel;
  const proposed = proposedPointer ? (getAt(doc, proposedPointer) as Level | undefined) : undefined;
  // The level check needs the Part B points (forms of points-based packs) and who filled the form (form 05
  // is for anyone: the context says). HD 25 forms collect no criterion grades, so they get no level check.
  const scored = Boolean(form.fields.scoreCommon && form.fields.scoreTasks);
  if (form.regulation && scored && proposed && LEVELS.includes(proposed) && subjectTypeFor(form, options.context)) {
    const built = toSubject(form, doc, options.context);
    if (built.missing.length > 0) {
      warnings.push({ path: proposedPointer!, message: loc.messages.levelMissingFacts(built.missing.map((p) => fieldLabel(form.schema, p, loc))), code: 'level-missing-facts' });
    } else {
      let result: Result | undefined;
      try {
        result = await rate(built.subject as Subject, { ...options.rateOptions, regulation: form.regulation, lang: loc.lang });
      } catch {
        // An invalid document already has its errors listed; the level check needs a valid one.
      }
      const line = (r: Reason): FormWarning => ({ path: proposedPointer!, message: r.message, rule: r.rule, citationText: r.citationText, provenance: r.provenance });
      if (result?.status === 'rated' && result.level && LEVEL_ORDER[proposed] < LEVEL_ORDER[result.level]) {
        warnings.push({ path: proposedPointer!, message: loc.messages.levelMismatch(proposed, result.level), code: 'level-mismatch', rule: 'level-check' });
        // What stands between the document and the level it proposes.
        const why: Reason[] = result.reasons.filter((r) => r.outcome === 'applied' || (r.outcome === 'failed' && r.level === proposed));
        for (const r of why) warnings.push(line(r));
      } else if (result?.status === 'for-decision' && result.decision) {
        // No level to hold the proposal against, and `without` is not the rating: say who decides, and why.
        const { rules, without } = result.decision;
        warnings.push({ path: proposedPointer!, message: loc.messages.levelForDecision(proposed, rules, without), code: 'level-for-decision', rule: 'level-check' });
        for (const r of result.reasons) if (rules.includes(r.rule)) warnings.push(line(r));
      }
    }
  }
  return { valid: errors.length === 0, errors, warnings, document: doc };
}

export { labelOf };
