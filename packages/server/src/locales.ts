/** The server's own wording (the rules and forms packages word their errors themselves), one object per language. */
import type { Lang } from '@kiemdiem/rules';

export interface ServerMessages {
  /** Problem titles, by error code. */
  titles: Record<ProblemCode, string>;
  badJson(why: string): string;
  badJsonLine(why: string): string;
  lineTooLong(max: number): string;
  unsafeKey(key: string, path: string): string;
  unsupportedType(type: string, allowed: string[]): string;
  tooLarge(limit: number): string;
  notArray: string;
  notObject(field: string): string;
  badField(field: string, expected: string): string;
  notFound(path: string): string;
  overloaded(seconds: number): string;
  timeout(ms: number): string;
  unauthorized: string;
  internal: string;
}

export type ProblemCode =
  | 'bad-json'
  | 'unsafe-key'
  | 'unsupported-media-type'
  | 'body-too-large'
  | 'invalid-request'
  | 'invalid-subject'
  | 'unknown-regulation'
  | 'unknown-form'
  | 'not-found'
  | 'overloaded'
  | 'timeout'
  | 'unauthorized'
  | 'invalid-argument'
  | 'internal';

const mb = (bytes: number) => (bytes >= 1048576 ? `${Math.round(bytes / 1048576)} MB` : `${Math.round(bytes / 1024)} KB`);

export const vi: ServerMessages = {
  titles: {
    'bad-json': 'JSON không hợp lệ',
    'unsafe-key': 'Khóa không được phép',
    'unsupported-media-type': 'Kiểu nội dung không được hỗ trợ',
    'body-too-large': 'Nội dung yêu cầu quá lớn',
    'invalid-request': 'Yêu cầu không hợp lệ',
    'invalid-subject': 'Đối tượng không hợp lệ',
    'unknown-regulation': 'Không có quy định này',
    'unknown-form': 'Không có mẫu này',
    'not-found': 'Không tìm thấy',
    overloaded: 'Máy chủ đang quá tải',
    timeout: 'Hết thời gian xử lý',
    unauthorized: 'Chưa xác thực',
    'invalid-argument': 'Tham số không hợp lệ',
    internal: 'Lỗi nội bộ',
  },
  badJson: (why) => `Nội dung yêu cầu không phải JSON hợp lệ: ${why}`,
  badJsonLine: (why) => `Dòng không phải JSON hợp lệ: ${why}`,
  lineTooLong: (max) => `Dòng dài quá ${mb(max)}: không phải một đối tượng, đã bỏ qua`,
  unsafeKey: (key, path) => `Khóa "${key}" không được phép (tại ${path || '/'})`,
  unsupportedType: (type, allowed) => `Kiểu nội dung "${type}" không được hỗ trợ; dùng: ${allowed.join(', ')}`,
  tooLarge: (limit) => `Nội dung yêu cầu vượt quá giới hạn ${mb(limit)}`,
  notArray: 'Trường "subjects" phải là một mảng JSON các đối tượng',
  notObject: (field) => `"${field}" phải là một đối tượng JSON`,
  badField: (field, expected) => `Trường "${field}" phải là ${expected}`,
  notFound: (path) => `Không có địa chỉ ${path}`,
  overloaded: (s) => `Máy chủ đang bận; vui lòng thử lại sau ${s} giây`,
  timeout: (ms) => `Yêu cầu chưa xong sau ${ms} ms`,
  unauthorized: 'Cần mã truy cập hợp lệ (Authorization: Bearer …)',
  internal: 'Lỗi nội bộ của kiemdiem. Vui lòng báo lỗi kèm nội dung yêu cầu.',
};

export const en: ServerMessages = {
  titles: {
    'bad-json': 'Malformed JSON',
    'unsafe-key': 'Key not allowed',
    'unsupported-media-type': 'Unsupported media type',
    'body-too-large': 'Request body too large',
    'invalid-request': 'Invalid request',
    'invalid-subject': 'Invalid subject',
    'unknown-regulation': 'Unknown regulation',
    'unknown-form': 'Unknown form',
    'not-found': 'Not found',
    overloaded: 'Server overloaded',
    timeout: 'Timed out',
    unauthorized: 'Unauthorized',
    'invalid-argument': 'Invalid argument',
    internal: 'Internal error',
  },
  badJson: (why) => `The request body is not valid JSON: ${why}`,
  badJsonLine: (why) => `Line is not valid JSON: ${why}`,
  lineTooLong: (max) => `Line longer than ${mb(max)}: not a subject, skipped`,
  unsafeKey: (key, path) => `The key "${key}" is not allowed (at ${path || '/'})`,
  unsupportedType: (type, allowed) => `Content type "${type}" is not supported; use: ${allowed.join(', ')}`,
  tooLarge: (limit) => `The request body exceeds the ${mb(limit)} limit`,
  notArray: 'The field "subjects" must be a JSON array of subjects',
  notObject: (field) => `"${field}" must be a JSON object`,
  badField: (field, expected) => `The field "${field}" must be ${expected}`,
  notFound: (path) => `Nothing at ${path}`,
  overloaded: (s) => `The server is busy; retry in ${s} s`,
  timeout: (ms) => `The request did not finish within ${ms} ms`,
  unauthorized: 'A valid access token is needed (Authorization: Bearer …)',
  internal: 'Internal error in kiemdiem. Please report it with the request body.',
};

export function serverMessages(lang: Lang): ServerMessages {
  return lang === 'en' ? en : vi;
}
