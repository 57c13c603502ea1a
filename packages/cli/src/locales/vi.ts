/** Tiếng Việt: the default language of every message, table and help text. */
import { locale } from '@kiemdiem/rules';
import { numberFormat } from './format';
import type { Locale } from './types';

const rules = locale('vi');

// Flag help several commands share.
const input = {
  subjects: 'Các đối tượng: mảng JSON, hoặc JSONL (.jsonl, .ndjson; mỗi dòng một đối tượng); - là stdin',
  results: 'Kết quả của "kiemdiem rate --format json"',
  document: 'Văn bản (JSON)',
};
const regulation = 'Bộ quy tắc (quy định) áp dụng; mặc định theo kỳ đánh giá';
const overlay = 'Hướng dẫn địa phương (tệp JSON) áp dụng lên bộ quy tắc';
const engine = 'Bộ máy đánh giá: compiled, hoặc reference (json-rules-engine) để đối chiếu';
const jsonTable = 'json cho máy, table cho người đọc';
const form = 'Mã mẫu, ví dụ hd43-2025/02b (xem "kiemdiem forms list")';
const missingFormId = 'Cần mã mẫu (ví dụ hd43-2025/02b)';
const context = 'Ngữ cảnh của văn bản (tệp JSON): audience, reviewSuggestions, shortcomings, period';
const docxFormat = 'pdf, hoặc docx (Word, sửa được); mặc định theo đuôi của --out (.docx là docx), không thì pdf';
const pdfOut = 'Tệp PDF hoặc .docx sẽ ghi (- là stdout); không được là tệp đầu vào';
const unit = 'Tên cơ quan ban hành, hoặc tệp JSON { "superior"?, "issuer", "place", "signer"? }';

