/**
 * No text is ever lost: for every form, a document with every free-text field at its schema maxLength (optional
 * ones too, in every row) renders to a PDF whose text (read back with pdftotext) holds every character of every
 * field, in order. Once with Vietnamese words, once with single tokens as long as the field (no break
 * opportunity at all), which must also stay inside the page.
 */
import { writeFileSync } from 'node:fs';
import { FORMS } from '@kiemdiem/forms';
import { describe, expect, it } from 'vitest';
import { render } from './node';
import { documentDefinition } from './render';
import { contentWidth, A4 } from './tables';
import { DEFAULT_PROFILE, mm } from './layout';
import { maxDocument, token, words } from '../test/max-documents';
import { READ_BACK, savePdf } from '../test/poppler';
import { bestCoverage, pdfTexts, tableColumns, wordBoxes } from '../test/text-coverage';

const SLOW = 60_000;

async function lostText(formId: string, fill: typeof words) {
  const { document, fields } = maxDocument(formId, fill);
  const file = savePdf(await render(formId, document), `${formId.replace(/\W/g, '_')}-${fill.name}.pdf`);
  const texts = pdfTexts(file, tableColumns(documentDefinition(formId, document)));
  const lost = fields.flatMap(({ path, text }) => {
    const c = bestCoverage(texts, text);
    return c.lost ? [`${path}: ${c.lost} of ${text.length} characters not found, from "${c.missing}"`] : [];
  });
  return { file, fields, lost };
}

describe.skipIf(!READ_BACK)('a form filled to its limits loses nothing in its PDF', () => {
  it.each(FORMS.map((f) => f.id))('%s: every word of every text field at its maxLength is printed', { timeout: SLOW }, async (formId) => {
    const { fields, lost } = await lostText(formId, words);
    expect(fields.length).toBeGreaterThan(0);
    expect(lost).toEqual([]);
  });

  it.each(FORMS.map((f) => f.id))('%s: fields made of one unbroken token wrap inside the page, every character printed', { timeout: SLOW }, async (formId) => {
    const { file, lost } = await lostText(formId, token);
    expect(lost).toEqual([]);
    // Nothing runs into the right margin (pdftotext drops what is off the page; this catches what is on it).
    const right = mm(DEFAULT_PROFILE.margins.left) + contentWidth(DEFAULT_PROFILE) + 1;
    const outside = wordBoxes(file).filter((w) => w.xMax > right && w.yMin > mm(DEFAULT_PROFILE.margins.top));
    expect(outside.slice(0, 5)).toEqual([]);
    expect(right).toBeLessThan(A4.width);
  });

  it('renders the 02A of long tokens in seconds, not the 42 s (1.8 GB) of a token cut once per line', { timeout: SLOW }, async () => {
    const { document } = maxDocument('hd43-2025/02a', token);
    const started = performance.now();
    const pdf = await render('hd43-2025/02a', document);
    writeFileSync(savePdf(pdf, 'timed-02a.pdf'), pdf);
    // Generous for a shared machine: about 2 s here, and the old code took over 40.
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});
