/**
 * renderDiff(report): the regulation diff as a PDF, with the sections of diffToMarkdown: summary counts,
 * the level-transition matrix, the parameters, the rules added, removed and changed, the subjects whose
 * rating changes with the reasons on each side, the quota lines that change, and the incomplete or
 * invalid subjects. A4 landscape, Tinos embedded, byte-identical for the same input.
 */
import { KiemdiemError, locale, periodLabel, shownMatrixKeys, type Citation, type DiffReport, type ImpactSide, type Lang, type MatrixKey, type Provenance, type Reason, type RuleSummary } from '@kiemdiem/rules';
import type { Content, TableCell } from 'pdfmake/interfaces';
import type { PdfDefinition } from './pdf-types';
import { isoDate } from './dates';
import { DEFAULT_PROFILE, mm, type LayoutProfile } from './layout';
import { reportLocale } from './locales';
import type { FontInput } from './print';
import { printable, provenanceWord, ratioWord, roundingWord } from './words';

export interface DiffRenderOptions {
  /** YYYY-MM-DD: printed under the title and used as the PDF creation date. Default: no date line, 2000-01-01 in the metadata. */
  date?: string;
  lang?: Lang;
  /** Replaces the default title ("So sánh quy định: … → …"). */
  title?: string;
  profile?: Partial<LayoutProfile>;
  /** Font bytes: required in browsers (or setFonts once); under Node the bundled Tinos by default. */
  fonts?: FontInput;
}

const MARK = { met: '\u221A', failed: '\u00D7', applied: '\u2022', disabled: '\u25CB' } as const;
const DASH = '—';

function heading(text: string, level: 1 | 2, profile: LayoutProfile): Content {
  return level === 1
    ? { text: text.toUpperCase(), bold: true, fontSize: profile.bodySize - 1, margin: [0, 12, 0, 4] }
    : { text, bold: true, italics: true, fontSize: profile.bodySize - 2, margin: [0, 8, 0, 3] };
}

function table(head: readonly string[], rows: TableCell[][], widths: Array<number | string>, profile: LayoutProfile, fontSize = profile.bodySize - 5): Content {
  return {
    table: { headerRows: 1, dontBreakRows: false, widths, body: [head.map((text) => ({ text, bold: true, alignment: 'center' as const })), ...rows] },
    fontSize,
    lineHeight: 1.05,
    margin: [0, 0, 0, 6],
  };
}

