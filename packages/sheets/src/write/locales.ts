/**
 * The words of the written spreadsheets, Vietnamese first. The summary's wording follows the summary PDF of
 * @kiemdiem/reports (its quota sentence, counts and notes), which this package does not load (no PDF engine here).
 */
import type { Lang } from '@kiemdiem/rules';

export interface QuotaWords {
  group: string;
  excellent: number;
  good: number;
  allowed: number;
  ratio: string;
  rounding: string;
  over: boolean;
  maxExcellent: number;
  exceptional: boolean;
}

export interface SheetWords {
  lang: Lang;
  decimal: string;
  sheets: { summary: string; reasons: string; results: string; errors: string; units: string; quota: string; unplaced: string; changes: string; matrix: string };
  /** The columns of the reference form (ref/tong-hop-xep-loai). */
  summaryHead: [string, string, string, string, string, string, string, string, string];
  reasonsHead: { no: string; id: string; name: string; side: string; rule: string; outcome: string; message: string; citation: string; provenance: string; overlay: string };
  errorsHead: { index: string; id: string; path: string; message: string };
  quotaTitle: string;
  quotaBasis: string;
  quotaLine: (q: QuotaWords) => string;
  invalid: (n: number) => string;
  without: (level: string) => string;
  outcomes: Record<'met' | 'failed' | 'applied' | 'disabled', string>;
  rollupHead: { id: string; name: string; level: string; parent: string; total: string; rated: string; forDecision: string; notRated: string; share: (level: string) => string };
  quotaHead: { unit: string; group: string; period: string; excellent: string; good: string; allowed: string; maxExcellent: string; ratio: string; over: string };
  unplacedHead: { source: string; index: string; id: string; unit: string; reason: string };
  unplacedReasons: Record<'no-unit' | 'unknown-unit', string>;
  sources: Record<'results' | 'remediation' | 'feedback', string>;
  yes: string;
  no: string;
  diffHead: { no: string; id: string; from: string; to: string };
  sides: { from: string; to: string };
  matrixCorner: string;
  none: string;
}

const vi: SheetWords = {
  lang: 'vi',
  decimal: ',',
  sheets: { summary: 'Tổng hợp', reasons: 'Lý do và căn cứ', results: 'Kết quả', errors: 'Lỗi', units: 'Theo đơn vị', quota: 'Tỷ lệ HTXSNV', unplaced: 'Chưa xếp hoặc không hợp lệ', changes: 'Thay đổi', matrix: 'Ma trận' },
  summaryHead: ['STT', 'Họ và tên', 'Chức vụ', 'Đối tượng', 'Điểm tự chấm', 'Tự xếp loại', 'Chi bộ đề xuất', 'Cấp có thẩm quyền quyết định', 'Ghi chú'],
  reasonsHead: { no: 'STT', id: 'Mã', name: 'Họ và tên', side: 'Phía', rule: 'Quy tắc', outcome: 'Kết quả', message: 'Nội dung', citation: 'Căn cứ', provenance: 'Độ tin cậy', overlay: 'Hướng dẫn địa phương' },
  errorsHead: { index: 'Chỉ số bản ghi (từ 0)', id: 'Mã', path: 'Trường', message: 'Lỗi' },
  quotaTitle: 'Tỷ lệ hoàn thành xuất sắc nhiệm vụ (so với số hoàn thành tốt nhiệm vụ)',
  quotaBasis: 'Căn cứ tỷ lệ: ',
  quotaLine: (q) =>
    `Nhóm ${q.group}: ${q.excellent} HTXSNV / ${q.good} HTTNV; được phép ${q.allowed} (${q.ratio} × ${q.good}, ${q.rounding}` +
    `${q.exceptional ? `; tỷ lệ ngoại lệ ${q.ratio} do cấp có thẩm quyền quyết định` : ''})` +
    (q.over ? `: VƯỢT tỷ lệ, cấp có thẩm quyền xem xét (tối đa giữ được ${q.maxExcellent})` : ': trong tỷ lệ'),
  invalid: (n) => `${n} đối tượng có dữ liệu không hợp lệ, không có trong danh sách (xem trang "Lỗi" của kiemdiem rate).`,
  without: (level) => `nếu không tính trường hợp này: ${level}`,
  outcomes: { met: 'đạt', failed: 'không đạt', applied: 'áp dụng', disabled: 'tắt bởi hướng dẫn địa phương' },
  rollupHead: { id: 'Mã đơn vị', name: 'Tên đơn vị', level: 'Cấp', parent: 'Đơn vị cấp trên', total: 'Tổng số', rated: 'Được xếp loại', forDecision: 'Cấp có thẩm quyền xem xét', notRated: 'Không xếp loại', share: (level) => `${level} (%)` },
  quotaHead: { unit: 'Đơn vị', group: 'Nhóm', period: 'Kỳ', excellent: 'HTXSNV', good: 'HTTNV', allowed: 'Được phép', maxExcellent: 'Tối đa giữ được', ratio: 'Tỷ lệ', over: 'Vượt tỷ lệ' },
  unplacedHead: { source: 'Nguồn', index: 'Chỉ số bản ghi (từ 0)', id: 'Mã', unit: 'Đơn vị ghi', reason: 'Lý do' },
  unplacedReasons: { 'no-unit': 'không ghi đơn vị', 'unknown-unit': 'đơn vị không có trong cây đơn vị' },
  sources: { results: 'kết quả', remediation: 'kế hoạch khắc phục', feedback: 'góp ý' },
  yes: 'có',
  no: 'không',
  diffHead: { no: 'STT', id: 'Mã', from: 'Theo', to: 'Theo' },
  sides: { from: 'trước', to: 'sau' },
  matrixCorner: 'Trước \\ Sau',
  none: 'Không xếp loại',
};

