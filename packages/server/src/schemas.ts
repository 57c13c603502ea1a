/**
 * JSON Schemas (2020-12, the dialect of OpenAPI 3.1) of the request and answer shapes the rules package
 * types in TypeScript but does not ship as schemas: subjects, results, quota lines, problems. They describe;
 * the rules package's own checks stay the authority (a subject they refuse is a 422 whatever these allow).
 */
import { LEVELS, STATUSES, SUBJECT_TYPES } from '@kiemdiem/rules';

type Schema = Record<string, unknown>;
const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const str: Schema = { type: 'string' };
const int: Schema = { type: 'integer' };
const num: Schema = { type: 'number' };
const bool: Schema = { type: 'boolean' };
const open = (description: string, properties: Record<string, Schema> = {}, required: string[] = []): Schema => ({ type: 'object', description, properties, ...(required.length ? { required } : {}), additionalProperties: true });

export const Period: Schema = {
  description: 'The review period: a year, or a quarter of a year.',
  type: 'object',
  properties: { year: { type: 'integer', minimum: 2000, maximum: 2100 }, quarter: { type: 'integer', minimum: 1, maximum: 4 } },
  required: ['year'],
};

export const SERVER_SCHEMAS: Record<string, Schema> = {
  Period,
  Localized: { type: 'object', properties: { vi: str, en: str }, required: ['vi', 'en'] },
  Subject: open(
    'A person (individual) or a collective to rate, as `rate` takes it (see the rules package README). Fields a regulation does not use are ignored; what it needs and lacks is a 422 with the field named.',
    { id: str, name: str, kind: { enum: ['individual', 'collective'] }, audience: str, type: { enum: [...SUBJECT_TYPES] }, period: ref('Period'), group: str, score: { type: 'object', properties: { common: num, tasks: num } }, grades: { type: 'object', additionalProperties: str } },
    ['id', 'period'],
  ),
  Reason: open('Why a rule holds or not, with its citation.', { rule: str, outcome: { enum: ['met', 'failed', 'applied', 'disabled'] }, message: str, citationText: str, provenance: str, overlay: str }),
  Result: open(
    'One rating: status, level, total and reasons with citations.',
    { id: str, name: str, regulation: str, status: { enum: [...STATUSES] }, level: { oneOf: [{ enum: [...LEVELS] }, { type: 'null' }] }, total: num, reasons: { type: 'array', items: ref('Reason') }, kind: str, audience: str, period: ref('Period'), group: str },
    ['id', 'regulation', 'status', 'level', 'reasons'],
  ),
  QuotaLine: open('The HTXSNV quota of one group and period.', { group: str, regulation: str, period: ref('Period'), excellent: int, good: int, allowed: int, maxExcellent: int, over: bool, ratio: num, rounding: str, exceptional: bool }, ['group', 'excellent', 'maxExcellent', 'over']),
  SubjectIssue: { type: 'object', properties: { index: int, id: str, path: str, code: str, message: str }, required: ['path', 'code', 'message'] },
  RateManyOutput: { type: 'object', properties: { results: { type: 'array', items: ref('Result') }, quota: { type: 'array', items: ref('QuotaLine') }, errors: { type: 'array', items: ref('SubjectIssue') } }, required: ['results', 'quota', 'errors'] },
  RateRequest: {
    type: 'object',
    description: 'What `rateMany` takes. `overlays` are overlay documents (local guidance), applied in order.',
    properties: {
      subjects: { type: 'array', items: ref('Subject') },
      regulation: str,
      overlays: { type: 'array', items: ref('Overlay') },
      parameters: { type: 'object', additionalProperties: true },
      disabledRules: { type: 'array', items: str },
      exceptionalGroups: { type: 'array', items: str },
      lang: { enum: ['vi', 'en'] },
    },
    required: ['subjects'],
  },
  NdjsonLine: { description: 'One line of the NDJSON answer: a Result, an error line, or the closing summary.', oneOf: [ref('Result'), ref('NdjsonError'), ref('NdjsonSummary')] },
  NdjsonError: { type: 'object', properties: { index: int, line: int, id: str, errors: { type: 'array', items: ref('SubjectIssue') } }, required: ['index', 'line', 'errors'] },
  NdjsonSummary: { type: 'object', properties: { quota: { type: 'array', items: ref('QuotaLine') }, records: int, rated: int, invalid: int }, required: ['quota', 'records', 'rated', 'invalid'] },
  PackRef: { oneOf: [{ type: 'string', description: 'A regulation id.' }, { type: 'object', properties: { regulation: str, overlays: { type: 'array', items: ref('Overlay') } }, required: ['regulation'] }] },
  DiffRequest: { type: 'object', properties: { from: ref('PackRef'), to: ref('PackRef'), subjects: { type: 'array', items: ref('Subject') }, lang: { enum: ['vi', 'en'] } }, required: ['from', 'to'] },
  DiffReport: open('What changed between two regulations, and (with subjects) who changes rating and why.', { from: { type: 'object' }, to: { type: 'object' }, rules: { type: 'array' }, parameters: { type: 'array' }, impact: { type: 'object' } }),
  RegulationSummary: { type: 'object', properties: { id: str, number: str, title: ref('Localized'), issuer: ref('Localized'), signedOn: str, effective: { type: 'object', properties: { from: str, to: { type: ['string', 'null'] } } }, replaces: { type: 'array', items: str } }, required: ['id', 'number', 'title'] },
  Regulation: {
    allOf: [ref('RegulationSummary')],
    type: 'object',
    properties: { manifest: ref('Pack.manifest'), rules: { type: 'array', items: { type: 'object' } }, parameters: { type: 'object', additionalProperties: { type: 'object' } }, articles: { type: 'array' }, formRules: { type: 'array' }, processRules: { type: 'array' } },
  },
  FormSummary: { type: 'object', properties: { id: str, title: str, basis: str, official: bool, code: str, kind: str, audience: str, regulation: str }, required: ['id', 'title', 'kind'] },
  FormRequest: {
    description: 'A filled form document, or the document with the context and rating options of the level check.',
    oneOf: [{ type: 'object', description: 'The document itself.', additionalProperties: true }, { type: 'object', properties: { document: ref('FormDocument'), context: { type: 'object' }, parameters: { type: 'object' }, disabledRules: { type: 'array', items: str }, overlays: { type: 'array', items: ref('Overlay') } }, required: ['document'] }],
  },
  FormValidation: { type: 'object', properties: { valid: bool, errors: { type: 'array', items: ref('SubjectIssue') }, warnings: { type: 'array', items: { type: 'object' } }, document: {} }, required: ['valid', 'errors', 'warnings'] },
  SummaryRequest: { type: 'object', description: 'A rateMany output (results and quota), with the summary options.', properties: { results: { type: 'array', items: ref('Result') }, quota: { type: 'array', items: ref('QuotaLine') }, options: { type: 'object', properties: { date: str, title: str, orientation: { enum: ['landscape', 'portrait'] } }, additionalProperties: true } }, required: ['results'] },
  PlanCheckRequest: { type: 'object', description: 'A review plan, or { plan, regulation, overlays, parameters, disabledRules }.', additionalProperties: true },
  PlanCheckResult: open('The findings of checking a review plan.', { regulation: str, year: int, findings: { type: 'array', items: { type: 'object' } } }, ['findings']),
  Health: { type: 'object', properties: { status: str }, required: ['status'] },
  Problem: {
    type: 'object',
    description: 'RFC 9457 problem details (application/problem+json).',
    properties: { type: str, title: str, status: int, detail: str, code: str, instance: str, errors: { type: 'array', items: ref('SubjectIssue') } },
    required: ['type', 'title', 'status', 'detail', 'code'],
  },
  RateProblem: { description: '422: some subjects are invalid. The problem, with the rateMany output of the whole request.', allOf: [ref('Problem'), ref('RateManyOutput')] },
};
