/**
 * Reading the documents of a batch from a file: a JSON array (read whole) or JSON Lines (one document a line,
 * streamed with readline, so a file of any length is read in constant memory). A malformed line does not stop
 * the batch: it comes out as an `InputError` in its place, and `renderBatch` reports it as a failed document.
 */
import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';

export type InputProblem = 'unreadable' | 'bad-json' | 'not-documents' | 'bad-line';

/** A problem with the input: thrown for the whole file, or yielded in place of a document for one bad line. */
export class InputError extends Error {
  readonly file: string;
  readonly problem: InputProblem;
  /** 1-based line of a JSON Lines file. */
  readonly line?: number;
  /** The underlying reason (system error code, JSON parser message). */
  readonly reason: string;
  constructor(file: string, problem: InputProblem, reason: string, line?: number) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${problem}: ${reason}`);
    this.name = 'InputError';
    this.file = file;
    this.problem = problem;
    this.reason = reason;
    if (line !== undefined) this.line = line;
  }
}

export interface DocumentSource {
  format: 'json' | 'jsonl';
  /** Documents (and `InputError`s for malformed lines), in file order. */
  documents: AsyncIterable<unknown> | Iterable<unknown>;
  /** Known for a JSON array; unknown for JSON Lines (the file is not read ahead). */
  total?: number;
}

function systemReason(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
}

/** The documents of a JSON Lines file, line by line; blank lines are skipped. */
export async function* jsonLines(file: string): AsyncGenerator<unknown> {
  const input = createReadStream(file, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const raw of lines) {
      n += 1;
      const text = (n === 1 ? raw.replace(/^\uFEFF/, '') : raw).trim();
      if (text === '') continue;
      try {
        yield JSON.parse(text) as unknown;
      } catch (error) {
        yield new InputError(file, 'bad-line', (error as Error).message, n);
      }
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(file, 'unreadable', systemReason(error));
  } finally {
    lines.close();
    input.destroy();
  }
}

async function firstCharacter(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return /\S/.exec(buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, ''))?.[0] ?? '';
  } finally {
    await handle.close();
  }
}

/**
 * The documents of a file: `.jsonl`/`.ndjson` are JSON Lines; a file that starts with `[` is a JSON array;
 * a `.json` file holding one object is a batch of one; any other file that starts with `{` is JSON Lines.
 * Throws `InputError` when the file cannot be read or is not JSON.
 */
export async function readDocuments(file: string): Promise<DocumentSource> {
  let first: string;
  try {
    first = await firstCharacter(file);
  } catch (error) {
    throw new InputError(file, 'unreadable', systemReason(error));
  }
  const lines = /\.(jsonl|ndjson)$/i.test(file) || (first === '{' && !/\.json$/i.test(file));
  if (lines) {
    // Open it now, so a file that cannot be read is a usage problem before any rendering starts.
    try {
      await (await open(file, 'r')).close();
    } catch (error) {
      throw new InputError(file, 'unreadable', systemReason(error));
    }
    return { format: 'jsonl', documents: jsonLines(file) };
  }
  let text: string;
  try {
    text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  } catch (error) {
    throw new InputError(file, 'unreadable', systemReason(error));
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(file, 'bad-json', (error as Error).message);
  }
  if (Array.isArray(data)) return { format: 'json', documents: data, total: data.length };
  if (data !== null && typeof data === 'object') return { format: 'json', documents: [data], total: 1 };
  throw new InputError(file, 'not-documents', typeof data);
}
