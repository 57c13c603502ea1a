/**
 * Request JSON: parsed with JSON.parse, then refused if any object key is __proto__, constructor or
 * prototype (whatever code later merges or indexes with it). The walk only runs when the raw text holds
 * one of those words, so ordinary bodies pay one substring search.
 */
import type { Lang } from '@kiemdiem/rules';
import { serverMessages } from './locales';
import { Problem } from './problem';

const UNSAFE = new Set(['__proto__', 'constructor', 'prototype']);
const UNSAFE_TEXT = /"(?:__proto__|constructor|prototype)"|\\u/;

/** The first unsafe key under `value` as [key, JSON pointer], or undefined. */
export function unsafeKey(value: unknown, path = '', depth = 0): [string, string] | undefined {
  if (value === null || typeof value !== 'object' || depth > 200) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unsafeKey(value[i], `${path}/${i}`, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  for (const key of Object.keys(value)) {
    const here = `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (UNSAFE.has(key)) return [key, here];
    const found = unsafeKey((value as Record<string, unknown>)[key], here, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** Whether `text` may hold an unsafe key (possibly written with \u escapes). */
export function mayHoldUnsafeKey(text: string): boolean {
  return UNSAFE_TEXT.test(text);
}

/** Parses a request body: 400 bad-json for malformed text, 400 unsafe-key for a forbidden key. */
export function parseBody(text: string, lang: Lang): unknown {
  const msg = serverMessages(lang);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Problem(400, 'bad-json', msg.badJson((error as Error).message));
  }
  if (mayHoldUnsafeKey(text)) {
    const found = unsafeKey(value);
    if (found) throw new Problem(400, 'unsafe-key', msg.unsafeKey(found[0], found[1]), [{ path: found[1], code: 'unsafe-key', message: msg.unsafeKey(found[0], found[1]) }]);
  }
  return value;
}
