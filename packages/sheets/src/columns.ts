/**
 * The documented column map of a member list: one column per field of `Subject` that a chi bộ keeps in a list,
 * with its Vietnamese header, the dotted English field name (also accepted as a header) and the cell's type.
 * docs/sheets.md shows this table; `readSubjects`'s `columns` option maps a host's own headers to the same fields.
 */

export type ColumnType =
  | 'text'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'date'
  | 'kind'
  | 'audience'
  | 'level'
  | 'grade'
  | 'discipline-form'
  | 'collective-type';

export interface SubjectColumn {
  /** Dotted field of `Subject` (`score.common`); `discipline.*` fill the row's one discipline record. */
  readonly field: string;
  /** The Vietnamese header, as the template writes it. */
  readonly vi: string;
  /** Other Vietnamese headers lists use for the same column. */
  readonly aliases?: readonly string[];
  /** What the column holds, in English (the template's notes sheet with `lang: 'en'`). */
  readonly en: string;
  readonly type: ColumnType;
  /** Number ranges, as the template's data validation and the reader check them. */
  readonly min?: number;
  readonly max?: number;
  /** In the empty template (the others are read when a list has them). */
  readonly template?: true;
}

export const SUBJECT_COLUMNS: readonly SubjectColumn[] = [
  { field: 'id', vi: 'Mã', aliases: ['Mã đảng viên', 'Mã đối tượng', 'Mã số'], en: 'Identifier, unique in the list (default: the row number)', type: 'text', template: true },
  { field: 'name', vi: 'Họ và tên', aliases: ['Họ tên', 'Tên tập thể', 'Họ và tên / Tập thể'], en: 'Full name, or the collective’s name', type: 'text', template: true },
  { field: 'position', vi: 'Chức vụ', en: 'Position', type: 'text', template: true },
  { field: 'unit', vi: 'Đơn vị', en: 'Unit', type: 'text', template: true },
  { field: 'audience', vi: 'Đối tượng', en: 'Leader, non-leader, outside the system, or collective', type: 'audience', template: true },
  { field: 'kind', vi: 'Loại', en: 'individual or collective (default: from Đối tượng)', type: 'kind' },
  { field: 'group', vi: 'Nhóm', aliases: ['Nhóm tính tỷ lệ', 'Nhóm đối tượng'], en: 'Quota group', type: 'text', template: true },
  { field: 'period.year', vi: 'Năm', aliases: ['Năm đánh giá'], en: 'Year of the review', type: 'integer', min: 2000, max: 2100, template: true },
  { field: 'period.quarter', vi: 'Quý', en: 'Quarter 1–4 (empty for a year-end review)', type: 'integer', min: 1, max: 4, template: true },
  { field: 'score.common', vi: 'Điểm nhóm tiêu chí chung', en: 'Part B score, common criteria (0–30, steps of 0.5)', type: 'number', min: 0, max: 30, template: true },
  { field: 'score.tasks', vi: 'Điểm kết quả thực hiện nhiệm vụ', en: 'Part B score, task results (0–70, steps of 0.5)', type: 'number', min: 0, max: 70, template: true },
  { field: 'tasks.assigned', vi: 'Số nhiệm vụ được giao', en: 'Tasks assigned', type: 'integer', min: 0, max: 100000, template: true },
  { field: 'tasks.completed', vi: 'Số nhiệm vụ hoàn thành', en: 'Tasks completed', type: 'integer', min: 0, max: 100000, template: true },
  { field: 'tasks.onTime', vi: 'Số nhiệm vụ đúng hạn', aliases: ['Số nhiệm vụ đúng tiến độ'], en: 'Tasks completed on time', type: 'integer', min: 0, max: 100000, template: true },
  { field: 'tasks.exceeded', vi: 'Số nhiệm vụ vượt mức', en: 'Tasks exceeded', type: 'integer', min: 0, max: 100000, template: true },
  { field: 'ledUnits.assigned', vi: 'Số nhiệm vụ của đơn vị trực tiếp lãnh đạo', en: 'Leaders: tasks of the units they directly lead', type: 'integer', min: 0, max: 100000, template: true },
  { field: 'ledUnits.completed', vi: 'Số nhiệm vụ đơn vị trực tiếp lãnh đạo hoàn thành', en: 'Leaders: of which completed', type: 'integer', min: 0, max: 100000, template: true },
  { field: 'ledUnits.onTime', vi: 'Số nhiệm vụ đơn vị trực tiếp lãnh đạo đúng hạn', en: 'Leaders: of which on time', type: 'integer', min: 0, max: 100000, template: true },
  { field: 'ledUnits.exceeded', vi: 'Số nhiệm vụ đơn vị trực tiếp lãnh đạo vượt mức', en: 'Leaders: of which exceeded', type: 'integer', min: 0, max: 100000, template: true },
  { field: 'shortcomings.identified', vi: 'Số hạn chế, khuyết điểm được chỉ ra', en: 'Shortcomings identified', type: 'integer', min: 0, max: 100000, template: true },
  { field: 'shortcomings.remediated', vi: 'Số hạn chế, khuyết điểm đã khắc phục', en: 'Shortcomings remediated', type: 'integer', min: 0, max: 100000, template: true },
  { field: 'discipline.form', vi: 'Kỷ luật', aliases: ['Hình thức kỷ luật'], en: 'Discipline in the period: khien-trach, canh-cao, cach-chuc, khai-tru', type: 'discipline-form', template: true },
  { field: 'discipline.decidedOn', vi: 'Ngày quyết định kỷ luật', aliases: ['Ngày kỷ luật'], en: 'Date of the discipline decision (YYYY-MM-DD or DD/MM/YYYY)', type: 'date', template: true },
  { field: 'discipline.violationOn', vi: 'Ngày xảy ra vi phạm', en: 'Date of the violation', type: 'date' },
  { field: 'discipline.dutyRelated', vi: 'Vi phạm liên quan đến chức trách, nhiệm vụ', en: 'The violation relates to the member’s duties (yes/no)', type: 'boolean' },
  { field: 'discipline.selfDetectedAndRemedied', vi: 'Tự phát hiện và khắc phục vi phạm', en: 'Self-detected and remedied (yes/no)', type: 'boolean' },
  { field: 'degradationConcluded', vi: 'Bị kết luận suy thoái', en: 'Concluded to have degraded (yes/no)', type: 'boolean', template: true },
  { field: 'violatedProhibitions', vi: 'Vi phạm điều cấm', en: 'Violated the prohibitions (yes/no)', type: 'boolean', template: true },
  { field: 'prohibitionsSelfDetectedAndRemedied', vi: 'Tự giác nhận lỗi, khắc phục vi phạm điều cấm', en: 'Owned up to and remedied that violation (yes/no)', type: 'boolean' },
  { field: 'stateRating', vi: 'Xếp loại cán bộ, công chức, viên chức', en: 'State-track rating: HTXSNV, HTTNV, HTNV, KHTNV', type: 'level', template: true },
  { field: 'grades.tasks', vi: 'Mức tiêu chí kết quả thực hiện nhiệm vụ', en: 'Grade of the task-results criterion', type: 'grade' },
  { field: 'membership.admittedOn', vi: 'Ngày vào Đảng', aliases: ['Ngày kết nạp'], en: 'Date admitted to the Party', type: 'date' },
  { field: 'membership.exempt', vi: 'Miễn công tác và sinh hoạt đảng', en: 'Exempt from Party work (yes/no)', type: 'boolean' },
  { field: 'membership.suspended', vi: 'Đình chỉ sinh hoạt đảng', en: 'Suspended (yes/no)', type: 'boolean' },
  { field: 'leave.sickMonths', vi: 'Số tháng nghỉ ốm', en: 'Months of sick leave', type: 'number', min: 0, max: 12 },
  { field: 'leave.maternity', vi: 'Nghỉ thai sản', en: 'Maternity leave (yes/no)', type: 'boolean' },
  { field: 'keyTargetsMissed', vi: 'Không đạt chỉ tiêu chủ yếu', en: 'Key targets missed (yes/no)', type: 'boolean' },
  { field: 'forceMajeure', vi: 'Lý do bất khả kháng', en: 'Missed for reasons of force majeure (yes/no)', type: 'boolean' },
  { field: 'confidenceVote.total', vi: 'Tổng số phiếu tín nhiệm', en: 'Leaders: votes cast in the vote of confidence', type: 'integer', min: 1, max: 100000 },
  { field: 'confidenceVote.low', vi: 'Số phiếu tín nhiệm thấp', en: 'Leaders: low-confidence votes', type: 'integer', min: 0, max: 100000 },
  { field: 'responsibleUnits.total', vi: 'Số đơn vị phụ trách', en: 'Leaders: units they are responsible for', type: 'integer', min: 0, max: 100000 },
  { field: 'responsibleUnits.ratedKHTNV', vi: 'Số đơn vị phụ trách xếp loại KHTNV', en: 'Leaders: of which rated KHTNV', type: 'integer', min: 0, max: 100000 },
  { field: 'corruptionInScope', vi: 'Có tham nhũng, lãng phí, tiêu cực trong phạm vi quản lý', en: 'Leaders: corruption in their scope, disciplined (yes/no)', type: 'boolean' },
  { field: 'corruptionSelfDetectedAndRemedied', vi: 'Đã chủ động phát hiện, xử lý tham nhũng, tiêu cực', en: 'Leaders: detected and handled it themselves (yes/no)', type: 'boolean' },
  { field: 'collective.type', vi: 'Loại tập thể', en: 'Collectives: leadership or organisation', type: 'collective-type' },
  { field: 'collective.subUnits', vi: 'Số tổ chức trực thuộc', en: 'Collectives: subordinate units', type: 'integer', min: 0, max: 100000 },
  { field: 'collective.subUnitsDisciplined', vi: 'Số tổ chức trực thuộc bị kỷ luật', en: 'Collectives: subordinate units disciplined', type: 'integer', min: 0, max: 100000 },
  { field: 'collective.leadershipMembersDisciplined', vi: 'Số thành viên tập thể lãnh đạo bị kỷ luật', en: 'Collectives: leadership members disciplined', type: 'integer', min: 0, max: 100000 },
  { field: 'collective.leadershipMembersDegraded', vi: 'Số thành viên tập thể lãnh đạo bị kết luận suy thoái', en: 'Collectives: leadership members concluded to have degraded', type: 'integer', min: 0, max: 100000 },
  { field: 'collective.cadreWorkViolation', vi: 'Sai phạm trong công tác cán bộ', en: 'Collectives: found at fault in cadre work (yes/no)', type: 'boolean' },
  { field: 'collective.selfDetectedAndRemedied', vi: 'Tập thể tự phát hiện và khắc phục vi phạm', en: 'Collectives: detected and remedied the violation (yes/no)', type: 'boolean' },
];

