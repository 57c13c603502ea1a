/**
 * `@kiemdiem/forms/jsonforms`: validation and words for JSON Forms.
 *
 * JSON Forms validates with ajv, which compiles each schema with `new Function` (refused by `script-src 'self'`)
 * and, in its default draft-07 set-up, cannot even load a draft 2020-12 schema (a blank page). So validation is
 * switched off there (`validationMode: 'NoValidation'`) and the messages are `checkForm`'s (precompiled validators,
 * exactly `validate`'s wording in Vietnamese or English), handed to JSON Forms as `additionalErrors`.
 */
import { checkForm, type FormIssue, type ValidateOptions } from '@kiemdiem/forms';
import type { CoreActions, ErrorTranslator, JsonFormsCore, JsonFormsI18nState, Middleware, Translator } from '@jsonforms/core';
import { formLocale, titleIn } from './locales';
import { JSONFORMS_EN, JSONFORMS_VI, jsonFormsStrings } from './locales/jsonforms';

/** ajv's error shape, as JSON Forms takes it in `additionalErrors` (ajv itself is not needed). */
export type JsonFormsError = NonNullable<JsonFormsCore['additionalErrors']>[number];

export interface JsonFormsValidationOptions extends Pick<ValidateOptions, 'lang' | 'context'> {
  /** Which problems to show now (e.g. only those of fields the person has touched); all by default. */
  filter?: (issue: FormIssue) => boolean;
}

/** The error keyword our messages carry: `translateError` passes their text through as it is. */
export const ERROR_KEYWORD = 'kiemdiem';

/** Dispatch `{ type: REFRESH_ERRORS }` to recompute the messages shown (after the `filter` changed its mind). */
export const REFRESH_ERRORS = 'kiemdiem/REFRESH_ERRORS';

const UPDATE_DATA = 'jsonforms/UPDATE';

/** The problems as JSON Forms errors: each under the control of the field it names. */
export function toJsonFormsErrors(issues: readonly FormIssue[]): JsonFormsError[] {
  return issues.map((issue) => ({ instancePath: issue.path, schemaPath: '#', keyword: ERROR_KEYWORD, params: issue.rule ? { rule: issue.rule } : {}, message: issue.message }));
}

/** `additionalErrors` for a document: `<JsonForms validationMode="NoValidation" additionalErrors={jsonFormsErrors(id, data)} … />`. */
export function jsonFormsErrors(formId: string, data: unknown, options: JsonFormsValidationOptions = {}): JsonFormsError[] {
  const issues = checkForm(formId, data, options).errors;
  return toJsonFormsErrors(options.filter ? issues.filter(options.filter) : issues);
}

export interface ValidationMiddlewareOptions extends JsonFormsValidationOptions {
  /** Called on each change of the data with the document before and after it (e.g. to note which fields were touched). */
  onUpdate?: (before: unknown, after: unknown) => void;
}

/**
 * A JSON Forms middleware that puts the messages in the state in the same update as the change: `<JsonForms
 * validationMode="NoValidation" middleware={validationMiddleware(id)} … />`. Passing `additionalErrors` back as a prop
 * from `onChange` works too, but JSON Forms reports changes late, and new props then reset the data to that older
 * value, losing what was typed in between. The same errors array is kept while nothing changes.
 */
export function validationMiddleware(formId: string, options: ValidationMiddlewareOptions = {}): Middleware {
  let shown: JsonFormsError[] = [];
  let shownKey = '[]';
  const errorsFor = (data: unknown): JsonFormsError[] => {
    const next = jsonFormsErrors(formId, data, options);
    const key = JSON.stringify(next);
    if (key !== shownKey) [shown, shownKey] = [next, key];
    return shown;
  };
  return (state, action, reducer) => {
    if ((action as { type: string }).type === REFRESH_ERRORS) return { ...state, validationMode: 'NoValidation', additionalErrors: errorsFor(state.data) };
    const next = reducer(state, action as CoreActions);
    if (action.type === UPDATE_DATA && options.onUpdate) options.onUpdate(state.data, next.data);
    const errors = errorsFor(next.data);
    return next.additionalErrors === errors ? next : { ...next, additionalErrors: errors };
  };
}

/** The last segment of a JSON Forms i18n key ("evidence.addTooltip" → "addTooltip"). */
function lastSegment(key: string): string {
  return key.slice(key.lastIndexOf('.') + 1);
}

/**
 * JSON Forms' `i18n` in `lang`: its own words (array controls' "Add to …", "Up", "Down", "Delete", "No data", the
 * empty choice) in that language, English option labels from the schema's `x-title-en` for `lang: 'en'`, and our
 * messages shown as they are. `<JsonForms i18n={jsonFormsI18n('vi')} … />`.
 */
export function jsonFormsI18n(lang: 'vi' | 'en' = 'vi'): JsonFormsI18nState & { translate: Translator; translateError: ErrorTranslator } {
  const words = jsonFormsStrings(lang);
  const loc = formLocale(lang);
  const translate = ((key: string, defaultMessage?: string, values?: { schema?: { const?: unknown; title?: string; 'x-title-en'?: string }; n?: number }) => {
    // A `oneOf` option (JSON Forms passes the option's schema): its label in this language.
    const option = values?.schema;
    if (option && 'const' in option) return titleIn(option, loc) ?? defaultMessage;
    const k = lastSegment(key);
    if (k === 'removeRow') return words.removeRow(Number((values as { n?: number } | undefined)?.n ?? 0));
    if (key === 'enum.none' || key.endsWith('.enum.none')) return words.none;
    if (k === 'addTooltip' || k === 'addAriaLabel') {
      // JSON Forms asks with its English default ("Add to Bảng …"): the label is what follows "Add to ".
      const label = /^Add to (.*?)( button)?$/.exec(defaultMessage ?? '')?.[1] ?? '';
      return words[k](label);
    }
    const word = (words as unknown as Record<string, unknown>)[k];
    if (typeof word === 'string' && defaultMessage !== undefined) return word;
    return defaultMessage;
  }) as Translator;
  const translateError: ErrorTranslator = (error, t, uischema) => {
    if (error.keyword === ERROR_KEYWORD && error.message) return error.message;
    // Anything else (an error of the host's own): JSON Forms' way, through the same translator.
    return t(`error.${error.keyword}`, error.message ?? '', { error, uischema });
  };
  return { locale: lang, translate, translateError };
}

export { JSONFORMS_EN, JSONFORMS_VI };
export type { JsonFormsStrings } from './locales/jsonforms';
