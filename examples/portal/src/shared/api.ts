/**
 * The portal's HTTP API, shared by the server and the browser client: what each route takes and returns.
 *
 *   POST   /api/session      ← { username, password } → 200 { user } + session cookie | 401
 *   GET    /api/session      → 200 { user } ({ user: null } when nobody is signed in)
 *   DELETE /api/session      → 204
 *   GET    /api/drafts?limit=&cursor=  → 200 { drafts: DraftSummary[], next? }   (one's own; the secretary: the chi bộ's)
 *   GET    /api/drafts/:id   → 200 { draft: Draft } + ETag | 404
 *   PUT    /api/drafts/:id   ← { formId, document }, If-Match: <etag> (or If-None-Match: * to create)
 *                            → 200 | 201 { draft, validation } + ETag | 412 stale | 428 no precondition
 *   DELETE /api/drafts/:id   If-Match: <etag> → 204 | 404 | 412 | 428
 *   GET    /api/settings     → 200 { settings: PortalSettings }   (how this portal rates: the browser rates with it)
 *
 * Every error is `{ error: ApiError }` with a Vietnamese and an English message. Every route but the session
 * routes needs a signed-in user (401 otherwise); see README "Security model".
 */

/** The three self-review forms of HD 43-HD/BTCTW (2025), one per audience. */
export const MEMBER_FORMS = ['hd43-2025/02a', 'hd43-2025/02b', 'hd43-2025/02c'] as const;
export type MemberFormId = (typeof MEMBER_FORMS)[number];

export function isMemberForm(id: unknown): id is MemberFormId {
  return typeof id === 'string' && (MEMBER_FORMS as readonly string[]).includes(id);
}

/** Draft ids are chosen by the client (a random UUID), so a draft can be saved before the server knows it. */
export const DRAFT_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * Two limits, so that no valid form is refused however its JSON is written (issue 16):
 * - BODY_LIMIT_BYTES, on the bytes on the wire (413 as soon as Content-Length or the bytes read pass it): a 02A with
 *   every text at its maximum length in 4-byte characters, written with ASCII escapes (`\ud83d\ude00`), is 7.7 MB;
 * - DOCUMENT_LIMIT_BYTES, on the body once parsed and written back as compact UTF-8 JSON (413): that same form is
 *   2.6 MB, in 3-byte characters 1.9 MB; the example 02A is 4 kB.
 */
export const BODY_LIMIT_BYTES = 8 * 1024 * 1024;
export const DOCUMENT_LIMIT_BYTES = 3 * 1024 * 1024;

/** Drafts per page of GET /api/drafts: the default and the most a client may ask for. */
export const PAGE_DEFAULT = 50;
export const PAGE_MAX = 100;

/** At most this many problems are listed in an error's `details`; `detailsOmitted` counts the rest. */
export const MAX_DETAILS = 100;

/** The header every response carries (issue 7). */
export const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'";

export interface FormProblem {
  path: string;
  message: string;
  code: string;
}

export type Role = 'member' | 'secretary';

/** Who is signed in, as the `authenticate` hook returns it. */
export interface User {
  username: string;
  displayName: string;
  role: Role;
  /** The chi bộ the user belongs to: a secretary sees the drafts of their chi bộ. */
  chiBo: string;
}

export interface SessionResponse {
  /** null only from GET /api/session, when nobody is signed in. */
  user: User | null;
}

export interface Draft {
  id: string;
  /** The username of the member who created it; only they may change it. */
  owner: string;
  chiBo: string;
  /** Bumped by every save; the ETag is `"<version>"`. */
  version: number;
  formId: MemberFormId;
  /** From /identity/fullName, for lists; '' while the member has not typed it. */
  fullName: string;
  /** The document as the member filled it (NFC-normalised by the server). */
  document: Record<string, unknown>;
  /** Whether the document passes @kiemdiem/forms validation as a finished form. */
  valid: boolean;
  errorCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface DraftValidation {
  valid: boolean;
  errors: FormProblem[];
  /** The level check of @kiemdiem/forms: `code` on its own lines (`level-mismatch`, `level-for-decision`, …), then the reasons. */
  warnings: Array<{ path: string; message: string; code?: string; citationText?: string }>;
}

/** A draft in a list: everything but the document (a list stays small however large the drafts are). */
export type DraftSummary = Omit<Draft, 'document'>;

export type ApiErrorCode =
  | 'unauthenticated'
  | 'bad-credentials'
  | 'forbidden'
  | 'bad-host'
  | 'bad-origin'
  | 'precondition-required'
  | 'stale-draft'
  | 'form-mismatch'
  | 'bad-encoding'
  | 'bad-query'
  | 'timeout'
  | 'too-many-attempts'
  | 'bad-json'
  | 'bad-request'
  | 'bad-id'
  | 'unsupported-media-type'
  | 'body-too-large'
  | 'invalid-draft'
  | 'not-found'
  | 'method-not-allowed'
  | 'internal';

export interface ApiError {
  code: ApiErrorCode;
  /** Vietnamese, shown to users. */
  message: string;
  /** English, for integrators' logs. */
  messageEn: string;
  /** For invalid drafts: the form problems that make the document unsavable. */
  details?: FormProblem[];
  /** How many more problems there were than `details` lists (at most MAX_DETAILS are listed). */
  detailsOmitted?: number;
}

/**
 * How this portal rates, set by whoever runs it (`--param`): the rule pack's parameters it overrides, such as a
 * reading of the text the chi bộ's superior committee has chosen. The server checks drafts with them, and the
 * browser rates with them, so the member, the secretary and the server agree.
 */
export interface PortalSettings {
  parameters: Record<string, unknown>;
}

export interface SettingsResponse {
  settings: PortalSettings;
}

export interface DraftsResponse {
  drafts: DraftSummary[];
  /** The cursor of the next page; absent on the last page. */
  next?: string;
}
export interface DraftResponse {
  draft: Draft;
}
export interface SaveResponse {
  draft: Draft;
  validation: DraftValidation;
}
export interface ErrorResponse {
  error: ApiError;
}

/** The ETag of a draft version (a strong validator: the version changes with every save). */
export function etagOf(version: number): string {
  return `"${version}"`;
}
