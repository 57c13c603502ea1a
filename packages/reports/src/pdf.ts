/** pdfmake set up once per process (or worker): fonts in its virtual file system, no file or URL access. */
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { loadFonts, type FontFiles } from './fonts';

let ready: FontFiles | undefined;

function setup(fonts: FontFiles): void {
  if (ready === fonts) return;
  const vfs = (pdfmake as unknown as { virtualfs: { writeFileSync(name: string, data: Uint8Array): void } }).virtualfs;
  vfs.writeFileSync('Tinos-Regular.ttf', fonts.normal);
  vfs.writeFileSync('Tinos-Bold.ttf', fonts.bold);
  vfs.writeFileSync('Tinos-Italic.ttf', fonts.italics);
  vfs.writeFileSync('Tinos-BoldItalic.ttf', fonts.bolditalics);
  const pm = pdfmake as unknown as {
    setFonts(f: unknown): void;
    setUrlAccessPolicy(f: (url: string) => boolean): void;
    setLocalAccessPolicy?(f: (path: string) => boolean): void;
  };
  pm.setFonts({ Tinos: { normal: 'Tinos-Regular.ttf', bold: 'Tinos-Bold.ttf', italics: 'Tinos-Italic.ttf', bolditalics: 'Tinos-BoldItalic.ttf' } });
  // Documents are data: never fetch a URL or read a local file named inside one.
  pm.setUrlAccessPolicy(() => false);
  pm.setLocalAccessPolicy?.(() => false);
  ready = fonts;
}

export async function toPdf(definition: TDocumentDefinitions, fonts: FontFiles = loadFonts()): Promise<Uint8Array> {
  setup(fonts);
  const buffer = await (pdfmake as unknown as { createPdf(d: TDocumentDefinitions): { getBuffer(): Promise<Uint8Array> } }).createPdf(definition).getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
