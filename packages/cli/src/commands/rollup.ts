/**
 * kiemdiem rollup --input RESULTS.json --hierarchy UNITS.json [--remediation FILE] [--feedback FILE]
 *   [--format json|pdf] [--out FILE] [--unit NAME|FILE] [--date YYYY-MM-DD] [--lang vi|en]
 * Roll-up statistics up a hierarchy of units: counts and shares per level, audience and unit, the HTXSNV
 * quota per group at each unit, and remediation-plan and feedback counts. RESULTS.json is the output of
 * `kiemdiem rate --format json` (or an array of results); a result's unit comes from its `unit` field or
 * the hierarchy's `members` lists. UNITS.json is an array of units or `{ "units": [...] }`. JSON goes to stdout
 * (or --out); the PDF needs --out. Exit 1 when some record is invalid or outside the hierarchy (reported in
 * the output, never dropped silently); exit 2 for a broken hierarchy (cycle, unknown parent …).
 */
import type { Lang, RollupOutput } from '@kiemdiem/rules';
import { rollup } from '@kiemdiem/rules';
import { EXIT, UsageError, type Io } from '../io';
import { readJson } from '../input';
import type { Messages } from '../messages';
import { readFeedbackFile } from './feedback';
import { readUnit, writeOut } from './summary';

export interface RollupArgs {
  input?: string;
  hierarchy?: string;
  remediation?: string;
  feedback?: string;
  format: 'json' | 'pdf';
  out?: string;
  unit?: string;
  date?: string;
  lang: Lang;
}

const WORDS = {
  vi: {
    missingHierarchy: 'Thiếu --hierarchy UNITS.json',
    missingOut: 'Thiếu --out FILE.pdf',
    notResults: (file: string) => `Tệp ${file} phải chứa kết quả của "kiemdiem rate --format json" (đối tượng có "results") hoặc một mảng kết quả`,
    notPlans: (file: string) => `Tệp ${file} phải chứa một mảng kế hoạch khắc phục, hoặc một đối tượng { "plans": [...] }`,
    badDate: (value: string) => `Ngày "${value}" không hợp lệ: dùng dạng YYYY-MM-DD`,
    problems: (invalid: number, unplaced: number) => `${invalid} bản ghi không hợp lệ, ${unplaced} bản ghi không thuộc đơn vị nào trong hệ thống tổ chức (xem "errors", "unplaced")`,
    written: (file: string, units: number) => `Đã ghi ${file} (${units} đơn vị)`,
  },
  en: {
    missingHierarchy: 'Missing --hierarchy UNITS.json',
    missingOut: 'Missing --out FILE.pdf',
    notResults: (file: string) => `${file} must hold the output of "kiemdiem rate --format json" (an object with "results") or an array of results`,
    notPlans: (file: string) => `${file} must hold an array of remediation plans, or an object { "plans": [...] }`,
    badDate: (value: string) => `Invalid date "${value}": use YYYY-MM-DD`,
    problems: (invalid: number, unplaced: number) => `${invalid} invalid records, ${unplaced} records in no unit of the hierarchy (see "errors", "unplaced")`,
    written: (file: string, units: number) => `Wrote ${file} (${units} units)`,
  },
};

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function isoDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export async function rollupCommand(args: RollupArgs, io: Io, msg: Messages): Promise<number> {
  const w = WORDS[args.lang];
  if (!args.input) throw new UsageError(msg.missingInput);
  if (!args.hierarchy) throw new UsageError(w.missingHierarchy);
  if (args.format === 'pdf' && !args.out) throw new UsageError(w.missingOut);
  if (args.date !== undefined && !isoDate(args.date)) throw new UsageError(w.badDate(args.date));
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
  const feedback = args.feedback !== undefined ? readFeedbackFile(args.feedback, args.lang, msg) : undefined;
  // A broken hierarchy or option throws KiemdiemError: run() prints it and exits 2.
  const output: RollupOutput = rollup(results as Parameters<typeof rollup>[0], hierarchy as Parameters<typeof rollup>[1], {
    lang: args.lang,
    ...(plans ? { remediation: plans } : {}),
    ...(feedback ? { feedback: feedback.records, ...(feedback.categories ? { feedbackCategories: feedback.categories } : {}) } : {}),
  });
  if (args.format === 'pdf') {
    const { unit, signer } = readUnit(args.unit, args.lang, msg);
    // Loaded on demand: the PDF engine and fonts are only needed by the commands that write PDFs.
    const { renderRollup } = await import('@kiemdiem/reports');
    const bytes = await renderRollup(output, { lang: args.lang, ...(unit ? { unit } : {}), ...(signer ? { signer } : {}), ...(args.date ? { date: args.date } : {}) });
    writeOut(args.out!, bytes, args.lang);
    io.stderr(`${w.written(args.out!, output.units.length)}\n`);
  } else {
    const text = `${JSON.stringify(output, null, 2)}\n`;
    if (args.out) {
      writeOut(args.out, new TextEncoder().encode(text), args.lang);
      io.stderr(`${w.written(args.out, output.units.length)}\n`);
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
