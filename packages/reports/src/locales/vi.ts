/** Vietnamese: the words of the reports, and those of the Party's documents (the same in every language). */
import { DIFF_WORDS } from '@kiemdiem/rules';
import { ddmmyyyy } from '../dates';
import type { BasisParts, PartyWords, ReportLocale } from './types';

const overlay = (value: string) => (value ? `; hướng dẫn địa phương ${value}` : '');
const basis = ({ citation, provenance, overlay: local }: BasisParts) => `${citation}${provenance ? ` (${provenance})` : ''}${overlay(local)}`;

export const vi: ReportLocale = {
  lang: 'vi',
  basis,
  quotaLine: (q) =>
    `Nhóm ${q.group}: ${q.excellent} HTXSNV / ${q.good} HTTNV; được phép ${q.allowed} (${q.ratio} × ${q.good}, ${q.rounding}` +
    `${q.exceptional ? `; tỷ lệ ngoại lệ ${q.ratio} do cấp có thẩm quyền quyết định` : ''})` +
    (q.over ? `: VƯỢT tỷ lệ, cấp có thẩm quyền xem xét (tối đa giữ được ${q.maxExcellent})` : ': trong tỷ lệ'),
  underRegulations: (regulations) => `(Theo ${regulations})`,
  regulationName: (m) => `${m.documentType} ${m.number}`,
  blank: '…',
  signNote: '(Ký, ghi rõ họ tên)',
  fontsMissing: (what) =>
    `Thiếu phông chữ để in PDF (${what}). Trong trình duyệt, hãy truyền bốn tệp Tinos qua tùy chọn "fonts" ({ normal, bold, italics, bolditalics }, mỗi tệp là Uint8Array hoặc ArrayBuffer) của render/renderSummary/renderDiff, hoặc gọi setFonts(fonts) một lần trước khi in.`,
  notInput: {
    summary: 'renderSummary: cần { results: Result[], quota: QuotaLine[] } (kết quả của rateMany)',
    summaryResult: (path) => `renderSummary: ${path} không phải một kết quả xếp loại (cần một đối tượng có "status", như rateMany trả về)`,
    diff: 'renderDiff: cần một DiffReport do diff() trả về',
    rollup: 'renderRollup: cần kết quả của rollup()',
    rollupUnits: 'renderRollup: cần units[] trong kết quả của rollup()',
  },
  summary: {
    head: ['STT', 'Họ và tên', 'Đối tượng', 'Tổng điểm', 'Đề xuất xếp loại', 'Cấp có thẩm quyền quyết định', 'Ghi chú (kỷ luật, nghỉ ốm, thai sản, không xếp loại)'],
    counts: 'Tổng hợp theo mức xếp loại',
    countsHead: ['Mức xếp loại', 'Số lượng', 'Tỷ lệ'],
    members: 'Đảng viên',
    collectives: 'Tập thể',
    notRated: 'Không kiểm điểm, không xếp loại',
    forDecision: 'Cấp có thẩm quyền xem xét, quyết định',
    total: 'Tổng số',
    ratedBase: 'Tỷ lệ tính trên số được xếp loại.',
    forDecisionBase: ' Đối tượng do cấp có thẩm quyền xem xét, quyết định chưa có mức xếp loại, không tính vào tỷ lệ.',
    without: (level) => (level ? `Ngoài trường hợp này: ${level}` : 'Không đạt mức nào'),
    quota: 'Tỷ lệ hoàn thành xuất sắc nhiệm vụ (so với số hoàn thành tốt nhiệm vụ)',
    quotaBasis: 'Căn cứ tỷ lệ: ',
    signer: { authority: 'T/M CHI ỦY', post: 'BÍ THƯ' },
    heading: ({ collectives, members, period }) =>
      `Danh sách tổng hợp kết quả xếp loại chất lượng ${collectives ? `tập thể${members ? ' và ' : ''}` : ''}${members ? 'đảng viên' : ''} ${period}`,
    invalid: (count) => `${count} đối tượng trong tệp kết quả không hợp lệ, không có trong danh sách.`,
  },
  diff: {
    ...DIFF_WORDS.vi,
    params: 'Tham số thay đổi',
    matrixNote: 'Hàng: mức theo quy định cũ; cột: mức theo quy định mới; số đối tượng.',
    fields: { conditions: 'Điều kiện', citation: 'Căn cứ', provenance: 'Độ tin cậy', appliesTo: 'Áp dụng cho', level: 'Mức', stage: 'Loại quy tắc', message: 'Nội dung thông báo' },
    legend: '√ đạt, × chưa đạt, • áp dụng, ○ đã tắt.',
    title: (from, to) => `So sánh quy định: ${from} → ${to}`,
    prepared: (isoDate) => `Lập ngày ${ddmmyyyy(isoDate)}`,
    rules: (added, removed, changed) => `Quy tắc: thêm ${added}, bỏ ${removed}, sửa ${changed}`,
    reason: (r) => `${r.mark} ${r.rule}: ${r.message} [${r.citation}; ${r.provenance}${overlay(r.overlay)}]`,
    quotaSide: (q) => `${q.excellent}/${q.good}, được phép ${q.allowed}, tối đa ${q.maxExcellent}, ${q.over ? 'VƯỢT' : 'trong tỷ lệ'} (${q.ratio}, ${q.rounding})`,
  },
  rollup: {
    unitCol: 'Đơn vị',
    no: 'STT',
    total: 'Tổng số',
    rated: 'Được xếp loại',
    notRated: 'Không xếp loại',
    forDecision: 'Cấp có thẩm quyền xem xét, quyết định',
    forDecisionNote: 'Đối tượng do cấp có thẩm quyền xem xét, quyết định (Điều 11 khoản 4 Quy định 366-QĐ/TW) chưa có mức xếp loại: không tính vào số được xếp loại và tỷ lệ.',
    number: 'SL',
    share: 'Tỷ lệ',
    members: 'I. Kết quả xếp loại đảng viên',
    collectives: 'II. Kết quả xếp loại tổ chức đảng, tập thể',
    audience: 'III. Kết quả xếp loại theo đối tượng',
    audienceCol: 'Đối tượng',
    quota: 'IV. Tỷ lệ hoàn thành xuất sắc nhiệm vụ theo nhóm đối tượng',
    noQuota: 'Không có nhóm hạn ngạch trong kết quả.',
    remediation: 'V. Xây dựng, thực hiện kế hoạch khắc phục hạn chế, khuyết điểm',
    remediationHead: ['Tập thể có kế hoạch', 'Đảng viên có kế hoạch', 'Số hạn chế, khuyết điểm', 'Đã khắc phục', 'Đang khắc phục', 'Chưa khắc phục'],
    feedback: 'VI. Ý kiến góp ý theo lĩnh vực',
    answered: 'Đã tiếp thu, giải trình',
    categories: 'Danh mục lĩnh vực: ',
    audiences: { leader: 'Cán bộ lãnh đạo, quản lý (2A)', 'non-leader': 'Không giữ chức vụ lãnh đạo, quản lý (2B)', 'outside-system': 'Không làm việc trong hệ thống chính trị (2C)' },
    collectiveRow: 'Tổ chức đảng, tập thể',
    allRow: 'Cộng',
    notes: 'Ghi chú',
    basisCumulative: 'Số liệu mỗi đơn vị gồm cả các đơn vị trực thuộc.',
    basisOwn: 'Số liệu mỗi đơn vị chỉ gồm đối tượng trực tiếp thuộc đơn vị.',
    rounding: 'Tỷ lệ xếp loại tính trên số được xếp loại; tỷ lệ có kế hoạch tính trên số đã kiểm điểm; làm tròn một chữ số thập phân (5 làm tròn lên).',
    reference: 'Biểu thống kê tham khảo do kiemdiem đề xuất; không có mẫu của Trung ương.',
    signer: { authority: 'T/M BAN THƯỜNG VỤ', post: 'BÍ THƯ' },
    heading: (period) => `Thống kê kết quả xếp loại chất lượng tổ chức đảng và đảng viên ${period}`,
    planShare: (withPlan, total, percent) => `${withPlan}/${total} (${percent})`,
    unplaced: (count, ids) => `${count} kết quả không thuộc đơn vị nào trong hệ thống tổ chức (${ids}): có trong tổng số, không có trong các bảng theo đơn vị.`,
    invalid: (n) =>
      `${n.count} bản ghi không hợp lệ không được tính (kết quả ${n.results}, kế hoạch khắc phục ${n.remediation}, ý kiến góp ý ${n.feedback})` +
      `${n.notRated ? `; ${n.notRated} đối tượng không xếp loại được do dữ liệu không hợp lệ` : ''}.`,
  },
  batch: {
    workerStopped: (reason) => `luồng xử lý đã dừng: ${reason}`,
    exitCode: (code) => `mã thoát ${code}`,
    outDir: (dir, why) => `không ghi được vào thư mục ${dir} (${why})`,
    poolFull: (limit) => `hàng đợi in đã đầy (${limit} văn bản đang chờ); vui lòng thử lại sau`,
    poolClosed: 'nhóm luồng in đã đóng',
    format: (value) => `format: "${value}" không phải định dạng renderBatch ghi được (pdf hoặc docx)`,
  },
  acceleration: {
    noWorker: 'không luồng xử lý nào được khởi động (không có văn bản nào để in)',
    loaded: 'pdfkit đã được nạp trong luồng xử lý trước khi cài các phần tăng tốc',
    failed: (error) => `không cài được các phần tăng tốc: ${error}`,
    version: (name, installed, expected) => `đang cài ${name} ${installed ?? '(không rõ phiên bản)'}; các phần tăng tốc được viết cho ${expected}`,
    warning: (reason) => `renderBatch: các luồng xử lý in bằng pdfmake nguyên bản (PDF như nhau, chậm hơn): ${reason}`,
  },
};

/** The Party's documents are Vietnamese in every report (HD 36-HD/VPTW layout, the official forms). */
export const party: PartyWords = {
  party: 'ĐẢNG CỘNG SẢN VIỆT NAM',
  recipients: 'Nơi nhận:',
  placeAndDate: (place, day, month, year) => `${place}, ngày ${day} tháng ${month} năm ${year}`,
  documentNumber: (number, type, issuer) => `Số ${number}-${type}/${issuer}`,
  year: (year) => `Năm ${year}`,
  titleOfYear: (title, year) => `${title} năm ${year}`,
  signNote: '(Ký, ghi rõ họ tên)',
  rowNumber: 'TT',
  checklistHead: ['Điều', 'Nội dung', 'Tự đánh giá', 'Ghi chú'],
  articlePrefix: /^Điều \d+\.\s*/,
  yes: 'Có',
  no: 'Không',
  plainContent: 'Nội dung',
  onBehalf: 'T/M',
};
