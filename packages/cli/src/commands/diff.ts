/** kiemdiem diff: what changed between two regulations, and (with --input) who changes rating and why. */
import { diff, diffToMarkdown, type Lang } from '@kiemdiem/rules';
import { EXIT, UsageError, type Io } from '../io';
import { readJson } from '../input';
import type { Messages } from '../messages';
import { diffPdf } from './diff-pdf';
import { packRef } from './packref';

export interface DiffArgs {
  from?: string;
  to?: string;
  input?: string;
  format: 'json' | 'md' | 'pdf';
  lang: Lang;
  out?: string;
}

export async function diffCommand(args: DiffArgs, io: Io, msg: Messages): Promise<number> {
  if (!args.from || !args.to) throw new UsageError(msg.missingFromTo);
  const from = packRef(args.from, msg);
  const to = packRef(args.to, msg);
  let subjects: unknown[] | undefined;
  if (args.input) {
    const data = readJson(args.input, msg);
    if (!Array.isArray(data)) throw new UsageError(msg.notArray(args.input));
    subjects = data;
  }
  const report = await diff(from, to, subjects, { lang: args.lang });
  if (args.format === 'pdf') io.stderr(`${await diffPdf(report, args.out, args.lang)}\n`);
  else io.stdout(args.format === 'md' ? diffToMarkdown(report, args.lang) : `${JSON.stringify(report, null, 2)}\n`);
  return EXIT.ok;
}
