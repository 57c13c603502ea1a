/**
 * renderSummary(output): the summary list of quality ratings (`ref/tong-hop-xep-loai` style) straight from
 * rateMany results, in the Party document layout (HD 36): one row per subject, the counts and percentages
 * per level, one HTXSNV quota line per group, and the signature block.
 */
import { KiemdiemError, LEVELS, locale, periodLabel, type Lang, type Level, type Period, type QuotaLine, type Result } from '@kiemdiem/rules';
import type { Content, TableCell } from 'pdfmake/interfaces';
import type { PdfDefinition } from './pdf-types';
import { isoDate } from './dates';
import { DEFAULT_PROFILE, type LayoutProfile } from './layout';
import { reportLocale, type ReportLocale } from './locales';
import { contentHeight, contentWidth, rowsFitOnAPage } from './tables';
import { regulationNames, unitReport, type SummarySigner, type SummaryUnit } from './unit-report';
import type { FontInput } from './print';
import { audienceWord, decimal, percent, printable, provenanceWord, ratioWord, roundingWord } from './words';

export type { SummarySigner, SummaryUnit } from './unit-report';

export interface SummaryOptions {
  /** The header; without it the issuer is the first collective's name and the place is left as "…". */
  unit?: SummaryUnit;
  /** YYYY-MM-DD: the date line and the PDF creation date. Default: 31 December of the latest period's year. */
  date?: string;
  /** Replaces the default title ("Danh sách tổng hợp kết quả xếp loại chất lượng đảng viên năm …"). */
  title?: string;
  lang?: Lang;
  /** Default: T/M CHI ỦY, BÍ THƯ, no name. */
  signer?: SummarySigner;
  /** The level the competent level decided, by subject id. */
  decided?: Record<string, Level>;
  /** Landscape (default) leaves room for the notes column; both are A4. */
  orientation?: 'landscape' | 'portrait';
  profile?: Partial<LayoutProfile>;
  /** Font bytes: required in browsers (or setFonts once); under Node the bundled Tinos by default. */
  fonts?: FontInput;
}

/** What renderSummary reads: a RateManyOutput, or just its results and quota lines. */
export interface SummaryInput {
  results: readonly Result[];
  quota?: readonly QuotaLine[];
  errors?: readonly unknown[];
}



function latestYear(results: readonly Result[]): number | undefined {
  const years = results.map((r) => r.period?.year).filter((y): y is number => Number.isInteger(y));
  return years.length ? Math.max(...years) : undefined;
}

/**
 * The notes for one subject: what took it out of the rating or forced or capped its level, and for a case left
 * to the competent level, why: the referral rules that handed it over, or the fallback that did not hold.
 */
export function summaryNotes(result: Result): string {
  const forDecision = result.status === 'for-decision';
  // `reasons` is optional here: results kept without their reasons (stored, or trimmed) print with no notes.
  const notes = (Array.isArray(result.reasons) ? result.reasons : []).filter(
    (r) =>
      (r.outcome === 'applied' && (r.stage === 'eligibility' || r.stage === 'cap' || /discipline|leave/.test(r.rule) || r.stage === 'refer')) ||
      (forDecision && r.outcome === 'failed' && r.stage === 'fallback'),
  );
  return [...new Set(notes.map((r) => printable(r.message)))].join('; ');
}

function levelCell(result: Result, words: ReportLocale): TableCell {
  const { lang } = words;
  if (result.status !== 'rated' || !result.level) {
    const word = locale(lang).statuses[result.status] ?? String(result.status);
    const text = word.charAt(0).toUpperCase() + word.slice(1);
    // A case left to the competent level: under it, what the rules give without the case (when the result says).
    if (result.status === 'for-decision' && result.decision) {
      return { stack: [text, { text: `(${words.summary.without(result.decision.without)})`, italics: true }], alignment: 'center' };
    }
    return { text, alignment: 'center' };
  }
  return { text: result.level, alignment: 'center' };
}

function periodsOf(results: readonly { period: Period }[], lang: Lang): string {
  const seen = new Map<string, Period>();
  for (const r of results) if (r.period) seen.set(JSON.stringify([r.period.year, r.period.quarter ?? 0]), r.period);
  const sorted = [...seen.values()].sort((a, b) => a.year - b.year || (a.quarter ?? 0) - (b.quarter ?? 0));
  return sorted.map((p) => periodLabel(p, lang)).join(', ');
}

/** The regulations the results were rated under. */
function regulationsOf(results: readonly Result[], words: ReportLocale): string {
  return regulationNames([...new Set(results.map((r) => r.regulation).filter(Boolean))], words);
}

