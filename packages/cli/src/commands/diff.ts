/** kiemdiem diff: what changed between two regulations, and (with --input) who changes rating and why. */
import { diff as diffPacks, diffToMarkdown, type Lang } from '@kiemdiem/rules';
import { defineCommand } from '../command';
import { EXIT, UsageError, type Io } from '../io';
import { readJson } from '../input';
import type { Messages } from '../locales';
import { diffPdf } from './diff-pdf';
import { packRef } from './packref';
import { outputTo } from '../output';
import { listInvalid } from './invalid';

export const diff = defineCommand({
  name: 'diff',
  flags: {
    from: { type: 'string', required: true, arg: 'ID' },
    to: { type: 'string', required: true, arg: 'ID' },
    input: { type: 'string', short: 'i', arg: 'FILE' },
    format: { type: 'string', short: 'f', choices: ['json', 'md', 'pdf', 'xlsx'], default: 'json' },
    out: { type: 'string', short: 'o', arg: 'FILE' },
  },
  run: (v, { io, lang, msg }) => diffCommand({ from: v.from, to: v.to, input: v.input, format: v.format, lang, out: v.out }, io, msg),
});

export interface DiffArgs {
  from: string;
  to: string;
  input?: string;
  format: 'json' | 'md' | 'pdf' | 'xlsx';
  lang: Lang;
  out?: string;
}

/** The files a diff reads: --input and the overlays in --from/--to (ID+OVERLAY.json). */
function diffInputs(args: DiffArgs): string[] {
  return [args.input, ...[args.from, args.to].flatMap((ref) => ref.split('+').slice(1))].filter((f): f is string => f !== undefined);
}

export async function diffCommand(args: DiffArgs, io: Io, msg: Messages): Promise<number> {
  if (args.format === 'pdf' && !args.out) throw new UsageError(msg.diffPdf.missingOut);
  if (args.format === 'xlsx' && !args.out) throw new UsageError(msg.missing('--out', 'FILE.xlsx'));
  // Checked before any work: --out is not an input, and a PDF does not go to a terminal.
  const target = args.out ? outputTo(args.out, diffInputs(args), io, msg, { binary: args.format === 'pdf' || args.format === 'xlsx' }) : undefined;
  const from = packRef(args.from, msg);
  const to = packRef(args.to, msg);
  let subjects: unknown[] | undefined;
  if (args.input) {
    const data = readJson(args.input, msg);
    if (!Array.isArray(data)) throw new UsageError(msg.notArray(args.input));
    subjects = data;
  }
  const report = await diffPacks(from, to, subjects, { lang: args.lang });
  if (args.format === 'pdf') {
    const written = await diffPdf(report, args.out, args.lang, target);
    if (written) io.stderr(`${written}\n`);
  } else if (args.format === 'xlsx') {
    // Loaded on demand: exceljs is only needed by the commands that write spreadsheets.
    const { writeDiffXlsx } = await import('@kiemdiem/sheets');
    await target!.write(await writeDiffXlsx(report, { lang: args.lang }));
    if (!target!.stdout) io.stderr(`${msg.diffPdf.written(target!.path)}\n`);
  } else {
    const text = args.format === 'md' ? diffToMarkdown(report, args.lang) : `${JSON.stringify(report, null, 2)}\n`;
    if (target && !target.stdout) {
      await target.write(text);
      io.stderr(`${msg.diffPdf.written(target.path)}\n`);
    } else io.stdout(text);
  }
  // Subjects invalid on either side are in the report's impact.errors; listed on stderr too, and exit 1.
  return listInvalid(report.impact?.errors ?? [], (n) => msg.invalidSummary(n, report.impact?.total ?? n), io);
}
