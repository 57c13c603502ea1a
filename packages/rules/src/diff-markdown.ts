/** A diff report as Markdown, for a tester to attach to a change ticket (Vietnamese by default). */
import { badArgument, isObj, optionsOf } from './args';
import { shownMatrixKeys, type DiffReport, type ImpactSide, type MatrixKey } from './diff';
import { en, langOf, locale, periodLabel, vi, type Locale } from './locales';
import type { Citation, Lang, Provenance, Reason } from './types';

/** The report's wording, shared by the Markdown and PDF versions of the diff report (the locales' `diff`). */
// Pure (a bundler cannot tell that reading the locales has no effect): unused, it is left out of bundles.
export const DIFF_WORDS: Record<Lang, Locale['diff']> = /* @__PURE__ */ (() => ({ vi: vi.diff, en: en.diff }))();

/** Escapes a table cell: pipes and line breaks would break the row. */
function cell(value: unknown): string {
  const text = value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value);
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function table(head: string[], rows: unknown[][]): string[] {
  return [`| ${head.map(cell).join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)];
}

export function diffToMarkdown(report: DiffReport, lang: Lang = 'vi'): string {
  if (!isObj(report) || !isObj(report.from) || !isObj(report.to) || !isObj(report.structural)) throw badArgument('report', 'report');
  const loc = locale(lang);
  const t = loc.diff;
  const cite = (c: Citation | null, p: Provenance | null) => (c ? `${loc.citation(c)}${p ? ` (${p})` : ''}` : '—');
  const reasons = (rs: Reason[]) => rs.map((r) => `${r.outcome === 'failed' ? '✗' : r.outcome === 'met' ? '✓' : '•'} ${r.rule}: ${r.message} [${r.citationText}; ${r.provenance}${r.overlay ? `; ${t.overlay} ${r.overlay}` : ''}]`).join('<br>');
  // A case left to the competent level in words, with what the rules give without it; other sides as before.
  const sideText = (x: ImpactSide) => {
    if (x.status !== 'for-decision') return x.level ?? x.status;
    return x.decision ? `${t.forDecision} (${t.without(x.decision.without)})` : t.forDecision;
  };
  const s = report.structural;
  const out: string[] = [t.title(`${report.from.number} (${report.from.id})`, `${report.to.number} (${report.to.id})`), '', `## ${t.summary}`, ''];
  if (report.impact) {
    const i = report.impact;
    out.push(`- ${t.subjects}: ${i.total}`, `- ${t.unchanged}: ${i.unchanged}`, `- ${t.changed}: ${i.changed.length}`, `- ${t.incomplete}: ${i.incomplete.length}`, `- ${t.quota}: ${i.quota.length}`);
    if (i.errors.length) out.push(`- ${t.errors}: ${new Set(i.errors.map((e) => e.index)).size}`);
  }
  out.push(`- ${t.rules(s.added.length, s.removed.length, s.changed.length)}`, `- ${t.params(s.parameters.length)}`, '');

  if (report.impact) {
    const keys = shownMatrixKeys(report.impact.matrix);
    const name = (k: MatrixKey) => (k === 'none' ? t.none : k === 'for-decision' ? t.forDecision : k);
    out.push(`## ${t.matrix}`, '', ...table([t.fromTo, ...keys.map(name)], keys.map((a) => [name(a), ...keys.map((b) => report.impact!.matrix[a][b])])), '');
  }

  out.push(`## ${t.paramTable}`, '');
  if (s.parameters.length === 0) out.push(t.nothing, '');
  else out.push(...table(t.paramHead, s.parameters.map((p) => [p.name, p.from, p.to, cite(p.fromCitation, p.fromProvenance), cite(p.toCitation, p.toProvenance) + (p.overlay ? ` (${t.overlay} ${p.overlay})` : '')])), '');

  out.push(`## ${t.ruleSection}`, '');
  const ruleRows = (rs: typeof s.added) => rs.map((r) => [r.id, r.level ?? r.stage, r.conditions, r.citationText, r.provenance]);
  for (const [title, rows] of [[t.added, s.added], [t.removed, s.removed]] as const) {
    out.push(`### ${title} (${rows.length})`, '');
    out.push(...(rows.length ? table(t.ruleHead, ruleRows(rows)) : [t.nothing]), '');
  }
  out.push(`### ${t.changedRules} (${s.changed.length})`, '');
  out.push(...(s.changed.length ? table(t.changeHead, s.changed.flatMap((c) => c.changes.map((x) => [c.id, x.field, x.from, x.to]))) : [t.nothing]), '');

  if (report.impact) {
    const i = report.impact;
    out.push(`## ${t.people} (${i.changed.length})`, '');
    out.push(
      ...(i.changed.length
        ? table(t.peopleHead, i.changed.map((c) => [c.id, sideText(c.from), sideText(c.to), reasons(c.because.from), reasons(c.because.to)]))
        : [t.nothing]),
      '',
    );
    if (i.quota.length) {
      const side = (q: (typeof i.quota)[number]['from']) => (q ? `${q.excellent}/${q.good}, ${q.allowed}, ${q.maxExcellent}, ${q.over ? t.yes : t.no} (${q.ratio}, ${q.rounding})` : '—');
      out.push(`## ${t.quota} (${i.quota.length})`, '', ...table(t.quotaHead, i.quota.map((q) => [q.group, periodLabel(q.period, langOf(lang)), side(q.from), side(q.to)])), '');
    }
    if (i.incomplete.length) {
      out.push(`## ${t.incomplete} (${i.incomplete.length})`, '', ...table(t.missingHead, i.incomplete.map((x) => [x.id ?? `#${x.index}`, x.missing.from.join(', ') || '—', x.missing.to.join(', ') || '—'])), '');
    }
    if (i.errors.length) {
      out.push(`## ${t.errors}`, '', ...table(t.errorHead, i.errors.map((e) => [e.id ?? `#${e.index}`, e.path || '/', e.message])), '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
