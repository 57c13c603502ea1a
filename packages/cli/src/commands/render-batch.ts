/**
 * kiemdiem render-batch --form ID --input FILE --out-dir DIR [--workers N] [--format pdf|docx]: every document of a
 * JSON array or a JSON Lines file, one PDF (or Word file) each, on worker threads; a progress bar on stderr when on a terminal.
 */
import { writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { InputError, readDocuments, renderBatch as renderDocuments, type BatchFailure } from '@kiemdiem/reports';
import { KiemdiemError, type Lang } from '@kiemdiem/rules';
import { defineCommand } from '../command';
import { EXIT, UsageError, type Io } from '../io';
import { fsWhy, isFsError } from '../files';
import type { Messages } from '../locales';
import { knownForm } from './forms';
import { fileKind, issueLines } from './render';
import { printable } from '../table';

export const renderBatch = defineCommand({
  name: 'render-batch',
  flags: {
    form: { type: 'string', required: true, arg: 'ID' },
    input: { type: 'string', short: 'i', required: true, arg: 'FILE' },
    'out-dir': { type: 'string', required: true, arg: 'DIR' },
    workers: { type: 'integer', min: 1, max: 64, arg: 'N' },
    format: { type: 'string', short: 'f', choices: ['pdf', 'docx'], default: 'pdf' },
  },
  run: (v, { io, lang, msg }) =>
    renderBatchCommand({ form: v.form, input: v.input, outDir: v['out-dir'], ...(v.workers ? { workers: v.workers } : {}), lang, ...(v.format === 'docx' ? { format: 'docx' as const } : {}) }, io, msg),
});

type Words = Messages['render'];

export interface RenderBatchArgs {
  form: string;
  input: string;
  outDir: string;
  /** 1 to 64 (checked by the flag's declaration); by default one per CPU core. */
  workers?: number;
  lang: Lang;
  /** pdf by default; docx writes <id>.docx files. */
  format?: 'pdf' | 'docx';
}

function inputProblem(error: InputError, msg: Messages): UsageError {
  switch (error.problem) {
    case 'bad-json':
      return new UsageError(msg.badJson(error.file, error.reason));
    case 'not-documents':
      return new UsageError(msg.render.notDocuments(error.file));
    default:
      return new UsageError(msg.unreadable(error.file, error.reason === 'ENOENT' ? msg.notFound : error.reason));
  }
}

/** "[██████░░░░░░░░░░░░░░] 123/500  2 lỗi", or "123 văn bản" when the total is unknown (JSON Lines). */
export function progressLine(done: number, total: number | undefined, failed: number, w: Words, width = 24): string {
  const errors = failed ? `  ${failed} ${w.failedWord}` : '';
  if (!total) return `${done} ${w.unit(done)}${errors}`;
  const filled = Math.min(width, Math.round((done / total) * width));
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total}${errors}`;
}

function failureLines(failures: BatchFailure[], w: Words, kind: string): string[] {
  const lines = [w.failedHeading(kind)];
  for (const f of failures) {
    const where = [w.nth(f.index + 1), ...(f.line !== undefined ? [w.line(f.line)] : []), ...(f.id !== undefined ? [f.id] : [])].join(', ');
    if (f.issues?.length) lines.push(`- ${where}:`, ...issueLines(f.issues).map((l) => `  ${l}`));
    else lines.push(`- ${where}: ${f.line !== undefined ? w.badLine(f.error) : f.error}`);
  }
  return lines.map(printable);
}

/** The name of the manifest render-batch writes in the output directory (not a document's: those end in .pdf or .docx). */
export const MANIFEST = 'manifest.json';

/**
 * DIR/manifest.json: every input document in input order with its PDF (relative to DIR) or its error, so that a
 * script can map inputs to outputs without guessing names. A failed document has no file; its name stays unused
 * (names follow input order, so those of the documents after it do not shift when it is fixed).
 */
function writeManifest(args: RenderBatchArgs, result: Awaited<ReturnType<typeof renderDocuments>>, w: Words): string {
  const dir = resolve(args.outDir);
  const file = join(dir, MANIFEST);
  const documents = result.documents.map((d) => ({ ...d, ...(d.file !== undefined ? { file: relative(dir, d.file) } : {}) }));
  const manifest = { form: args.form, input: args.input, rendered: result.rendered, failed: result.failed.length, documents };
  try {
    writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
  } catch (error) {
    throw new UsageError(w.cannotWrite(file, (error as NodeJS.ErrnoException).code ?? String(error)));
  }
  return file;
}

/** kiemdiem render-batch: exit 0 all rendered, 1 some failed (listed on stderr), 2 usage. */
export async function renderBatchCommand(args: RenderBatchArgs, io: Io, msg: Messages): Promise<number> {
  const w = msg.render;
  const form = knownForm(args.form, msg);
  const workers = args.workers;
  let source: Awaited<ReturnType<typeof readDocuments>>;
  try {
    source = await readDocuments(args.input);
  } catch (error) {
    if (error instanceof InputError) throw inputProblem(error, msg);
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
  let result: Awaited<ReturnType<typeof renderDocuments>>;
  try {
    result = await renderDocuments(form, source.documents, {
      outDir: args.outDir,
      lang: args.lang,
      ...(args.format === 'docx' ? { format: 'docx' as const } : {}),
      ...(workers ? { workers } : {}),
      ...(source.total !== undefined ? { total: source.total } : {}),
      ...(onProgress ? { onProgress } : {}),
    });
  } catch (error) {
    if (error instanceof InputError) throw inputProblem(error, msg);
    // The output directory cannot be made or written to (renderBatch checks it before any work): usage, exit 2.
    if (error instanceof KiemdiemError && (error.details as { option?: string } | undefined)?.option === 'outDir') {
      throw new UsageError(w.cannotWrite(args.outDir, fsWhy(error.details, msg)));
    }
    // A file in --out-dir cannot be made or written: a usage error naming the path.
    if (isFsError(error)) throw new UsageError(w.cannotWrite(error.path ?? args.outDir, fsWhy(error, msg)));
    throw error;
  } finally {
    if (shown) io.stderr('\r\x1b[K');
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const done = result.rendered + result.failed.length;
  const manifest = writeManifest(args, result, w);
  io.stdout(`${w.summary(result.rendered, done, result.failed.length, args.outDir, seconds, fileKind(args.format))}\n${w.manifest(manifest)}\n`);
  if (result.failed.length) {
    io.stderr(`${failureLines(result.failed, w, fileKind(args.format)).join('\n')}\n`);
    return EXIT.failed;
  }
  return EXIT.ok;
}
