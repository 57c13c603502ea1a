/**
 * PDFs (and Word files) made in the browser with @kiemdiem/reports (its browser build, loaded on the first print as its own
 * chunk: pdfmake is about 1 MB). The Tinos faces come from this server as bytes, fetched once.
 */
import type { RateManyOutput } from '@kiemdiem/rules';
import type { SummaryOptions } from '@kiemdiem/reports/browser';

const FACES = ['normal', 'bold', 'italics', 'bolditalics'] as const;
type Fonts = Record<(typeof FACES)[number], ArrayBuffer>;

let fonts: Promise<Fonts> | undefined;

function loadFonts(): Promise<Fonts> {
  fonts ??= Promise.all(
    FACES.map(async (face) => {
      const res = await fetch(`/fonts/${face}.ttf`);
      if (!res.ok) throw new Error(`Không tải được phông chữ ${face} (${res.status}).`);
      return res.arrayBuffer();
    }),
  ).then(([normal, bold, italics, bolditalics]) => ({ normal: normal!, bold: bold!, italics: italics!, bolditalics: bolditalics! }));
  // A failed fetch is not cached: the next print tries again.
  fonts.catch(() => (fonts = undefined));
  return fonts;
}

export async function printForm(formId: string, document: unknown): Promise<Uint8Array> {
  const [{ render }, f] = await Promise.all([import('@kiemdiem/reports/browser'), loadFonts()]);
  return render(formId, document, { fonts: f });
}

export async function printSummary(output: RateManyOutput, options: Omit<SummaryOptions, 'fonts'>): Promise<Uint8Array> {
  const [{ renderSummary }, f] = await Promise.all([import('@kiemdiem/reports/browser'), loadFonts()]);
  return renderSummary(output, { ...options, fonts: f });
}

/** The member's form as a Word document (.docx) to edit further: no fonts needed, docx loads on first use. */
export async function wordForm(formId: string, document: unknown): Promise<Uint8Array> {
  const { renderDocx } = await import('@kiemdiem/reports/browser');
  return renderDocx(formId, document);
}

export const PDF_TYPE = 'application/pdf';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Saves the bytes as a file: a blob: link with `download`, clicked (no popup, nothing inline). */
export function download(bytes: Uint8Array, filename: string, type = PDF_TYPE): void {
  const url = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
