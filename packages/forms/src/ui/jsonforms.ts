/** A JSON Forms UI schema for a form: groups for sections, controls with explicit labels (vi or en). */
import { formLocale, titleIn, type FormLocale } from '../locales';
import type { JsonSchema } from '../model';
import { resolveRef } from '../schema-tools';

export interface JsonFormsElement {
  type: 'VerticalLayout' | 'Group' | 'Control';
  label?: string;
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

export function jsonFormsUiSchema(schema: JsonSchema, lang: 'vi' | 'en' = 'vi'): JsonFormsElement {
  const root = resolveRef(schema, schema);
  const loc = formLocale(lang);
  return { type: 'VerticalLayout', elements: Object.entries(root.properties ?? {}).map(([k, child]) => element(schema, child, `#/properties/${k}`, loc)) };
}
