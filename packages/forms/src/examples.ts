/** One filled example per form, valid against its schema: for docs, tests and `kiemdiem forms example`. */
import { EXAMPLE_FILES } from './generated/examples';
import type { FormId } from './ids';

export const EXAMPLES = EXAMPLE_FILES;

/** A filled example of the form (a fresh copy each call): a JSON object valid against its schema. */
export function exampleFor(formId: FormId): Record<string, unknown>;
/** For an id that is not a form of this package: undefined. */
export function exampleFor(formId: string): Record<string, unknown> | undefined;
export function exampleFor(formId: string): Record<string, unknown> | undefined {
  const example = Object.hasOwn(EXAMPLE_FILES, formId) ? EXAMPLE_FILES[formId] : undefined;
  return example === undefined ? undefined : (structuredClone(example) as Record<string, unknown>);
}
