/**
 * The regulation diff as a PDF file, for `kiemdiem diff --from ID --to ID [--input FILE] --format pdf --out FILE.pdf`
 * (commands/diff.ts computes the report with diff() and calls diffPdf).
 */
import type { DiffReport, Lang } from '@kiemdiem/rules';
import { UsageError } from '../io';
import { messages } from '../locales';
import { writeOut } from './summary';

/**
 * Renders the report (Vietnamese by default) and writes it to `out`. Returns the line to print on stderr;
 * throws UsageError when `out` is missing or cannot be written.
 */
export async function diffPdf(report: DiffReport, out: string | undefined, lang: Lang): Promise<string> {
  // messages() falls back to Vietnamese for a language it does not know; so does the PDF.
  const msg = messages(lang);
  if (!out) throw new UsageError(msg.diffPdf.missingOut);
  // Loaded on demand: the PDF engine and fonts are only needed by the commands that write PDFs.
  const { renderDiff } = await import('@kiemdiem/reports');
  writeOut(out, await renderDiff(report, { lang: msg.lang }), msg);
  return msg.diffPdf.written(out);
}
