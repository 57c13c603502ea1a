/**
 * The regulation diff as a PDF file, for `kiemdiem diff --from ID --to ID [--input FILE] --format pdf --out FILE.pdf`
 * (commands/diff.ts computes the report with diff() and calls diffPdf).
 */
import type { DiffReport, Lang } from '@kiemdiem/rules';
import { UsageError } from '../io';
import { messages } from '../locales';
import { writeFileAtomically, type Output } from '../output';

/**
 * Renders the report (Vietnamese by default) and writes it to `target` (checked by outputTo), or else to the
 * file `out`. Returns the line to print on stderr (none for stdout); throws UsageError when `out` is missing or
 * cannot be written.
 */
export async function diffPdf(report: DiffReport, out: string | undefined, lang: Lang, target?: Output): Promise<string | undefined> {
  // messages() falls back to Vietnamese for a language it does not know; so does the PDF.
  const msg = messages(lang);
  if (!out) throw new UsageError(msg.diffPdf.missingOut);
  // Loaded on demand: the PDF engine and fonts are only needed by the commands that write PDFs.
  const { renderDiff } = await import('@kiemdiem/reports');
  const bytes = await renderDiff(report, { lang: msg.lang });
  if (target) await target.write(bytes);
  else writeFileAtomically(out, bytes, msg);
  return target?.stdout ? undefined : msg.diffPdf.written(out);
}
