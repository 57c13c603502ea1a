/** Reading input files with messages that name the file and the problem. */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { Messages } from './locales';
import { UsageError } from './io';
import { foreignEncoding } from './encoding';
import { fileProblem } from './files';

const strict = new TextDecoder('utf-8', { fatal: true });

/** A file's text (`-`: stdin); a file in UTF-16, or with bytes that are not UTF-8, is refused naming the line. */
function read(file: string, msg: Messages): string {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file === '-' ? 0 : file);
  } catch (error) {
    throw fileProblem(file, error, msg);
  }
  const encoding = foreignEncoding(bytes);
  if (encoding) throw new UsageError(msg.badEncodingFile(file, encoding));
  try {
    return strict.decode(bytes);
  } catch {
    let line = 1;
    let start = 0;
    for (let nl = bytes.indexOf(10); nl >= 0; nl = bytes.indexOf(10, start), line += 1) {
      try {
        strict.decode(bytes.subarray(start, nl));
      } catch {
        break;
      }
      start = nl + 1;
    }
    throw new UsageError(msg.badEncodingAt(`${file}:${line}`));
  }
}

export function readJson(file: string, msg: Messages): unknown {
  const text = read(file, msg).replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(msg.badJson(file, (error as Error).message));
  }
}

/**
 * A JSON Lines file as an array, one element per non-blank line. A line that is not JSON stops the
 * read with its line number (use --format jsonl to have such lines reported and the rest rated).
 */
export function readJsonLines(file: string, msg: Messages): unknown[] {
  return jsonLinesOf(read(file, msg).replace(/^\uFEFF/, ''), file, msg);
}

function jsonLinesOf(text: string, file: string, msg: Messages): unknown[] {
  const out: unknown[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') return;
    try {
      out.push(JSON.parse(line));
    } catch (error) {
      throw new UsageError(msg.badJson(`${file}:${i + 1}`, (error as Error).message));
    }
  });
  return out;
}

/**
 * Subjects from a JSON Lines file or stdin (`-`), where a JSON array is read too: input that starts with `[`
 * is one JSON array of records, as in a .json file; anything else is one record per line.
 */
export function readRecords(file: string, msg: Messages): unknown[] | unknown {
  const text = read(file, msg).replace(/^\uFEFF/, '');
  if (!text.trimStart().startsWith('[')) return jsonLinesOf(text, file, msg);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(msg.badJson(file, (error as Error).message));
  }
}

/** YAML 1.2 is a superset of JSON, so one parser reads both kinds of case file. */
export function readYamlOrJson(file: string, msg: Messages): unknown {
  const text = read(file, msg).replace(/^\uFEFF/, '');
  try {
    return parseYaml(text, { prettyErrors: true, uniqueKeys: true, maxAliasCount: 100 });
  } catch (error) {
    throw new UsageError(msg.badYaml(file, (error as Error).message.split('\n')[0] ?? ''));
  }
}
