/**
 * renderRollup(output): the roll-up statistics of @kiemdiem/rules `rollup` as a report in the Party document
 * layout (HD 36): header, title, one table per kind of subject with a row per unit (indented under its
 * parent) and the counts and shares per level, a table by audience, the HTXSNV quota per group and unit, the
 * remediation-plan and feedback counts when the roll-up has them, notes on records outside the tables, and
 * the signature block. There is no central template for such statistics: the layout is a reference one.
 */
import { KiemdiemError, LEVELS, locale, percentOf, periodLabel, type Lang, type Level, type LevelTally, type RollupOutput, type UnitRollup } from '@kiemdiem/rules';
import type { Content, TableCell } from 'pdfmake/interfaces';
import type { PdfDefinition } from './pdf-types';
import { isoDate } from './dates';
import { DEFAULT_PROFILE, type LayoutProfile } from './layout';
import { reportLocale, type ReportLocale } from './locales';
import { regulationNames, unitReport } from './unit-report';
import type { FontInput } from './print';
import { quotaBasis, quotaSentence, type SummarySigner, type SummaryUnit } from './summary';
import { printable, provenanceWord } from './words';

export interface RollupRenderOptions {
  /** The header; without it the issuer is the top unit's name (when there is one) and the place "…". */
  unit?: SummaryUnit;
  /** YYYY-MM-DD: the date line and the PDF creation date. Default: the last day of the period's year. */
  date?: string;
  /** Replaces the default title ("Thống kê kết quả xếp loại chất lượng tổ chức đảng và đảng viên năm …"). */
  title?: string;
  lang?: Lang;
  /** Default: T/M BAN THƯỜNG VỤ, BÍ THƯ, no name. */
  signer?: SummarySigner;
  /** `cumulative` (default): each unit with the units below it; `own`: each unit's own results only. */
  counts?: 'cumulative' | 'own';
  profile?: Partial<LayoutProfile>;
  /** Font bytes: required in browsers (or setFonts once); under Node the bundled Tinos by default. */
  fonts?: FontInput;
}



/** 33.3 → "33,3 %"; null → "—". The number is the roll-up's own (already rounded), only formatted here. */
function pct(value: number | null, lang: Lang): string {
  return value === null ? '—' : `${value.toFixed(1).replace('.', locale(lang).decimal)} %`;
}

const head = (text: string, extra: Partial<TableCell & object> = {}): TableCell => ({ text, bold: true, alignment: 'center', ...extra }) as TableCell;

/** Name cell of a unit, indented under its parent; top units in bold. */
function unitCell(u: UnitRollup): TableCell {
  return { text: printable(u.name), margin: [u.depth * 8, 0, 0, 0], bold: u.depth === 0 };
}

/** A tally's for-decision count; 0 in a roll-up made before the count existed. */
const forDecisionOf = (t: LevelTally) => t.forDecision ?? 0;

/**
 * `forDecision`: the tables have a column for the subjects left to the competent level (only when the roll-up has
 * some, so a roll-up without them prints as it always did).
 */
function levelHead(words: ReportLocale, first: string, forDecision: boolean): TableCell[][] {
  const w = words.rollup;
  const row1: TableCell[] = [head(w.no, { rowSpan: 2 }), head(first, { rowSpan: 2 }), head(w.total, { rowSpan: 2 }), head(w.rated, { rowSpan: 2 })];
  const row2: TableCell[] = [{ text: '' }, { text: '' }, { text: '' }, { text: '' }];
  for (const level of LEVELS) {
    row1.push(head(level, { colSpan: 2 }), { text: '' });
    row2.push(head(w.number), head(w.share));
  }
  if (forDecision) {
    // Not spanning both rows as the others do: pdfmake does not grow rows for a spanning cell, and this long
    // heading would overflow into the first unit's row. It sits over its count as a level does ("SL").
    row1.push(head(w.forDecision));
    row2.push(head(w.number));
  }
  row1.push(head(w.notRated, { rowSpan: 2 }));
  row2.push({ text: '' });
  return [row1, row2];
}

