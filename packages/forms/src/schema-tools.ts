/** Walking a form schema: resolve local `$ref`s, find the node for a JSON pointer, read its label. */
import { formLocale, titleIn, type FormLocale } from './locales';
import type { JsonSchema } from './model';

export function resolveRef(root: JsonSchema, node: JsonSchema): JsonSchema {
  if (!node.$ref) return node;
  const target = root.$defs?.[node.$ref.replace('#/$defs/', '')];
  if (!target) return node;
  // Labels on the referencing node win over the shared definition's.
  const { $ref: _ignored, ...local } = node;
  return { ...resolveRef(root, target), ...local };
}

export function unescape(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The schema node for a data pointer (array indexes step into `items`), or undefined. */
export function nodeAt(root: JsonSchema, pointer: string): JsonSchema | undefined {
  let node: JsonSchema | undefined = resolveRef(root, root);
  if (pointer === '') return node;
  for (const raw of pointer.split('/').slice(1)) {
    if (!node) return undefined;
    const token = unescape(raw);
    if (node.type === 'array') node = node.items ? resolveRef(root, node.items) : undefined;
    else node = node.properties?.[token] ? resolveRef(root, node.properties[token]!) : undefined;
  }
  return node;
}

/** A node's label in `lang` (English falls back to the Vietnamese title). */
export function labelOf(node: JsonSchema | undefined, lang: 'vi' | 'en'): string | undefined {
  return titleIn(node, formLocale(lang));
}

/** The label of the field at a pointer, or the pointer's last token when the schema has none. */
export function fieldLabel(root: JsonSchema, pointer: string, loc: FormLocale): string {
  const own = titleIn(nodeAt(root, pointer), loc);
  if (own) return own;
  const tokens = pointer.split('/');
  return tokens[tokens.length - 1] ?? pointer;
}

/** Deep copy with every string NFC-normalised; keys are copied as own properties (never via the prototype). */
export function normalizeNfc<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map(normalizeNfc) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalizeNfc(v)])) as T;
  }
  return value;
}

export function getAt(data: unknown, pointer: string): unknown {
  let cur = data;
  for (const raw of pointer.split('/').slice(1)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    const token = unescape(raw);
    if (!Object.prototype.hasOwnProperty.call(cur, token)) return undefined;
    cur = (cur as Record<string, unknown>)[token];
  }
  return cur;
}
