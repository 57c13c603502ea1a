/** CLI wording in Vietnamese (default) and English. */
import type { Lang } from '@kiemdiem/rules';

const vi = {
  usage: `Cách dùng: kiemdiem <lệnh> [tùy chọn]

Lệnh:
  rate --input FILE [--regulation ID] [--overlay FILE] [--format json|table|jsonl] [--workers N] [--engine compiled|reference] [--lang vi|en]
      Xếp loại chất lượng các đối tượng trong FILE (mảng JSON, hoặc JSONL: mỗi dòng một đối tượng; - là stdin).
      --format jsonl đọc và ghi từng dòng (mỗi dòng vào một dòng ra, cuối cùng một dòng quota và counts),
      --workers N chạy trên N luồng; bộ nhớ không tăng theo kích thước tệp.
  test FILE... [--regulation ID] [--engine compiled|reference] [--lang vi|en] [--verbose]
      Chạy các ca kiểm thử (YAML hoặc JSON) của bộ quy tắc.
  diff --from ID --to ID [--input FILE] [--format json|md|pdf] [--out FILE.pdf] [--lang vi|en]
      So sánh hai quy định: quy tắc, tham số và (với --input) ai đổi mức xếp loại, vì sao.
      ID có thể kèm hướng dẫn địa phương: qd-366-2025+overlay.json
  regulations [--format json|table] [--lang vi|en]
      Liệt kê các bộ quy tắc (quy định) có sẵn.
  forms list [--format json|table] | forms schema ID [--context FILE] [--ui jsonforms|rjsf] | forms example ID
      Các mẫu biểu: danh sách, JSON Schema (theo ngữ cảnh), UI schema, văn bản mẫu.
  validate --form ID --input FILE [--context FILE] [--format json|table] [--lang vi|en]
      Kiểm tra một văn bản theo mẫu (mã thoát 0 hợp lệ, 1 không hợp lệ).
  render --form ID --input FILE --out FILE.pdf | render-batch --form ID --input FILE --out-dir DIR [--workers N]
      In văn bản theo thể thức của Đảng (PDF), một hoặc nhiều văn bản (mảng JSON hoặc JSONL).
  summary --input RESULTS.json --out FILE.pdf [--unit TÊN|FILE] [--date YYYY-MM-DD]
      Danh sách tổng hợp xếp loại (PDF) từ kết quả của "kiemdiem rate --format json".
  plan --input PLAN.json [--regulation ID] [--overlay FILE] [--format json|table] [--lang vi|en]
      Kiểm tra kế hoạch kiểm điểm: thứ tự kiểm điểm, gửi dự thảo trước ít nhất 03 ngày làm việc, thời gian
      hội nghị, hạn hoàn thành và hạn gửi hồ sơ lên cấp trên (mã thoát 1 khi có lỗi, 2 khi kế hoạch sai định dạng).
  rollup --input RESULTS.json --hierarchy UNITS.json [--remediation FILE] [--feedback FILE] [--format json|pdf] [--out FILE] [--unit TÊN|FILE] [--date YYYY-MM-DD] [--lang vi|en]
      Thống kê tổng hợp theo hệ thống tổ chức (chi bộ → đảng bộ cơ sở → huyện/khối → tỉnh): số lượng, tỷ lệ từng mức
      xếp loại theo đơn vị và đối tượng, tỷ lệ HTXSNV theo nhóm, kế hoạch khắc phục, ý kiến góp ý (JSON hoặc PDF);
      mã thoát 1 khi có bản ghi không hợp lệ hoặc không thuộc đơn vị nào, 2 khi hệ thống tổ chức sai (vòng lặp …).
  feedback --input FEEDBACK.json [--categories FILE] [--format json|table] [--lang vi|en]
      Tổng hợp ý kiến góp ý theo lĩnh vực, theo đối tượng được góp ý, đã/chưa tiếp thu, giải trình (mã thoát 1 khi có ý kiến không hợp lệ).
  remediation --input PLANS.json [--subjects SUBJECTS.json] [--format json|table] [--lang vi|en]
      Tình hình thực hiện kế hoạch khắc phục: số nội dung đã / đang / chưa khắc phục, đã khắc phục 100 % hay chưa;
      với --subjects, in các đối tượng kèm "shortcomings" lấy từ kế hoạch năm trước để đưa vào rate --input -
      (mã thoát 1 khi có kế hoạch không hợp lệ).

Với rate, test và plan, --overlay FILE (lặp lại được) áp dụng hướng dẫn địa phương lên bộ quy tắc.

Mã thoát: 0 thành công; 1 có đối tượng không hợp lệ, ca kiểm thử sai hoặc kế hoạch kiểm điểm có lỗi;
2 lỗi cách dùng (tùy chọn lạ, không đọc được tệp, quy định không có) hoặc kế hoạch sai định dạng; 3 lỗi nội bộ.`,
  unknownCommand: (c: string) => `Lệnh không hợp lệ: "${c}"`,
  badFlag: (m: string) => `Tùy chọn không hợp lệ: ${m}`,
  missingInput: 'Thiếu --input FILE',
  missingFromTo: 'Cần cả --from ID và --to ID',
  missingFormId: 'Cần mã mẫu (ví dụ hd43-2025/02b)',
  unknownForm: (id: string, known: string[]) => `Không có mẫu "${id}". Các mẫu hiện có: ${known.join(', ')}`,
  unknownFormsCommand: (c: string) => `Lệnh forms không hợp lệ: "${c}" (dùng list, schema, example)`,
  badContext: (file: string) => `Tệp ngữ cảnh ${file} phải chứa một đối tượng JSON`,
  badChoice: (flag: string, value: string, allowed: string[]) => `Giá trị "${value}" của ${flag} không hợp lệ; chọn một trong: ${allowed.join(', ')}`,
  unreadable: (file: string, why: string) => `Không đọc được tệp ${file}: ${why}`,
  badJson: (file: string, why: string) => `Tệp ${file} không phải JSON hợp lệ: ${why}`,
  badYaml: (file: string, why: string) => `Tệp ${file} không phải YAML/JSON hợp lệ: ${why}`,
  notArray: (file: string) => `Tệp ${file} phải chứa một mảng JSON các đối tượng`,
  noFiles: 'Cần ít nhất một tệp ca kiểm thử',
  invalidSummary: (n: number, total: number) => `${n}/${total} đối tượng không hợp lệ (xem "errors")`,
  invalidLines: (n: number, total: number) => `${n}/${total} dòng không hợp lệ (các dòng có "errors")`,
  badJsonLine: (why: string) => `Dòng không phải JSON hợp lệ: ${why}`,
  lineTooLong: (max: number) => `Dòng dài quá ${Math.round(max / 1048576)} MB: không phải một đối tượng, đã bỏ qua`,
  badWorkers: (value: string) => `Giá trị "${value}" của --workers không hợp lệ; cần một số nguyên từ 1 đến 64`,
  internal: (m: string) => `Lỗi nội bộ của kiemdiem: ${m}. Vui lòng báo lỗi kèm tệp đầu vào.`,
  planInvalid: (file: string, n: number) => `Kế hoạch ${file} không hợp lệ (${n} lỗi định dạng):`,
  planFailed: (errors: number, warnings: number) => `Kế hoạch chưa đạt yêu cầu: ${errors} lỗi, ${warnings} cảnh báo`,
};

