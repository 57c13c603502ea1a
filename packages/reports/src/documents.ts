/**
 * The three PDF documents over a platform's printer: one definition of render, renderSummary and renderDiff,
 * bound to Node's printer in node.ts and to the browser's in browser.ts. Only the printer differs (where
 * pdfmake and the fonts come from); validation, layout and wording are the same modules on both.
 */
import type { FormId } from '@kiemdiem/forms';
import type { DiffReport, RollupOutput } from '@kiemdiem/rules';
import { diffDefinition, type DiffRenderOptions } from './diff-report';
import type { PdfBytes } from './pdf-types';
import type { Print } from './print';
import { documentDefinition, type RenderOptions } from './render';
import { rollupDefinition, type RollupRenderOptions } from './rollup-report';
import { summaryDefinition, type SummaryInput, type SummaryOptions } from './summary';

export interface Renderers {
  /**
   * PDF bytes for a filled form. Throws `invalid-subject` with the form errors when the document is invalid,
   * `invalid-option` when fonts are needed and missing (browsers).
   */
  render(formId: FormId | (string & {}), document: unknown, options?: RenderOptions): Promise<PdfBytes>;
  /**
   * The summary list of quality ratings as PDF bytes, from `rateMany` output. Byte-identical for the same
   * input and options: the PDF dates come from `options.date` (or the period), never from the clock.
   */
  renderSummary(output: SummaryInput, options?: SummaryOptions): Promise<PdfBytes>;
  /** The regulation diff as PDF bytes. Byte-identical for the same report and options (no clock). */
  renderDiff(report: DiffReport, options?: DiffRenderOptions): Promise<PdfBytes>;
  /**
   * The roll-up statistics (`rollup` of @kiemdiem/rules) as PDF bytes. Byte-identical for the same output and
   * options: the PDF dates come from `options.date` (or the period), never from the clock.
   */
  renderRollup(output: RollupOutput, options?: RollupRenderOptions): Promise<PdfBytes>;
}

export function renderers(print: Print): Renderers {
  return {
    // async: an invalid document or option is a rejected promise, as it always was, not a synchronous throw.
    async render(formId, document, options = {}) {
      return print(documentDefinition(formId, document, options), options.fonts, options.lang);
    },
    async renderSummary(output, options = {}) {
      return print(summaryDefinition(output, options), options.fonts, options.lang);
    },
    async renderDiff(report, options = {}) {
      return print(diffDefinition(report, options), options.fonts, options.lang);
    },
    async renderRollup(output, options = {}) {
      return print(rollupDefinition(output, options), options.fonts, options.lang);
    },
  };
}
