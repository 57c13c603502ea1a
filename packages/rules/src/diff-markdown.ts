/** A diff report as Markdown, for a tester to attach to a change ticket (Vietnamese by default). */
import type { DiffReport, LevelOrNone } from './diff';
import { periodLabel } from './dates';
import { locale } from './locales';
import type { Citation, Lang, Provenance, Reason } from './types';

/** The report's wording, shared by the Markdown and PDF versions of the diff report. */
export const DIFF_WORDS = {
  vi: {
    title: (a: string, b: string) => `# So sánh quy định: ${a} → ${b}`,
    summary: 'Tóm tắt',
    subjects: 'Số đối tượng',
    unchanged: 'Không đổi mức xếp loại',
    changed: 'Thay đổi mức xếp loại',
    incomplete: 'Thiếu thông tin để xếp loại ở một bên',
    errors: 'Dữ liệu không hợp lệ',
    rules: (a: number, r: number, c: number) => `Quy tắc: thêm ${a}, bỏ ${r}, sửa ${c}`,
    params: (n: number) => `Tham số thay đổi: ${n}`,
    matrix: 'Ma trận chuyển mức xếp loại',
    fromTo: 'Trước → Sau',
    none: 'Không xếp loại',
    paramTable: 'Tham số',
    paramHead: ['Tham số', 'Giá trị cũ', 'Giá trị mới', 'Căn cứ cũ', 'Căn cứ mới'],
    ruleSection: 'Quy tắc',
    added: 'Thêm',
    removed: 'Bỏ',
    changedRules: 'Sửa',
    ruleHead: ['Mã quy tắc', 'Mức', 'Điều kiện', 'Căn cứ', 'Độ tin cậy'],
    changeHead: ['Mã quy tắc', 'Nội dung thay đổi', 'Trước', 'Sau'],
    people: 'Đối tượng thay đổi mức xếp loại',
    peopleHead: ['Mã', 'Trước', 'Sau', 'Căn cứ (trước)', 'Căn cứ (sau)'],
    missingHead: ['Mã', 'Thiếu (quy định cũ)', 'Thiếu (quy định mới)'],
    errorHead: ['Mã', 'Vị trí', 'Lỗi'],
    nothing: 'Không có.',
    overlay: 'hướng dẫn địa phương',
    quota: 'Tỷ lệ HTXSNV theo nhóm thay đổi',
    quotaHead: ['Nhóm', 'Kỳ', 'Trước (HTXSNV/HTTNV, được phép, tối đa, vượt?)', 'Sau (HTXSNV/HTTNV, được phép, tối đa, vượt?)'],
    yes: 'vượt',
    no: 'trong tỷ lệ',
  },
  en: {
    title: (a: string, b: string) => `# Regulation diff: ${a} → ${b}`,
    summary: 'Summary',
    subjects: 'Subjects',
    unchanged: 'Same rating',
    changed: 'Rating changed',
    incomplete: 'Missing facts on one side',
    errors: 'Invalid input',
    rules: (a: number, r: number, c: number) => `Rules: ${a} added, ${r} removed, ${c} changed`,
    params: (n: number) => `Parameters changed: ${n}`,
    matrix: 'Level transition matrix',
    fromTo: 'From → To',
    none: 'Not rated',
    paramTable: 'Parameters',
    paramHead: ['Parameter', 'Old value', 'New value', 'Old basis', 'New basis'],
    ruleSection: 'Rules',
    added: 'Added',
    removed: 'Removed',
    changedRules: 'Changed',
    ruleHead: ['Rule id', 'Level', 'Conditions', 'Basis', 'Provenance'],
    changeHead: ['Rule id', 'What changed', 'Before', 'After'],
    people: 'Subjects whose rating changes',
    peopleHead: ['Id', 'Before', 'After', 'Basis (before)', 'Basis (after)'],
    missingHead: ['Id', 'Missing (old)', 'Missing (new)'],
    errorHead: ['Id', 'Where', 'Problem'],
    nothing: 'None.',
    overlay: 'local guidance',
    quota: 'HTXSNV quota lines that change',
    quotaHead: ['Group', 'Period', 'Before (HTXSNV/HTTNV, allowed, max, over?)', 'After (HTXSNV/HTTNV, allowed, max, over?)'],
    yes: 'over',
    no: 'within',
  },
};

/** Escapes a table cell: pipes and line breaks would break the row. */
function cell(value: unknown): string {
  const text = value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value);
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function table(head: string[], rows: unknown[][]): string[] {
  return [`| ${head.map(cell).join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)];
}

export function diffToMarkdown(report: DiffReport, lang: Lang = 'vi'): string {
  const t = DIFF_WORDS[lang];
  const loc = locale(lang);
  const cite = (c: Citation | null, p: Provenance | null) => (c ? `${loc.citation(c)}${p ? ` (${p})` : ''}` : '—');
  const reasons = (rs: Reason[]) => rs.map((r) => `${r.outcome === 'failed' ? '✗' : r.outcome === 'met' ? '✓' : '•'} ${r.rule}: ${r.message} [${r.citationText}; ${r.provenance}${r.overlay ? `; ${t.overlay} ${r.overlay}` : ''}]`).join('<br>');
  const s = report.structural;
  const out: string[] = [t.title(`${report.from.number} (${report.from.id})`, `${report.to.number} (${report.to.id})`), '', `## ${t.summary}`, ''];
  if (report.impact) {
    const i = report.impact;
    out.push(`- ${t.subjects}: ${i.total}`, `- ${t.unchanged}: ${i.unchanged}`, `- ${t.changed}: ${i.changed.length}`, `- ${t.incomplete}: ${i.incomplete.length}`, `- ${t.quota}: ${i.quota.length}`);
    if (i.errors.length) out.push(`- ${t.errors}: ${new Set(i.errors.map((e) => e.index)).size}`);
  }
  out.push(`- ${t.rules(s.added.length, s.removed.length, s.changed.length)}`, `- ${t.params(s.parameters.length)}`, '');

  if (report.impact) {
    const keys: LevelOrNone[] = ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV', 'none'];
    const name = (k: LevelOrNone) => (k === 'none' ? t.none : k);
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
        ? table(t.peopleHead, i.changed.map((c) => [c.id, c.from.level ?? c.from.status, c.to.level ?? c.to.status, reasons(c.because.from), reasons(c.because.to)]))
        : [t.nothing]),
      '',
    );
    if (i.quota.length) {
      const side = (q: (typeof i.quota)[number]['from']) => (q ? `${q.excellent}/${q.good}, ${q.allowed}, ${q.maxExcellent}, ${q.over ? t.yes : t.no} (${q.ratio}, ${q.rounding})` : '—');
      out.push(`## ${t.quota} (${i.quota.length})`, '', ...table(t.quotaHead, i.quota.map((q) => [q.group, periodLabel(q.period, lang), side(q.from), side(q.to)])), '');
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
