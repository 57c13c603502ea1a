/**
 * One walk over the document, guided by the form's schema, before the precompiled validator runs: free-text
 * fields are checked for what cannot print (text.ts), and tables longer than their `maxItems` are refused at
 * once, their extra rows neither walked nor validated. Visits only what the schema knows, each value once.
 */
import type { FormLocale } from './locales';
import type { JsonSchema } from './model';
import { fieldLabel, resolveRef, unescape } from './schema-tools';
import { codePoint, MAX_MARKS, textProblems } from './text';
import type { FormIssue } from './validate';

export interface Scan {
  issues: FormIssue[];
  /** The document as the validator should see it: tables cut to their `maxItems` rows (the same object when none is). */
  bounded: unknown;
}

/** Free text: a string field that is not a choice, a date or a pattern-checked value. */
function isFreeText(node: JsonSchema): boolean {
  return node.type === 'string' && !node.oneOf && !node.enum && !node.format && !node.pattern;
}

export function scanDocument(root: JsonSchema, document: unknown, loc: FormLocale): Scan {
  const msg = loc.messages;
  const issues: FormIssue[] = [];
  const cuts: Array<{ path: string; limit: number }> = [];
  const resolved = new WeakMap<JsonSchema, JsonSchema>();
  const resolve = (node: JsonSchema) => {
    let r = resolved.get(node);
    if (!r) resolved.set(node, (r = resolveRef(root, node)));
    return r;
  };
  const label = (path: string) => fieldLabel(root, path, loc);

  const text = (node: JsonSchema, value: string, path: string) => {
    const found = textProblems(value, node['x-widget'] === 'textarea', (node.minLength ?? 0) >= 1);
    if (!found) return;
    if (found.blank) issues.push({ path, code: 'empty', message: msg.empty(label(path)) });
    if (found.controls.length > 0) issues.push({ path, code: 'control-character', message: msg.controlCharacters(label(path), found.controls.map(codePoint)) });
    if (found.unsupported.length > 0)
      issues.push({ path, code: 'unsupported-character', message: msg.unsupportedCharacters(label(path), found.unsupported.map(shown)) });
    if (found.marks !== undefined) issues.push({ path, code: 'too-many-marks', message: msg.tooManyMarks(label(path), found.marks, MAX_MARKS) });
  };

  const walk = (schema: JsonSchema, value: unknown, path: string): void => {
    const node = resolve(schema);
    if (Array.isArray(value)) {
      if (node.type !== 'array' || !node.items) return;
      let n = value.length;
      if (node.maxItems !== undefined && n > node.maxItems) {
        issues.push({ path, code: 'too-many-rows', message: msg.maxItems(label(path), node.maxItems) });
        cuts.push({ path, limit: node.maxItems });
        n = node.maxItems;
      }
      for (let i = 0; i < n; i++) walk(node.items, value[i], `${path}/${i}`);
    } else if (value !== null && typeof value === 'object') {
      const properties = node.properties;
      if (!properties) return;
      for (const key of Object.keys(value)) {
        if (Object.prototype.hasOwnProperty.call(properties, key)) walk(properties[key]!, (value as Record<string, unknown>)[key], `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
      }
    } else if (typeof value === 'string' && isFreeText(node)) text(node, value, path);
  };

  walk(root, document, '');
  let bounded = document;
  for (const { path, limit } of cuts) bounded = replaceAt(bounded, path.split('/').slice(1).map(unescape), (rows) => (rows as unknown[]).slice(0, limit));
  return { issues, bounded };
}

/** A character as messages show it: itself and its code point, or only the code point when it has no shape of its own. */
function shown(ch: string): string {
  return /[\p{M}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Z}]/u.test(ch) ? codePoint(ch) : `"${ch}" (${codePoint(ch)})`;
}

/** A copy of `data` with the value at `tokens` replaced, sharing everything off that path. */
function replaceAt(data: unknown, tokens: string[], replace: (value: unknown) => unknown): unknown {
  if (tokens.length === 0) return replace(data);
  const [head, ...rest] = tokens as [string, ...string[]];
  if (Array.isArray(data)) {
    const copy = data.slice();
    copy[Number(head)] = replaceAt(data[Number(head)], rest, replace);
    return copy;
  }
  const copy = { ...(data as Record<string, unknown>) };
  // defineProperty: an own data property whatever the key (an assignment to "__proto__" would set the prototype).
  Object.defineProperty(copy, head, { value: replaceAt(copy[head], rest, replace), enumerable: true, writable: true, configurable: true });
  return copy;
}
