import type { Lang } from '@kiemdiem/rules';

/** Every word the forms package shows a person, in one language. */
export interface FormMessages {
  required(field: string): string;
  additionalProperties(field: string): string;
  type(field: string, type: string): string;
  empty(field: string): string;
  maxLength(field: string, n: number): string;
  minimum(field: string, n: number): string;
  maximum(field: string, n: number): string;
  multipleOf(field: string, n: number): string;
  date(field: string): string;
  maxItems(field: string, n: number): string;
  minItems(field: string, n: number): string;
  oneOf(field: string, options: string[]): string;
  sum(field: string, parts: string[], expected: number): string;
  invalid(field: string): string;
  unknownForm(id: string, known: string[]): string;
  levelMismatch(proposed: string, computed: string): string;
  levelMissingFacts(fields: string[]): string;
  /**
   * The rules leave the level to the competent level (status `for-decision`): the proposal is not held against a
   * level; `rules` handed the case over, `without` is what the rules give with those cases set aside (null: none).
   */
  levelForDecision(proposed: string, rules: string[], without: string | null): string;
  /** prefillSectionIII on a form without section III. */
  noSectionIII(id: string): string;
  /** The submit button of an RJSF form. */
  submit: string;
}

/** A schema node, or one option of a `oneOf`, as far as its labels go. */
export interface Titled {
  title?: string;
  'x-title-en'?: string;
}

/** One language: its words, and which schema annotation holds its labels. */
export interface FormLocale {
  lang: Lang;
  /**
   * Where a schema node keeps this language's label. `title` is the Vietnamese heading exactly as the official
   * form prints it (and the fallback for every language); other languages have their own `x-title-…` key.
   */
  titleKey: keyof Titled;
  messages: FormMessages;
}