function rowsTable(results: readonly Result[], decided: Record<string, Level>, words: ReportLocale, profile: LayoutProfile, landscape: boolean): Content {
  const { lang } = words;
  const w = words.summary;
  const head: TableCell[] = w.head.map((text) => ({ text, bold: true, alignment: 'center' }));
  const body: TableCell[][] = results.map((r, i) => [
    { text: String(i + 1), alignment: 'center' },
    { text: printable(r.name ?? r.id) },
    { text: audienceWord(r, lang) },
    { text: r.total === undefined ? '' : decimal(r.total, lang), alignment: 'center' },
    levelCell(r, words),
    { text: decided[r.id] ?? '', alignment: 'center' },
    { text: summaryNotes(r) },
  ]);
  const widths: Array<number | string> = landscape ? ['auto', 130, 125, 'auto', 72, 78, '*'] : ['auto', '*', 70, 'auto', 52, 62, '*'];
  const fontSize = profile.bodySize - (landscape ? 2 : 3);
  // Kept whole only when every row surely fits on a page (pdfmake drops a longer unbreakable row); the
  // columns sized by their content are taken as narrow as they may get.
  const texts = body.map((row) => row.map(cellText));
  const fixed = widths.reduce<number>((sum, w) => sum + (typeof w === 'number' ? w : w === 'auto' ? NARROW : 0), 0) + widths.length * 9;
  const star = Math.max(NARROW, (contentWidth(profile, landscape) - fixed) / widths.filter((w) => w === '*').length);
  const together = rowsFitOnAPage(texts, widths.map((w) => (typeof w === 'number' ? w : w === 'auto' ? NARROW : star)), fontSize, 1.05, contentHeight(profile, landscape));
  return {
    table: { headerRows: 1, dontBreakRows: together, widths, body: [head, ...body] },
    fontSize,
    lineHeight: 1.05,
    margin: [0, 0, 0, 8],
  };
}

/** The narrowest an `auto` column of the list gets, for the row-height bound. */
const NARROW = 30;

/** The words a cell prints (a text, or the texts of a stack), for the row-height bound. */
function cellText(cell: TableCell): string {
  if (typeof cell === 'string') return cell;
  const c = cell as { text?: unknown; stack?: TableCell[] };
  if (typeof c.text === 'string') return c.text;
  return (c.stack ?? []).map(cellText).join('\n');
}

export interface LevelCounts {
  levels: Record<Level, number>;
  /** Not reviewed, or reviewed and not rated. */
  notRated: number;
  /** Left to the competent level (status for-decision): no level yet, so neither rated nor in `notRated`. */
  forDecision: number;
  rated: number;
  total: number;
}

/** Counts per level for a set of results: `rated` is the base of the percentages (for-decision subjects are not in it). */
export function countLevels(results: readonly Result[]): LevelCounts {
  const levels = Object.fromEntries(LEVELS.map((l) => [l, 0])) as Record<Level, number>;
  let notRated = 0;
  let forDecision = 0;
  for (const r of results) {
    if (r.status === 'rated' && r.level && r.level in levels) levels[r.level] += 1;
    else if (r.status === 'for-decision') forDecision += 1;
    else notRated += 1;
  }
  return { levels, notRated, forDecision, rated: results.length - notRated - forDecision, total: results.length };
}

function countsTable(results: readonly Result[], words: ReportLocale, profile: LayoutProfile): Content {
  const { lang } = words;
  const w = words.summary;
  const loc = locale(lang);
  const groups = [
    { label: w.members, counts: countLevels(results.filter((r) => r.kind !== 'collective')) },
    { label: w.collectives, counts: countLevels(results.filter((r) => r.kind === 'collective')) },
  ].filter((g, i) => i === 0 || g.counts.total > 0);
  const head1: TableCell[] = [{ text: w.countsHead[0], bold: true, rowSpan: 2, alignment: 'center' }];
  const head2: TableCell[] = [{ text: '' }];
  for (const g of groups) {
    head1.push({ text: g.label, bold: true, colSpan: 2, alignment: 'center' }, { text: '' });
    head2.push({ text: w.countsHead[1], bold: true, alignment: 'center' }, { text: w.countsHead[2], bold: true, alignment: 'center' });
  }
  const row = (label: string, cells: (c: LevelCounts) => [string, string], bold = false): TableCell[] => [
    { text: label, bold },
    ...groups.flatMap((g) => cells(g.counts).map((text) => ({ text, alignment: 'center' as const, bold }))),
  ];
  // The for-decision row only when there are such subjects: a list without them prints as it always did.
  const forDecision = groups.some((g) => g.counts.forDecision > 0);
  const body: TableCell[][] = [
    head1,
    head2,
    ...LEVELS.map((level) => row(`${loc.levels[level]} (${level})`, (c) => [String(c.levels[level]), percent(c.levels[level], c.rated, lang)])),
    ...(forDecision ? [row(w.forDecision, (c) => [String(c.forDecision), ''])] : []),
    row(w.notRated, (c) => [String(c.notRated), '']),
    row(w.total, (c) => [String(c.total), ''], true),
  ];
  return {
    stack: [
      { text: w.counts.toUpperCase(), bold: true, margin: [0, 6, 0, 4] },
      { table: { headerRows: 2, dontBreakRows: true, widths: ['*', ...groups.flatMap(() => [70, 70])], body }, fontSize: profile.bodySize - 2 },
      { text: forDecision ? w.ratedBase + w.forDecisionBase : w.ratedBase, italics: true, fontSize: profile.bodySize - 3, margin: [0, 2, 0, 0] },
    ],
    unbreakable: true,
    margin: [0, 0, 0, 8],
  };
}

