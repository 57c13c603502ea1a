/**
 * writeSummaryXlsx(output, options): the summary list (ref/tong-hop-xep-loai) as .xlsx, in the columns of the
 * reference form, with the HTXSNV quota lines under the list, and a second sheet with every subject's reasons
 * and their citations.
 */
import { KiemdiemError, LEVELS, locale, periodLabel, type Lang, type Level, type QuotaLine, type Result } from '@kiemdiem/rules';
import type ExcelJS from 'exceljs';
import { addRow, addTable, DECIMAL_FORMAT, newWorkbook, sheetName, toBytes, type Cell, type Column } from './workbook';
import { sheetWords, type SheetWords } from './locales';

export interface SummaryXlsxOptions {
  lang?: Lang;
  /** Positions (Chức vụ) by subject id, for results that do not carry a `position`. */
  positions?: Record<string, string>;
  /** The level the chi bộ proposes, by subject id (Chi bộ đề xuất). */
  proposed?: Record<string, Level>;
  /** The level the competent level decided, by subject id. */
  decided?: Record<string, Level>;
}

/** What writeSummaryXlsx reads: a RateManyOutput, or just its results and quota lines. */
export interface SummaryXlsxInput {
  results: readonly Result[];
  quota?: readonly QuotaLine[];
  errors?: readonly unknown[];
}

/** What took the subject out of the rating, forced or capped its level, or handed it to the competent level (as the PDF's notes). */
export function notesOf(result: Result): string {
  const forDecision = result.status === 'for-decision';
  const notes = (Array.isArray(result.reasons) ? result.reasons : []).filter(
    (r) =>
      (r.outcome === 'applied' && (r.stage === 'eligibility' || r.stage === 'cap' || /discipline|leave/.test(r.rule) || r.stage === 'refer')) ||
      (forDecision && r.outcome === 'failed' && r.stage === 'fallback'),
  );
  return [...new Set(notes.map((r) => r.message))].join('; ');
}

/** The level, or the status in words (with what the rules give without the case, for the competent level). */
export function levelText(result: Result, words: SheetWords): string {
  if (result.status === 'rated' && result.level) return result.level;
  const word = locale(words.lang).statuses[result.status] ?? String(result.status);
  const text = word.charAt(0).toUpperCase() + word.slice(1);
  if (result.status === 'for-decision' && result.decision) return `${text} (${words.without(result.decision.without ?? words.none)})`;
  return text;
}

export function audienceText(result: Result, lang: Lang): string {
  return locale(lang).audiences[result.kind === 'collective' ? 'collective' : (result.audience ?? 'non-leader')];
}

function ratioText(ratio: number, lang: Lang): string {
  return `${String(Math.round(ratio * 10000) / 100).replace('.', locale(lang).decimal)} %`;
}

export function quotaText(q: QuotaLine, words: SheetWords, withPeriod: boolean): string {
  const { lang } = words;
  return words.quotaLine({
    group: withPeriod ? `${q.group} (${periodLabel(q.period, lang)})` : q.group,
    excellent: q.excellent,
    good: q.good,
    allowed: q.allowed,
    ratio: ratioText(q.ratio, lang),
    rounding: locale(lang).rounding[q.rounding] ?? String(q.rounding),
    over: q.over,
    maxExcellent: q.maxExcellent,
    exceptional: q.exceptional === true,
  });
}

export function quotaBasisText(q: QuotaLine, words: SheetWords): string {
  const loc = locale(words.lang);
  const provenance = loc.provenance[q.provenance] ?? String(q.provenance);
  return `${loc.citation(q.citation)} (${provenance})${q.overlay ? ` [${q.overlay}]` : ''}`;
}

export function checkInput(output: SummaryXlsxInput, what: string): void {
  if (!output || !Array.isArray(output.results)) throw new KiemdiemError('invalid-subject', `${what}: { results: Result[], quota?: QuotaLine[] }`);
  output.results.forEach((r, i) => {
    if (r === null || typeof r !== 'object' || typeof (r as Partial<Result>).status !== 'string' || typeof (r as Partial<Result>).id !== 'string') {
      throw new KiemdiemError('invalid-subject', `${what}: /results/${i}`, { path: `/results/${i}` });
    }
  });
}

function checkLevels(map: Record<string, Level> | undefined, name: string): Record<string, Level> {
  for (const [id, level] of Object.entries(map ?? {})) {
    if (!LEVELS.includes(level)) throw new KiemdiemError('invalid-subject', `${name}["${id}"]: "${String(level)}" (${LEVELS.join(', ')})`);
  }
  return map ?? {};
}

