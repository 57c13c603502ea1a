/** Reading input files with messages that name the file and the problem. */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { Messages } from './messages';
import { UsageError } from './io';

function read(file: string, msg: Messages): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(msg.unreadable(file, code === 'ENOENT' ? 'không tồn tại / not found' : (code ?? String(error))));
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

/** YAML 1.2 is a superset of JSON, so one parser reads both kinds of case file. */
export function readYamlOrJson(file: string, msg: Messages): unknown {
  const text = read(file, msg).replace(/^\uFEFF/, '');
  try {
    return parseYaml(text, { prettyErrors: true, uniqueKeys: true, maxAliasCount: 100 });
  } catch (error) {
    throw new UsageError(msg.badYaml(file, (error as Error).message.split('\n')[0] ?? ''));
  }
}
