/** kiemdiem template: the empty member list (.xlsx) that `kiemdiem rate --input` reads. */
import { writeFileSync } from 'node:fs';
import { writeTemplate } from '@kiemdiem/sheets';
import { defineCommand } from '../command';
import { EXIT, UsageError, type Io } from '../io';
import { writeProblem } from '../files';
import type { Messages } from '../locales';

export const template = defineCommand({
  name: 'template',
  operands: 'FILE',
  flags: {},
  run: (_v, { io, lang, msg, positionals }) => templateCommand(positionals, lang, io, msg),
});

export async function templateCommand(files: string[], lang: 'vi' | 'en', io: Io, msg: Messages): Promise<number> {
  const [file, ...rest] = files;
  if (file === undefined || file === '' || rest.length > 0) throw new UsageError(msg.sheets.templateFile);
  if (!/\.xlsx$/i.test(file)) throw new UsageError(msg.sheets.templateExtension(file));
  const bytes = await writeTemplate({ lang });
  try {
    writeFileSync(file, bytes);
  } catch (error) {
    throw writeProblem(file, error, msg);
  }
  io.stderr(`${msg.sheets.templateWritten(file)}\n`);
  return EXIT.ok;
}
