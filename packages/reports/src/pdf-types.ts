/**
 * The pdfmake shapes in this package's public API, as its own types: pdfmake's (`pdfmake/interfaces`, from
 * @types/pdfmake) are a build-time dependency only, and a declaration that imported them would not resolve where
 * the package is installed. They are deliberately loose; a caller who prints with its own pdfmake casts a
 * `PdfDefinition` to pdfmake's `TDocumentDefinitions`.
 */

/** pdfmake content: text, a number, a list of content, or a content node (`{ text }`, `{ table }`, `{ stack }` …). */
export type PdfContent = string | number | PdfContent[] | PdfContentNode;

/** A pdfmake content node (`{ text: '…', bold: true }`, `{ table: { body } }`, …). */
export type PdfContentNode = object;

/** A pdfmake document definition: `content` and pdfmake's page and style fields. */
export interface PdfDefinition {
  content: PdfContent;
  pageSize?: unknown;
  pageOrientation?: unknown;
  pageMargins?: unknown;
  defaultStyle?: unknown;
  styles?: unknown;
  info?: unknown;
  header?: unknown;
  footer?: unknown;
  background?: unknown;
  compress?: unknown;
  language?: unknown;
}

/**
 * PDF bytes: a `Uint8Array` over an `ArrayBuffer` (never a SharedArrayBuffer), so `new Blob([pdf])` and
 * `new Response(pdf)` type-check on TypeScript 5.7 and later, and on earlier versions alike.
 */
export type PdfBytes = Uint8Array & { readonly buffer: ArrayBuffer };
