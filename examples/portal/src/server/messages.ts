/**
 * The portal server's error messages, Vietnamese first (shown to users), English second (for integrators' logs).
 * One place, so the README's status table and the pages say the same thing.
 */
import { BODY_LIMIT_BYTES, DOCUMENT_LIMIT_BYTES, PAGE_MAX, type ApiError } from '../shared/api';

const mb = (bytes: number) => `${bytes / 1024 / 1024} MB`;

export const messages = {
  unauthenticated: (): ApiError => ({ code: 'unauthenticated', message: 'Đồng chí cần đăng nhập.', messageEn: 'Sign in first.' }),
  badCredentials: (): ApiError => ({ code: 'bad-credentials', message: 'Tên đăng nhập hoặc mật khẩu không đúng.', messageEn: 'Wrong username or password.' }),
  tooManyAttempts: (seconds: number): ApiError => ({
    code: 'too-many-attempts',
    message: `Đăng nhập sai quá nhiều lần; thử lại sau ${seconds} giây.`,
    messageEn: `Too many failed sign-ins; try again in ${seconds} s.`,
  }),
  forbidden: (what: string, whatEn: string): ApiError => ({ code: 'forbidden', message: `Đồng chí không có quyền ${what}.`, messageEn: `Not allowed: ${whatEn}.` }),
  badHost: (host: string): ApiError => ({
    code: 'bad-host',
    message: `Cổng không phục vụ tên máy "${host}".`,
    messageEn: `This portal does not serve the host "${host}" (see --allowed-host).`,
  }),
  badOrigin: (origin: string): ApiError => ({
    code: 'bad-origin',
    message: `Yêu cầu từ trang khác (${origin || 'không rõ nguồn'}) bị từ chối.`,
    messageEn: `Request from another origin (${origin || 'no Origin header'}) refused.`,
  }),
  notFound: (id: string): ApiError => ({ code: 'not-found', message: `Không có bản nháp "${id}".`, messageEn: `No draft "${id}".` }),
  noRoute: (route: string): ApiError => ({ code: 'not-found', message: `Không có địa chỉ API ${route}.`, messageEn: `No API route ${route}.` }),
  badId: (): ApiError => ({
    code: 'bad-id',
    message: 'Mã bản nháp chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang (tối đa 64 ký tự).',
    messageEn: 'A draft id has only lowercase ASCII letters, digits and hyphens (at most 64 characters).',
  }),
  badQuery: (): ApiError => ({
    code: 'bad-query',
    message: `"limit" là số nguyên từ 1 đến ${PAGE_MAX}; "cursor" là giá trị "next" của trang trước.`,
    messageEn: `"limit" is a whole number from 1 to ${PAGE_MAX}; "cursor" is the previous page's "next".`,
  }),
  methodNotAllowed: (allow: string): ApiError => ({ code: 'method-not-allowed', message: `Phương thức không được hỗ trợ; dùng ${allow}.`, messageEn: `Method not allowed; use ${allow}.` }),
  preconditionRequired: (): ApiError => ({
    code: 'precondition-required',
    message: 'Thiếu phiên bản bản nháp: gửi If-Match (ETag đã đọc) để sửa, hoặc If-None-Match: * để tạo mới.',
    messageEn: 'Send If-Match with the ETag you read to change a draft, or If-None-Match: * to create one.',
  }),
  stale: (): ApiError => ({
    code: 'stale-draft',
    message: 'Bản nháp đã được lưu ở nơi khác sau khi đồng chí mở nó; tải lại bản mới nhất trước khi lưu.',
    messageEn: 'The draft was saved elsewhere since you read it; reload the latest version before saving.',
  }),
  exists: (id: string): ApiError => ({ code: 'stale-draft', message: `Đã có bản nháp "${id}".`, messageEn: `Draft "${id}" already exists.` }),
  formMismatch: (stored: string, sent: string): ApiError => ({
    code: 'form-mismatch',
    message: `Bản nháp này theo mẫu ${stored}, không đổi sang ${sent} được; hãy tạo bản kiểm điểm mới.`,
    messageEn: `This draft is form ${stored} and cannot become ${sent}; start a new draft.`,
  }),
  unsupportedMediaType: (): ApiError => ({
    code: 'unsupported-media-type',
    message: 'Chỉ nhận JSON mã hoá UTF-8 (Content-Type: application/json hoặc application/json; charset=utf-8).',
    messageEn: 'Only UTF-8 JSON is accepted (Content-Type: application/json or application/json; charset=utf-8).',
  }),
  badEncoding: (): ApiError => ({ code: 'bad-encoding', message: 'Nội dung gửi lên không phải UTF-8 hợp lệ.', messageEn: 'The request body is not valid UTF-8.' }),
  badJson: (): ApiError => ({ code: 'bad-json', message: 'Nội dung gửi lên không phải JSON hợp lệ.', messageEn: 'The request body is not valid JSON.' }),
  wireTooLarge: (): ApiError => ({
    code: 'body-too-large',
    message: `Nội dung gửi lên quá lớn: tối đa ${mb(BODY_LIMIT_BYTES)}.`,
    messageEn: `Request body too large: at most ${mb(BODY_LIMIT_BYTES)}.`,
  }),
  documentTooLarge: (): ApiError => ({
    code: 'body-too-large',
    message: `Bản nháp quá lớn: tối đa ${mb(DOCUMENT_LIMIT_BYTES)} (JSON UTF-8, không tính khoảng trắng và mã thoát).`,
    messageEn: `Draft too large: at most ${mb(DOCUMENT_LIMIT_BYTES)} as compact UTF-8 JSON.`,
  }),
  timeout: (): ApiError => ({ code: 'timeout', message: 'Gửi dữ liệu quá chậm; kết nối đã bị đóng. Vui lòng thử lại.', messageEn: 'The request body was too slow to arrive.' }),
  tooDeep: (): ApiError => ({ code: 'bad-request', message: 'Nội dung gửi lên lồng nhau quá sâu: không phải một bản kiểm điểm.', messageEn: 'The body nests too deep to be a review form.' }),
  badRequest: (messageEn: string): ApiError => ({ code: 'bad-request', message: 'Yêu cầu không hợp lệ.', messageEn }),
  internal: (): ApiError => ({ code: 'internal', message: 'Lỗi máy chủ; bản nháp chưa được lưu. Vui lòng thử lại.', messageEn: 'Server error; the draft was not saved. Please try again.' }),
};