const en: SheetWords = {
  lang: 'en',
  decimal: '.',
  sheets: { summary: 'Summary', reasons: 'Reasons and citations', results: 'Results', errors: 'Errors', units: 'By unit', quota: 'HTXSNV quota', unplaced: 'Not placed or invalid', changes: 'Changes', matrix: 'Matrix' },
  summaryHead: ['No.', 'Full name', 'Position', 'Audience', 'Self-assessed score', 'Self-rated level', 'Proposed by the chi bộ', 'Decided by the competent level', 'Notes'],
  reasonsHead: { no: 'No.', id: 'Id', name: 'Full name', side: 'Side', rule: 'Rule', outcome: 'Outcome', message: 'Message', citation: 'Citation', provenance: 'Provenance', overlay: 'Local guidance' },
  errorsHead: { index: 'Record index (from 0)', id: 'Id', path: 'Field', message: 'Error' },
  quotaTitle: 'Share of HTXSNV (against HTTNV)',
  quotaBasis: 'Basis of the ratio: ',
  quotaLine: (q) =>
    `Group ${q.group}: ${q.excellent} HTXSNV / ${q.good} HTTNV; allowed ${q.allowed} (${q.ratio} × ${q.good}, ${q.rounding}` +
    `${q.exceptional ? `; exceptional ratio ${q.ratio} decided by the competent level` : ''})` +
    (q.over ? `: OVER the quota, the competent level decides (at most ${q.maxExcellent} can keep HTXSNV)` : ': within the quota'),
  invalid: (n) => `${n} subject(s) with invalid data are not in the list (see the "Errors" sheet of kiemdiem rate).`,
  without: (level) => `without this case: ${level}`,
  outcomes: { met: 'met', failed: 'failed', applied: 'applied', disabled: 'switched off by local guidance' },
  rollupHead: { id: 'Unit id', name: 'Unit', level: 'Level', parent: 'Parent unit', total: 'Total', rated: 'Rated', forDecision: 'For the competent level', notRated: 'Not rated', share: (level) => `${level} (%)` },
  quotaHead: { unit: 'Unit', group: 'Group', period: 'Period', excellent: 'HTXSNV', good: 'HTTNV', allowed: 'Allowed', maxExcellent: 'At most kept', ratio: 'Ratio', over: 'Over the quota' },
  unplacedHead: { source: 'Source', index: 'Record index (from 0)', id: 'Id', unit: 'Unit given', reason: 'Reason' },
  unplacedReasons: { 'no-unit': 'no unit given', 'unknown-unit': 'unit not in the hierarchy' },
  sources: { results: 'results', remediation: 'remediation plans', feedback: 'feedback' },
  yes: 'yes',
  no: 'no',
  diffHead: { no: 'No.', id: 'Id', from: 'Under', to: 'Under' },
  sides: { from: 'before', to: 'after' },
  matrixCorner: 'Before \\ After',
  none: 'Not rated',
};

export function sheetWords(lang: Lang | undefined): SheetWords {
  return lang === 'en' ? en : vi;
}
