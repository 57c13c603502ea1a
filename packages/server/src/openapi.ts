/**
 * The OpenAPI 3.1 contract, built from the JSON Schemas the packages ship: every form's schema
 * (@kiemdiem/forms), the pack schema with its overlay (@kiemdiem/rules/pack.schema.json), and the server's
 * own request and answer shapes (schemas.ts). Each schema's `$defs` become components under a prefix.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { formIds, schemaFor } from '@kiemdiem/forms';
import { SERVER_SCHEMAS } from './schemas';
import { VERSION } from './version';

type Json = Record<string, unknown>;
const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });

/** A component name for a form id: hd43-2025/02b → Form.hd43-2025.02b. */
export const formComponent = (id: string): string => `Form.${id.replace(/\//g, '.')}`;

/** Moves a schema's `$defs` to components named `${prefix}.${def}`, rewriting its `#/$defs/…` refs. */
function hoist(schema: Json, prefix: string, into: Record<string, Json>): Json {
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (node === null || typeof node !== 'object') return node;
    const out: Json = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#/$defs/')) out.$ref = `#/components/schemas/${prefix}.${value.slice('#/$defs/'.length)}`;
      else if (key === '$ref' && value === '#') out.$ref = `#/components/schemas/${prefix}`;
      else out[key] = rewrite(value);
    }
    return out;
  };
  const { $defs, $schema: _s, $id: _i, ...root } = schema as Json & { $defs?: Record<string, Json> };
  for (const [name, def] of Object.entries($defs ?? {})) into[`${prefix}.${name}`] = rewrite(def) as Json;
  return rewrite(root) as Json;
}

/**
 * A `required` name without a `properties` entry beside it (the pack schema's if/then branches name a
 * property defined elsewhere) gets an empty one: the same meaning, and what OpenAPI linters expect.
 */
function declareRequired(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(declareRequired);
  if (node === null || typeof node !== 'object') return;
  const o = node as Json;
  if (Array.isArray(o.required) && o.$ref === undefined) {
    const props = (o.properties ??= {}) as Json;
    for (const name of o.required as string[]) if (!(name in props)) props[name] = {};
  }
  for (const value of Object.values(o)) declareRequired(value);
}

function packSchema(): Json {
  const require = createRequire(import.meta.url);
  return JSON.parse(readFileSync(require.resolve('@kiemdiem/rules/pack.schema.json'), 'utf8')) as Json;
}

const problem = (description: string): Json => ({ description, content: { 'application/problem+json': { schema: ref('Problem') } } });
const json = (description: string, schema: Json): Json => ({ description, content: { 'application/json': { schema } } });
const pdf = { description: 'The PDF (Tinos embedded, byte-identical for the same input).', content: { 'application/pdf': { schema: { type: 'string', contentMediaType: 'application/pdf' } } } };

const ERRORS = {
  '400': problem('Malformed JSON (bad-json), a __proto__/constructor/prototype key (unsafe-key), or a request field of the wrong type (invalid-request).'),
  '401': problem('Tokens are configured and the request has no valid `Authorization: Bearer` header.'),
  '413': problem('The body is larger than the limit (body-too-large).'),
  '415': problem('Content type other than application/json (or application/x-ndjson for POST /rate).'),
  '503': problem('Too many requests in flight, or the PDF queue is full (overloaded); see Retry-After.'),
};
const PROBE_ERRORS = { '4XX': problem('A malformed request.') };
const GET_ERRORS = { '401': ERRORS['401'], '503': ERRORS['503'] };

const langParam = { name: 'lang', in: 'query', required: false, description: 'Language of messages and titles (default vi; also from Accept-Language).', schema: { enum: ['vi', 'en'] } };
const formIdParam = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'A form id such as hd43-2025/02b. The slash may be written as it is (/forms/hd43-2025/02b/pdf) or encoded (%2F).',
  schema: { type: 'string' },
};
const contextParam = { name: 'context', in: 'query', required: false, description: 'The form context as JSON (audience, period, reviewSuggestions…).', schema: { type: 'string' } };

