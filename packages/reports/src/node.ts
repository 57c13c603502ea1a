/** render, renderSummary and renderDiff under Node: pdf.ts's printer, Tinos read from @expo-google-fonts/tinos. */
import { renderers, type Renderers } from './documents';
import { toPdf } from './pdf';

const node = /* @__PURE__ */ renderers(toPdf);

/**
 * PDF bytes for a filled form (Tinos embedded, from @expo-google-fonts/tinos unless `options.fonts`). Throws
 * `invalid-subject` with the form errors when the document is invalid.
 */
export const render: Renderers['render'] = node.render;
/**
 * The summary list of quality ratings as PDF bytes, from `rateMany` output. Byte-identical for the same
 * input and options: the PDF dates come from `options.date` (or the period), never from the clock.
 */
export const renderSummary: Renderers['renderSummary'] = node.renderSummary;
/** The regulation diff as PDF bytes. Byte-identical for the same report and options (no clock). */
export const renderDiff: Renderers['renderDiff'] = node.renderDiff;
/** The roll-up statistics (units, levels, audiences, quota, plans, feedback) as PDF bytes; no clock. */
export const renderRollup: Renderers['renderRollup'] = node.renderRollup;