/** The columns of the reference form, in the language asked. */
export function summaryColumns(words: SheetWords): Column[] {
  const h = words.summaryHead;
  return [
    { header: h[0], width: 6 },
    { header: h[1], width: 28, wrap: true },
    { header: h[2], width: 22, wrap: true },
    { header: h[3], width: 22, wrap: true },
    { header: h[4], width: 12, format: DECIMAL_FORMAT },
    { header: h[5], width: 16, wrap: true },
    { header: h[6], width: 14 },
    { header: h[7], width: 18 },
    { header: h[8], width: 48, wrap: true },
  ];
}

/** One row of the list. */
export function summaryRow(r: Result, i: number, words: SheetWords, options: SummaryXlsxOptions, decided: Record<string, Level>, proposed: Record<string, Level>): Cell[] {
  const position = (r as Result & { position?: unknown }).position;
  return [
    i + 1,
    r.name ?? r.id,
    typeof position === 'string' ? position : (options.positions?.[r.id] ?? ''),
    audienceText(r, words.lang),
    typeof r.total === 'number' ? r.total : null,
    levelText(r, words),
    proposed[r.id] ?? '',
    decided[r.id] ?? '',
    notesOf(r),
  ];
}

/** The quota lines (and their bases) under the list, from row `at`. */
export function addQuotaLines(ws: ExcelJS.Worksheet, at: number, quota: readonly QuotaLine[], words: SheetWords): number {
  if (quota.length === 0) return at;
  let row = at + 1;
  addRow(ws, row++, ['', words.quotaTitle]).font = { bold: true };
  const withPeriod = new Set(quota.map((q) => JSON.stringify([q.period.year, q.period.quarter ?? 0]))).size > 1;
  for (const q of quota) {
    const line = addRow(ws, row++, ['', quotaText(q, words, withPeriod)]);
    if (q.over) line.font = { bold: true };
  }
  for (const basis of new Set(quota.map((q) => quotaBasisText(q, words)))) addRow(ws, row++, ['', `${words.quotaBasis}${basis}`]).font = { italic: true };
  return row;
}

/** The reasons sheet: one row per reason of every subject, with its citation and provenance. */
export function addReasonsSheet(wb: ExcelJS.Workbook, results: readonly Result[], words: SheetWords): void {
  const h = words.reasonsHead;
  const loc = locale(words.lang);
  const columns: Column[] = [
    { header: h.no, width: 6 },
    { header: h.id, width: 14 },
    { header: h.name, width: 26, wrap: true },
    { header: h.rule, width: 30 },
    { header: h.outcome, width: 14 },
    { header: h.message, width: 60, wrap: true },
    { header: h.citation, width: 40, wrap: true },
    { header: h.provenance, width: 18 },
    { header: h.overlay, width: 20 },
  ];
  function* rows(): Generator<Cell[]> {
    for (const [i, r] of results.entries()) {
      for (const reason of Array.isArray(r.reasons) ? r.reasons : []) {
        yield [i + 1, r.id, r.name ?? r.id, reason.rule, words.outcomes[reason.outcome] ?? reason.outcome, reason.message, reason.citationText, loc.provenance[reason.provenance] ?? reason.provenance, reason.overlay ?? ''];
      }
    }
  }
  addTable(wb, sheetName(words.sheets.reasons), columns, rows());
}

/** The summary sheet of a workbook (shared with writeRatingXlsx). */
export function addSummarySheet(wb: ExcelJS.Workbook, output: SummaryXlsxInput, words: SheetWords, options: SummaryXlsxOptions, name: string): void {
  const decided = checkLevels(options.decided, 'decided');
  const proposed = checkLevels(options.proposed, 'proposed');
  const columns = summaryColumns(words);
  const ws = addTable(wb, sheetName(name), columns, output.results.map((r, i) => summaryRow(r, i, words, options, decided, proposed)));
  let row = output.results.length + 2;
  const invalid = output.errors?.length ? new Set(output.errors.map((e, i) => (e as { index?: unknown })?.index ?? `#${i}`)).size : 0;
  if (invalid > 0) addRow(ws, ++row, ['', words.invalid(invalid)]).font = { italic: true };
  addQuotaLines(ws, row, output.quota ?? [], words);
}

export async function writeSummaryXlsx(output: SummaryXlsxInput, options: SummaryXlsxOptions = {}): Promise<Uint8Array> {
  checkInput(output, 'writeSummaryXlsx');
  const words = sheetWords(options.lang);
  const wb = newWorkbook();
  addSummarySheet(wb, output, words, options, words.sheets.summary);
  addReasonsSheet(wb, output.results, words);
  return toBytes(wb);
}
