/**
 * The Fastify adapter: routes, content types, limits, auth, CORS and problem documents around the plain
 * handlers of handlers.ts. Stateless: every answer depends on the request alone.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cors from '@fastify/cors';
import { createRater, type Lang } from '@kiemdiem/rules';
import { bearerCheck } from './auth';
import * as h from './handlers';
import { parseBody } from './json';
import { requestLang } from './lang';
import { serverMessages } from './locales';
import { openApiDocument } from './openapi';
import { createPdfPool, type PdfPool, type PdfPoolOptions } from './pdf-pool';
import { Problem, problemDocument, toProblem } from './problem';
import { rateNdjson } from './rate-stream';

export interface ServerOptions {
  /** Largest JSON body in bytes (default 16 MiB); larger is 413. NDJSON bodies are limited per line instead. */
  bodyLimit?: number;
  /** Longest NDJSON line in bytes (default 1 MiB). */
  maxLine?: number;
  /** The PDF worker pool. */
  pdf?: PdfPoolOptions;
  /** Bearer tokens; none: no auth. */
  tokens?: readonly string[];
  /** Origins allowed by CORS; none: no CORS headers. */
  corsOrigins?: readonly string[];
  /** Requests handled at once before 503 + Retry-After (default 512). */
  maxInFlight?: number;
  /** Time to receive a request, in ms (default 120 000). */
  requestTimeoutMs?: number;
  /** pino options, or false (default: JSON logs at info). */
  logger?: boolean | Record<string, unknown>;
}

const JSON_TYPES = ['application/json', 'application/x-ndjson'];
/** Paths anyone may read, even with tokens set: probes and the contract. */
const OPEN_PATHS = new Set(['/health', '/ready', '/openapi.json']);

declare module 'fastify' {
  interface FastifyRequest {
    lang: Lang;
  }
}

export interface KiemdiemServer {
  app: FastifyInstance;
  pool: PdfPool;
  /** Stops accepting, lets in-flight requests finish, then stops the PDF workers. */
  close(): Promise<void>;
}

