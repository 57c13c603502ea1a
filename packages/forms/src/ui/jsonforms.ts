/** A JSON Forms UI schema for a form: groups for sections, controls with explicit labels (vi or en). */
import { formLocale, titleIn, type FormLocale } from '../locales';
import type { JsonSchema } from '../model';
import { resolveRef } from '../schema-tools';

export interface JsonFormsElement {
  type: 'VerticalLayout' | 'Group' | 'Control' | 'Label';
  label?: string;
  /** A `Label` element's text. */
  text?: string;
  scope?: string;
  elements?: JsonFormsElement[];
  options?: Record<string, unknown>;
}

function element(root: JsonSchema, node: JsonSchema, scope: string, loc: FormLocale): JsonFormsElement {
  const n = resolveRef(root, node);
  const label = titleIn(n, loc) ?? '';
  if (n.type === 'object' && n.properties) {
    return { type: 'Group', label, elements: Object.entries(n.properties).map(([k, child]) => element(root, child, `${scope}/properties/${k}`, loc)) };
  }
  const control: JsonFormsElement = { type: 'Control', scope, label };
  if (n['x-widget'] === 'textarea') control.options = { multi: true };
  if (n['x-widget'] === 'radio') control.options = { format: 'radio' };
  if (n.type === 'array' && n.items) {
    const row = resolveRef(root, n.items);
    control.options = {
      showSortButtons: false,
      detail: { type: 'VerticalLayout', elements: Object.entries(row.properties ?? {}).map(([k, child]) => element(root, child, `#/properties/${k}`, loc)) },
    };
  }
  return control;
}

/**
 * Option labels of a choice are the schema's (Vietnamese) `oneOf` titles: JSON Forms has no UI schema key for
 * them, so in English they come from the translator of `@kiemdiem/forms/jsonforms` (`jsonFormsI18n('en')`).
 */
export function jsonFormsUiSchema(schema: JsonSchema, lang: 'vi' | 'en' = 'vi', options: { title?: string } = {}): JsonFormsElement {
  const root = resolveRef(schema, schema);
  const loc = formLocale(lang);
  const elements = Object.entries(root.properties ?? {}).map(([k, child]) => element(schema, child, `#/properties/${k}`, loc));
  // JSON Forms shows no heading of its own: the form's title is a leading Label.
  const title = options.title ?? titleIn(root, loc);
  return { type: 'VerticalLayout', elements: title ? [{ type: 'Label', text: title }, ...elements] : elements };
}
