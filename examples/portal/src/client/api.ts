/** The drafts API from the browser (same origin: connect-src 'self' through default-src). */
import { etagOf, type ApiError, type Draft, type DraftResponse, type DraftsResponse, type DraftSummary, type MemberFormId, type PortalSettings, type SaveResponse, type SessionResponse, type SettingsResponse, type User } from '../shared/api';

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly error: ApiError,
  ) {
    super(error.message);
  }
}

/** Fired when the server says the session is gone (401): the app shows the sign-in page again. */
export const SIGNED_OUT = 'kiemdiem:signed-out';

async function call<T>(method: string, url: string, options: { body?: unknown; headers?: Record<string, string> } = {}): Promise<{ data: T; etag: string | null }> {
  let res: Response;
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  try {
    res = await fetch(url, { method, headers, credentials: 'same-origin', ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }) });
  } catch {
    throw new ApiFailure(0, { code: 'internal', message: 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.', messageEn: 'Cannot reach the server.' });
  }
  if (res.status === 204) return { data: undefined as T, etag: null };
  const data = (await res.json().catch(() => null)) as { error?: ApiError } | null;
  if (!res.ok) {
    if (res.status === 401 && url !== '/api/session') dispatchEvent(new Event(SIGNED_OUT));
    throw new ApiFailure(res.status, data?.error ?? { code: 'internal', message: `Máy chủ trả lỗi ${res.status}.`, messageEn: `HTTP ${res.status}` });
  }
  return { data: data as T, etag: res.headers.get('etag') };
}

const draftUrl = (id: string) => `/api/drafts/${encodeURIComponent(id)}`;

export const api = {
  /** Who is signed in, or undefined. */
  session: async (): Promise<User | undefined> => (await call<SessionResponse>('GET', '/api/session')).data.user ?? undefined,
  signIn: async (username: string, password: string): Promise<User> => (await call<SessionResponse>('POST', '/api/session', { body: { username, password } })).data.user!,
  signOut: async (): Promise<void> => void (await call<void>('DELETE', '/api/session')),
  settings: async (): Promise<PortalSettings> => (await call<SettingsResponse>('GET', '/api/settings')).data.settings,
  /** Every draft the user may see, page after page. */
  list: async (): Promise<DraftSummary[]> => {
    const all: DraftSummary[] = [];
    let cursor: string | undefined;
    do {
      const { data } = await call<DraftsResponse>('GET', `/api/drafts?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      all.push(...data.drafts);
      cursor = data.next;
    } while (cursor);
    return all;
  },
  /** The draft and its ETag, or undefined when the server has none with this id (a new draft). */
  get: async (id: string): Promise<{ draft: Draft; etag: string } | undefined> => {
    try {
      const { data, etag } = await call<DraftResponse>('GET', draftUrl(id));
      return { draft: data.draft, etag: etag ?? etagOf(data.draft.version) };
    } catch (error) {
      if (error instanceof ApiFailure && error.status === 404) return undefined;
      throw error;
    }
  },
  /** Saves over the version `etag` names, or creates the draft when `etag` is undefined; 412 when someone saved first. */
  save: async (id: string, formId: MemberFormId, document: unknown, etag: string | undefined): Promise<SaveResponse & { etag: string }> => {
    const { data, etag: next } = await call<SaveResponse>('PUT', draftUrl(id), { body: { formId, document }, headers: etag ? { 'if-match': etag } : { 'if-none-match': '*' } });
    return { ...data, etag: next ?? etagOf(data.draft.version) };
  },
  remove: async (id: string, version: number): Promise<void> => void (await call<void>('DELETE', draftUrl(id), { headers: { 'if-match': etagOf(version) } })),
};