export const vi: Locale = {
  lang: 'vi',
  ...numberFormat(','),
  audience: (r) => rules.audiences[r.kind === 'collective' ? 'collective' : (r.audience ?? 'non-leader')],
  provenance: (p) => rules.provenance[p],
  rounding: (r) => rules.rounding[r],

  unknownCommand: (c) => `Lệnh không hợp lệ: "${c}"`,
  badFlag: (m) => `Tùy chọn không hợp lệ: ${m}`,
  missing: (flag, arg) => `Thiếu ${flag} ${arg}`,
  badChoice: (flag, value, allowed) => `Giá trị "${value}" của ${flag} không hợp lệ; chọn một trong: ${allowed.join(', ')}`,
  badInteger: (flag, value, min, max) =>
    `Giá trị "${value}" của ${flag} không hợp lệ; cần một số nguyên${min !== undefined && max !== undefined ? ` từ ${min} đến ${max}` : min !== undefined ? ` từ ${min} trở lên` : ''}`,
  badDate: (value) => `Ngày "${value}" không hợp lệ: dùng dạng YYYY-MM-DD`,
  missingFormId,
  unknownForm: (id, known) => `Không có mẫu "${id}". Các mẫu hiện có: ${known.join(', ')}`,
  unknownFormsCommand: (c) => `Lệnh forms không hợp lệ: "${c}" (dùng list, schema, example)`,
  badContext: (file) => `Tệp ngữ cảnh ${file} phải chứa một đối tượng JSON`,
  unreadable: (file, why) => `Không đọc được tệp ${file}: ${why}`,
  // Both languages, as before the locale module: scripts may match either.
  notFound: 'không tồn tại / not found',
  badJson: (file, why) => `Tệp ${file} không phải JSON hợp lệ: ${why}`,
  badYaml: (file, why) => `Tệp ${file} không phải YAML/JSON hợp lệ: ${why}`,
  notArray: (file) => `Tệp ${file} phải chứa một mảng JSON các đối tượng`,
  noFiles: 'Cần ít nhất một tệp ca kiểm thử',
  invalidSummary: (n, total) => `${n}/${total} đối tượng không hợp lệ (xem "errors")`,
  invalidLines: (n, total) => `${n}/${total} dòng không hợp lệ (các dòng có "errors")`,
  badJsonLine: (why) => `Dòng không phải JSON hợp lệ: ${why}`,
  lineTooLong: (max) => `Dòng dài quá ${Math.round(max / 1048576)} MB: không phải một đối tượng, đã bỏ qua`,
  internal: (m) => `Lỗi nội bộ của kiemdiem: ${m}. Vui lòng báo lỗi kèm tệp đầu vào.`,
  fsCodes: {
    EACCES: 'không có quyền truy cập',
    EPERM: 'không được phép',
    ENOTDIR: 'một phần của đường dẫn không phải thư mục',
    EISDIR: 'là một thư mục',
    EROFS: 'hệ thống tệp chỉ đọc',
    ENOSPC: 'hết chỗ trên đĩa',
    EEXIST: 'đã tồn tại',
    ELOOP: 'quá nhiều liên kết tượng trưng',
    ENAMETOOLONG: 'tên quá dài',
  },
  unwritable: (file, why) => `Không ghi được tệp ${file}: ${why}`,
  sameAsInput: (out, input) => `--out ${out} là tệp đầu vào ${input}: chọn một tệp khác để không ghi đè dữ liệu đầu vào`,
  binaryToTerminal: 'Không in PDF ra màn hình: chuyển --out - sang một tệp hoặc một lệnh khác (> tep.pdf, | lệnh)',
  badEncodingLine: 'Dòng không phải UTF-8 hợp lệ (bad-encoding): hãy lưu tệp dưới dạng UTF-8',
  badEncodingFile: (file, encoding) => `Tệp ${file} được mã hóa ${encoding}, không phải UTF-8 (bad-encoding): hãy lưu lại dưới dạng UTF-8`,
  badEncodingAt: (where) => `Tệp ${where} không phải UTF-8 hợp lệ (bad-encoding): hãy lưu lại dưới dạng UTF-8`,
  notRated: (why) => `Không xếp loại được bản ghi này: ${why}`,
  arrayNotLines: (file) => `--format jsonl đọc JSON Lines (mỗi dòng một đối tượng), nhưng ${file} là một mảng JSON: dùng --format json hoặc table`,
  planInvalid: (file, n) => `Kế hoạch ${file} không hợp lệ (${n} lỗi định dạng):`,
  planFailed: (errors, warnings) => `Kế hoạch chưa đạt yêu cầu: ${errors} lỗi, ${warnings} cảnh báo`,
  localGuidance: (overlay) => `hướng dẫn địa phương ${overlay}`,

  help: {
    usage: 'Cách dùng:',
    synopsis: '<lệnh> [tùy chọn]',
    commands: 'Lệnh:',
    options: 'Tùy chọn:',
    common: 'Tùy chọn chung:',
    default: (value) => `mặc định: ${value}`,
    required: 'bắt buộc',
    repeatable: 'lặp lại được',
    integer: (min, max) => (min !== undefined && max !== undefined ? `số nguyên từ ${min} đến ${max}` : 'số nguyên'),
    lang: 'Ngôn ngữ của kết quả và thông báo',
    help: 'In trợ giúp',
    version: 'In số phiên bản',
    overlayNote: (commands) =>
      `Với ${commands.length > 1 ? `${commands.slice(0, -1).join(', ')} và ${commands.at(-1)}` : commands.join('')}, --overlay FILE (lặp lại được) áp dụng hướng dẫn địa phương lên bộ quy tắc.`,
    more: '"kiemdiem <lệnh> --help" in các tùy chọn của một lệnh.',
    exitCodes: [
      'Mã thoát: 0 thành công; 1 có đối tượng không hợp lệ, ca kiểm thử sai hoặc kế hoạch kiểm điểm có lỗi;',
      '2 lỗi cách dùng (tùy chọn lạ, không đọc hoặc không ghi được tệp, quy định không có) hoặc kế hoạch sai định dạng;',
      '3 lỗi nội bộ.',
    ],
  },

  commands: {
    rate: {
      summary: 'Xếp loại chất lượng các đối tượng trong FILE (mảng JSON, hoặc JSONL: mỗi dòng một đối tượng; - là stdin).',
      details: [
        '--format jsonl đọc và ghi từng dòng (mỗi dòng vào một dòng ra, cuối cùng một dòng quota và counts),',
        '--workers N chạy trên N luồng; bộ nhớ không tăng theo kích thước tệp.',
        `Trạng thái for-decision ("${rules.statuses['for-decision']}"): quy định giao trường hợp`,
        'cho cấp có thẩm quyền; level là null, decision.without là mức xếp loại nếu không tính các trường hợp',
        'đó. Đây là kết quả hợp lệ (mã thoát 0).',
      ],
      flags: {
        input: `${input.subjects}; hoặc danh sách trong bảng tính .xlsx, .csv (cột tiếng Việt, xem docs/sheets.md và "kiemdiem template")`,
        'input-format': 'Định dạng của --input khi phần mở rộng của tệp không cho biết (json, jsonl, xlsx, csv)',
        sheet: 'Trang tính cần đọc (.xlsx); mặc định trang hiện đầu tiên',
        columns: 'Tệp JSON ánh xạ tiêu đề cột của đơn vị sang trường của đối tượng: {"Điểm phần B1": "score.common"}',
        regulation,
        overlay,
        format: 'json cho máy, table cho người đọc, jsonl đọc và ghi từng dòng, xlsx (Excel) cùng --out',
        out: 'Tệp ghi kết quả (bắt buộc với --format xlsx: trang kết quả, lý do và căn cứ, lỗi); - là stdout',
        engine,
        workers: 'Số luồng cho --format jsonl',
        'exceptional-group': 'Nhóm (như "group" của đối tượng) mà cấp có thẩm quyền quyết định có thành tích xuất sắc, nổi trội: tỷ lệ HTXSNV của nhóm theo tỷ lệ ngoại lệ của quy định (quota.ratio.exceptional)',
      },
      args: { 'exceptional-group': 'TÊN', sheet: 'TÊN', columns: 'TỆP' },
    },
    template: {
      summary: 'Ghi mẫu danh sách đảng viên trống (FILE.xlsx) để điền rồi xếp loại bằng "kiemdiem rate --input FILE.xlsx".',
      details: [
        'Dòng tiêu đề cố định, danh sách chọn cho Đối tượng, Kỷ luật và mức xếp loại, khoảng số cho điểm và số nhiệm vụ,',
        'trang "Hướng dẫn" giải thích từng cột. --lang en: tiêu đề là tên trường tiếng Anh (score.common, …).',
      ],
      flags: {},
    },
    test: {
      summary: 'Chạy các ca kiểm thử (YAML hoặc JSON) của bộ quy tắc.',
      details: [
        'In một dòng cho mỗi ca sai, cuối cùng "N ca đạt, N ca sai" (--lang en: "N passed, N failed").',
        'Mã thoát 1 khi có ca sai; 2 khi tệp không có ca nào, ca ghi quy định không có,',
        'hoặc mức/trạng thái mong đợi không tồn tại.',
      ],
      flags: {
        regulation: 'Bộ quy tắc cho các ca không ghi regulation',
        overlay,
        engine,
        verbose: 'In cả các ca đạt (✓)',
      },
    },
    diff: {
      summary: 'So sánh hai quy định: quy tắc, tham số và (với --input) ai đổi mức xếp loại, vì sao.',
      details: [
        'ID có thể kèm hướng dẫn địa phương: qd-366-2025+overlay.json',
        'Mã thoát 1 khi có đối tượng không hợp lệ (liệt kê trên stderr, có trong "impact.errors").',
      ],
      flags: {
        from: 'Quy định trước (ID hoặc ID+OVERLAY.json)',
        to: 'Quy định sau (ID hoặc ID+OVERLAY.json)',
        input: 'Các đối tượng (mảng JSON) để xem ai đổi mức xếp loại',
        format: 'json, md (Markdown), hoặc pdf, xlsx (Excel) cùng --out',
        out: 'Tệp ghi kết quả (bắt buộc với --format pdf và xlsx); - là stdout',
      },
      missing: { from: 'Cần cả --from ID và --to ID', to: 'Cần cả --from ID và --to ID' },
    },
    regulations: {
      summary: 'Liệt kê các bộ quy tắc (quy định) có sẵn.',
      flags: { format: 'table cho người đọc, json cho máy' },
    },
    forms: {
      summary: 'Các mẫu biểu: danh sách, JSON Schema (theo ngữ cảnh), UI schema, văn bản mẫu.',
      details: [
        'forms list: danh sách các mẫu; forms schema ID: JSON Schema của mẫu (với --ui: UI schema);',
        'forms example ID: một văn bản mẫu đã điền (JSON).',
      ],
      flags: {
        context,
        ui: 'In UI schema cho JSON Forms (jsonforms) hoặc react-jsonschema-form (rjsf) thay cho JSON Schema',
        format: 'Định dạng của forms list',
      },
    },
    validate: {
      summary: 'Kiểm tra một văn bản theo mẫu (mã thoát 0 hợp lệ, 1 không hợp lệ).',
      flags: { form, input: input.document, context, format: jsonTable },
      missing: { form: missingFormId },
    },
    render: {
      summary: 'In một văn bản theo thể thức của Đảng (PDF, hoặc Word .docx để sửa tiếp).',
      flags: { form, input: input.document, out: pdfOut, format: docxFormat },
      args: { out: 'FILE.pdf|FILE.docx' },
      missing: { form: missingFormId },
    },
    'render-batch': {
      summary: 'In nhiều văn bản (mảng JSON hoặc JSONL) theo thể thức của Đảng, mỗi văn bản một tệp PDF.',
      details: [
        'Chạy trên nhiều luồng, có thanh tiến độ trên stderr khi là terminal (mã thoát 1 khi có văn bản lỗi).',
        'Ghi DIR/manifest.json: mỗi văn bản đầu vào (thứ tự, id) với tệp PDF (.docx) hoặc lỗi của nó; mã thoát 2 khi không ghi được vào DIR.',
      ],
      flags: {
        form,
        input: 'Các văn bản: mảng JSON, hoặc JSONL (mỗi dòng một văn bản)',
        'out-dir': 'Thư mục ghi các tệp PDF (hoặc .docx)',
        workers: 'Số luồng; mặc định bằng số lõi CPU',
        format: 'pdf (mặc định), hoặc docx: mỗi văn bản một tệp Word <id>.docx',
      },
      missing: { form: missingFormId },
    },
    summary: {
      summary: 'Danh sách tổng hợp xếp loại (PDF, Word .docx hoặc Excel .xlsx) từ kết quả của "kiemdiem rate --format json".',
      details: ['Đối tượng không hợp lệ trong tệp kết quả không có trong danh sách: liệt kê trên stderr, mã thoát 1.'],
      flags: {
        input: input.results,
        out: 'Tệp .pdf, .docx hoặc .xlsx sẽ ghi (- là stdout); không được là tệp đầu vào',
        format: 'pdf, docx (Word, sửa được), hoặc xlsx (danh sách theo cột của mẫu tổng hợp, tỷ lệ HTXSNV, trang lý do và căn cứ); mặc định theo đuôi của --out, không thì pdf',
        unit,
        date: 'Ngày ghi trên văn bản; mặc định 31/12 của năm xếp loại',
      },
      args: { input: 'RESULTS.json', unit: 'TÊN|FILE' },
    },
    plan: {
      summary: 'Kiểm tra kế hoạch kiểm điểm.',
      details: [
        'Thứ tự kiểm điểm, gửi dự thảo trước ít nhất 03 ngày làm việc, thời gian hội nghị, hạn hoàn thành và hạn gửi',
        'hồ sơ lên cấp trên (mã thoát 1 khi có lỗi, 2 khi kế hoạch sai định dạng).',
      ],
      flags: {
        input: 'Kế hoạch kiểm điểm (JSON)',
        regulation: 'Bộ quy tắc (quy định) áp dụng; mặc định theo năm của kế hoạch',
        overlay,
        format: jsonTable,
      },
      args: { input: 'PLAN.json' },
    },
    rollup: {
      summary: 'Thống kê tổng hợp theo hệ thống tổ chức (chi bộ → đảng bộ cơ sở → huyện/khối → tỉnh).',
      details: [
        'Số lượng, tỷ lệ từng mức xếp loại theo đơn vị và đối tượng, tỷ lệ HTXSNV theo nhóm, kế hoạch khắc phục,',
        'ý kiến góp ý (JSON hoặc PDF); mã thoát 1 khi có bản ghi không hợp lệ hoặc không thuộc đơn vị nào,',
        '2 khi hệ thống tổ chức sai (vòng lặp …).',
      ],
      flags: {
        input: `${input.results}, hoặc một mảng kết quả`,
        hierarchy: 'Hệ thống tổ chức: mảng đơn vị, hoặc { "units": [...] }',
        remediation: 'Kế hoạch khắc phục (như remediation --input)',
        feedback: 'Ý kiến góp ý (như feedback --input)',
        format: 'json, hoặc pdf, docx (Word), xlsx (Excel) cùng --out',
        out: 'Tệp ghi kết quả; không có (hoặc -) thì JSON ra stdout',
        unit,
        date: 'Ngày ghi trên báo cáo PDF',
      },
      args: { input: 'RESULTS.json', unit: 'TÊN|FILE' },
    },
    feedback: {
      summary: 'Tổng hợp ý kiến góp ý theo lĩnh vực, theo đối tượng được góp ý, đã/chưa tiếp thu, giải trình.',
      details: ['Mã thoát 1 khi có ý kiến không hợp lệ (không được tính).'],
      flags: {
        input: 'Ý kiến góp ý: mảng, hoặc { "records": [...], "categories"?: ... }',
        categories: 'Danh mục lĩnh vực thay cho danh mục mặc định',
        format: 'table cho người đọc, json cho máy',
      },
      args: { input: 'FEEDBACK.json' },
    },
    remediation: {
      summary: 'Tình hình thực hiện kế hoạch khắc phục: số nội dung đã / đang / chưa khắc phục, đã khắc phục 100 % hay chưa.',
      details: [
        'Với --subjects, in các đối tượng kèm "shortcomings" lấy từ kế hoạch năm trước để đưa vào rate --input -',
        '(mã thoát 1 khi có kế hoạch không hợp lệ).',
      ],
      flags: {
        input: 'Kế hoạch khắc phục: mảng, hoặc { "plans": [...] }',
        subjects: 'Các đối tượng (JSON hoặc JSONL) cần thêm "shortcomings"',
        format: 'table cho người đọc, json cho máy',
      },
      args: { input: 'PLANS.json', subjects: 'SUBJECTS.json' },
    },
    serve: {
      summary: 'Chạy kiemdiem như một dịch vụ HTTP (JSON, hợp đồng OpenAPI tại /openapi.json) cho cổng thông tin viết bằng ngôn ngữ khác.',
      details: [
        'Dừng khi nhận SIGTERM hoặc SIGINT, sau khi các yêu cầu đang xử lý đã xong. Mã truy cập: biến môi trường',
        'KIEMDIEM_TOKENS (cách nhau bởi dấu phẩy) hoặc --tokens-file; không có mã thì không cần xác thực. Xem docs/server.md.',
      ],
      flags: {
        port: 'Cổng lắng nghe; 0 chọn một cổng còn trống',
        host: 'Địa chỉ lắng nghe (0.0.0.0 để nhận từ máy khác)',
        'tokens-file': 'Tệp các mã truy cập (Bearer), mỗi dòng một mã',
        'cors-origin': 'Nguồn (origin) được phép gọi từ trình duyệt; lặp lại cho nhiều nguồn',
        'pdf-workers': 'Số luồng in PDF',
        'body-limit': 'Kích thước tối đa của nội dung JSON một yêu cầu (MB)',
      },
      args: { 'tokens-file': 'TỆP' },
    },
  },

  rate: {
    title: (periods, regulations) => `KẾT QUẢ XẾP LOẠI CHẤT LƯỢNG — ${periods} — ${regulations}`,
    headers: ['STT', 'Mã', 'Họ tên / Tập thể', 'Đối tượng', 'Tổng điểm', 'Xếp loại'],
    reasons: 'LÝ DO (✓ đạt, ✗ chưa đạt, • áp dụng, ○ đã tắt)',
    quota: 'TỶ LỆ HOÀN THÀNH XUẤT SẮC NHIỆM VỤ THEO NHÓM',
    over: (max) => `VƯỢT tỷ lệ: cấp có thẩm quyền xem xét, quyết định (tối đa giữ được ${max})`,
    within: 'trong tỷ lệ',
    quotaLine: (q) =>
      `- Nhóm ${q.group} (${q.period}${q.exceptional ? `, tỷ lệ ngoại lệ ${q.percent} do cấp có thẩm quyền quyết định` : ''}): HTXSNV ${q.excellent}, HTTNV ${q.good}, được phép ${q.allowed} (${q.percent} × ${q.good}, ${q.rounding}) → ${q.verdict}`,
    summary: 'TỔNG HỢP',
    without: (level) => `(nếu không tính các trường hợp chuyển: ${level ?? 'không đạt mức nào'})`,
    notRated: 'Không kiểm điểm / không xếp loại',
    invalid: 'ĐỐI TƯỢNG KHÔNG HỢP LỆ',
    emptyGroup: '--exceptional-group cần tên nhóm (như "group" của đối tượng)',
    unusedGroup: (g) => `Lưu ý: nhóm "${g}" (--exceptional-group) không áp dụng tỷ lệ ngoại lệ: không có đối tượng nào thuộc nhóm này, hoặc quy định không có tỷ lệ ngoại lệ`,
  },
  sheets: {
    columnsNotObject: (file) => `Tệp ${file} (--columns) phải chứa một đối tượng JSON: {"tiêu đề cột": "trường", …}`,
    templateFile: 'Cần đúng một tệp: kiemdiem template FILE.xlsx',
    templateExtension: (file) => `Tệp mẫu phải có phần mở rộng .xlsx: ${file}`,
    templateWritten: (file) => `Đã ghi mẫu danh sách: ${file}`,
    jsonlOutput: '--format jsonl đọc JSON Lines; với bảng tính dùng --format json hoặc table',
  },
  plan: {
    title: 'KIỂM TRA KẾ HOẠCH KIỂM ĐIỂM',
    year: (year) => `năm ${year}`,
    none: 'Không phát hiện vi phạm nào.',
    findings: 'PHÁT HIỆN (✗ lỗi, ! cảnh báo)',
    summary: 'TỔNG HỢP',
    counts: (errors, warnings) => `- Lỗi: ${errors}; cảnh báo: ${warnings}`,
    result: (ok) => `- Kết luận: ${ok ? 'kế hoạch đạt yêu cầu' : 'kế hoạch chưa đạt yêu cầu'}`,
    field: (path) => `(trường ${path})`,
  },
  rollup: {
    notResults: (file) => `Tệp ${file} phải chứa kết quả của "kiemdiem rate --format json" (đối tượng có "results") hoặc một mảng kết quả`,
    notPlans: (file) => `Tệp ${file} phải chứa một mảng kế hoạch khắc phục, hoặc một đối tượng { "plans": [...] }`,
    problems: (invalid, unplaced) => `${invalid} bản ghi không hợp lệ, ${unplaced} bản ghi không thuộc đơn vị nào trong hệ thống tổ chức (xem "errors", "unplaced")`,
    written: (file, units) => `Đã ghi ${file} (${units} đơn vị)`,
  },
  remediation: {
    notPlans: (file) => `Tệp ${file} phải chứa một mảng kế hoạch khắc phục, hoặc một đối tượng { "plans": [...] }`,
    head: ['Kế hoạch', 'Đối tượng', 'Năm', 'Số nội dung', 'Đã', 'Đang', 'Chưa', 'Chưa báo cáo', 'Tỷ lệ đã khắc phục'],
    total: 'Tổng',
    basis: 'Điều kiện "khắc phục 100 %"',
    invalid: (n, total) => `${n}/${total} kế hoạch không hợp lệ, không được tính:`,
    notSubjects: (file) => `Tệp ${file} phải chứa một mảng đối tượng đánh giá`,
  },
  summary: {
    notResults: (file) => `Tệp ${file} không phải kết quả của "kiemdiem rate --format json": cần một đối tượng có "results" là mảng kết quả (mỗi kết quả có id, status, kind, period, reasons)`,
    badResult: (file, i, why) => `Tệp ${file}: kết quả thứ ${i + 1} không hợp lệ (${why})`,
    // As before the locale module (the other reasons are field names).
    notObject: 'not an object',
    badUnit: (file) => `Tệp đơn vị ${file} phải chứa một đối tượng JSON có "issuer" và "place" (chuỗi), tùy chọn "superior" và "signer": { "authority", "post", "name" }`,
    unwritable: (file, why) => `Không ghi được tệp ${file}: ${why}`,
    written: (file, n) => `Đã ghi ${file} (${n} đối tượng)`,
    invalidSkipped: (n) => `${n} đối tượng không hợp lệ trong tệp kết quả không có trong danh sách`,
  },
  test: {
    tally: (passed, failed) => `${passed} ca đạt, ${failed} ca sai`,
    passedCase: (name) => `✓ ${name}`,
    failedCase: (name, where, problems) => `✗ ${name} (${where}): ${problems.join('; ')}`,
    problem: (p) => {
      const list = (xs: string[]) => xs.join(', ') || 'không có';
      switch (p.kind) {
        case 'error':
          return p.message;
        case 'unknown-reading':
          return `reading: ${p.reading} không phải tham số của ${p.regulation}`;
        case 'rated-not-invalid':
          return `mong đợi lỗi dữ liệu tại ${p.paths.join(', ')}, nhưng đối tượng đã được xếp loại ${p.status}/${p.level ?? 'null'}`;
        case 'missing-error':
          return `mong đợi lỗi dữ liệu tại ${p.path}; nhận được: ${list(p.got)}`;
        case 'input-errors':
          return `lỗi dữ liệu: ${p.errors.map((x) => `${x.path}: ${x.message}`).join('; ')}`;
        case 'mismatch':
          return `${p.field}: mong đợi ${p.expected}, nhận được ${p.got ?? 'không có quyết định'}`;
        case 'not-among':
          return p.field === 'because' ? `because: ${p.rule} không có trong các lý do (${p.among.join(', ')})` : `decision.rules: ${p.rule} không có trong ${list(p.among)}`;
      }
    },
    noCases: (file) => `Tệp ${file} không có ca kiểm thử nào`,
    unknownRegulation: (file, where, reg, known) => `Tệp ${file}${where}: không có quy định "${reg}". Các quy định hiện có: ${known.join(', ')}`,
    badExpect: (file, where, value, allowed) => `Tệp ${file}${where}: giá trị "${value}" không hợp lệ; chọn một trong: ${allowed.join(', ')}`,
  },
  feedback: {
    notRecords: (file) => `Tệp ${file} phải chứa một mảng ý kiến góp ý, hoặc một đối tượng { "records": [...], "categories"?: ... }`,
    head: ['Lĩnh vực', 'Số ý kiến', 'Tỷ lệ', 'Đã trả lời', 'Chưa trả lời'],
    targetHead: ['Đối tượng được góp ý', 'Số ý kiến', 'Đã trả lời', 'Chưa trả lời'],
    total: 'Tổng',
    basis: 'Danh mục',
    invalid: (n, total) => `${n}/${total} ý kiến không hợp lệ, không được tính (xem "errors")`,
  },
  diffPdf: {
    missingOut: 'Định dạng pdf cần --out FILE.pdf',
    written: (file) => `Đã ghi ${file}`,
  },
  render: {
    notDocuments: (file) => `Tệp ${file} phải chứa một mảng JSON các văn bản, hoặc JSON Lines (mỗi dòng một văn bản)`,
    cannotWrite: (file, why) => `Không ghi được ${file}: ${why}`,
    invalidDocument: (n, kind = 'PDF') => `Văn bản không hợp lệ (${n} lỗi), không tạo ${kind}:`,
    written: (file) => `✓ Đã tạo ${file}`,
    summary: (rendered, done, failed, dir, seconds, kind = 'PDF') => `Đã tạo ${rendered}/${done} tệp ${kind} trong ${dir} (${seconds} giây)${failed ? `; ${failed} văn bản lỗi` : ''}`,
    failedHeading: (kind = 'PDF') => `Văn bản không tạo được ${kind}:`,
    nth: (n) => `văn bản thứ ${n}`,
    line: (n) => `dòng ${n}`,
    badLine: (why) => `không phải JSON hợp lệ (${why})`,
    unit: () => 'văn bản',
    failedWord: 'lỗi',
    manifest: (file) => `Bảng kê: ${file}`,
  },
  forms: {
    head: ['Mã mẫu', 'Tên', 'Căn cứ', 'Chính thức'],
    official: (official) => (official ? 'có' : 'tham khảo'),
  },
  validate: {
    valid: '✓ Hợp lệ',
    errors: (n) => `✗ ${n} lỗi`,
  },
  regulations: {
    head: ['Mã bộ quy tắc', 'Số hiệu', 'Hiệu lực từ', 'Đến', 'Tên'],
  },
  serve: {
    listening: (url, auth) => `kiemdiem đang phục vụ tại ${url}${auth ? ' (cần mã truy cập)' : ''}; hợp đồng: ${url}/openapi.json`,
  },
};
