/**
 * Checking a draft before it is stored, with the same @kiemdiem/forms validation the browser runs.
 *
 * A draft is a form being filled, so a missing field, a score out of range or a wrong total is normal and
 * is saved (and reported back). What the form UI can never produce is refused with 422: a value of the wrong
 * type, a field the form does not have, a choice outside the form's list. Those come from broken or hostile
 * clients, and storing them would only fail later (in the secretary's summary, in the PDF).
 */
import { validate } from '@kiemdiem/forms';
import { isMemberForm, MAX_DETAILS, MEMBER_FORMS, type ApiError, type DraftValidation, type FormProblem, type MemberFormId, type PortalSettings } from '../shared/api';
import { precheck } from './precheck';

/** Form problems that mean "not this form's shape" rather than "not finished yet". */
const STRUCTURAL = new Set(['type', 'unknown-field', 'not-allowed']);

export class RequestError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError,
  ) {
    super(body.messageEn);
  }
}

/** Messages named in an error's sentence; the rest are in `details` (bounded too). */
const MAX_IN_MESSAGE = 5;

/** A 422 whose size does not grow with the document: MAX_DETAILS problems at most, and how many more there were. */
export function invalidDraft(formId: string, problems: readonly FormProblem[], unlisted = 0): RequestError {
  const named = problems.slice(0, MAX_IN_MESSAGE).map((e) => e.message);
  const more = problems.length + unlisted - named.length;
  const omitted = Math.max(0, problems.length - MAX_DETAILS) + unlisted;
  return new RequestError(422, {
    code: 'invalid-draft',
    message: `Bản nháp không đúng cấu trúc mẫu ${formId}: ${named.join('; ')}${more > 0 ? `; và ${more} lỗi khác` : ''}.`,
    messageEn: `The draft does not fit form ${formId}: ${problems.length + unlisted} field(s) of the wrong type, unknown, outside the form's choices or over its limits (see details).`,
    details: problems.slice(0, MAX_DETAILS),
    ...(omitted > 0 ? { detailsOmitted: omitted } : {}),
  });
}

export interface CheckedDraft {
  formId: MemberFormId;
  fullName: string;
  document: Record<string, unknown>;
  validation: DraftValidation;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The forms nest six levels deep (A › I › item1 › prohibitions › dieu1 › declaration); anything far deeper is not a draft. */
const MAX_DEPTH = 16;

/** Whether a parsed JSON value nests deeper than `max` (checked without recursion, so no input can overflow the stack). */
function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= max) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

function badRequest(message: string, messageEn: string): RequestError {
  return new RequestError(400, { code: 'bad-request', message, messageEn });
}

/**
 * The body of PUT /api/drafts/:id, checked; throws RequestError (400 or 422) with a clear message. The level
 * check rates with the portal's parameters, as the browser does.
 */
export async function checkDraftBody(body: unknown, settings: PortalSettings = { parameters: {} }): Promise<CheckedDraft> {
  if (!isPlainObject(body)) {
    throw badRequest('Nội dung gửi lên phải là một đối tượng JSON { formId, document }.', 'The body must be a JSON object { formId, document }.');
  }
  const extra = Object.keys(body).filter((k) => k !== 'formId' && k !== 'document');
  if (extra.length > 0) {
    throw badRequest(`Trường không được nhận: ${extra.join(', ')}. Chỉ gửi { formId, document }.`, `Unexpected field(s): ${extra.join(', ')}. Send only { formId, document }.`);
  }
  const { formId, document } = body;
  if (!isMemberForm(formId)) {
    throw badRequest(`"formId" phải là một trong: ${MEMBER_FORMS.join(', ')}.`, `"formId" must be one of: ${MEMBER_FORMS.join(', ')}.`);
  }
  if (!isPlainObject(document)) {
    throw badRequest('"document" phải là một đối tượng JSON (nội dung mẫu đang điền).', '"document" must be a JSON object (the form being filled).');
  }
  if (nestsDeeperThan(document, MAX_DEPTH)) {
    throw badRequest(`"document" lồng nhau quá ${MAX_DEPTH} tầng: không phải một bản kiểm điểm.`, `"document" nests deeper than ${MAX_DEPTH} levels: not a review form.`);
  }
  // Cheap checks first, in one pass: a table over its maximum rows, far too many fields, control characters.
  // Validating 100,000 rows one by one would block every other request for minutes.
  const early = precheck(formId, document);
  if (early.length > 0) throw invalidDraft(formId, early);
  const result = await validate(formId, document, { lang: 'vi', rateOptions: { parameters: settings.parameters } });
  const structural = result.errors.filter((e) => STRUCTURAL.has(e.code));
  // The forms list 100 problems at most: those left out (of any kind) are counted with the structural ones.
  const unlisted = result.errors.find((e) => e.code === 'more-errors')?.omitted ?? 0;
  if (structural.length > 0) throw invalidDraft(formId, structural.map(({ path, message, code }) => ({ path, message, code })), unlisted);
  const doc = result.document as Record<string, unknown>;
  const identity = doc.identity;
  const fullName = isPlainObject(identity) && typeof identity.fullName === 'string' ? identity.fullName.trim() : '';
  const errors: FormProblem[] = result.errors.map(({ path, message, code }) => ({ path, message, code }));
  return {
    formId,
    fullName,
    document: doc,
    validation: {
      valid: result.valid,
      errors,
      warnings: result.warnings.map(({ path, message, code, citationText }) => ({ path, message, ...(code ? { code } : {}), ...(citationText ? { citationText } : {}) })),
    },
  };
}
