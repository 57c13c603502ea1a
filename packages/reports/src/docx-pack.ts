/**
 * A docx Document as bytes that are the same for the same input: the docx package stamps the core
 * properties with the clock and its zip writer stamps every entry with the clock, so the package is
 * rewritten with fflate with the document's own date in docProps/core.xml and one fixed time on every entry.
 */
import { Packer, type Document } from 'docx';
import { unzipSync, zipSync, type Zippable } from 'fflate';

/** The zip entries' time: the DOS epoch, read in local time by fflate, so the same in every time zone. */
const ENTRY_TIME = /* @__PURE__ */ (() => new Date(1980, 0, 1, 0, 0, 0))();

const TIMESTAMP = /(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g;

/** The Word bytes of `doc`, with `date` (a UTC instant) as its created and modified time. */
export async function packDocx(doc: Document, date: Date): Promise<Uint8Array & { readonly buffer: ArrayBuffer }> {
  const packed = new Uint8Array(await Packer.toArrayBuffer(doc));
  const entries = unzipSync(packed);
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const files: Zippable = {};
  for (const [name, data] of Object.entries(entries)) {
    const bytes = name === 'docProps/core.xml' ? new TextEncoder().encode(new TextDecoder().decode(data).replace(TIMESTAMP, `$1${stamp}$3`)) : data;
    files[name] = [bytes, { mtime: ENTRY_TIME, level: 6 }];
  }
  return zipSync(files) as Uint8Array & { readonly buffer: ArrayBuffer };
}
