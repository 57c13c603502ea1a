/** kiemdiem rate: rate a JSON array of subjects; json for machines, a Vietnamese table for people. */
import { ENGINES, LEVELS, loadRegulation, locale, periodLabel, rateMany, type Engine, type Lang, type RateManyOutput, type Result } from '@kiemdiem/rules';
import { defineCommand } from '../command';
import { EXIT, UsageError, type Io } from '../io';
import { readJson, readJsonLines } from '../input';
import { rateStream } from '../stream/rate-stream';
import { messages, type Messages } from '../locales';
import { overlaidPack } from './packref';
import { renderTable, truncate } from '../table';

export const rate = defineCommand({
  name: 'rate',
  flags: {
    input: { type: 'string', short: 'i', required: true, arg: 'FILE' },
    regulation: { type: 'string', short: 'r', arg: 'ID' },
    overlay: { type: 'string', multiple: true, arg: 'FILE' },
    format: { type: 'string', short: 'f', choices: ['json', 'table', 'jsonl'], default: 'json' },
    engine: { type: 'string', choices: ENGINES, default: 'compiled' },
    workers: { type: 'integer', min: 1, max: 64, default: 1, arg: 'N' },
  },
  run: (v, { io, lang, msg }) =>
    rateCommand({ input: v.input, ...(v.regulation ? { regulation: v.regulation } : {}), format: v.format, lang, overlays: v.overlay, engine: v.engine, workers: v.workers }, io, msg),
});

export interface RateArgs {
  input: string;
  regulation?: string;
  format: 'json' | 'table' | 'jsonl';
  lang: Lang;
  overlays: string[];
  engine: Engine;
  /** Worker threads for --format jsonl. */
  workers: number;
}

/** JSON Lines by extension (or stdin, which is read as lines). */
function isJsonLines(file: string): boolean {
  return file === '-' || /\.(jsonl|ndjson)$/i.test(file);
}

export async function rateCommand(args: RateArgs, io: Io, msg: Messages): Promise<number> {
  const pack = overlaidPack(args.regulation, args.overlays, msg);
  const options = { lang: args.lang, ...(args.regulation ? { regulation: args.regulation } : {}), ...(pack ? { pack } : {}) };
  if (args.format === 'jsonl') {
    if (args.engine === 'reference') throw new UsageError(msg.badChoice('--engine', 'reference', ['compiled (--format jsonl)']));
    const counts = await rateStream({ input: args.input === '-' ? process.stdin : args.input, options, workers: args.workers, write: io.write ?? ((data) => io.stdout(typeof data === 'string' ? data : new TextDecoder().decode(data))), writeReleases: io.write !== undefined && io.writeReleases === true, msg });
    if (counts.invalid > 0) {
      io.stderr(`${msg.invalidLines(counts.invalid, counts.records)}\n`);
      return EXIT.failed;
    }
    return EXIT.ok;
  }
  const subjects = isJsonLines(args.input) ? readJsonLines(args.input, msg) : readJson(args.input, msg);
  if (!Array.isArray(subjects)) throw new UsageError(msg.notArray(args.input));
  const output = await rateMany(subjects, { ...options, engine: args.engine });
  if (args.format === 'json') io.stdout(`${JSON.stringify(output, null, 2)}\n`);
  else io.stdout(`${tableLines(output, args.lang).join('\n')}\n`);
  if (output.errors.length > 0) {
    const invalid = new Set(output.errors.map((e) => e.index)).size;
    io.stderr(`${msg.invalidSummary(invalid, subjects.length)}\n`);
    return EXIT.failed;
  }
  return EXIT.ok;
}

const MARK = { met: '✓', failed: '✗', applied: '•', disabled: '○' } as const;

export function tableLines(output: RateManyOutput, lang: Lang): string[] {
  const w = messages(lang);
  const loc = locale(lang);
  const lines: string[] = [];
  const regs = [...new Set(output.results.map((r) => r.regulation))].map((id) => {
    const [base, ...overlays] = id.split('+');
    const m = loadRegulation(base!).manifest;
    return `${m.documentType} ${m.number}${overlays.length ? ` + ${overlays.join(' + ')}` : ''}`;
  });
  const periods = [...new Set(output.results.map((r) => periodLabel(r.period, lang)))];
  lines.push(w.rate.title(periods.join(', '), regs.join(', ')));
  lines.push('');
  const rows = output.results.map((r, i) => [
    String(i + 1),
    r.id,
    truncate(r.name ?? r.id, 32),
    w.audience(r),
    r.total === undefined ? '' : w.number(r.total),
    levelCell(r, lang),
  ]);
  lines.push(...renderTable(w.rate.headers, rows));

  lines.push('', w.rate.reasons);
  output.results.forEach((r, i) => {
    lines.push(`${i + 1}. ${r.name ?? r.id} (${r.id}): ${levelCell(r, lang)}`);
    for (const reason of r.reasons) {
      const local = reason.overlay ? `; ${w.localGuidance(reason.overlay)}` : '';
      lines.push(`   ${MARK[reason.outcome]} ${reason.message} [${reason.citationText}; ${w.provenance(reason.provenance)}${local}]`);
    }
  });

  if (output.quota.length > 0) {
    lines.push('', w.rate.quota);
    for (const q of output.quota) {
      const verdict = q.over ? w.rate.over(q.maxExcellent) : w.rate.within;
      const period = periodLabel(q.period, lang);
      lines.push(w.rate.quotaLine({ group: q.group, period, excellent: q.excellent, good: q.good, allowed: q.allowed, percent: w.percent(q.ratio * 100), rounding: w.rounding(q.rounding), verdict }));
    }
    const q0 = output.quota[0]!;
    const local = q0.overlay ? `; ${w.localGuidance(q0.overlay)}` : '';
    lines.push(`  [${loc.citation(q0.citation)}; ${w.provenance(q0.provenance)}${local}]`);
  }

  lines.push('', w.rate.summary);
  const count = (pred: (r: Result) => boolean) => output.results.filter(pred).length;
  for (const level of LEVELS) {
    lines.push(`- ${loc.levels[level]} (${level}): ${count((r) => r.level === level)}`);
  }
  lines.push(`- ${w.rate.notRated}: ${count((r) => r.status !== 'rated')}`);

  if (output.errors.length > 0) {
    lines.push('', w.rate.invalid);
    for (const e of output.errors) lines.push(`- #${e.index}${e.id ? ` (${e.id})` : ''} ${e.path || '/'}: ${e.message}`);
  }
  return lines;
}

function levelCell(r: Result, lang: Lang): string {
  if (r.status !== 'rated') return locale(lang).statuses[r.status];
  return r.level ?? '';
}
