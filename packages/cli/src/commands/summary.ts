/**
 * kiemdiem summary --input RESULTS.json --out FILE.pdf [--unit UNIT] [--lang vi|en]: the summary list of
 * quality ratings (danh sách tổng hợp kết quả xếp loại) as a PDF in the Party layout, from the JSON that
 * `kiemdiem rate --format json` prints. UNIT is the issuing body's name, or a JSON file
 * `{ "superior"?, "issuer", "place", "signer"?: { "authority", "post", "name" } }`.
 */
import { existsSync, writeFileSync } from 'node:fs';
import type { Lang, QuotaLine, Result } from '@kiemdiem/rules';
import { EXIT, UsageError, type Io } from '../io';
import { readJson } from '../input';
import type { Messages } from '../messages';

export interface SummaryArgs {
  input?: string;
  out?: string;
  lang: Lang;
  unit?: string;
  /** YYYY-MM-DD for the date line; default 31 December of the rated year. */
  date?: string;
}

const WORDS = {
  vi: {
    missingOut: 'Thiếu --out FILE.pdf',
    notResults: (file: string) => `Tệp ${file} không phải kết quả của "kiemdiem rate --format json": cần một đối tượng có "results" là mảng kết quả (mỗi kết quả có id, status, kind, period, reasons)`,
    badResult: (file: string, i: number, why: string) => `Tệp ${file}: kết quả thứ ${i + 1} không hợp lệ (${why})`,
    badUnit: (file: string) => `Tệp đơn vị ${file} phải chứa một đối tượng JSON có "issuer" và "place" (chuỗi), tùy chọn "superior" và "signer": { "authority", "post", "name" }`,
    badDate: (value: string) => `Ngày "${value}" không hợp lệ: dùng dạng YYYY-MM-DD`,
    unwritable: (file: string, why: string) => `Không ghi được tệp ${file}: ${why}`,
    written: (file: string, n: number) => `Đã ghi ${file} (${n} đối tượng)`,
    invalidSkipped: (n: number) => `${n} đối tượng không hợp lệ trong tệp kết quả không có trong danh sách`,
  },
  en: {
    missingOut: 'Missing --out FILE.pdf',
    notResults: (file: string) => `${file} is not the output of "kiemdiem rate --format json": expected an object whose "results" is an array of results (each with id, status, kind, period, reasons)`,
    badResult: (file: string, i: number, why: string) => `${file}: result ${i + 1} is invalid (${why})`,
    badUnit: (file: string) => `The unit file ${file} must hold a JSON object with "issuer" and "place" (strings), optionally "superior" and "signer": { "authority", "post", "name" }`,
    badDate: (value: string) => `Invalid date "${value}": use YYYY-MM-DD`,
    unwritable: (file: string, why: string) => `Cannot write ${file}: ${why}`,
    written: (file: string, n: number) => `Wrote ${file} (${n} subjects)`,
    invalidSkipped: (n: number) => `${n} invalid subjects in the results file are not in the list`,
  },
};

export function summaryWords(lang: Lang) {
  return WORDS[lang === 'en' ? 'en' : 'vi'];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const STATUSES = new Set(['rated', 'not-reviewed', 'reviewed-not-rated']);

/** The results file, checked enough that a wrong file is a usage error rather than a crash. */
export function readResults(file: string, lang: Lang, msg: Messages): { results: Result[]; quota: QuotaLine[]; errors: unknown[] } {
  const w = summaryWords(lang);
  const data = readJson(file, msg);
  if (!isObject(data) || !Array.isArray(data.results)) throw new UsageError(w.notResults(file));
  data.results.forEach((r, i) => {
    if (!isObject(r)) throw new UsageError(w.badResult(file, i, 'not an object'));
    if (typeof r.id !== 'string' || r.id === '') throw new UsageError(w.badResult(file, i, 'id'));
    if (typeof r.status !== 'string' || !STATUSES.has(r.status)) throw new UsageError(w.badResult(file, i, 'status'));
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
export function readUnit(value: string | undefined, lang: Lang, msg: Messages): Unit {
  if (value === undefined || value.trim() === '') return {};
  const w = summaryWords(lang);
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

function isoDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Writes bytes to a file, as a usage error when the place cannot be written. */
export function writeOut(file: string, bytes: Uint8Array, lang: Lang): void {
  try {
    writeFileSync(file, bytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(summaryWords(lang).unwritable(file, code ?? String(error)));
  }
}

export async function summaryCommand(args: SummaryArgs, io: Io, msg: Messages): Promise<number> {
  const w = summaryWords(args.lang);
  if (!args.input) throw new UsageError(msg.missingInput);
  if (!args.out) throw new UsageError(w.missingOut);
  if (args.date !== undefined && !isoDate(args.date)) throw new UsageError(w.badDate(args.date));
  const output = readResults(args.input, args.lang, msg);
  const { unit, signer } = readUnit(args.unit, args.lang, msg);
  // Loaded on demand: the PDF engine and fonts are only needed by the commands that write PDFs.
  const { renderSummary } = await import('@kiemdiem/reports');
  const bytes = await renderSummary(output, { lang: args.lang, ...(unit ? { unit } : {}), ...(signer ? { signer } : {}), ...(args.date ? { date: args.date } : {}) });
  writeOut(args.out, bytes, args.lang);
  const invalid = new Set(output.errors.map((e, i) => (isObject(e) && e.index !== undefined ? e.index : `#${i}`))).size;
  if (invalid > 0) io.stderr(`${w.invalidSkipped(invalid)}\n`);
  io.stderr(`${w.written(args.out, output.results.length)}\n`);
  return EXIT.ok;
}
