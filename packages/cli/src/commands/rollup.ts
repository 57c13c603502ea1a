/**
 * kiemdiem rollup --input RESULTS.json --hierarchy UNITS.json [--remediation FILE] [--feedback FILE]
 *   [--format json|pdf|docx] [--out FILE] [--unit NAME|FILE] [--date YYYY-MM-DD] [--lang vi|en]
 * Roll-up statistics up a hierarchy of units: counts and shares per level, audience and unit, the HTXSNV
 * quota per group at each unit, and remediation-plan and feedback counts. RESULTS.json is the output of
 * `kiemdiem rate --format json` (or an array of results); a result's unit comes from its `unit` field or
 * the hierarchy's `members` lists. UNITS.json is an array of units or `{ "units": [...] }`. JSON goes to stdout
 * (or --out); the PDF needs --out. Exit 1 when some record is invalid or outside the hierarchy (reported in
 * the output, never dropped silently); exit 2 for a broken hierarchy (cycle, unknown parent …).
 */
import type { Lang, RollupOutput } from '@kiemdiem/rules';
import { rollup as rollupOf } from '@kiemdiem/rules';
import { defineCommand } from '../command';
import { EXIT, UsageError, type Io } from '../io';
import { readJson } from '../input';
import type { Messages } from '../locales';
import { readFeedbackFile } from './feedback';
import { readUnit } from './summary';
import { outputTo } from '../output';

export const rollup = defineCommand({
  name: 'rollup',
  flags: {
    input: { type: 'string', short: 'i', required: true, arg: 'FILE' },
    hierarchy: { type: 'string', required: true, arg: 'UNITS.json' },
    remediation: { type: 'string', arg: 'FILE' },
    feedback: { type: 'string', arg: 'FILE' },
    format: { type: 'string', short: 'f', choices: ['json', 'pdf', 'docx', 'xlsx'], default: 'json' },
    out: { type: 'string', short: 'o', arg: 'FILE' },
    unit: { type: 'string', arg: 'NAME|FILE' },
    date: { type: 'date' },
  },
  run: (v, { io, lang, msg }) =>
    rollupCommand(
      {
        input: v.input,
        hierarchy: v.hierarchy,
        ...(v.remediation ? { remediation: v.remediation } : {}),
        ...(v.feedback ? { feedback: v.feedback } : {}),
        format: v.format,
        out: v.out,
        ...(v.unit ? { unit: v.unit } : {}),
        ...(v.date ? { date: v.date } : {}),
        lang,
      },
      io,
      msg,
    ),
});

export interface RollupArgs {
  input: string;
  hierarchy: string;
  remediation?: string;
  feedback?: string;
  format: 'json' | 'pdf' | 'docx' | 'xlsx';
  out?: string;
  unit?: string;
  /** YYYY-MM-DD, checked by the flag's declaration. */
  date?: string;
  lang: Lang;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export async function rollupCommand(args: RollupArgs, io: Io, msg: Messages): Promise<number> {
  const w = msg.rollup;
  const document = args.format === 'pdf' || args.format === 'docx';
  if (args.format !== 'json' && !args.out) throw new UsageError(msg.missing('--out', `FILE.${args.format}`));
  // Checked before any work: --out is none of the inputs, and a PDF, Word or Excel file does not go to a terminal.
  const inputs = [args.input, args.hierarchy, args.remediation, args.feedback, args.unit];
  const target = args.out ? outputTo(args.out, inputs, io, msg, { binary: args.format !== 'json' }) : undefined;
  const results = readJson(args.input, msg);
  if (!Array.isArray(results) && !(isObject(results) && Array.isArray(results.results))) throw new UsageError(w.notResults(args.input));
  const hierarchy = readJson(args.hierarchy, msg);
  let plans: unknown[] | undefined;
  if (args.remediation !== undefined) {
    const data = readJson(args.remediation, msg);
    if (Array.isArray(data)) plans = data;
    else if (isObject(data) && Array.isArray(data.plans)) plans = data.plans;
    else throw new UsageError(w.notPlans(args.remediation));
  }
  const feedback = args.feedback !== undefined ? readFeedbackFile(args.feedback, msg) : undefined;
  // A broken hierarchy or option throws KiemdiemError: run() prints it and exits 2.
  const output: RollupOutput = rollupOf(results as Parameters<typeof rollupOf>[0], hierarchy as Parameters<typeof rollupOf>[1], {
    lang: args.lang,
    ...(plans ? { remediation: plans } : {}),
    ...(feedback ? { feedback: feedback.records, ...(feedback.categories ? { feedbackCategories: feedback.categories } : {}) } : {}),
  });
  if (document) {
    const { unit, signer } = readUnit(args.unit, msg);
    // Loaded on demand: the PDF engine and fonts are only needed by the commands that write PDFs.
    const { renderRollup, renderRollupDocx } = await import('@kiemdiem/reports');
    const options = { lang: args.lang, ...(unit ? { unit } : {}), ...(signer ? { signer } : {}), ...(args.date ? { date: args.date } : {}) };
    const bytes = args.format === 'docx' ? await renderRollupDocx(output, options) : await renderRollup(output, options);
    await target!.write(bytes);
    if (!target!.stdout) io.stderr(`${w.written(target!.path, output.units.length)}\n`);
  } else if (args.format === 'xlsx') {
    // Loaded on demand: exceljs is only needed by the commands that write spreadsheets.
    const { writeRollupXlsx } = await import('@kiemdiem/sheets');
    await target!.write(await writeRollupXlsx(output, { lang: args.lang }));
    if (!target!.stdout) io.stderr(`${w.written(target!.path, output.units.length)}\n`);
  } else {
    const text = `${JSON.stringify(output, null, 2)}\n`;
    if (target && !target.stdout) {
      await target.write(text);
      io.stderr(`${w.written(target.path, output.units.length)}\n`);
    } else io.stdout(text);
  }
  const invalid = new Set(output.errors.map((e) => `${e.source}:${e.index}`)).size;
  const unplaced = output.unplaced.results.length + output.unplaced.remediation.length + output.unplaced.feedback.length;
  if (invalid > 0 || unplaced > 0) {
    io.stderr(`${w.problems(invalid, unplaced)}\n`);
    return EXIT.failed;
  }
  return EXIT.ok;
}