export async function createServer(options: ServerOptions = {}): Promise<KiemdiemServer> {
  const bodyLimit = options.bodyLimit ?? 16 * 1024 * 1024;
  const maxInFlight = options.maxInFlight ?? 512;
  const authorized = bearerCheck(options.tokens ?? []);
  const pool = createPdfPool(options.pdf);
  const app = Fastify({
    logger: options.logger === undefined ? { level: 'info' } : options.logger,
    bodyLimit,
    requestTimeout: options.requestTimeoutMs ?? 120_000,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    // Routes are matched as written: /forms/hd43-2025/02b/pdf and /forms/hd43-2025%2F02b/pdf both reach the form.
    routerOptions: { ignoreTrailingSlash: true },
  });
  let inFlight = 0;
  let closing = false;

  app.decorateRequest('lang', 'vi');
  app.addHook('onRequest', async (req, reply) => {
    req.lang = requestLang(req.query, req.headers['accept-language']);
    reply.header('x-request-id', req.id);
    reply.header('x-content-type-options', 'nosniff');
    if (inFlight >= maxInFlight) throw new Problem(503, 'overloaded', serverMessages(req.lang).overloaded(1), undefined, 1);
    inFlight += 1;
    reply.raw.once('close', () => (inFlight -= 1));
    const path = req.url.split('?')[0]!;
    if (!OPEN_PATHS.has(path) && req.method !== 'OPTIONS' && !authorized(req.headers.authorization)) {
      reply.header('www-authenticate', 'Bearer');
      throw new Problem(401, 'unauthorized', serverMessages(req.lang).unauthorized);
    }
  });

  // While stopping, an answer closes its connection: a keep-alive socket that turns idle after close() began
  // would otherwise hold the stop for the whole keep-alive timeout.
  app.addHook('onSend', async (_req, reply) => {
    if (closing) reply.header('connection', 'close');
  });

  if (options.corsOrigins && options.corsOrigins.length > 0) {
    await app.register(cors, { origin: [...options.corsOrigins], methods: ['GET', 'POST'], exposedHeaders: ['x-request-id', 'retry-after'] });
  }

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, (req, text, done) => {
    try {
      done(null, parseBody(text as string, req.lang));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  // NDJSON is read as it arrives by the route (rate-stream.ts), never gathered.
  app.addContentTypeParser('application/x-ndjson', (_req: FastifyRequest, payload: IncomingMessage, done: (err: Error | null, body?: unknown) => void) => done(null, payload));

  app.setErrorHandler((error: Error & { code?: string; statusCode?: number }, req, reply) => {
    const lang = req.lang ?? 'vi';
    const msg = serverMessages(lang);
    let problem: Problem;
    if (error instanceof Problem) problem = error;
    else if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') problem = new Problem(413, 'body-too-large', msg.tooLarge(bodyLimit));
    else if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') problem = new Problem(415, 'unsupported-media-type', msg.unsupportedType(String(req.headers['content-type'] ?? ''), JSON_TYPES));
    else if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') problem = new Problem(400, 'bad-json', msg.badJson('—'));
    else if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) problem = new Problem(400, 'invalid-request', msg.titles['invalid-request']);
    else problem = toProblem(error, lang);
    if (problem.status >= 500 && problem.code === 'internal') req.log.error({ err: error }, 'internal error');
    return sendProblem(reply, problem, lang, req.url);
  });
  app.setNotFoundHandler((req, reply) => sendProblem(reply, new Problem(404, 'not-found', serverMessages(req.lang).notFound(req.url.split('?')[0]!)), req.lang, req.url));

  const document = openApiDocument();
  const documentText = JSON.stringify(document);

  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/ready', async (req, reply) => {
    if (closing) return sendProblem(reply, new Problem(503, 'overloaded', serverMessages(req.lang).overloaded(1), undefined, 1), req.lang, req.url);
    return { status: 'ready' };
  });
  app.get('/openapi.json', async (_req, reply) => reply.type('application/json; charset=utf-8').send(documentText));

  app.get('/regulations', async () => h.getRegulations());
  app.get<{ Params: { id: string } }>('/regulations/:id', async (req) => h.getRegulation(req.params.id, req.lang));

  app.post('/rate', async (req, reply) => {
    if (isNdjson(req)) return rateStream(req, reply, options.maxLine);
    const answer = await h.rate(req.body, req.lang);
    if (answer.status === 200) return answer.output;
    const lang = h.bodyLang(req.body, req.lang);
    const problem = new Problem(422, 'invalid-subject', invalidSummary(answer.output.errors.length, lang));
    return reply
      .code(422)
      .type('application/problem+json; charset=utf-8')
      .send({ ...problemDocument(problem, lang, req.url), ...answer.output });
  });
  app.post('/diff', async (req) => h.diff(req.body, req.lang));
  app.get('/forms', async (req) => h.getForms(req.lang));

  formRoute(app, 'GET', 'schema', async (id, req) => h.getFormSchema(id, req.lang, contextOf(req)));
  formRoute(app, 'GET', 'ui/:kind', async (id, req) => {
    const kind = (req.params as { kind: string }).kind;
    if (kind !== 'jsonforms' && kind !== 'rjsf') throw new Problem(404, 'not-found', serverMessages(req.lang).notFound(req.url));
    return h.getUiSchema(id, kind, req.lang, contextOf(req));
  });
  formRoute(app, 'POST', 'validate', async (id, req) => h.validateDocument(id, req.body, req.lang));
  formRoute(app, 'POST', 'pdf', async (id, req, reply) => {
    h.knownForm(id, req.lang);
    const { document } = h.documentRequest(req.body, req.lang);
    const bytes = await pool.render({ kind: 'form', formId: id, document, lang: req.lang });
    return pdf(reply, bytes, id);
  });
  app.post('/summary/pdf', async (req, reply) => {
    const body = h.objectBody(req.body, req.lang);
    const { options: summaryOptions, ...output } = body;
    if (!Array.isArray(output.results)) throw new Problem(400, 'invalid-request', serverMessages(req.lang).badField('results', 'array'));
    const bytes = await pool.render({ kind: 'summary', document: output, lang: req.lang, ...(summaryOptions !== undefined ? { options: h.objectBody(summaryOptions, req.lang, 'options') } : {}) });
    return pdf(reply, bytes, 'tong-hop-xep-loai');
  });
  app.post('/plan/check', async (req) => h.planCheck(req.body, req.lang));

  async function rateStream(req: FastifyRequest, reply: FastifyReply, maxLine?: number) {
    const q = req.query as Record<string, unknown>;
    const list = (v: unknown) => (v === undefined ? undefined : Array.isArray(v) ? v.map(String) : [String(v)]);
    const body = {
      ...(typeof q.regulation === 'string' ? { regulation: q.regulation } : {}),
      ...(q.exceptionalGroup !== undefined ? { exceptionalGroups: list(q.exceptionalGroup) } : {}),
      ...(q.disabledRule !== undefined ? { disabledRules: list(q.disabledRule) } : {}),
    };
    // ?reasons=false: status and level only (rateManySync's reasons: false), several times faster.
    const reasons = q.reasons === 'false' ? { reasons: false } : {};
    // Options are checked (unknown regulation…) before the answer starts, so they can still be a problem document.
    const rater = await h.guarded(req.lang, () => createRater({ ...h.rateOptions(body, req.lang), ...reasons }));
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8', 'x-request-id': req.id, 'x-content-type-options': 'nosniff' });
    let gone = false;
    raw.once('close', () => (gone = true));
    const sink = {
      write: async (text: string) => {
        if (gone) throw new Error('client gone');
        if (!raw.write(text)) await drained(raw);
      },
    };
    try {
      await rateNdjson(req.body as AsyncIterable<Uint8Array>, rater, req.lang, sink, maxLine);
      raw.end();
    } catch (error) {
      req.log.warn({ err: error }, 'rate stream stopped');
      raw.destroy();
    }
  }

  return {
    app,
    pool,
    async close() {
      closing = true;
      await app.close();
      await pool.close();
    },
  };
}

