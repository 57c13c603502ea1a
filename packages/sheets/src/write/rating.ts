/**
 * writeRatingXlsx(output, options): what `kiemdiem rate --format xlsx` writes. The results in the columns of the
 * summary list (with the quota lines), their reasons and citations, and an errors sheet, so that every input
 * record is in the workbook: rated (or not) in the first sheet, or invalid in the last.
 */
import type { RateManyOutput, SubjectIssue } from '@kiemdiem/rules';
import { addReasonsSheet, addSummarySheet, checkInput, type SummaryXlsxOptions } from './summary';
import { sheetWords } from './locales';
import { addTable, INTEGER_FORMAT, newWorkbook, sheetName, toBytes, type Cell } from './workbook';

export type RatingXlsxOptions = SummaryXlsxOptions;

export type RatingXlsxInput = Pick<RateManyOutput, 'results' | 'quota'> & { errors: readonly SubjectIssue[] };

export async function writeRatingXlsx(output: RatingXlsxInput, options: RatingXlsxOptions = {}): Promise<Uint8Array> {
  checkInput(output, 'writeRatingXlsx');
  const words = sheetWords(options.lang);
  const wb = newWorkbook();
  // The summary sheet's note on invalid subjects points here: the errors sheet is always written, empty or not.
  addSummarySheet(wb, output, words, options, words.sheets.results);
  addReasonsSheet(wb, output.results, words);
  const h = words.errorsHead;
  const errors = Array.isArray(output.errors) ? output.errors : [];
  addTable(
    wb,
    sheetName(words.sheets.errors),
    [
      { header: h.index, width: 12, format: INTEGER_FORMAT },
      { header: h.id, width: 16 },
      { header: h.path, width: 28 },
      { header: h.message, width: 80, wrap: true },
    ],
    // The record's index as in the JSON output and the table (from 0).
    errors.map((e): Cell[] => [typeof e.index === 'number' ? e.index : null, e.id ?? '', e.path || '/', e.message]),
  );
  return toBytes(wb);
}