/** Columns a list often has that are no field (row number, remarks): read past without a notice. */
export const IGNORED_HEADERS: readonly string[] = ['STT', 'TT', 'Số TT', 'Ghi chú', '#'];

/** Keys that would reach an object's prototype: never a header, a field or a criterion. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** A header as matched: NFC, spaces around and runs of spaces inside collapsed, case folded. */
export function headerKey(header: string): string {
  return header.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi');
}

const BY_FIELD = new Map(SUBJECT_COLUMNS.map((c) => [c.field, c]));

/** The column of a dotted field; `grades.<criterion>` (a host's own criterion) is read as a grade. */
export function columnOf(field: string): SubjectColumn | undefined {
  const known = BY_FIELD.get(field);
  if (known) return known;
  const criterion = /^grades\.(.+)$/.exec(field)?.[1];
  if (criterion !== undefined && criterion.length <= 100 && !FORBIDDEN_KEYS.has(criterion)) return { field, vi: field, en: `Grade of the criterion ${criterion}`, type: 'grade' };
  return undefined;
}

/** Header key → field, from the Vietnamese headers, their aliases and the English field names. */
export const HEADER_FIELDS: ReadonlyMap<string, string> = new Map(
  SUBJECT_COLUMNS.flatMap((c) => [c.vi, ...(c.aliases ?? []), c.field].map((h) => [headerKey(h), c.field] as const)),
);