/** The pdfmake document for a diff report (exported for tests; renderDiff turns it into bytes). */
export function diffDefinition(report: DiffReport, options: DiffRenderOptions = {}): PdfDefinition {
  const words = reportLocale(options.lang);
  const { lang } = words;
  if (!report || !report.structural || !report.from || !report.to) throw new KiemdiemError('invalid-subject', words.notInput.diff);
  const t = words.diff;
  const loc = locale(lang);
  const profile: LayoutProfile = { ...DEFAULT_PROFILE, ...options.profile, margins: { ...DEFAULT_PROFILE.margins, ...options.profile?.margins } };
  const creationDate = isoDate(options.date ?? '2000-01-01');
  const prov = (p: Provenance | null | undefined) => (p ? provenanceWord(p, lang) : '');
  const cite = (c: Citation | null, p: Provenance | null, overlay?: string) =>
    c ? words.basis({ citation: printable(loc.citation(c)), provenance: prov(p), overlay: overlay ? printable(overlay) : '' }) : DASH;
  const value = (v: unknown) => (v === null || v === undefined ? DASH : printable(v));
  const levelName = (k: MatrixKey) => (k === 'none' ? t.none : k === 'for-decision' ? t.forDecision : k);
  const s = report.structural;
  const i = report.impact;

  const side = (r: { id: string; number: string }) => `${printable(r.number)} (${printable(r.id)})`;
  const title = options.title !== undefined ? printable(options.title) : t.title(side(report.from), side(report.to));
  const content: Content[] = [
    { text: title, bold: true, fontSize: profile.titleSize, alignment: 'center' },
    { text: `${printable(report.from.title)} → ${printable(report.to.title)}`, italics: true, alignment: 'center', fontSize: profile.bodySize - 3, margin: [0, 2, 0, 0] },
  ];
  if (options.date) {
    content.push({ text: t.prepared(options.date), italics: true, alignment: 'center', fontSize: profile.bodySize - 3, margin: [0, 2, 0, 0] });
  }

  // Summary counts
  const bullets: string[] = [];
  if (i) {
    bullets.push(`${t.subjects}: ${i.total}`, `${t.unchanged}: ${i.unchanged}`, `${t.changed}: ${i.changed.length}`, `${t.incomplete}: ${i.incomplete.length}`, `${t.quota}: ${i.quota.length}`);
    if (i.errors.length) bullets.push(`${t.errors}: ${new Set(i.errors.map((e) => e.index)).size}`);
  }
  bullets.push(t.rules(s.added.length, s.removed.length, s.changed.length), `${t.params}: ${s.parameters.length}`);
  content.push(heading(t.summary, 1, profile), { ul: bullets, fontSize: profile.bodySize - 2 });

  // Level-transition matrix
  if (i) {
    // The levels, for-decision (only when a subject is left to the competent level on a side), then not rated.
    const keys = shownMatrixKeys(i.matrix);
    const rows: TableCell[][] = keys.map((a) => [
      { text: levelName(a), bold: true },
      ...keys.map((b) => {
        const n = i.matrix[a]?.[b] ?? 0;
        return { text: String(n), alignment: 'center' as const, bold: a !== b && n > 0, ...(a === b ? { fillColor: '#eeeeee' } : {}) } as TableCell;
      }),
    ]);
    content.push(
      heading(t.matrix, 1, profile),
      table([t.fromTo, ...keys.map(levelName)], rows, [110, 70, 70, 70, 70, ...keys.slice(4).map(() => 90)], profile, profile.bodySize - 2),
      { text: t.matrixNote, italics: true, fontSize: profile.bodySize - 4 },
    );
  }

  // Parameters
  content.push(heading(t.paramTable, 1, profile));
  if (s.parameters.length === 0) content.push({ text: t.nothing, fontSize: profile.bodySize - 2 });
  else
    content.push(
      table(
        t.paramHead,
        s.parameters.map((p) => [printable(p.name), value(p.from), value(p.to), cite(p.fromCitation, p.fromProvenance), cite(p.toCitation, p.toProvenance, p.overlay)]),
        ['*', 60, 60, '*', '*'],
        profile,
      ),
    );

  // Rules added, removed, changed
  content.push(heading(t.ruleSection, 1, profile));
  const ruleRows = (rs: RuleSummary[]): TableCell[][] =>
    rs.map((r) => [printable(r.id), r.level ?? r.stage, printable(r.conditions), words.basis({ citation: printable(r.citationText), provenance: '', overlay: r.overlay ? printable(r.overlay) : '' }), prov(r.provenance)]);
  for (const [label, rules] of [[t.added, s.added], [t.removed, s.removed]] as const) {
    content.push(heading(`${label} (${rules.length})`, 2, profile));
    content.push(rules.length ? table(t.ruleHead, ruleRows(rules), [150, 50, '*', 150, 70], profile) : { text: t.nothing, fontSize: profile.bodySize - 2 });
  }
  content.push(heading(`${t.changedRules} (${s.changed.length})`, 2, profile));
  const fieldValue = (field: string, v: unknown) => {
    if (v === null || v === undefined) return DASH;
    if (field === 'provenance') return prov(v as Provenance);
    if (Array.isArray(v)) return v.map((x) => printable(x)).join(', ');
    return printable(v);
  };
  content.push(
    s.changed.length
      ? table(
          t.changeHead,
          s.changed.flatMap((c) => c.changes.map((x) => [printable(c.id), t.fields[x.field] ?? x.field, fieldValue(x.field, x.from), fieldValue(x.field, x.to)])),
          [150, 80, '*', '*'],
          profile,
        )
      : { text: t.nothing, fontSize: profile.bodySize - 2 },
  );

  if (i) {
    // Subjects whose rating changes, with the reasons on each side
    const reasons = (rs: Reason[]): Content =>
      rs.length === 0
        ? DASH
        : {
            stack: rs.map((r) => ({
              text: t.reason({ mark: MARK[r.outcome] ?? '', rule: printable(r.rule), message: printable(r.message), citation: printable(r.citationText), provenance: prov(r.provenance), overlay: r.overlay ? printable(r.overlay) : '' }),
              margin: [0, 0, 0, 2],
            })),
          };
    const status = (x: ImpactSide): Content => {
      const word = x.level ?? loc.statuses[x.status] ?? x.status;
      // A case left to the competent level: what the rules give without the cases handed over, under the word.
      return x.status === 'for-decision' && x.decision ? { stack: [word, { text: `(${t.without(x.decision.without)})`, italics: true }] } : word;
    };
    content.push(heading(`${t.people} (${i.changed.length})`, 1, profile));
    if (i.changed.length === 0) content.push({ text: t.nothing, fontSize: profile.bodySize - 2 });
    else
      content.push(
        table(
          t.peopleHead,
          i.changed.map((c) => [printable(c.id), status(c.from), status(c.to), reasons(c.because.from), reasons(c.because.to)]),
          [60, 55, 55, '*', '*'],
          profile,
        ),
        { text: t.legend, italics: true, fontSize: profile.bodySize - 4 },
      );

    if (i.quota.length) {
      const quotaSide = (q: (typeof i.quota)[number]['from']) =>
        q ? t.quotaSide({ excellent: q.excellent, good: q.good, allowed: q.allowed, maxExcellent: q.maxExcellent, over: q.over, ratio: ratioWord(q.ratio, lang), rounding: roundingWord(q.rounding, lang) }) : DASH;
      content.push(
        heading(`${t.quota} (${i.quota.length})`, 1, profile),
        table(t.quotaHead, i.quota.map((q) => [printable(q.group), periodLabel(q.period, lang), quotaSide(q.from), quotaSide(q.to)]), [110, 70, '*', '*'], profile),
      );
    }
    if (i.incomplete.length) {
      content.push(
        heading(`${t.incomplete} (${i.incomplete.length})`, 1, profile),
        table(t.missingHead, i.incomplete.map((x) => [printable(x.id ?? `#${x.index}`), printable(x.missing.from.join(', ')) || DASH, printable(x.missing.to.join(', ')) || DASH]), [110, '*', '*'], profile),
      );
    }
    if (i.errors.length) {
      content.push(
        heading(t.errors, 1, profile),
        table(t.errorHead, i.errors.map((e) => [printable(e.id ?? `#${e.index}`), printable(e.path || '/'), printable(e.message)]), [110, 150, '*'], profile),
      );
    }
  }

  const { top, bottom, left, right } = profile.margins;
  const pageNumber = (currentPage: number): Content | null => {
    if (currentPage === 1) return null;
    return profile.pageNumbers === 'header-center'
      ? { text: String(currentPage), alignment: 'center', fontSize: 12, margin: [0, mm(10), 0, 0] }
      : { text: String(currentPage), alignment: 'right', fontSize: 12, margin: [0, 0, mm(profile.margins.right), 0] };
  };
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [mm(left), mm(top), mm(right), mm(bottom)],
    defaultStyle: { font: 'Tinos', fontSize: profile.bodySize, lineHeight: 1.15 },
    info: { title, subject: 'kiemdiem diff', author: 'kiemdiem', creator: 'kiemdiem', producer: 'kiemdiem', creationDate, modDate: creationDate },
    content,
    ...(profile.pageNumbers === 'header-center' ? { header: pageNumber } : { footer: pageNumber }),
  } as PdfDefinition;
}
