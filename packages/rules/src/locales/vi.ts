import type { Locale } from './types';

const q = (s: string) => `"${s}"`;

export const vi: Locale = {
  fields: {
    '': 'đối tượng',
    '/id': 'mã đối tượng (id)',
    '/kind': 'loại đối tượng (kind)',
    '/audience': 'nhóm đối tượng (audience)',
    '/period': 'kỳ đánh giá (period)',
    '/period/year': 'năm đánh giá (period.year)',
    '/period/quarter': 'quý đánh giá (period.quarter)',
    '/membership': 'thông tin đảng viên (membership)',
    '/membership/admittedOn': 'ngày kết nạp (membership.admittedOn)',
    '/membership/exempt': 'miễn công tác và sinh hoạt đảng (membership.exempt)',
    '/membership/suspended': 'đình chỉ sinh hoạt đảng (membership.suspended)',
    '/score': 'điểm tự chấm (score)',
    '/score/common': 'điểm nhóm tiêu chí chung (score.common)',
    '/score/tasks': 'điểm kết quả thực hiện nhiệm vụ (score.tasks)',
    '/tasks': 'nhiệm vụ được giao (tasks)',
    '/tasks/assigned': 'số nhiệm vụ được giao (tasks.assigned)',
    '/tasks/completed': 'số nhiệm vụ hoàn thành (tasks.completed)',
    '/tasks/onTime': 'số nhiệm vụ đúng tiến độ (tasks.onTime)',
    '/tasks/exceeded': 'số nhiệm vụ vượt mức (tasks.exceeded)',
    '/ledUnits': 'nhiệm vụ của đơn vị trực tiếp lãnh đạo (ledUnits)',
    '/ledUnits/assigned': 'số nhiệm vụ của đơn vị trực tiếp lãnh đạo (ledUnits.assigned)',
    '/ledUnits/completed': 'số nhiệm vụ đơn vị trực tiếp lãnh đạo hoàn thành (ledUnits.completed)',
    '/ledUnits/onTime': 'số nhiệm vụ đơn vị trực tiếp lãnh đạo đúng tiến độ (ledUnits.onTime)',
    '/ledUnits/exceeded': 'số nhiệm vụ đơn vị trực tiếp lãnh đạo vượt mức (ledUnits.exceeded)',
    '/shortcomings': 'hạn chế, khuyết điểm đã được chỉ ra (shortcomings)',
    '/shortcomings/identified': 'số hạn chế, khuyết điểm đã được chỉ ra (shortcomings.identified)',
    '/shortcomings/remediated': 'số hạn chế, khuyết điểm đã khắc phục (shortcomings.remediated)',
    '/discipline': 'kỷ luật (discipline)',
    '/discipline/*': 'quyết định kỷ luật (discipline[])',
    '/discipline/*/form': 'hình thức kỷ luật (discipline[].form)',
    '/discipline/*/decidedOn': 'ngày quyết định kỷ luật (discipline[].decidedOn)',
    '/discipline/*/selfDetectedAndRemedied': 'tự phát hiện và khắc phục (discipline[].selfDetectedAndRemedied)',
    '/degradationConcluded': 'kết luận suy thoái (degradationConcluded)',
    '/violatedProhibitions': 'vi phạm điều cấm (violatedProhibitions)',
    '/group': 'nhóm tính tỷ lệ (group)',
    '/collective': 'thông tin tập thể (collective)',
    '/collective/subUnitsDisciplined': 'số tổ chức trực thuộc bị kỷ luật (collective.subUnitsDisciplined)',
    '/collective/leadershipMembersDisciplined': 'số thành viên tập thể lãnh đạo bị kỷ luật (collective.leadershipMembersDisciplined)',
    '/collective/subUnits': 'số tổ chức trực thuộc (collective.subUnits)',
    '/grades': 'xếp mức các tiêu chí (grades)',
    '/grades/tasks': 'mức tiêu chí kết quả thực hiện nhiệm vụ (grades.tasks)',
    '/grades/*': 'mức tiêu chí (grades)',
    '/stateRating': 'xếp loại cán bộ, công chức, viên chức (stateRating)',
    '/leave': 'nghỉ ốm, thai sản (leave)',
    '/leave/sickMonths': 'số tháng nghỉ ốm (leave.sickMonths)',
    '/leave/maternity': 'nghỉ thai sản (leave.maternity)',
    '/keyTargetsMissed': 'không đạt chỉ tiêu chủ yếu (keyTargetsMissed)',
    '/name': 'họ tên (name)',
    '/position': 'chức vụ (position)',
    '/unit': 'đơn vị (unit)',
    '/meta': 'dữ liệu bổ sung (meta)',
  },
  levels: {
    HTXSNV: 'Hoàn thành xuất sắc nhiệm vụ',
    HTTNV: 'Hoàn thành tốt nhiệm vụ',
    HTNV: 'Hoàn thành nhiệm vụ',
    KHTNV: 'Không hoàn thành nhiệm vụ',
  },
  statuses: {
    rated: 'đã xếp loại',
    'not-reviewed': 'không kiểm điểm',
    'reviewed-not-rated': 'kiểm điểm, không xếp loại',
  },
  grades: { 4: 'Xuất sắc', 3: 'Tốt', 2: 'Trung bình', 1: 'Kém' },
  provenance: { verified: 'đã kiểm chứng', 'single-source': 'một nguồn', legacy: 'kế thừa quy định trước', unverified: 'chưa kiểm chứng' },
  rounding: { floor: 'làm tròn xuống', 'round-half-up': 'làm tròn 0,5 lên', ceil: 'làm tròn lên' },
  audiences: { leader: 'Lãnh đạo, quản lý', 'non-leader': 'Không giữ chức vụ', 'outside-system': 'Ngoài hệ thống chính trị', collective: 'Tập thể' },
  decimal: ',',
  subjectList: 'danh sách đối tượng',
  yesNo: { yes: 'có', no: 'không' },
  issues: {
    notObject: (f) => `${cap(f)} phải là một đối tượng JSON`,
    notArray: (f) => `${cap(f)} phải là một mảng`,
    required: (f) => `Thiếu ${f}`,
    requiredBy: (f, r) => `Thiếu ${f}: bộ quy tắc ${r} cần thông tin này để xếp loại`,
    unknownField: (f) => `Trường ${q(f)} không có trong định dạng đối tượng`,
    forbiddenKey: (f) => `Khóa ${q(f)} bị cấm (nguy cơ prototype pollution)`,
    notString: (f) => `${cap(f)} phải là chuỗi ký tự`,
    emptyString: (f) => `${cap(f)} không được để trống`,
    tooLong: (f, max) => `${cap(f)} dài quá ${max} ký tự`,
    notBoolean: (f) => `${cap(f)} phải là true hoặc false`,
    notInteger: (f) => `${cap(f)} phải là số nguyên`,
    notNumber: (f) => `${cap(f)} phải là số`,
    range: (f, min, max) => `${cap(f)} phải từ ${num(min)} đến ${num(max)}`,
    min: (f, min) => `${cap(f)} phải lớn hơn hoặc bằng ${num(min)}`,
    step: (f, step) => `${cap(f)} phải chấm theo bước ${num(step)} điểm`,
    notOneOf: (f, allowed) => `${cap(f)} phải là một trong: ${allowed.join(', ')}`,
    badDate: (f) => `${cap(f)} phải là ngày hợp lệ dạng YYYY-MM-DD`,
    notAbove: (f, other) => `${cap(f)} không được lớn hơn ${other}`,
    onlyFor: (f, who) => `${cap(f)} chỉ dùng cho ${who}`,
    admittedAfterPeriod: (f) => `${cap(f)} sau ngày kết thúc kỳ đánh giá`,
    quarterNotRated: (f) => `${cap(f)}: quý IV không đánh giá, xếp loại riêng mà gộp vào đánh giá cuối năm (HD 43-HD/BTCTW)`,
    periodNotSupported: (f, r) => `${cap(f)}: bộ quy tắc ${r} không áp dụng cho loại kỳ này`,
    criterionId: (k) => `Mã tiêu chí "${k}" không hợp lệ: chỉ dùng chữ thường không dấu, số và dấu gạch ngang`,
    gradesIncomplete: (f) => `${cap(f)} cần mức của tiêu chí kết quả thực hiện nhiệm vụ (tasks) và ít nhất một tiêu chí chung`,
    noRegulation: (f, p) => `${cap(f)}: chưa có bộ quy tắc nào áp dụng cho ${p}`,
  },
  who: { individual: 'cá nhân', collective: 'tập thể', leader: 'cán bộ lãnh đạo, quản lý (audience: leader)' },
  disabledBy: (o, why) => `đã tắt theo hướng dẫn địa phương ${o}: ${why}`,
  citation: (c) => {
    const parts: string[] = [];
    if (c.diem) parts.push(`điểm ${c.diem}`);
    if (c.khoan !== undefined) parts.push(`khoản ${c.khoan}`);
    if (c.dieu !== undefined) parts.push(`Điều ${c.dieu}`);
    if (c.muc) parts.push(`mục ${c.muc}`);
    if (c.phuLuc) parts.push(`Phụ lục ${c.phuLuc}`);
    const where = parts.length ? `${parts.join(' ')} ` : '';
    return cap(`${where}${documentName(c.document)}`);
  },
  errors: {
    unknownRegulation: (id, known) => `Không có bộ quy tắc "${id}". Các bộ hiện có: ${known.join(', ')}`,
    noRegulation: (p) => `Chưa có bộ quy tắc nào áp dụng cho ${p}`,
    unknownParameter: (n, r) => `Bộ quy tắc ${r} không có tham số "${n}"`,
    invalidParameter: (n, e) => `Giá trị tham số "${n}" không hợp lệ: cần ${e}`,
    parameterExpected: (p) => {
      switch (p.expected) {
        case 'boolean': return 'giá trị true hoặc false';
        case 'string': return 'một chuỗi ký tự';
        case 'number': return 'một số';
        case 'integer': return 'một số nguyên';
        case 'review-year-date': return 'một ngày của năm kiểm điểm, "Y-MM-DD", hoặc của năm sau, "Y+1-MM-DD"';
        case 'one-of': return `một trong ${p.allowed.join(', ')}`;
        case 'minimum': return `số không nhỏ hơn ${p.limit}`;
        case 'maximum': return `số không lớn hơn ${p.limit}`;
        case 'known-type': return `kiểu tham số đã biết (không có kiểu "${p.type}")`;
      }
    },
    unknownRule: (id, r) => `Bộ quy tắc ${r} không có quy tắc "${id}"`,
    invalidOption: (name, value, allowed) => `Tùy chọn "${name}" không hợp lệ: "${value}"; cần một trong ${allowed.join(', ')}`,
  },
};

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function num(n: number): string {
  return String(n).replace('.', ',');
}

/** "366-QĐ/TW" → "Quy định 366-QĐ/TW"; guidance, conclusions and decrees by their suffix. */
export function documentName(document: string): string {
  if (/-QĐ\//.test(document)) return `Quy định ${document}`;
  if (/-HD\//.test(document)) return `Hướng dẫn ${document}`;
  if (/-KL\//.test(document)) return `Kết luận ${document}`;
  if (/-NĐ-CP/.test(document)) return `Nghị định ${document}`;
  return document;
}
