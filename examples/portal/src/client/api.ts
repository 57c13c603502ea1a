/** The drafts API from the browser (same origin: connect-src 'self' through default-src). */
import type { ApiError, Draft, DraftResponse, DraftsResponse, MemberFormId, PortalSettings, SaveResponse, SettingsResponse } from '../shared/api';

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly error: ApiError,
  ) {
    super(error.message);
  }
}

async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, body === undefined ? { method } : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  } catch {
    throw new ApiFailure(0, { code: 'internal', message: 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.', messageEn: 'Cannot reach the server.' });
  }
  if (res.status === 204) return undefined as T;
  const data = (await res.json().catch(() => null)) as { error?: ApiError } | null;
  if (!res.ok) {
    throw new ApiFailure(res.status, data?.error ?? { code: 'internal', message: `Máy chủ trả lỗi ${res.status}.`, messageEn: `HTTP ${res.status}` });
  }
  return data as T;
}

export const api = {
  settings: async (): Promise<PortalSettings> => (await call<SettingsResponse>('GET', '/api/settings')).settings,
  list: async (): Promise<Draft[]> => (await call<DraftsResponse>('GET', '/api/drafts')).drafts,
  /** The draft, or undefined when the server has none with this id (a new draft). */
  get: async (id: string): Promise<Draft | undefined> => {
    try {
      return (await call<DraftResponse>('GET', `/api/drafts/${encodeURIComponent(id)}`)).draft;
    } catch (error) {
      if (error instanceof ApiFailure && error.status === 404) return undefined;
      throw error;
    }
  },
  save: (id: string, formId: MemberFormId, document: unknown): Promise<SaveResponse> => call<SaveResponse>('PUT', `/api/drafts/${encodeURIComponent(id)}`, { formId, document }),
  remove: (id: string): Promise<void> => call<void>('DELETE', `/api/drafts/${encodeURIComponent(id)}`),
};
