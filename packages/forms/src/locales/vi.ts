import type { FormLocale, FormMessages } from './types';

const q = (s: string) => `"${s}"`;

/** Vietnamese validation messages (ajv-i18n has none). */
const messages: FormMessages = {
  required: (f) => `Thiếu ${q(f)}`,
  additionalProperties: (f) => `Trường ${q(f)} không có trong mẫu`,
  type: (f, t) => `${q(f)} phải là ${({ string: 'chuỗi ký tự', number: 'số', integer: 'số nguyên', boolean: 'đúng/sai', object: 'một nhóm trường', array: 'một danh sách' } as Record<string, string>)[t] ?? t}`,
  empty: (f) => `${q(f)} không được để trống`,
  maxLength: (f, n) => `${q(f)} dài quá ${n} ký tự`,
  minimum: (f, n) => `${q(f)} phải từ ${num(n)} trở lên`,
  maximum: (f, n) => `${q(f)} không được vượt quá ${num(n)}`,
  multipleOf: (f, n) => `${q(f)} phải chấm theo bước ${num(n)}`,
  date: (f) => `${q(f)} phải là ngày hợp lệ dạng YYYY-MM-DD`,
  maxItems: (f, n) => `${q(f)} có tối đa ${n} dòng`,
  minItems: (f, n) => `${q(f)} cần ít nhất ${n} dòng`,
  oneOf: (f, options) => `${q(f)} phải là một trong: ${options.join('; ')}`,
  sum: (f, parts, expected) => `${q(f)} phải bằng tổng ${parts.map(q).join(' và ')} (${num(expected)})`,
  invalid: (f) => `${q(f)} không hợp lệ`,
  unsupportedCharacters: (f, chars) => `${q(f)} có ký tự mà phông chữ in văn bản không có (sẽ in thành ô trống): ${chars.join(', ')}`,
  controlCharacters: (f, cps) => `${q(f)} có ký tự điều khiển không được phép: ${cps.join(', ')}`,
  tooManyMarks: (f, n, max) => `${q(f)} có ${n} dấu phụ chồng liên tiếp trên một chữ (tối đa ${max})`,
  tooDeep: (path, max) => `Văn bản lồng nhau quá ${max} cấp (tại ${path || '/'})`,
  cycle: (path) => `Văn bản có tham chiếu vòng: đối tượng tại ${path || '/'} chứa chính nó`,
  tooLarge: (path, max) => `Văn bản có hơn ${thousands(max, '.')} nhóm trường và danh sách (vượt tại ${path || '/'})`,
  moreErrors: (n) => `Còn ${n} lỗi khác không liệt kê`,
  birthAfterDocument: (b, bd, f, d) => `${q(b)} (${day(bd)}) sau ${q(f)} của văn bản (${day(d)})`,
  birthAfterYear: (b, bd, f, y) => `${q(b)} (${day(bd)}) sau ${q(f)} (${y})`,
  underAge: (b, bd, f, d, age) => `Theo ${q(b)} (${day(bd)}), đến ${q(f)} của văn bản (${day(d)}) người này chưa đủ ${age} tuổi, tuổi tối thiểu của đảng viên (Điều 1 Điều lệ Đảng)`,
  yearMismatch: (y, year, f, d, from, until) => `${q(y)} (${year}) không khớp với ${q(f)} (${day(d)}): văn bản của kỳ này lập trong khoảng từ ${day(from)} đến ${day(until)}`,
  unknownForm: (id, known) => `Không có mẫu "${id}". Các mẫu hiện có: ${known.join(', ')}`,
  levelMismatch: (proposed, computed) => `Mức đề xuất ${proposed} cao hơn mức ${computed} mà bộ quy tắc tính được từ chính bản kiểm điểm`,
  levelForDecision: (proposed, rules, without) =>
    `Mức xếp loại do cấp có thẩm quyền xem xét, quyết định (quy tắc ${rules.join(', ')}), nên bộ quy tắc không đối chiếu mức đề xuất ${proposed}` +
    (without ? `; không tính ${rules.length > 1 ? 'các trường hợp' : 'trường hợp'} này, bộ quy tắc cho mức ${without}` : ''),
  levelMissingFacts: (fields) => `Chưa đủ thông tin để kiểm tra mức đề xuất: thiếu ${fields.join(', ')}`,
  noSectionIII: (id) => `Mẫu ${id} không có mục III (kết quả khắc phục hạn chế, khuyết điểm)`,
  submit: 'Kiểm tra',
};

export const vi: FormLocale = { lang: 'vi', titleKey: 'title', messages };

/** 1000000 → 1.000.000 (with sep '.'). */
export function thousands(n: number, sep: string): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, sep);
}

/** 2026-12-10 → 10/12/2026. */
function day(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

function num(n: number): string {
  return String(n).replace('.', ',');
}
