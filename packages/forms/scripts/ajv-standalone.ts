// The ajv instance the form validators are compiled with, and the step that makes ajv's standalone code
// self-contained: ajv's runtime helpers are `require`d by the code it emits; we inline the small ones (no
// require in an ES module, no eval: the validators run under a CSP without 'unsafe-eval').
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { ANNOTATIONS } from './annotations';

export function createAjv() {
  const ajv = new Ajv2020({ code: { source: true, esm: true }, strict: true, allErrors: true, allowUnionTypes: true, inlineRefs: false });
  addFormats(ajv, ['date']);
  ajv.addVocabulary([...ANNOTATIONS]);
  return ajv;
}

/**
 * ajv's deep equality (fast-deep-equal, used for `const`/`enum` with object or array values and for
 * `uniqueItems` on non-scalar items), for JSON values: key order does not matter, as in JSON Schema.
 * JSON.stringify would compare key order too, so {"a":1,"b":2} and {"b":2,"a":1} would differ.
 */
const DEEP_EQUAL = `function equal(a, b) {
  if (a === b) return true;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    if (Array.isArray(a)) {
      if (a.length !== b.length) return false;
      for (let i = 0; i < a.length; i++) if (!equal(a[i], b[i])) return false;
      return true;
    }
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    for (const k of keys) if (!Object.prototype.hasOwnProperty.call(b, k) || !equal(a[k], b[k])) return false;
    return true;
  }
  return a !== a && b !== b;
}`;

/** Replaces the `require`s of ajv's runtime helpers in standalone code; throws on one it does not know. */
export function inlineRuntime(body: string): string {
  const out = body
    .replace(/const (\w+) = require\("ajv\/dist\/runtime\/ucs2length"\)\.default;/g, 'const $1 = (s) => { let n = 0; for (const _c of s) n++; return n; };')
    .replace(/const (\w+) = require\("ajv\/dist\/runtime\/equal"\)\.default;/g, `const $1 = ${DEEP_EQUAL};`)
    .replace(/const (\w+) = require\("ajv-formats\/dist\/formats"\)\.fullFormats\.date;/g, 'const $1 = fullFormats.date;');
  if (/require\(/.test(out)) throw new Error(`unexpected runtime require in the generated validators: ${out.match(/require\([^)]*\)/)![0]}`);
  return out;
}

/**
 * ajv's standalone code gathers a referenced schema's errors with `vErrors = vErrors.concat(child.errors)`: each
 * row of a table copies every error so far, so a table full of bad rows takes time quadratic in its length.
 * Appending in place keeps validation linear. Throws when ajv stops emitting the pattern, so the check is not lost.
 */
export function appendErrorsInPlace(body: string): string {
  const pattern = /vErrors = vErrors === null \? (validate\d+)\.errors : vErrors\.concat\(\1\.errors\);/g;
  if (!pattern.test(body)) throw new Error('ajv no longer gathers errors with vErrors.concat: revisit appendErrorsInPlace');
  const out = body.replace(pattern, 'if (vErrors === null) vErrors = []; for (const e of $1.errors) vErrors.push(e);');
  if (/vErrors\.concat/.test(out)) throw new Error('a vErrors.concat was left in the generated validators');
  return out;
}
