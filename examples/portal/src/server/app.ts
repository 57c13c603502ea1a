/**
 * The portal's HTTP server (Express 5): sign-in, the drafts API over the SQLite store, the built browser app, and
 * the Tinos font files the browser hands to @kiemdiem/reports for printing. Every response carries the CSP.
 *
 * Security model (README, "Security model"): every request must name an allowed Host (421 otherwise: DNS
 * rebinding), carry no foreign Origin (403), and a state-changing one must come from the portal's own origin
 * (CSRF). Every API route but sign-in needs a user (401); a member reads and writes only their own drafts, a
 * secretary reads (and deletes) their chi bộ's; others' drafts answer 404, a secretary's write to a member's
 * draft 403. Writes are conditional on the ETag read (If-Match; 428 without, 412 when stale).
 */
import express, { type ErrorRequestHandler, type NextFunction, type Request, type Response } from 'express';
import {
  CSP,
  DRAFT_ID,
  etagOf,
  PAGE_DEFAULT,
  PAGE_MAX,
  type ApiError,
  type Draft,
  type DraftResponse,
  type DraftsResponse,
  type DraftSummary,
  type ErrorResponse,
  type PortalSettings,
  type SaveResponse,
  type SessionResponse,
  type SettingsResponse,
  type User,
} from '../shared/api';
import { noAuditLog, type AuditLog } from './audit';
import type { Authenticate, Sessions } from './auth';
import { BodyError, DEFAULT_LIMITS, readJsonBody, type BodyLimits } from './body';
import { checkDraftBody, RequestError } from './drafts';
import { messages } from './messages';
import type { DraftStore } from './store';

export interface FontFiles {
  normal: Uint8Array;
  bold: Uint8Array;
  italics: Uint8Array;
  bolditalics: Uint8Array;
}

export interface AppOptions {
  store: DraftStore;
  /** The built browser app (index.html, assets/). */
  publicDir: string;
  fonts: FontFiles;
  /** How the portal rates (default: the rule pack as it is). */
  settings?: PortalSettings;
  /**
   * The Host header values the portal answers, such as `localhost:3000` (lower case, with the port). Read on every
   * request, so the server may add its own once it knows its port. The allowed origins are `http://` and
   * `https://` followed by each.
   */
  allowedHosts: ReadonlySet<string>;
  /** The portal's own sign-in (POST /api/session). Without it, only `authenticate` says who is asking. */
  sessions?: Sessions;
  /** Who is asking (default: `sessions.authenticate`). A host's SSO goes here. */
  authenticate?: Authenticate;
  audit?: AuditLog;
  bodyLimits?: BodyLimits;
}

type Locals = { user?: User; action?: string; draft?: string; code?: string; username?: string };
const locals = (res: Response) => res.locals as Locals;

