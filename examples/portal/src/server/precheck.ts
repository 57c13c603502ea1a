/**
 * The checks a draft gets before @kiemdiem/forms validates it, in one pass over the document beside its schema:
 * - a table with more rows than the form's `maxItems` (refused at once, without looking at its rows);
 * - far more values than any form has (the largest 02A has about 1,050), so that an error listing or a
 *   validation pass cannot be made to grow without bound;
 * - control characters: NUL and the other C0/C1 controls anywhere (a NUL cuts the text short in SQLite), line
 *   breaks and tabs in a name, and unpaired surrogates (not text).
 */
import { resolveRef, schemaFor, type JsonSchema } from '@kiemdiem/forms';
import type { FormProblem, MemberFormId } from '../shared/api';

/** Values (objects, arrays, scalars, keys) in one document; about ten times the largest form. */
export const MAX_VALUES = 10_000;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// eslint-disable-next-line no-control-regex
const CONTROL_IN_NAME = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;
/** Single-line names: a line break there would break the lists and the PDF's signature line. */
const NAME_KEYS = new Set(['fullName', 'name']);

const pointer = (path: readonly string[]) => path.map((k) => `/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

function titleOf(node: JsonSchema | undefined, key: string): string {
  const title = (node as { title?: unknown } | undefined)?.title;
  return typeof title === 'string' ? title : key;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function badText(value: string, key: string): boolean {
  return (NAME_KEYS.has(key) ? CONTROL_IN_NAME : CONTROL).test(value) || LONE_SURROGATE.test(value);
}

export function precheck(formId: MemberFormId, document: Record<string, unknown>): FormProblem[] {
  const root = schemaFor(formId);
  const problems: FormProblem[] = [];
  let values = 0;
  const stack: Array<{ value: unknown; schema: JsonSchema | undefined; path: string[]; key: string }> = [{ value: document, schema: root, path: [], key: '' }];
  while (stack.length > 0) {
    const { value, schema: raw, path, key } = stack.pop()!;
    values += 1;
    if (values > MAX_VALUES) {
      return [{ path: '', code: 'too-many-values', message: `Bản nháp có hơn ${MAX_VALUES} giá trị: không phải một bản kiểm điểm` }];
    }
    const schema = raw ? resolveRef(root, raw) : undefined;
    if (typeof value === 'string') {
      if (badText(value, key)) {
        problems.push({ path: pointer(path), code: 'control-character', message: `"${titleOf(schema, key)}" có ký tự điều khiển hoặc ký tự không hợp lệ` });
      }
      continue;
    }
    if (Array.isArray(value)) {
      const max = schema?.type === 'array' ? schema.maxItems : undefined;
      if (max !== undefined && value.length > max) {
        // Its rows are not looked at: the table is refused whole.
        problems.push({ path: pointer(path), code: 'too-many-rows', message: `"${titleOf(schema, key)}" có tối đa ${max} dòng (gửi ${value.length})` });
        continue;
      }
      if (values + value.length > MAX_VALUES) {
        return [{ path: '', code: 'too-many-values', message: `Bản nháp có hơn ${MAX_VALUES} giá trị: không phải một bản kiểm điểm` }];
      }
      const items = schema?.type === 'array' ? schema.items : undefined;
      value.forEach((item, i) => stack.push({ value: item, schema: items, path: [...path, String(i)], key }));
      continue;
    }
    if (typeof value === 'object' && value !== null) {
      const keys = Object.keys(value);
      if (values + keys.length > MAX_VALUES) {
        return [{ path: '', code: 'too-many-values', message: `Bản nháp có hơn ${MAX_VALUES} giá trị: không phải một bản kiểm điểm` }];
      }
      const properties = schema?.type === 'object' ? schema.properties : undefined;
      for (const k of keys) {
        if (badText(k, '')) {
          problems.push({ path: pointer([...path, k]), code: 'control-character', message: 'Tên trường có ký tự điều khiển hoặc ký tự không hợp lệ' });
          continue;
        }
        stack.push({ value: (value as Record<string, unknown>)[k], schema: properties?.[k], path: [...path, k], key: k });
      }
    }
  }
  return problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
