/** kiemdiem render --form ID --input FILE --out FILE.pdf|FILE.docx [--format pdf|docx]: one document as a PDF or a Word file. */
import type { FormIssue } from '@kiemdiem/forms';
import { render as renderDocument, renderDocx } from '@kiemdiem/reports';
import { KiemdiemError, type Lang } from '@kiemdiem/rules';
import { defineCommand } from '../command';
import { EXIT, UsageError, type Io } from '../io';
import { readJson } from '../input';
import type { Messages } from '../locales';
import { knownForm } from './forms';
import { outputTo } from '../output';
import { printable } from '../table';

export const render = defineCommand({
  name: 'render',
  flags: {
    form: { type: 'string', required: true, arg: 'ID' },
    input: { type: 'string', short: 'i', required: true, arg: 'FILE' },
    out: { type: 'string', short: 'o', required: true, arg: 'FILE.pdf' },
    format: { type: 'string', short: 'f', choices: ['pdf', 'docx'] },
  },
  run: (v, { io, lang, msg }) => renderCommand({ form: v.form, input: v.input, out: v.out, lang, format: documentFormat(v.format, v.out) }, io, msg),
});

export interface RenderArgs {
  form: string;
  input: string;
  out: string;
  lang: Lang;
  /** Default pdf. */
  format?: 'pdf' | 'docx';
}

/** --format as given, else docx for an --out ending in .docx, else pdf. */
export function documentFormat(format: string | undefined, out: string | undefined): 'pdf' | 'docx' {
  if (format === 'pdf' || format === 'docx') return format;
  return out && /\.docx$/i.test(out) ? 'docx' : 'pdf';
}

/** The kind of file a format makes, as the messages name it. */
export const fileKind = (format: 'pdf' | 'docx' | undefined) => (format === 'docx' ? 'Word' : 'PDF');

/** A form's problems, one line each, as render and render-batch print them. */
export function issueLines(issues: FormIssue[]): string[] {
  return issues.map((e) => printable(`  ✗ ${e.path || '/'}: ${e.message}${e.rule ? ` [${e.rule}]` : ''}`));
}

/** kiemdiem render: exit 0 written, 1 invalid document (its form errors on stderr), 2 usage. */
export async function renderCommand(args: RenderArgs, io: Io, msg: Messages): Promise<number> {
  const w = msg.render;
  const form = knownForm(args.form, msg);
  const target = outputTo(args.out, [args.input], io, msg, { binary: true });
  const document = readJson(args.input, msg);
  let pdf: Uint8Array;
  try {
    pdf = args.format === 'docx' ? await renderDocx(form, document, { lang: args.lang }) : await renderDocument(form, document, { lang: args.lang });
  } catch (error) {
    if (error instanceof KiemdiemError && error.code === 'invalid-subject') {
      const issues = Array.isArray(error.details) ? (error.details as FormIssue[]) : [];
      io.stderr(`${[w.invalidDocument(issues.length, fileKind(args.format)), ...(issues.length ? issueLines(issues) : [`  ✗ ${error.message}`])].join('\n')}\n`);
      return EXIT.failed;
    }
    throw error;
  }
  await target.write(pdf);
  if (!target.stdout) io.stdout(`${w.written(args.out)}\n`);
  return EXIT.ok;
}
