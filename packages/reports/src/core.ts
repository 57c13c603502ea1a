/**
 * What the Node and browser entries share: validation, layout, wording and the pdfmake document definitions.
 * Nothing here imports a Node module or generates code at run time (no eval, no new Function).
 */
export { documentDefinition } from './render';
export { renderDocx, renderSummaryDocx, renderRollupDocx, DOCX_FONT } from './docx';
export type { DocxOptions, SummaryDocxOptions, RollupDocxOptions } from './docx';
export type { RenderOptions } from './render';
export type { Renderers } from './documents';
export { DEFAULT_PROFILE, partyDocument, placeAndDate, documentNumber, signatureBlock } from './layout';
export type { LayoutProfile, PartyDocument, PartyHeader } from './layout';
export type { FontFiles, FontInput } from './print';
export type { PdfBytes, PdfContent, PdfContentNode, PdfDefinition } from './pdf-types';
export type { SummaryInput, SummaryOptions, SummarySigner, SummaryUnit } from './summary';
export type { DiffRenderOptions } from './diff-report';
export type { RollupRenderOptions } from './rollup-report';
