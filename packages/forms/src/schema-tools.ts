/** Walking a form schema: resolve local `$ref`s, find the node for a JSON pointer, read its label. */
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

export function labelOf(node: JsonSchema | undefined, lang: 'vi' | 'en'): string | undefined {
  if (!node) return undefined;
  return lang === 'en' ? (node['x-title-en'] ?? node.title) : node.title;
}

/** The label of a field with its section, e.g. "Họ và tên" or "Tổng điểm (B. … › I. …)", kept short. */
export function fieldLabel(root: JsonSchema, pointer: string, lang: 'vi' | 'en'): string {
  const own = labelOf(nodeAt(root, pointer), lang);
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
