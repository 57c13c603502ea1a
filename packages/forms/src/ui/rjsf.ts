/** An RJSF uiSchema for a form: field order, widgets and (for a language other than the schema's own) titles. */
import { formLocale, titleIn, type FormLocale } from '../locales';
import type { JsonSchema } from '../model';
import { labelOf, resolveRef } from '../schema-tools';

export type RjsfUiSchema = { [key: string]: unknown };

function ui(root: JsonSchema, node: JsonSchema, loc: FormLocale): RjsfUiSchema {
  const n = resolveRef(root, node);
  const out: RjsfUiSchema = {};
  // RJSF shows the schema's `title` (Vietnamese) itself: relabel only for a locale that reads another key.
  const relabel = loc.titleKey !== 'title';
  if (relabel && n[loc.titleKey]) out['ui:title'] = n[loc.titleKey];
  if (n['x-widget'] === 'textarea') out['ui:widget'] = 'textarea';
  if (n['x-widget'] === 'radio') out['ui:widget'] = 'radio';
  if (n.type === 'object' && n.properties) {
    out['ui:order'] = Object.keys(n.properties);
    for (const [k, child] of Object.entries(n.properties)) out[k] = ui(root, child, loc);
  }
  if (n.type === 'array' && n.items) out.items = ui(root, n.items, loc);
  // RJSF labels a `oneOf` option from `oneOf[i]['ui:title']` (`ui:enumNames` is for `enum` only).
  if (relabel && n.oneOf) out.oneOf = n.oneOf.map((o) => ({ 'ui:title': titleIn(o, loc) }));
  return out;
}

/** `options.title`: the heading RJSF shows for the form (by default the schema's title in `lang`). */
export function rjsfUiSchema(schema: JsonSchema, lang: 'vi' | 'en' = 'vi', options: { title?: string } = {}): RjsfUiSchema {
  const loc = formLocale(lang);
  const out: RjsfUiSchema = { ...ui(schema, schema, loc), 'ui:submitButtonOptions': { submitText: loc.messages.submit } };
  if (options.title) out['ui:title'] = options.title;
  return out;
}

export { labelOf };
