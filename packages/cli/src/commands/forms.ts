/** kiemdiem forms list | schema ID | example ID, and kiemdiem validate --form ID --input FILE. */
import { exampleFor, listForms, schemaFor, uiSchemaFor, validate, type FormContext } from '@kiemdiem/forms';
import type { Lang } from '@kiemdiem/rules';
import { EXIT, UsageError, type Io } from '../io';
import { readJson } from '../input';
import type { Messages } from '../messages';
import { renderTable } from '../table';

export interface FormsArgs {
  sub?: string;
  id?: string;
  context?: string;
  ui?: 'jsonforms' | 'rjsf';
  format: 'json' | 'table';
  lang: Lang;
}

function known(id: string | undefined, msg: Messages): string {
  if (!id) throw new UsageError(msg.missingFormId);
  if (!listForms().some((f) => f.id === id)) throw new UsageError(msg.unknownForm(id, listForms().map((f) => f.id)));
  return id;
}

function context(file: string | undefined, msg: Messages): FormContext {
  if (!file) return {};
  const data = readJson(file, msg);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new UsageError(msg.badContext(file));
  return data as FormContext;
}

export function formsCommand(args: FormsArgs, io: Io, msg: Messages): number {
  const json = (value: unknown) => io.stdout(`${JSON.stringify(value, null, 2)}\n`);
  switch (args.sub) {
    case 'list': {
      const forms = listForms(args.lang).map(({ id, title, basis, official }) => ({ id, title, basis, official }));
      if (args.format === 'json') json(forms);
      else {
        const vi = args.lang === 'vi';
        const head = vi ? ['Mã mẫu', 'Tên', 'Căn cứ', 'Chính thức'] : ['Form id', 'Title', 'Basis', 'Official'];
        const rows = forms.map((f) => [f.id, f.title, f.basis, f.official ? (vi ? 'có' : 'yes') : vi ? 'tham khảo' : 'reference']);
        io.stdout(`${renderTable(head, rows).join('\n')}\n`);
      }
      return EXIT.ok;
    }
    case 'schema': {
      const id = known(args.id, msg);
      const ctx = context(args.context, msg);
      json(args.ui ? uiSchemaFor(id, args.ui, args.lang, ctx) : schemaFor(id, ctx));
      return EXIT.ok;
    }
    case 'example': {
      json(exampleFor(known(args.id, msg)));
      return EXIT.ok;
    }
    default:
      throw new UsageError(msg.unknownFormsCommand(args.sub ?? ''));
  }
}

export interface ValidateArgs {
  form?: string;
  input?: string;
  context?: string;
  format: 'json' | 'table';
  lang: Lang;
}

export async function validateCommand(args: ValidateArgs, io: Io, msg: Messages): Promise<number> {
  const id = known(args.form, msg);
  if (!args.input) throw new UsageError(msg.missingInput);
  const doc = readJson(args.input, msg);
  const result = await validate(id, doc, { lang: args.lang, context: context(args.context, msg) });
  const { valid, errors, warnings } = result;
  if (args.format === 'json') io.stdout(`${JSON.stringify({ valid, errors, warnings }, null, 2)}\n`);
  else {
    const vi = args.lang === 'vi';
    io.stdout(`${valid ? (vi ? '✓ Hợp lệ' : '✓ Valid') : vi ? `✗ ${errors.length} lỗi` : `✗ ${errors.length} errors`}\n`);
    for (const e of errors) io.stdout(`  ✗ ${e.path}: ${e.message}${e.rule ? ` [${e.rule}]` : ''}\n`);
    for (const w of warnings) io.stdout(`  ! ${w.message}${w.citationText ? ` [${w.citationText}; ${w.provenance}]` : ''}\n`);
  }
  return valid ? EXIT.ok : EXIT.failed;
}