function levelCells(t: LevelTally, lang: Lang, forDecision: boolean, bold = false): TableCell[] {
  const c = (text: string): TableCell => ({ text, alignment: 'center', bold });
  return [
    c(String(t.total)),
    c(String(t.rated)),
    ...LEVELS.flatMap((l) => [c(String(t.levels[l])), c(pct(t.percent[l], lang))]),
    ...(forDecision ? [c(String(forDecisionOf(t)))] : []),
    c(String(t.total - t.rated - forDecisionOf(t))),
  ];
}

const LEVEL_WIDTHS = ['auto', '*', 38, 44, 30, 40, 30, 40, 30, 40, 30, 40, 44];
/** With the for-decision column (its long heading wraps in 60 pt). */
const LEVEL_WIDTHS_FOR_DECISION = ['auto', '*', 38, 44, 30, 40, 30, 40, 30, 40, 30, 40, 60, 44];

/** Whether any tally of the roll-up counts a subject left to the competent level. */
function hasForDecision(output: RollupOutput): boolean {
  const some = (c: UnitRollup['own']) => [c.all, c.members, c.collectives, ...Object.values(c.byAudience)].some((t) => forDecisionOf(t) > 0);
  return some(output.totals) || output.units.some((u) => some(u.own) || some(u.cumulative));
}

function heading(text: string, profile: LayoutProfile): Content {
  return { text: text.toUpperCase(), bold: true, fontSize: profile.bodySize - 1, margin: [0, 10, 0, 4] };
}

function table(body: TableCell[][], widths: Array<string | number>, profile: LayoutProfile, headerRows = 2): Content {
  return { table: { headerRows, dontBreakRows: true, widths, body }, fontSize: profile.bodySize - 4, lineHeight: 1.05, margin: [0, 0, 0, 6] };
}

/**
 * A heading with its table, kept on one page when the table is short enough to fit (a page break between a
 * heading and its table strands the heading); a long table breaks between rows and repeats its header.
 */
function section(title: Content, tableContent: Content, rows: number): Content {
  return rows <= 18 ? { stack: [title, tableContent], unbreakable: true } : { stack: [title, tableContent] };
}

/** Sum of the top units' tallies (what the tables' last row and the audience table show). */
function sumTallies(tallies: readonly LevelTally[]): LevelTally {
  const levels = Object.fromEntries(LEVELS.map((l) => [l, 0])) as Record<Level, number>;
  let total = 0;
  let rated = 0;
  let forDecision = 0;
  let reviewedNotRated = 0;
  let notReviewed = 0;
  for (const t of tallies) {
    total += t.total;
    rated += t.rated;
    forDecision += forDecisionOf(t);
    reviewedNotRated += t.reviewedNotRated;
    notReviewed += t.notReviewed;
    for (const l of LEVELS) levels[l] += t.levels[l];
  }
  const percent = Object.fromEntries(LEVELS.map((l) => [l, percentOf(levels[l], rated)])) as LevelTally['percent'];
  return { total, rated, forDecision, reviewedNotRated, notReviewed, levels, percent };
}

function checkOutput(output: RollupOutput, words: ReportLocale): void {
  const ok = output && Array.isArray(output.units) && Array.isArray(output.roots) && output.totals && output.accounted && output.unplaced;
  if (!ok) throw new KiemdiemError('invalid-subject', words.notInput.rollup);
  for (const u of output.units) {
    if (!u || typeof u.id !== 'string' || typeof u.name !== 'string' || !Number.isInteger(u.depth) || !u.own || !u.cumulative) {
      throw new KiemdiemError('invalid-subject', words.notInput.rollupUnits);
    }
  }
}

