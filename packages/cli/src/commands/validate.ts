/** kiemdiem validate --form ID --input FILE: a document checked against its form (exit 0 valid, 1 invalid). */
import { validate as validateDocument } from '@kiemdiem/forms';
import type { Lang } from '@kiemdiem/rules';
import { defineCommand } from '../command';
import { EXIT, type Io } from '../io';
import { readJson } from '../input';
import type { Messages } from '../locales';
import { formContext, knownForm } from './forms';
import { printable } from '../table';

export const validate = defineCommand({
  name: 'validate',
  flags: {
    form: { type: 'string', required: true, arg: 'ID' },
    input: { type: 'string', short: 'i', required: true, arg: 'FILE' },
    context: { type: 'string', arg: 'FILE' },
    format: { type: 'string', short: 'f', choices: ['json', 'table'], default: 'json' },
  },
  run: (v, { io, lang, msg }) => validateCommand({ form: v.form, input: v.input, context: v.context, format: v.format, lang }, io, msg),
});

export interface ValidateArgs {
  form: string;
  input: string;
  context?: string;
  format: 'json' | 'table';
  lang: Lang;
}

export async function validateCommand(args: ValidateArgs, io: Io, msg: Messages): Promise<number> {
  const id = knownForm(args.form, msg);
  const doc = readJson(args.input, msg);
  const result = await validateDocument(id, doc, { lang: args.lang, context: formContext(args.context, msg) });
  const { valid, errors, warnings } = result;
  if (args.format === 'json') io.stdout(`${JSON.stringify({ valid, errors, warnings }, null, 2)}\n`);
  else {
    io.stdout(`${valid ? msg.validate.valid : msg.validate.errors(errors.length)}\n`);
    for (const e of errors) io.stdout(`${printable(`  ✗ ${e.path}: ${e.message}${e.rule ? ` [${e.rule}]` : ''}`)}\n`);
    for (const w of warnings) io.stdout(`${printable(`  ! ${w.message}${w.citationText ? ` [${w.citationText}; ${w.provenance}]` : ''}`)}\n`);
  }
  return valid ? EXIT.ok : EXIT.failed;
}
