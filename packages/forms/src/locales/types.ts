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
  /** Characters the PDF font has no glyph for, each as `"😀" (U+1F600)`. */
  unsupportedCharacters(field: string, chars: string[]): string;
  /** Control or bidi characters, each as `U+0007`. */
  controlCharacters(field: string, codePoints: string[]): string;
  tooManyMarks(field: string, found: number, max: number): string;
  /** The document nests deeper than `max` levels; `path` is where. */
  tooDeep(path: string, max: number): string;
  /** An object passed in contains itself at `path`. */
  cycle(path: string): string;
  /** More than `max` objects and arrays (a shared object counted at each place); `path` is where the count went past. */
  tooLarge(path: string, max: number): string;
  /** The last line of a list cut short: `n` more problems not listed. */
  moreErrors(n: number): string;
  /** Dates are ISO (YYYY-MM-DD); the locale prints them its own way. */
  birthAfterDocument(birth: string, birthDate: string, dateField: string, date: string): string;
  birthAfterYear(birth: string, birthDate: string, yearField: string, year: number): string;
  underAge(birth: string, birthDate: string, dateField: string, date: string, minAge: number): string;
  /** The review period's year against the document date, which must fall between `from` and `until`. */
  yearMismatch(yearField: string, year: number, dateField: string, date: string, from: string, until: string): string;
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
