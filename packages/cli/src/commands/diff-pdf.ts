/**
 * The regulation diff as a PDF file, for `kiemdiem diff --from ID --to ID [--input FILE] --format pdf --out FILE.pdf`
 * (run.ts computes the report with diff() and calls diffPdf).
 */
import type { DiffReport, Lang } from '@kiemdiem/rules';
import { UsageError } from '../io';
import { writeOut } from './summary';

const WORDS = {
  vi: { missingOut: 'Định dạng pdf cần --out FILE.pdf', written: (file: string) => `Đã ghi ${file}` },
  en: { missingOut: 'The pdf format needs --out FILE.pdf', written: (file: string) => `Wrote ${file}` },
};

/**
 * Renders the report (Vietnamese by default) and writes it to `out`. Returns the line to print on stderr;
 * throws UsageError when `out` is missing or cannot be written.
 */
export async function diffPdf(report: DiffReport, out: string | undefined, lang: Lang): Promise<string> {
  const l: Lang = lang === 'en' ? 'en' : 'vi';
  if (!out) throw new UsageError(WORDS[l].missingOut);
  // Loaded on demand: the PDF engine and fonts are only needed by the commands that write PDFs.
  const { renderDiff } = await import('@kiemdiem/reports');
  writeOut(out, await renderDiff(report, { lang: l }), l);
  return WORDS[l].written(out);
}
