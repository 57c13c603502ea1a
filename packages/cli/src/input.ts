/** Reading input files with messages that name the file and the problem. */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { Messages } from './locales';
import { UsageError } from './io';

function read(file: string, msg: Messages): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(msg.unreadable(file, code === 'ENOENT' ? msg.notFound : (code ?? String(error))));
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
  const text = (file === '-' ? readFileSync(0, 'utf8') : read(file, msg)).replace(/^\uFEFF/, '');
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

/** YAML 1.2 is a superset of JSON, so one parser reads both kinds of case file. */
export function readYamlOrJson(file: string, msg: Messages): unknown {
  const text = read(file, msg).replace(/^\uFEFF/, '');
  try {
    return parseYaml(text, { prettyErrors: true, uniqueKeys: true, maxAliasCount: 100 });
  } catch (error) {
    throw new UsageError(msg.badYaml(file, (error as Error).message.split('\n')[0] ?? ''));
  }
}