/** The pdfmake document for the roll-up statistics (exported for tests; renderRollup turns it into bytes). */
export function rollupDefinition(output: RollupOutput, options: RollupRenderOptions = {}): PdfDefinition {
  const words = reportLocale(options.lang);
  const { lang } = words;
  checkOutput(output, words);
  const w = words.rollup;
  const profile: LayoutProfile = { ...DEFAULT_PROFILE, ...options.profile, margins: { ...DEFAULT_PROFILE.margins, ...options.profile?.margins } };
  const date = options.date ?? `${output.period?.year ?? 2000}-12-31`;
  isoDate(date); // checked before any work
  const view = options.counts === 'own' ? 'own' : 'cumulative';
  const units = output.units;
  const tops = units.filter((u) => u.depth === 0);
  const period = output.period ? periodLabel(output.period, lang) : '';
  const title = options.title !== undefined ? printable(options.title) : w.heading(period);
  const regulations = regulationNames(output.regulations ?? [], words);
  const issuer = options.unit?.issuer ?? (tops.length === 1 ? tops[0]!.name : words.blank);
  const body: Content[] = [];
  const forDecision = hasForDecision(output);
  const widths = forDecision ? LEVEL_WIDTHS_FOR_DECISION : LEVEL_WIDTHS;

  // I and II: members, then collectives, a row per unit and a total over the top units.
  const kinds = [
    { label: w.members, pick: (u: UnitRollup) => u[view].members },
    { label: w.collectives, pick: (u: UnitRollup) => u[view].collectives },
  ];
  for (const kind of kinds) {
    if (kind.label === w.collectives && units.every((u) => u.cumulative.collectives.total === 0)) continue;
    const rows: TableCell[][] = units.map((u, i) => [{ text: String(i + 1), alignment: 'center' }, unitCell(u), ...levelCells(kind.pick(u), lang, forDecision, u.depth === 0)]);
    // With cumulative counts the top units already hold everything; with own counts every unit adds up.
    const all = sumTallies((view === 'cumulative' ? tops : units).map(kind.pick));
    rows.push([{ text: '' }, { text: w.allRow, bold: true }, ...levelCells(all, lang, forDecision, true)]);
    body.push(section(heading(kind.label, profile), table([...levelHead(words, w.unitCol, forDecision), ...rows], widths, profile), units.length));
  }

  // III: by audience, over the top units.
  const audienceRows: TableCell[][] = (['leader', 'non-leader', 'outside-system'] as const).map((a, i) => [
    { text: String(i + 1), alignment: 'center' },
    { text: w.audiences[a] },
    ...levelCells(sumTallies(tops.map((u) => u.cumulative.byAudience[a])), lang, forDecision),
  ]);
  audienceRows.push([{ text: '4', alignment: 'center' }, { text: w.collectiveRow }, ...levelCells(sumTallies(tops.map((u) => u.cumulative.collectives)), lang, forDecision)]);
  audienceRows.push([{ text: '' }, { text: w.allRow, bold: true }, ...levelCells(sumTallies(tops.map((u) => u.cumulative.all)), lang, forDecision, true)]);
  body.push({ stack: [heading(w.audience, profile), table([...levelHead(words, w.audienceCol, forDecision), ...audienceRows], widths, profile)], unbreakable: true });

  // IV: quota lines per unit (cumulative), with the basis of the ratio once.
  body.push(heading(w.quota, profile));
  const withQuota = units.filter((u) => u.quota.length > 0);
  if (withQuota.length === 0) body.push({ text: w.noQuota, italics: true, fontSize: profile.bodySize - 2 });
  const multiPeriod = new Set(units.flatMap((u) => u.quota.map((q) => `${q.period.year}/${q.period.quarter ?? 0}`))).size > 1;
  for (const u of withQuota) {
    body.push({
      stack: [
        { text: printable(u.name), bold: true, fontSize: profile.bodySize - 2, margin: [u.depth * 8, 2, 0, 1] },
        { ul: u.quota.map((q) => ({ text: quotaSentence(q, words, multiPeriod), bold: q.over })), fontSize: profile.bodySize - 3, margin: [u.depth * 8 + 6, 0, 0, 0] },
      ],
      unbreakable: true,
    });
  }
  const bases = [...new Set(units.flatMap((u) => u.quota.map((q) => quotaBasis(q, words))))];
  for (const b of bases) body.push({ text: `${words.summary.quotaBasis}${b}`, italics: true, fontSize: profile.bodySize - 3, margin: [0, 2, 0, 0] });
  body.push({ text: printable(output.quotaNote?.[lang] ?? ''), italics: true, fontSize: profile.bodySize - 3, margin: [0, 2, 0, 0] });

  // V: remediation plans.
  if (output.remediation) {
    const share = (s: { withPlan: number; total: number; percent: number | null }) => w.planShare(s.withPlan, s.total, pct(s.percent, lang));
    const rows: TableCell[][] = units.map((u, i) => {
      const r = u.remediation![view];
      const c = (text: string): TableCell => ({ text, alignment: 'center', bold: u.depth === 0 });
      return [{ text: String(i + 1), alignment: 'center' }, unitCell(u), c(share(r.collectives)), c(share(r.members)), c(String(r.items.total)), c(String(r.items.remedied)), c(String(r.items.inProgress)), c(String(r.items.notRemedied))];
    });
    const headRow = [head(w.no), head(w.unitCol), ...w.remediationHead.map((t) => head(t))];
    body.push(section(heading(w.remediation, profile), table([headRow, ...rows], ['auto', '*', 90, 90, 60, 55, 55, 55], profile, 1), units.length));
  }

  // VI: feedback by category.
  if (output.feedback) {
    const cats = output.feedback.categories.categories;
    const rows: TableCell[][] = units.map((u, i) => {
      const f = u.feedback![view];
      const c = (text: string): TableCell => ({ text, alignment: 'center', bold: u.depth === 0 });
      return [{ text: String(i + 1), alignment: 'center' }, unitCell(u), ...cats.map((k) => c(String(f.byCategory[k.id] ?? 0))), c(String(f.total)), c(String(f.answered))];
    });
    const headRow = [head(w.no), head(w.unitCol), ...cats.map((k) => head(printable(k.label))), head(w.total), head(w.answered)];
    const basis = output.feedback.categories;
    body.push(
      section(heading(w.feedback, profile), table([headRow, ...rows], ['auto', '*', ...cats.map(() => 56), 44, 60], profile, 1), units.length),
      { text: `${w.categories}${words.basis({ citation: printable(basis.citationText), provenance: provenanceWord(basis.provenance, lang), overlay: '' })}${basis.note ? `. ${printable(basis.note)}` : ''}`, italics: true, fontSize: profile.bodySize - 3 },
    );
  }

  // Notes: what is not in the tables, how the numbers were made, and that the layout is a reference one.
  const notes: string[] = [view === 'cumulative' ? w.basisCumulative : w.basisOwn, w.rounding, ...(forDecision ? [w.forDecisionNote] : [])];
  const unplaced = output.unplaced.results;
  if (unplaced.length) {
    const ids = unplaced.slice(0, 10).map((u) => printable(u.id ?? `#${u.index + 1}`)).join(', ') + (unplaced.length > 10 ? ', …' : '');
    notes.push(w.unplaced(unplaced.length, ids));
  }
  const bySource = (s: string) => new Set(output.errors.filter((e) => e.source === s).map((e) => e.index)).size;
  const invalid = bySource('results') + bySource('remediation') + bySource('feedback');
  if (invalid > 0 || output.accounted.subjectsNotRated > 0) {
    notes.push(w.invalid({ count: invalid, results: bySource('results'), remediation: bySource('remediation'), feedback: bySource('feedback'), notRated: output.accounted.subjectsNotRated }));
  }
  notes.push(w.reference);
  body.push({ stack: [{ text: `${w.notes}:`, bold: true, italics: true }, { ul: notes }], fontSize: profile.bodySize - 3, italics: true, margin: [0, 8, 0, 0], unbreakable: true });

  const definition = unitReport(
    { issuer, unit: options.unit, blank: words.blank, date, title, basis: regulations ? words.underRegulations(regulations) : undefined, body, signer: options.signer ?? w.signer, signNote: words.signNote, subject: 'rollup' },
    profile,
  );
  return { ...definition, pageOrientation: 'landscape' };
}
