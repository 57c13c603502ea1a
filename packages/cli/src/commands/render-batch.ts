/**
 * kiemdiem render --form ID --input FILE --out FILE.pdf: one document as a PDF.
 * kiemdiem render-batch --form ID --input FILE --out-dir DIR [--workers N]: every document of a JSON array or a
 * JSON Lines file, one PDF each, on worker threads; a progress bar on stderr when on a terminal.
 */
import { writeFileSync } from 'node:fs';
import { listForms, type FormIssue } from '@kiemdiem/forms';
import { InputError, readDocuments, render, renderBatch, type BatchFailure } from '@kiemdiem/reports';
import { KiemdiemError, type Lang } from '@kiemdiem/rules';
import { EXIT, UsageError, type Io } from '../io';
import { readJson } from '../input';
import type { Messages } from '../messages';

const vi = {
  missingOut: 'Thiếu --out FILE.pdf',
  missingOutDir: 'Thiếu --out-dir DIR',
  badWorkers: (v: string) => `--workers phải là một số nguyên dương, không phải "${v}"`,
  notDocuments: (file: string) => `Tệp ${file} phải chứa một mảng JSON các văn bản, hoặc JSON Lines (mỗi dòng một văn bản)`,
  cannotWrite: (file: string, why: string) => `Không ghi được ${file}: ${why}`,
  invalidDocument: (n: number) => `Văn bản không hợp lệ (${n} lỗi), không tạo PDF:`,
  written: (file: string) => `✓ Đã tạo ${file}`,
  summary: (rendered: number, done: number, failed: number, dir: string, seconds: string) =>
    `Đã tạo ${rendered}/${done} tệp PDF trong ${dir} (${seconds} giây)${failed ? `; ${failed} văn bản lỗi` : ''}`,
  failedHeading: 'Văn bản không tạo được PDF:',
  nth: (n: number) => `văn bản thứ ${n}`,
  line: (n: number) => `dòng ${n}`,
  badLine: (why: string) => `không phải JSON hợp lệ (${why})`,
  unit: (_n: number) => 'văn bản',
  failedWord: 'lỗi',
};

const en: typeof vi = {
  missingOut: 'Missing --out FILE.pdf',
  missingOutDir: 'Missing --out-dir DIR',
  badWorkers: (v) => `--workers must be a positive whole number, not "${v}"`,
  notDocuments: (file) => `${file} must hold a JSON array of documents, or JSON Lines (one document a line)`,
  cannotWrite: (file, why) => `Cannot write ${file}: ${why}`,
  invalidDocument: (n) => `Invalid document (${n} errors), no PDF made:`,
  written: (file) => `✓ Wrote ${file}`,
  summary: (rendered, done, failed, dir, seconds) => `Wrote ${rendered}/${done} PDF files to ${dir} (${seconds} s)${failed ? `; ${failed} documents failed` : ''}`,
  failedHeading: 'Documents with no PDF:',
  nth: (n) => `document ${n}`,
  line: (n) => `line ${n}`,
  badLine: (why) => `not valid JSON (${why})`,
  unit: (n) => (n === 1 ? 'document' : 'documents'),
  failedWord: 'failed',
};

type Words = typeof vi;
const words = (lang: Lang): Words => (lang === 'en' ? en : vi);

export interface RenderArgs {
  form?: string;
  input?: string;
  out?: string;
  lang: Lang;
}

export interface RenderBatchArgs {
  form?: string;
  input?: string;
  outDir?: string;
  workers?: number;
  lang: Lang;
}

function knownForm(id: string | undefined, msg: Messages): string {
  if (!id) throw new UsageError(msg.missingFormId);
  const ids = listForms().map((f) => f.id);
  if (!ids.includes(id)) throw new UsageError(msg.unknownForm(id, ids));
  return id;
}

function issueLines(issues: FormIssue[]): string[] {
  return issues.map((e) => `  ✗ ${e.path || '/'}: ${e.message}${e.rule ? ` [${e.rule}]` : ''}`);
}

