/** kiemdiem forms list | schema ID | example ID. */
import { exampleFor, listForms, schemaFor, uiSchemaFor, type FormContext } from '@kiemdiem/forms';
import type { Lang } from '@kiemdiem/rules';
import { defineCommand } from '../command';
import { EXIT, UsageError, type Io } from '../io';
import { readJson } from '../input';
import type { Messages } from '../locales';
import { renderTable } from '../table';

export const forms = defineCommand({
  name: 'forms',
  operands: 'list|schema|example [ID]',
  flags: {
    context: { type: 'string', arg: 'FILE' },
    ui: { type: 'string', choices: ['jsonforms', 'rjsf'] },
    format: { type: 'string', short: 'f', choices: ['json', 'table'], default: 'table' },
  },
  run: (v, { io, lang, msg, positionals }) => {
    const [sub, id, ...extra] = positionals;
    if (extra.length) throw new UsageError(msg.badFlag(extra.join(' ')));
    return formsCommand({ sub, id, context: v.context, ...(v.ui ? { ui: v.ui } : {}), format: v.format, lang }, io, msg);
  },
});

export interface FormsArgs {
  sub?: string;
  id?: string;
  context?: string;
  ui?: 'jsonforms' | 'rjsf';
  format: 'json' | 'table';
  lang: Lang;
}

/** A form id the forms package knows. */
export function knownForm(id: string | undefined, msg: Messages): string {
  if (!id) throw new UsageError(msg.missingFormId);
  const ids: string[] = listForms().map((f) => f.id);
  if (!ids.includes(id)) throw new UsageError(msg.unknownForm(id, ids));
  return id;
}

/** --context FILE: a JSON object; none gives the form's defaults. */
export function formContext(file: string | undefined, msg: Messages): FormContext {
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
        const rows = forms.map((f) => [f.id, f.title, f.basis, msg.forms.official(f.official)]);
        io.stdout(`${renderTable(msg.forms.head, rows).join('\n')}\n`);
      }
      return EXIT.ok;
    }
    case 'schema': {
      const id = knownForm(args.id, msg);
      const ctx = formContext(args.context, msg);
      json(args.ui ? uiSchemaFor(id, args.ui, args.lang, ctx) : schemaFor(id, ctx));
      return EXIT.ok;
    }
    case 'example': {
      json(exampleFor(knownForm(args.id, msg)));
      return EXIT.ok;
    }
    default:
      throw new UsageError(msg.unknownFormsCommand(args.sub ?? ''));
  }
}
