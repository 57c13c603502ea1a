/**
 * @kiemdiem/reports in a browser: the package's "browser" export condition and the "./browser" subpath.
 * The same render, renderSummary and renderDiff as under Node (the same validation, layout and wording
 * modules), printed by pdfmake's browser build with fonts the host provides:
 *
 *   setFonts({ normal, bold, italics, bolditalics }); // Uint8Array or ArrayBuffer each, e.g. the Tinos TTFs
 *   const pdf = await render('hd43-2025/02b', document);
 *
 * No Node module is imported and no code is generated at run time, so it works under a Content-Security-Policy
 * without 'unsafe-eval'. Batch rendering (worker threads, files) is Node only.
 */
import { renderers, type Renderers } from './documents';
import { toPdf } from './pdf-browser';

export * from './core';
export { setFonts, toPdf } from './pdf-browser';

const browser = /* @__PURE__ */ renderers(toPdf);

/**
 * PDF bytes for a filled form, with the fonts of `options.fonts` or `setFonts`. Throws `invalid-subject` with
 * the form errors when the document is invalid, `invalid-option` when there are no fonts.
 */
export const render: Renderers['render'] = browser.render;
/** The summary list of quality ratings as PDF bytes, from `rateMany` output (fonts as for `render`). */
export const renderSummary: Renderers['renderSummary'] = browser.renderSummary;
/** The regulation diff as PDF bytes (fonts as for `render`). */
export const renderDiff: Renderers['renderDiff'] = browser.renderDiff;
/** The roll-up statistics as PDF bytes (fonts as for `render`). */
export const renderRollup: Renderers['renderRollup'] = browser.renderRollup;
