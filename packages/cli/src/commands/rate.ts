/** kiemdiem rate: rate a JSON array of subjects; json for machines, a Vietnamese table for people. */
import { ENGINES, LEVELS, loadRegulation, locale, periodLabel, rateMany, type Engine, type Lang, type QuotaLine, type RateManyOutput, type Result } from '@kiemdiem/rules';
import { defineCommand } from '../command';
import { EXIT, UsageError, type Io } from '../io';
import { readJson, readRecords } from '../input';
import { rateStream } from '../stream/rate-stream';
import { messages, type Messages } from '../locales';
import { overlaidPack } from './packref';
import { printable, renderTable, truncate } from '../table';
import { outputTo } from '../output';
import { INPUT_FORMATS, invalidRows, placeErrors, readSheetInput, sheetFormatOf, type InputFormat } from '../sheet-input';

export const rate = defineCommand({
  name: 'rate',
  flags: {
    input: { type: 'string', short: 'i', required: true, arg: 'FILE' },
    'input-format': { type: 'string', choices: INPUT_FORMATS },
    sheet: { type: 'string', arg: 'NAME' },
    columns: { type: 'string', arg: 'FILE' },
    regulation: { type: 'string', short: 'r', arg: 'ID' },
    overlay: { type: 'string', multiple: true, arg: 'FILE' },
    format: { type: 'string', short: 'f', choices: ['json', 'table', 'jsonl', 'xlsx'], default: 'json' },
    out: { type: 'string', short: 'o', arg: 'FILE' },
    engine: { type: 'string', choices: ENGINES, default: 'compiled' },
    workers: { type: 'integer', min: 1, max: 64, default: 1, arg: 'N' },
    'exceptional-group': { type: 'string', multiple: true, arg: 'NAME' },
  },
  run: (v, { io, lang, msg }) =>
    rateCommand(
      {
        input: v.input,
        ...(v.regulation ? { regulation: v.regulation } : {}),
        format: v.format,
        ...(v.out ? { out: v.out } : {}),
        lang,
        overlays: v.overlay,
        engine: v.engine,
        workers: v.workers,
        exceptionalGroups: v['exceptional-group'],
        ...(v['input-format'] ? { inputFormat: v['input-format'] } : {}),
        ...(v.sheet !== undefined ? { sheet: v.sheet } : {}),
        ...(v.columns !== undefined ? { columns: v.columns } : {}),
      },
      io,
      msg,
    ),
});

export interface RateArgs {
  input: string;
  regulation?: string;
  format: 'json' | 'table' | 'jsonl' | 'xlsx';
  /** The file to write (required for xlsx; - is stdout, never a terminal for xlsx). */
  out?: string;
  lang: Lang;
  overlays: string[];
  engine: Engine;
  /** Worker threads for --format jsonl. */
  workers: number;
  /** Quota groups the competent level decided have outstanding results (--exceptional-group): the exceptional ratio. */
  exceptionalGroups?: string[];
  /** --input-format: what --input holds when its extension does not say (.xlsx and .csv are member lists). */
  inputFormat?: InputFormat;
  /** --sheet: the worksheet of an .xlsx to read. */
  sheet?: string;
  /** --columns: a JSON file mapping a host's column headers to subject fields. */
  columns?: string;
}

/** JSON Lines by extension (or stdin, which is read as lines). */
function isJsonLines(file: string): boolean {
  return file === '-' || /\.(jsonl|ndjson)$/i.test(file);
}

