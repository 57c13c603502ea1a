/**
 * kiemdiem summary --input RESULTS.json --out FILE.pdf|FILE.docx|FILE.xlsx [--format pdf|docx|xlsx] [--unit UNIT] [--lang vi|en]: the
 * summary list of quality ratings (danh sách tổng hợp kết quả xếp loại) as a PDF or Word document in the Party layout, or
 * a spreadsheet in the reference form's columns, from the JSON that
 * `kiemdiem rate --format json` prints. UNIT is the issuing body's name, or a JSON file
 * `{ "superior"?, "issuer", "place", "signer"?: { "authority", "post", "name" } }`.
 */
import { existsSync } from 'node:fs';
import { LEVELS, STATUSES, type Lang, type QuotaLine, type Result } from '@kiemdiem/rules';
import { defineCommand } from '../command';
import { UsageError, type Io } from '../io';
import { readJson } from '../input';
import type { Messages } from '../locales';
import { outputTo, writeFileAtomically } from '../output';
import { listInvalid } from './invalid';
import { documentFormat } from './render';

export const summary = defineCommand({
  name: 'summary',
  flags: {
    input: { type: 'string', short: 'i', required: true, arg: 'FILE' },
    out: { type: 'string', short: 'o', required: true, arg: 'FILE.pdf|FILE.docx|FILE.xlsx' },
    unit: { type: 'string', arg: 'NAME|FILE' },
    date: { type: 'date' },
    format: { type: 'string', short: 'f', choices: ['pdf', 'docx', 'xlsx'] },
  },
  run: (v, { io, lang, msg }) =>
    summaryCommand({ input: v.input, out: v.out, lang, ...(v.unit ? { unit: v.unit } : {}), ...(v.date ? { date: v.date } : {}), format: summaryFormat(v.format, v.out) }, io, msg),
});

export interface SummaryArgs {
  input: string;
  out: string;
  lang: Lang;
  unit?: string;
  /** YYYY-MM-DD (checked by the flag's declaration) for the date line; default 31 December of the rated year. */
  date?: string;
  /** pdf by default (docx or xlsx for an --out ending so). */
  format?: 'pdf' | 'docx' | 'xlsx';
}

