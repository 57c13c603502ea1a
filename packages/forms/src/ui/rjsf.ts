/** An RJSF uiSchema for a form: field order, widgets and (for English) titles. */
import type { JsonSchema } from '../model';
import { labelOf, resolveRef } from '../schema-tools';

export type RjsfUiSchema = { [key: string]: unknown };

function ui(root: JsonSchema, node: JsonSchema, lang: 'vi' | 'en'): RjsfUiSchema {
  const n = resolveRef(root, node);
  const out: RjsfUiSchema = {};
  // RJSF shows `title` itself; give it the English label when asked.
  if (lang === 'en' && n['x-title-en']) out['ui:title'] = n['x-title-en'];
  if (n['x-widget'] === 'textarea') out['ui:widget'] = 'textarea';
  if (n['x-widget'] === 'radio') out['ui:widget'] = 'radio';
  if (n.type === 'object' && n.properties) {
    out['ui:order'] = Object.keys(n.properties);
    for (const [k, child] of Object.entries(n.properties)) out[k] = ui(root, child, lang);
  }
  if (n.type === 'array' && n.items) out.items = ui(root, n.items, lang);
  if (lang === 'en' && n.oneOf) out['ui:enumNames'] = n.oneOf.map((o) => o['x-title-en'] ?? o.title);
  return out;
}

export function rjsfUiSchema(schema: JsonSchema, lang: 'vi' | 'en' = 'vi'): RjsfUiSchema {
  return { ...ui(schema, schema, lang), 'ui:submitButtonOptions': { submitText: lang === 'en' ? 'Check' : 'Kiểm tra' } };
}

export { labelOf };