export async function rateCommand(args: RateArgs, io: Io, msg: Messages): Promise<number> {
  // NFC, as results carry their groups, so a name typed in decomposed form still finds its group.
  const exceptional = [...new Set((args.exceptionalGroups ?? []).map((g) => g.normalize('NFC')))];
  if (exceptional.some((g) => g.trim() === '')) throw new UsageError(msg.rate.emptyGroup);
  if (args.format === 'xlsx' && !args.out) throw new UsageError(msg.missing('--out', 'FILE.xlsx'));
  if (args.format === 'jsonl' && args.out) throw new UsageError(msg.badChoice('--format', 'jsonl', ['json', 'table', 'xlsx (--out)']));
  // Checked before any work: --out is not the input, and a spreadsheet does not go to a terminal.
  const target = args.out ? outputTo(args.out, [args.input], io, msg, { binary: args.format === 'xlsx' }) : undefined;
  const pack = overlaidPack(args.regulation, args.overlays, msg);
  const options = {
    lang: args.lang,
    ...(args.regulation ? { regulation: args.regulation } : {}),
    ...(pack ? { pack } : {}),
    ...(exceptional.length > 0 ? { exceptionalGroups: exceptional } : {}),
  };
  const sheetFormat = sheetFormatOf(args.input, args.inputFormat);
  if (sheetFormat !== undefined) {
    if (args.format === 'jsonl') throw new UsageError(msg.sheets.jsonlOutput);
    return rateSheet({ ...args, format: args.format }, sheetFormat, { ...options, engine: args.engine }, exceptional, target, io, msg);
  }
  if (args.format === 'jsonl') {
    if (args.engine === 'reference') throw new UsageError(msg.badChoice('--engine', 'reference', ['compiled (--format jsonl)']));
    const { quota, ...counts } = await rateStream({ input: args.input === '-' ? process.stdin : args.input, options, workers: args.workers, write: io.write ?? ((data) => io.stdout(typeof data === 'string' ? data : new TextDecoder().decode(data))), writeReleases: io.write !== undefined && io.writeReleases === true, msg });
    warnUnused(exceptional, quota, io, msg);
    if (counts.invalid > 0) {
      io.stderr(`${msg.invalidLines(counts.invalid, counts.records)}\n`);
      return EXIT.failed;
    }
    return EXIT.ok;
  }
  // JSON Lines or stdin may also hold one JSON array (as the help says of FILE).
  const subjects = isJsonLines(args.input) || args.inputFormat === 'jsonl' ? readRecords(args.input, msg) : readJson(args.input, msg);
  if (!Array.isArray(subjects)) throw new UsageError(msg.notArray(args.input));
  const output = await rateMany(subjects, { ...options, engine: args.engine });
  if (args.format === 'xlsx') {
    // Loaded on demand: exceljs is only needed by the commands that write spreadsheets.
    const { writeRatingXlsx } = await import('@kiemdiem/sheets');
    await target!.write(await writeRatingXlsx(output, { lang: args.lang, positions: positionsOf(subjects) }));
    if (!target!.stdout) io.stderr(`${msg.summary.written(target!.path, output.results.length)}\n`);
  } else {
    const text = args.format === 'json' ? `${JSON.stringify(output, null, 2)}\n` : `${tableLines(output, args.lang).join('\n')}\n`;
    if (target && !target.stdout) await target.write(text);
    else io.stdout(text);
  }
  warnUnused(exceptional, output.quota, io, msg);
  // A subject for the competent level to decide (status for-decision) is a valid outcome: only invalid subjects fail.
  if (output.errors.length > 0) {
    const invalid = new Set(output.errors.map((e) => e.index)).size;
    io.stderr(`${msg.invalidSummary(invalid, subjects.length)}\n`);
    return EXIT.failed;
  }
  return EXIT.ok;
}

/** Chức vụ by subject id: results do not carry the subjects' display fields. */
function positionsOf(subjects: readonly unknown[]): Record<string, string> {
  const positions: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const s of subjects) {
    const { id, position } = (s ?? {}) as { id?: unknown; position?: unknown };
    if (typeof id === 'string' && typeof position === 'string') positions[id] = position;
  }
  return positions;
}

/**
 * A member list in a spreadsheet: the rows read are rated; the rows that could not be read and the rating
 * errors are in `errors`, each naming sheet, row and column; `input` counts the data rows and blank rows.
 */
