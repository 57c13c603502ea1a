/**
 * A portal's typed client: openapi-fetch over the types openapi-typescript generates from the served OpenAPI
 * document (openapi.d.ts, kept in step by server-client.test.ts). Calls every endpoint once; the test
 * type-checks this file with tsc, so a contract that no longer fits these calls fails it.
 */
import createClient from 'openapi-fetch';
import type { components, paths } from './openapi';

type Result = components['schemas']['Result'];

export interface Drive {
  statuses: Record<string, number>;
  regulations: string[];
  ruleCount: number;
  results: Result[];
  quotaGroups: string[];
  streamLines: string[];
  diffFrom: unknown;
  formIds: string[];
  schemaTitle: unknown;
  uiKinds: string[];
  valid: boolean;
  formPdf: Uint8Array;
  summaryPdf: Uint8Array;
  planFindings: number;
  openapi: string;
  ready: string;
  health: string;
  unknownForm: { status: number; code: string | undefined };
}

export async function drive(baseUrl: string, subjects: components['schemas']['Subject'][], formDocument: Record<string, unknown>, plan: Record<string, unknown>): Promise<Drive> {
  const client = createClient<paths>({ baseUrl });
  const statuses: Record<string, number> = {};
  const seen = <T extends { response: Response }>(name: string, r: T): T => {
    statuses[name] = r.response.status;
    return r;
  };

  const health = seen('health', await client.GET('/health'));
  const ready = seen('ready', await client.GET('/ready'));
  const openapi = seen('openapi', await client.GET('/openapi.json'));
  const regulations = seen('regulations', await client.GET('/regulations', { params: { query: { lang: 'en' } } }));
  const regulation = seen('regulation', await client.GET('/regulations/{id}', { params: { path: { id: 'qd-366-2025' } } }));
  const rated = seen('rate', await client.POST('/rate', { body: { subjects, lang: 'vi' } }));
  // The 200 answer is JSON or NDJSON by the request's content type; a JSON request gets the rateMany output.
  const output = rated.data as components['schemas']['RateManyOutput'] | undefined;
  const stream = seen(
    'rate-ndjson',
    await client.POST('/rate', {
      body: subjects as never,
      bodySerializer: (body: unknown) => (body as unknown[]).map((s) => JSON.stringify(s)).join('\n'),
      headers: { 'content-type': 'application/x-ndjson' },
      parseAs: 'text',
    }),
  );
  const diffed = seen('diff', await client.POST('/diff', { body: { from: 'qd-124-2023', to: 'qd-366-2025', subjects: subjects.slice(0, 3) } }));
  const forms = seen('forms', await client.GET('/forms'));
  const id = 'hd43-2025/02b';
  const schema = seen('schema', await client.GET('/forms/{id}/schema', { params: { path: { id } } }));
  const jsonforms = seen('ui-jsonforms', await client.GET('/forms/{id}/ui/{kind}', { params: { path: { id, kind: 'jsonforms' } } }));
  const rjsf = seen('ui-rjsf', await client.GET('/forms/{id}/ui/{kind}', { params: { path: { id, kind: 'rjsf' } } }));
  const validated = seen('validate', await client.POST('/forms/{id}/validate', { params: { path: { id } }, body: formDocument }));
  const formPdf = seen('form-pdf', await client.POST('/forms/{id}/pdf', { params: { path: { id } }, body: formDocument, parseAs: 'arrayBuffer' }));
  const summary = seen('summary-pdf', await client.POST('/summary/pdf', { body: { results: output?.results ?? [], quota: output?.quota ?? [], options: { date: '2026-12-31' } }, parseAs: 'arrayBuffer' }));
  const checked = seen('plan', await client.POST('/plan/check', { body: plan }));
  const missing = await client.POST('/forms/{id}/pdf', { params: { path: { id: 'hd43-2025/99' } }, body: formDocument });

  return {
    statuses,
    health: health.data?.status ?? '',
    ready: ready.data?.status ?? '',
    openapi: String((openapi.data as { openapi?: unknown } | undefined)?.openapi),
    regulations: (regulations.data ?? []).map((r) => r.id ?? ''),
    ruleCount: regulation.data?.rules?.length ?? 0,
    results: output?.results ?? [],
    quotaGroups: (output?.quota ?? []).map((q) => q.group),
    streamLines: (stream.data as string | undefined)?.trimEnd().split('\n') ?? [],
    diffFrom: diffed.data?.from,
    formIds: (forms.data ?? []).map((f) => f.id),
    schemaTitle: (schema.data as { title?: unknown } | undefined)?.title,
    uiKinds: [jsonforms.data ? 'jsonforms' : '', rjsf.data ? 'rjsf' : ''].filter(Boolean),
    valid: validated.data?.valid === true,
    formPdf: new Uint8Array((formPdf.data as ArrayBuffer | undefined) ?? new ArrayBuffer(0)),
    summaryPdf: new Uint8Array((summary.data as ArrayBuffer | undefined) ?? new ArrayBuffer(0)),
    planFindings: checked.data?.findings.length ?? -1,
    unknownForm: { status: missing.response.status, code: missing.error?.code },
  };
}
