import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { installContentWrites, type ReferencePrototype } from './content-writes';
import { loadFonts } from '../fonts';

interface Doc {
  on(event: string, listener: (chunk?: Buffer) => void): void;
  ref(data?: object): { write(chunk: unknown): void; end(chunk?: unknown): void; data: Record<string, unknown>; uncompressedLength: number };
  registerFont(name: string, bytes: Buffer): Doc;
  font(name: string): Doc;
  fontSize(size: number): Doc;
  text(text: string, x?: number, y?: number, options?: object): Doc;
  rect(x: number, y: number, w: number, h: number): Doc;
  fillColor(color: string): Doc;
  fill(): Doc;
  addPage(): Doc;
  end(): void;
}
type PdfKit = new (options: object) => Doc;

// Two copies of pdfkit, as pdfmake loads it: one with the buffered writes, one as published.
const require = createRequire(import.meta.url);
const pdfkitPath = createRequire(require.resolve('pdfmake')).resolve('pdfkit');
function freshPdfkit(): PdfKit {
  const load = createRequire(pdfkitPath);
  const cached = load.cache[pdfkitPath];
  delete load.cache[pdfkitPath];
  try {
    return load(pdfkitPath) as PdfKit;
  } finally {
    if (cached) load.cache[pdfkitPath] = cached;
  }
}
const Plain = freshPdfkit();
const Buffered = freshPdfkit();
installContentWrites(Object.getPrototypeOf(new Buffered({ autoFirstPage: false }).ref()) as ReferencePrototype);

/** A document drawn the same way on a pdfkit: text in Tinos (font subsets), shapes, two pages, a mixed stream. */
function draw(PDFDocument: PdfKit, compress: boolean): Promise<Buffer> {
  const doc = new PDFDocument({ compress, info: { CreationDate: new Date(Date.UTC(2025, 11, 31)) } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk) => chunks.push(chunk!));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.registerFont('Tinos', Buffer.from(loadFonts().normal));
  doc.font('Tinos').fontSize(14).text('ĐẢNG CỘNG SẢN VIỆT NAM — Nguyễn Thị Mai Anh, Cần Thơ', 72, 72, { width: 400, align: 'justify' });
  doc.fillColor('#c00').rect(72, 200, 100, 20).fill();
  doc.addPage().fillColor('black').text('Trang 2: “Hoàn thành xuất sắc nhiệm vụ” ỹ ự ữ ằ', 72, 72);
  // A stream that gets text, then bytes, then text again (as an image or a font file could).
  const mixed = doc.ref({ Type: 'Test' });
  mixed.write('q 1 0 0 1 0 0 cm');
  mixed.write(Buffer.from([0, 1, 2, 255, 10, 13]));
  mixed.write('Q');
  mixed.write(42);
  mixed.end('% end');
  doc.end();
  return done;
}

describe('installContentWrites (one Buffer per pdfkit stream)', () => {
  it.each([true, false])('gives the bytes pdfkit gives (compress: %s)', async (compress) => {
    const plain = await draw(Plain, compress);
    const buffered = await draw(Buffered, compress);
    expect(plain.length).toBeGreaterThan(10_000);
    expect(buffered.equals(plain)).toBe(true);
  });

  it('keeps a stream’s length and filter as pdfkit counts them, once finalized', () => {
    const measure = (PDFDocument: PdfKit) => {
      const doc = new PDFDocument({ autoFirstPage: false });
      const ref = doc.ref();
      ref.write('BT /F1 12 Tf (x) Tj ET');
      ref.write(Buffer.from('raw'));
      ref.write('ổ');
      ref.end();
      return { data: { ...ref.data }, uncompressedLength: ref.uncompressedLength };
    };
    const expected = measure(Plain);
    expect(expected.uncompressedLength).toBe('BT /F1 12 Tf (x) Tj ET\n'.length + 3 + 2);
    expect(measure(Buffered)).toEqual(expected);
  });
});
