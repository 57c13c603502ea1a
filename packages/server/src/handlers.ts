/**
 * The service without HTTP: each handler takes plain objects (the parsed body, the language) and returns a
 * plain result or throws a Problem. The Fastify adapter (app.ts) only moves bytes in and out.
 */
import { checkPlan, diff as diffPacks, listRegulations, loadRegulation, rateManySync, summaryOf, type Lang, type RateManyOutput, type RateOptions } from '@kiemdiem/rules';
import { formOrThrow, listForms, schemaFor, uiSchemaFor, validate as validateForm, type FormContext } from '@kiemdiem/forms';
import { serverMessages } from './locales';
import { Problem, toProblem } from './problem';

type Body = Record<string, unknown>;

/** The body as an object: 400 invalid-request otherwise. */
export function objectBody(body: unknown, lang: Lang, field = 'body'): Body {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new Problem(400, 'invalid-request', serverMessages(lang).notObject(field));
  return body as Body;
}

function optionalString(body: Body, field: string, lang: Lang): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new Problem(400, 'invalid-request', serverMessages(lang).badField(field, 'string'));
  return value;
}

function optionalArray(body: Body, field: string, lang: Lang, of?: 'string'): unknown[] | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || (of && value.some((v) => typeof v !== of))) throw new Problem(400, 'invalid-request', serverMessages(lang).badField(field, of ? 'array of strings' : 'array'));
  return value;
}

function optionalObject(body: Body, field: string, lang: Lang): Record<string, unknown> | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  return objectBody(value, lang, field);
}

/** The `lang` of a body, when it names one; otherwise the request's. */
export function bodyLang(body: unknown, fallback: Lang): Lang {
  const lang = body !== null && typeof body === 'object' ? (body as Body).lang : undefined;
  return lang === 'en' || lang === 'vi' ? lang : fallback;
}

/** The rating options of a body, exactly as the API takes them (regulation, overlays, parameters, disabledRules, exceptionalGroups). */
export function rateOptions(body: Body, lang: Lang): RateOptions {
  const regulation = optionalString(body, 'regulation', lang);
  const overlays = optionalArray(body, 'overlays', lang);
  const parameters = optionalObject(body, 'parameters', lang);
  const disabledRules = optionalArray(body, 'disabledRules', lang, 'string') as string[] | undefined;
  const exceptionalGroups = optionalArray(body, 'exceptionalGroups', lang, 'string') as string[] | undefined;
  return {
    lang,
    ...(regulation !== undefined ? { regulation } : {}),
    ...(overlays !== undefined ? { overlays } : {}),
    ...(parameters !== undefined ? { parameters } : {}),
    ...(disabledRules !== undefined ? { disabledRules } : {}),
    ...(exceptionalGroups !== undefined ? { exceptionalGroups: exceptionalGroups.map((g) => g.normalize('NFC')) } : {}),
  };
}

/** Runs `work`, turning what the packages throw into Problems in `lang`. */
export async function guarded<T>(lang: Lang, work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toProblem(error, lang);
  }
}

export function getRegulations(): ReturnType<typeof listRegulations> {
  return listRegulations();
}

/** One regulation: its summary, rules, parameters (dated values, citations) and articles. */
export async function getRegulation(id: string, lang: Lang) {
  return guarded(lang, () => {
    const pack = loadRegulation(id, { lang });
    return { ...summaryOf(pack), manifest: pack.manifest, rules: pack.rules, parameters: pack.parameters, articles: pack.articles, formRules: pack.formRules, processRules: pack.processRules };
  });
}

export interface RateAnswer {
  /** 200, or 422 when some subject is invalid (the output then rides in the problem document). */
  status: 200 | 422;
  output: RateManyOutput;
}

/** POST /rate: rateMany's output for `subjects`, on the compiled engine without a Promise (rateManySync). */
export async function rate(body: unknown, requestLang: Lang): Promise<RateAnswer> {
  const lang = bodyLang(body, requestLang);
  const b = objectBody(body, lang);
  if (!Array.isArray(b.subjects)) throw new Problem(400, 'invalid-request', serverMessages(lang).notArray);
  const options = rateOptions(b, lang);
  const output = await guarded(lang, () => rateManySync(b.subjects as unknown[], options));
  return { status: output.errors.length > 0 ? 422 : 200, output };
}

