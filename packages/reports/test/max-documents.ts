/**
 * Test-only: documents at the limits of their form's schema. Every free-text field (a string with a
 * `maxLength` and no format, choice or pattern) is filled to exactly its `maxLength`, optional ones too, in
 * every row the form's example has (one row where it has none), with Vietnamese words drawn from a seeded
 * generator per field, so that any run of a few words belongs to one field only.
 */
import { checkForm, exampleFor, formOrThrow, resolveRef, type JsonSchema } from '@kiemdiem/forms';
import { seededRandom } from './random';

const WORDS = (
  'đảng viên chi bộ nghị quyết kiểm điểm tự phê bình phê bình nhiệm vụ hoàn thành xuất sắc tốt hạn chế khuyết điểm ' +
  'nguyên nhân khắc phục trách nhiệm người đứng đầu tập thể cá nhân đoàn kết thống nhất nội bộ kỷ luật kỷ cương ' +
  'tu dưỡng rèn luyện phẩm chất chính trị đạo đức lối sống tác phong lề lối làm việc gương mẫu nêu gương quần chúng ' +
  'nhân dân địa phương cơ quan đơn vị phòng ban sở ngành tỉnh huyện xã phường thị trấn thôn tổ dân phố ' +
  'quy định hướng dẫn chỉ thị kết luận thông báo kế hoạch chương trình đề án báo cáo tổng hợp tham mưu đề xuất ' +
  'giải quyết kịp thời đúng hạn chậm muộn chất lượng hiệu quả tiến độ kết quả chỉ tiêu vượt mức đạt yêu cầu ' +
  'chuyển đổi số hồ sơ điện tử văn bản thủ tục hành chính cải cách một cửa liên thông trực tuyến dịch vụ công ' +
  'suy thoái tự diễn biến tự chuyển hóa tham nhũng lãng phí tiêu cực lợi ích nhóm quan liêu xa dân hách dịch ' +
  'học tập làm theo tư tưởng đạo đức phong cách Hồ Chí Minh thường xuyên nghiêm túc thẳng thắn chân thành xây dựng ' +
  'ý kiến góp ý tiếp thu giải trình làm rõ đánh giá xếp loại chất lượng năm quý tháng tuần ngày buổi sinh hoạt ' +
  'ủy viên bí thư phó bí thư ban chấp hành thường vụ đảng ủy ủy ban kiểm tra tổ chức tuyên giáo dân vận ' +
  'Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Thị Văn Hữu Đức Ngọc Thảo Hương Quỳnh ' +
  'đồng chí gia đình hàng xóm khu dân cư mặt trận tổ quốc hội phụ nữ đoàn thanh niên cựu chiến binh nông dân ' +
  'bảo đảm an ninh trật tự môi trường xanh sạch đẹp nông thôn mới đô thị văn minh khuyến học khuyến tài ' +
  'thực hiện chấp hành nghiêm chỉnh đầy đủ chưa kịp thời còn lúng túng có lúc có việc chưa sâu sát cụ thể ' +
  '12,5% 2026 03/2026 số 45-KH/ĐU 1.250 ngày 15/12 quý IV điều 4 khoản 2 mục 3'
)
  .split(' ')
  .filter(Boolean);

/** A text of exactly `length` code points: seeded Vietnamese words, sentences with commas and full stops. */
function hash(seed: string): number {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619);
  return h;
}

export function words(length: number, seed: string): string {
  const random = seededRandom(hash(seed));
  let out = '';
  let inSentence = 0;
  while ([...out].length < length) {
    let word = WORDS[Math.floor(random() * WORDS.length)]!;
    if (inSentence === 0) word = word.charAt(0).toUpperCase() + word.slice(1);
    inSentence += 1;
    const end = random() < 0.08 ? '.' : random() < 0.1 ? ',' : '';
    if (end === '.') inSentence = 0;
    out += `${out ? ' ' : ''}${word}${end}`;
  }
  const chars = [...out.normalize('NFC')].slice(0, length);
  // No space at either end: a form may trim them, and the length would fall short.
  if (chars[chars.length - 1] === ' ') chars[chars.length - 1] = 'a';
  return chars.join('');
}

/** A single token of `length` code points with no break opportunity: letters with diacritics and digits. */
export function token(length: number, seed: string): string {
  const alphabet = [...'ĐẢNGCỘNGSẢNVIỆTNAMđảngviênkiểmđiểmxếploạichấtlượng0123456789'];
  const random = seededRandom(hash(seed));
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(random() * alphabet.length)];
  return out;
}

function isFreeText(n: JsonSchema): boolean {
  return n.type === 'string' && typeof n.maxLength === 'number' && !n.format && !n.oneOf && !n.enum && !('const' in n) && !n.pattern;
}

/** A valid value for a field that is not free text (a date, a choice, a time, a number). */
function plain(n: JsonSchema): unknown {
  if (n.oneOf?.length) return n.oneOf[0]!.const;
  if (n.enum?.length) return n.enum[0];
  if ('const' in n) return (n as { const: unknown }).const;
  if (n.format === 'date') return '2026-12-10';
  if (n.pattern) return '08:00';
  if (n.type === 'integer' || n.type === 'number') return typeof n.minimum === 'number' ? n.minimum : 1;
  if (n.type === 'boolean') return false;
  return undefined;
}

export interface MaxDocument {
  formId: string;
  document: Record<string, unknown>;
  /** Every free-text value, by its JSON pointer. */
  fields: Array<{ path: string; text: string }>;
}

/**
 * The form's example with every free-text field at its maxLength (`fill` gives the text: words by default).
 * Throws when the result does not validate, so a test never renders something `validate` would refuse.
 */
export function maxDocument(formId: string, fill: (length: number, path: string) => string = words): MaxDocument {
  const root = formOrThrow(formId).schema;
  const fields: MaxDocument['fields'] = [];
  const walk = (schema: JsonSchema, value: unknown, path: string): unknown => {
    const n = resolveRef(root, schema);
    if (isFreeText(n)) {
      const text = fill(n.maxLength!, path);
      fields.push({ path, text });
      return text;
    }
    if (n.type === 'object' && n.properties) {
      const given = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
      const out: Record<string, unknown> = { ...given };
      for (const [key, child] of Object.entries(n.properties)) {
        // In an object the example leaves out, its other required fields get a plain valid value.
        const filled = walk(child, given ? out[key] : (out[key] ?? (n.required?.includes(key) ? plain(resolveRef(root, child)) : undefined)), `${path}/${key}`);
        if (filled !== undefined) out[key] = filled;
      }
      return out;
    }
    if (n.type === 'array' && n.items) {
      const rows = Array.isArray(value) && value.length > 0 ? value : [undefined];
      return rows.map((row, i) => walk(n.items!, row, `${path}/${i}`));
    }
    return value;
  };
  const document = walk(root, structuredClone(exampleFor(formId)), '') as Record<string, unknown>;
  const { errors } = checkForm(formId, document);
  if (errors.length) throw new Error(`${formId}: the max-size document does not validate: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return { formId, document, fields };
}