export function openApiDocument(): Json {
  const schemas: Record<string, Json> = {};
  hoist(packSchema(), 'Pack', schemas);
  schemas.Overlay = ref('Pack.overlay');
  for (const id of formIds()) schemas[formComponent(id)] = hoist(schemaFor(id) as Json, formComponent(id), schemas);
  Object.assign(schemas, SERVER_SCHEMAS);
  const forms = formIds();
  schemas.FormDocument = { description: 'A document of any form (each form id has its schema).', anyOf: forms.map((id) => ref(formComponent(id))) };
  declareRequired(schemas);

  const body = (schema: Json, extra: Json = {}) => ({ required: true, content: { 'application/json': { schema }, ...extra } });
  const op = (operationId: string, summary: string, rest: Json) => ({ operationId, summary, parameters: [langParam, ...((rest.parameters as unknown[]) ?? [])], ...Object.fromEntries(Object.entries(rest).filter(([k]) => k !== 'parameters')) });

  const doc: Json = {
    openapi: '3.1.0',
    info: {
      title: 'kiemdiem',
      version: VERSION,
      summary: 'The Party review and quality rating (kiểm điểm, xếp loại chất lượng) as an HTTP service.',
      description: 'JSON in and out; Vietnamese by default, English with `Accept-Language: en` or `?lang=en`. Every error is an RFC 9457 problem document.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: 'http://127.0.0.1:8080', description: '`kiemdiem serve` with its defaults' }],
    security: [{}, { bearer: [] }],
    tags: [{ name: 'rules', description: 'Regulations, rating and diffs' }, { name: 'forms', description: 'Form schemas, validation and PDFs' }, { name: 'service', description: 'Probes and the contract' }],
    paths: {
      '/health': { get: op('health', 'Liveness: the process answers.', { tags: ['service'], security: [], responses: { '200': json('Alive.', ref('Health')), ...PROBE_ERRORS } }) },
      '/ready': { get: op('ready', 'Readiness: accepting work (503 while shutting down).', { tags: ['service'], security: [], responses: { '200': json('Ready.', ref('Health')), ...PROBE_ERRORS, '503': ERRORS['503'] } }) },
      '/openapi.json': { get: op('openapi', 'This document.', { tags: ['service'], security: [], responses: { '200': json('The OpenAPI 3.1 document.', { type: 'object' }), ...PROBE_ERRORS } }) },
      '/regulations': { get: op('listRegulations', 'The regulations (rule packs) this version ships.', { tags: ['rules'], responses: { '200': json('The regulations.', { type: 'array', items: ref('RegulationSummary') }), ...GET_ERRORS } }) },
      '/regulations/{id}': {
        get: op('getRegulation', 'One regulation: rules, parameters with dated values and citations.', {
          tags: ['rules'],
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' }, example: 'qd-366-2025' }],
          responses: { '200': json('The regulation.', ref('Regulation')), '404': problem('No such regulation (unknown-regulation).'), ...GET_ERRORS },
        }),
      },
      '/rate': {
        post: op('rate', 'Rate subjects: the rateMany output. NDJSON in gives NDJSON out, line by line.', {
          tags: ['rules'],
          parameters: [
            { name: 'regulation', in: 'query', required: false, description: 'NDJSON only: the regulation (JSON bodies say it in the body).', schema: { type: 'string' } },
            { name: 'exceptionalGroup', in: 'query', required: false, description: 'NDJSON only, repeatable.', schema: { type: 'array', items: { type: 'string' } } },
            { name: 'disabledRule', in: 'query', required: false, description: 'NDJSON only, repeatable.', schema: { type: 'array', items: { type: 'string' } } },
            { name: 'reasons', in: 'query', required: false, description: 'NDJSON only: false gives status and level without reasons, several times faster.', schema: { enum: ['true', 'false'] } },
          ],
          requestBody: body(ref('RateRequest'), { 'application/x-ndjson': { schema: ref('Subject') } }),
          responses: {
            '200': { description: 'Every subject rated (JSON), or the stream of lines (NDJSON).', content: { 'application/json': { schema: ref('RateManyOutput') }, 'application/x-ndjson': { schema: ref('NdjsonLine') } } },
            '422': { description: 'Some subjects are invalid (invalid-subject): the problem carries the whole output.', content: { 'application/problem+json': { schema: ref('RateProblem') } } },
            '404': problem('No such regulation (unknown-regulation).'),
            ...ERRORS,
          },
        }),
      },
      '/diff': {
        post: op('diff', 'What changed between two regulations, and who changes rating.', {
          tags: ['rules'],
          requestBody: body(ref('DiffRequest')),
          responses: { '200': json('The diff report.', ref('DiffReport')), '404': problem('No such regulation.'), '422': problem('An invalid overlay or option.'), ...ERRORS },
        }),
      },
      '/forms': { get: op('listForms', 'The forms.', { tags: ['forms'], responses: { '200': json('The forms.', { type: 'array', items: ref('FormSummary') }), ...GET_ERRORS } }) },
      '/forms/{id}/schema': {
        get: op('getFormSchema', "A form's JSON Schema for a context.", {
          tags: ['forms'],
          parameters: [formIdParam, contextParam],
          responses: { '200': json('The JSON Schema (2020-12).', { type: 'object' }), '404': problem('No such form (unknown-form).'), ...GET_ERRORS },
        }),
      },
      '/forms/{id}/ui/{kind}': {
        get: op('getFormUiSchema', "A form's UI schema for JSON Forms or RJSF.", {
          tags: ['forms'],
          parameters: [formIdParam, { name: 'kind', in: 'path', required: true, schema: { enum: ['jsonforms', 'rjsf'] } }, contextParam],
          responses: { '200': json('The UI schema.', { type: 'object' }), '404': problem('No such form or UI kind.'), ...GET_ERRORS },
        }),
      },
      '/forms/{id}/validate': {
        post: op('validateForm', 'Validate a filled form: errors, warnings and the level check.', {
          tags: ['forms'],
          parameters: [formIdParam],
          requestBody: body(ref('FormRequest')),
          responses: { '200': json('The validation (valid or not).', ref('FormValidation')), '404': problem('No such form (unknown-form).'), ...ERRORS },
        }),
      },
      '/forms/{id}/pdf': {
        post: op('formPdf', 'The filled form as an official-layout PDF.', {
          tags: ['forms'],
          parameters: [formIdParam],
          requestBody: body(ref('FormRequest')),
          responses: { '200': pdf, '404': problem('No such form (unknown-form).'), '422': problem('The document is invalid (invalid-subject); errors lists each problem.'), ...ERRORS },
        }),
      },
      '/summary/pdf': {
        post: op('summaryPdf', 'The summary list of ratings as PDF, from a rateMany output.', {
          tags: ['forms'],
          requestBody: body(ref('SummaryRequest')),
          responses: { '200': pdf, '422': problem('The output or options are invalid.'), ...ERRORS },
        }),
      },
      '/plan/check': {
        post: op('checkPlan', 'Check a review plan against the process rules.', {
          tags: ['rules'],
          requestBody: body(ref('PlanCheckRequest')),
          responses: { '200': json('The findings.', ref('PlanCheckResult')), '404': problem('No such regulation.'), ...ERRORS },
        }),
      },
    },
    components: {
      schemas,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Only when the server is started with tokens (KIEMDIEM_TOKENS or --tokens-file).' } },
    },
  };
  return pruned(doc, schemas);
}

/** Drops the components no path reaches (the pack schema's file-level defs an API never takes). */
function pruned(doc: Json, schemas: Record<string, Json>): Json {
  const reached = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')) {
        const name = value.slice('#/components/schemas/'.length);
        if (!reached.has(name)) {
          reached.add(name);
          walk(schemas[name]);
        }
      } else walk(value);
    }
  };
  walk(doc.paths);
  for (const name of Object.keys(schemas)) if (!reached.has(name)) delete schemas[name];
  return doc;
}
