/**
 * Whether a value fits a part of a form's schema, without compiling anything: form libraries ask this of a
 * sub-schema (RJSF's `isValid`, to pick the `oneOf` option a value matches), where no precompiled validator
 * exists. It reads the keywords the forms of this package use; a keyword it does not know does not match, so a
 * schema it cannot judge is never taken for a match.
 */
import type { JsonSchema } from '../model';

const KNOWN = new Set([
  '$schema', '$id', '$ref', '$defs', 'title', 'description', 'type', 'properties', 'required', 'additionalProperties', 'items',
  'minItems', 'maxItems', 'minLength', 'maxLength', 'minimum', 'maximum', 'multipleOf', 'pattern', 'format', 'enum', 'oneOf',
  'anyOf', 'const', 'default',
]);

type Node = JsonSchema & { const?: unknown; anyOf?: JsonSchema[] };

function typeOk(type: string, value: unknown): boolean {
  switch (type) {
    case 'object': return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'array': return Array.isArray(value);
    case 'string': return typeof value === 'string';
    case 'number': return typeof value === 'number' && Number.isFinite(value);
    case 'integer': return Number.isInteger(value);
    case 'boolean': return typeof value === 'boolean';
    default: return false;
  }
}

/** True when `value` is valid against `schema` (local `#/$defs/…` references resolved in `root`). */
export function matches(schema: unknown, value: unknown, root: unknown, depth = 0): boolean {
  if (schema === true) return true;
  if (typeof schema !== 'object' || schema === null || depth > 64) return false;
  const n = schema as Node;
  for (const k of Object.keys(n)) if (!KNOWN.has(k) && !k.startsWith('x-')) return false;
  if (n.$ref !== undefined) {
    const m = /^#\/\$defs\/([^/]+)$/.exec(n.$ref);
    const target = m ? (root as { $defs?: Record<string, JsonSchema> }).$defs?.[m[1]!] : undefined;
    if (!target || !matches(target, value, root, depth + 1)) return false;
  }
  if ('const' in n && n.const !== value) return false;
  if (n.enum && !n.enum.includes(value as string)) return false;
  if (n.type && !typeOk(n.type, value)) return false;
  if (n.oneOf && n.oneOf.filter((o) => matches(o, value, root, depth + 1)).length !== 1) return false;
  if (n.anyOf && !n.anyOf.some((o) => matches(o, value, root, depth + 1))) return false;
  if (typeof value === 'string') {
    const length = [...value].length;
    if (n.minLength !== undefined && length < n.minLength) return false;
    if (n.maxLength !== undefined && length > n.maxLength) return false;
    if (n.pattern !== undefined && !new RegExp(n.pattern, 'u').test(value)) return false;
    if (n.format === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  }
  if (typeof value === 'number') {
    if (n.minimum !== undefined && value < n.minimum) return false;
    if (n.maximum !== undefined && value > n.maximum) return false;
    if (n.multipleOf !== undefined && Math.abs(value / n.multipleOf - Math.round(value / n.multipleOf)) > 1e-9) return false;
  }
  if (Array.isArray(value)) {
    if (n.minItems !== undefined && value.length < n.minItems) return false;
    if (n.maxItems !== undefined && value.length > n.maxItems) return false;
    if (n.items && !value.every((v) => matches(n.items, v, root, depth + 1))) return false;
  }
  if (typeOk('object', value)) {
    const obj = value as Record<string, unknown>;
    if (n.required && !n.required.every((k) => Object.hasOwn(obj, k))) return false;
    for (const [k, v] of Object.entries(obj)) {
      const prop = n.properties && Object.hasOwn(n.properties, k) ? n.properties[k] : undefined;
      if (prop ? !matches(prop, v, root, depth + 1) : n.additionalProperties === false) return false;
    }
  }
  return true;
}
