/**
 * The words RJSF itself prints (buttons, empty lists, the error list), in Vietnamese. Keyed by RJSF's English
 * string (`TranslatableString`), so a string RJSF adds later fails the type check here instead of showing in English.
 */
import type { TranslatableString } from '@rjsf/utils';

export type RjsfStrings = Record<`${TranslatableString}`, string>;

export const RJSF_VI: RjsfStrings = {
  Item: 'Dòng',
  'Missing items definition': 'Thiếu định nghĩa các dòng',
  'No items yet. Use the button below to add some.': 'Chưa có dòng nào. Bấm nút bên dưới để thêm.',
  Yes: 'Có',
  No: 'Không',
  Close: 'Đóng',
  Errors: 'Lỗi',
  'New Value': 'Giá trị mới',
  Add: 'Thêm dòng',
  'Add Item': 'Thêm dòng',
  Copy: 'Sao chép',
  'Expand Cycle': 'Mở rộng vòng tham chiếu',
  'Move down': 'Chuyển xuống',
  'Move up': 'Chuyển lên',
  Remove: 'Xoá',
  Now: 'Bây giờ',
  Clear: 'Xoá',
  'Select a date': 'Chọn ngày',
  Preview: 'Xem trước',
  'Decrease value by 1': 'Giảm 1',
  'Increase value by 1': 'Tăng 1',
  'Add data for optional field': 'Thêm nội dung cho mục không bắt buộc',
  'Remove data for optional field': 'Xoá nội dung của mục không bắt buộc',
  'No data for optional field': 'Mục không bắt buộc chưa có nội dung',
  Type: 'Kiểu',
  Value: 'Giá trị',
  'clear input': 'xoá nội dung',
  'Unknown field type %1': 'Không rõ kiểu trường %1',
  'Option %1': 'Lựa chọn %1',
  '%1 option %2': '%1, lựa chọn %2',
  '%1 Key': 'Khoá của %1',
  '%1 (deprecated)': '%1 (không còn dùng)',
  'Circular reference ($ref cycle) detected for field "%1". You may choose to expand to the next cycle break':
    'Trường "%1" tham chiếu vòng ($ref); có thể mở rộng đến điểm ngắt tiếp theo',
  'Invalid "%1" object field configuration: _%2_.': 'Cấu hình trường "%1" không hợp lệ: _%2_.',
  'Unsupported field schema.': 'Không hỗ trợ lược đồ của trường này.',
  'Unsupported field schema for field `%1`.': 'Không hỗ trợ lược đồ của trường `%1`.',
  'Unsupported field schema: _%1_.': 'Không hỗ trợ lược đồ của trường: _%1_.',
  'Unsupported field schema for field `%1`: _%2_.': 'Không hỗ trợ lược đồ của trường `%1`: _%2_.',
  '**%1** (%2, %3 bytes)': '**%1** (%2, %3 byte)',
};

/** RJSF's words in `lang`; undefined for English, which RJSF prints itself. */
export function rjsfStrings(lang: string | undefined): RjsfStrings | undefined {
  return lang === 'en' ? undefined : RJSF_VI;
}
