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
}