/** One sentence per quota group ("VƯỢT tỷ lệ" when over). */
export function quotaSentence(q: QuotaLine, words: ReportLocale, withPeriod = false): string {
  const { lang } = words;
  const group = withPeriod ? `${printable(q.group)} (${periodLabel(q.period, lang)})` : printable(q.group);
  return words.quotaLine({
    group,
    excellent: q.excellent,
    good: q.good,
    allowed: q.allowed,
    ratio: ratioWord(q.ratio, lang),
    rounding: roundingWord(q.rounding, lang),
    over: q.over,
    maxExcellent: q.maxExcellent,
    exceptional: q.exceptional === true,
  });
}

/** The basis of a quota line's ratio, in words. */
export function quotaBasis(q: QuotaLine, words: ReportLocale): string {
  return words.basis({ citation: printable(locale(words.lang).citation(q.citation)), provenance: provenanceWord(q.provenance, words.lang), overlay: q.overlay ? printable(q.overlay) : '' });
}

function quotaBlock(quota: readonly QuotaLine[], words: ReportLocale, profile: LayoutProfile): Content[] {
  if (quota.length === 0) return [];
  const w = words.summary;
  const withPeriod = new Set(quota.map((q) => JSON.stringify([q.period.year, q.period.quarter ?? 0]))).size > 1;
  const bases = [...new Set(quota.map((q) => quotaBasis(q, words)))];
  return [
    { text: w.quota.toUpperCase(), bold: true, margin: [0, 6, 0, 4] },
    { ul: quota.map((q) => ({ text: quotaSentence(q, words, withPeriod), bold: q.over })), fontSize: profile.bodySize - 1, alignment: 'justify' },
    ...bases.map((b): Content => ({ text: `${w.quotaBasis}${b}`, italics: true, fontSize: profile.bodySize - 3, margin: [0, 2, 0, 0] })),
  ];
}

/** The pdfmake document for the summary list (exported for tests; renderSummary turns it into bytes). */
export function summaryDefinition(output: SummaryInput, options: SummaryOptions = {}): PdfDefinition {
  const words = reportLocale(options.lang);
  const { lang } = words;
  if (!output || !Array.isArray(output.results)) throw new KiemdiemError('invalid-subject', words.notInput.summary);
  output.results.forEach((r, i) => {
    const ok = r !== null && typeof r === 'object' && typeof (r as Partial<Result>).status === 'string';
    if (!ok) throw new KiemdiemError('invalid-subject', words.notInput.summaryResult(`/results/${i}`), { path: `/results/${i}` });
  });
  const w = words.summary;
  const profile: LayoutProfile = { ...DEFAULT_PROFILE, ...options.profile, margins: { ...DEFAULT_PROFILE.margins, ...options.profile?.margins } };
  const results = output.results;
  const quota = output.quota ?? [];
  const decided = options.decided ?? {};
  for (const [id, level] of Object.entries(decided)) {
    if (!LEVELS.includes(level)) throw new KiemdiemError('invalid-subject', `decided["${id}"]: "${String(level)}" (${LEVELS.join(', ')})`);
  }
  const year = latestYear(results);
  const date = options.date ?? `${year ?? 2000}-12-31`;
  isoDate(date); // checked before any work

  const collectives = results.some((r) => r.kind === 'collective');
  const members = results.some((r) => r.kind !== 'collective') || !collectives;
  const period = periodsOf(results, lang);
  const title = options.title !== undefined ? printable(options.title) : w.heading({ collectives, members, period });
  const regulations = regulationsOf(results, words);
  const issuer = options.unit?.issuer ?? results.find((r) => r.kind === 'collective' && r.name)?.name ?? words.blank;

  const landscape = (options.orientation ?? 'landscape') === 'landscape';
  const body: Content[] = [rowsTable(results, decided, words, profile, landscape)];
  const invalid = output.errors?.length ? new Set(output.errors.map((e, i) => (e as { index?: unknown })?.index ?? `#${i}`)).size : 0;
  if (invalid > 0) body.push({ text: w.invalid(invalid), italics: true, fontSize: profile.bodySize - 2, margin: [0, 0, 0, 8] });
  body.push(countsTable(results, words, profile));
  body.push(...quotaBlock(quota, words, profile));

  const definition = unitReport(
    { issuer, unit: options.unit, blank: words.blank, date, title, basis: regulations ? words.underRegulations(regulations) : undefined, body, signer: options.signer ?? w.signer, signNote: words.signNote, subject: 'ref/tong-hop-xep-loai' },
    profile,
  );
  return { ...definition, pageOrientation: landscape ? 'landscape' : 'portrait' };
}