const en: typeof vi = {
  usage: `Usage: kiemdiem <command> [options]

Commands:
  rate --input FILE [--regulation ID] [--overlay FILE] [--format json|table|jsonl] [--workers N] [--engine compiled|reference] [--lang vi|en]
      Rate the subjects in FILE (a JSON array, or JSONL: one subject per line; - for stdin).
      --format jsonl reads and writes line by line (one output line per input line, then a line with the
      quota and counts); --workers N uses N threads; memory does not grow with the file.
  test FILE... [--regulation ID] [--engine compiled|reference] [--lang vi|en] [--verbose]
      Run rule-pack test cases (YAML or JSON).
  diff --from ID --to ID [--input FILE] [--format json|md|pdf] [--out FILE.pdf] [--lang vi|en]
      Compare two regulations: rules, parameters and (with --input) who changes rating, and why.
      An ID may carry local overlays: qd-366-2025+overlay.json
  regulations [--format json|table] [--lang vi|en]
      List the rule packs (regulations) available.
  forms list [--format json|table] | forms schema ID [--context FILE] [--ui jsonforms|rjsf] | forms example ID
      The forms: catalogue, JSON Schema (for a context), UI schema, example document.
  validate --form ID --input FILE [--context FILE] [--format json|table] [--lang vi|en]
      Check a document against a form (exit 0 valid, 1 invalid).
  render --form ID --input FILE --out FILE.pdf | render-batch --form ID --input FILE --out-dir DIR [--workers N]
      Print documents in the Party layout (PDF), one or many (JSON array or JSONL).
  summary --input RESULTS.json --out FILE.pdf [--unit NAME|FILE] [--date YYYY-MM-DD]
      The rating summary list (PDF) from the output of "kiemdiem rate --format json".
  plan --input PLAN.json [--regulation ID] [--overlay FILE] [--format json|table] [--lang vi|en]
      Check a review plan: order of reviews, drafts sent at least 03 working days ahead, meeting length,
      finishing and filing deadlines (exit 1 when it breaks a rule, 2 when the plan is malformed).
  rollup --input RESULTS.json --hierarchy UNITS.json [--remediation FILE] [--feedback FILE] [--format json|pdf] [--out FILE] [--unit NAME|FILE] [--date YYYY-MM-DD] [--lang vi|en]
      Roll-up statistics up the hierarchy of units (cell → grassroots → district/bloc → province): counts and
      shares per level by unit and audience, the HTXSNV quota per group, remediation plans, feedback (JSON or PDF);
      exit 1 when a record is invalid or in no unit, 2 when the hierarchy is broken (cycle …).
  feedback --input FEEDBACK.json [--categories FILE] [--format json|table] [--lang vi|en]
      Tally feedback by category and by the person or collective concerned, answered or not (exit 1 for invalid records).
  remediation --input PLANS.json [--subjects SUBJECTS.json] [--format json|table] [--lang vi|en]
      How remediation plans stand: items done / in progress / not done, and whether 100 % are remedied; with
      --subjects, prints the subjects with "shortcomings" from last year's plans, for rate --input -
      (exit 1 for invalid plans).

With rate, test and plan, --overlay FILE (repeatable) applies local guidance on top of the pack.

Exit codes: 0 success; 1 some subject invalid, some test case failed or the review plan breaks a rule;
2 usage error (unknown flag, unreadable file, unknown regulation) or a malformed review plan; 3 internal error.`,
  unknownCommand: (c) => `Unknown command: "${c}"`,
  badFlag: (m) => `Invalid option: ${m}`,
  missingInput: 'Missing --input FILE',
  missingFromTo: 'Give both --from ID and --to ID',
  missingFormId: 'Give a form id (e.g. hd43-2025/02b)',
  unknownForm: (id, known) => `No form "${id}". Available: ${known.join(', ')}`,
  unknownFormsCommand: (c) => `Invalid forms command: "${c}" (use list, schema, example)`,
  badContext: (file) => `The context file ${file} must hold a JSON object`,
  badChoice: (flag, value, allowed) => `Invalid value "${value}" for ${flag}; choose one of: ${allowed.join(', ')}`,
  unreadable: (file, why) => `Cannot read ${file}: ${why}`,
  badJson: (file, why) => `${file} is not valid JSON: ${why}`,
  badYaml: (file, why) => `${file} is not valid YAML/JSON: ${why}`,
  notArray: (file) => `${file} must hold a JSON array of subjects`,
  noFiles: 'Give at least one test-case file',
  invalidSummary: (n, total) => `${n}/${total} subjects invalid (see "errors")`,
  invalidLines: (n, total) => `${n}/${total} lines invalid (the lines with "errors")`,
  badJsonLine: (why) => `Line is not valid JSON: ${why}`,
  lineTooLong: (max) => `Line longer than ${Math.round(max / 1048576)} MB: not a subject, skipped`,
  badWorkers: (value) => `Invalid value "${value}" for --workers; expected a whole number from 1 to 64`,
  internal: (m) => `Internal error in kiemdiem: ${m}. Please report it with the input file.`,
  planInvalid: (file, n) => `The plan ${file} is malformed (${n} problem(s)):`,
  planFailed: (errors, warnings) => `The plan does not meet the rules: ${errors} error(s), ${warnings} warning(s)`,
};

export type Messages = typeof vi;
export function messages(lang: Lang): Messages {
  return lang === 'en' ? en : vi;
}