function fail(res: Response, status: number, error: ApiError): void {
  locals(res).code = error.code;
  res.status(status).json({ error } satisfies ErrorResponse);
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function methodNotAllowed(allow: string) {
  return (_req: Request, res: Response): void => {
    res.setHeader('Allow', allow);
    fail(res, 405, messages.methodNotAllowed(allow));
  };
}

/** The :id of a drafts route, or a 400 when it is not a draft id. */
function draftId(req: Request, res: Response): string | undefined {
  const id = String(req.params.id);
  locals(res).draft = id.slice(0, 80);
  if (DRAFT_ID.test(id)) return id;
  fail(res, 400, messages.badId());
  return undefined;
}

function canRead(user: User, d: DraftSummary): boolean {
  return d.owner === user.username || (user.role === 'secretary' && d.chiBo !== '' && d.chiBo === user.chiBo);
}

/** The versions an If-Match header accepts ('*': any), or undefined when there is none. */
function ifMatch(req: Request): { any: boolean; etags: string[] } | undefined {
  const header = req.headers['if-match'];
  if (header === undefined) return undefined;
  const etags = header.split(',').map((e) => e.trim().replace(/^W\//, ''));
  return { any: etags.includes('*'), etags };
}

function matches(pre: { any: boolean; etags: string[] }, version: number): boolean {
  return pre.any || pre.etags.includes(etagOf(version));
}

const b64 = {
  encode: (text: string) => Buffer.from(text, 'utf8').toString('base64url'),
  decode: (text: string) => Buffer.from(text, 'base64url').toString('utf8'),
};

export function createApp({ store, publicDir, fonts, settings = { parameters: {} }, allowedHosts, sessions, authenticate, audit = noAuditLog, bodyLimits }: AppOptions): express.Express {
  const who: Authenticate = authenticate ?? sessions?.authenticate ?? (() => undefined);
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false); // the API's ETags are draft versions; static files keep express.static's own

  // First, so that every response (pages, scripts, API, 404, 413, 421) carries them.
  app.use((_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Frame-Options', 'DENY');
    next();
  });

  // The audit log: one line per API request, written when the answer has gone out.
  app.use('/api', (req: Request, res: Response, next: NextFunction) => {
    res.on('finish', () => {
      const l = locals(res);
      // A log that cannot be written (disk full) is reported, and does not take the server down.
      try {
        audit.write({
          at: new Date().toISOString(),
          user: l.user?.username ?? l.username ?? null,
          role: l.user?.role ?? null,
          ip: req.socket.remoteAddress ?? null,
          method: req.method,
          action: l.action ?? `${req.method} ${req.baseUrl}${req.path}`.slice(0, 200),
          draft: l.draft ?? null,
          status: res.statusCode,
          code: l.code ?? null,
        });
      } catch (error) {
        console.error(`audit log: ${(error as Error).message}`);
      }
    });
    next();
  });

  // DNS rebinding: a page on evil.example whose name now points at 127.0.0.1 sends Host: evil.example.
  app.use((req: Request, res: Response, next: NextFunction) => {
    const host = (req.headers.host ?? '').toLowerCase();
    if (!allowedHosts.has(host)) return fail(res, 421, messages.badHost(host.slice(0, 100)));
    const origin = req.headers.origin;
    const allowedOrigin = origin !== undefined && (origin === `http://${host}` || origin === `https://${host}`) && allowedHosts.has(host);
    if (origin !== undefined && !allowedOrigin) return fail(res, 403, messages.badOrigin(origin.slice(0, 100)));
    // CSRF: a state-changing request must say it comes from this origin (browsers send Origin on every such fetch).
    if (UNSAFE.has(req.method) && !allowedOrigin && req.headers['sec-fetch-site'] !== 'same-origin') return fail(res, 403, messages.badOrigin(''));
    next();
  });

  // Sign-in with the local accounts.
  app
    .route('/api/session')
    .post(async (req, res) => {
      locals(res).action = 'session.sign-in';
      if (!sessions) return fail(res, 404, messages.noRoute('POST /api/session'));
      const body = (await readJsonBody(req, { ...(bodyLimits ?? DEFAULT_LIMITS), wireBytes: 4096, documentBytes: 4096 })) as { username?: unknown; password?: unknown };
      const username = typeof body?.username === 'string' ? body.username.slice(0, 64) : '';
      const password = typeof body?.password === 'string' ? body.password.slice(0, 1024) : '';
      locals(res).username = username;
      const wait = sessions.heldOff(username);
      if (wait > 0) {
        res.setHeader('Retry-After', String(wait));
        return fail(res, 429, messages.tooManyAttempts(wait));
      }
      const signedIn = sessions.signIn(username, password);
      if (!signedIn) return fail(res, 401, messages.badCredentials());
      locals(res).user = signedIn.user;
      res.setHeader('Set-Cookie', sessions.cookie(signedIn.token));
      res.setHeader('Cache-Control', 'no-store');
      res.json({ user: signedIn.user } satisfies SessionResponse);
    })
    .delete((req, res) => {
      locals(res).action = 'session.sign-out';
      sessions?.signOut(req);
      if (sessions) res.setHeader('Set-Cookie', sessions.clearCookie());
      res.status(204).end();
    });

  // Who is signed in: `{ user: null }` rather than 401, so that a page can ask before it shows the sign-in form
  // (a 401 would be logged as an error by the browser).
  app.get('/api/session', async (req, res, next) => {
    locals(res).action = 'session.read';
    try {
      const user = (await who(req)) ?? null;
      if (user) locals(res).user = user;
      res.setHeader('Cache-Control', 'no-store');
      res.json({ user } satisfies SessionResponse);
    } catch (error) {
      next(error);
    }
  });
  app.all('/api/session', methodNotAllowed('GET, POST, DELETE'));

  // Every other API route needs a user.
  app.use('/api', async (req: Request, res: Response, next: NextFunction) => {
    try {
      const user = await who(req);
      if (!user) {
        res.setHeader('WWW-Authenticate', 'Cookie realm="kiemdiem"');
        return fail(res, 401, messages.unauthenticated());
      }
      locals(res).user = user;
      next();
    } catch (error) {
      next(error);
    }
  });

  app.get('/api/settings', (_req, res) => {
    locals(res).action = 'settings.read';
    res.setHeader('Cache-Control', 'no-store');
    res.json({ settings } satisfies SettingsResponse);
  });
  app.all('/api/settings', methodNotAllowed('GET'));

  app.get('/api/drafts', (req, res) => {
    locals(res).action = 'drafts.list';
    const user = locals(res).user!;
    const { limit: rawLimit, cursor } = req.query;
    const limit = rawLimit === undefined ? PAGE_DEFAULT : Number(rawLimit);
    const after = typeof cursor === 'string' ? b64.decode(cursor) : undefined;
    if (!Number.isInteger(limit) || limit < 1 || limit > PAGE_MAX || (cursor !== undefined && (after === undefined || !DRAFT_ID.test(after)))) {
      return fail(res, 400, messages.badQuery());
    }
    const scope = user.role === 'secretary' ? { chiBo: user.chiBo } : { owner: user.username };
    const drafts = store.list({ ...scope, after, limit });
    res.setHeader('Cache-Control', 'no-store');
    res.json({ drafts, ...(drafts.length === limit ? { next: b64.encode(drafts[drafts.length - 1]!.id) } : {}) } satisfies DraftsResponse);
  });
  app.all('/api/drafts', methodNotAllowed('GET'));

  /** The draft's summary when the user may read it; otherwise answers 404 (others' drafts do not exist for them). */
  const visible = (res: Response, id: string): DraftSummary | undefined => {
    const current = store.summary(id);
    if (current && canRead(locals(res).user!, current)) return current;
    fail(res, 404, messages.notFound(id));
    return undefined;
  };

  const sendDraft = (res: Response, status: number, draft: Draft, body: DraftResponse | SaveResponse) => {
    res.setHeader('ETag', etagOf(draft.version));
    res.setHeader('Cache-Control', 'no-store');
    res.status(status).json(body);
  };

  app
    .route('/api/drafts/:id')
    .get((req, res) => {
      locals(res).action = 'draft.read';
      const id = draftId(req, res);
      if (!id || !visible(res, id)) return;
      const draft = store.get(id)!;
      sendDraft(res, 200, draft, { draft });
    })
    .put(async (req, res) => {
      const id = draftId(req, res);
      if (!id) return;
      const user = locals(res).user!;
      const pre = ifMatch(req);
      const create = req.headers['if-none-match']?.trim() === '*';
      locals(res).action = create ? 'draft.create' : 'draft.update';
      if (!pre && !create) return fail(res, 428, messages.preconditionRequired());
      const checked = await checkDraftBody(await readJsonBody(req, bodyLimits), settings);
      const input = { formId: checked.formId, fullName: checked.fullName, document: checked.document, valid: checked.validation.valid, errorCount: checked.validation.errors.length };
      if (create) {
        const created = store.create(id, { owner: user.username, chiBo: user.chiBo }, input);
        if (!created.ok) {
          if (created.current && canRead(user, created.current)) res.setHeader('ETag', etagOf(created.current.version));
          return fail(res, 412, messages.exists(id));
        }
        return sendDraft(res, 201, created.value, { draft: created.value, validation: checked.validation });
      }
      const current = visible(res, id);
      if (!current) return;
      if (current.owner !== user.username) return fail(res, 403, messages.forbidden('sửa bản kiểm điểm của đảng viên khác', "changing another member's draft"));
      if (current.formId !== checked.formId) return fail(res, 409, messages.formMismatch(current.formId, checked.formId));
      if (!matches(pre!, current.version)) {
        res.setHeader('ETag', etagOf(current.version));
        return fail(res, 412, messages.stale());
      }
      // Conditional on the version just checked: a save that landed while this one was validated wins, this one gets 412.
      const updated = store.update(id, current.version, input);
      if (!updated.ok) {
        if (updated.current) res.setHeader('ETag', etagOf(updated.current.version));
        return updated.reason === 'missing' ? fail(res, 404, messages.notFound(id)) : fail(res, 412, messages.stale());
      }
      sendDraft(res, 200, updated.value, { draft: updated.value, validation: checked.validation });
    })
    .delete((req, res) => {
      locals(res).action = 'draft.delete';
      const id = draftId(req, res);
      if (!id) return;
      const pre = ifMatch(req);
      if (!pre) return fail(res, 428, messages.preconditionRequired());
      const current = visible(res, id);
      if (!current) return;
      if (!matches(pre, current.version)) {
        res.setHeader('ETag', etagOf(current.version));
        return fail(res, 412, messages.stale());
      }
      const deleted = store.delete(id, current.version);
      if (!deleted.ok) return deleted.reason === 'missing' ? fail(res, 404, messages.notFound(id)) : fail(res, 412, messages.stale());
      res.status(204).end();
    })
    .all(methodNotAllowed('GET, PUT, DELETE'));

  app.use('/api', (req, res) => fail(res, 404, messages.noRoute(`${req.method} ${req.originalUrl.slice(0, 200)}`)));

  // The four Tinos faces, served from this origin so the page may fetch them under default-src 'self'.
  const fontFiles = new Map(Object.entries(fonts).map(([face, bytes]) => [`${face}.ttf`, Buffer.from(bytes)]));
  app.get('/fonts/:file', (req, res, next) => {
    const bytes = fontFiles.get(String(req.params.file));
    if (!bytes) return next();
    res.setHeader('Content-Type', 'font/ttf');
    res.setHeader('Cache-Control', 'public, max-age=86400');
    res.end(bytes);
  });

  app.use(
    express.static(publicDir, {
      index: 'index.html',
      dotfiles: 'ignore',
      etag: true,
      // File names carry no hash: let the browser revalidate (ETag) rather than keep a stale bundle.
      setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache'),
    }),
  );

  app.use((_req, res) => {
    res.status(404).type('text/plain; charset=utf-8').send('Không tìm thấy trang. / Not found.');
  });

  const onError: ErrorRequestHandler = (err: unknown, req, res, next) => {
    if (res.headersSent) return next(err);
    if (err instanceof BodyError) res.setHeader('Connection', 'close');
    if (err instanceof RequestError) return fail(res, err.status, err.body);
    const status = (err as { status?: number }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) return fail(res, status, messages.badRequest((err as Error).message || 'Bad request.'));
    console.error(`${req.method} ${req.originalUrl}:`, err);
    fail(res, 500, messages.internal());
  };
  app.use(onError);
  return app;
}
