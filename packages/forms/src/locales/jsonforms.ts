/**
 * The words JSON Forms and its renderers print themselves (array controls, the empty choice, confirmations), in
 * Vietnamese and English. Keyed by JSON Forms' translation keys (the last segment of an i18n key).
 */
export interface JsonFormsStrings {
  /** `label`: the table's label. */
  addTooltip(label: string): string;
  addAriaLabel(label: string): string;
  removeTooltip: string;
  removeAriaLabel: string;
  upAriaLabel: string;
  up: string;
  down: string;
  downAriaLabel: string;
  noDataMessage: string;
  noSelection: string;
  deleteDialogTitle: string;
  deleteDialogMessage: string;
  deleteDialogAccept: string;
  deleteDialogDecline: string;
  clearDialogTitle: string;
  clearDialogMessage: string;
  clearDialogAccept: string;
  clearDialogDecline: string;
  /** The empty choice of a drop-down (`enum.none`). */
  none: string;
  /** Our table renderer: "Xoá dòng 2". */
  removeRow(n: number): string;
}

export const JSONFORMS_VI: JsonFormsStrings = {
  addTooltip: (label) => (label ? `Thêm dòng vào ${label}` : 'Thêm dòng'),
  addAriaLabel: (label) => (label ? `Nút thêm dòng vào ${label}` : 'Nút thêm dòng'),
  removeTooltip: 'Xoá',
  removeAriaLabel: 'Nút xoá dòng',
  upAriaLabel: 'Chuyển dòng lên',
  up: 'Lên',
  down: 'Xuống',
  downAriaLabel: 'Chuyển dòng xuống',
  noDataMessage: 'Chưa có dòng nào.',
  noSelection: 'Chưa chọn',
  deleteDialogTitle: 'Xác nhận xoá',
  deleteDialogMessage: 'Xoá dòng này?',
  deleteDialogAccept: 'Xoá',
  deleteDialogDecline: 'Không xoá',
  clearDialogTitle: 'Xoá nội dung?',
  clearDialogMessage: 'Nội dung đã nhập sẽ bị xoá. Tiếp tục?',
  clearDialogAccept: 'Có',
  clearDialogDecline: 'Không',
  none: '— Chọn —',
  removeRow: (n) => `Xoá dòng ${n}`,
};

export const JSONFORMS_EN: JsonFormsStrings = {
  addTooltip: (label) => (label ? `Add a row to ${label}` : 'Add a row'),
  addAriaLabel: (label) => (label ? `Add a row to ${label}` : 'Add a row'),
  removeTooltip: 'Delete',
  removeAriaLabel: 'Delete row',
  upAriaLabel: 'Move row up',
  up: 'Up',
  down: 'Down',
  downAriaLabel: 'Move row down',
  noDataMessage: 'No rows yet.',
  noSelection: 'Nothing selected',
  deleteDialogTitle: 'Confirm deletion',
  deleteDialogMessage: 'Delete this row?',
  deleteDialogAccept: 'Delete',
  deleteDialogDecline: 'Keep',
  clearDialogTitle: 'Clear the form?',
  clearDialogMessage: 'What you typed will be cleared. Go on?',
  clearDialogAccept: 'Yes',
  clearDialogDecline: 'No',
  none: '— Choose —',
  removeRow: (n) => `Delete row ${n}`,
};

/** JSON Forms' words in `lang` (English when asked, Vietnamese otherwise). */
export function jsonFormsStrings(lang: string | undefined): JsonFormsStrings {
  return lang === 'en' ? JSONFORMS_EN : JSONFORMS_VI;
}
