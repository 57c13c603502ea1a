/**
 * The portal's HTTP API, shared by the server and the browser client: what each route takes and returns.
 *
 *   GET    /api/drafts       → 200 { drafts: Draft[] }              (the secretary's list, newest first)
 *   GET    /api/drafts/:id   → 200 { draft: Draft } | 404
 *   PUT    /api/drafts/:id   ← { formId, document }  → 200 | 201 { draft: Draft, validation: DraftValidation }
 *   DELETE /api/drafts/:id   → 204 | 404
 *   GET    /api/settings     → 200 { settings: PortalSettings }   (how this portal rates: the browser rates with it)
 *
 * Every error is `{ error: ApiError }` with a Vietnamese and an English message.
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
 * Requests larger than this are refused with 413. It is set by the forms' own limits: a 02A with every text at its
 * maximum length in 3-byte characters and every table at its maximum rows is 1.9 MB (the test sends one); the
 * example 02A is 4 kB.
 */
export const BODY_LIMIT_BYTES = 2 * 1024 * 1024;

/** The header every response carries (issue 7). */
export const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'";

export interface FormProblem {
  path: string;
  message: string;
  code: string;
}

export interface Draft {
  id: string;
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

export type ApiErrorCode =
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
  drafts: Draft[];
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