/** kiemdiem render: exit 0 written, 1 invalid document (its form errors on stderr), 2 usage. */
export async function renderCommand(args: RenderArgs, io: Io, msg: Messages): Promise<number> {
  const w = words(args.lang);
  const form = knownForm(args.form, msg);
  if (!args.input) throw new UsageError(msg.missingInput);
  if (!args.out) throw new UsageError(w.missingOut);
  const document = readJson(args.input, msg);
  let pdf: Uint8Array;
  try {
    pdf = await render(form, document, { lang: args.lang });
  } catch (error) {
    if (error instanceof KiemdiemError && error.code === 'invalid-subject') {
      const issues = Array.isArray(error.details) ? (error.details as FormIssue[]) : [];
      io.stderr(`${[w.invalidDocument(issues.length), ...(issues.length ? issueLines(issues) : [`  ✗ ${error.message}`])].join('\n')}\n`);
      return EXIT.failed;
    }
    throw error;
  }
  try {
    writeFileSync(args.out, pdf);
  } catch (error) {
    throw new UsageError(w.cannotWrite(args.out, (error as NodeJS.ErrnoException).code ?? String(error)));
  }
  io.stdout(`${w.written(args.out)}\n`);
  return EXIT.ok;
}

function workerCount(value: number | undefined, w: Words): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 1) throw new UsageError(w.badWorkers(String(value)));
  return value;
}

function inputProblem(error: InputError, msg: Messages, w: Words): UsageError {
  switch (error.problem) {
    case 'bad-json':
      return new UsageError(msg.badJson(error.file, error.reason));
    case 'not-documents':
      return new UsageError(w.notDocuments(error.file));
    default:
      return new UsageError(msg.unreadable(error.file, error.reason === 'ENOENT' ? 'không tồn tại / not found' : error.reason));
  }
}

/** "[██████░░░░░░░░░░░░░░] 123/500  2 lỗi", or "123 văn bản" when the total is unknown (JSON Lines). */
export function progressLine(done: number, total: number | undefined, failed: number, w: Words, width = 24): string {
  const errors = failed ? `  ${failed} ${w.failedWord}` : '';
  if (!total) return `${done} ${w.unit(done)}${errors}`;
  const filled = Math.min(width, Math.round((done / total) * width));
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total}${errors}`;
}

function failureLines(failures: BatchFailure[], w: Words): string[] {
  const lines = [w.failedHeading];
  for (const f of failures) {
    const where = [w.nth(f.index + 1), ...(f.line !== undefined ? [w.line(f.line)] : []), ...(f.id !== undefined ? [f.id] : [])].join(', ');
    if (f.issues?.length) lines.push(`- ${where}:`, ...issueLines(f.issues).map((l) => `  ${l}`));
    else lines.push(`- ${where}: ${f.line !== undefined ? w.badLine(f.error) : f.error}`);
  }
  return lines;
}

/** kiemdiem render-batch: exit 0 all rendered, 1 some failed (listed on stderr), 2 usage. */
export async function renderBatchCommand(args: RenderBatchArgs, io: Io, msg: Messages): Promise<number> {
  const w = words(args.lang);
  const form = knownForm(args.form, msg);
  if (!args.input) throw new UsageError(msg.missingInput);
  if (!args.outDir) throw new UsageError(w.missingOutDir);
  const workers = workerCount(args.workers, w);
  let source: Awaited<ReturnType<typeof readDocuments>>;
  try {
    source = await readDocuments(args.input);
  } catch (error) {
    if (error instanceof InputError) throw inputProblem(error, msg, w);
    throw error;
  }

  let shown = '';
  let last = 0;
  const onProgress = io.isTTY
    ? (done: number, total: number | undefined, failed: number) => {
        const now = Date.now();
        if (now - last < 100 && done !== total) return;
        last = now;
        const line = progressLine(done, total, failed, w);
        if (line !== shown) io.stderr(`\r${line}\x1b[K`);
        shown = line;
      }
    : undefined;

  const started = Date.now();
  let result: Awaited<ReturnType<typeof renderBatch>>;
  try {
    result = await renderBatch(form, source.documents, {
      outDir: args.outDir,
      lang: args.lang,
      ...(workers ? { workers } : {}),
      ...(source.total !== undefined ? { total: source.total } : {}),
      ...(onProgress ? { onProgress } : {}),
    });
  } catch (error) {
    if (error instanceof InputError) throw inputProblem(error, msg, w);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EEXIST' || code === 'ENOTDIR' || code === 'EROFS') throw new UsageError(w.cannotWrite(args.outDir, code));
    throw error;
  } finally {
    if (shown) io.stderr('\r\x1b[K');
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const done = result.rendered + result.failed.length;
  io.stdout(`${w.summary(result.rendered, done, result.failed.length, args.outDir, seconds)}\n`);
  if (result.failed.length) {
    io.stderr(`${failureLines(result.failed, w).join('\n')}\n`);
    return EXIT.failed;
  }
  return EXIT.ok;
}
