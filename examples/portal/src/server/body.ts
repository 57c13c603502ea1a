/**
 * The JSON body of a request, read with the portal's rules rather than a general-purpose parser's:
 * - `Content-Type: application/json`, with no charset or `charset=utf-8` (415 otherwise: the docs promise UTF-8
 *   JSON, and a UTF-16 body is not it), no `Content-Encoding` (415);
 * - at most BODY_LIMIT_BYTES on the wire (413, before reading when Content-Length says so);
 * - the whole body within BODY_TIMEOUT_MS (408: a short body with a long Content-Length no longer holds a
 *   connection for minutes);
 * - valid UTF-8 (400 `bad-encoding`: no silent U+FFFD), then JSON (400 `bad-json`);
 * - at most DOCUMENT_LIMIT_BYTES once written back as compact UTF-8 JSON (413), so that escapes (`\u1ec5`) and
 *   whitespace do not count against a form: what is limited is the draft, not how it was spelled.
 */
import type { IncomingMessage } from 'node:http';
import { BODY_LIMIT_BYTES, DOCUMENT_LIMIT_BYTES } from '../shared/api';
import { RequestError } from './drafts';
import { messages } from './messages';

export const BODY_TIMEOUT_MS = 10_000;

export interface BodyLimits {
  wireBytes: number;
  documentBytes: number;
  timeoutMs: number;
}

export const DEFAULT_LIMITS: BodyLimits = { wireBytes: BODY_LIMIT_BYTES, documentBytes: DOCUMENT_LIMIT_BYTES, timeoutMs: BODY_TIMEOUT_MS };

/** Whether a Content-Type header is UTF-8 JSON. */
export function isUtf8Json(header: string | undefined): boolean {
  if (!header) return false;
  const [type, ...params] = header.split(';').map((p) => p.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((p) => {
    const [name, value] = p.split('=').map((x) => x?.trim().replace(/^"|"$/g, ''));
    return name !== 'charset' || value === 'utf-8' || value === 'utf8';
  });
}

/** Thrown errors carry `close`: the connection is not reused (its unread body would be taken as the next request). */
export class BodyError extends RequestError {
  readonly close = true;
}

export function readJsonBody(req: IncomingMessage, limits: BodyLimits = DEFAULT_LIMITS): Promise<unknown> {
  if (!isUtf8Json(req.headers['content-type'])) return Promise.reject(new RequestError(415, messages.unsupportedMediaType()));
  const encoding = req.headers['content-encoding'];
  if (encoding && encoding.toLowerCase() !== 'identity') return Promise.reject(new BodyError(415, messages.unsupportedMediaType()));
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limits.wireBytes) return Promise.reject(new BodyError(413, messages.wireTooLarge()));

  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (error: RequestError | undefined, value?: unknown) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      if (error) {
        // Stop reading: the rest of the body is dropped with the connection.
        req.pause();
        reject(error);
      } else resolve(value);
    };
    const timer = setTimeout(() => finish(new BodyError(408, messages.timeout())), limits.timeoutMs);
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.wireBytes) return finish(new BodyError(413, messages.wireTooLarge()));
      chunks.push(chunk);
    };
    const onError = () => finish(new BodyError(400, messages.badRequest('The request body was cut off.')));
    const onEnd = () => {
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks, size));
      } catch {
        return finish(new RequestError(400, messages.badEncoding()));
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        return finish(new RequestError(400, messages.badJson()));
      }
      let canonical: string;
      try {
        canonical = JSON.stringify(value);
      } catch {
        // Nesting deep enough to overflow the stack (JSON.parse takes it, JSON.stringify does not): no draft is.
        return finish(new RequestError(400, messages.tooDeep()));
      }
      if (Buffer.byteLength(canonical) > limits.documentBytes) return finish(new RequestError(413, messages.documentTooLarge()));
      finish(undefined, value);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}
