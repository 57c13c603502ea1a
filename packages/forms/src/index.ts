/**
 * @kiemdiem/forms: the official review forms (HD 43-HD/BTCTW 2025, HD 25-HD/BTCTW 2023) and reference
 * forms as JSON Schema, with UI schemas for JSON Forms and RJSF, and validation that runs under a strict CSP.
 */
import { applyRequirements, type FormContext } from './context';
import type { JsonSchema } from './model';
import type { FormId } from './ids';
import { jsonFormsUiSchema, type JsonFormsElement } from './ui/jsonforms';
import { rjsfUiSchema, type RjsfUiSchema } from './ui/rjsf';
import { formTitle } from './registry';
import { formOrThrow } from './validate';

export { listForms, getForm, formIds, formTitle, FORMS } from './registry';
export { FORM_IDS, isFormId } from './ids';
export type { FormId } from './ids';
export { validate, checkForm, formOrThrow } from './validate';
export type { FormIssue, FormValidation, FormWarning, ValidateOptions } from './validate';
export { requirementsFor } from './context';
export type { FormContext, Requirement, SubjectFacts } from './context';
export { toSubject } from './to-subject';
export { prefillSectionIII } from './prefill';
export type { PrefillOptions } from './prefill';
export { labelOf, nodeAt, normalizeNfc, resolveRef } from './schema-tools';
export { QD37_2021 } from './checklists/qd-37-2021';
export type { Checklist, ChecklistItem } from './checklists/qd-37-2021';
export { messages as formMessages } from './locales';
export type { FormDefinition, FormSummary, FormKind, JsonSchema } from './model';
export type { JsonFormsElement } from './ui/jsonforms';
export type { RjsfUiSchema } from './ui/rjsf';
export { EXAMPLES, exampleFor } from './examples';

/** The form's JSON Schema for one context (required fields, rows and bounds from its rule pack). */
export function schemaFor(formId: FormId | (string & {}), context: FormContext = {}): JsonSchema {
  return applyRequirements(formOrThrow(formId), context);
}

/** The UI schema for JSON Forms (`'jsonforms'`) or react-jsonschema-form (`'rjsf'`) of `schemaFor(formId, context)`, in `lang`: labels and option labels in that language, the form's title first. */
export function uiSchemaFor(formId: FormId | (string & {}), kind: 'jsonforms', lang?: 'vi' | 'en', context?: FormContext): JsonFormsElement;
export function uiSchemaFor(formId: FormId | (string & {}), kind: 'rjsf', lang?: 'vi' | 'en', context?: FormContext): RjsfUiSchema;
export function uiSchemaFor(formId: FormId | (string & {}), kind: 'jsonforms' | 'rjsf', lang?: 'vi' | 'en', context?: FormContext): JsonFormsElement | RjsfUiSchema;
export function uiSchemaFor(formId: string, kind: 'jsonforms' | 'rjsf', lang: 'vi' | 'en' = 'vi', context: FormContext = {}): JsonFormsElement | RjsfUiSchema {
  const schema = schemaFor(formId, context);
  const title = formTitle(formOrThrow(formId), lang);
  return kind === 'jsonforms' ? jsonFormsUiSchema(schema, lang, { title }) : rjsfUiSchema(schema, lang, { title });
}

export { jsonFormsUiSchema, rjsfUiSchema };