/** Resolves when the response can take more bytes, or is closed; its listeners removed either way. */
function drained(raw: FastifyReply['raw']): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      raw.off('drain', done);
      raw.off('close', done);
      resolve();
    };
    raw.on('drain', done);
    raw.on('close', done);
  });
}

function isNdjson(req: FastifyRequest): boolean {
  return /^application\/x-ndjson\b/i.test(String(req.headers['content-type'] ?? ''));
}

function invalidSummary(n: number, lang: Lang): string {
  return lang === 'en' ? `${n} subject(s) could not be rated; see errors` : `${n} đối tượng không xếp loại được; xem errors`;
}

function contextOf(req: FastifyRequest) {
  const q = req.query as Record<string, unknown>;
  if (typeof q.context !== 'string') return {};
  return h.objectBody(parseBody(q.context, req.lang), req.lang, 'context');
}

function pdf(reply: FastifyReply, bytes: Uint8Array, name: string) {
  const file = name.replace(/[^a-z0-9-]+/gi, '-');
  return reply.type('application/pdf').header('content-disposition', `inline; filename="${file}.pdf"`).send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

function sendProblem(reply: FastifyReply, problem: Problem, lang: Lang, instance?: string) {
  if (problem.retryAfter !== undefined) reply.header('retry-after', String(problem.retryAfter));
  return reply
    .code(problem.status)
    .type('application/problem+json; charset=utf-8')
    .send(problemDocument(problem, lang, instance?.split('?')[0]));
}

type FormHandler = (id: string, req: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

/** A form route under both spellings of the id: /forms/hd43-2025/02b/… and /forms/hd43-2025%2F02b/…. */
function formRoute(app: FastifyInstance, method: 'GET' | 'POST', suffix: string, handler: FormHandler) {
  const run = (req: FastifyRequest, reply: FastifyReply) => {
    const p = req.params as { id?: string; group?: string; form?: string };
    const id = p.id ?? `${p.group}/${p.form}`;
    return handler(id.normalize('NFC'), req, reply);
  };
  app.route({ method, url: `/forms/:id/${suffix}`, handler: run });
  app.route({ method, url: `/forms/:group/:form/${suffix}`, handler: run });
}
