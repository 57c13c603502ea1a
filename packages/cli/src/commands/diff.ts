/** kiemdiem diff: what changed between two regulations, and (with --input) who changes rating and why. */
import { diff as diffPacks, diffToMarkdown, type Lang } from '@kiemdiem/rules';
import { defineCommand } from '../command';
import { EXIT, UsageError, type Io } from '../io';
import { readJson } from '../input';
import type { Messages } from '../locales';
import { diffPdf } from './diff-pdf';
import { packRef } from './packref';

export const diff = defineCommand({
  name: 'diff',
  flags: {
    from: { type: 'string', required: true, arg: 'ID' },
    to: { type: 'string', required: true, arg: 'ID' },
    input: { type: 'string', short: 'i', arg: 'FILE' },
    format: { type: 'string', short: 'f', choices: ['json', 'md', 'pdf'], default: 'json' },
    out: { type: 'string', short: 'o', arg: 'FILE.pdf' },
  },
  run: (v, { io, lang, msg }) => diffCommand({ from: v.from, to: v.to, input: v.input, format: v.format, lang, out: v.out }, io, msg),
});

export interface DiffArgs {
  from: string;
  to: string;
  input?: string;
  format: 'json' | 'md' | 'pdf';
  lang: Lang;
  out?: string;
}

export async function diffCommand(args: DiffArgs, io: Io, msg: Messages): Promise<number> {
  const from = packRef(args.from, msg);
  const to = packRef(args.to, msg);
  let subjects: unknown[] | undefined;
  if (args.input) {
    const data = readJson(args.input, msg);
    if (!Array.isArray(data)) throw new UsageError(msg.notArray(args.input));
    subjects = data;
  }
  const report = await diffPacks(from, to, subjects, { lang: args.lang });
  if (args.format === 'pdf') io.stderr(`${await diffPdf(report, args.out, args.lang)}\n`);
  else io.stdout(args.format === 'md' ? diffToMarkdown(report, args.lang) : `${JSON.stringify(report, null, 2)}\n`);
  return EXIT.ok;
}
