/**
 * A docx Document as bytes that are the same for the same input: the docx package stamps the core
 * properties with the clock and its zip writer stamps every entry with the clock, so the package is
 * rewritten with fflate with the document's own date in docProps/core.xml and one fixed time on every entry.
 */
import type { Document } from 'docx';
import type { Zippable } from 'fflate';
import type { DocxModule } from './docx-content';

/** fflate, loaded with docx on first use (docx.ts). */
export type FflateModule = typeof import('fflate');

/** The zip entries' time: the DOS epoch, read in local time by fflate, so the same in every time zone. */
const ENTRY_TIME = /* @__PURE__ */ (() => new Date(1980, 0, 1, 0, 0, 0))();

const CONTENT_TYPES = '[Content_Types].xml';
/** Parts shorter than this are stored, not deflated. */
const SMALL = 1024;

const TIMESTAMP = /(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g;

/** What docx's Packer zips: its compiler's output (a JSZip), which can be stored rather than deflated. */
interface Compiled {
  generateAsync(options: { type: 'uint8array'; compression: 'STORE' }): Promise<Uint8Array>;
}
type WithCompiler = { compiler?: { compile?(file: Document, prettify: undefined, overrides: readonly never[]): Compiled } };

/**
 * The package as docx makes it. Stored, not deflated, when docx 9.7's compiler is there (deflating twice took
 * a third of the time of a document); otherwise what Packer gives.
 */
async function packed({ Packer }: DocxModule, doc: Document): Promise<Uint8Array> {
  const compiler = (Packer as unknown as WithCompiler).compiler;
  if (typeof compiler?.compile === 'function') return compiler.compile(doc, undefined, []).generateAsync({ type: 'uint8array', compression: 'STORE' });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}

/** The Word bytes of `doc`, with `date` (a UTC instant) as its created and modified time. */
export async function packDocx(docx: DocxModule, { unzipSync, zipSync }: FflateModule, doc: Document, date: Date): Promise<Uint8Array & { readonly buffer: ArrayBuffer }> {
  const entries = unzipSync(await packed(docx, doc));
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const files: Zippable = {};
  // [Content_Types].xml first, as Word writes it; no directory entries (a package has none).
  const names = Object.keys(entries).filter((name) => !name.endsWith('/'));
  names.sort((a, b) => Number(b === CONTENT_TYPES) - Number(a === CONTENT_TYPES));
  for (const name of names) {
    const data = entries[name]!;
    const bytes = name === 'docProps/core.xml' ? new TextEncoder().encode(new TextDecoder().decode(data).replace(TIMESTAMP, `$1${stamp}$3`)) : data;
    // Small parts are stored: deflating each costs more (fflate sets up its tables per entry) than it saves.
    files[name] = [bytes, { mtime: ENTRY_TIME, level: bytes.length < SMALL ? 0 : 6 }];
  }
  return zipSync(files) as Uint8Array & { readonly buffer: ArrayBuffer };
}