async function rateSheet(
  args: RateArgs & { format: 'json' | 'table' | 'xlsx' },
  format: 'xlsx' | 'csv',
  options: Parameters<typeof rateMany>[1],
  exceptional: readonly string[],
  target: ReturnType<typeof outputTo> | undefined,
  io: Io,
  msg: Messages,
): Promise<number> {
  const read = await readSheetInput({ input: args.input, format, lang: args.lang, ...(args.sheet !== undefined ? { sheet: args.sheet } : {}), ...(args.columns !== undefined ? { columns: args.columns } : {}) }, msg);
  const rated = await rateMany(read.subjects, options);
  const output = { results: rated.results, quota: rated.quota, errors: placeErrors(read, rated, args.lang), input: { sheet: read.sheet, headerRow: read.headerRow, rows: read.rows } };
  if (args.format === 'xlsx') {
    const { writeRatingXlsx } = await import('@kiemdiem/sheets');
    await target!.write(await writeRatingXlsx(output as unknown as RateManyOutput, { lang: args.lang, positions: positionsOf(read.subjects) }));
    if (!target!.stdout) io.stderr(`${msg.summary.written(target!.path, output.results.length)}\n`);
  } else {
    // A problem with a sheet (a hidden list) has no row index: shown as "#–" in a table.
    const errors = output.errors.map((e) => ({ ...e, index: e.index ?? '–' }));
    const text = args.format === 'json' ? `${JSON.stringify(output, null, 2)}\n` : `${tableLines({ ...output, errors } as unknown as RateManyOutput, args.lang).join('\n')}\n`;
    if (target && !target.stdout) await target.write(text);
    else io.stdout(text);
  }
  for (const notice of read.notices) io.stderr(`${printable(notice)}\n`);
  warnUnused(exceptional, output.quota, io, msg);
  if (output.errors.length > 0) {
    io.stderr(`${msg.invalidSummary(invalidRows(output.errors), read.rows.data)}\n`);
    return EXIT.failed;
  }
  return EXIT.ok;
}

/**
 * An --exceptional-group that no quota line took (no subject in that group, or a regulation without an
 * exceptional ratio) is most likely a typo: said on stderr, without changing the exit code.
 */
function warnUnused(groups: readonly string[], quota: readonly QuotaLine[], io: Io, msg: Messages): void {
  for (const group of groups) if (!quota.some((q) => q.group === group && q.exceptional === true)) io.stderr(`${printable(msg.rate.unusedGroup(group))}\n`);
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
      lines.push(
        w.rate.quotaLine({ group: q.group, period, excellent: q.excellent, good: q.good, allowed: q.allowed, percent: w.percent(q.ratio * 100), rounding: w.rounding(q.rounding), verdict, exceptional: q.exceptional === true }),
      );
    }
    // Where the ratios come from: one line per distinct source (an exceptional group's ratio is another parameter).
    const sources = output.quota.map((q) => `  [${loc.citation(q.citation)}; ${w.provenance(q.provenance)}${q.overlay ? `; ${w.localGuidance(q.overlay)}` : ''}]`);
    lines.push(...new Set(sources));
  }

  lines.push('', w.rate.summary);
  const count = (pred: (r: Result) => boolean) => output.results.filter(pred).length;
  for (const level of LEVELS) {
    lines.push(`- ${loc.levels[level]} (${level}): ${count((r) => r.level === level)}`);
  }
  lines.push(`- ${loc.statuses['for-decision']}: ${count((r) => r.status === 'for-decision')}`);
  lines.push(`- ${w.rate.notRated}: ${count((r) => r.status === 'not-reviewed' || r.status === 'reviewed-not-rated')}`);

  if (output.errors.length > 0) {
    lines.push('', w.rate.invalid);
    for (const e of output.errors) lines.push(`- #${e.index}${e.id ? ` (${e.id})` : ''} ${e.path || '/'}: ${e.message}`);
  }
  // Ids, names and messages come from the input: nothing in them may act on the terminal.
  return lines.map(printable);
}

/** The level, or the status in words; for the competent level to decide, also the level the rules give without the cases handed over. */
function levelCell(r: Result, lang: Lang): string {
  const word = locale(lang).statuses[r.status];
  if (r.status === 'for-decision') return r.decision ? `${word} ${messages(lang).rate.without(r.decision.without)}` : word;
  if (r.status !== 'rated') return word;
  return r.level ?? '';
}
