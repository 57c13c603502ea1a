/**
 * kiemdiem remediation --input PLANS.json [--subjects SUBJECTS.json] [--format json|table] [--lang vi|en]:
 * the state of remediation plans (kế hoạch khắc phục hạn chế, khuyết điểm): per plan and in total, how many
 * items are đã / đang / chưa khắc phục and whether all are remedied (QĐ 366 Điều 11 khoản 1, "100 %").
 * With --subjects, prints the subjects instead, each with `shortcomings` taken from its earlier plans, ready
 * for `kiemdiem rate --input -`. PLANS.json is an array of plans or `{ "plans": [...] }`. Invalid plans are
 * reported (exit 1) and left out; the others are still counted.
 */
import { checkRemediationPlan, locale, remediationStatus, REMEDIED_CONDITION, withRemediation, type Lang, type RemediationPlan, type RemediationStatus, type Subject } from '@kiemdiem/rules';
import { defineCommand } from '../command';
import { EXIT, UsageError, type Io } from '../io';
import { readJson, readJsonLines } from '../input';
import type { Messages } from '../locales';
import { printable, renderTable, truncate } from '../table';

export const remediation = defineCommand({
  name: 'remediation',
  flags: {
    input: { type: 'string', short: 'i', required: true, arg: 'FILE' },
    subjects: { type: 'string', arg: 'FILE' },
    format: { type: 'string', short: 'f', choices: ['json', 'table'], default: 'table' },
  },
  run: (v, { io, lang, msg }) => remediationCommand({ input: v.input, ...(v.subjects ? { subjects: v.subjects } : {}), format: v.format, lang }, io, msg),
});

export interface RemediationArgs {
  input: string;
  subjects?: string;
  format: 'json' | 'table';
  lang: Lang;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export async function remediationCommand(args: RemediationArgs, io: Io, msg: Messages): Promise<number> {
  const w = msg.remediation;
  const data = readJson(args.input, msg);
  const list = Array.isArray(data) ? data : isObject(data) && Array.isArray(data.plans) ? data.plans : null;
  if (!list) throw new UsageError(w.notPlans(args.input));

  // Every plan is accounted for: valid ones are counted, invalid ones listed with their problems.
  const plans: RemediationPlan[] = [];
  const errors: Array<{ index: number; path: string; code: string; message: string }> = [];
  list.forEach((plan, index) => {
    const issues = checkRemediationPlan(plan, args.lang);
    if (issues.length === 0) plans.push(plan as RemediationPlan);
    else for (const i of issues) errors.push({ index, ...i });
  });
  const invalidPlans = new Set(errors.map((e) => e.index)).size;

  if (args.subjects !== undefined) {
    const read = /\.(jsonl|ndjson)$/i.test(args.subjects) ? readJsonLines(args.subjects, msg) : readJson(args.subjects, msg);
    if (!Array.isArray(read)) throw new UsageError(w.notSubjects(args.subjects));
    const subjects = read as Subject[];
    const ready = subjects.map((s) => (isObject(s) && isObject(s.period) && typeof s.id === 'string' ? withRemediation(s, plans, { lang: args.lang }) : s));
    io.stdout(`${JSON.stringify(ready, null, 2)}\n`);
  } else {
    const each = plans.map((p) => ({ id: p.id ?? null, target: p.target, year: p.year, ...statusOf(p, args.lang) }));
    const total = plans.length ? remediationStatus(plans, { lang: args.lang }) : null;
    if (args.format === 'json') io.stdout(`${JSON.stringify({ plans: each, total, accounted: { plans: list.length, valid: plans.length, invalid: invalidPlans }, errors }, null, 2)}\n`);
    else {
      const row = (name: string, who: string, year: string, s: RemediationStatus) => [name, who, year, String(s.items), String(s.remedied), String(s.inProgress), String(s.notRemedied - s.unreported), String(s.unreported), msg.percent(s.percentRemedied, 1)];
      const rows = each.map((p) => row(truncate(p.id ?? '—', 24), truncate(p.target.name ? `${p.target.name} (${p.target.id})` : p.target.id, 36), String(p.year), p));
      if (total) rows.push(row(w.total, '', '', total));
      const basis = REMEDIED_CONDITION;
      io.stdout(`${[...renderTable(w.head, rows), '', `${w.basis}: ${locale(args.lang).citation(basis.citation)} (${msg.provenance(basis.provenance)})`].join('\n')}\n`);
    }
  }
  if (errors.length) {
    io.stderr(`${w.invalid(invalidPlans, list.length)}\n`);
    for (const e of errors.slice(0, 20)) io.stderr(`${printable(`  [${e.index}]${e.path ? ` ${e.path}` : ''}: ${e.message}`)}\n`);
    return EXIT.failed;
  }
  return EXIT.ok;
}

function statusOf(plan: RemediationPlan, lang: Lang): RemediationStatus {
  return remediationStatus(plan, { lang });
}
