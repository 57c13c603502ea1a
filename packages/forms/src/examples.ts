/** One filled example per form, valid against its schema: for docs, tests and `kiemdiem forms example`. */
import { EXAMPLE_FILES } from './generated/examples';

export const EXAMPLES = EXAMPLE_FILES;

export function exampleFor(formId: string): unknown {
  return EXAMPLE_FILES[formId] === undefined ? undefined : structuredClone(EXAMPLE_FILES[formId]);
}