/** Values of the list columns, as written in the template's drop-downs and accepted on reading (besides the codes). */
export const AUDIENCE_WORDS: Readonly<Record<string, string>> = {
  leader: 'Lãnh đạo, quản lý',
  'non-leader': 'Không giữ chức vụ lãnh đạo, quản lý',
  'outside-system': 'Ngoài hệ thống chính trị',
  collective: 'Tập thể',
};
export const DISCIPLINE_WORDS: Readonly<Record<string, string>> = {
  'khien-trach': 'Khiển trách',
  'canh-cao': 'Cảnh cáo',
  'cach-chuc': 'Cách chức',
  'khai-tru': 'Khai trừ',
};
export const GRADE_WORDS: Readonly<Record<string, string>> = { 'xuat-sac': 'Xuất sắc', tot: 'Tốt', 'trung-binh': 'Trung bình', kem: 'Kém' };
export const KIND_WORDS: Readonly<Record<string, string>> = { individual: 'Cá nhân', collective: 'Tập thể' };
export const COLLECTIVE_TYPE_WORDS: Readonly<Record<string, string>> = { leadership: 'Tập thể lãnh đạo, quản lý', organisation: 'Tổ chức, cơ quan, đơn vị' };
export const LEVEL_WORDS: Readonly<Record<string, string>> = {
  HTXSNV: 'Hoàn thành xuất sắc nhiệm vụ',
  HTTNV: 'Hoàn thành tốt nhiệm vụ',
  HTNV: 'Hoàn thành nhiệm vụ',
  KHTNV: 'Không hoàn thành nhiệm vụ',
};
/** Yes/no cells: what a secretary types. */
export const YES_WORDS: readonly string[] = ['có', 'x', 'yes', 'true', 'đúng', '1'];
export const NO_WORDS: readonly string[] = ['không', 'no', 'false', 'sai', '0'];
