/**
 * The portal's HTTP server (Express 5): the drafts API over the SQLite store, the built browser app, and the
 * Tinos font files the browser hands to @kiemdiem/reports for printing. Every response carries the CSP.
 */
import express, { type ErrorRequestHandler, type NextFunction, type Request, type Response } from 'express';
import { BODY_LIMIT_BYTES, CSP, DRAFT_ID, type ApiError, type DraftResponse, type DraftsResponse, type ErrorResponse, type PortalSettings, type SaveResponse, type SettingsResponse } from '../shared/api';
import { checkDraftBody, RequestError } from './drafts';
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
}

function fail(res: Response, status: number, error: ApiError): void {
  res.status(status).json({ error } satisfies ErrorResponse);
}

const NOT_FOUND = (id: string): ApiError => ({ code: 'not-found', message: `Không có bản nháp "${id}".`, messageEn: `No draft "${id}".` });

/** The :id of a drafts route, or a 400 when it is not a draft id. */
function draftId(req: Request, res: Response): string | undefined {
  const id = String(req.params.id);
  if (DRAFT_ID.test(id)) return id;
  fail(res, 400, {
    code: 'bad-id',
    message: 'Mã bản nháp chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang (tối đa 64 ký tự).',
    messageEn: 'A draft id has only lowercase ASCII letters, digits and hyphens (at most 64 characters).',
  });
  return undefined;
}

function methodNotAllowed(allow: string) {
  return (_req: Request, res: Response): void => {
    res.setHeader('Allow', allow);
    fail(res, 405, { code: 'method-not-allowed', message: `Phương thức không được hỗ trợ; dùng ${allow}.`, messageEn: `Method not allowed; use ${allow}.` });
  };
}

export function createApp({ store, publicDir, fonts, settings = { parameters: {} } }: AppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');

  // First, so that every response (pages, scripts, API, 404, 413) carries them.
  app.use((_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Frame-Options', 'DENY');
    next();
  });

  const json = express.json({ limit: BODY_LIMIT_BYTES, strict: true, type: 'application/json' });

  app.get('/api/settings', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ settings } satisfies SettingsResponse);
  });
  app.all('/api/settings', methodNotAllowed('GET'));

  app.get('/api/drafts', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ drafts: store.list() } satisfies DraftsResponse);
  });
  app.all('/api/drafts', methodNotAllowed('GET'));

  app
    .route('/api/drafts/:id')
    .get((req, res) => {
      const id = draftId(req, res);
      if (!id) return;
      const draft = store.get(id);
      res.setHeader('Cache-Control', 'no-store');
      if (draft) res.json({ draft } satisfies DraftResponse);
      else fail(res, 404, NOT_FOUND(id));
    })
    .put(json, async (req, res) => {
      const id = draftId(req, res);
      if (!id) return;
      if (!req.is('application/json')) {
        fail(res, 415, {
          code: 'unsupported-media-type',
          message: 'Gửi bản nháp dưới dạng JSON (Content-Type: application/json).',
          messageEn: 'Send the draft as JSON (Content-Type: application/json).',
        });
        return;
      }
      const checked = await checkDraftBody(req.body, settings);
      const { draft, created } = store.put(id, { formId: checked.formId, fullName: checked.fullName, document: checked.document, valid: checked.validation.valid, errorCount: checked.validation.errors.length });
      res.status(created ? 201 : 200).json({ draft, validation: checked.validation } satisfies SaveResponse);
    })
    .delete((req, res) => {
      const id = draftId(req, res);
      if (!id) return;
      if (store.delete(id)) res.status(204).end();
      else fail(res, 404, NOT_FOUND(id));
    })
    .all(methodNotAllowed('GET, PUT, DELETE'));

  app.use('/api', (req, res) => fail(res, 404, { code: 'not-found', message: `Không có địa chỉ API ${req.method} ${req.originalUrl}.`, messageEn: `No API route ${req.method} ${req.originalUrl}.` }));

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
      // File names carry no hash: let the browser revalidate (ETag) rather than keep a stale bundle.
      setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache'),
    }),
  );

  app.use((_req, res) => {
    res.status(404).type('text/plain; charset=utf-8').send('Không tìm thấy trang. / Not found.');
  });

  const onError: ErrorRequestHandler = (err: unknown, req, res, next) => {
    if (res.headersSent) return next(err);
    if (err instanceof RequestError) return fail(res, err.status, err.body);
    const type = (err as { type?: string }).type;
    if (type === 'entity.too.large') {
      return fail(res, 413, {
        code: 'body-too-large',
        message: `Nội dung gửi lên quá lớn: tối đa ${BODY_LIMIT_BYTES / 1024 / 1024} MB.`,
        messageEn: `Request body too large: at most ${BODY_LIMIT_BYTES / 1024 / 1024} MB.`,
      });
    }
    if (type === 'entity.parse.failed') {
      return fail(res, 400, { code: 'bad-json', message: 'Nội dung gửi lên không phải JSON hợp lệ.', messageEn: 'The request body is not valid JSON.' });
    }
    if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
      return fail(res, 415, { code: 'unsupported-media-type', message: 'Chỉ nhận JSON mã hoá UTF-8.', messageEn: 'Only UTF-8 JSON is accepted.' });
    }
    const status = (err as { status?: number }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return fail(res, status, { code: 'bad-request', message: 'Yêu cầu không hợp lệ.', messageEn: (err as Error).message || 'Bad request.' });
    }
    console.error(`${req.method} ${req.originalUrl}:`, err);
    fail(res, 500, { code: 'internal', message: 'Lỗi máy chủ; bản nháp chưa được lưu. Vui lòng thử lại.', messageEn: 'Server error; the draft was not saved. Please try again.' });
  };
  app.use(onError);
  return app;
}
