/**
 * @kiemdiem/reports: official-layout PDFs (Hướng dẫn 36-HD/VPTW) of every form, the rating summary and the
 * regulation diff, with Tinos embedded, NFC text and byte-identical output for the same input.
 */
export { render } from './render';
export type { RenderOptions } from './render';
export { DEFAULT_PROFILE, partyDocument, placeAndDate, documentNumber, signatureBlock } from './layout';
export type { LayoutProfile, PartyDocument, PartyHeader } from './layout';
export { loadFonts } from './fonts';
export type { FontFiles } from './fonts';
export { toPdf } from './pdf';
export { renderSummary } from './summary';
export type { SummaryInput, SummaryOptions, SummarySigner, SummaryUnit } from './summary';
export { renderDiff } from './diff-report';
export type { DiffRenderOptions } from './diff-report';
export { documentDefinition } from './render';
export { renderBatch, IN_FLIGHT_PER_WORKER } from './batch';
export type { BatchOptions, BatchResult, BatchFailure } from './batch';
export { readDocuments, jsonLines, InputError } from './batch-input';
export type { DocumentSource, InputProblem } from './batch-input';
export { safeStem, slugify } from './batch-names';
