/**
 * writeDiffXlsx(report, options): what a change of regulation does to the subjects (diff() of @kiemdiem/rules)
 * as .xlsx: the subjects whose rating changes, the transition matrix, and the reasons of each side with their
 * citations in a further sheet. A diff without subjects (no impact) gives the sheets with their headers only.
 */
import { KiemdiemError, locale, shownMatrixKeys, type DiffReport, type Lang, type MatrixKey, type Reason, type Result } from '@kiemdiem/rules';
import { levelText } from './summary';
import { sheetWords, type SheetWords } from './locales';
import { addTable, INTEGER_FORMAT, newWorkbook, sheetName, toBytes, type Cell, type Column } from './workbook';

export interface DiffXlsxOptions {
  lang?: Lang;
}

function keyText(key: MatrixKey, words: SheetWords): string {
  if (key === 'none') return words.none;
  if (key === 'for-decision') return locale(words.lang).statuses['for-decision'];
  return key;
}

export async function writeDiffXlsx(report: DiffReport, options: DiffXlsxOptions = {}): Promise<Uint8Array> {
  if (!report || typeof report !== 'object' || !report.from || !report.to) throw new KiemdiemError('invalid-subject', 'writeDiffXlsx: { from, to, structural, impact? } (the output of diff)');
  const words = sheetWords(options.lang);
  const loc = locale(words.lang);
  const h = words.diffHead;
  const fromName = `${h.from} ${report.from.number || report.from.id}`;
  const toName = `${h.to} ${report.to.number || report.to.id}`;
  const changed = report.impact?.changed ?? [];
  const wb = newWorkbook();
  addTable(
    wb,
    sheetName(words.sheets.changes),
    [
      { header: h.no, width: 6 },
      { header: h.id, width: 18 },
      { header: fromName, width: 30, wrap: true },
      { header: toName, width: 30, wrap: true },
    ],
    changed.map((c, i): Cell[] => [i + 1, c.id, levelText(c.from as Result, words), levelText(c.to as Result, words)]),
  );
  const matrix = report.impact?.matrix;
  const keys = matrix ? shownMatrixKeys(matrix) : [];
  addTable(
    wb,
    sheetName(words.sheets.matrix),
    [{ header: words.matrixCorner, width: 26 }, ...keys.map((k): Column => ({ header: keyText(k, words), width: 14, format: INTEGER_FORMAT }))],
    keys.map((row): Cell[] => [keyText(row, words), ...keys.map((col) => matrix?.[row]?.[col] ?? 0)]),
  );
  const r = words.reasonsHead;
  const reasonRow = (i: number, id: string, side: string, reason: Reason): Cell[] => [
    i + 1,
    id,
    side,
    reason.rule,
    words.outcomes[reason.outcome] ?? reason.outcome,
    reason.message,
    reason.citationText,
    loc.provenance[reason.provenance] ?? reason.provenance,
    reason.overlay ?? '',
  ];
  addTable(
    wb,
    sheetName(words.sheets.reasons),
    [
      { header: r.no, width: 6 },
      { header: r.id, width: 18 },
      { header: r.side, width: 18 },
      { header: r.rule, width: 30 },
      { header: r.outcome, width: 14 },
      { header: r.message, width: 60, wrap: true },
      { header: r.citation, width: 40, wrap: true },
      { header: r.provenance, width: 18 },
      { header: r.overlay, width: 20 },
    ],
    changed.flatMap((c, i) => [...c.because.from.map((x) => reasonRow(i, c.id, fromName, x)), ...c.because.to.map((x) => reasonRow(i, c.id, toName, x))]),
  );
  return toBytes(wb);
}
