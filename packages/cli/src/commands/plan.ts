/**
 * kiemdiem plan: check a review plan (kế hoạch kiểm điểm) against the rule pack's process rules.
 * Exit 0 when no finding is an error, 1 when the plan breaks a rule, 2 when the plan itself is malformed
 * (each problem named by its field) or the request is (unknown regulation, unreadable file).
 */
import { checkPlan, loadRegulation, type CheckPlanResult, type Lang, type PlanFinding } from '@kiemdiem/rules';
import { EXIT, UsageError, type Io } from '../io';
import { readJson } from '../input';
import type { Messages } from '../messages';
import { overlaidPack } from './packref';
import { provenanceWord } from '../words';

export interface PlanArgs {
  input?: string;
  regulation?: string;
  overlays: string[];
  format: 'json' | 'table';
  lang: Lang;
}

/** At most this many field problems go to stderr; all of them are in the output. */
const MAX_LISTED = 20;

export function planCommand(args: PlanArgs, io: Io, msg: Messages): number {
  if (!args.input) throw new UsageError(msg.missingInput);
  const plan = readJson(args.input, msg);
  const pack = overlaidPack(args.regulation, args.overlays, msg);
  const result = checkPlan(plan, { lang: args.lang, ...(args.regulation ? { regulation: args.regulation } : {}), ...(pack ? { pack } : {}) });
  io.stdout(args.format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : `${planTableLines(result, plan, args.lang).join('\n')}\n`);

  const shape = result.findings.filter((f) => f.kind === 'shape' && f.severity === 'error');
  if (shape.length > 0) {
    const listed = shape.slice(0, MAX_LISTED).map((f) => `  ${f.path || '/'}: ${f.message}`);
    const more = shape.length > MAX_LISTED ? [`  … ${shape.length - MAX_LISTED}`] : [];
    io.stderr(`${msg.planInvalid(args.input, shape.length)}\n${[...listed, ...more].join('\n')}\n`);
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
  const vi = lang === 'vi';
  const lines: string[] = [];
  let regulation = '';
  if (result.regulation) {
    const [base, ...overlays] = result.regulation.split('+');
    const m = loadRegulation(base!).manifest;
    regulation = ` — ${m.documentType} ${m.number}${overlays.length ? ` + ${overlays.join(' + ')}` : ''}`;
  }
  const year = result.year !== undefined ? ` — ${vi ? 'năm' : 'year'} ${result.year}` : '';
  lines.push(`${vi ? 'KIỂM TRA KẾ HOẠCH KIỂM ĐIỂM' : 'REVIEW PLAN CHECK'}${year}${regulation}`);
  const name = plan !== null && typeof plan === 'object' && typeof (plan as { name?: unknown }).name === 'string' ? (plan as { name: string }).name : undefined;
  if (name) lines.push(name);
  lines.push('');
  if (result.findings.length === 0) lines.push(vi ? 'Không phát hiện vi phạm nào.' : 'No finding.');
  else lines.push(vi ? 'PHÁT HIỆN (✗ lỗi, ! cảnh báo)' : 'FINDINGS (✗ error, ! warning)');
  result.findings.forEach((f, i) => {
    lines.push(`${i + 1}. ${MARK[f.severity]} [${f.code}] ${f.message}`);
    lines.push(`   ${basis(f, lang)}`);
  });
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const warnings = result.findings.length - errors;
  lines.push('', vi ? 'TỔNG HỢP' : 'SUMMARY');
  lines.push(vi ? `- Lỗi: ${errors}; cảnh báo: ${warnings}` : `- Errors: ${errors}; warnings: ${warnings}`);
  lines.push(vi ? `- Kết luận: ${result.ok ? 'kế hoạch đạt yêu cầu' : 'kế hoạch chưa đạt yêu cầu'}` : `- Result: ${result.ok ? 'the plan meets the rules' : 'the plan does not meet the rules'}`);
  return lines;
}

/** Where a finding comes from: the citation and provenance (and local guidance), or the field for a shape problem. */
function basis(f: PlanFinding, lang: Lang): string {
  const vi = lang === 'vi';
  if (f.kind === 'shape') return `(${vi ? 'trường' : 'field'} ${f.path || '/'})`;
  const local = f.overlay ? `; ${vi ? 'hướng dẫn địa phương' : 'local guidance'} ${f.overlay}` : '';
  return `[${f.citationText}; ${provenanceWord(f.provenance, lang)}${local}] (${f.path})`;
}
