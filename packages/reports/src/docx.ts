/**
 * renderDocx, renderSummaryDocx and renderRollupDocx: the forms, the summary list and the roll-up as Word
 * documents in the Party layout (HD 36), from the very document definitions the PDFs print (render.ts,
 * summary.ts, rollup-report.ts), so validation, errors, wording and layout choices are the PDFs' own. The page
 * (A4, the profile's margins, orientation), the default font (Times New Roman, which Tinos is metric-compatible
 * with) and the page numbers (from page 2, where the PDF has them) come from the definition too. No font bytes
 * and no Node module are needed: the same code serves Node and browsers.
 */
import type { FormId } from '@kiemdiem/forms';
import type { RollupOutput } from '@kiemdiem/rules';
import type { Paragraph } from 'docx';
import { wordContent, wordText, type DocxModule, type Inherited } from './docx-content';
import { packDocx, type FflateModule } from './docx-pack';
import { LINE_HEIGHT, type LayoutProfile } from './layout';
import type { PdfBytes, PdfDefinition } from './pdf-types';
import { documentDefinition, profileOf, type RenderOptions } from './render';
import { rollupDefinition, type RollupRenderOptions } from './rollup-report';
import { summaryDefinition, type SummaryInput, type SummaryOptions } from './summary';
import { contentWidth } from './tables';

/** The font Word is told to use: Tinos, which the PDFs embed, is metric-compatible with it. */
export const DOCX_FONT = 'Times New Roman';

/** Options of renderDocx: those of render, less the font bytes (Word uses its own Times New Roman). */
export type DocxOptions = Omit<RenderOptions, 'fonts'>;
export type SummaryDocxOptions = Omit<SummaryOptions, 'fonts'>;
export type RollupDocxOptions = Omit<RollupRenderOptions, 'fonts'>;

interface Info {
  title?: string;
  subject?: string;
  creationDate?: Date;
}

/** Millimetres in twentieths of a point, rounded (A4 is 11906 × 16838). */
const twipsOfMm = (mm: number) => Math.round((mm * 1440) / 25.4);

let loading: Promise<[DocxModule, FflateModule]> | undefined;

/** docx and fflate, on the first Word document: bundlers put them in a chunk of their own, loaded only then. */
function loadWord(): Promise<[DocxModule, FflateModule]> {
  loading ??= Promise.all([import('docx'), import('fflate')]).catch((error: unknown) => {
    loading = undefined; // a chunk that failed to load (network) may load on the next try
    throw error;
  });
  return loading;
}

function pageNumber({ Paragraph, TextRun, PageNumber }: DocxModule, align: 'center' | 'right'): Paragraph {
  return new Paragraph({ alignment: align, children: [new TextRun({ children: [PageNumber.CURRENT], size: 24 })] });
}

/** A pdfmake definition of this package (HD 36 layout) as Word bytes. */
export async function definitionToDocx(definition: PdfDefinition, profile: LayoutProfile): Promise<PdfBytes> {
  const [docx, fflate] = await loadWord();
  const { Document, Footer, Header, Paragraph } = docx;
  const landscape = definition.pageOrientation === 'landscape';
  const info = (definition.info ?? {}) as Info;
  const style: Inherited = { fontSize: profile.bodySize, lineHeight: LINE_HEIGHT };
  const { top, bottom, left, right } = profile.margins;
  const numbers = definition.header ? 'header' : definition.footer ? 'footer' : undefined;
  const empty = () => new Paragraph({ children: [] });
  const doc = new Document({
    creator: 'kiemdiem',
    lastModifiedBy: 'kiemdiem',
    title: wordText(info.title ?? ''),
    subject: wordText(info.subject ?? info.title ?? ''),
    styles: { default: { document: { run: { font: DOCX_FONT, size: profile.bodySize * 2 }, paragraph: { spacing: { before: 0, after: 0, line: Math.round(240 * LINE_HEIGHT), lineRule: 'auto' } } } } },
    sections: [
      {
        properties: {
          // HD 36 practice, as in the PDF: no page number on the first page.
          titlePage: true,
          page: {
            size: { width: twipsOfMm(210), height: twipsOfMm(297), orientation: landscape ? 'landscape' : 'portrait' },
            margin: {
              top: twipsOfMm(top),
              bottom: twipsOfMm(bottom),
              left: twipsOfMm(left),
              right: twipsOfMm(right),
              header: twipsOfMm(Math.min(10, top / 2)),
              footer: twipsOfMm(Math.min(10, bottom / 2)),
            },
          },
        },
        headers: { default: new Header({ children: [numbers === 'header' ? pageNumber(docx, 'center') : empty()] }), first: new Header({ children: [empty()] }) },
        footers: { default: new Footer({ children: [numbers === 'footer' ? pageNumber(docx, 'right') : empty()] }), first: new Footer({ children: [empty()] }) },
        children: wordContent(docx, definition.content, style, contentWidth(profile, landscape)),
      },
    ],
  });
  return packDocx(docx, fflate, doc, info.creationDate instanceof Date ? info.creationDate : new Date(Date.UTC(2000, 0, 1)));
}


/**
 * Word bytes (.docx) for a filled form, in the Party layout: the text a member fills as ordinary paragraphs,
 * the QĐ 37 checklist and the rows of a form as Word tables. Validated as `render` does: an invalid document
 * rejects with `invalid-subject` and the form errors. The same input gives the same bytes.
 */
export async function renderDocx(formId: FormId | (string & {}), document: unknown, options: DocxOptions = {}): Promise<PdfBytes> {
  return definitionToDocx(documentDefinition(formId, document, options), profileOf(options));
}

/** The summary list of quality ratings (rateMany output, as renderSummary reads it) as Word bytes. */
export async function renderSummaryDocx(output: SummaryInput, options: SummaryDocxOptions = {}): Promise<PdfBytes> {
  return definitionToDocx(summaryDefinition(output, options), profileOf(options));
}

/** The roll-up statistics (`rollup` of @kiemdiem/rules, as renderRollup reads it) as Word bytes. */
export async function renderRollupDocx(output: RollupOutput, options: RollupDocxOptions = {}): Promise<PdfBytes> {
  return definitionToDocx(rollupDefinition(output, options), profileOf(options));
}
