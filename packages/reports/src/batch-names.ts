/** File names for the documents of a batch: from the document's id or name, safe on every file system. */

const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
/** Bytes of a name before ".pdf" (file systems allow 255; room is left for a "-12345" suffix). */
const MAX_BYTES = 180;

/** The id a document is filed under: a top-level `id`, else `identity.fullName`, else undefined. */
export function documentId(document: unknown): { id?: string; from: 'id' | 'name' | 'index' } {
  if (document !== null && typeof document === 'object' && !Array.isArray(document)) {
    const doc = document as Record<string, unknown>;
    if ((typeof doc.id === 'string' && doc.id.trim() !== '') || (typeof doc.id === 'number' && Number.isFinite(doc.id))) return { id: String(doc.id), from: 'id' };
    const identity = doc.identity as Record<string, unknown> | undefined;
    if (identity && typeof identity === 'object' && typeof identity.fullName === 'string' && identity.fullName.trim() !== '') {
      return { id: identity.fullName, from: 'name' };
    }
  }
  return { from: 'index' };
}

/** "Nguyễn Thị Mai Anh" → "nguyen-thi-mai-anh". */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function truncateBytes(text: string, max: number): string {
  let out = '';
  let bytes = 0;
  for (const ch of text) {
    bytes += Buffer.byteLength(ch);
    if (bytes > max) break;
    out += ch;
  }
  return out;
}

/**
 * A single path component from any id: NFC, no path separators, no "..", no control or reserved
 * characters, no leading or trailing dots or spaces, not a Windows device name, at most 180 bytes.
 * Empty when nothing usable is left.
 */
export function safeStem(id: string): string {
  let s = id
    .normalize('NFC')
    .replace(/[/\\:*?"<>|\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '_')
    .replace(/\.{2,}/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/_+/g, '_');
  s = s.replace(/^[\s._-]+|[\s._]+$/g, '');
  s = truncateBytes(s, MAX_BYTES).replace(/[\s._]+$/g, '');
  if (RESERVED.test(s.split('.')[0] ?? '')) s = `_${s}`;
  return s;
}

/** Hands out unique "<stem>.pdf" (or .docx) names in input order: a repeated stem gets "-2", "-3", … */
export class FileNames {
  private readonly taken = new Set<string>();

  constructor(private readonly extension: 'pdf' | 'docx' = 'pdf') {}

  /** `index` is 0-based; the fallback name is the 1-based position. */
  next(document: unknown, index: number): string {
    const { id, from } = documentId(document);
    let stem = id === undefined ? '' : from === 'name' ? slugify(id) : safeStem(id);
    if (stem === '') stem = String(index + 1);
    let name = `${stem}.${this.extension}`;
    // Case-insensitive file systems (macOS, Windows) would merge "A.pdf" and "a.pdf".
    for (let n = 2; this.taken.has(name.toLowerCase()); n++) name = `${stem}-${n}.${this.extension}`;
    this.taken.add(name.toLowerCase());
    return name;
  }
}