/** A diff side: an id, or { regulation, overlays }. */
function packRef(value: unknown, field: string, lang: Lang): string | { regulation: string; overlays?: unknown[] } {
  if (typeof value === 'string') return value;
  const ref = objectBody(value, lang, field);
  const regulation = optionalString(ref, 'regulation', lang);
  if (regulation === undefined) throw new Problem(400, 'invalid-request', serverMessages(lang).badField(`${field}.regulation`, 'string'));
  const overlays = optionalArray(ref, 'overlays', lang);
  return { regulation, ...(overlays ? { overlays } : {}) };
}

/** POST /diff: { from, to, subjects? }; `from`/`to` an id or { regulation, overlays }. */
export async function diff(body: unknown, requestLang: Lang) {
  const lang = bodyLang(body, requestLang);
  const b = objectBody(body, lang);
  const from = packRef(b.from, 'from', lang);
  const to = packRef(b.to, 'to', lang);
  const subjects = optionalArray(b, 'subjects', lang);
  return guarded(lang, () => diffPacks(from, to, subjects ?? undefined, { lang }));
}

export function getForms(lang: Lang) {
  return listForms(lang);
}

/** 404 unknown-form for an id the forms package does not have (message from the forms package, in `lang`). */
export function knownForm(id: string, lang: Lang): string {
  try {
    return formOrThrow(id, lang).id;
  } catch (error) {
    throw toProblem(error, lang);
  }
}

export async function getFormSchema(id: string, lang: Lang, context: FormContext = {}) {
  return guarded(lang, () => schemaFor(knownForm(id, lang), context));
}

export async function getUiSchema(id: string, kind: 'jsonforms' | 'rjsf', lang: Lang, context: FormContext = {}) {
  return guarded(lang, () => uiSchemaFor(knownForm(id, lang), kind, lang, context));
}

/** POST /forms/{id}/validate: the document, or { document, context, parameters, disabledRules, overlays }. */
export async function validateDocument(id: string, body: unknown, requestLang: Lang) {
  const lang = requestLang;
  knownForm(id, lang);
  const { document, context, rate } = documentRequest(body, lang);
  return guarded(lang, () => validateForm(id, document, { lang, ...(context ? { context } : {}), ...(rate ? { rateOptions: rate } : {}) }));
}

/**
 * A form request body: the document itself, or `{ document, context?, parameters?, disabledRules?, overlays? }`
 * (told apart by a top-level `document` object and no `header`, which every form document has).
 */
export function documentRequest(body: unknown, lang: Lang): { document: unknown; context?: FormContext; rate?: Pick<RateOptions, 'parameters' | 'disabledRules' | 'overlays'> } {
  const b = objectBody(body, lang);
  if (!(b.document !== null && typeof b.document === 'object' && !('header' in b))) return { document: b };
  const context = optionalObject(b, 'context', lang) as FormContext | undefined;
  const { parameters, disabledRules, overlays } = rateOptions(b, lang);
  const rate = { ...(parameters ? { parameters } : {}), ...(disabledRules ? { disabledRules } : {}), ...(overlays ? { overlays } : {}) };
  return { document: b.document, ...(context ? { context } : {}), ...(Object.keys(rate).length > 0 ? { rate } : {}) };
}

/** POST /plan/check: checkPlan's result for `{ plan, regulation?, overlays?, parameters?, disabledRules? }` or a bare plan. */
export async function planCheck(body: unknown, requestLang: Lang) {
  const lang = bodyLang(body, requestLang);
  const b = objectBody(body, lang);
  const wrapped = b.plan !== null && typeof b.plan === 'object';
  const plan = wrapped ? b.plan : b;
  const options = wrapped ? rateOptions(b, lang) : { lang };
  return guarded(lang, () => checkPlan(plan, options as Parameters<typeof checkPlan>[1]));
}
