/**
 * @kiemdiem/reports: official-layout PDFs (Hướng dẫn 36-HD/VPTW) of every form, the rating summary and the
 * regulation diff, with Tinos embedded, NFC text and byte-identical output for the same input.
 * This is the Node entry (fonts read from @expo-google-fonts/tinos, batch rendering on worker threads);
 * browsers get browser.ts through the "browser" export condition.
 */
export * from './core';
export { render, renderSummary, renderDiff, renderRollup } from './node';
export { loadFonts } from './fonts';
export { setFonts, toPdf } from './pdf';
export { renderBatch, IN_FLIGHT_PER_WORKER, UNACCELERATED_WARNING } from './batch';
export type { BatchOptions, BatchResult, BatchFailure, BatchEntry } from './batch';
export { readDocuments, jsonLines, InputError } from './batch-input';
export type { DocumentSource, InputProblem } from './batch-input';
export { safeStem, slugify } from './batch-names';
export { createRenderPool } from './render-pool';
export type { RenderPool, RenderPoolOptions, PoolJobOptions } from './render-pool';
