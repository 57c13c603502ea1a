/**
 * The ids of the forms this package ships, as a constant: TypeScript users get the ids as a union (`FormId`)
 * and typos fail to compile. Each definition's `id` is typed `FormId`, and a test keeps this list and the
 * registry's order in step.
 */
export const FORM_IDS = [
  'hd43-2025/01',
  'hd43-2025/02a',
  'hd43-2025/02b',
  'hd43-2025/02c',
  'hd43-2025/05',
  'hd25-2023/01',
  'hd25-2023/02a',
  'hd25-2023/02b',
  'ref/bien-ban-hoi-nghi',
  'ref/phieu-bieu-quyet',
  'ref/ke-hoach-khac-phuc',
  'ref/phieu-gop-y',
  'ref/nhan-xet-noi-cu-tru',
  'ref/tong-hop-xep-loai',
] as const;

/** A form id, e.g. `'hd43-2025/02b'`. */
export type FormId = (typeof FORM_IDS)[number];

const known: ReadonlySet<string> = new Set(FORM_IDS);

/** Whether `value` is the id of a form this package ships. */
export function isFormId(value: unknown): value is FormId {
  return typeof value === 'string' && known.has(value);
}