/** --format, else the --out file's extension (.docx, .xlsx), else pdf. */
function summaryFormat(format: string | undefined, out: string | undefined): 'pdf' | 'docx' | 'xlsx' {
  if (format === 'xlsx' || (format === undefined && out !== undefined && /\.xlsx$/i.test(out))) return 'xlsx';
  return documentFormat(format, out);
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
/** Every status the rules give, for-decision included: the report decides how to show each. */
const STATUS_SET: ReadonlySet<string> = new Set(STATUSES);
const LEVEL_SET: ReadonlySet<string> = new Set(LEVELS);

function isDecision(d: unknown): boolean {
  return isObject(d) && (d.without === null || (typeof d.without === 'string' && LEVEL_SET.has(d.without))) && Array.isArray(d.rules) && d.rules.every((x) => typeof x === 'string');
}

/** The results file, checked enough that a wrong file is a usage error rather than a crash. */
export function readResults(file: string, msg: Messages): { results: Result[]; quota: QuotaLine[]; errors: unknown[] } {
  const w = msg.summary;
  const data = readJson(file, msg);
  if (!isObject(data) || !Array.isArray(data.results)) throw new UsageError(w.notResults(file));
  data.results.forEach((r, i) => {
    if (!isObject(r)) throw new UsageError(w.badResult(file, i, w.notObject));
    if (typeof r.id !== 'string' || r.id === '') throw new UsageError(w.badResult(file, i, 'id'));
    if (typeof r.status !== 'string' || !STATUS_SET.has(r.status)) throw new UsageError(w.badResult(file, i, 'status'));
    // A case for the competent level carries what the rules would give without it, as rate wrote it.
    if (r.status === 'for-decision' && !isDecision(r.decision)) throw new UsageError(w.badResult(file, i, 'decision'));
    if (r.kind !== 'individual' && r.kind !== 'collective') throw new UsageError(w.badResult(file, i, 'kind'));
    if (!isObject(r.period) || !Number.isInteger(r.period.year)) throw new UsageError(w.badResult(file, i, 'period'));
    if (!Array.isArray(r.reasons)) throw new UsageError(w.badResult(file, i, 'reasons'));
    if (r.total !== undefined && typeof r.total !== 'number') throw new UsageError(w.badResult(file, i, 'total'));
    if (r.name !== undefined && typeof r.name !== 'string') throw new UsageError(w.badResult(file, i, 'name'));
  });
  if (data.quota !== undefined && !Array.isArray(data.quota)) throw new UsageError(w.notResults(file));
  const quota = (data.quota ?? []) as unknown[];
  quota.forEach((q) => {
    if (!isObject(q) || typeof q.group !== 'string' || !isObject(q.period) || typeof q.excellent !== 'number' || typeof q.good !== 'number' || typeof q.ratio !== 'number') {
      throw new UsageError(w.notResults(file));
    }
  });
  const errors = Array.isArray(data.errors) ? data.errors : [];
  return { results: data.results as unknown as Result[], quota: quota as QuotaLine[], errors };
}

interface Unit {
  unit?: { superior?: string; issuer: string; place: string };
  signer?: { authority: string; post: string; name: string };
}

/** `--unit`: a JSON file with the header (and signer), or just the issuing body's name. */
export function readUnit(value: string | undefined, msg: Messages): Unit {
  if (value === undefined || value.trim() === '') return {};
  const w = msg.summary;
  if (!/\.json$/i.test(value) && !existsSync(value)) return { unit: { issuer: value.trim(), place: '…' } };
  const data = readJson(value, msg);
  const str = (v: unknown) => typeof v === 'string' && v.trim() !== '';
  if (!isObject(data) || !str(data.issuer) || !str(data.place) || (data.superior !== undefined && !str(data.superior))) throw new UsageError(w.badUnit(value));
  const out: Unit = { unit: { issuer: data.issuer as string, place: data.place as string, ...(data.superior ? { superior: data.superior as string } : {}) } };
  if (data.signer !== undefined) {
    const s = data.signer;
    if (!isObject(s) || !str(s.authority) || typeof s.post !== 'string' || typeof s.name !== 'string') throw new UsageError(w.badUnit(value));
    out.signer = { authority: s.authority as string, post: s.post, name: s.name };
  }
  return out;
}

/** Writes bytes to a file, whole or not at all; a usage error when the place cannot be written. */
export function writeOut(file: string, bytes: Uint8Array, msg: Messages): void {
  writeFileAtomically(file, bytes, msg);
}

export async function summaryCommand(args: SummaryArgs, io: Io, msg: Messages): Promise<number> {
  const w = msg.summary;
  const target = outputTo(args.out, [args.input, args.unit], io, msg, { binary: true });
  const output = readResults(args.input, msg);
  const { unit, signer } = readUnit(args.unit, msg);
  if (args.format === 'xlsx') {
    // Loaded on demand: exceljs is only needed by the commands that write spreadsheets.
    const { writeSummaryXlsx } = await import('@kiemdiem/sheets');
    await target.write(await writeSummaryXlsx(output, { lang: args.lang }));
    if (!target.stdout) io.stderr(`${w.written(args.out, output.results.length)}\n`);
    return listInvalid(output.errors.map((e) => (isObject(e) ? e : { message: String(e) })), w.invalidSkipped, io);
  }
  // Loaded on demand: the PDF engine and fonts are only needed by the commands that write PDFs.
  const { renderSummary, renderSummaryDocx } = await import('@kiemdiem/reports');
  const options = { lang: args.lang, ...(unit ? { unit } : {}), ...(signer ? { signer } : {}), ...(args.date ? { date: args.date } : {}) };
  const bytes = args.format === 'docx' ? await renderSummaryDocx(output, options) : await renderSummary(output, options);
  await target.write(bytes);
  if (!target.stdout) io.stderr(`${w.written(args.out, output.results.length)}\n`);
  // The valid subjects are in the PDF; the invalid ones are listed with their errors, and exit 1 says so.
  return listInvalid(output.errors.map((e) => (isObject(e) ? e : { message: String(e) })), w.invalidSkipped, io);
}
