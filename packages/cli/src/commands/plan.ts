/**
 * kiemdiem plan: check a review plan (kế hoạch kiểm điểm) against the rule pack's process rules.
 * Exit 0 when no finding is an error, 1 when the plan breaks a rule, 2 when the plan itself is malformed
 * (each problem named by its field) or the request is (unknown regulation, unreadable file).
 */
import { checkPlan, loadRegulation, type CheckPlanResult, type Lang, type PlanFinding } from '@kiemdiem/rules';
import { defineCommand } from '../command';
import { EXIT, type Io } from '../io';
import { readJson } from '../input';
import { messages, type Messages } from '../locales';
import { overlaidPack } from './packref';
import { printableLines } from '../table';

export const plan = defineCommand({
  name: 'plan',
  flags: {
    input: { type: 'string', short: 'i', required: true, arg: 'FILE' },
    regulation: { type: 'string', short: 'r', arg: 'ID' },
    overlay: { type: 'string', multiple: true, arg: 'FILE' },
    format: { type: 'string', short: 'f', choices: ['json', 'table'], default: 'json' },
  },
  run: (v, { io, lang, msg }) => planCommand({ input: v.input, ...(v.regulation ? { regulation: v.regulation } : {}), overlays: v.overlay, format: v.format, lang }, io, msg),
});

export interface PlanArgs {
  input: string;
  regulation?: string;
  overlays: string[];
  format: 'json' | 'table';
  lang: Lang;
}

/** At most this many field problems go to stderr; all of them are in the output. */
const MAX_LISTED = 20;

export function planCommand(args: PlanArgs, io: Io, msg: Messages): number {
  const plan = readJson(args.input, msg);
  const pack = overlaidPack(args.regulation, args.overlays, msg);
  const result = checkPlan(plan, { lang: args.lang, ...(args.regulation ? { regulation: args.regulation } : {}), ...(pack ? { pack } : {}) });
  io.stdout(args.format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : `${printableLines(planTableLines(result, plan, args.lang).join('\n'))}\n`);

  const shape = result.findings.filter((f) => f.kind === 'shape' && f.severity === 'error');
  if (shape.length > 0) {
    const listed = shape.slice(0, MAX_LISTED).map((f) => `  ${f.path || '/'}: ${f.message}`);
    const more = shape.length > MAX_LISTED ? [`  … ${shape.length - MAX_LISTED}`] : [];
    io.stderr(`${printableLines(`${msg.planInvalid(args.input, shape.length)}\n${[...listed, ...more].join('\n')}`)}\n`);
    return EXIT.usage;
  }
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  if (errors > 0) {
    io.stderr(`${msg.planFailed(errors, result.findings.length - errors)}\n`);
    return EXIT.failed;
  }
  return EXIT.ok;
}

const MARK = { error: '✗', warning: '!' } as const;

export function planTableLines(result: CheckPlanResult, plan: unknown, lang: Lang): string[] {
  const w = messages(lang);
  const lines: string[] = [];
  let regulation = '';
  if (result.regulation) {
    const [base, ...overlays] = result.regulation.split('+');
    const m = loadRegulation(base!).manifest;
    regulation = ` — ${m.documentType} ${m.number}${overlays.length ? ` + ${overlays.join(' + ')}` : ''}`;
  }
  const year = result.year !== undefined ? ` — ${w.plan.year(result.year)}` : '';
  lines.push(`${w.plan.title}${year}${regulation}`);
  const name = plan !== null && typeof plan === 'object' && typeof (plan as { name?: unknown }).name === 'string' ? (plan as { name: string }).name : undefined;
  if (name) lines.push(name);
  lines.push('');
  lines.push(result.findings.length === 0 ? w.plan.none : w.plan.findings);
  result.findings.forEach((f, i) => {
    lines.push(`${i + 1}. ${MARK[f.severity]} [${f.code}] ${f.message}`);
    lines.push(`   ${basis(f, w)}`);
  });
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const warnings = result.findings.length - errors;
  lines.push('', w.plan.summary);
  lines.push(w.plan.counts(errors, warnings));
  lines.push(w.plan.result(result.ok));
  return lines;
}

/** Where a finding comes from: the citation and provenance (and local guidance), or the field for a shape problem. */
function basis(f: PlanFinding, w: Messages): string {
  if (f.kind === 'shape') return w.plan.field(f.path || '/');
  const local = f.overlay ? `; ${w.localGuidance(f.overlay)}` : '';
  return `[${f.citationText}; ${w.provenance(f.provenance)}${local}] (${f.path})`;
}
