/**
 * `@kiemdiem/forms/rjsf`: validation and words for react-jsonschema-form (RJSF).
 *
 * RJSF's own validator (`@rjsf/validator-ajv8`) compiles the schema with ajv at run time (`new Function`, refused by
 * `script-src 'self'`), gives ajv's English messages, and knows neither the print-font check, the dates nor the rule
 * pack's requirements. This one answers from `checkForm`: the precompiled validators and exactly the messages
 * `validate` gives, in Vietnamese or English. No ajv, no code generation.
 */
import { checkForm, formOrThrow, type FormIssue, type ValidateOptions } from '@kiemdiem/forms';
import {
  createErrorHandler,
  englishStringTranslator,
  getDefaultFormState,
  replaceStringParameters,
  toErrorSchema,
  unwrapErrorHandler,
  validationDataMerge,
  type CustomValidator,
  type ErrorTransformer,
  type RJSFSchema,
  type RJSFValidationError,
  type TranslatableString,
  type UiSchema,
  type ValidationData,
  type ValidatorType,
} from '@rjsf/utils';
import { RJSF_VI, rjsfStrings } from './locales/rjsf';
import { matches } from './adapters/match';

export type RjsfValidatorOptions = Pick<ValidateOptions, 'lang' | 'context'>;

/** JSON pointer → RJSF's property path (".B.I.common", rows as ".A.III.items.0"). */
function propertyOf(pointer: string): string {
  if (pointer === '') return '';
  return pointer
    .split('/')
    .slice(1)
    .map((t) => `.${t.replace(/~1/g, '/').replace(/~0/g, '~')}`)
    .join('');
}

/** One problem as RJSF lists it; `name` is the package's stable code (`required`, `out-of-range`, …). */
export function toRjsfError(issue: FormIssue): RJSFValidationError {
  const property = propertyOf(issue.path);
  return { name: issue.code, property, message: issue.message, params: issue.rule ? { rule: issue.rule } : {}, stack: issue.message, schemaPath: '#' };
}

/**
 * An RJSF `validator` for one form: `<Form schema={schemaFor(id)} validator={rjsfValidator(id, { lang: 'vi' })} />`.
 * Messages are `checkForm`'s, under the field they name; `transformErrors` and `customValidate` work as with RJSF's own.
 * `isValid` (RJSF asks it to match a value to a `oneOf` option) uses the form's precompiled validator for the whole
 * form and a plain reading of the schema for a part of it.
 */
export function rjsfValidator(formId: string, options: RjsfValidatorOptions = {}): ValidatorType<any, RJSFSchema, any> {
  const form = formOrThrow(formId, options.lang);
  const isWholeForm = (schema: RJSFSchema) => schema.$id === form.schema.$id;
  const check = (data: unknown) => checkForm(formId, data, options).errors;

  const validator: ValidatorType<any, RJSFSchema, any> = {
    validateFormData(formData: unknown, schema: RJSFSchema, customValidate?: CustomValidator, transformErrors?: ErrorTransformer, uiSchema?: UiSchema): ValidationData<any> {
      let errors = check(formData).map(toRjsfError);
      if (typeof transformErrors === 'function') errors = transformErrors(errors, uiSchema);
      const errorSchema = toErrorSchema(errors);
      if (typeof customValidate !== 'function') return { errors, errorSchema };
      // As RJSF's own validator: the custom check sees the data with its defaults filled in.
      const full = getDefaultFormState(validator, schema, formData, schema, true);
      const handler = customValidate(full, createErrorHandler(full), uiSchema, errorSchema);
      return validationDataMerge({ errors, errorSchema }, unwrapErrorHandler(handler));
    },
    isValid(schema: RJSFSchema, formData: unknown, rootSchema: RJSFSchema): boolean {
      if (isWholeForm(schema)) return check(formData).length === 0;
      return matches(schema, formData, rootSchema);
    },
    rawValidation<Result = any>(schema: RJSFSchema, formData?: unknown): { errors?: Result[]; validationError?: Error } {
      if (isWholeForm(schema)) return { errors: check(formData) as Result[] };
      return { errors: (matches(schema, formData, schema) ? [] : [{ path: '', code: 'invalid', message: 'no match' }]) as Result[] };
    },
  };
  return validator;
}

/**
 * RJSF's own words (buttons, "No items yet", the error list's heading) in `lang`:
 * `<Form translateString={rjsfTranslateString('vi')} … />`.
 */
export function rjsfTranslateString(lang: 'vi' | 'en' = 'vi'): (text: TranslatableString, params?: string[]) => string {
  const words = rjsfStrings(lang);
  if (!words) return englishStringTranslator;
  return (text, params) => replaceStringParameters(words[text as `${TranslatableString}`] ?? text, params);
}

export { RJSF_VI };
export type { RjsfStrings } from './locales/rjsf';
